"""Opening the store: one function for writers (migrate, WAL) and readers (``mode=ro``, no writes).

Writers run in autocommit mode (``isolation_level=None``) and open their transactions explicitly
(``transaction``), so one article is one transaction and nothing is committed behind our back.
Readers, such as the web explorer, open the file read-only and bound their query time with
``sqlite_timelimit`` (after datasette's ``set_progress_handler`` trick).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from warta.errors import Errors, StoreError
from warta.partial_date import PartialDate

BUSY_TIMEOUT_MS = 10_000
MEMORY = ":memory:"


class QueryTimeoutError(StoreError):
    """A read query ran past its time limit and was stopped."""


class QueryInterruptedError(StoreError):
    """A read query was stopped from another thread (``conn.interrupt()``) before its limit."""


def connect(path: str | Path, *, read_only: bool = False) -> sqlite3.Connection:
    """Open the store at ``path``: writers get pragmas and pending migrations, readers neither."""
    name = str(path)
    if read_only:
        conn = _open_read_only(name)
    else:
        conn = _open(name, name, uri=False)
        _write_pragmas(conn, name)
        from warta.store import migrations

        migrations.apply(conn, path=name)
    return conn


# The triggers that keep the full-text index (``articles_fts``, schema.py) in step with articles.
SEARCH_TRIGGERS = ("articles_ai", "articles_ad", "articles_au")


def scratch() -> sqlite3.Connection:
    """An in-memory store for rows on their way elsewhere (a batch partition's part files):
    the store's schema and write path, without the full-text index.

    Only searches read that index, and the store that loads the part files builds its own;
    indexing every article's text in a store that is thrown away took a quarter of storing it
    (docs/scaling.md, fifth round).
    """
    conn = connect(MEMORY)
    for trigger in SEARCH_TRIGGERS:
        conn.execute(f"DROP TRIGGER {trigger}")
    return conn


def _open(target: str, name: str, *, uri: bool) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(target, uri=uri, isolation_level=None,
                               timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        _date_functions(conn)
        # Touch the file now: "file is not a database" should surface here, not mid-query.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as e:
        raise StoreError(Errors.E030.format(path=name, reason=e)) from e
    return conn


@lru_cache(maxsize=8192)
def _first_day(value: str | None) -> str | None:
    parsed = PartialDate.parse(value)
    return parsed.first.isoformat() if parsed else None


@lru_cache(maxsize=8192)
def _last_day(value: str | None) -> str | None:
    parsed = PartialDate.parse(value)
    return parsed.last.isoformat() if parsed else None


def _date_functions(conn: sqlite3.Connection) -> None:
    """``date_first(v)`` / ``date_last(v)``: the first / last day (ISO) of a stored date of any
    precision (``2025-W44`` → 2025-10-27 / 2025-11-02), NULL when it is none, so SQL compares
    and sorts dates the way ``PartialDate`` does instead of as strings."""
    conn.create_function("date_first", 1, _first_day, deterministic=True)
    conn.create_function("date_last", 1, _last_day, deterministic=True)


def _write_pragmas(conn: sqlite3.Connection, name: str) -> None:
    try:
        if name != MEMORY:
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    except sqlite3.DatabaseError as e:
        raise StoreError(Errors.E030.format(path=name, reason=e)) from e


def _open_read_only(name: str) -> sqlite3.Connection:
    if name == MEMORY:
        raise StoreError(Errors.E030.format(path=name, reason="an in-memory store cannot be "
                                            "opened read-only"))
    if not Path(name).is_file():
        raise StoreError(Errors.E030.format(path=name, reason="no such file"))
    uri = f"file:{quote(str(Path(name).resolve()))}?mode=ro"
    conn = _open(uri, name, uri=True)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA query_only=ON")
    from warta.store import migrations

    migrations.check_readable(conn, path=name)
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One all-or-nothing unit: BEGIN IMMEDIATE, or a savepoint inside a caller's transaction."""
    if conn.in_transaction:
        conn.execute("SAVEPOINT warta_tx")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO warta_tx")
            conn.execute("RELEASE warta_tx")
            raise
        conn.execute("RELEASE warta_tx")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def sqlite_timelimit(conn: sqlite3.Connection, ms: int) -> Iterator[None]:
    """Stop any query on ``conn`` that runs longer than ``ms`` milliseconds.

    The progress handler is polled every N virtual-machine steps; returning non-zero aborts the
    statement, which surfaces as ``QueryTimeoutError`` (a ``StoreError``). SQLite polls only
    between steps, so a single step must stay short: FTS5 runs a whole MATCH expression's
    bm25() or snippet() for one row in one step, which is why ``queries.fts_query`` bounds the
    number of terms. A ``conn.interrupt()`` from another thread (a server shutting down) stops
    the statement the same way and surfaces as ``QueryInterruptedError``.
    """
    deadline = time.perf_counter() + ms / 1000
    steps = 1000 if ms > 50 else 100  # short limits need a finer poll

    def handler() -> int:
        return 1 if time.perf_counter() > deadline else 0

    conn.set_progress_handler(handler, steps)
    try:
        yield
    except sqlite3.OperationalError as e:
        if "interrupted" not in str(e):
            raise
        if time.perf_counter() <= deadline:
            raise QueryInterruptedError(Errors.E034) from e
        raise QueryTimeoutError(Errors.E032.format(ms=ms)) from e
    finally:
        conn.set_progress_handler(None, steps)
