"""The measures of the links gold: pairwise figures, B-cubed, nDCG and agreement."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.eval import links


def test_pairwise_counts_only_judged_pairs() -> None:
    rows = links.pair_rows([(True, True), (True, False), (False, True), (False, False)])
    figures = links.pair_figures(rows)
    assert (figures["matched"], figures["gold_same"], figures["predicted_same"]) == (1, 2, 2)
    assert figures["f1"] == pytest.approx(0.5)
    low, high = figures["f1_ci"]
    assert 0.0 <= low <= 0.5 <= high <= 1.0


def test_bcubed_is_perfect_only_for_the_same_clustering() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert links.bcubed(gold, {"a": "1", "b": "1", "c": "2"}) == (1.0, 1.0, 1.0)
    p, r, _ = links.bcubed(gold, {"a": "1", "b": "1", "c": "1"})  # one cluster: recall kept
    assert r == 1.0 and p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    p, r, _ = links.bcubed(gold, {})  # every item alone: precision kept
    assert p == 1.0 and r == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)


def test_ndcg_rewards_graded_hits_early() -> None:
    grades = {"d1": 2, "d2": 1}
    assert links.ndcg(["d1", "d2"], grades) == pytest.approx(1.0)
    assert links.ndcg(["d2", "d1"], grades) < 1.0
    assert links.ndcg(["x", "y"], grades) == 0.0
    assert links.ndcg(["x"], {}) == 0.0  # a query with nothing relevant scores nothing


def test_split_is_stable_and_uses_both_halves() -> None:
    names = [f"p{n:03d}" for n in range(200)]
    assert [links.split_of(n) for n in names] == [links.split_of(n) for n in names]
    assert 60 < sum(links.split_of(n) == "dev" for n in names) < 140


def test_agreement_kappa(tmp_path: Path) -> None:
    rows = [{"pair": f"p{i}", "annotator": a, "label": lab}
            for i, labs in enumerate([("dup", "dup"), ("diff", "diff"), ("dup", "diff"),
                                      ("same", "same")])
            for a, lab in zip(("x", "y"), labs, strict=True)]
    (tmp_path / "pairs.double.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (tmp_path / "event_pairs.double.jsonl").write_text("")
    stories = [{"item": i, "annotator": a, "story": s} for a, groups in
               (("x", {"s1": "A", "s2": "A", "s3": "B"}), ("y", {"s1": "P", "s2": "P", "s3": "P"}))
               for i, s in groups.items()]
    (tmp_path / "stories.double.jsonl").write_text("".join(json.dumps(r) + "\n" for r in stories))
    grades = [{"qid": "q1", "doc": d, "annotator": a, "grade": g}
              for a, gs in (("x", (2, 0)), ("y", (1, 0))) for d, g in zip("ab", gs, strict=True)]
    (tmp_path / "queries.double.jsonl").write_text("".join(json.dumps(r) + "\n" for r in grades))
    result = links.agreement(root=tmp_path)
    pairs = result["article_pairs"]
    assert pairs["items"] == 4 and pairs["observed"] == 0.75
    assert 0.0 < pairs["kappa"] < 0.75
    assert result["event_links"]["items"] == 0
    assert 0.0 < result["stories"]["bcubed_f1"] < 1.0
    assert result["relevance"] == {"items": 2, "observed": 1.0, "kappa": 1.0}


def test_events_are_aligned_through_the_cleaned_text() -> None:
    """warta's offsets are in its cleaned text (a paragraph break added, a boilerplate line
    cut), the gold's in the staged one: an event is the judged sentence's only after mapping,
    and an event that only touches the sentence's edge is not."""
    staged = ("Baca juga: Berita lain\nKPK menangkap Budi di Jakarta. Budi lalu diperiksa "
              "penyidik. Polisi menjaga gedung.")
    cleaned = ("KPK menangkap Budi di Jakarta.\n\nBudi lalu diperiksa penyidik.\n\n"
               "Polisi menjaga gedung.")

    def span(text: str, sentence: str) -> tuple[int, int]:
        return text.index(sentence), text.index(sentence) + len(sentence)

    arrest, exam = span(cleaned, "KPK menangkap Budi di Jakarta."), \
        span(cleaned, "Budi lalu diperiksa penyidik.")
    record = {"text": cleaned, "events": [
        {"start": arrest[0], "end": arrest[1]},
        {"start": exam[0], "end": exam[1] + 2},  # its span takes the paragraph break along
        {"start": None, "end": None}]}
    assert links.aligned_events(record, staged, *span(staged, "KPK menangkap Budi di Jakarta.")) \
        == [0]
    assert links.aligned_events(record, staged, *span(staged, "Budi lalu diperiksa penyidik.")) \
        == [1]
    assert links.aligned_events(record, staged, *span(staged, "Polisi menjaga gedung.")) == []


def test_an_event_is_also_reported_where_its_merged_evidence_is() -> None:
    """An event merged from two sentences of one article ("KPK menangkap Budi ... Penangkapan
    Budi oleh KPK ...") lists both as evidence: the judged second sentence reports it too,
    though the record's span is the first one's sentence."""
    text = "KPK menangkap Budi di Jakarta. Penangkapan Budi oleh KPK berlangsung malam. Hujan."
    first, second = text.index("KPK menangkap"), text.index("Penangkapan")
    event = {"start": first, "end": second - 1, "evidence": [[first, first + 18],
                                                             [second, second + 27]]}
    record = {"text": text, "events": [event]}
    assert links.aligned_events(record, text, second, text.index(" Hujan")) == [0]
    assert links.aligned_events(record, text, text.index("Hujan"), len(text)) == []
    alone = {"text": text, "events": [{"start": first, "end": second - 1}]}
    assert links.aligned_events(alone, text, second, text.index(" Hujan")) == []
