"""Aggregate and streaming reads for the explorer and the exports.

``queries.py`` answers "give me this article / actor / list"; this module answers the questions
a chart, a network picture or a full-table export asks: counts per day, co-occurrence and
interaction edges, and batched iteration over whole tables (``fetchmany``, so memory stays flat
on large stores). Filters reuse ``queries``' own clauses, so a chart counts what its table
lists.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from warta.store.queries import _article_filters, event_filters, fts_query

BATCH = 1000
# Tables the exports may stream, with the column that gives a stable order.
TABLES: dict[str, str] = {
    "articles": "rowid",
    "actors": "id",
    "actor_aliases": "actor_id, alias",
    "actor_roles": "actor_id, role",
    "mentions": "article_id, start, end, label",
    "quotes": "article_id, seq",
    "events": "article_id, seq",
}
@dataclass
class Network:
    """Actor nodes and two kinds of edges: shared articles, and coded events (by type)."""

    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    cooccurrence: list[dict[str, Any]] = field(default_factory=list)
    interactions: list[dict[str, Any]] = field(default_factory=list)
    cut: bool = False  # True when a limit dropped edges


def articles_per_day(conn: sqlite3.Connection, query: str = "", *, since: str | None = None,
                     until: str | None = None, language: str | None = None,
                     source: str | None = None, actor: str | None = None,
                     event_type: str | None = None) -> list[tuple[str, int]]:
    """(day, count) of the articles ``queries.search`` would find; undated articles left out."""
    where, params = _article_filters(since=since, until=until, language=language, source=source,
                                     actor=actor, event_type=event_type)
    where.append("length(a.published) >= 10")
    match = fts_query(query)
    if match:
        where.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :match)")
        params["match"] = match
    elif query.strip():
        return []  # only punctuation: search() finds nothing either
    sql = (f"SELECT substr(a.published, 1, 10) AS day, count(*) FROM articles a "
           f"WHERE {' AND '.join(where)} GROUP BY day ORDER BY day")
    return [(r[0], r[1]) for r in conn.execute(sql, params)]


def count_events(conn: sqlite3.Connection, *, actor: str | None = None, type: str | None = None,
                 since: str | None = None, until: str | None = None,
                 article_id: str | None = None, actor_id: str | None = None) -> int:
    """How many events ``queries.list_events`` would return without a limit."""
    where, params = event_filters(actor=actor, type=type, since=since, until=until,
                                   article_id=article_id, actor_id=actor_id)
    sql = (f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id "
           f"{'WHERE ' + ' AND '.join(where) if where else ''}")
    return int(conn.execute(sql, params).fetchone()[0])


def events_per_day(conn: sqlite3.Connection, *, actor: str | None = None,
                   type: str | None = None, since: str | None = None, until: str | None = None,
                   article_id: str | None = None) -> list[tuple[str, str, int]]:
    """(day, type, count) of the filtered events; an event without a full date of its own falls
    back to its article's day, as in ``queries.iter_events``; still partial ones are left out."""
    where, params = event_filters(actor=actor, type=type, since=since, until=until,
                                   article_id=article_id)
    day = "substr(coalesce(e.date, a.published), 1, 10)"
    where.append(f"length({day}) = 10")
    sql = (f"SELECT {day} AS day, e.type, count(*) FROM events e "
           f"JOIN articles a ON a.id = e.article_id WHERE {' AND '.join(where)} "
           f"GROUP BY day, e.type ORDER BY day, e.type")
    return [(r[0], r[1], r[2]) for r in conn.execute(sql, params)]


def actor_timeline(conn: sqlite3.Connection, actor_id: str) -> list[tuple[str, bool, str, int]]:
    """(date as stated, as source?, PLOVER type, count) of the actor's dated events: every
    event, however many, so the timeline chart never depends on a table's page size."""
    sql = """SELECT substr(date, 1, 10) AS day, source_id = :actor AS as_source, type, count(*)
             FROM events WHERE (source_id = :actor OR target_id = :actor) AND date IS NOT NULL
             GROUP BY day, as_source, type ORDER BY day, as_source DESC, type"""
    return [(r[0], bool(r[1]), r[2], r[3]) for r in conn.execute(sql, {"actor": actor_id})]


