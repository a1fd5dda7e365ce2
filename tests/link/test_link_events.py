"""Event mentions of different reports joined into real-world events (warta.link.events)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from link_records import ev, rec

from warta.link.events import Parties, link_event_mentions, trigger_lemma
from warta.settings import Settings

MENLU, MENHAN, KPK = "person:sugiono", "person:sjafrie", "org:kpk"


def _events(linked: dict[tuple[str, int], str]) -> int:
    return len(set(linked.values()))


def test_two_reports_of_one_meeting_are_one_event() -> None:
    a = rec("a", "2025-03-10", ev("CONSULT", MENLU, MENHAN, place="Jakarta"))
    b = rec("b", "2025-03-11", ev("CONSULT", MENLU, MENHAN, date="2025-03-10"))
    linked = link_event_mentions([a, b])
    assert linked[("a", 0)] == linked[("b", 0)]
    assert _events(linked) == 1


def test_a_meeting_without_direction_matches_with_parties_swapped() -> None:
    a = rec("a", "2025-03-10", ev("CONSULT", MENLU, MENHAN, symmetric=True))
    b = rec("b", "2025-03-10", ev("CONSULT", MENHAN, MENLU, symmetric=True))
    assert _events(link_event_mentions([a, b])) == 1


@pytest.mark.parametrize("other", [
    ev("CONSULT", MENLU, MENHAN, date="2025-07-02"),   # months later
    ev("ACCUSE", MENLU, MENHAN),                        # another type
    ev("CONSULT", MENHAN, MENLU),                       # a direction the other way round
    ev("CONSULT", MENLU, KPK),                          # another party
    ev("CONSULT", MENLU, MENHAN, place="Surabaya"),     # another place
    ev("CONSULT", MENLU, MENHAN, negated=True),         # "did not meet"
])
def test_events_that_differ_stay_apart(other: dict) -> None:
    a = rec("a", "2025-03-10", ev("CONSULT", MENLU, MENHAN, place="Jakarta"))
    b = rec("b", "2025-03-11", other)
    linked = link_event_mentions([a, b])
    assert linked[("a", 0)] != linked[("b", 0)]


def test_weekly_meetings_do_not_chain_into_one_event() -> None:
    """Every report is within the window of the previous one, but the span bound cuts."""
    reports = [rec(f"r{i}", f"2025-03-{1 + 3 * i:02d}", ev("CONSULT", MENLU, MENHAN))
               for i in range(8)]  # 1, 4, 7, ... 22 March
    linked = link_event_mentions(reports)
    assert _events(linked) >= 3
    settings = Settings()
    wide = replace(settings, link=replace(settings.link, event_max_span_days=60))
    assert _events(link_event_mentions(reports, wide)) == 1


LENIENT = replace(Settings(), link=replace(Settings().link, event_missing_party=True))


def test_a_mention_missing_one_party_joins_the_one_event_that_fits_when_allowed() -> None:
    a = rec("a", "2025-05-01", ev("ACCUSE", KPK, MENLU))
    b = rec("b", "2025-05-01", ev("ACCUSE", KPK, None))
    linked = link_event_mentions([a, b], LENIENT)
    assert linked[("a", 0)] == linked[("b", 0)]
    linked = link_event_mentions([a, b])  # the default: one side says too little
    assert linked[("a", 0)] != linked[("b", 0)]


def test_a_mention_missing_one_party_stays_apart_when_two_events_fit() -> None:
    a = rec("a", "2025-05-01", ev("ACCUSE", KPK, MENLU))
    b = rec("b", "2025-05-01", ev("ACCUSE", KPK, MENHAN))
    c = rec("c", "2025-05-01", ev("ACCUSE", KPK, None))
    linked = link_event_mentions([a, b, c], LENIENT)
    assert linked[("c", 0)] not in {linked[("a", 0)], linked[("b", 0)]}


def test_a_country_alone_does_not_pick_the_event() -> None:
    a = rec("a", "2025-05-01", ev("CONSULT", MENLU, "gpe:IDN"))
    b = rec("b", "2025-05-01", ev("CONSULT", None, "gpe:IDN"))
    linked = link_event_mentions([a, b], LENIENT)
    assert linked[("a", 0)] != linked[("b", 0)]


def test_mentions_without_parties_are_each_their_own_event() -> None:
    a = rec("a", "2025-05-01", ev("PROTEST", None, None), ev("PROTEST", None, None))
    b = rec("b", "2025-05-01", ev("PROTEST", None, None))
    assert _events(link_event_mentions([a, b])) == 3


def test_every_event_gets_an_id_and_ids_are_stable() -> None:
    records = [rec("a", "2025-03-10", ev("CONSULT", MENLU, MENHAN), ev("AID", KPK, None)),
               rec("b", None, ev("CONSULT", MENLU, MENHAN)), rec("c", "2025-03-10")]
    linked = link_event_mentions(records)
    assert set(linked) == {("a", 0), ("a", 1), ("b", 0)}
    assert linked == link_event_mentions(list(reversed(records)))
    assert linked[("a", 0)] != linked[("b", 0)]  # an undated report cannot be placed in time


def test_mentions_missing_the_same_party_are_not_joined_among_themselves() -> None:
    """Two "KPK detained (someone)" in one week: nothing says it is the same detention."""
    a = rec("a", "2025-05-01", ev("COERCE", KPK, None))
    b = rec("b", "2025-05-02", ev("COERCE", KPK, None))
    linked = link_event_mentions([a, b])
    assert linked[("a", 0)] != linked[("b", 0)]


# --- one story: a side may be missing -----------------------------------------------------------

SUSPECT, OTHER_SUSPECT = "person:budi-hartono", "person:rina-melati"
ONE_STORY = {"a": "story-1", "b": "story-1", "c": "story-1"}


def _arrest(source: str | None, target: str | None, *, trigger: str = "menangkap") -> dict:
    return ev("COERCE", source, target, trigger=trigger, mode="arrest")


def test_in_one_story_reports_with_a_side_missing_are_one_arrest() -> None:
    """"KPK menangkap Budi" and, a day later in the same story, "Budi ditangkap KPK" written
    without the target: the same trigger word, the same source, no conflict."""
    a = rec("a", "2025-05-01", _arrest(KPK, SUSPECT))
    b = rec("b", "2025-05-02", _arrest(KPK, None, trigger="ditangkap"))
    linked = link_event_mentions([a, b], stories=ONE_STORY)
    assert linked[("a", 0)] == linked[("b", 0)]
    assert link_event_mentions([a, b])[("a", 0)] != link_event_mentions([a, b])[("b", 0)]
    off = replace(Settings(), link=replace(Settings().link, event_story_partial=False))
    assert _events(link_event_mentions([a, b], off, ONE_STORY)) == 2


def test_in_one_story_two_mentions_missing_the_same_side_join() -> None:
    """Both reports name only who acted ("KPU menggelar rapat"): one story, one day apart."""
    a = rec("a", "2025-09-16", ev("CONSULT", KPK, None, symmetric=True, trigger="rapat"))
    b = rec("b", "2025-09-17", ev("CONSULT", KPK, None, symmetric=True, trigger="rapat"))
    assert _events(link_event_mentions([a, b], stories=ONE_STORY)) == 1


def test_in_one_story_a_meeting_without_direction_compares_its_parties_as_a_set() -> None:
    a = rec("a", "2025-03-10", ev("CONSULT", MENLU, MENHAN, symmetric=True, trigger="bertemu"))
    b = rec("b", "2025-03-10", ev("CONSULT", None, MENLU, symmetric=True, trigger="bertemu"))
    c = rec("c", "2025-03-10", ev("CONSULT", MENLU, KPK, symmetric=True, trigger="bertemu"))
    linked = link_event_mentions([a, b, c], stories=ONE_STORY)
    assert linked[("a", 0)] == linked[("b", 0)]
    assert linked[("c", 0)] != linked[("a", 0)]  # a third party: another meeting


@pytest.mark.parametrize(("second", "stories"), [
    (rec("b", "2025-05-01", _arrest(KPK, None)), {"a": "story-1", "b": "story-2"}),
    (rec("b", "2025-05-04", _arrest(KPK, None)), ONE_STORY),        # three days later
    (rec("b", "2025-05-01", _arrest(KPK, OTHER_SUSPECT)), ONE_STORY),  # another suspect
    (rec("b", "2025-05-01", _arrest(KPK, None, trigger="menggeledah")), ONE_STORY),  # a search
    (rec("b", "2025-05-01", _arrest(None, None)), ONE_STORY),       # no party at all
    (rec("b", "2025-05-01", ev("COERCE", KPK, None, negated=True, trigger="menangkap")),
     ONE_STORY),
    (rec("b", "2025-05-01", ev("COERCE", KPK, None, modality="future", trigger="menangkap")),
     ONE_STORY),                                                    # "KPK akan menangkap"
    (rec("b", "2025-05-01", ev("COERCE", KPK, None, mode="seize", trigger="menangkap")),
     ONE_STORY),                                                    # another mode
])
def test_two_arrests_by_kpk_in_one_week_stay_two_events(second: dict, stories: dict) -> None:
    a = rec("a", "2025-05-01", _arrest(KPK, SUSPECT))
    linked = link_event_mentions([a, second], stories=stories)
    assert linked[("a", 0)] != linked[("b", 0)]


def test_a_report_of_two_arrests_leaves_a_one_sided_report_alone() -> None:
    """One article of the story reports two arrests by KPK; the other's "KPK menangkap ..."
    fits both, so it is neither."""
    a = rec("a", "2025-05-01", _arrest(KPK, SUSPECT), _arrest(KPK, OTHER_SUSPECT))
    b = rec("b", "2025-05-01", _arrest(KPK, None))
    linked = link_event_mentions([a, b], stories=ONE_STORY)
    assert linked[("b", 0)] not in {linked[("a", 0)], linked[("a", 1)]}
    assert linked[("a", 0)] != linked[("a", 1)]


def test_one_story_does_not_chain_past_the_span() -> None:
    """Each report a day after the previous, all one story: joined only within the span."""
    reports = [rec(k, f"2025-05-{1 + 2 * i:02d}", _arrest(KPK, None))
               for i, k in enumerate("abcdef")]  # 1, 3, ... 11 May: two days apart each
    linked = link_event_mentions(reports, stories=dict.fromkeys("abcdef", "story-1"))
    assert _events(linked) == 6  # two days apart: past event_story_window_days


def test_trigger_lemma_folds_the_affixes_the_lexicon_knows() -> None:
    assert trigger_lemma("ditangkap") == trigger_lemma("Menangkap") == "tangkap"
    assert trigger_lemma("kata asing") == "kata asing"
    assert trigger_lemma(None) is None


def test_a_one_sided_report_does_not_chain_two_arrests_into_one() -> None:
    """"KPK menangkap ..." fits the arrest of Budi in one article and of Rina in another: it
    joins one at most, and the two arrests stay two."""
    a = rec("a", "2025-05-01", _arrest(KPK, SUSPECT))
    b = rec("b", "2025-05-01", _arrest(KPK, None))
    c = rec("c", "2025-05-01", _arrest(KPK, OTHER_SUSPECT))
    linked = link_event_mentions([a, b, c], stories=ONE_STORY)
    assert linked[("a", 0)] != linked[("c", 0)]


SPOKESMAN = "person:dimas-saputra"
KPK_ACTORS = [{"id": KPK, "type": "ORG", "name": "Komisi Pemberantasan Korupsi",
               "aliases": ["KPK"], "roles": []},
              {"id": SPOKESMAN, "type": "PERSON", "name": "Dimas Saputra", "aliases": [],
               "roles": ["spokesperson, KPK"]}]


def test_in_one_story_a_spokesperson_agrees_with_the_body_they_speak_for() -> None:
    """"KPK menangkap Budi" and "Jubir KPK Dimas Saputra: Budi ditangkap" (the party model
    took the spokesperson for the source) in one story: one arrest."""
    a = rec("a", "2025-05-01", _arrest(KPK, SUSPECT))
    b = rec("b", "2025-05-01", _arrest(SPOKESMAN, None, trigger="ditangkap"))
    linked = link_event_mentions([a, b], stories=ONE_STORY, actors=KPK_ACTORS)
    assert linked[("a", 0)] == linked[("b", 0)]
    assert link_event_mentions([a, b], stories=ONE_STORY)[("b", 0)] != linked[("a", 0)]


def test_a_spokesperson_does_not_join_two_arrests_of_their_body() -> None:
    """Both arrests name KPK and two suspects; the spokesperson's one-sided report fits both
    articles' arrests, and the two arrests stay two."""
    a = rec("a", "2025-05-01", _arrest(KPK, SUSPECT))
    b = rec("b", "2025-05-01", _arrest(SPOKESMAN, None))
    c = rec("c", "2025-05-01", _arrest(KPK, OTHER_SUSPECT))
    linked = link_event_mentions([a, b, c], stories=ONE_STORY, actors=KPK_ACTORS)
    assert linked[("a", 0)] != linked[("c", 0)]
    other = [{**KPK_ACTORS[1], "roles": ["spokesperson, Polri"]}, KPK_ACTORS[0]]
    linked = link_event_mentions([a, b], stories=ONE_STORY, actors=other)
    assert linked[("a", 0)] != linked[("b", 0)]  # speaks for another body: no party shared


def test_roles_name_bodies_by_alias_else_by_their_slug() -> None:
    parties = Parties.of([*KPK_ACTORS, {"id": "person:ani", "type": "PERSON", "name": "Ani",
                                        "roles": ["head, Badan Pangan Nasional"]}])
    assert parties.same(SPOKESMAN, KPK) and parties.same(KPK, SPOKESMAN)
    assert parties.same("person:ani", "org:badan-pangan-nasional")
    assert not parties.same(SPOKESMAN, "person:ani")
    assert parties.distinct([SPOKESMAN, KPK, "person:ani"]) == 2
