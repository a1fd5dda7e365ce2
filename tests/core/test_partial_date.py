"""PartialDate: one reading of stored ISO dates, whatever their precision (issue 16, item 10)."""

from __future__ import annotations

from datetime import date

import pytest

from warta.partial_date import PartialDate, bounds, display


@pytest.mark.parametrize(("value", "precision", "first", "last", "shown"), [
    ("2025", "year", date(2025, 1, 1), date(2025, 12, 31), "2025"),
    ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29), "Feb 2024"),
    ("2025-W44", "week", date(2025, 10, 27), date(2025, 11, 2), "27 Oct – 2 Nov 2025"),
    ("2020-W53", "week", date(2020, 12, 28), date(2021, 1, 3), "28 Dec 2020 – 3 Jan 2021"),
    ("2025-10-27", "day", date(2025, 10, 27), date(2025, 10, 27), "2025-10-27"),
    ("2025-10-27T23:30:00+07:00", "day", date(2025, 10, 27), date(2025, 10, 27), "2025-10-27"),
    ("2025-10-27T10:00:00Z", "day", date(2025, 10, 27), date(2025, 10, 27), "2025-10-27"),
])
def test_parse_bounds_display(value: str, precision: str, first: date, last: date,
                              shown: str) -> None:
    parsed = PartialDate.parse(value)
    assert parsed is not None
    assert (parsed.precision, parsed.first, parsed.last) == (precision, first, last)
    assert parsed.display() == display(value) == shown
    assert bounds(value) == (first, last)
    assert PartialDate.parse(parsed.iso) == parsed  # the stored form reads back the same


@pytest.mark.parametrize("value", [None, "", "kemarin", "2025-13", "2025-02-30", "2021-W53",
                                   "2025W44", "20251027", "2025-10-27 garbage"])
def test_no_date(value: str | None) -> None:
    assert PartialDate.parse(value) is None
    assert bounds(value) is None
    assert display(value) == (value or "")


def test_week_of_a_day_and_its_month() -> None:
    week = PartialDate.of(date(2025, 10, 30), "week")
    assert week.iso == "2025-W44" and week.first == date(2025, 10, 27)
    assert PartialDate.of(date(2024, 12, 30), "week").iso == "2025-W01"  # ISO's week-year
    assert PartialDate.parse("2025-W01").year == 2025
    # a week straddling two months is counted in the month of its Thursday
    assert PartialDate.parse("2025-W44").coarsen().iso == "2025-10"
    assert PartialDate.parse("2025-W27").coarsen().iso == "2025-07"  # 30 Jun – 6 Jul
    assert PartialDate.parse("2025-10").coarsen().iso == "2025-10"


def test_covers_and_after() -> None:
    year = PartialDate.parse("2028")
    assert year is not None and year.after(date(2025, 10, 20))
    assert not year.covers(date(2025, 10, 20))
    month = PartialDate.parse("2025-10")
    assert month is not None and month.covers(date(2025, 10, 20))
    assert not month.after(date(2025, 10, 20))
