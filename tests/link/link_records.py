"""Minimal records for the linking functions: only the fields ``warta.link`` reads."""

from __future__ import annotations

from typing import Any


def ev(type: str, source: str | None, target: str | None, *, date: str | None = None,
       place: str | None = None, negated: bool = False, symmetric: bool = False,
       trigger: str | None = None, modality: str = "asserted",
       mode: str | None = None) -> dict[str, Any]:
    """An event mention as a record lists it (offsets do not matter to linking)."""
    location = {"name": place, "country": "IDN", "kb": None} if place else None
    return {"type": type, "mode": mode, "cameo": None, "source": source, "target": target,
            "date": date, "location": location, "negated": negated, "symmetric": symmetric,
            "modality": modality, "start": 0, "end": 1, "trigger": trigger}


def rec(id: str, published: str | None, *events: dict[str, Any], title: str = "",
        text: str = "", actors: tuple[str, ...] = ()) -> dict[str, Any]:
    """A record with these events; ``actors`` become one entity each (what stories count)."""
    return {"id": id, "title": title, "text": text, "published": published,
            "events": list(events), "actors": [{"id": a} for a in actors],
            "entities": [{"actor": a} for a in actors]}
