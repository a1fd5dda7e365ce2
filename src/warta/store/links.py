"""Links between stored articles: (re)computing real-world events and stories, and reading them.

``relink`` reads what linking needs from the tables (not the full JSON records: titles, leads,
publication dates, actors mentioned, events), runs ``warta.link.events`` and
``warta.link.stories`` over the whole store and replaces the four link tables in one
transaction, so it is idempotent and a reader never sees half of a run. The read functions
answer the CLI, the explorer and the GDELT export, with the same filters as ``queries``.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from warta.link import events as link_events
from warta.link import stories as link_stories
from warta.partial_date import PartialDate
from warta.settings import Settings
from warta.store.db import transaction
from warta.store.queries import _ACTOR_IDS, _date_bounds, _source_name

EVENTS_METHOD = f"link.events@{link_events.VERSION}"
STORIES_METHOD = f"link.stories@{link_stories.VERSION}"
STORY_ACTORS = 8  # main actors kept per story
LINK_TABLES = ("event_cluster_mentions", "event_clusters", "story_articles", "stories")


@dataclass(frozen=True)
class LinkTally:
    """What one ``relink`` found, for the closing line of `warta link`."""

    articles: int
    mentions: int
    events: int
    reported_twice: int  # real-world events reported by two articles or more
    stories: int
    multi_article_stories: int
    seconds: float

    def summary(self) -> str:
        return (f"{self.mentions} event mentions → {self.events} events "
                f"({self.reported_twice} in 2+ articles); {self.articles} articles → "
                f"{self.stories} stories ({self.multi_article_stories} of 2+ articles) "
                f"in {self.seconds:.1f} s")


# --- computing -------------------------------------------------------------------------------

def relink(conn: sqlite3.Connection, settings: Settings | None = None) -> LinkTally:
    """Recompute every real-world event and story of the store and replace the stored ones."""
    settings = settings or Settings()
    started = time.perf_counter()
    records = link_records(conn, text_chars=settings.link.story_text_chars)
    by_id = {r["id"]: r for r in records}
    stories = link_stories.group_stories(records, settings)
    mentions = link_events.link_event_mentions(records, settings, stories, link_actors(conn))
    leads = link_stories.story_leads(records, stories, settings)
    event_rows = _event_rows(mentions, by_id)
    story_rows = _story_rows(stories, leads, by_id)
    with transaction(conn):
        for table in LINK_TABLES:
            conn.execute(f"DELETE FROM {table}")
        conn.executemany(
            """INSERT INTO event_clusters(id, global_id, type, source_id, target_id, place,
                   date, first_report, last_report, num_mentions, num_sources, num_articles,
                   method) VALUES (:id, :global_id, :type, :source_id, :target_id, :place,
                   :date, :first_report, :last_report, :num_mentions, :num_sources,
                   :num_articles, :method)""", event_rows)
        conn.executemany("INSERT INTO event_cluster_mentions(cluster_id, article_id, seq)"
                         " VALUES (?, ?, ?)", [(c, a, s) for (a, s), c in mentions.items()])
        conn.executemany(
            """INSERT INTO stories(id, title, lead_article, first_published, last_published,
                   actors, outlets, num_articles, method) VALUES (:id, :title, :lead_article,
                   :first_published, :last_published, :actors, :outlets, :num_articles,
                   :method)""", story_rows)
        conn.executemany("INSERT INTO story_articles(story_id, article_id) VALUES (?, ?)",
                         [(s, a) for a, s in stories.items()])
    return LinkTally(articles=len(records), mentions=len(mentions), events=len(event_rows),
                     reported_twice=sum(r["num_articles"] > 1 for r in event_rows),
                     stories=len(story_rows),
                     multi_article_stories=sum(r["num_articles"] > 1 for r in story_rows),
                     seconds=time.perf_counter() - started)


def link_records(conn: sqlite3.Connection, *, text_chars: int) -> list[dict[str, Any]]:
    """The stored articles as the record fields ``warta.link`` reads, plus their ``outlet`` and
    the ``copies`` stored as their versions (``published``, ``outlet``; absent when none)."""
    records: dict[str, dict[str, Any]] = {}
    for r in conn.execute("""SELECT id, title, substr(text, 1, ?) AS lead, published, site_name,
                                    url, source_format FROM articles ORDER BY rowid""",
                          (text_chars,)):
        records[r["id"]] = {"id": r["id"], "title": r["title"], "text": r["lead"],
                            "published": r["published"], "events": [], "entities": [],
                            "outlet": _source_name(r["site_name"], r["url"], r["source_format"])}
    for r in conn.execute("SELECT article_id, actor_id FROM mentions WHERE actor_id IS NOT NULL"
                          " ORDER BY article_id, start"):
        records[r["article_id"]]["entities"].append({"actor": r["actor_id"]})
    for r in conn.execute("""SELECT article_id, published, url, site_name, source_format
                             FROM article_versions ORDER BY rowid"""):
        records[r["article_id"]].setdefault("copies", []).append(
            {"published": r["published"],
             "outlet": _source_name(r["site_name"], r["url"], r["source_format"] or "")})
    for r in conn.execute("""SELECT article_id, seq, type, source_id, target_id, date, location,
                                    negated, symmetric, trigger, modality, mode FROM events
                             ORDER BY article_id, seq"""):
        events = records[r["article_id"]]["events"]
        if len(events) != r["seq"]:  # seq is the position in the record; keep them aligned
            continue
        events.append({"type": r["type"], "source": r["source_id"], "target": r["target_id"],
                       "date": r["date"], "negated": bool(r["negated"]),
                       "symmetric": bool(r["symmetric"]), "trigger": r["trigger"],
                       "modality": r["modality"], "mode": r["mode"],
                       "location": json.loads(r["location"]) if r["location"] else None})
    return list(records.values())


def link_actors(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """The store's actors with their aliases and roles, as ``warta.link.events`` reads them
    (a person agrees with the body a role of theirs names)."""
    actors = {r["id"]: {"id": r["id"], "type": r["type"], "name": r["name"], "aliases": [],
                        "roles": []}
              for r in conn.execute("SELECT id, type, name FROM actors")}
    for r in conn.execute("SELECT actor_id, alias FROM actor_aliases ORDER BY actor_id, alias"):
        if r["actor_id"] in actors:
            actors[r["actor_id"]]["aliases"].append(r["alias"])
    for r in conn.execute("SELECT actor_id, role FROM actor_roles ORDER BY actor_id, role"):
        if r["actor_id"] in actors:
            actors[r["actor_id"]]["roles"].append(r["role"])
    return list(actors.values())


def _event_rows(mentions: Mapping[tuple[str, int], str],
                by_id: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """One row per real-world event. Its counts are GDELT's, over source documents: a copy
    stored as a version of a reporting article (another outlet, URL or date) is a document
    that reports the event too, so it counts in NumArticles and NumSources, repeats the
    article's mentions in NumMentions and may be the first or last report; its facts are
    still stored once (the Mentions table and the event page list the article's)."""
    members: dict[str, list[tuple[str, int]]] = {}
    for key, cluster in mentions.items():
        members.setdefault(cluster, []).append(key)
    rows = []
    for cluster, keys in members.items():
        keys.sort(key=lambda k: (by_id[k[0]].get("published") or "9999", k))
        events = [by_id[a]["events"][s] for a, s in keys]
        first = events[0]
        articles = {a for a, _ in keys}
        copies = {a: by_id[a].get("copies") or [] for a in articles}
        reports = [*({"published": by_id[a].get("published"), "outlet": by_id[a]["outlet"]}
                     for a in articles), *(c for a in articles for c in copies[a])]
        published = sorted(p for r in reports if (p := r.get("published")))
        stated = sorted(e["date"] for e in events if e.get("date"))
        place = next((e["location"] for e in events if e.get("location")), None)
        source = next((e["source"] for e in events if e.get("source")), None)
        target = next((e["target"] for e in events if e.get("target")), None)
        rows.append({"id": cluster, "global_id": _global_id(keys[0]), "type": first["type"],
                     "source_id": source, "target_id": target,
                     "place": json.dumps(place, ensure_ascii=False) if place else None,
                     "date": stated[0] if stated else None,
                     "first_report": published[0] if published else None,
                     "last_report": published[-1] if published else None,
                     "num_mentions": sum(1 + len(copies[a]) for a, _ in keys),
                     "num_articles": len(reports),
                     "num_sources": len({r["outlet"] for r in reports}),
                     "method": EVENTS_METHOD})
    return rows


def _global_id(key: tuple[str, int]) -> int:
    """GDELT's numeric id of an event: its earliest mention's (as ``export.gdelt.event_id``,
    so an event reported once keeps the id it had before linking)."""
    return int(key[0][:12], 16) * 1000 + key[1]


def _story_rows(stories: Mapping[str, str], leads: Mapping[str, str],
                by_id: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    members: dict[str, list[str]] = {}
    for article, story in stories.items():
        members.setdefault(story, []).append(article)
    rows = []
    for story, articles in members.items():
        published = sorted(p for a in articles if (p := by_id[a].get("published")))
        actors: Counter[str] = Counter()
        for a in articles:  # counted once per article: the story's actors, not the chattiest
            actors.update({e["actor"] for e in by_id[a]["entities"]})
        outlets = Counter(by_id[a]["outlet"] for a in articles)
        lead = leads[story]
        rows.append({"id": story, "title": by_id[lead].get("title"), "lead_article": lead,
                     "first_published": published[0] if published else None,
                     "last_published": published[-1] if published else None,
                     "actors": json.dumps(_top(actors, STORY_ACTORS)),
                     "outlets": json.dumps(_top(outlets, None), ensure_ascii=False),
                     "num_articles": len(articles), "method": STORIES_METHOD})
    return rows


def _top(counts: Counter[str], n: int | None) -> list[str]:
    return [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


# --- reading ---------------------------------------------------------------------------------

def is_linked(conn: sqlite3.Connection) -> bool:
    """Whether links were computed for this store (some article's story is known)."""
    return conn.execute("SELECT 1 FROM story_articles LIMIT 1").fetchone() is not None


def _cluster_filters(*, actor: str | None, type: str | None, since: str | None,
                     until: str | None, min_articles: int) -> tuple[str, dict[str, Any]]:
    where: list[str] = []
    params: dict[str, Any] = {}
    if actor:
        where.append(f"(c.source_id IN ({_ACTOR_IDS}) OR c.target_id IN ({_ACTOR_IDS}))")
        params["actor"] = actor
    if type:
        where.append("c.type = upper(:type)")
        params["type"] = type
    _date_bounds("coalesce(c.date, c.first_report)", since, until, where, params)
    if min_articles > 1:
        where.append("c.num_articles >= :min_articles")
        params["min_articles"] = min_articles
    return ("WHERE " + " AND ".join(where) if where else ""), params


# Sort orders of the real-world event list (whitelisted: these strings go into the SQL).
EVENT_SORTS = {"reports": "c.num_articles DESC, c.num_mentions DESC, c.first_report DESC",
               "date": "date_first(coalesce(c.date, c.first_report)), c.first_report",
               "latest": "c.last_report DESC, c.num_articles DESC"}


def list_world_events(conn: sqlite3.Connection, *, actor: str | None = None,
                      type: str | None = None, since: str | None = None,
                      until: str | None = None, min_articles: int = 1, sort: str = "reports",
                      limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Real-world events with their report counts, most reported first (``sort``: one of
    ``EVENT_SORTS``); each has the headline of its first report (``title``, ``article_id``)."""
    where, params = _cluster_filters(actor=actor, type=type, since=since, until=until,
                                     min_articles=min_articles)
    params.update(limit=limit, offset=offset)
    sql = f"""SELECT c.*, s.name AS source_name, t.name AS target_name,
                     (SELECT m.article_id FROM event_cluster_mentions m
                      WHERE m.cluster_id = c.id ORDER BY m.rowid LIMIT 1) AS article_id
              FROM event_clusters c
              LEFT JOIN actors s ON s.id = c.source_id LEFT JOIN actors t ON t.id = c.target_id
              {where} ORDER BY {EVENT_SORTS[sort]}, c.id LIMIT :limit OFFSET :offset"""
    rows = [_cluster(dict(r)) for r in conn.execute(sql, params)]
    titles = _titles(conn, [r["article_id"] for r in rows if r["article_id"]])
    for row in rows:
        row["title"] = titles.get(row["article_id"])
    return rows


def count_world_events(conn: sqlite3.Connection, *, actor: str | None = None,
                       type: str | None = None, since: str | None = None,
                       until: str | None = None, min_articles: int = 1) -> int:
    """How many real-world events ``list_world_events`` would return without a limit."""
    where, params = _cluster_filters(actor=actor, type=type, since=since, until=until,
                                     min_articles=min_articles)
    return int(conn.execute(f"SELECT count(*) FROM event_clusters c {where}",
                            params).fetchone()[0])


def _cluster(row: dict[str, Any]) -> dict[str, Any]:
    row["place"] = json.loads(row["place"]) if row.get("place") else None
    return row


def _titles(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for i in range(0, len(ids), 500):
        chunk = list(ids[i:i + 500])
        marks = ",".join("?" * len(chunk))
        out.update({r[0]: r[1] for r in conn.execute(
            f"SELECT id, title FROM articles WHERE id IN ({marks})", chunk)})
    return out


def event_reports(conn: sqlite3.Connection, cluster_id: str) -> list[dict[str, Any]]:
    """The mentions of one real-world event: article, position, outlet, date, trigger."""
    return [dict(r) for r in conn.execute(
        """SELECT m.article_id, m.seq, a.title, a.published, a.url, a.site_name, e.trigger,
                  e.date, e.start, e.end
           FROM event_cluster_mentions m JOIN articles a ON a.id = m.article_id
           JOIN events e ON e.article_id = m.article_id AND e.seq = m.seq
           WHERE m.cluster_id = ? ORDER BY a.published, m.article_id, m.seq""", (cluster_id,))]


WORLD_EVENT_MENTIONS = 50  # mentions of one real-world event a page shows
EVIDENCE_CHARS = 160  # text each side of a trigger without a sentence (twice that in one)


def get_world_event(conn: sqlite3.Connection, cluster_id: str, *,
                    mentions_limit: int | None = WORLD_EVENT_MENTIONS,
                    mentions_offset: int = 0) -> dict[str, Any] | None:
    """One real-world event, as its page and `warta events show` give it; None if absent.

    Its stored row (type, parties, place, counts, first and last report) with the parties'
    names and countries; what its reports say of it all together (``cameo`` and ``modes``
    with how many reports say each, most first; ``places``, one per place; ``dates``, the
    window of the dates they state, or None); and one page of its ``mentions``
    (``event_mentions``; every one when ``mentions_limit`` is None).
    """
    row = conn.execute(
        """SELECT c.*, s.name AS source_name, s.country AS source_country,
                  t.name AS target_name, t.country AS target_country
           FROM event_clusters c LEFT JOIN actors s ON s.id = c.source_id
           LEFT JOIN actors t ON t.id = c.target_id WHERE c.id = ?""", (cluster_id,)).fetchone()
    if row is None:
        return None
    event = _cluster(dict(row))
    reports = conn.execute(
        """SELECT e.cameo, e.mode, e.date, e.location FROM event_cluster_mentions m
           JOIN events e ON e.article_id = m.article_id AND e.seq = m.seq
           WHERE m.cluster_id = ? ORDER BY m.article_id, m.seq""", (cluster_id,)).fetchall()
    event["cameo"] = _tally(r["cameo"] for r in reports)
    event["modes"] = _tally(r["mode"] for r in reports)
    event["places"] = _places(json.loads(r["location"]) for r in reports if r["location"])
    event["dates"] = _date_window([r["date"] for r in reports if r["date"]])
    event["mentions"] = event_mentions(conn, cluster_id, limit=mentions_limit,
                                       offset=mentions_offset)
    return event


def _tally(values: Iterator[str | None]) -> list[dict[str, Any]]:
    """``[{value, reports}]`` of the values given (None left out), most reported first."""
    counts = Counter(v for v in values if v)
    return [{"value": v, "reports": n} for v, n in sorted(counts.items(),
                                                          key=lambda kv: (-kv[1], kv[0]))]


def _places(places: Iterator[dict[str, Any]]) -> list[dict[str, Any]]:
    """The places the reports name, one per place (as linking compares them), first met first."""
    seen: dict[str, dict[str, Any]] = {}
    for place in places:
        key = link_events.place_key(place)
        if key is not None and key not in seen:
            seen[key] = place
    return list(seen.values())


def _date_window(values: Sequence[str]) -> dict[str, str] | None:
    """``{first, last}``: the earliest and the latest of the (partial) dates the reports state,
    compared by the first and the last day each covers; None when no report states one."""
    dated = [(p, v) for v in values if (p := PartialDate.parse(v)) is not None]
    if not dated:
        return None
    first = min(dated, key=lambda pv: (pv[0].first, pv[0].last))[1]
    last = max(dated, key=lambda pv: (pv[0].last, pv[0].first))[1]
    return {"first": first, "last": last}


def count_event_mentions(conn: sqlite3.Connection, cluster_id: str) -> int:
    """How many event mentions report the real-world event (its stored mentions)."""
    return int(conn.execute("SELECT count(*) FROM event_cluster_mentions WHERE cluster_id = ?",
                            (cluster_id,)).fetchone()[0])


def event_mentions(conn: sqlite3.Connection, cluster_id: str, *, limit: int | None = None,
                   offset: int = 0) -> list[dict[str, Any]]:
    """The reports of one real-world event, oldest article first: the article (id, title,
    date, URL, outlet, how many ``copies`` of it are stored as versions) and the mention in it
    (position ``seq``, trigger and its offsets, stated date, place, mode, CAMEO, negation,
    modality) with its ``evidence``: the sentence holding the trigger as ``{text,
    trigger_start, trigger_end}`` (offsets into ``text``; ``start`` is the sentence's in the
    article)."""
    rows = [dict(r) for r in conn.execute(
        """SELECT m.article_id, m.seq, a.title, a.published, a.url, a.site_name,
                  a.source_format, e.type, e.mode, e.cameo, e.source_id, e.target_id, e.date,
                  e.location, e.negated, e.modality, e.trigger, e.start, e.end,
                  (SELECT count(*) FROM article_versions v
                   WHERE v.article_id = m.article_id) AS copies
           FROM event_cluster_mentions m JOIN articles a ON a.id = m.article_id
           JOIN events e ON e.article_id = m.article_id AND e.seq = m.seq
           WHERE m.cluster_id = ?
           ORDER BY date_first(a.published), a.published, m.article_id, m.seq
           LIMIT ? OFFSET ?""", (cluster_id, -1 if limit is None else limit, offset))]
    layouts: dict[str, list[list[int]]] = {}
    for r in rows:
        r["outlet"] = _source_name(r["site_name"], r["url"], r["source_format"])
        r["negated"] = bool(r["negated"])
        r["location"] = json.loads(r["location"]) if r["location"] else None
        if r["article_id"] not in layouts:
            layouts[r["article_id"]] = _sentences(conn, r["article_id"])
        r["evidence"] = _evidence(conn, r["article_id"], layouts[r["article_id"]],
                                  r["start"], r["end"])
    return rows


def _sentences(conn: sqlite3.Connection, article_id: str) -> list[list[int]]:
    row = conn.execute("SELECT json_extract(record, '$.sentences') FROM articles WHERE id = ?",
                       (article_id,)).fetchone()
    return json.loads(row[0]) if row and row[0] else []


def _evidence(conn: sqlite3.Connection, article_id: str, sentences: Sequence[Sequence[int]],
              start: int, end: int) -> dict[str, Any]:
    """The sentence holding the trigger, read from the article's text, with the trigger's
    offsets in it. Without a sentence (a record with none), or of a sentence longer than
    ``EVIDENCE_CHARS`` twice each side (a list, a table flattened into one), what lies that
    far each side of the trigger: ``cut_before`` / ``cut_after`` say the sentence goes on."""
    sentence = next(((a, b) for a, b in sentences if a <= start < b), None)
    first, last = sentence or (0, None)
    left = max(first, start - 2 * EVIDENCE_CHARS) if sentence else max(0, start - EVIDENCE_CHARS)
    right = max(end, min(last, end + 2 * EVIDENCE_CHARS) if last is not None
                else end + EVIDENCE_CHARS)
    text, length = conn.execute("SELECT substr(text, ?, ?), length(text) FROM articles"
                                " WHERE id = ?", (left + 1, right - left, article_id)).fetchone()
    text = text or ""
    return {"start": left, "text": text, "trigger_start": start - left,
            "trigger_end": min(end, left + len(text)) - left,
            "cut_before": left > first, "cut_after": right < min(last or length, length)}


def cluster_counts(conn: sqlite3.Connection, keys: Sequence[tuple[str, int]]
                   ) -> dict[tuple[str, int], dict[str, Any]]:
    """(article id, seq) → its real-world event's id and counts, for event rows on a page."""
    out: dict[tuple[str, int], dict[str, Any]] = {}
    for i in range(0, len(keys), 400):
        chunk = keys[i:i + 400]
        pairs = " OR ".join("(m.article_id = ? AND m.seq = ?)" for _ in chunk)
        params = [v for key in chunk for v in key]
        for r in conn.execute(
                f"""SELECT m.article_id, m.seq, c.id, c.num_mentions, c.num_sources,
                           c.num_articles FROM event_cluster_mentions m
                    JOIN event_clusters c ON c.id = m.cluster_id WHERE {pairs}""", params):
            out[(r[0], r[1])] = {"cluster_id": r[2], "num_mentions": r[3],
                                 "num_sources": r[4], "num_articles": r[5]}
    return out


def add_report_counts(conn: sqlite3.Connection, events: list[dict[str, Any]]) -> None:
    """Give each event row (``queries.list_events``) its real-world event's ``reports``:
    ``{cluster_id, num_mentions, num_sources, num_articles}``, or None before linking."""
    counts = cluster_counts(conn, [(e["article_id"], e["seq"]) for e in events])
    for e in events:
        e["reports"] = counts.get((e["article_id"], e["seq"]))


def _story_filters(*, actor: str | None, since: str | None, until: str | None,
                   min_articles: int) -> tuple[str, dict[str, Any]]:
    where: list[str] = []
    params: dict[str, Any] = {}
    if actor:
        where.append(f"EXISTS (SELECT 1 FROM json_each(st.actors) j WHERE j.value IN "
                     f"({_ACTOR_IDS}))")
        params["actor"] = actor
    _date_bounds("st.last_published", since, None, where, params)
    _date_bounds("st.first_published", None, until, where, params)
    if min_articles > 1:
        where.append("st.num_articles >= :min_articles")
        params["min_articles"] = min_articles
    return ("WHERE " + " AND ".join(where) if where else ""), params


# Sort orders of the story list (whitelisted: these strings go into the SQL).
STORY_SORTS = {"articles": "st.num_articles DESC, st.last_published DESC",
               "latest": "st.last_published DESC, st.num_articles DESC",
               "oldest": "st.first_published, st.num_articles DESC",
               "title": "st.title COLLATE NOCASE"}


def list_stories(conn: sqlite3.Connection, *, actor: str | None = None,
                 since: str | None = None, until: str | None = None, min_articles: int = 1,
                 sort: str = "articles", limit: int = 100,
                 offset: int = 0) -> list[dict[str, Any]]:
    """Stories, largest first (``sort``: one of ``STORY_SORTS``), with their main actors as
    ``{id, name}`` and outlets; ``since``/``until`` keep stories overlapping that period."""
    where, params = _story_filters(actor=actor, since=since, until=until,
                                   min_articles=min_articles)
    params.update(limit=limit, offset=offset)
    sql = f"""SELECT st.* FROM stories st {where}
              ORDER BY {STORY_SORTS[sort]}, st.id LIMIT :limit OFFSET :offset"""
    rows = [dict(r) for r in conn.execute(sql, params)]
    names = _actor_names(conn, {a for r in rows for a in json.loads(r["actors"])})
    for row in rows:
        _story(row, names)
    return rows


def count_stories(conn: sqlite3.Connection, *, actor: str | None = None,
                  since: str | None = None, until: str | None = None,
                  min_articles: int = 1) -> int:
    """How many stories ``list_stories`` would return without a limit (same filters)."""
    where, params = _story_filters(actor=actor, since=since, until=until,
                                   min_articles=min_articles)
    return int(conn.execute(f"SELECT count(*) FROM stories st {where}", params).fetchone()[0])


def _actor_names(conn: sqlite3.Connection, ids: set[str]) -> dict[str, str]:
    wanted = sorted(ids)
    out: dict[str, str] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i:i + 500]
        marks = ",".join("?" * len(chunk))
        out.update({r[0]: r[1] for r in conn.execute(
            f"SELECT id, name FROM actors WHERE id IN ({marks})", chunk)})
    return out


def _story(row: dict[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    row["actors"] = [{"id": a, "name": names.get(a, a)} for a in json.loads(row["actors"])]
    row["outlets"] = json.loads(row["outlets"])
    return row


def get_story(conn: sqlite3.Connection, story_id: str, *, quotes_limit: int = 100,
              events_limit: int = 100) -> dict[str, Any] | None:
    """One story: its row, the timeline of its coverage (``articles``: date, outlet, title,
    oldest first), quotes of its main actors in its articles (``quotes``) and the real-world
    events they report (``events``, most reported first); None if absent."""
    row = conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    story = dict(row)
    _story(story, _actor_names(conn, set(json.loads(story["actors"]))))
    story["articles"] = [
        {**dict(r), "outlet": _source_name(r["site_name"], r["url"], r["source_format"])}
        for r in conn.execute(
            """SELECT a.id, a.title, a.published, a.url, a.site_name, a.source_format
               FROM story_articles sa JOIN articles a ON a.id = sa.article_id
               WHERE sa.story_id = ?
               ORDER BY date_first(a.published), a.published, a.rowid""", (story_id,))]
    story["quotes"] = _story_quotes(conn, story_id, [a["id"] for a in story["actors"]],
                                    quotes_limit)
    story["events"] = _story_events(conn, story_id, events_limit)
    return story


def _story_events(conn: sqlite3.Connection, story_id: str, limit: int) -> list[dict[str, Any]]:
    """The real-world events the story's articles report, most reported first."""
    return [_cluster(dict(r)) for r in conn.execute(
        """SELECT c.*, s.name AS source_name, t.name AS target_name FROM event_clusters c
           LEFT JOIN actors s ON s.id = c.source_id LEFT JOIN actors t ON t.id = c.target_id
           WHERE c.id IN (SELECT m.cluster_id FROM story_articles sa
                          JOIN event_cluster_mentions m ON m.article_id = sa.article_id
                          WHERE sa.story_id = ?)
           ORDER BY c.num_articles DESC, c.num_mentions DESC,
                    date_first(coalesce(c.date, c.first_report)), c.id
           LIMIT ?""", (story_id, limit))]


def _story_quotes(conn: sqlite3.Connection, story_id: str, actors: Sequence[str],
                  limit: int) -> list[dict[str, Any]]:
    """Quotes in the story's articles by its main actors (their order: the story's), oldest
    article first."""
    if not actors:
        return []
    marks = ",".join("?" * len(actors))
    rows = [dict(r) for r in conn.execute(
        f"""SELECT q.article_id, q.seq, q.text, q.kind, q.speaker_id, sp.name AS speaker_name,
                   q.cue, q.date, a.title AS article_title, a.published AS article_published
            FROM story_articles sa JOIN quotes q ON q.article_id = sa.article_id
            JOIN articles a ON a.id = q.article_id LEFT JOIN actors sp ON sp.id = q.speaker_id
            WHERE sa.story_id = ? AND q.speaker_id IN ({marks})
            ORDER BY date_first(a.published), a.published, q.article_id, q.seq LIMIT ?""",
        [story_id, *actors, limit])]
    return rows


def iter_mentions_for_export(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every event mention with its real-world event (global id, first report) and where it
    sits in its article (sentence number, offsets of its actors' nearest mentions), for
    GDELT's Mentions table; in article order, fetched in batches. A mention never linked
    (stored after the last `warta link`) has no ``global_id``."""
    sql = """SELECT e.article_id, e.seq, e.start, e.end, e.source_id, e.target_id, c.global_id,
                    c.first_report, a.published, a.url, a.source_path, a.site_name,
                    a.source_format, a.tone, length(a.text) AS doc_len
             FROM events e JOIN articles a ON a.id = e.article_id
             LEFT JOIN event_cluster_mentions m ON m.article_id = e.article_id AND m.seq = e.seq
             LEFT JOIN event_clusters c ON c.id = m.cluster_id
             ORDER BY a.rowid, e.seq"""
    article: _ArticleLayout | None = None
    cursor = conn.execute(sql)
    while rows := cursor.fetchmany(500):
        for r in rows:
            if article is None or article.id != r["article_id"]:  # once per article
                article = _ArticleLayout.read(conn, r["article_id"])
            out = dict(r)
            out["outlet"] = _source_name(r["site_name"], r["url"], r["source_format"])
            out["sentence"] = article.sentence_of(r["start"])
            out["source_offset"] = article.nearest(r["source_id"], r["start"])
            out["target_offset"] = article.nearest(r["target_id"], r["start"])
            yield out


@dataclass(frozen=True)
class _ArticleLayout:
    """Where an article's sentences and actor mentions are (for mention offsets)."""

    id: str
    sentences: list[list[int]]
    mentions: dict[str, list[int]]  # actor id → starts of its mentions

    @classmethod
    def read(cls, conn: sqlite3.Connection, article_id: str) -> _ArticleLayout:
        row = conn.execute("SELECT json_extract(record, '$.sentences') FROM articles"
                           " WHERE id = ?", (article_id,)).fetchone()
        mentions: dict[str, list[int]] = {}
        for actor, start in conn.execute("SELECT actor_id, start FROM mentions WHERE"
                                         " article_id = ? AND actor_id IS NOT NULL",
                                         (article_id,)):
            mentions.setdefault(actor, []).append(start)
        return cls(article_id, json.loads(row[0] or "[]") if row else [], mentions)

    def sentence_of(self, offset: int) -> int | None:
        """1-based number of the sentence holding ``offset`` (GDELT's SentenceID)."""
        for number, (start, end) in enumerate(self.sentences, start=1):
            if start <= offset < end:
                return number
        return None

    def nearest(self, actor: str | None, offset: int) -> int | None:
        """Start of the actor's mention nearest to ``offset``; None when it has none."""
        starts = self.mentions.get(actor or "")
        return min(starts, key=lambda s: (abs(s - offset), s)) if starts else None
