"""Places the store's articles name, with how often: the places page's list and map.

A place is a gazetteer entry when the gazetteer knows the name (so "AS" and "Amerika Serikat"
count as one place, with the gazetteer's coordinates), else the name as written. Counts: the
place-name mentions (GPE and LOC entities), the articles naming it, and the events located
there. The rows are merged here from a few grouped queries and sorted in Python; ``PLACE_ORDER``
is the whitelist of the ``sort`` values, as for the lists sorted in SQL.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any

from warta.kb import gazetteer
from warta.store.queries import _date_bounds
from warta.store.sorting import Order

PLACE_LABELS = ("GPE", "LOC")
PLACE_ORDER = Order("places", {"name": "name", "country": "country", "mentions": "mentions",
                               "articles": "articles", "events": "events"},
                    default="-mentions", tiebreak="name",
                    descending=frozenset({"mentions", "articles", "events"}))


@dataclass
class Place:
    key: str  # the gazetteer id, or "name:" and the name as written
    name: str
    country: str | None = None
    kind: str | None = None  # the gazetteer's kind (country, city, province, …); None unknown
    lat: float | None = None
    lon: float | None = None
    mentions: int = 0
    events: int = 0
    article_ids: set[str] = field(default_factory=set)

    @property
    def articles(self) -> int:
        return len(self.article_ids)

    def row(self) -> dict[str, Any]:
        out = asdict(self)
        del out["article_ids"]
        out["articles"] = self.articles
        return out


def _from_entry(entry: gazetteer.GazEntry) -> Place:
    return Place(entry.kb, entry.name, entry.country, entry.kind, entry.lat, entry.lon)


def _mentions(conn: sqlite3.Connection, found: dict[str, Place], *, since: str | None,
              until: str | None) -> None:
    params: dict[str, Any] = {f"label{i}": label for i, label in enumerate(PLACE_LABELS)}
    where = [f"m.label IN ({', '.join(':' + k for k in params)})"]
    _date_bounds("a.published", since, until, where, params)
    sql = (f"SELECT m.text, m.article_id, count(*) FROM mentions m JOIN articles a "
           f"ON a.id = m.article_id WHERE {' AND '.join(where)} GROUP BY m.text, m.article_id")
    for text, article_id, n in conn.execute(sql, params):
        entry = gazetteer.lookup(text)
        key = entry.kb if entry else f"name:{gazetteer.normalize(text)}"
        if key not in found:
            found[key] = _from_entry(entry) if entry else Place(key, text)
        found[key].mentions += n
        found[key].article_ids.add(article_id)


def _events(conn: sqlite3.Connection, found: dict[str, Place], *, since: str | None,
            until: str | None) -> None:
    where = ["e.location IS NOT NULL"]
    params: dict[str, Any] = {}
    _date_bounds("coalesce(e.date, a.published)", since, until, where, params)
    sql = (f"SELECT e.location, e.article_id FROM events e JOIN articles a "
           f"ON a.id = e.article_id WHERE {' AND '.join(where)}")
    for location, article_id in conn.execute(sql, params):
        loc = json.loads(location)
        # an id from another gazetteer (a GeoNames number) falls back to the name
        entry = (gazetteer.by_kb(loc["kb"]) if loc.get("kb") else None) or \
            gazetteer.lookup(loc["name"])
        key = entry.kb if entry else f"name:{gazetteer.normalize(loc['name'])}"
        if key not in found:
            found[key] = (_from_entry(entry) if entry else
                          Place(key, loc["name"], loc.get("country"), None, loc.get("lat"),
                                loc.get("lon")))
        found[key].events += 1
        found[key].article_ids.add(article_id)


def places(conn: sqlite3.Connection, *, since: str | None = None, until: str | None = None,
           country: str | None = None, search: str | None = None,
           sort: str | None = None) -> list[dict[str, Any]]:
    """Every place named in the articles (published ``since``/``until``) or locating an event
    (dated so), as dicts (key, name, country, kind, lat, lon, mentions, articles, events) in
    the ``sort`` order (``PLACE_ORDER``). ``country``: ISO alpha-3; ``search``: part of the
    name."""
    key = PLACE_ORDER.check(sort)
    found: dict[str, Place] = {}
    _mentions(conn, found, since=since, until=until)
    _events(conn, found, since=since, until=until)
    rows = [p.row() for p in found.values()]
    if country:
        rows = [r for r in rows if (r["country"] or "").upper() == country.upper()]
    if search:
        needle = gazetteer.normalize(search)
        rows = [r for r in rows if needle in gazetteer.normalize(r["name"])]
    column = key.removeprefix("-")
    rows.sort(key=lambda r: gazetteer.normalize(r["name"]))  # the tie-breaker, then the order
    rows.sort(key=lambda r: _sortable(r[column]), reverse=key.startswith("-"))
    return rows


def _sortable(value: Any) -> tuple[int, Any]:
    """A sort key: an empty value is the smallest, text compares case-insensitively."""
    if value is None:
        return (0, "")
    return (1, value.casefold() if isinstance(value, str) else value)
