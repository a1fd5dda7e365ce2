"""Scoring rules of docs/annotation.md, on hand-built sides (no pipeline, no corpus)."""

from __future__ import annotations

import pytest

from warta.eval import scoring
from warta.eval.scoring import Actor, Event, Quote, Side


def _actor(aid: str, *names: str, type: str = "PERSON", country: str | None = "IDN") -> Actor:
    return Actor(aid, frozenset(scoring.normalise(n) for n in names), type, country)


GOLD_ACTORS = [
    _actor("a1", "Sri Wahyuni", "Menteri Keuangan Sri Wahyuni", "Wahyuni"),
    _actor("a2", "Komisi Pemberantasan Korupsi", "KPK", type="ORG"),
    _actor("a3", "China", "Beijing", type="GPE", country="CHN"),
]


@pytest.mark.parametrize(("name", "folded"), [
    ("Presiden Joko Widodo", "joko widodo"),
    ("Bu Sri  Wahyuni", "sri wahyuni"),
    ("K.P.K.", "k p k"),
    ("Presiden", "presiden"),  # a bare title is kept: nothing else names the actor
])
def test_normalise_drops_titles_case_and_punctuation(name: str, folded: str) -> None:
    assert scoring.normalise(name) == folded


def test_actors_match_by_any_alias_one_to_one() -> None:
    pred = [_actor("person:sri-wahyuni", "Wahyuni"), _actor("org:kpk", "KPK", type="ORG"),
            _actor("person:wahyuni-2", "Wahyuni")]
    assert scoring.match_actors(GOLD_ACTORS, pred) == {"person:sri-wahyuni": "a1",
                                                       "org:kpk": "a2"}


def test_actor_country_type_and_spurious_errors() -> None:
    pred = [_actor("p1", "Sri Wahyuni", country=None),  # found, wrong country
            _actor("p2", "KPK", type="PERSON"),  # found, wrong type
            _actor("p3", "Betawi"),  # spurious
            _actor("p4", "Bogor", type="LOC", country="IDN")]  # a place: not counted
    result = scoring.score_actors(Side(GOLD_ACTORS), Side(pred))
    assert (result["tp"], result["gold"], result["pred"]) == (2, 3, 3)
    assert result["country_ok"] == 1 and result["type_ok"] == 1
    assert dict(result["errors"]) == {"wrong country": 1, "wrong type": 1, "spurious": 1,
                                      "missed": 1}


def test_quote_errors_by_kind() -> None:
    gold = Side(GOLD_ACTORS, quotes=[Quote((0, 40), "a1"), Quote((50, 90), "a1"),
                                     Quote((100, 140), "a2"), Quote((200, 240), "a1")])
    pred_actors = [_actor("p1", "Wahyuni"), _actor("p2", "KPK", type="ORG")]
    pred = Side(pred_actors, quotes=[
        Quote((2, 38), "p1"),  # right
        Quote((60, 95), "p2"),  # speaker wrong
        Quote((100, 125), None),  # speaker missing
        Quote((300, 340), "p1"),  # spurious
    ])
    amap = scoring.match_actors(gold.actors, pred.actors)
    result = scoring.score_quotes(gold, pred, amap)
    assert result["tp"] == 1 and result["spans"] == 3
    assert dict(result["errors"]) == {"speaker wrong": 1, "speaker missing": 1,
                                      "span missed": 1, "spurious": 1}


def test_a_small_overlap_is_no_match() -> None:
    gold = Side(GOLD_ACTORS, quotes=[Quote((0, 100), "a1")])
    pred = Side([_actor("p1", "Wahyuni")], quotes=[Quote((90, 200), "p1")])
    assert scoring.score_quotes(gold, pred, {"p1": "a1"})["tp"] == 0


def test_event_errors_by_kind() -> None:
    gold = Side(GOLD_ACTORS, events=[
        Event("a2", "COERCE", "a1"),  # matched
        Event("a3", "ACCUSE", "a1"),  # predicted with no target: party missing
        Event("a1", "SUPPORT", "a2"),  # predicted with another target: wrong party
        Event("a1", "REJECT", "a3"),  # predicted as REQUEST: wrong type
        Event("a3", "ASSAULT", None),  # not predicted: missed
    ])
    pred_actors = [_actor("p1", "Sri Wahyuni"), _actor("p2", "KPK", type="ORG"),
                   _actor("p3", "China", type="GPE", country="CHN"), _actor("p4", "Budi")]
    pred = Side(pred_actors, events=[
        Event("p2", "COERCE", "p1"), Event("p3", "ACCUSE", None), Event("p1", "SUPPORT", "p4"),
        Event("p1", "REQUEST", "p3"), Event("p4", "PROTEST", None),
    ])
    amap = scoring.match_actors(gold.actors, pred.actors)
    result = scoring.score_events(gold, pred, amap)
    assert result["tp"] == 1 and result["no_party"] == 2
    assert result["gold_no_party"] == 1  # the gold's own ASSAULT with no target
    assert dict(result["errors"]) == {"party missing": 1, "wrong party": 1, "wrong type": 1,
                                      "missed": 1, "spurious": 1}


@pytest.mark.parametrize(("typ", "matches"), [("CONSULT", True), ("ACCUSE", False)])
def test_direction_is_free_only_for_symmetric_types(typ: str, matches: bool) -> None:
    gold = Side(GOLD_ACTORS, events=[Event("a1", typ, "a2")])
    pred = Side([_actor("p1", "Wahyuni"), _actor("p2", "KPK", type="ORG")],
                events=[Event("p2", typ, "p1")])
    result = scoring.score_events(gold, pred, scoring.match_actors(gold.actors, pred.actors))
    assert result["tp"] == int(matches)


def test_offset_map_skips_removed_lines() -> None:
    annotated = "Satu dua.\nSCROLL TO CONTINUE WITH CONTENT\n“Tiga empat,” kata Budi."
    cleaned = "Satu dua.\n“Tiga empat,” kata Budi."
    to_annotated = scoring.offset_map(cleaned, annotated)
    start = cleaned.index("Tiga")
    assert annotated[to_annotated(start):to_annotated(start + 11)] == "Tiga empat,"


def test_summary_has_intervals_that_hold_the_estimate() -> None:
    rows = [{"tp": t, "gold": 4, "pred": 5, "no_party": 1, "gold_no_party": 2, "negated_ok": t,
             "modality_ok": t, "errors": {"missed": 4 - t}} for t in (0, 1, 2, 3, 4, 4, 3)]
    out = scoring.summarise("events", rows)
    assert out["missing_party_rate"] == 0.2 and out["gold_missing_party_rate"] == 0.5
    low, high = out["f1_ci"]
    assert low <= out["f1"] <= high and low < high
    assert out["errors"] == {"missed": 11}
    assert scoring.summarise("events", rows) == out  # seeded: reproducible


def test_a_triple_counts_once_per_article_on_both_sides() -> None:
    gold = Side(GOLD_ACTORS, events=[Event("a2", "COERCE", "a1"), Event("a2", "COERCE", "a1")])
    pred = Side([_actor("p2", "KPK", type="ORG"), _actor("p1", "Wahyuni")],
                events=[Event("p2", "COERCE", "p1")] * 3)
    result = scoring.score_events(gold, pred, scoring.match_actors(gold.actors, pred.actors))
    assert (result["tp"], result["gold"], result["pred"]) == (1, 1, 1)
