"""Writing one partition's part files and its manifest entry (layout: ``warta.store.parts``).

The partition's records go through an in-memory store first, with the store's own write path,
so the part files hold exactly the rows (and the Parquet export's column types) that ``warta
ingest`` would store. Every file is written under a temporary name in ``OUT/_tmp/`` and renamed
into place, and the manifest entry comes last: a kill at any moment leaves either a finished
partition or one that a rerun redoes under the same names, and the table folders never hold a
half-written file (a reader of a whole folder, pandas or DuckDB, would fail on it).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from warta.store import parts


def write_partition(root: str, partition: str,
                    records: Iterable[tuple[dict[str, Any], str | None]]) -> sqlite3.Connection:
    """Store ``(record, input key)`` pairs in memory and write the five part files.

    Returns the in-memory store (the caller counts what it holds, then closes it). A record the
    tables refuse raises, as ``write.save_record`` does; ``task`` turns that into a Failure.
    """
    from warta.store.db import scratch

    conn = scratch()
    for record, key in records:
        save(conn, record, key)
    for table in parts.TABLES:
        put(root, parts.part_path(root, table, partition), _table_bytes(conn, table))
    return conn


def save(conn: sqlite3.Connection, record: dict[str, Any], key: str | None) -> bool:
    """One record into the partition's in-memory store; False for a copy of a stored one.

    Near copies are not folded here: part files have no versions, and loading them into the
    store (``warta.store.parts``) finds copies against the whole store anyway.
    """
    from warta.settings import DedupSettings
    from warta.store import write

    return write.save_record(conn, record, input_key=key, dedup=DedupSettings(enabled=False))


def write_entry(root: str, partition: str, entry: dict[str, Any]) -> None:
    """The manifest entry: written last, it marks the partition finished."""
    data = json.dumps(entry, ensure_ascii=False, sort_keys=True).encode()
    put(root, parts.manifest_path(root, partition), data)


def write_plan(root: str, partitions: list[tuple[str, str]]) -> None:
    """The run's partitions, ``(id, inputs)``: ``warta load`` names those not finished."""
    plan = {"partitions": [{"id": i, "inputs": inputs} for i, inputs in partitions]}
    put(root, parts.join(root, parts.PLAN), json.dumps(plan, ensure_ascii=False).encode())


def put(root: str, path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` (under ``root``) atomically: a temporary name in ``root``'s
    temporary folder, unique to this attempt, then a rename."""
    fs, target = parts.filesystem(path)
    _, temporary_folder = parts.filesystem(parts.join(root, parts.TEMPORARY))
    fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
    fs.makedirs(temporary_folder, exist_ok=True)
    temporary = parts.join(temporary_folder, f"{uuid.uuid4().hex}.{target.rsplit('/', 1)[-1]}")
    fs.pipe_file(temporary, data)
    fs.mv(temporary, target)


def _table_bytes(conn: sqlite3.Connection, table: str) -> bytes:
    """One table of the in-memory store as Parquet bytes (the export's schema; ``articles``
    also keeps the full record, the input keys and the inputs' own ids for loading)."""
    from warta.export.parquet import table_rows, table_schema

    keep = frozenset({parts.RECORD}) if table == "articles" else frozenset()
    schema = table_schema(conn, table, keep=keep)
    rows = list(table_rows(conn, table))
    if table == "articles":
        schema = schema.append(pa.field(parts.INPUT_KEYS, pa.list_(pa.string())))
        schema = schema.append(pa.field(parts.REFERENCES, pa.list_(pa.string())))
        for row in rows:
            row[parts.INPUT_KEYS] = [r[0] for r in conn.execute(
                "SELECT key FROM inputs WHERE article_id = ? ORDER BY key", (row["id"],))]
            row[parts.REFERENCES] = [r[0] for r in conn.execute(
                "SELECT native_id FROM article_refs WHERE article_id = ? ORDER BY rowid",
                (row["id"],))]
    sink = pa.BufferOutputStream()
    with pq.ParquetWriter(sink, schema) as writer:
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    data: bytes = sink.getvalue().to_pybytes()
    return data
