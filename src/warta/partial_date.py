"""One value type for the dates warta stores: ISO 8601, partial when the text is partial.

A date mention, a quote's or event's date and an article's publication date are stored as ISO
strings of four precisions: ``2024`` (year), ``2024-04`` (month), ``2024-W19`` (ISO week) and
``2024-04-16`` (day; a date-time such as ``2024-04-16T10:00:00+07:00`` reads as its day).
Everything that needs a part of such a value (bounds, GDELT fields, display, comparison) goes
through ``PartialDate.parse`` instead of slicing the string, which is what broke on weeks
(``"2025-W44"[5:7]`` is ``"W4"``).

Built on the standard library (``date.fromisocalendar`` for weeks): the ``edtf`` package has no
ISO week dates, and these four shapes are all warta writes.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

Precision = Literal["year", "month", "week", "day"]

_YEAR = re.compile(r"(\d{4})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}.*)?", re.IGNORECASE)
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
               "Dec")


@dataclass(frozen=True)
class PartialDate:
    """A year, month, ISO week or day, with the first and last day it covers."""

    precision: Precision
    first: date
    last: date

    @classmethod
    def parse(cls, value: str | None) -> PartialDate | None:
        """The date an ISO value stands for; None when it is empty or no real date."""
        if not value:
            return None
        value = value.strip()
        try:
            if m := _YEAR.fullmatch(value):
                year = int(m[1])
                return cls("year", date(year, 1, 1), date(year, 12, 31))
            if m := _MONTH.fullmatch(value):
                first = date(int(m[1]), int(m[2]), 1)
                return cls("month", first, _month_end(first))
            if m := _WEEK.fullmatch(value):
                first = date.fromisocalendar(int(m[1]), int(m[2]), 1)
                return cls("week", first, first + timedelta(days=6))
            return cls.of(_day(value), "day")
        except ValueError:
            return None

    @classmethod
    def of(cls, day: date, precision: Precision) -> PartialDate:
        """The period of ``precision`` that contains ``day`` ("its month", "its ISO week")."""
        if precision == "year":
            return cls(precision, date(day.year, 1, 1), date(day.year, 12, 31))
        if precision == "month":
            first = day.replace(day=1)
            return cls(precision, first, _month_end(first))
        if precision == "week":
            first = day - timedelta(days=day.weekday())
            return cls(precision, first, first + timedelta(days=6))
        return cls(precision, day, day)

    @property
    def iso(self) -> str:
        """The stored form: ``2024``, ``2024-04``, ``2024-W19`` or ``2024-04-16``."""
        if self.precision == "year":
            return f"{self.first.year:04d}"
        if self.precision == "month":
            return f"{self.first.year:04d}-{self.first.month:02d}"
        if self.precision == "week":
            iso = self.first.isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}"
        return self.first.isoformat()

    @property
    def year(self) -> int:
        """The year the period belongs to (a week's is ISO's: the year of its Thursday)."""
        return self.first.isocalendar().year if self.precision == "week" else self.first.year

    def coarsen(self) -> PartialDate:
        """The period as a calendar year, month or day, for formats without weeks (GDELT GKG):
        a week becomes the month of its Thursday, which holds most of its days."""
        if self.precision != "week":
            return self
        return PartialDate.of(self.first + timedelta(days=3), "month")

    def display(self) -> str:
        """For people: ``2024``, ``Apr 2024``, ``27 Oct – 2 Nov 2025`` (a week), ``2024-04-16``."""
        if self.precision == "year":
            return str(self.first.year)
        if self.precision == "month":
            return f"{_MONTH_ABBR[self.first.month - 1]} {self.first.year}"
        if self.precision == "week":
            a, b = self.first, self.last
            start = f"{a.day} {_MONTH_ABBR[a.month - 1]}" + (f" {a.year}" if a.year != b.year
                                                              else "")
            return f"{start} – {b.day} {_MONTH_ABBR[b.month - 1]} {b.year}"
        return self.first.isoformat()

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls inside the period."""
        return self.first <= day <= self.last

    def after(self, day: date) -> bool:
        """Whether the whole period lies after ``day`` (a plan or target, seen from that day)."""
        return self.first > day

    def __str__(self) -> str:
        return self.iso


def _month_end(first: date) -> date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _day(value: str) -> date:
    """The day of an ISO date or date-time, as written (its own offset, not converted)."""
    if not _DAY.fullmatch(value):
        raise ValueError(value)
    if len(value) == 10:
        return date.fromisoformat(value)
    return datetime.fromisoformat(value.replace("Z", "+00:00")).date()


def bounds(value: str | None) -> tuple[date, date] | None:
    """First and last day of an ISO (partial) value; None when it is no date."""
    parsed = PartialDate.parse(value)
    return (parsed.first, parsed.last) if parsed else None


def display(value: str | None) -> str:
    """A stored value for people; an unreadable one is shown as it is, None as ""."""
    parsed = PartialDate.parse(value)
    return parsed.display() if parsed else (value or "")
