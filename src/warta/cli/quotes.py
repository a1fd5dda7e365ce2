"""`warta quotes`: who said what, from the store (read-only)."""

from __future__ import annotations

from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from warta.cli.common import date_options, echo_json_lines, reading
from warta.cli.options import (
    actor_option,
    db_option,
    deprecated_alias,
    format_option,
    page_options,
    report_page,
)
from warta.partial_date import display

_SNIPPET = 200  # characters of quote text shown in the table; JSON has it all


@click.command()
@db_option
@actor_option("Only quotes by this actor (id, name or alias, case-insensitive).")
@deprecated_alias("--speaker", "--actor", "actor")
@date_options("Stated (else published)")
@page_options("quotes")
@format_option("table", "jsonl", help="A rich table, or JSON Lines for scripts.")
def quotes(db_path: str, actor: str | None, since: str | None, until: str | None,
           limit: int, offset: int, fmt: str) -> None:
    """List stored quotes, newest first: text, kind, speaker, cue and date.

    Example:

        warta quotes --db warta.db --actor "Vladimir Putin" --since 2024-01-01
    """
    from warta.store.queries import count_quotes, list_quotes

    filters = {"speaker": actor, "since": since, "until": until}
    with reading(db_path) as conn:
        rows = list_quotes(conn, limit=limit, offset=offset, **filters)
        total = count_quotes(conn, **filters) if rows or offset else 0
    if fmt == "jsonl":
        echo_json_lines(rows)
    else:
        _print_table(rows, actor)
    report_page(len(rows), offset, total, "quotes")


def _speaker_cell(row: dict[str, Any]) -> Text:
    name = row.get("speaker_name") or row.get("speaker_text") or "(unknown)"
    cell = Text(name, style="bold" if row.get("speaker_id") else "dim")
    if row.get("speaker_text") and row.get("speaker_text") != name:
        cell.append(f"\n“{row['speaker_text']}”", style="dim")
    return cell


def _print_table(rows: list[dict[str, Any]], speaker: str | None) -> None:
    console = Console()
    if not rows:
        who = f" by {speaker!r}" if speaker else ""
        console.print(Text(f"No quotes{who} in the store."))
        return
    table = Table("date", "speaker", "kind", "quote", show_lines=True)
    for row in rows:
        text = row["text"].replace("\n", " ")
        if len(text) > _SNIPPET:
            text = text[:_SNIPPET - 1] + "…"
        body = Text(text)
        extra = " · ".join(x for x in (row.get("cue"), row.get("addressee")) if x)
        title = row.get("article_title") or row["article_id"]
        body.append(f"\n{extra + ' · ' if extra else ''}{title}", style="dim")
        date = display(row.get("date") or row.get("article_published"))
        table.add_row(date, _speaker_cell(row), row["kind"], body)
    console.print(table)
