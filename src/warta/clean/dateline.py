"""Datelines: "JAKARTA, KOMPAS.com -", "Jakarta -", "Jakarta (ANTARA) -", "TEMPO.CO, Jakarta -".

The dateline opens the first paragraph; it becomes ``Dateline(place, source)`` and leaves the body.
"""

from __future__ import annotations

import re

from warta.clean import patterns
from warta.ingest.dates import to_iso
from warta.nlp.lang.id import news_page
from warta.partial_date import PartialDate
from warta.types import Dateline

_HAS_TIME = re.compile(r"\d[:.]\d{2}\b")


def _place_case(place: str) -> str:
    """"JAKARTA" → "Jakarta", "BANDA ACEH" → "Banda Aceh"; mixed case and acronyms stay."""
    if not place.isupper():
        return place
    return " ".join(w if w in patterns.PLACE_ACRONYMS else w.capitalize() for w in place.split())


def split_dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """(dateline, rest of the paragraph); (None, paragraph) when it opens without one."""
    for pattern in patterns.DATELINES:
        m = pattern.match(paragraph)
        if m is None:
            continue
        place = (m.groupdict().get("place") or "").strip()
        if place and place.split()[0].lower().strip(".") in news_page.NOT_PLACES:
            continue
        source = (m.groupdict().get("source") or "").strip()
        if not source and place.lower() in patterns.OUTLETS:
            place, source = "", place
        return (Dateline(place=_place_case(place) if place else None, source=source or None),
                paragraph[m.end():])
    return None, paragraph


def take_dateline(paras: list[str]) -> tuple[list[str], Dateline | None]:
    """Remove the dateline from the first paragraph (dropping the paragraph if nothing is left)."""
    if not paras:
        return paras, None
    dateline, rest = split_dateline(paras[0])
    if dateline is None:
        return paras, None
    rest = rest.strip()
    return ([rest] if rest else []) + paras[1:], dateline


def take_date_line(paras: list[str]) -> tuple[list[str], str | None]:
    """A publication-date line near the top of web-extracted text: removed, and read as ISO."""
    for i, para in enumerate(paras[: patterns.DATE_LINE_WITHIN]):
        m = patterns.DATE_LINE.match(para)
        if m is not None:
            iso = to_iso(m["date"].replace("|", " "))
            day = PartialDate.parse(iso)
            if day is not None and not _HAS_TIME.search(m["date"]):
                iso = day.iso  # a date without a time stays a date
            return paras[:i] + paras[i + 1:], iso
    return paras, None
