"""Acceptance: the seed article, analysed and stored by the real pipeline, exports as GDELT
events that pandas loads with GDELT's 61 column names, country and CAMEO codes filled."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from warta.cli import cli
from warta.export import gdelt

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_f7b9f3e334794158.txt"


@pytest.mark.shared_data
@pytest.mark.skipif(not SEED.exists(), reason=f"{SEED} absent (shared seeds not staged)")
def test_seed_article_exports_as_gdelt_events(tmp_path: Path) -> None:
    import pandas as pd

    db = tmp_path / "seed.db"
    runner = CliRunner()
    ingest = runner.invoke(cli, ["ingest", str(SEED), "--db", str(db)])
    assert ingest.exit_code == 0, ingest.output
    out = tmp_path / "events.tsv"
    export = runner.invoke(cli, ["export", "--db", str(db), "--format", "gdelt-events",
                                 "--out", str(out), "--no-progress"])
    assert export.exit_code == 0, export.output
    frame = pd.read_csv(out, sep="\t", header=None, names=list(gdelt.COLUMNS), dtype=str,
                        keep_default_na=False)
    assert len(frame) >= 1
    assert frame.shape[1] == 61
    assert all(len(line.split("\t")) == 61 for line in out.read_text("utf-8").splitlines())
    assert (frame["EventCode"] != "").all()
    assert (frame["EventRootCode"] == frame["EventCode"].str[:2]).all()
    assert frame["QuadClass"].isin(["1", "2", "3", "4"]).all()
    for side in ("Actor1", "Actor2"):
        named = frame[frame[f"{side}Name"] != ""]
        assert (named[f"{side}CountryCode"].str.fullmatch(r"[A-Z]{3}")).all()
    countries = pd.concat([frame["Actor1CountryCode"], frame["Actor2CountryCode"]])
    assert (countries != "").sum() >= len(frame)  # most events name at least one country
