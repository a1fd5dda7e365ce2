"""`warta eval quotes`: scoring rules, gold loading (references into shared data) and a floor."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from warta.eval.quotes import (
    GOLD,
    GoldDoc,
    Predicted,
    Tally,
    digest,
    evaluate,
    load_gold,
    match,
    speaker_right,
)

TEXT = "Harga beras naik tajam bulan ini, kata Rina Mulyani kepada wartawan di pasar."


def _pred(start: int, end: int, names: set[str] | None = None, surface: str | None = None,
          kind: str = "direct") -> Predicted:
    return Predicted(start, end, kind, frozenset(names or ()), surface, bool(names))


def test_match_is_one_to_one_largest_overlap_first():
    gold = [{"start": 0, "end": 10, "kind": "direct"}, {"start": 20, "end": 30, "kind": "direct"}]
    pred = [_pred(5, 25), _pred(0, 9), _pred(40, 50)]
    assert sorted(match(gold, pred)) == [(0, 1), (1, 0)]


@pytest.mark.parametrize(("gold", "pred", "surface", "right"), [
    (["Rina Mulyani"], _pred(0, 1, {"rina mulyani"}), False, True),
    (["Rina Mulyani"], _pred(0, 1, {"rina"}), False, True),
    (["Tito Karnavian"], _pred(0, 1, {"muhammad tito karnavian"}), False, True),
    (["Rina Mulyani"], _pred(0, 1, {"budi hartono"}), False, False),
    (["Rina Mulyani"], _pred(0, 1, surface="Rina"), False, False),
    (["Rina Mulyani"], _pred(0, 1, surface="Rina"), True, True),
    ([], _pred(0, 1), False, True),
    ([], _pred(0, 1, {"rina"}), False, False),
    (["Bill Gates", "Warren Buffett"], _pred(0, 1, {"warren buffett"}), False, True),
])
def test_speaker_right(gold, pred, surface, right):
    assert speaker_right(gold, pred, surface=surface) is right


def test_tally_exact_ignores_edge_punctuation():
    doc = GoldDoc("d", "own", "dev", TEXT, [
        {"start": 0, "end": 32, "kind": "indirect", "speakers": ["Rina Mulyani"]}])
    tally = Tally()
    tally.add(doc, [_pred(0, 33, {"rina mulyani"}, kind="indirect")])
    figures = tally.figures()
    assert figures["exact_recall"] == 1.0 and figures["attributed_f1"] == 1.0


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "berita"
    folder.mkdir(parents=True)
    with (folder / "berita.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["id", "isi_berita"])
        writer.writeheader()
        writer.writerow({"id": "7", "isi_berita": TEXT})
    return tmp_path / "data"


def _gold_file(tmp_path: Path, entries: list[dict]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(e) for e in entries) + "\n", "utf-8")
    return path


def _ref(file: str, span_digest: str) -> dict:
    return {"doc": "detik:7", "source": "detik", "split": "test", "file": file, "row_id": "7",
            "quotes": [{"start": 0, "end": 32, "kind": "indirect", "speakers": ["Rina Mulyani"],
                        "digest": span_digest}]}


def test_references_are_read_from_shared_data(tmp_path, shared):
    gold = _gold_file(tmp_path, [_ref("berita/berita.csv", digest(TEXT[0:32]))])
    docs, skipped = load_gold(gold, data=shared)
    assert skipped == [] and docs[0].text == TEXT


@pytest.mark.parametrize(("file", "span_digest", "reason"), [
    ("berita/absent.csv", "x", "absent"),
    ("berita/berita.csv", "000000000000", "differs"),
])
def test_unusable_references_are_skipped_with_a_message(tmp_path, shared, file, span_digest,
                                                        reason):
    docs, skipped = load_gold(_gold_file(tmp_path, [_ref(file, span_digest)]), data=shared)
    assert docs == [] and reason in skipped[0]


def test_shipped_gold_has_forty_quotes_and_no_shared_text():
    entries = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line]
    assert sum(len(e["quotes"]) for e in entries) >= 40
    for e in entries:
        assert ("text" in e) == (e["source"] == "own")
        assert all("digest" in q for q in e["quotes"]) or e["source"] == "own"


def test_own_texts_floor(nlp):
    """A regression gate on the texts we wrote: spans must stay found."""
    docs, _ = load_gold(GOLD, split="all")
    own = [d for d in docs if d.source == "own"]
    figures = evaluate(nlp, own)
    assert figures["span_recall"] >= 0.9 and figures["span_precision"] >= 0.9


def test_cli_prints_one_json_line(tmp_path):
    from warta.cli import cli

    entries = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line]
    gold = _gold_file(tmp_path, [e for e in entries if e["source"] == "own"][:1])
    result = CliRunner().invoke(cli, ["eval", "quotes", "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    line = json.loads(result.output.strip().splitlines()[-1])
    assert line["documents"] == 1 and 0.0 <= line["attributed_f1"] <= 1.0
