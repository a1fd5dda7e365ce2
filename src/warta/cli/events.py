"""`warta events`: the PLOVER events in the store — who did what to whom, when and where."""

from __future__ import annotations

import sys
from typing import Any

import click

from warta.cli.common import date_options, echo_json_lines, plover_type_option, reading
from warta.cli.options import (
    actor_option,
    db_option,
    format_option,
    page_options,
    report_page,
)


def query_events(db_path: str, *, limit: int, offset: int,
                 **filters: Any) -> tuple[list[dict[str, Any]], int]:
    """One page of events from the store (``store.queries.list_events``) and how many match."""
    from warta.store.analytics import count_events
    from warta.store.queries import list_events

    with reading(db_path) as conn:
        rows = list_events(conn, limit=limit, offset=offset, **filters)
        total = count_events(conn, **filters) if rows or offset else 0
        return rows, total


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
@actor_option("Events whose source or target is this actor (id, name or alias).")
@plover_type_option()
@date_options("Events")
@page_options("events")
@format_option("table", "csv", "jsonl",
               help="A table, CSV (the columns of `warta export --format csv`), or JSON Lines.")
def events(db_path: str, actor: str | None, type_: str | None, since: str | None,
           until: str | None, limit: int, offset: int, fmt: str) -> None:
    """List stored events, oldest first: date, source, PLOVER type/mode, target, place.

    Example:

        warta events --db warta.db --actor Putin --type CONSULT --since 2024-01
    """
    rows, total = query_events(db_path, actor=actor, type=type_, since=since, until=until,
                               limit=limit, offset=offset)
    if fmt == "jsonl":
        echo_json_lines(rows)
    elif fmt == "csv":
        from warta.export.csv import write_events  # one CSV layout for events, here and export

        write_events(rows, sys.stdout)
    else:
        _print_table(rows)
    report_page(len(rows), offset, total, "events")
