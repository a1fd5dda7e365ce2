"""The one progress display of long jobs (ingest, batch, export, train), on stderr.

A bar with the count done, the percentage and the time left when the total is known (a spinner
and the count when it is not), drawn with rich on stderr so stdout stays a clean data stream.
Commands switch it with ``--progress/--no-progress`` (default: on when stderr is a terminal);
switched off, it draws nothing and lines meant for the user still reach stderr.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

T = TypeVar("T")


class Bar:
    """One running progress task; every method is a no-op (bar the user lines) when disabled."""

    def __init__(self, progress: Progress | None, task: TaskID | None) -> None:
        self._progress, self._task = progress, task

    def advance(self, steps: int = 1) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task, steps)

    def update(self, *, completed: int | None = None, total: int | None = None,
               description: str | None = None, status: str | None = None) -> None:
        """Set what is known: the count done, a (late) total, the step's name, a status text."""
        if self._progress is None or self._task is None:
            return
        fields: dict[str, Any] = {} if status is None else {"status": status}
        self._progress.update(self._task, completed=completed, total=total,
                              description=description, **fields)

    def echo(self, line: str) -> None:
        """A line for the user on stderr, above the bar (never markup, never wrapped)."""
        if self._progress is None:
            click.echo(line, err=True)
        else:
            self._progress.console.print(Text(line), soft_wrap=True)


def columns() -> tuple[Any, ...]:
    """What every bar shows: name, bar, percent, done/total, elapsed, time left, status."""
    return (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
            MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
            TextColumn("{task.fields[status]}"))


@contextmanager
def progress(description: str, *, total: int | None, enabled: bool,
             console: Console | None = None) -> Iterator[Bar]:
    """A progress bar for the ``with`` body; ``total=None`` when the count is not known."""
    if not enabled:
        yield Bar(None, None)
        return
    console = console or Console(stderr=True)
    # stdout is data (records, CSV): never redirect it into the stderr console
    with Progress(*columns(), console=console, transient=console.is_terminal,
                  redirect_stdout=False) as bar:
        task = bar.add_task(description, total=total, status="")
        yield Bar(bar, task)


def track(items: Iterable[T], *, total: int | None, description: str,
          enabled: bool = True) -> Iterator[T]:
    """Yield ``items`` while a bar counts them; a plain pass-through when disabled."""
    with progress(description, total=total, enabled=enabled) as bar:
        for item in items:
            yield item
            bar.advance()
