"""JSON Lines: the stored ``warta.article/1`` records, one per line, as the contract says,
each with the copies stored as its versions and its input ids (``export.versions``)."""

from __future__ import annotations

import json
import sqlite3
from typing import TextIO

from warta.export.progress import track
from warta.export.versions import with_record_versions
from warta.store import analytics, queries


def export_jsonl(conn: sqlite3.Connection, out: TextIO, *, progress: bool = False) -> int:
    """Write every record as one compact JSON line; return how many were written."""
    total = analytics.count_rows(conn, "articles")
    written = 0
    records = with_record_versions(conn, queries.iter_records(conn))
    for record in track(records, total=total, description="jsonl", enabled=progress):
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
        written += 1
    return written
