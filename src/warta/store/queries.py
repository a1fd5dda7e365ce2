"""Named read queries: the only way the CLI, the explorer and the exports read the store.

Every function takes a connection first and keyword-only filters, and returns plain dicts (or
iterates them lazily for exports). Dates compare as ISO strings, so partial dates such as
"2024-04" sort and filter sensibly; an ``until`` bound is inclusive at its own precision
("2024-04" includes "2024-04-30T23:00").
An ``actor`` filter matches an actor id, its name or any alias, case-insensitively.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any, Literal, get_args
from urllib.parse import urlsplit

from warta.errors import Errors, QueryError
from warta.partial_date import PartialDate
from warta.store import vectors
from warta.store.sorting import Order

TABLES = ("articles", "actors", "actor_aliases", "actor_roles", "mentions", "quotes", "events")

# Word characters as FTS5's unicode61 tokenizer sees them (letters, digits, marks).
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_QUERY_PART = re.compile(r'"([^"]*)"?|(\S+)')
# Bounds on what a search may ask for. FTS5 evaluates a MATCH expression, bm25() and snippet()
# inside single virtual-machine steps, where SQLite's progress handler (our time limit) and
# interrupt() are never consulted: their cost grows with the number of phrases (30,000 terms
# ran for minutes), so only bounding the expression keeps each step short enough to stop.
MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 32


def _actor_ids(param: str = "actor") -> str:
    """Ids of the actor whose id, name or alias is ``:param``; used as ``... IN (...)``."""
    return (f"SELECT id FROM actors WHERE id = :{param} OR name = :{param} COLLATE NOCASE "
            f"UNION SELECT actor_id FROM actor_aliases WHERE alias = :{param} COLLATE NOCASE")


_ACTOR_IDS = _actor_ids()  # binds :actor

# The orders each list accepts (``sort=key`` or ``sort=-key``); see ``warta.store.sorting``.
_QUOTE_DATE = ("date_first(coalesce(q.date, a.published))", "coalesce(q.date, a.published)")
_EVENT_DATE = ("date_first(coalesce(e.date, a.published))", "coalesce(e.date, a.published)")
SEARCH_ORDER = Order("search results", {"relevance": "bm25(articles_fts, 5.0, 1.0)",
                                        "published": "a.published",
                                        "title": "a.title COLLATE NOCASE"},
                     default="relevance", tiebreak="a.rowid DESC",
                     descending=frozenset({"published"}))
ARTICLE_ORDER = Order("articles", {"published": "a.published",
                                   "title": "a.title COLLATE NOCASE"},
                      default="-published", tiebreak="a.rowid DESC",
                      descending=frozenset({"published"}))
ACTOR_ORDER = Order("actors", {"name": "ac.name COLLATE NOCASE", "type": "ac.type",
                               "country": "ac.country", "articles": "articles"},
                    default="-articles", tiebreak="ac.name, ac.id",
                    descending=frozenset({"articles"}))
QUOTE_ORDER = Order("quotes", {"date": _QUOTE_DATE,
                               "speaker": "coalesce(sp.name, q.speaker_text) COLLATE NOCASE",
                               "article": "a.title COLLATE NOCASE",
                               "length": "length(q.text)"},
                    default="-date", tiebreak="q.article_id, q.seq",
                    descending=frozenset({"date", "length"}))
EVENT_ORDER = Order("events", {"date": _EVENT_DATE, "type": "e.type",
                               "source": "s.name COLLATE NOCASE",
                               "target": "t.name COLLATE NOCASE",
                               "article": "a.title COLLATE NOCASE"},
                    default="date", tiebreak="e.article_id, e.seq")


# --- full-text search ------------------------------------------------------------------------

def fts_query(query: str) -> str:
    """Turn what a user typed into a safe FTS5 MATCH expression (never a syntax error).

    Quoted text is a phrase; each other whitespace-separated chunk becomes a phrase of its words,
    so "AS-China" and "O'Brien" match as written; a trailing ``*`` keeps prefix search; a bare
    ``OR`` between terms is kept. Everything else is implicit AND. Returns "" when nothing
    searchable is left. A query over ``MAX_QUERY_CHARS`` characters or ``MAX_QUERY_TERMS``
    terms raises ``QueryError`` (E033): the CLI, the explorer and the API all build their
    MATCH expression here, so one bound covers them all.
    """
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(Errors.E033.format(size=len(query), unit="characters",
                                            limit=MAX_QUERY_CHARS))
    parts: list[str] = []
    for m in _QUERY_PART.finditer(query):
        phrase, chunk = m.group(1), m.group(2)
        if chunk == "OR":
            if parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        words = _WORD.findall(phrase if phrase is not None else chunk)
        if not words:
            continue
        term = '"' + " ".join(words) + '"'
        if chunk is not None and chunk.endswith("*"):
            term += "*"
        parts.append(term)
    while parts and parts[-1] == "OR":
        parts.pop()
    terms = sum(p != "OR" for p in parts)
    if terms > MAX_QUERY_TERMS:
        raise QueryError(Errors.E033.format(size=terms, unit="terms", limit=MAX_QUERY_TERMS))
    return " ".join(parts)


def _date_bounds(column: str, since: str | None, until: str | None, where: list[str],
                 params: dict[str, Any]) -> None:
    """Add the ``since``/``until`` clauses on the SQL expression ``column`` (ISO strings).

    One definition for articles, quotes and events, so every list, chart and export bounds dates
    the same way: a value is in range when its first day is (``date_first``, so ``2025-W44`` or
    ``2025`` compare as days, not as strings), and ``until`` is inclusive at its own precision.
    """
    if since:
        where.append(f"date_first({column}) >= :since")
        params["since"] = _bound(since, last=False)
    if until:
        where.append(f"date_first({column}) <= :until")
        params["until"] = _bound(until, last=True)


def _bound(value: str, *, last: bool) -> str:
    """The first (or last) day of a filter bound; an unreadable bound is compared as given."""
    parsed = PartialDate.parse(value)
    if parsed is None:
        return value
    return (parsed.last if last else parsed.first).isoformat()


def _article_filters(*, since: str | None, until: str | None, language: str | None,
                     source: str | None, actor: str | None,
                     event_type: str | None) -> tuple[list[str], dict[str, Any]]:
    where: list[str] = []
    params: dict[str, Any] = {}
    _date_bounds("a.published", since, until, where, params)
    if language:
        where.append("a.language = :language")
        params["language"] = language
    if source:
        where.append("(a.site_name = :source COLLATE NOCASE OR a.source_path = :source"
                     " OR a.url LIKE :source_like ESCAPE '\\')")
        params["source"] = source
        params["source_like"] = "%" + _like_escape(source) + "%"
    if actor:
        where.append(f"EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id"
                     f" AND m.actor_id IN ({_ACTOR_IDS}))")
        params["actor"] = actor
    if event_type:
        # IN, not a correlated EXISTS: SQLite would otherwise probe events_type once per
        # article (40 s on a 20,000-article store instead of 0.05 s).
        where.append("a.id IN (SELECT e.article_id FROM events e"
                     " WHERE e.type = upper(:event_type))")
        params["event_type"] = event_type
    return where, params


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


SearchMode = Literal["fts", "semantic", "hybrid"]  # words, meaning, both (warta.store.vectors)
SEARCH_MODES: tuple[str, ...] = get_args(SearchMode)


def search(conn: sqlite3.Connection, query: str, *, mode: str = "fts", limit: int = 20,
           offset: int = 0, since: str | None = None, until: str | None = None,
           language: str | None = None, source: str | None = None, actor: str | None = None,
           event_type: str | None = None, highlight: tuple[str, str] | None = ("[", "]"),
           sort: str | None = None, rrf_k: int = vectors.RRF_K,
           candidates: int = vectors.CANDIDATES) -> list[dict[str, Any]]:
    """Articles matching ``query``, best first, or in the ``sort`` order (``SEARCH_ORDER``:
    relevance, published, title).

    ``mode``: ``fts`` full text (FTS5 bm25, title weighted 5× the body); ``semantic`` the
    ``candidates`` articles nearest in meaning (the embed stage's vectors, cosine; the snippet
    is the nearest paragraph when paragraphs were embedded, else the lead); ``hybrid`` both
    rankings fused by reciprocal rank (``rrf_k``). Semantic and hybrid raise
    ``vectors.VectorSearchError`` (E036) when the store has no vectors, for the caller to
    fall back on full text; they compare vectors with sqlite-vec, or numpy where this Python
    cannot load it (``vectors.enable``).

    Each hit: id, title, published, language, url, site_name, snippet (matches wrapped in
    ``highlight``), score (higher is better). An empty query lists the filtered articles, newest
    first (``sort`` relevance means that here), with the start of their text as snippet,
    whatever the mode. With ``highlight=None`` the snippet is a list of ``(text, matched)``
    pieces instead: for callers that turn matches into markup, since stored text may contain
    any marker string a caller could choose.
    """
    if mode not in SEARCH_MODES:
        raise QueryError(Errors.E023.format(kind="search mode", name=mode,
                                            known=", ".join(SEARCH_MODES)))
    filters = {"since": since, "until": until, "language": language, "source": source,
               "actor": actor, "event_type": event_type}
    marks = highlight or _nonce_marks()
    if mode == "fts" or not query.strip():
        hits = _fts_search(conn, query, limit=limit, offset=offset, marks=marks, sort=sort,
                           **filters)
    else:
        ranked = _ranked(conn, query, mode, marks=marks, rrf_k=rrf_k, candidates=candidates,
                         **filters)
        hits = _sorted_hits(ranked, sort)[offset:offset + limit]
    if highlight is None:
        for hit in hits:
            hit["snippet"] = snippet_pieces(hit["snippet"] or "", marks)
    return hits


def _fts_search(conn: sqlite3.Connection, query: str, *, limit: int, offset: int,
                marks: tuple[str, str], sort: str | None = None,
                **filters: str | None) -> list[dict[str, Any]]:
    where, params = _article_filters(**filters)
    params.update(limit=limit, offset=offset, open=marks[0], close=marks[1])
    match = fts_query(query)
    if match:
        params["match"] = match
        order = SEARCH_ORDER.sql(sort)
        sql = f"""SELECT a.id, a.title, a.published, a.language, a.url, a.site_name,
                     snippet(articles_fts, -1, :open, :close, '…', 16) AS snippet,
                     -bm25(articles_fts, 5.0, 1.0) AS score
                  FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
                  WHERE articles_fts MATCH :match {''.join(' AND ' + w for w in where)}
                  ORDER BY {order} LIMIT :limit OFFSET :offset"""
    elif query.strip() and not where:
        SEARCH_ORDER.check(sort)
        return []  # only punctuation: nothing to look for
    else:
        order = ARTICLE_ORDER.sql(None if SEARCH_ORDER.check(sort).endswith("relevance")
                                  else sort)
        sql = f"""SELECT a.id, a.title, a.published, a.language, a.url, a.site_name,
                     substr(a.text, 1, 160) AS snippet, NULL AS score
                  FROM articles a {'WHERE ' + ' AND '.join(where) if where else ''}
                  ORDER BY {order} LIMIT :limit OFFSET :offset"""
    return [dict(r) for r in conn.execute(sql, params)]


def _sorted_hits(hits: list[dict[str, Any]], sort: str | None) -> list[dict[str, Any]]:
    """Ranked hits of a search by meaning in the ``sort`` order (relevance: as ranked)."""
    key = SEARCH_ORDER.check(sort)
    column, reverse = key.removeprefix("-"), key.startswith("-")
    if column == "relevance":
        return hits[::-1] if reverse else hits
    if column in SEARCH_ORDER.descending:
        reverse = not reverse

    def value(hit: dict[str, Any]) -> tuple[bool, str]:
        v = hit.get(column)
        return v is None, (str(v).casefold() if v is not None else "")

    present = [h for h in hits if h.get(column) is not None]
    missing = [h for h in hits if h.get(column) is None]
    return sorted(present, key=value, reverse=reverse) + missing


def _ranked(conn: sqlite3.Connection, query: str, mode: str, *, marks: tuple[str, str],
            rrf_k: int, candidates: int, **filters: str | None) -> list[dict[str, Any]]:
    """Every candidate hit of a semantic or hybrid search, best first."""
    where, params = _article_filters(**filters)
    near = vectors.nearest(conn, query, where=where, params=params, limit=candidates)
    if mode == "semantic":
        order = [(n.id, 1.0 - n.distance) for n in near]
        text_hits: dict[str, dict[str, Any]] = {}
    else:
        text_hits = {h["id"]: h for h in _fts_search(conn, query, limit=candidates, offset=0,
                                                      marks=marks, **filters)}
        order = vectors.fuse([list(text_hits), [n.id for n in near]], k=rrf_k)
    by_id = {n.id: n for n in near}
    rows = _hit_rows(conn, [i for i, _ in order if i not in text_hits], by_id)
    hits = []
    for article, score in order:
        hit = dict(text_hits.get(article) or rows[article])
        hit["score"] = score
        hits.append(hit)
    return hits


def _hit_rows(conn: sqlite3.Connection, ids: list[str],
              near: dict[str, vectors.Nearest]) -> dict[str, dict[str, Any]]:
    """Hit fields of articles found by meaning: the snippet is the nearest stretch's start."""
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):  # SQLite's bound on parameters
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(f"""SELECT id, title, published, language, url, site_name, text
                                  FROM articles WHERE id IN ({marks})""", chunk):
            hit = dict(r)
            text = hit.pop("text")
            n = near[hit["id"]]
            piece = text[n.start:n.end] if n.seq else text
            hit["snippet"] = _cut(piece, vectors.SNIPPET_CHARS if n.seq else 160)
            out[hit["id"]] = hit
    return out