def event_types(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(PLOVER type, count), most frequent first: the choices of the type filter."""
    sql = "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type"
    return [(r[0], r[1]) for r in conn.execute(sql)]


def languages(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(language, article count): the choices of the language filter."""
    sql = ("SELECT language, count(*) AS n FROM articles WHERE language IS NOT NULL "
           "GROUP BY language ORDER BY n DESC, language")
    return [(r[0], r[1]) for r in conn.execute(sql)]


def iter_events_for_export(conn: sqlite3.Connection, *,
                           batch: int = BATCH) -> Iterator[dict[str, Any]]:
    """Every event with its actors and its article (URL, dates, tone), fetched in batches.

    Unlike ``queries.iter_events`` it carries the article's tone (GDELT's AvgTone), the actors'
    types and roles, and the real-world event the mention reports (``cluster_id``,
    ``global_id``, its counts; NULL before `warta link`), whose parties fill a side the
    mention left empty; it reads with ``fetchmany``, so a large store streams through in
    constant memory.
    """
    sql = """SELECT e.article_id, e.seq, e.type, e.mode, e.cameo,
                coalesce(c.source_id, e.source_id) AS source_id,
                coalesce(c.target_id, e.target_id) AS target_id,
                e.date, e.location, e.negated, e.modality, e.start, e.end, e.trigger,
                e.evidence, e.goldstein, e.quad_class,
                s.name AS source_name, s.country AS source_country, s.type AS source_type,
                t.name AS target_name, t.country AS target_country, t.type AS target_type,
                (SELECT json_group_array(role) FROM actor_roles WHERE actor_id = s.id)
                    AS source_roles,
                (SELECT json_group_array(role) FROM actor_roles WHERE actor_id = t.id)
                    AS target_roles,
                c.id AS cluster_id, c.global_id, c.num_mentions, c.num_sources,
                c.num_articles,
                a.url, a.source_path, a.published AS article_published, a.tone AS article_tone,
                a.ingested_at
             FROM events e JOIN articles a ON a.id = e.article_id
             LEFT JOIN event_cluster_mentions m ON m.article_id = e.article_id AND m.seq = e.seq
             LEFT JOIN event_clusters c ON c.id = m.cluster_id
             LEFT JOIN actors s ON s.id = coalesce(c.source_id, e.source_id)
             LEFT JOIN actors t ON t.id = coalesce(c.target_id, e.target_id)
             ORDER BY a.rowid, e.seq"""
    for row in _stream(conn.execute(sql), batch):
        out = dict(row)
        out["location"] = json.loads(out["location"]) if out["location"] else None
        out["evidence"] = json.loads(out["evidence"]) if out["evidence"] else []
        out["negated"] = bool(out["negated"])
        out["source_roles"] = json.loads(out["source_roles"])
        out["target_roles"] = json.loads(out["target_roles"])
        yield out


def _nodes(conn: sqlite3.Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    wanted = sorted(ids)
    for i in range(0, len(wanted), 500):  # stay under SQLite's bound-parameter limit
        chunk = wanted[i:i + 500]
        marks = ",".join("?" * len(chunk))
        sql = (f"SELECT id, name, type, country, (SELECT count(DISTINCT article_id) FROM "
               f"mentions m WHERE m.actor_id = actors.id) AS articles FROM actors "
               f"WHERE id IN ({marks})")
        out.update({r["id"]: dict(r) for r in conn.execute(sql, chunk)})
    return out


_COOCCURRENCE = """
WITH pairs AS (SELECT DISTINCT article_id, actor_id FROM mentions WHERE actor_id IS NOT NULL)
SELECT p1.actor_id AS a, p2.actor_id AS b, count(*) AS articles
FROM pairs p1 JOIN pairs p2 ON p1.article_id = p2.article_id AND p1.actor_id < p2.actor_id
{where} GROUP BY a, b HAVING articles >= ? ORDER BY articles DESC, a, b LIMIT ?"""
_INTERACTIONS = """
SELECT source_id AS source, target_id AS target, type, count(*) AS events
FROM events WHERE source_id IS NOT NULL AND target_id IS NOT NULL AND source_id != target_id
{where} GROUP BY source, target, type ORDER BY events DESC, source, target, type LIMIT ?"""


def actor_network(conn: sqlite3.Connection, *, actor_id: str | None = None,
                  min_articles: int = 1, limit: int | None = 10_000) -> Network:
    """Co-occurrence edges (actors in the same article, counted by article) and event edges
    (source → target, counted per PLOVER type). With ``actor_id``: only edges touching it.

    ``limit`` keeps the strongest edges of each kind (None: every edge); ``Network.cut`` says
    whether it dropped any, so no caller cuts a network without knowing it.
    """
    co_where, co_params = "", []
    ev_where, ev_params = "", []
    if actor_id:
        co_where, co_params = "WHERE p1.actor_id = ? OR p2.actor_id = ?", [actor_id, actor_id]
        ev_where, ev_params = "AND (source_id = ? OR target_id = ?)", [actor_id, actor_id]
    fetch = -1 if limit is None else limit + 1  # one more than kept: tells whether it cut
    net = Network()
    co = conn.execute(_COOCCURRENCE.format(where=co_where), [*co_params, min_articles, fetch])
    net.cooccurrence = [dict(r) for r in co]
    ev = conn.execute(_INTERACTIONS.format(where=ev_where), [*ev_params, fetch])
    net.interactions = [dict(r) for r in ev]
    if limit is not None:
        net.cut = len(net.cooccurrence) > limit or len(net.interactions) > limit
        net.cooccurrence, net.interactions = net.cooccurrence[:limit], net.interactions[:limit]
    ids = {e["a"] for e in net.cooccurrence} | {e["b"] for e in net.cooccurrence}
    ids |= {e["source"] for e in net.interactions} | {e["target"] for e in net.interactions}
    if actor_id:
        ids.add(actor_id)
    net.nodes = _nodes(conn, ids)
    return net


def count_rows(conn: sqlite3.Connection, table: str) -> int:
    """Rows in a table (for progress bars)."""
    _check_table(table)
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _stream(cursor: sqlite3.Cursor, batch: int) -> Iterator[sqlite3.Row]:
    while True:
        rows = cursor.fetchmany(batch)
        if not rows:
            return
        yield from rows


def iter_rows(conn: sqlite3.Connection, table: str, *,
              batch: int = BATCH) -> Iterator[sqlite3.Row]:
    """Every row of a store table in a stable order, fetched ``batch`` rows at a time."""
    _check_table(table)
    return _stream(conn.execute(f"SELECT * FROM {table} ORDER BY {TABLES[table]}"), batch)


def iter_actors(conn: sqlite3.Connection, *, batch: int = BATCH) -> Iterator[dict[str, Any]]:
    """Actors with their aliases and roles as lists (one row per actor), streamed."""
    sql = ("SELECT a.*, (SELECT json_group_array(alias) FROM (SELECT alias FROM actor_aliases "
           "WHERE actor_id = a.id ORDER BY alias)) AS aliases, (SELECT json_group_array(role) "
           "FROM (SELECT role FROM actor_roles WHERE actor_id = a.id ORDER BY role)) AS roles "
           "FROM actors a ORDER BY a.id")
    for row in _stream(conn.execute(sql), batch):
        out = dict(row)
        out["aliases"] = json.loads(out["aliases"])
        out["roles"] = json.loads(out["roles"])
        yield out


def table_columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str]]:
    """(column, declared type) of a store table, in table order."""
    _check_table(table)
    return [(r[1], (r[2] or "").upper()) for r in conn.execute(f"PRAGMA table_info({table})")]


def _check_table(table: str) -> None:
    if table not in TABLES:
        raise ValueError(f"not an exportable table: {table!r}; known: {sorted(TABLES)}")
