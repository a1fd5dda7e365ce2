"""JSON Lines: the stored ``warta.article/1`` records, one per line, as the contract says."""

from __future__ import annotations

import json
import sqlite3
from typing import TextIO

from warta.export.progress import track
from warta.store import analytics, queries


def export_jsonl(conn: sqlite3.Connection, out: TextIO, *, progress: bool = False) -> int:
    """Write every record as one compact JSON line; return how many were written."""
    total = analytics.count_rows(conn, "articles")
    written = 0
    for record in track(queries.iter_records(conn), total=total, description="jsonl",
                        enabled=progress):
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
        written += 1
    return written
