"""Event mentions of different reports joined into real-world events (warta.link.events)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from link_records import ev, rec

from warta.link.events import link_event_mentions
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
