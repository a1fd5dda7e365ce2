"""`warta eval coref`: one JSON line with the coreference corpus figures."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from warta.eval.coref import coref, read_corpus

DATA = Path(__file__).resolve().parent.parent / "data" / "actors"


def test_read_corpus() -> None:
    sentences = read_corpus(DATA / "coref_small.xml")
    assert [len(s) for s in sentences] == [3, 4, 3]


def test_eval_coref_prints_one_json_line() -> None:
    result = CliRunner().invoke(coref, ["--oracle", "--corpus", str(DATA / "coref_small.xml")])
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout.strip().splitlines()[-1])
    assert line["mentions"] == "oracle"
    # "Hasan" and "Ia" both point back to Gubernur Hasan Basri
    assert line["corpus"]["by_kind"] == {"name": {"n": 1, "accuracy": 1.0},
                                         "pronoun": {"n": 1, "accuracy": 1.0}}
