"""Parquet: one file per kind (articles, actors, mentions, quotes, events) in an output folder.

Rows are read in batches and written as record batches through ``pyarrow.parquet.ParquetWriter``,
so memory stays flat. Column types follow the store's declared SQLite types; JSON columns
(authors, agencies, evidence, location) stay JSON strings, except actors' aliases and roles,
which become lists. The full record is left out of ``articles`` (``--format jsonl`` has it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from warta.export.progress import track
from warta.store import analytics

TABLES = ("articles", "actors", "mentions", "quotes", "events")
BATCH_ROWS = 5000
_DROP = {"articles": {"record"}}
_TYPES = {"INTEGER": pa.int64(), "REAL": pa.float64()}


def table_schema(conn: sqlite3.Connection, table: str) -> pa.Schema:
    """Arrow schema of one exported table, from the store's declared column types."""
    fields = [pa.field(name, _TYPES.get(decl, pa.string()))
              for name, decl in analytics.table_columns(conn, table)
              if name not in _DROP.get(table, set())]
    if table == "actors":
        fields += [pa.field("aliases", pa.list_(pa.string())),
                   pa.field("roles", pa.list_(pa.string()))]
    return pa.schema(fields)


def _rows(conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    if table == "actors":
        yield from analytics.iter_actors(conn)
        return
    for row in analytics.iter_rows(conn, table):
        yield dict(row)


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write_table(conn: sqlite3.Connection, table: str, path: Path, *,
                progress: bool = False, batch_rows: int = BATCH_ROWS) -> int:
    """Write one table to ``path``; return its row count (an empty table still gets a file)."""
    schema = table_schema(conn, table)
    total = analytics.count_rows(conn, table)
    rows = track(_rows(conn, table), total=total, description=f"parquet {table}",
                 enabled=progress)
    written = 0
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in _batches(rows, batch_rows):
            writer.write_batch(pa.RecordBatch.from_pylist(chunk, schema=schema))
            written += len(chunk)
    return written


def export_parquet(conn: sqlite3.Connection, out: Path, *, progress: bool = False) -> int:
    """Write ``<out>/<table>.parquet`` for each kind; return the total number of rows."""
    out.mkdir(parents=True, exist_ok=True)
    return sum(write_table(conn, t, out / f"{t}.parquet", progress=progress) for t in TABLES)
