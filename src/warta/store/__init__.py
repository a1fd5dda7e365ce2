"""The embedded SQLite store: articles with full-text search, actors, mentions, quotes, events.

    >>> from warta.store import connect, queries, save_record
    >>> conn = connect(":memory:")          # writers migrate; connect(path, read_only=True) never
    >>> queries.stats(conn)["counts"]["articles"]
    0

Writes go through ``write.save_record`` (one transaction per article); every reader — the CLI,
the explorer, the exports — goes through the named queries in ``queries`` (and ``analytics``).
"""

from __future__ import annotations

from warta.store import queries
from warta.store.db import connect, sqlite_timelimit
from warta.store.write import save_record

__all__ = ["connect", "queries", "save_record", "sqlite_timelimit"]
