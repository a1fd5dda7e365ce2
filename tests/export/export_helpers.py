"""An invented article dated by a week, a year and a month, for the export tests (issue 16)."""

from __future__ import annotations

from types import ModuleType
from typing import Any

TEXT = ("Pemerintah akan menggelar operasi pasar pekan depan di Jakarta, kata Joko Widodo. "
        "KPK menahan Budi Santoso pada 2025. Jokowi mengkritik KPK pada Oktober 2025.")


def week_record(fs: ModuleType) -> dict[str, Any]:
    """One invented article whose dates are a week, a year and a month."""
    entities = [fs._entity(TEXT, "Joko Widodo", "PERSON", "person:joko-widodo"),
                fs._entity(TEXT, "KPK", "ORG", "org:kpk"),
                fs._entity(TEXT, "Budi Santoso", "PERSON", "person:budi-santoso"),
                fs._entity(TEXT, "Jokowi", "PERSON", "person:joko-widodo"),
                fs._entity(TEXT, "KPK", "ORG", "org:kpk", nth=1)]
    quotes = [fs._quote(TEXT, "Pemerintah akan menggelar operasi pasar pekan depan di Jakarta",
                        "person:joko-widodo", "Joko Widodo", "kata", "2025-W44")]
    events = [
        fs._event(TEXT, "menggelar", "Pemerintah akan menggelar", type="AID", cameo="07",
                  source="person:joko-widodo", date="2025-W44", place="Jakarta"),
        fs._event(TEXT, "menahan", "KPK menahan Budi Santoso", type="COERCE", cameo="173",
                  source="org:kpk", target="person:budi-santoso", date="2025"),
        fs._event(TEXT, "mengkritik", "Jokowi mengkritik KPK", type="ACCUSE", cameo="111",
                  source="person:joko-widodo", target="org:kpk", date="2025-10"),
    ]
    dates = []
    for needle, value in (("pekan depan", "2025-W44"), ("2025", "2025"),
                          ("Oktober 2025", "2025-10")):
        start, end = fs._at(TEXT, needle)
        dates.append({"text": needle, "start": start, "end": end, "value": value})
    return fs._record(title="Operasi pasar pekan depan", text=TEXT,
                      published="2025-10-23T09:15:00+07:00", url="https://berita.example/op",
                      language="id", site="Berita Contoh", authors=[], entities=entities,
                      quotes=quotes, events=events, dates=dates, tone=None)
