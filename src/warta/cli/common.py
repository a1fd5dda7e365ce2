"""Pieces every store-reading command shares: opening the store, failing with one line, and
the options whose values need checking (ISO dates, PLOVER types, output formats).

A bad value is refused by click before any query runs, so `--since yesterday` is a usage error
(exit 2) instead of a silently empty answer.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import click

from warta.errors import WartaError
from warta.partial_date import PartialDate
from warta.plover import PLOVER_TYPES

F = Callable[..., Any]
# The shapes the store's ISO strings compare correctly against (see store.queries).
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?)?)?")


# Whether this process is the `warta` command's own (``warta.cli.main()`` reading sys.argv); a
# program that calls ``main(argv)`` or a command function keeps its process as it set it up.
_OWNS_PROCESS = False


def own_process() -> None:
    """Mark this process as the `warta` command's: ``analysis_pipeline`` may then settle its
    garbage collector (process-wide settings no library call should make)."""
    global _OWNS_PROCESS
    _OWNS_PROCESS = True


def analysis_pipeline(settings: Any) -> Any:
    """``warta.load(settings)`` for a command that analyses articles (`analyze`, `ingest`); in
    the command's own process the collector is then settled for the rest of the run
    (``warta.batch.job.settle_collector``: 2-4 % of the analysis' CPU, docs/scaling.md)."""
    import warta
    from warta.batch.job import settle_collector

    nlp = warta.load(settings)
    if _OWNS_PROCESS:
        settle_collector()
    return nlp


def fail(err: Exception | str, *, code: int = 2) -> NoReturn:
    """One line on stderr (``warta: <message>``) and exit; 2 means nothing was done."""
    click.echo(f"warta: {err}", err=True)
    sys.exit(code)


@contextmanager
def reading(db_path: str) -> Iterator[sqlite3.Connection]:
    """The store opened read-only for the ``with`` body; a missing, foreign or broken store, or
    a query SQLite refuses, is one line on stderr and exit 2."""
    from warta.store.db import connect

    try:
        conn = connect(db_path, read_only=True)
    except WartaError as e:
        fail(e)
    try:
        yield conn
    except (WartaError, sqlite3.Error) as e:
        fail(e)
    finally:
        conn.close()


class IsoDate(click.ParamType):  # type: ignore[type-arg]  # generic only from click 8.2
    """A date bound as the store compares them: YYYY, YYYY-MM, YYYY-MM-DD, or an ISO date-time.

    The value is kept as typed (partial dates filter at their own precision), but it must be a
    real date: "2025-13" or "kemarin" are refused rather than compared as strings.
    """

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        text = str(value).strip()
        if not _ISO_DATE.fullmatch(text) or not _real_date(text):
            self.fail(f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD", param, ctx)
        return text


def _real_date(text: str) -> bool:
    """Whether an ISO-shaped bound names a real day, month or year (no 2025-02-30)."""
    return PartialDate.parse(text) is not None


def date_options(what: str) -> Callable[[F], F]:
    """``--since`` and ``--until`` (inclusive, at the bound's own precision) on ``what``."""
    def decorate(f: F) -> F:
        f = click.option("--until", default=None, type=IsoDate(),
                         help=f"{what} on or before this date (YYYY[-MM[-DD]]).")(f)
        return click.option("--since", default=None, type=IsoDate(),
                            help=f"{what} on or after this date (YYYY[-MM[-DD]]).")(f)
    return decorate


def plover_type_option(*, param: str = "type_",
                       help: str = "Only events of this PLOVER type.") -> Callable[[F], F]:
    """``--type`` restricted to PLOVER's sixteen types (any case), passed on as ``param``."""
    return click.option("--type", param, type=click.Choice(PLOVER_TYPES, case_sensitive=False),
                        default=None, help=help)


def echo_json_lines(rows: Iterable[dict[str, Any]]) -> None:
    """One JSON object per line on stdout, non-ASCII kept as is (the ``--format json`` output)."""
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False))
