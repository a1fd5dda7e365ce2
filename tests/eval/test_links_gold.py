"""The shipped links gold is standoff, well formed and its test split is pinned."""

from __future__ import annotations

from warta.eval import links

REF = {"corpus", "key", "sha256"}


def test_test_split_is_pinned() -> None:
    pinned = (links.links_dir() / "test.sha256").read_text(encoding="utf-8").strip()
    assert links.test_digest() == pinned, "test gold changed: re-pin in a gold commit of its own"


def test_gold_is_standoff_and_split() -> None:
    for row in links.read_gold("pairs.jsonl"):
        assert set(row["a"]) == REF and set(row["b"]) == REF
        assert row["label"] in {"duplicate", "same_story", "different"}
        assert row["split"] == links.split_of(row["pair"])
    for row in links.read_gold("event_pairs.jsonl"):
        for side in (row["a"], row["b"]):
            assert set(side) == REF | {"start", "end"} and 0 <= side["start"] < side["end"]
        assert row["label"] in {"same", "different"}
    for row in links.read_gold("queries.jsonl"):
        assert row["judgements"] and all(set(j["article"]) == REF for j in row["judgements"])
        assert all(j["grade"] in (0, 1, 2) for j in row["judgements"])
    assert {r["split"] for r in links.read_gold("stories.jsonl")} == {"dev", "test"}


def test_gold_has_the_size_the_issue_asks() -> None:
    assert len(links.read_gold("pairs.jsonl")) >= 150
    assert len(links.read_gold("event_pairs.jsonl")) >= 150
    assert len(links.read_gold("queries.jsonl")) >= 30
