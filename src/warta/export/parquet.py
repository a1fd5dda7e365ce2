"""Parquet: one file per kind (articles, actors, mentions, quotes, events) in an output folder.

Rows are read in batches and written as record batches through ``pyarrow.parquet.ParquetWriter``,
so memory stays flat. Column types follow the store's declared SQLite types, with real types
where the store keeps text or integers: dates (the ISO string, partial or not, and beside it
``<column>_first`` / ``<column>_last`` as ``date32``, via ``PartialDate``), ``ingested_at`` as a
UTC timestamp, flags as booleans, JSON lists as lists and an event's place as a struct. The full
record is left out of ``articles`` (``--format jsonl`` has it); the export's ``articles`` adds
each article's input ids and the copies stored as its versions (``export.versions``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from warta.export.progress import track
from warta.export.versions import with_row_versions
from warta.partial_date import PartialDate
from warta.store import analytics

TABLES = ("articles", "actors", "mentions", "quotes", "events")
BATCH_ROWS = 5000
_DROP = {"articles": {"record"}}
_TYPES = {"INTEGER": pa.int64(), "REAL": pa.float64()}
# ISO dates, possibly partial: the string, plus the first and last day they cover.
_DATES = {"articles": {"published"}, "actors": {"first_seen", "last_seen"},
          "quotes": {"date"}, "events": {"date"}}
_PLACE = pa.struct([("name", pa.string()), ("country", pa.string()), ("kb", pa.string()),
                    ("lat", pa.float64()), ("lon", pa.float64()), ("start", pa.int64()),
                    ("end", pa.int64())])
_SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64())])
# One copy stored as a version of an article (the columns of ``article_versions`` but its
# internal fingerprint): the export's ``articles.versions`` is a list of these.
_VERSION = pa.struct([
    ("id", pa.string()), ("kind", pa.string()), ("similarity", pa.float64()),
    ("title", pa.string()), ("published", pa.string()), ("published_first", pa.date32()),
    ("published_last", pa.date32()), ("url", pa.string()), ("site_name", pa.string()),
    ("source_path", pa.string()), ("source_format", pa.string()),
    ("source_record", pa.int64()), ("native_id", pa.string()),
    ("added_at", pa.timestamp("s", tz="UTC"))])
_ARTICLE_EXTRAS = [pa.field("native_ids", pa.list_(pa.string())),
                   pa.field("versions", pa.list_(_VERSION))]


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _utc(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def _spans(value: Any) -> list[dict[str, int]]:
    return [{"start": a, "end": b} for a, b in _json(value) or []]


# (table, column) → (Arrow type, conversion of the stored value)
_COLUMNS: dict[tuple[str, str], tuple[pa.DataType, Callable[[Any], Any]]] = {
    ("articles", "authors"): (pa.list_(pa.string()), _json),
    ("articles", "agencies"): (pa.list_(pa.string()), _json),
    ("articles", "ingested_at"): (pa.timestamp("s", tz="UTC"), _utc),
    ("events", "location"): (_PLACE, _json),
    ("events", "evidence"): (pa.list_(_SPAN), _spans),
    ("events", "negated"): (pa.bool_(), lambda v: None if v is None else bool(v)),
    ("events", "symmetric"): (pa.bool_(), lambda v: None if v is None else bool(v)),
}


def table_schema(conn: sqlite3.Connection, table: str, *,
                 keep: frozenset[str] = frozenset()) -> pa.Schema:
    """Arrow schema of one exported table, from the store's declared column types.

    ``keep`` names columns the export leaves out but a caller wants (the batch job's part
    files keep the full ``record``, which loading them back needs).
    """
    fields = []
    for name, decl in analytics.table_columns(conn, table):
        if name in _DROP.get(table, set()) - keep:
            continue
        arrow = _COLUMNS.get((table, name), (_TYPES.get(decl, pa.string()), None))[0]
        fields.append(pa.field(name, arrow))
        if name in _DATES.get(table, set()):
            fields += [pa.field(f"{name}_{end}", pa.date32()) for end in ("first", "last")]
    if table == "actors":
        fields += [pa.field("aliases", pa.list_(pa.string())),
                   pa.field("roles", pa.list_(pa.string()))]
    return pa.schema(fields)


def _typed(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A store row with the values ``table_schema`` declares (dates split, JSON parsed)."""
    for name in list(row):
        convert = _COLUMNS.get((table, name), (None, None))[1]
        if convert is not None:
            row[name] = convert(row[name])
        if name in _DATES.get(table, set()):
            parsed = PartialDate.parse(row[name])
            row[f"{name}_first"] = parsed.first if parsed else None
            row[f"{name}_last"] = parsed.last if parsed else None
    return row


def table_rows(conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    """The rows of one table with the values ``table_schema`` declares, in a stable order."""
    if table == "actors":
        yield from (_typed(table, row) for row in analytics.iter_actors(conn))
        return
    for row in analytics.iter_rows(conn, table):
        yield _typed(table, dict(row))


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _version(row: dict[str, Any]) -> dict[str, Any]:
    """One stored version with the values ``_VERSION`` declares."""
    parsed = PartialDate.parse(row["published"])
    return {**row, "published_first": parsed.first if parsed else None,
            "published_last": parsed.last if parsed else None,
            "added_at": _utc(row["added_at"])}


def _article_rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """The export's article rows: the table's, with input ids and versions."""
    for row in with_row_versions(conn, table_rows(conn, "articles")):
        row["versions"] = [_version(v) for v in row["versions"]]
        yield row


def write_table(conn: sqlite3.Connection, table: str, path: Path, *,
                progress: bool = False, batch_rows: int = BATCH_ROWS) -> int:
    """Write one table to ``path``; return its row count (an empty table still gets a file).
    ``articles`` gets two more columns than ``table_schema`` (batch part files have neither):
    ``native_ids`` and ``versions``."""
    schema = table_schema(conn, table)
    source = table_rows(conn, table)
    if table == "articles":
        schema = pa.schema([*schema, *_ARTICLE_EXTRAS])
        source = _article_rows(conn)
    total = analytics.count_rows(conn, table)
    rows = track(source, total=total, description=f"parquet {table}", enabled=progress)
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
