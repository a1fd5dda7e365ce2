"""Option sets shared by several commands, as decorators (after sqlite-utils' output_options)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

F = Callable[..., Any]


def db_option(f: F) -> F:
    return click.option("--db", "db_path", default="warta.db", show_default=True,
                        type=click.Path(dir_okay=False), help="SQLite store.")(f)


def config_option(f: F) -> F:
    return click.option("--config", "config_path", default=None,
                        type=click.Path(exists=True, dir_okay=False),
                        help="TOML settings layered over the defaults.")(f)


def input_options(f: F) -> F:
    """Options for commands that read articles (analyze, ingest, batch)."""
    for opt in reversed([
        click.argument("paths", nargs=-1, required=True),
        click.option("--text-column", default=None, help="CSV/JSONL column holding the body."),
        click.option("--title-column", default=None, help="CSV/JSONL column holding the title."),
        click.option("--date-column", default=None, help="CSV/JSONL column holding the date."),
        click.option("--url-column", default=None, help="CSV/JSONL column holding the URL."),
        click.option("--id-column", default=None,
                     help="CSV/JSONL column holding the input's own article id."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=None,
                     help="Refuse inputs larger than this (bytes)."),
    ]):
        f = opt(f)
    return f
