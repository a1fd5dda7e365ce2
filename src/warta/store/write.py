"""The one write path into the store: a whole record in one transaction, or nothing.

Actors are shared across articles, so they are upserted by their stable id: aliases are unioned,
roles keep their first and last seen dates, and a row the user wrote (``source = 'user'``) is
never overwritten by what the pipeline learned. Every annotation row records its ``stage``
(``name@version``) from the record's ``stages`` list.

A record whose text copies a stored article (``[dedup]``: the same normalised words, or a near
copy) is stored as a version of that article instead (``warta.store.dedup``): its source, URL
and date are kept, its quotes, events and mentions are not, so no fact is counted twice. This
is the one place every writer (``warta ingest``, ``warta load``, ``warta batch --db``) passes.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from warta.errors import Errors, StoreError
from warta.link.dedup import Fingerprint
from warta.record import record_vectors
from warta.settings import DedupSettings
from warta.store import dedup as store_dedup
from warta.store.db import transaction

Record = Mapping[str, Any]
# What became of a record: a new article, one already stored (the same id), or a version.
Outcome = Literal["new", "stored", "version"]

# Which stage produced each kind of row, in order of preference.
_STAGE_OF = {
    "mentions": ("actors", "gazetteer", "ner"),
    "quotes": ("quotes",),
    "events": ("events",),
    "embeddings": ("embed",),
}
_TYPE_BY_PREFIX = {"person": "PERSON", "org": "ORG", "gpe": "GPE", "loc": "LOC"}


def has_article(conn: sqlite3.Connection, article_id: str) -> bool:
    """Whether an article with this id is already stored (cheap: primary-key lookup)."""
    return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


def stored_as(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The stored article this id is (itself) or is a version of; None when neither."""
    if has_article(conn, article_id):
        return article_id
    return store_dedup.version_of(conn, article_id)


def has_input(conn: sqlite3.Connection, key: str) -> bool:
    """Whether an input article with this raw key (see ``input_key``) was already ingested."""
    return conn.execute("SELECT 1 FROM inputs WHERE key = ?", (key,)).fetchone() is not None


def remember_input(conn: sqlite3.Connection, key: str, article_id: str,
                   native_id: str | None = None) -> None:
    """Note that the raw input ``key`` is the stored article ``article_id``, and keep the
    input's own id for it (if any) as a reference to that article."""
    with transaction(conn):
        conn.execute("INSERT OR IGNORE INTO inputs(key, article_id) VALUES (?, ?)",
                     (key, article_id))
        add_reference(conn, article_id, native_id)


def add_reference(conn: sqlite3.Connection, article_id: str, native_id: str | None) -> None:
    """Keep an input's own id (a dataset's id column) as a reference to a stored article.

    The id is not the article's identity (its text is, see ``warta.record.article_id``): the
    same story listed under two ids is one article with two references.
    """
    if native_id is not None:
        conn.execute("INSERT OR IGNORE INTO article_refs(article_id, native_id) VALUES (?, ?)",
                     (article_id, native_id))


def references(conn: sqlite3.Connection, article_id: str) -> list[str]:
    """The input ids a stored article was read under, in the order they were first met."""
    return [r[0] for r in conn.execute(
        "SELECT native_id FROM article_refs WHERE article_id = ? ORDER BY rowid", (article_id,))]


def save_record(conn: sqlite3.Connection, record: Record, *, input_key: str | None = None,
                dedup: DedupSettings | None = None) -> bool:
    """Store one analysed article and its annotations; False when it was not added as a new
    article (its id was already stored, or it is a copy stored as a version, see ``store``)."""
    return store(conn, record, input_key=input_key, dedup=dedup) == "new"


def store(conn: sqlite3.Connection, record: Record, *, input_key: str | None = None,
          dedup: DedupSettings | None = None) -> Outcome:
    """Store one analysed article and its annotations, or keep it as a version of the stored
    article it copies (``dedup``: the ``[dedup]`` settings, default ones when None).

    ``input_key`` (the raw input's hash, ``warta.store.write.input_key``) is remembered with the
    article in the same transaction, so a re-run skips that input before cleaning it.

    A record that breaks the tables' constraints raises ``sqlite3.IntegrityError`` (nothing is
    written); a store that cannot be written (disk full, locked too long) raises ``StoreError``.
    """
    try:
        return _save(conn, record, input_key, dedup or DedupSettings())
    except sqlite3.OperationalError as e:
        raise StoreError(Errors.E030.format(path=_store_path(conn),
                                            reason=f"cannot store article {record['id']}: {e}")
                         ) from e


