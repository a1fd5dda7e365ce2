"""`warta events`: the PLOVER events in the store — who did what to whom, when and where, and
how many articles reported it (one real-world event per row, from `warta link`), or each
report on its own (``--mentions``); `warta events show ID`: one real-world event with every
report of it, as JSON."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from warta.cli.common import date_options, echo_json_lines, fail, plover_type_option, reading
from warta.cli.options import (
    actor_option,
    db_option,
    format_option,
    page_options,
    report_page,
)

# The CSV columns of real-world events (`--format csv` without --mentions).
WORLD_COLUMNS = ("id", "global_id", "type", "source_id", "source_name", "target_id",
                 "target_name", "place", "date", "first_report", "last_report", "num_mentions",
                 "num_sources", "num_articles", "article_id", "title")


def query_events(db_path: str, *, limit: int, offset: int,
                 **filters: Any) -> tuple[list[dict[str, Any]], int]:
    """One page of events from the store (``store.queries.list_events``) and how many match."""
    from warta.store.analytics import count_events
    from warta.store.queries import list_events

    with reading(db_path) as conn:
        rows = list_events(conn, limit=limit, offset=offset, **filters)
        total = count_events(conn, **filters) if rows or offset else 0
        return rows, total


def query_world_events(db_path: str, *, limit: int, offset: int, **filters: Any
                       ) -> tuple[list[dict[str, Any]], int] | None:
    """One page of real-world events and how many match; None when the store was never
    linked (then each report is listed on its own)."""
    from warta.store.links import count_world_events, is_linked, list_world_events

    with reading(db_path) as conn:
        if not is_linked(conn):
            return None
        rows = list_world_events(conn, limit=limit, offset=offset, **filters)
        total = count_world_events(conn, **filters) if rows or offset else 0
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


def _print_world_table(rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from warta.partial_date import display

    console = Console()
    if not rows:
        console.print(Text("No events match."))
        return
    table = Table("first report", "source", "event", "target", "place", "articles", "outlets",
                  "mentions", "first headline")
    table.add_column("id", no_wrap=True, min_width=18)  # whole: `events show` needs it
    for row in rows:
        place = (row.get("place") or {}).get("name") or ""
        table.add_row(Text(display(row.get("date") or row.get("first_report"))),
                      Text(row.get("source_name") or row.get("source_id") or "—"),
                      Text(row["type"]), Text(row.get("target_name") or row.get("target_id")
                                              or "—"),
                      Text(place), str(row["num_articles"]), str(row["num_sources"]),
                      str(row["num_mentions"]), Text(row.get("title") or ""), Text(row["id"]))
    console.print(table)


def _world_csv(rows: list[dict[str, Any]]) -> None:
    import csv

    writer = csv.DictWriter(sys.stdout, WORLD_COLUMNS, extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "place": (row.get("place") or {}).get("name")})


# A group whose bare call lists: `warta events` lists, `warta events show ID` shows one.
@click.group(invoke_without_command=True)
@db_option
@actor_option("Events whose source or target is this actor (id, name or alias).")
@plover_type_option()
@date_options("Events")
@click.option("--min-reports", default=1, show_default=True, type=click.IntRange(min=1),
              help="Only events reported by at least this many articles.")
@click.option("--mentions", is_flag=True,
              help="List each report of an event on its own (as before `warta link`).")
@page_options("events")
@format_option("table", "csv", "jsonl",
               help="A table, CSV (with --mentions, the columns of `warta export --format "
                    "csv`), or JSON Lines.")
@click.pass_context
def events(ctx: click.Context, db_path: str, actor: str | None, type_: str | None,
           since: str | None, until: str | None, min_reports: int, mentions: bool, limit: int,
           offset: int, fmt: str) -> None:
    """List stored events, most reported first: who did what to whom, where, and how many
    articles and outlets reported it (events across reports, from `warta link`).

    With --mentions, or on a store never linked, each report is a row of its own, oldest
    first: date, source, PLOVER type/mode, target, place. `warta events show ID` prints one
    real-world event (the `id` column) with every report of it.

    Example:

        warta events --db warta.db --actor Putin --type CONSULT --since 2024-01
    """
    if ctx.invoked_subcommand is not None:
        return
    filters = {"actor": actor, "type": type_, "since": since, "until": until}
    if not mentions:
        world = query_world_events(db_path, limit=limit, offset=offset,
                                   min_articles=min_reports, **filters)
        if world is not None:
            rows, total = world
            if fmt == "jsonl":
                echo_json_lines(rows)
            elif fmt == "csv":
                _world_csv(rows)
            else:
                _print_world_table(rows)
            report_page(len(rows), offset, total, "events")
            return
    rows, total = query_events(db_path, limit=limit, offset=offset, **filters)
    if not mentions and rows and fmt == "table":  # said to a person; scripts get the rows
        click.echo("warta: events not linked across reports yet (run `warta link`); "
                   "listing each report", err=True)
    if fmt == "jsonl":
        echo_json_lines(rows)
    elif fmt == "csv":
        from warta.export.csv import write_events  # one CSV layout for events, here and export

        write_events(rows, sys.stdout)
    else:
        _print_table(rows)
    report_page(len(rows), offset, total, "events")


@events.command()
@click.argument("event_id")
@db_option
def show(event_id: str, db_path: str) -> None:
    """One real-world event as one JSON object, as its explorer page (/events/ID) shows it.

    Its PLOVER type with the CAMEO codes and modes its reports give, source and target (id,
    name, country), places, the window of the dates its reports state, first and last report,
    num_mentions, num_sources and num_articles, and every mention: article (id, title, date,
    URL, outlet, copies stored as versions), evidence sentence with the trigger's offsets in
    it, stated date, place, negation and modality.

    Exit status: 0 shown, 2 no such event (E038) or an unusable store.

    Example:

        warta events show ev8adb9082df71e92e --db warta.db
    """
    from warta.errors import Errors, one_line
    from warta.store.links import get_world_event, is_linked

    with reading(db_path) as conn:
        event = get_world_event(conn, event_id, mentions_limit=None)
        linked = is_linked(conn)
    if event is None:
        hint = ("`warta events` lists them (the id column)" if linked else
                "this store was never linked: run `warta link` first")
        fail(one_line(Errors.E038.format(path=db_path, what="real-world event", id=event_id,
                                         hint=hint)))
    click.echo(json.dumps(event, ensure_ascii=False, indent=2))
