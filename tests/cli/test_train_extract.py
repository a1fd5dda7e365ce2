"""`warta train extract`: the registry of decision models behind one command."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from warta.cli import cli
from warta.train import decision_models, registry


def test_unknown_model_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["train", "extract", "--model", "nope"])
    assert result.exit_code == 2
    assert "unknown model(s) ['nope']" in result.output


def test_each_registered_model_is_fit_with_its_file_and_seed(tmp_path: Path,
                                                             monkeypatch) -> None:
    calls = []

    def fit(*, data: Path, out: Path, seed: int, fraction: float) -> dict:
        calls.append((out.name, seed, fraction))
        out.write_text("{}", encoding="utf-8")
        return {"dev_f1": 0.5}

    assert decision_models  # the real trainers registered before the registry is emptied
    monkeypatch.setattr(registry, "TRAINERS", {})
    registry.register(registry.Trainer("toy", "toy.json", fit))
    result = CliRunner().invoke(cli, ["train", "extract", "--out", str(tmp_path), "--seed", "7",
                                      "--fraction", "0.25"])
    assert result.exit_code == 0, result.output
    assert calls == [("toy.json", 7, 0.25)]
    assert json.loads(result.stdout) == {"model": "toy", "fraction": 0.25, "dev_f1": 0.5}
    assert (tmp_path / "toy.json").exists()
