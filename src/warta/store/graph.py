"""The whole store's actor graph: who acts on whom (events) and who speaks of whom (quotes).

An edge joins two actors, in either direction, and counts the events between them (by PLOVER
type) and the quotes in which one names the other. Filters keep the events and quotes of a
period, and the edges touching at least one actor of a country or type; the graph is then cut
to the most connected actors, and says how much it left out (``Graph.actors``, ``Graph.cut``).
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from warta.store.queries import _date_bounds

MAX_ACTORS = 200  # the most actors one picture may ask for (the layout stays under 1 s)


@dataclass
class Edge:
    a: str  # the smaller id first: an edge has no direction
    b: str
    events: int = 0
    quotes: int = 0
    types: Counter[str] = field(default_factory=Counter)

    @property
    def weight(self) -> int:
        return self.events + self.quotes

    @property
    def main_type(self) -> str | None:
        """The most frequent event type (ties by name), or None for quotes only."""
        if not self.types:
            return None
        return min(self.types, key=lambda t: (-self.types[t], t))


@dataclass
class Graph:
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)  # id → name, type, degree
    edges: list[Edge] = field(default_factory=list)
    actors: int = 0  # actors with an edge of the minimum weight, before the cut
    cut: bool = False


def _actor_clause(column: str, country: str | None, type: str | None) -> str:
    wanted = []
    if country:
        wanted.append("country = upper(:country)")
    if type:
        wanted.append("type = upper(:type)")
    return f"{column} IN (SELECT id FROM actors WHERE {' AND '.join(wanted)})"


def _pairs(conn: sqlite3.Connection, *, since: str | None, until: str | None,
           country: str | None, type: str | None) -> dict[tuple[str, str], Edge]:
    params: dict[str, Any] = {"country": country, "type": type}
    ev_where = ["e.source_id IS NOT NULL", "e.target_id IS NOT NULL",
                "e.source_id != e.target_id"]
    qt_where = ["q.speaker_id IS NOT NULL", "m.actor_id IS NOT NULL",
                "m.actor_id != q.speaker_id"]
    _date_bounds("coalesce(e.date, a.published)", since, until, ev_where, params)
    _date_bounds("coalesce(q.date, a.published)", since, until, qt_where, params)
    if country or type:
        ev_where.append(f"({_actor_clause('e.source_id', country, type)} OR "
                        f"{_actor_clause('e.target_id', country, type)})")
        qt_where.append(f"({_actor_clause('q.speaker_id', country, type)} OR "
                        f"{_actor_clause('m.actor_id', country, type)})")
    events = f"""SELECT e.source_id, e.target_id, e.type, count(*) FROM events e
                 JOIN articles a ON a.id = e.article_id WHERE {' AND '.join(ev_where)}
                 GROUP BY e.source_id, e.target_id, e.type"""
    # an actor named inside the quote's span; each (quote, actor) once
    quotes = f"""SELECT speaker, named, count(*) FROM (
                   SELECT DISTINCT q.article_id, q.seq, q.speaker_id AS speaker,
                          m.actor_id AS named
                   FROM quotes q JOIN articles a ON a.id = q.article_id
                   JOIN mentions m ON m.article_id = q.article_id AND m.start >= q.start
                                      AND m.end <= q.end
                   WHERE {' AND '.join(qt_where)})
                 GROUP BY speaker, named"""
    pairs: dict[tuple[str, str], Edge] = {}

    def edge(x: str, y: str) -> Edge:
        key = (min(x, y), max(x, y))
        return pairs.setdefault(key, Edge(*key))

    for source, target, kind, n in conn.execute(events, params):
        found = edge(source, target)
        found.events += n
        found.types[kind] += n
    for speaker, named, n in conn.execute(quotes, params):
        edge(speaker, named).quotes += n
    return pairs


def actor_graph(conn: sqlite3.Connection, *, since: str | None = None,
                until: str | None = None, country: str | None = None,
                type: str | None = None, min_weight: int = 1,
                top: int = 60) -> Graph:
    """The actors most connected by events and quotes (at most ``top``, by weighted degree)
    and the edges among them of at least ``min_weight`` events plus quotes."""
    pairs = [e for e in _pairs(conn, since=since, until=until, country=country,
                               type=type).values() if e.weight >= min_weight]
    degree: dict[str, int] = defaultdict(int)
    for e in pairs:
        degree[e.a] += e.weight
        degree[e.b] += e.weight
    ranked = sorted(degree, key=lambda n: (-degree[n], n))
    kept = set(ranked[:top])
    graph = Graph(actors=len(ranked), cut=len(ranked) > top)
    graph.edges = sorted((e for e in pairs if e.a in kept and e.b in kept),
                         key=lambda e: (-e.weight, e.a, e.b))
    rows = conn.execute(
        f"SELECT id, name, type, country FROM actors WHERE id IN ({','.join('?' * len(kept))})",
        sorted(kept)) if kept else []
    for r in rows:
        graph.nodes[r["id"]] = {**dict(r), "degree": degree[r["id"]]}
    return graph