def save_if_copy(conn: sqlite3.Connection, record: Record, *, input_key: str | None = None,
                 dedup: DedupSettings | None = None) -> Outcome | None:
    """Store ``record`` as a version if it copies a stored article, else write nothing (None).

    ``record`` needs only the fields a version keeps (id, title, text, published, source): a
    cleaned article before any NLP, which the copy then never needs.
    """
    settings = dedup or DedupSettings()
    if not settings.enabled:
        return None
    try:
        with transaction(conn):
            return _known_or_version(conn, record, input_key, settings)[0]
    except sqlite3.OperationalError as e:
        raise StoreError(Errors.E030.format(path=_store_path(conn),
                                            reason=f"cannot store article {record['id']}: {e}")
                         ) from e


def input_key(title: str | None, text: str, native_id: str | None = None) -> str:
    """Hash of an input article as read (before cleaning), with the input's own id: the same
    raw row under another id is another input (whose id becomes a reference), not a re-run."""
    key = f"{title or ''}\n\n{text}"
    if native_id is not None:
        key = f"{native_id}\n{key}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _store_path(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return (row[2] if row is not None else "") or ":memory:"


def _save(conn: sqlite3.Connection, record: Record, key: str | None,
          settings: DedupSettings) -> Outcome:
    native_id = (record.get("source") or {}).get("native_id")
    with transaction(conn):
        if has_article(conn, record["id"]):  # the same text again: one more reference at most
            add_reference(conn, record["id"], native_id)
            if key is not None:
                remember_input(conn, key, record["id"])
            return "stored"
        fingerprint = None
        if settings.enabled:
            outcome, fingerprint = _known_or_version(conn, record, key, settings)
            if outcome is not None:
                return outcome
        seen = _seen_date(record.get("published"))
        _insert_article(conn, record)
        for actor in record.get("actors") or []:
            _upsert_actor(conn, actor, seen=seen)
        _ensure_referenced_actors(conn, record, seen=seen)
        _insert_mentions(conn, record)
        _insert_quotes(conn, record)
        _insert_events(conn, record)
        _insert_embeddings(conn, record)
        add_reference(conn, record["id"], native_id)
        if key is not None:
            remember_input(conn, key, record["id"])
        if fingerprint is not None:
            store_dedup.index_article(conn, record["id"], fingerprint)
    return "new"


def _known_or_version(conn: sqlite3.Connection, record: Record, key: str | None,
                      settings: DedupSettings) -> tuple[Outcome | None, Fingerprint | None]:
    """Inside a transaction: "stored" for a version met before, "version" for a new copy of a
    stored article (kept as its version), None for a text the store does not hold (with the
    text's fingerprint, to index it once stored)."""
    canonical = store_dedup.version_of(conn, record["id"])
    fingerprint = None
    if canonical is None:
        match, fingerprint = store_dedup.find_copy(conn, record, settings)
        if match is None:
            return None, fingerprint
        store_dedup.save_version(conn, record, match, fingerprint)
        canonical = match.canonical
        outcome: Outcome = "version"
    else:
        outcome = "stored"
    if key is not None:
        remember_input(conn, key, canonical)
    return outcome, fingerprint


def save_user_actor(conn: sqlite3.Connection, actor: Mapping[str, Any]) -> None:
    """Write an actor from the user's actors file: it replaces what was learned and wins later."""
    with transaction(conn):
        conn.execute(
            """INSERT INTO actors(id, name, type, country, kb, source)
               VALUES (:id, :name, :type, :country, :kb, 'user')
               ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type,
                   country = excluded.country, kb = excluded.kb, source = 'user'""",
            {"id": actor["id"], "name": actor["name"], "type": actor["type"],
             "country": actor.get("country"), "kb": actor.get("kb")})
        conn.execute("DELETE FROM actor_aliases WHERE actor_id = ?", (actor["id"],))
        _add_aliases(conn, actor["id"], actor.get("aliases") or [])
        for role in actor.get("roles") or []:
            _add_role(conn, actor["id"], role, seen=None)


