"""`warta stories`: articles about one developing story, grouped by `warta link`, and one
story's timeline of coverage (`warta stories show ID`)."""

from __future__ import annotations

import json
from typing import Any

import click

from warta.cli.common import date_options, echo_json_lines, fail, reading
from warta.cli.options import actor_option, db_option, format_option, page_options, report_page
from warta.partial_date import display

# The --sort choices (the store's whitelist, repeated here so --help needs no store import).
SORTS = ("articles", "latest", "oldest", "title")


# A group whose bare call lists: `warta stories` lists, `warta stories show ID` shows one.
@click.group(invoke_without_command=True)
@db_option
@actor_option("Stories whose main actors include this actor (id, name or alias).")
@date_options("Stories covered")
@click.option("--min-articles", default=1, show_default=True, type=click.IntRange(min=1),
              help="Only stories of at least this many articles.")
@click.option("--sort", type=click.Choice(SORTS), default="articles", show_default=True,
              help="Most articles first, latest or oldest coverage first, or by title.")
@page_options("stories")
@format_option("table", "jsonl", help="A rich table, or JSON Lines for scripts.")
@click.pass_context
def stories(ctx: click.Context, db_path: str, actor: str | None, since: str | None,
            until: str | None, min_articles: int, sort: str, limit: int, offset: int,
            fmt: str) -> None:
    """List stories (articles about one developing story, from `warta link`), largest first.

    Each row: the headline of its most central article, its first and last day of coverage,
    how many articles, the outlets and the main actors. `warta stories show ID` prints one
    story's timeline.

    Example:

        warta stories --db warta.db --min-articles 3 --since 2025-10
    """
    if ctx.invoked_subcommand is not None:
        return
    from warta.store.links import count_stories, is_linked, list_stories

    filters: dict[str, Any] = {"actor": actor, "since": since, "until": until,
                               "min_articles": min_articles}
    with reading(db_path) as conn:
        linked = is_linked(conn)
        rows = list_stories(conn, sort=sort, limit=limit, offset=offset, **filters)
        total = count_stories(conn, **filters) if rows or offset else 0
    if not linked:
        click.echo("warta: no stories yet: run `warta link` on this store", err=True)
    if fmt == "jsonl":
        echo_json_lines(rows)
    else:
        _print_list(rows)
    report_page(len(rows), offset, total, "stories")


def _print_list(rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    if not rows:
        console.print(Text("No stories match."))
        return
    table = Table("first", "last", "articles", "headline", "main actors", "outlets")
    table.add_column("story", no_wrap=True, min_width=18)  # whole: `stories show` needs it
    for row in rows:
        actors = ", ".join(a["name"] for a in row["actors"][:4])
        table.add_row(display(row["first_published"]), display(row["last_published"]),
                      str(row["num_articles"]), Text(row.get("title") or ""), Text(actors),
                      Text(", ".join(row["outlets"][:3])), Text(row["id"]))
    console.print(table)


@stories.command()
@click.argument("story_id")
@db_option
@format_option("table", "jsonl", help="A timeline, or the story as one JSON line.")
def show(story_id: str, db_path: str, fmt: str) -> None:
    """One story: its timeline of coverage (date, outlet, headline), main actors, the
    real-world events its articles report, and quotes.

    Exit status: 0 shown, 2 no such story or an unusable store.

    Example:

        warta stories show st4c45e8854e80e578 --db warta.db
    """
    from warta.store.links import get_story

    with reading(db_path) as conn:
        story = get_story(conn, story_id)
    if story is None:
        fail(f"{db_path}: no story {story_id!r} (`warta stories` lists them)")
    if fmt == "jsonl":
        click.echo(json.dumps(story, ensure_ascii=False))
        return
    _print_story(story)


def _print_story(story: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    console.print(Text(story.get("title") or story["id"], style="bold"))
    console.print(Text(f"{story['num_articles']} articles, "
                       f"{display(story['first_published'])} – "
                       f"{display(story['last_published'])}; outlets: "
                       f"{', '.join(story['outlets'])}"))
    console.print(Text("Main actors: " + (", ".join(a["name"] for a in story["actors"])
                                          or "none")))
    timeline = Table("date", "outlet", "headline", title="Coverage")
    for a in story["articles"]:
        timeline.add_row(display(a["published"]), Text(a["outlet"]),
                         Text(a.get("title") or a["id"]))
    console.print(timeline)
    if story["events"]:
        events = Table("date", "source", "event", "target", "articles", "outlets", "id",
                       title="Events reported (`warta events show ID`)")
        for e in story["events"]:
            events.add_row(display(e.get("date") or e.get("first_report")),
                           Text(e.get("source_name") or e.get("source_id") or "—"),
                           Text(e["type"]),
                           Text(e.get("target_name") or e.get("target_id") or "—"),
                           str(e["num_articles"]), str(e["num_sources"]), Text(e["id"]))
        console.print(events)
    if story["quotes"]:
        quotes = Table("date", "speaker", "quote", title="Quotes of the main actors",
                       show_lines=True)
        for q in story["quotes"]:
            quotes.add_row(display(q.get("date") or q.get("article_published")),
                           Text(q.get("speaker_name") or q.get("speaker_id") or ""),
                           Text(" ".join(q["text"].split())))
        console.print(quotes)