def _cut(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, marked with "…"."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _nonce_marks() -> tuple[str, str]:
    """Match markers no stored text can contain: fresh random tokens for every search."""
    token = secrets.token_hex(8)
    return f"\x02{token}<", f">{token}\x03"


def snippet_pieces(snippet: str, marks: tuple[str, str]) -> list[tuple[str, bool]]:
    """``snippet`` cut at its ``marks`` into (text, matched) pieces, empty pieces dropped."""
    head, *marked = snippet.split(marks[0])
    pieces = [(head, False)]
    for part in marked:
        inside, _, rest = part.partition(marks[1])
        pieces += [(inside, True), (rest, False)]
    return [(text, matched) for text, matched in pieces if text]


def count_matches(conn: sqlite3.Connection, query: str, *, mode: str = "fts",
                  candidates: int = vectors.CANDIDATES, **filters: Any) -> int:
    """How many articles ``search`` would find without a limit (same mode and filters)."""
    where, params = _article_filters(**{k: filters.get(k) for k in
                                        ("since", "until", "language", "source", "actor",
                                         "event_type")})
    if mode != "fts" and query.strip():
        near = {n.id for n in vectors.nearest(conn, query, where=where, params=dict(params),
                                              limit=candidates)}
        if mode == "hybrid" and fts_query(query):
            near |= {h["id"] for h in _fts_search(conn, query, limit=candidates, offset=0,
                                                  marks=("", ""), **filters)}
        return len(near)
    match = fts_query(query)
    if match:
        params["match"] = match
        sql = ("SELECT count(*) FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
               f" WHERE articles_fts MATCH :match {''.join(' AND ' + w for w in where)}")
    elif query.strip() and not where:
        return 0
    else:
        sql = f"SELECT count(*) FROM articles a {'WHERE ' + ' AND '.join(where) if where else ''}"
    return int(conn.execute(sql, params).fetchone()[0])


def articles_to_embed(conn: sqlite3.Connection, *, model: str | None) -> list[dict[str, Any]]:
    """Articles (id, title, text) without an article vector of ``model``, in stored order;
    every article when ``model`` is None (embed them all again)."""
    where = "" if model is None else (
        "WHERE NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.article_id = a.id"
        " AND e.seq = 0 AND e.model = :model)")
    sql = f"SELECT a.id, a.title, a.text FROM articles a {where} ORDER BY a.rowid"
    return [dict(r) for r in conn.execute(sql, {"model": model})]


# --- overview --------------------------------------------------------------------------------

def stats(conn: sqlite3.Connection, *, top: int = 10) -> dict[str, Any]:
    """Counts per table, languages, publication date range, top sources and event types."""
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    languages = {r[0] or "unknown": r[1] for r in conn.execute(
        "SELECT language, count(*) FROM articles GROUP BY language ORDER BY count(*) DESC")}
    first, last = conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
    sources: Counter[str] = Counter()
    for r in conn.execute("SELECT site_name, url, source_format, count(*) FROM articles"
                          " GROUP BY site_name, url, source_format"):
        sources[_source_name(r[0], r[1], r[2])] += r[3]
    event_types = {r[0]: r[1] for r in conn.execute(
        "SELECT type, count(*) FROM events GROUP BY type ORDER BY count(*) DESC")}
    return {"counts": counts, "languages": languages,
            "published": {"first": first, "last": last},
            "sources": dict(sources.most_common(top)), "event_types": event_types}


def _source_name(site_name: str | None, url: str | None, fmt: str) -> str:
    if site_name:
        return site_name
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or fmt
    return f"({fmt} files)"


# --- articles --------------------------------------------------------------------------------

def get_article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """One article with its columns, its full record parsed (``record``), the input ids it
    was read under (``native_ids``, first met first) and its stored copies (``versions``, see
    ``article_versions``); None if absent."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    out = dict(row)
    for key in ("authors", "agencies", "record"):
        out[key] = json.loads(out[key])
    out["native_ids"] = [r[0] for r in conn.execute(
        "SELECT native_id FROM article_refs WHERE article_id = ? ORDER BY rowid", (article_id,))]
    out["versions"] = article_versions(conn, article_id)
    return out


def article_versions(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    """The copies of an article stored as its versions (other outlets, URLs, dates), oldest
    stored first: kind ``exact`` or ``near`` and the estimated similarity to the article."""
    return [dict(r) for r in conn.execute(
        """SELECT id, kind, similarity, title, published, url, site_name, source_path,
                  source_format, source_record, native_id, added_at
           FROM article_versions WHERE article_id = ? ORDER BY rowid""", (article_id,))]


def versions_by_article(conn: sqlite3.Connection,
                        article_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """``article_versions`` of many articles at once (an export's batch): article id → its
    versions, oldest stored first; articles without versions are left out."""
    out: dict[str, list[dict[str, Any]]] = {}
    for chunk in _chunks(article_ids):
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(
                f"""SELECT article_id, id, kind, similarity, title, published, url, site_name,
                           source_path, source_format, source_record, native_id, added_at
                    FROM article_versions WHERE article_id IN ({marks}) ORDER BY rowid""",
                chunk):
            row = dict(r)
            out.setdefault(row.pop("article_id"), []).append(row)
    return out


def references_by_article(conn: sqlite3.Connection,
                          article_ids: Sequence[str]) -> dict[str, list[str]]:
    """The input ids many articles were read under (``article_refs``), first met first;
    articles read under none are left out."""
    out: dict[str, list[str]] = {}
    for chunk in _chunks(article_ids):
        marks = ",".join("?" * len(chunk))
        for article_id, native_id in conn.execute(
                f"SELECT article_id, native_id FROM article_refs WHERE article_id IN ({marks})"
                " ORDER BY rowid", chunk):
            out.setdefault(article_id, []).append(native_id)
    return out


def _chunks(ids: Sequence[str], size: int = 500) -> Iterator[list[str]]:
    """``ids`` in pieces small enough for SQLite's limit on variables."""
    for i in range(0, len(ids), size):
        yield list(ids[i:i + size])


def canonical_article(conn: sqlite3.Connection, version_id: str) -> str | None:
    """The article a stored version (by its own id) belongs to; None when it is none."""
    row = conn.execute("SELECT article_id FROM article_versions WHERE id = ?",
                       (version_id,)).fetchone()
    return None if row is None else str(row[0])


def iter_records(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every stored record, in ingest order, one at a time (memory stays flat)."""
    for row in conn.execute("SELECT record FROM articles ORDER BY rowid"):
        yield json.loads(row[0])


def iter_table(conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    """Rows of one store table as dicts, lazily (for tabular exports such as Parquet)."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; known: {', '.join(TABLES)}")
    for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):
        yield dict(row)


def articles_for_actor(conn: sqlite3.Connection, actor_id: str, *,
                       limit: int = 100, offset: int = 0,
                       sort: str | None = None) -> list[dict[str, Any]]:
    """Articles mentioning an actor, newest first (or in the ``sort`` order,
    ``ARTICLE_ORDER``), with how often each mentions it (their number is the actor's
    ``articles`` in ``get_actor``)."""
    return [dict(r) for r in conn.execute(
        f"""SELECT a.id, a.title, a.published, a.url, a.language, count(*) AS mentions
            FROM mentions m JOIN articles a ON a.id = m.article_id
            WHERE m.actor_id = ? GROUP BY a.id
            ORDER BY {ARTICLE_ORDER.sql(sort)} LIMIT ? OFFSET ?""",
        (actor_id, limit, offset))]


# --- actors ----------------------------------------------------------------------------------

def _actor_details(conn: sqlite3.Connection, actor: dict[str, Any]) -> dict[str, Any]:
    actor["aliases"] = [r[0] for r in conn.execute(
        "SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias", (actor["id"],))]
    actor["roles"] = [dict(r) for r in conn.execute(
        """SELECT role, first_seen, last_seen FROM actor_roles WHERE actor_id = ?
           ORDER BY last_seen DESC, role""", (actor["id"],))]
    return actor


def _actor_where(*, country: str | None, search: str | None,
                 type: str | None) -> tuple[str, dict[str, Any]]:
    where, params = [], {}
    if country:
        where.append("ac.country = upper(:country)")
        params["country"] = country
    if type:
        where.append("ac.type = upper(:type)")
        params["type"] = type
    if search:
        where.append("""(ac.id LIKE :like ESCAPE '\\' OR ac.name LIKE :like ESCAPE '\\'
                         OR EXISTS (SELECT 1 FROM actor_aliases al WHERE al.actor_id = ac.id
                                    AND al.alias LIKE :like ESCAPE '\\'))""")
        params["like"] = "%" + _like_escape(search) + "%"
    return ("WHERE " + " AND ".join(where) if where else ""), params


def list_actors(conn: sqlite3.Connection, *, country: str | None = None,
                search: str | None = None, type: str | None = None,
                limit: int = 100, offset: int = 0,
                sort: str | None = None) -> list[dict[str, Any]]:
    """Actors, most mentioned first (or in the ``sort`` order, ``ACTOR_ORDER``); ``search``
    matches id, name or alias as a substring."""
    where, params = _actor_where(country=country, search=search, type=type)
    params.update(limit=limit, offset=offset)
    order = ACTOR_ORDER.sql(sort)
    sql = f"""SELECT ac.*, (SELECT count(DISTINCT m.article_id) FROM mentions m
                            WHERE m.actor_id = ac.id) AS articles
              FROM actors ac {where}
              ORDER BY {order} LIMIT :limit OFFSET :offset"""
    return [_actor_details(conn, dict(r)) for r in conn.execute(sql, params).fetchall()]


def count_actors(conn: sqlite3.Connection, *, country: str | None = None,
                 search: str | None = None, type: str | None = None) -> int:
    """How many actors ``list_actors`` would return without a limit (same filters)."""
    where, params = _actor_where(country=country, search=search, type=type)
    return int(conn.execute(f"SELECT count(*) FROM actors ac {where}", params).fetchone()[0])


def get_actor(conn: sqlite3.Connection, actor_id: str) -> dict[str, Any] | None:
    """One actor with aliases, roles (first/last seen) and its article count; None if absent."""
    row = conn.execute(
        """SELECT ac.*, (SELECT count(DISTINCT m.article_id) FROM mentions m
                         WHERE m.actor_id = ac.id) AS articles
           FROM actors ac WHERE ac.id = ?""", (actor_id,)).fetchone()
    return _actor_details(conn, dict(row)) if row is not None else None


def find_actor_ids(conn: sqlite3.Connection, name: str) -> list[str]:
    """Ids of actors whose id, name or alias is ``name`` (case-insensitive)."""
    return [r[0] for r in conn.execute(_ACTOR_IDS, {"actor": name})]


# --- quotes and events -----------------------------------------------------------------------

def like_terms(query: str) -> list[str]:
    """What a user typed as LIKE patterns, one per term (all must match), for text without a
    full-text index (quotes): a quoted phrase or a whitespace-separated chunk is one term, as
    typed (a trailing ``*`` dropped, ``OR`` ignored). Bounded exactly as ``fts_query`` (E033).
    """
    fts_query(query)  # the same limits on characters and terms
    terms = []
    for m in _QUERY_PART.finditer(query):
        term = (m.group(1) if m.group(1) is not None else m.group(2).rstrip("*")).strip()
        if term and term != "OR" and _WORD.search(term):
            terms.append("%" + _like_escape(term) + "%")
    return terms


def _quote_filters(*, speaker: str | None, since: str | None, until: str | None,
                   article_id: str | None, mentioned: str | None = None,
                   words: str | None = None) -> tuple[str, dict[str, Any]]:
    """``mentioned``: an actor named inside the quote's span (id, name or alias); ``words``:
    terms the quote's text contains (``like_terms``)."""
    where: list[str] = []
    params: dict[str, Any] = {}
    if speaker:
        where.append(f"q.speaker_id IN ({_ACTOR_IDS})")
        params["actor"] = speaker
    if mentioned:
        where.append("EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = q.article_id"
                     " AND m.start >= q.start AND m.end <= q.end"
                     f" AND m.actor_id IN ({_actor_ids('mentioned')}))")
        params["mentioned"] = mentioned
    for i, term in enumerate(like_terms(words or "")):
        where.append(f"q.text LIKE :word{i} ESCAPE '\\'")
        params[f"word{i}"] = term
    _date_bounds("coalesce(q.date, a.published)", since, until, where, params)
    if article_id:
        where.append("q.article_id = :article_id")
        params["article_id"] = article_id
    return ("WHERE " + " AND ".join(where) if where else ""), params


def list_quotes(conn: sqlite3.Connection, *, speaker: str | None = None,
                since: str | None = None, until: str | None = None,
                article_id: str | None = None, mentioned: str | None = None,
                words: str | None = None, limit: int = 100, offset: int = 0,
                sort: str | None = None) -> list[dict[str, Any]]:
    """Quotes, newest first (or in the ``sort`` order, ``QUOTE_ORDER``); a quote's date is its
    stated date, else its article's. Filters: see ``_quote_filters``."""
    where, params = _quote_filters(speaker=speaker, since=since, until=until,
                                   article_id=article_id, mentioned=mentioned, words=words)
    params.update(limit=limit, offset=offset)
    order = QUOTE_ORDER.sql(sort)
    sql = f"""SELECT q.article_id, q.seq, q.start, q.end, q.text, q.kind, q.speaker_id,
                     sp.name AS speaker_name, sp.country AS speaker_country, q.speaker_text,
                     q.cue, q.addressee, q.date, q.stage,
                     a.title AS article_title, a.published AS article_published, a.url
              FROM quotes q JOIN articles a ON a.id = q.article_id
              LEFT JOIN actors sp ON sp.id = q.speaker_id {where}
              ORDER BY {order} LIMIT :limit OFFSET :offset"""
    return [dict(r) for r in conn.execute(sql, params)]


def count_quotes(conn: sqlite3.Connection, *, speaker: str | None = None,
                 since: str | None = None, until: str | None = None,
                 article_id: str | None = None, mentioned: str | None = None,
                 words: str | None = None) -> int:
    """How many quotes ``list_quotes`` would return without a limit (same filters)."""
    where, params = _quote_filters(speaker=speaker, since=since, until=until,
                                   article_id=article_id, mentioned=mentioned, words=words)
    sql = f"SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id {where}"
    return int(conn.execute(sql, params).fetchone()[0])


def event_filters(*, actor: str | None, type: str | None, since: str | None,
                  until: str | None, article_id: str | None,
                  actor_id: str | None = None) -> tuple[list[str], dict[str, Any]]:
    """WHERE clauses and parameters over ``events e JOIN articles a``: shared by the event
    list, the explorer's counts and charts (``analytics``), so a chart counts what its table
    lists. An event without a date of its own is dated by its article. ``actor`` matches an
    id, name or alias; ``actor_id`` only that id (an actor's own page)."""
    where: list[str] = []
    params: dict[str, Any] = {}
    if actor:
        where.append(f"(e.source_id IN ({_ACTOR_IDS}) OR e.target_id IN ({_ACTOR_IDS}))")
        params["actor"] = actor
    if actor_id:
        where.append("(e.source_id = :actor_id OR e.target_id = :actor_id)")
        params["actor_id"] = actor_id
    if type:
        where.append("e.type = upper(:type)")
        params["type"] = type
    _date_bounds("coalesce(e.date, a.published)", since, until, where, params)
    if article_id:
        where.append("e.article_id = :article_id")
        params["article_id"] = article_id
    return where, params


def list_events(conn: sqlite3.Connection, *, actor: str | None = None,
                type: str | None = None,
                since: str | None = None, until: str | None = None,
                article_id: str | None = None, actor_id: str | None = None,
                limit: int | None = 1000, offset: int = 0,
                sort: str | None = None) -> list[dict[str, Any]]:
    """Events, oldest first (or in the ``sort`` order, ``EVENT_ORDER``); ``actor`` matches
    source or target; ``limit=None`` means all."""
    return list(iter_events(conn, actor=actor, type=type, since=since, until=until,
                            article_id=article_id, actor_id=actor_id, limit=limit,
                            offset=offset, sort=sort))


def iter_events(conn: sqlite3.Connection, *, actor: str | None = None,
                type: str | None = None,
                since: str | None = None, until: str | None = None,
                article_id: str | None = None, actor_id: str | None = None,
                limit: int | None = None, offset: int = 0,
                sort: str | None = None) -> Iterator[dict[str, Any]]:
    """Like ``list_events`` but lazy and unlimited by default (for exports)."""
    where, params = event_filters(actor=actor, type=type, since=since, until=until,
                                  article_id=article_id, actor_id=actor_id)
    order = EVENT_ORDER.sql(sort)
    params["limit"] = -1 if limit is None else limit
    params["offset"] = offset
    sql = f"""SELECT e.article_id, e.seq, e.type, e.mode, e.cameo,
                     e.source_id, s.name AS source_name, s.country AS source_country,
                     s.type AS source_type,
                     e.target_id, t.name AS target_name, t.country AS target_country,
                     t.type AS target_type,
                     e.date, e.location, e.negated, e.modality, e.start, e.end, e.trigger,
                     e.evidence, e.goldstein, e.quad_class, e.stage, e.symmetric,
                     a.title AS article_title, a.published AS article_published, a.url
              FROM events e JOIN articles a ON a.id = e.article_id
              LEFT JOIN actors s ON s.id = e.source_id
              LEFT JOIN actors t ON t.id = e.target_id
              {'WHERE ' + ' AND '.join(where) if where else ''}
              ORDER BY {order} LIMIT :limit OFFSET :offset"""
    for row in conn.execute(sql, params):
        event = dict(row)
        event["location"] = json.loads(event["location"]) if event["location"] else None
        event["evidence"] = json.loads(event["evidence"])
        event["negated"] = bool(event["negated"])
        yield event
