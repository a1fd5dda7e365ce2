"""`warta search` and `warta stats`: read the store (read-only) from the command line."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from warta.cli.common import date_options, echo_json_lines, plover_type_option, reading
from warta.cli.options import (
    actor_option,
    config_option,
    db_option,
    format_option,
    page_options,
    report_page,
)
from warta.partial_date import display
from warta.store.queries import SEARCH_MODES


@click.command()
@click.argument("query")
@db_option
@click.option("--mode", type=click.Choice(SEARCH_MODES), default="fts", show_default=True,
              help="fts: the words; semantic: nearest in meaning (the embed stage's vectors); "
                   "hybrid: both rankings fused.")
@config_option
@page_options("hits")
@date_options("Published")
@click.option("--language", default=None, help="Only articles in this language (ISO 639-1).")
@click.option("--source", default=None, help="Only articles from this site, URL part or file.")
@actor_option("Only articles mentioning this actor (id, name or alias).")
@plover_type_option(param="event_type", help="Only articles with this PLOVER event type.")
@format_option("table", "jsonl", help="A rich table, or JSON Lines for scripts.")
def search(query: str, db_path: str, mode: str, config_path: str | None, limit: int, offset: int,
           fmt: str, **filters: str | None) -> None:
    """Search the stored articles, best matches first, with snippets.

    Full text (fts): words must all occur; "quoted words" must occur together; a trailing *
    matches a prefix; OR between words matches either. By meaning (semantic): the articles
    nearest to the query, whatever their words, from the vectors the embed stage stored
    ([embed] settings; `warta embed` adds them to an older store); hybrid fuses both rankings.
    A store without vectors gets one line saying so and a full-text search; where sqlite-vec
    cannot be loaded, one line says so and vectors are compared in Python (slower).

    Example:

        warta search "harga beras naik" --mode hybrid --db warta.db --limit 5
    """
    from warta.settings import load_settings
    from warta.store.queries import count_matches
    from warta.store.queries import search as run_search
    from warta.store.vectors import VectorSearchError, enable

    marks = ("[", "]") if fmt == "jsonl" else None  # None: (text, matched) pieces
    settings = load_settings(config_path).embed
    with reading(db_path) as conn:
        note = enable(conn) if mode != "fts" else None
        try:
            hits = run_search(conn, query, mode=mode, limit=limit, offset=offset,
                              highlight=marks, rrf_k=settings.rrf_k,
                              candidates=settings.candidates, **filters)
            if note:  # vectors compared in numpy: said once, and only when they were
                click.echo(f"warta: {note}", err=True)
        except VectorSearchError as e:  # no vectors: say so, search the words
            click.echo(f"warta: {e}", err=True)
            mode = "fts"
            hits = run_search(conn, query, limit=limit, offset=offset, highlight=marks,
                              **filters)  # type: ignore[arg-type]
        total = (count_matches(conn, query, mode=mode, candidates=settings.candidates,
                               **filters) if hits or offset else 0)
    if fmt == "jsonl":
        echo_json_lines(hits)
    else:
        _print_hits(hits, query, offset)
    report_page(len(hits), offset, total, "hits")


def _print_hits(hits: list[dict[str, Any]], query: str, offset: int) -> None:
    console = Console()
    if not hits:
        console.print(Text(f"No articles match {query!r}."))
        return
    table = Table("#", "score", "date", "title / snippet", show_lines=True)
    for rank, hit in enumerate(hits, start=offset + 1):
        body = Text(hit["title"] or "(untitled)", style="bold")
        body.append("\n")
        body.append_text(_highlighted(hit["snippet"]))
        body.append(f"\n{hit['id']}  {hit['url'] or ''}", style="dim")
        score = f"{hit['score']:.3g}" if hit["score"] is not None else ""
        table.add_row(str(rank), score, display(hit["published"]), body)
    console.print(table)


def _highlighted(pieces: list[tuple[str, bool]]) -> Text:
    """Snippet pieces with the matches styled (the text itself is never markup)."""
    out = Text()
    for text, matched in pieces:
        out.append(text.replace("\n", " "), style="bold yellow" if matched else "")
    return out


@click.command()
@db_option
@format_option("table", "json", help="A rich table, or one JSON document for scripts.")
def stats(db_path: str, fmt: str) -> None:
    """How much the store holds: rows per table, languages, dates, top sources, event types.

    Example:

        warta stats --db warta.db
    """
    from warta.store.queries import stats as run_stats

    with reading(db_path) as conn:
        figures = run_stats(conn)
    if fmt == "json":
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    console = Console()
    console.print(_pairs(f"Store {db_path}", figures["counts"], "table", "rows"))
    dates = figures["published"]
    console.print(Text(f"Published: {dates['first'] or '-'} … {dates['last'] or '-'}"))
    for title, key, label in (("Languages", "languages", "language"),
                              ("Top sources", "sources", "source"),
                              ("Event types", "event_types", "type")):
        if figures[key]:
            console.print(_pairs(title, figures[key], label, "articles" if key != "event_types"
                                 else "events"))


def _pairs(title: str, values: dict[str, int], key: str, value: str) -> Table:
    table = Table(key, value, title=title, title_justify="left")
    for name, n in values.items():
        table.add_row(Text(str(name)), f"{n:,}")
    return table