def _seen_date(published: str | None) -> str | None:
    """The date part of an ISO timestamp ("2024-05-16T10:00:00+07:00" → "2024-05-16")."""
    if not published:
        return None
    return published.split("T", 1)[0].split(" ", 1)[0] or None


def _stage(record: Record, kind: str) -> str:
    stages = {s["name"]: s for s in record.get("stages") or []}
    for name in _STAGE_OF[kind]:
        if name in stages:
            return f"{name}@{stages[name]['version']}"
    return f"{_STAGE_OF[kind][-1]}@unknown"


def _insert_article(conn: sqlite3.Connection, record: Record) -> None:
    source = record.get("source") or {}
    byline = record.get("byline") or {}
    tone = record.get("tone") or {}
    conn.execute(
        """INSERT INTO articles(id, title, text, language, published, url, source_path,
               source_format, source_record, site_name, authors, agencies, tone, record)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (record["id"], record.get("title"), record["text"], record.get("language"),
         record.get("published"), source.get("url"), source.get("path"),
         source.get("format") or "text", source.get("record"), source.get("site_name"),
         _json(byline.get("authors") or []), _json(byline.get("agencies") or []),
         tone.get("score"), _json(record)))


def _upsert_actor(conn: sqlite3.Connection, actor: Mapping[str, Any], *, seen: str | None) -> None:
    row = conn.execute("SELECT name, source FROM actors WHERE id = ?", (actor["id"],)).fetchone()
    if row is not None and row["source"] == "stub":  # a placeholder: the real listing replaces it
        conn.execute("""UPDATE actors SET name = ?, type = ?, country = ?, kb = ?,
                            source = 'learned' WHERE id = ?""",
                     (actor["name"], actor["type"], actor.get("country"), actor.get("kb"),
                      actor["id"]))
        row = {"name": actor["name"], "source": "learned"}
    if row is None:
        conn.execute(
            """INSERT INTO actors(id, name, type, country, kb, first_seen, last_seen)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (actor["id"], actor["name"], actor["type"], actor.get("country"), actor.get("kb"),
             seen, seen))
    else:
        # Observations (when it was seen) always update; facts only fill gaps of learned rows.
        conn.execute(
            f"""UPDATE actors SET first_seen = {_EARLIER.format(col='first_seen')},
                   last_seen = {_LATER.format(col='last_seen')},
                   country = CASE WHEN source = 'user' THEN country ELSE coalesce(country, :c) END,
                   kb = CASE WHEN source = 'user' THEN kb ELSE coalesce(kb, :kb) END
               WHERE id = :id""",
            {"seen": seen, "c": actor.get("country"), "kb": actor.get("kb"), "id": actor["id"]})
        if row["source"] == "user":
            return  # the user's aliases and roles are the truth for this actor
    names = [*actor.get("aliases", []), actor["name"]]
    stored_name = row["name"] if row is not None else actor["name"]
    _add_aliases(conn, actor["id"], [n for n in names if n != stored_name])
    for role in actor.get("roles") or []:
        _add_role(conn, actor["id"], role, seen=seen)


# min/max that ignore NULL on either side (SQLite's scalar min/max return NULL if any arg is NULL).
_EARLIER = "min(coalesce({col}, :seen), coalesce(:seen, {col}))"
_LATER = "max(coalesce({col}, :seen), coalesce(:seen, {col}))"


def _add_aliases(conn: sqlite3.Connection, actor_id: str, aliases: Iterable[str]) -> None:
    conn.executemany("INSERT OR IGNORE INTO actor_aliases(actor_id, alias) VALUES (?, ?)",
                     [(actor_id, a) for a in dict.fromkeys(aliases) if a and a.strip()])


def _add_role(conn: sqlite3.Connection, actor_id: str, role: str, *, seen: str | None) -> None:
    conn.execute(
        f"""INSERT INTO actor_roles(actor_id, role, first_seen, last_seen)
            VALUES (:id, :role, :seen, :seen)
            ON CONFLICT(actor_id, role) DO UPDATE SET
                first_seen = {_EARLIER.format(col='first_seen')},
                last_seen = {_LATER.format(col='last_seen')}""",
        {"id": actor_id, "role": role, "seen": seen})


