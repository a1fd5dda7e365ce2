"""CSV of the events table, joined with actor names and the article (one row per event)."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from warta.export.progress import track
from warta.store import analytics, queries

COLUMNS = ("article_id", "seq", "date", "type", "mode", "cameo", "source_id", "source_name",
           "source_country", "target_id", "target_name", "target_country", "location",
           "location_country", "lat", "lon", "negated", "modality", "trigger", "goldstein",
           "quad_class", "article_title", "article_published", "url")


def event_row(event: dict[str, Any]) -> dict[str, Any]:
    """Flatten one event of ``queries.iter_events`` into the CSV columns."""
    place = event.get("location") or {}
    row = {k: event.get(k) for k in COLUMNS}
    row.update(location=place.get("name"), location_country=place.get("country"),
               lat=place.get("lat"), lon=place.get("lon"), negated=int(bool(event["negated"])))
    return row


def iter_lines(events: Iterable[dict[str, Any]], *, block: int = 65536) -> Iterator[str]:
    """The CSV text in blocks of about ``block`` characters: the header first, then rows
    (the explorer streams this; small blocks would cost one thread hop per row)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(event_row(event))
        if buffer.tell() >= block:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def write_events(events: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write a header and one row per event; return the number of rows."""
    written = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal written
        for event in events:
            written += 1
            yield event

    for text in iter_lines(counted()):
        out.write(text)
    return written


def export_csv(conn: sqlite3.Connection, out: TextIO, *, progress: bool = False) -> int:
    """Every event as CSV; return the number of rows."""
    total = analytics.count_rows(conn, "events")
    events = track(queries.iter_events(conn), total=total, description="csv", enabled=progress)
    return write_events(events, out)
