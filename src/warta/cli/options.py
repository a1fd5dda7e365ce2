"""Option sets shared by several commands, as decorators (after sqlite-utils' output_options).

One name per concept across commands (docs/cli.md): ``--actor`` filters by actor, ``--limit`` /
``--offset`` page every list, ``--progress/--no-progress`` switches every progress bar, ``--data``
is the shared corpora folder, ``--format jsonl`` is JSON Lines. Names used before are kept as
hidden aliases (``deprecated_alias``, ``FormatChoice``) that still work and say what replaced them.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Mapping
from typing import Any

import click
from click.core import ParameterSource

F = Callable[..., Any]
SQLITE_MAX_INT = 2**63 - 1  # the largest LIMIT/OFFSET SQLite takes
PAGE_SIZE = 100  # --limit's default, the same on every listing command


def deprecated(old: str, new: str) -> None:
    """One line on stderr: a deprecated name was used (it still works)."""
    click.echo(f"warta: {old} is deprecated; use {new}", err=True)


def deprecated_alias(old: str, new: str, dest: str, *,
                     convert: Callable[[Any], Any] | None = None,
                     **attrs: Any) -> Callable[[F], F]:
    """A hidden option ``old`` that still sets ``dest`` (the parameter of option ``new``),
    through ``convert`` when the old name meant its value differently.

    Given on the command line, it warns and wins over ``new``'s default; ``new`` given too wins.
    """
    hidden = f"deprecated_{old.lstrip('-').replace('-', '_')}"

    def decorate(f: F) -> F:
        @functools.wraps(f)
        def command(*args: Any, **kwargs: Any) -> Any:
            value = kwargs.pop(hidden, None)
            if value is not None:
                deprecated(old, new)
                source = click.get_current_context().get_parameter_source(dest)
                if source in (None, ParameterSource.DEFAULT, ParameterSource.DEFAULT_MAP):
                    kwargs[dest] = convert(value) if convert else value
            return f(*args, **kwargs)

        return click.option(old, hidden, hidden=True, default=None,
                            help=f"Deprecated name of {new}.", **attrs)(command)

    return decorate


class FormatChoice(click.Choice):  # type: ignore[type-arg]  # generic only from click 8.2
    """``--format`` choices, plus old names that map to a current one (with a warning)."""

    def __init__(self, choices: list[str], aliases: Mapping[str, str] | None = None) -> None:
        super().__init__(choices)
        self.aliases = dict(aliases or {})

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        if isinstance(value, str) and value in self.aliases and value not in self.choices:
            deprecated(f"--format {value}", f"--format {self.aliases[value]}")
            value = self.aliases[value]
        return super().convert(value, param, ctx)


# Old --format names: "json" printed JSON Lines, which export (and now everything) calls jsonl.
FORMAT_ALIASES = {"json": "jsonl"}


def format_option(*choices: str, default: str | None = None,
                  help: str = "How to print the results.") -> Callable[[F], F]:
    """``--format`` with these choices (the first is the default unless ``default`` is given);
    an old name in ``FORMAT_ALIASES`` still works when its new name is a choice."""
    aliases = {old: new for old, new in FORMAT_ALIASES.items() if new in choices}
    return click.option("--format", "fmt", type=FormatChoice(list(choices), aliases),
                        default=default or choices[0], show_default=True, help=help)


def page_options(what: str) -> Callable[[F], F]:
    """``--limit`` and ``--offset``: the same names and defaults on every listing command."""
    def decorate(f: F) -> F:
        f = click.option("--offset", default=0, show_default=True,
                         type=click.IntRange(min=0, max=SQLITE_MAX_INT),
                         help=f"Skip this many {what} first (with --limit, to page).")(f)
        return click.option("--limit", default=PAGE_SIZE, show_default=True,
                            type=click.IntRange(min=1, max=SQLITE_MAX_INT),
                            help=f"Most {what} to show.")(f)
    return decorate


def report_page(shown: int, offset: int, total: int, what: str) -> None:
    """Say on stderr when a list is cut, so no script takes a page for everything."""
    if shown and (offset or offset + shown < total):
        click.echo(f"warta: showing {what} {offset + 1:,}–{offset + shown:,} of {total:,}; "
                   "use --offset/--limit for others", err=True)
    elif not shown and offset and total:
        click.echo(f"warta: --offset {offset:,} is past the last of {total:,} {what}", err=True)


def progress_option(f: F) -> F:
    """``--progress/--no-progress``: the one switch of every progress bar (on stderr)."""
    return click.option("--progress/--no-progress", "progress", default=None,
                        help="Progress bar with total, percentage and time left on stderr "
                             "(default: when stderr is a terminal).")(f)


def show_progress(progress: bool | None) -> bool:
    """Whether to draw progress: as asked, else only when stderr is a terminal."""
    return sys.stderr.isatty() if progress is None else progress


def actor_option(help: str) -> Callable[[F], F]:
    """``--actor``: one name for "only rows about this actor" on every command."""
    return click.option("--actor", default=None, help=help)


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
