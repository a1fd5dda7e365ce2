"""`warta load`: merge a batch job's Parquet part files into the SQLite store."""

from __future__ import annotations

import sys
import time

import click

from warta.cli.common import fail
from warta.cli.link import after_ingest, link_option
from warta.cli.options import config_option, db_option
from warta.errors import Errors, WartaError
from warta.settings import load_settings

SHOWN_MISSING = 10  # partitions not finished named one a line; the summary counts them all


@click.command()
@click.argument("folder")
@db_option
@config_option
@link_option
def load(folder: str, db_path: str, config_path: str | None, link: bool | None) -> None:
    """Load the part files of `warta batch --out FOLDER` into the store (idempotent).

    FOLDER is a local folder or an fsspec URL. Only finished partitions (those with a manifest
    entry) are read; actors are merged by id and articles already stored are skipped, so loading
    twice adds nothing. A copy of a stored article (the `[dedup]` settings) is kept as its
    version. When it added articles, it then recomputes events across reports and stories
    (`warta link`; --no-link skips it). The explorer and every command then work on the
    cluster's output. Partitions of the job that are not finished (a killed job) are named, one
    line each (the first ten): run the batch command again, then load again. Exit status: 0 all
    fine, 1 some partitions not finished, 2 no such folder or an unusable store.

    Example:

        warta load parts/ --db warta.db
    """
    from warta.store import parts
    from warta.store.db import connect

    fs, path = parts.filesystem(folder)
    if not fs.isdir(path):
        fail(Errors.E007.format(path=folder))
    started = time.perf_counter()
    try:
        settings = load_settings(config_path)
        conn = connect(db_path)
    except WartaError as e:
        fail(e)
    try:
        tally = parts.load_parts(conn, folder, dedup=settings.dedup)
    except WartaError as e:
        fail(e)
    finally:
        conn.close()
    elapsed = time.perf_counter() - started
    planned, missing = parts.not_finished(folder)
    for partition, inputs in missing[:SHOWN_MISSING]:
        click.echo(f"warta: {Errors.E051.format(path=folder, id=partition, inputs=inputs)}",
                   err=True)
    left = f"; {len(missing)} of {planned} partitions not finished: run the batch command " \
           "again, then load again" if missing else ""
    click.echo(f"{tally.new} new, {tally.stored} already stored, from {tally.partitions} "
               f"partitions in {elapsed:.1f} s; {tally.versions} copies of stored articles "
               f"kept as their versions{left}", err=True)
    after_ingest(db_path, settings, link, new=tally.new)
    sys.exit(1 if missing else 0)
