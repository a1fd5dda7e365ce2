"""`warta events`: the PLOVER events in the store — who did what to whom, when and where."""

from __future__ import annotations

import csv
import sys
from typing import Any

import click

from warta.cli.common import (
    date_options,
    echo_json_lines,
    format_option,
    limit_option,
    plover_type_option,
    reading,
)
from warta.cli.options import db_option

CSV_COLUMNS = ("article_id", "seq", "date", "source_id", "source_name", "source_country", "type",
               "mode", "cameo", "target_id", "target_name", "target_country", "location",
               "location_country", "negated", "modality", "goldstein", "quad_class", "trigger",
               "article_title", "url")


def query_events(db_path: str, **filters: Any) -> list[dict[str, Any]]:
    """Events from the store through ``store.queries.list_events`` (read-only connection)."""
    from warta.store.queries import list_events

    with reading(db_path) as conn:
        return list_events(conn, **filters)


def flat(row: dict[str, Any]) -> dict[str, Any]:
    """One event as a flat row (CSV, table): the place's name and country as columns."""
    place = row.get("location") or {}
    out = {k: row.get(k) for k in CSV_COLUMNS if k in row}
    out["location"] = place.get("name")
    out["location_country"] = place.get("country")
    return {k: out.get(k) for k in CSV_COLUMNS}


def _who(row: dict[str, Any], side: str) -> str:
    name = row.get(f"{side}_name") or row.get(f"{side}_id") or "—"
    country = row.get(f"{side}_country")
    return f"{name} ({country})" if country else name


def _print_table(rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    if not rows:
        console.print(Text("No events match."))
        return
    table = Table("date", "source", "event", "target", "place", "modality", "trigger")
    for row in rows:
        event = row["type"] + (f"/{row['mode']}" if row.get("mode") else "")
        if row.get("negated"):
            event = f"NOT {event}"
        place = (row.get("location") or {}).get("name") or ""
        table.add_row(Text(row.get("date") or ""), Text(_who(row, "source")), Text(event),
                      Text(_who(row, "target")), Text(place), Text(row.get("modality") or ""),
                      Text(row.get("trigger") or ""))
    console.print(table)


@click.command()
@db_option
@click.option("--actor", default=None, help="Events whose source or target is this actor "
              "(id, name or alias).")
@plover_type_option()
@date_options("Events")
@limit_option(1000, "events")
@format_option("table", "csv", "json", help="A table, CSV, or JSON Lines for scripts.")
def events(db_path: str, actor: str | None, type_: str | None, since: str | None,
           until: str | None, limit: int, fmt: str) -> None:
    """List stored events, oldest first: date, source, PLOVER type/mode, target, place.

    Example:

        warta events --db warta.db --actor Putin --type CONSULT --since 2024-01
    """
    rows = query_events(db_path, actor=actor, type=type_, since=since, until=until, limit=limit)
    if fmt == "json":
        echo_json_lines(rows)
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(flat(row))
    else:
        _print_table(rows)
