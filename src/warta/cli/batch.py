"""`warta batch`: the ingest job scaled out on Dask (a local cluster unless --scheduler)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from warta.cli.common import fail
from warta.cli.options import (
    config_option,
    db_option,
    input_options,
    progress_option,
    show_progress,
)
from warta.errors import Errors
from warta.settings import load_settings
from warta.types import Failure


@click.command()
@input_options
@db_option
@config_option
@click.option("--workers", default=2, show_default=True, type=click.IntRange(min=1),
              help="Local Dask worker processes.")
@click.option("--partition-size", default=64, show_default=True, type=click.IntRange(min=1),
              help="Articles per Dask task.")
@click.option("--scheduler", default=None, help="Address of an existing Dask scheduler.")
@click.option("--out", "out_path", default=None, type=click.Path(dir_okay=False),
              help="Write JSON Lines records here instead of the store.")
@progress_option
def batch(paths: tuple[str, ...], db_path: str, config_path: str | None, workers: int,
          partition_size: int, scheduler: str | None, out_path: str | None,
          progress: bool | None, **columns: str | int | None) -> None:
    """Analyse many articles in parallel on Dask and store (or write) the records.

    Reading stays in this process; analysis runs on the cluster's workers, each building the
    NLP pipeline once. Exit status: 0 all fine, 1 some inputs failed.

    Example:

        warta batch corpus/ --db warta.db --workers 2
    """
    from warta.batch import dask as engine
    from warta.ingest import read_inputs
    from warta.ingest.count import count_articles
    from warta.progress import progress as progress_bar

    settings = load_settings(config_path).with_ingest(**columns)
    started, stored, failed = time.perf_counter(), 0, 0
    show = show_progress(progress)
    with _sink(db_path, out_path) as write, progress_bar(
            "batch", total=count_articles(paths) if show else None, enabled=show) as bar:
        for item in engine.run(read_inputs(paths, settings), settings, workers=workers,
                               partition_size=partition_size, scheduler=scheduler):
            if isinstance(item, Failure):
                bar.echo(f"warta: {item.message}")
                failed += 1
            else:
                stored += write(item)
            bar.advance()
            bar.update(status=f"{stored} new · {failed} failed")
    rate = stored / max(time.perf_counter() - started, 1e-9)
    click.echo(f"{stored} new, {failed} failed, {rate:.1f} articles/s", err=True)
    sys.exit(1 if failed else 0)


@contextmanager
def _sink(db_path: str, out_path: str | None) -> Iterator[Callable[[dict[str, Any]], int]]:
    """Where records go: a JSON Lines file, or the store (one transaction per article)."""
    if out_path:
        try:
            # opened apart from the `with` so an unwritable path fails before any work
            out = Path(out_path).open("w", encoding="utf-8")  # noqa: SIM115
        except OSError as e:
            fail(Errors.E013.format(path=out_path, reason=e.strerror or e))
        with out as f:
            yield lambda record: f.write(json.dumps(record, ensure_ascii=False) + "\n") and 1
        return
    from warta.store.db import connect
    from warta.store.write import save_record

    conn = connect(db_path)
    try:
        yield lambda record: int(save_record(conn, record))
    finally:
        conn.close()
