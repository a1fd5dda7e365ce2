"""`warta eval events`: matching, reversed directions and the one JSON line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from warta.eval.events import Coded, load_gold, score_item
from warta.eval.events import events as events_cmd


@pytest.mark.parametrize(("gold", "pred", "tp", "rev"), [
    ([Coded("RUS", "ASSAULT", "UKR")], [Coded("RUS", "ASSAULT", "UKR")], 1, 0),
    ([Coded("RUS", "ASSAULT", "UKR")], [Coded("UKR", "ASSAULT", "RUS")], 0, 1),
    # symmetric gold matches either direction and is never "reversed"
    ([Coded("CHN", "CONSULT", "USA", sym=True)], [Coded("USA", "CONSULT", "CHN")], 1, 0),
    # a symmetric prediction is not reversed either
    ([Coded("IDN", "CONSULT", "AUS")], [Coded("AUS", "CONSULT", "IDN", sym=True)], 0, 0),
    # one prediction matches one gold event only
    ([Coded("RUS", "ASSAULT", "UKR")] * 2, [Coded("RUS", "ASSAULT", "UKR")], 1, 0),
    ([Coded(None, "ACCUSE", "ISR")], [Coded("IRN", "ACCUSE", "ISR")], 0, 0),
])
def test_score_item(gold, pred, tp, rev) -> None:
    result = score_item(gold, pred)
    assert (result["tp"], result["reversed"]) == (tp, rev)


def test_gold_sets_have_enough_events_and_no_shared_text() -> None:
    dev, held = load_gold(name="dev"), load_gold(name="heldout")
    assert sum(len(i["events"]) for i in dev + held) >= 60
    refs = [i for i in dev + held if "ref" in i]
    assert refs and all("text" not in i for i in refs)


def test_oracle_run_prints_one_json_line(tmp_path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "t1", "text": "Rusia menyerang Ukraina.", "published": "2024-01-02",
        "entities": [[0, 5, "GPE", "gpe:RUS", "RUS"], [16, 23, "GPE", "gpe:UKR", "UKR"]],
        "dates": [], "events": [{"source": "RUS", "type": "ASSAULT", "target": "UKR"}]}) + "\n",
        encoding="utf-8")
    result = CliRunner().invoke(events_cmd, ["--gold", str(gold), "--actors", "oracle"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert (figures["f1"], figures["reversed"], figures["date_accuracy"]) == (1.0, 0, 0.0)


def test_missing_shared_article_is_skipped(tmp_path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "r1", "ref": {"corpus": "seeds", "path": "nope.txt"},
                                "entities": [], "dates": [], "events": []}) + "\n",
                    encoding="utf-8")
    result = CliRunner().invoke(events_cmd, ["--gold", str(gold), "--actors", "oracle",
                                             "--data", str(tmp_path / "data")])
    assert result.exit_code == 0
    assert json.loads(result.output.strip().splitlines()[-1])["skipped"] == 1


def test_csv_reference_reads_the_row_and_checks_its_hash(tmp_path) -> None:
    import hashlib

    from warta.eval.events import item_text

    corpus = tmp_path / "data" / "berita"
    corpus.mkdir(parents=True)
    (corpus / "b.csv").write_text('id,isi\n7,"Rusia menyerang Ukraina."\n', encoding="utf-8")
    digest = hashlib.sha256(b"Rusia menyerang Ukraina.").hexdigest()
    ref = {"corpus": "data/berita", "path": "b.csv", "key": {"id": "7"}, "column": "isi"}
    assert item_text({"id": "x", "ref": {**ref, "sha256": digest}}, tmp_path) == (
        "Rusia menyerang Ukraina.", None)
    text, why = item_text({"id": "x", "ref": {**ref, "sha256": "0" * 64}}, tmp_path)
    assert text is None and "differs" in why
