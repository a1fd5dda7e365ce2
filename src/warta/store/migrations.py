"""Named, registered schema migrations, each recorded in ``_migrations`` (after sqlite-utils).

A migration is a function of a connection, registered in order with ``@migration("name")``. It
runs inside its own transaction together with the row that records it, so a crash leaves either
the old schema or the new one. ``PRAGMA user_version`` mirrors the number applied, which lets an
older warta refuse a store written by a newer one (E031) without guessing.
Never edit a released migration: add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from warta.errors import Errors, StoreError
from warta.record import article_id
from warta.store.schema import (
    SCHEMA_V1,
    SCHEMA_V2_INPUTS,
    SCHEMA_V4_REFS,
    SCHEMA_V5_VERSIONS,
    SCHEMA_V6_EMBEDDINGS,
    SCHEMA_V7_LINKS,
)

MigrationFn = Callable[[sqlite3.Connection], None]

_TABLE = """CREATE TABLE IF NOT EXISTS _migrations (
    name        TEXT PRIMARY KEY,
    applied_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
)"""


@dataclass(frozen=True)
class Migration:
    name: str
    fn: MigrationFn


MIGRATIONS: list[Migration] = []


def migration(name: str) -> Callable[[MigrationFn], MigrationFn]:
    """Register ``fn`` as the next migration, under a name that is never reused."""

    def register(fn: MigrationFn) -> MigrationFn:
        if any(m.name == name for m in MIGRATIONS):
            raise ValueError(f"migration {name!r} registered twice")
        MIGRATIONS.append(Migration(name, fn))
        return fn

    return register


def statements(script: str) -> Iterator[str]:
    """Split a DDL script into statements; trigger bodies (``BEGIN … END;``) stay whole.

    ``executescript`` would be simpler but commits any open transaction first, which would break
    the one-transaction-per-migration rule.
    """
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n\t;"):
                yield buffer.strip()
            buffer = ""
    if buffer.strip(" \n\t;"):
        yield buffer.strip()


@migration("0001_initial")
def _initial(conn: sqlite3.Connection) -> None:
    for statement in statements(SCHEMA_V1):
        conn.execute(statement)


@migration("0002_inputs")
def _inputs(conn: sqlite3.Connection) -> None:
    for statement in statements(SCHEMA_V2_INPUTS):
        conn.execute(statement)


@migration("0003_event_symmetric")
def _event_symmetric(conn: sqlite3.Connection) -> None:
    """Undirected events (meetings, agreements): source and target are in text order only."""
    conn.execute("ALTER TABLE events ADD COLUMN symmetric INTEGER NOT NULL DEFAULT 0")


@migration("0004_article_identity")
def _article_identity(conn: sqlite3.Connection) -> None:
    """Re-key articles stored under an id mixed with their input's id: the id becomes the text's
    fingerprint (``warta.record.article_id``) and the input id a reference. Copies of one text
    stored under several input ids merge into the first stored one (their references and raw
    input keys move to it; the copies' duplicate quotes, events and mentions go)."""
    for statement in statements(SCHEMA_V4_REFS):
        conn.execute(statement)
    # Children follow the renamed parent within this transaction; checked at its COMMIT.
    conn.execute("PRAGMA defer_foreign_keys = ON")
    rows = conn.execute(
        """SELECT id, title, text, json_extract(record, '$.source.native_id') FROM articles
           WHERE json_extract(record, '$.source.native_id') IS NOT NULL ORDER BY rowid""")
    for old, title, text, native_id in rows.fetchall():
        new = article_id(title, text)
        if new != old:
            exists = conn.execute("SELECT 1 FROM articles WHERE id = ?", (new,)).fetchone()
            (_merge_article if exists else _rename_article)(conn, old, new)
        conn.execute("INSERT OR IGNORE INTO article_refs(article_id, native_id) VALUES (?, ?)",
                     (new, str(native_id)))


def _rename_article(conn: sqlite3.Connection, old: str, new: str) -> None:
    conn.execute("UPDATE articles SET id = :new, record = json_set(record, '$.id', :new)"
                 " WHERE id = :old", {"old": old, "new": new})
    for table in ("mentions", "quotes", "events", "inputs"):
        conn.execute(f"UPDATE {table} SET article_id = ? WHERE article_id = ?", (new, old))


def _merge_article(conn: sqlite3.Connection, old: str, new: str) -> None:
    conn.execute("UPDATE OR IGNORE inputs SET article_id = ? WHERE article_id = ?", (new, old))
    conn.execute("DELETE FROM articles WHERE id = ?", (old,))  # its rows cascade


@migration("0005_article_versions")
def _article_versions(conn: sqlite3.Connection) -> None:
    """Versions of an article (its copies) and the dedup index. Stored articles are indexed at
    the first write after this (``warta.store.dedup``), not here: that needs the settings;
    ``warta dedup`` folds copies already stored twice."""
    for statement in statements(SCHEMA_V5_VERSIONS):
        conn.execute(statement)


def _has_table(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'").fetchone()
    return row is not None


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations recorded in the store, in the order they ran."""
    if not _has_table(conn):
        return []
    return [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]


def pending(conn: sqlite3.Connection) -> list[str]:
    """Names of registered migrations this store has not had yet (reads only)."""
    done = set(applied(conn))
    return [m.name for m in MIGRATIONS if m.name not in done]


def _check_not_newer(conn: sqlite3.Connection, path: str) -> None:
    known = {m.name for m in MIGRATIONS}
    unknown = [n for n in applied(conn) if n not in known]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if unknown or version > len(MIGRATIONS):
        found = max(version, len(applied(conn)))
        raise StoreError(Errors.E031.format(path=path, found=found, known=len(MIGRATIONS)))


def check_readable(conn: sqlite3.Connection, *, path: str) -> None:
    """Refuse, for a read-only connection, a store that is newer or not yet fully migrated."""
    try:
        _check_not_newer(conn, path)
        missing = pending(conn)
    except sqlite3.DatabaseError as e:
        raise StoreError(Errors.E030.format(path=path, reason=e)) from e
    if missing:
        reason = (f"not a warta store or written by an older warta (missing migrations "
                  f"{', '.join(missing)}); open it once for writing, e.g. with `warta ingest`")
        raise StoreError(Errors.E030.format(path=path, reason=reason))


def apply(conn: sqlite3.Connection, *, path: str = "(store)") -> list[str]:
    """Run every pending migration, each in its own transaction; return the names applied."""
    try:
        _check_not_newer(conn, path)
        conn.execute(_TABLE)
        done: list[str] = []
        for position, m in enumerate(MIGRATIONS, start=1):
            if _run_one(conn, m, position):
                done.append(m.name)
    except sqlite3.DatabaseError as e:
        raise StoreError(Errors.E030.format(path=path, reason=f"migration failed: {e}")) from e
    return done


def _run_one(conn: sqlite3.Connection, m: Migration, position: int) -> bool:
    # IMMEDIATE takes the write lock before checking, so two writers never both migrate.
    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (m.name,)).fetchone():
            conn.execute("ROLLBACK")
            return False
        m.fn(conn)
        conn.execute("INSERT INTO _migrations(name) VALUES (?)", (m.name,))
        conn.execute(f"PRAGMA user_version = {int(position)}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return True


@migration("0006_embeddings")
def _embeddings(conn: sqlite3.Connection) -> None:
    """Vectors of articles (title + lead) and paragraphs, for search by meaning."""
    for statement in statements(SCHEMA_V6_EMBEDDINGS):
        conn.execute(statement)


@migration("0007_event_clusters_stories")
def _event_clusters_stories(conn: sqlite3.Connection) -> None:
    """Real-world events and stories, filled by ``warta link`` (empty until it runs)."""
    for statement in statements(SCHEMA_V7_LINKS):
        conn.execute(statement)