def _ensure_referenced_actors(conn: sqlite3.Connection, record: Record, *,
                              seen: str | None) -> None:
    """An id a mention, quote or event points to but the record did not list gets a stub row.

    Keeping the reference (instead of nulling it) preserves what the stage found; the stub
    (``source = 'stub'``) is named after its id, and the first record or user file that lists
    the actor replaces it.
    """
    listed = {a["id"] for a in record.get("actors") or []}
    refs = [e.get("actor") for e in record.get("entities") or []]
    refs += [q.get("speaker") for q in record.get("quotes") or []]
    for e in record.get("events") or []:
        refs += [e.get("source"), e.get("target")]
    for ref in dict.fromkeys(r for r in refs if r and r not in listed):
        prefix, _, rest = ref.partition(":")
        name = rest if rest.isupper() else rest.replace("-", " ").title()
        conn.execute(
            """INSERT OR IGNORE INTO actors(id, name, type, source, first_seen, last_seen)
               VALUES (?, ?, ?, 'stub', ?, ?)""",
            (ref, name or ref, _TYPE_BY_PREFIX.get(prefix, "ORG"), seen, seen))


def _insert_mentions(conn: sqlite3.Connection, record: Record) -> None:
    stage = _stage(record, "mentions")
    # OR IGNORE: the same span may come both from NER and from a later stage's mentions.
    conn.executemany(
        """INSERT OR IGNORE INTO mentions(article_id, start, end, text, label, actor_id, stage)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [(record["id"], e["start"], e["end"], e["text"], e["label"], e.get("actor"), stage)
         for e in record.get("entities") or []])


def _insert_quotes(conn: sqlite3.Connection, record: Record) -> None:
    stage = _stage(record, "quotes")
    conn.executemany(
        """INSERT INTO quotes(article_id, seq, start, end, text, kind, speaker_id, speaker_text,
               cue, addressee, date, stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [(record["id"], seq, q["start"], q["end"], q["text"], q["kind"], q.get("speaker"),
          q.get("speaker_text"), q.get("cue"), q.get("addressee"), q.get("date"), stage)
         for seq, q in enumerate(record.get("quotes") or [])])


def _insert_events(conn: sqlite3.Connection, record: Record) -> None:
    stage = _stage(record, "events")
    rows = []
    for seq, e in enumerate(record.get("events") or []):
        location = e.get("location")
        rows.append((record["id"], seq, e["type"], e.get("mode"), e.get("cameo"), e.get("source"),
                     e.get("target"), e.get("date"),
                     _json(location) if location is not None else None,
                     int(bool(e.get("negated"))), e.get("modality") or "asserted",
                     e["start"], e["end"], e.get("trigger"), _json(e.get("evidence") or []),
                     e.get("goldstein"), e.get("quad_class"), stage,
                     int(bool(e.get("symmetric")))))
    conn.executemany(
        """INSERT INTO events(article_id, seq, type, mode, cameo, source_id, target_id, date,
               location, negated, modality, start, end, trigger, evidence, goldstein, quad_class,
               stage, symmetric)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows)


def _insert_embeddings(conn: sqlite3.Connection, record: Record) -> None:
    """The record's vectors (if the embed stage ran) as float32 blobs, sqlite-vec's format."""
    vectors = record_vectors(dict(record))
    if not vectors:  # no statement at all: a store older than migration 0006 takes the record
        return
    stage = _stage(record, "embeddings")
    model = (record.get("embedding") or {}).get("model")
    conn.executemany(
        """INSERT INTO embeddings(article_id, seq, start, end, model, vector, stage)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
        [(record["id"], seq, start, end, model, vector.astype("<f4").tobytes(), stage)
         for seq, start, end, vector in vectors])


def save_embedding(conn: sqlite3.Connection, article_id: str, embedding: Mapping[str, Any],
                   stage: Mapping[str, Any]) -> None:
    """Give a stored article the vectors ``warta embed`` made (the record's ``embedding``
    field and its ``stages`` entry ``stage``), replacing any it had, in one transaction."""
    with transaction(conn):
        row = conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise StoreError(Errors.E030.format(path=_store_path(conn),
                                                reason=f"no article {article_id}"))
        record = json.loads(row[0])
        record["embedding"] = dict(embedding)
        record["stages"] = [s for s in record.get("stages") or [] if s["name"] != stage["name"]]
        record["stages"].append(dict(stage))
        conn.execute("UPDATE articles SET record = ? WHERE id = ?", (_json(record), article_id))
        conn.execute("DELETE FROM embeddings WHERE article_id = ?", (article_id,))
        _insert_embeddings(conn, record)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
