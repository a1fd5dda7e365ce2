"""`warta batch`: the ingest job scaled out on Dask (a local cluster unless --scheduler).

The client only plans partitions and tracks them; each worker reads its inputs, analyses them
and writes Parquet part files under ``--out`` itself (``warta.batch``), so neither reading nor
writing passes through this process.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TextIO

import click
from click.core import ParameterSource

from warta.batch.plan import is_url
from warta.batch.run import JobTally
from warta.cli.common import fail
from warta.cli.link import after_ingest, link_option
from warta.cli.options import (
    config_option,
    db_option,
    input_options,
    progress_option,
    show_progress,
)
from warta.errors import Errors, WartaError
from warta.settings import Settings, load_settings
from warta.store import parts


@click.command()
@input_options
@db_option
@config_option
@click.option("--workers", default=2, show_default=True, type=click.IntRange(min=1),
              help="Local Dask worker processes.")
@click.option("--partition-size", default=64, show_default=True, type=click.IntRange(min=1),
              help="Articles (JSON Lines lines, CSV rows, or small files) per Dask task.")
@click.option("--scheduler", default=None, help="Address of an existing Dask scheduler.")
@click.option("--out", "out_path", default=None,
              help="Folder (or fsspec URL) for the Parquet part files; a name ending in .jsonl "
                   "writes JSON Lines records instead.")
@progress_option
@link_option
def batch(paths: tuple[str, ...], db_path: str, config_path: str | None, workers: int,
          partition_size: int, scheduler: str | None, out_path: str | None,
          progress: bool | None, link: bool | None, **columns: str | int | None) -> None:
    """Analyse many articles in parallel on Dask; workers read and write Parquet parts.

    With --out DIR the parts stay there (one folder per table and a manifest: a rerun skips
    finished partitions, a killed job resumes); without --out they are loaded into --db and
    removed; loaded articles are then linked (`warta link`; --no-link skips it). Exit status:
    0 all fine, 1 some inputs failed, 2 usage error.

    Example:

        warta batch corpus/ --out parts/ --workers 2
    """
    settings = load_settings(config_path).with_ingest(**columns)
    to_jsonl = bool(out_path and out_path.endswith(".jsonl"))
    keep = bool(out_path) and not to_jsonl
    root = out_path if keep and out_path else f"{out_path or db_path}.parts"
    explicit_db = click.get_current_context().get_parameter_source("db_path") \
        == ParameterSource.COMMANDLINE
    load_into = db_path if (not out_path or (keep and explicit_db)) else None
    jsonl = _open_jsonl(out_path) if to_jsonl and out_path else None
    _check_folder(root)
    started = time.perf_counter()
    tally, ids = _run(paths, settings, root, workers=workers, scheduler=scheduler,
                      partition_size=partition_size, skip_db=load_into, progress=progress)
    new, versions = _finish(root, ids, load_into, jsonl, settings)
    if not keep:
        _remove(root)
    rate = (tally.articles - tally.resumed_articles) / max(time.perf_counter() - started, 1e-9)
    done = f"{new} new" if load_into or jsonl else f"{tally.articles} articles → {root}"
    left = f", {tally.unfinished} not finished: run again" if tally.unfinished else ""
    if load_into:
        done += f", {versions} copies stored as versions"
    click.echo(f"{done}, {tally.failed} failed, {rate:.1f} articles/s ({tally.partitions} "
               f"partitions, {tally.resumed} finished before{left})", err=True)
    if load_into:
        after_ingest(load_into, settings, link, new=new)
    sys.exit(1 if tally.failed else 0)


def _run(paths: tuple[str, ...], settings: Settings, root: str, *, workers: int,
         scheduler: str | None, partition_size: int, skip_db: str | None,
         progress: bool | None) -> tuple[JobTally, list[str]]:
    """Plan on the cluster, run the unfinished partitions, report failures as they come."""
    from warta.batch.dask import cluster, mapper
    from warta.batch.plan import plan
    from warta.batch.run import execute
    from warta.ingest.count import count_articles
    from warta.progress import progress as progress_bar

    show = show_progress(progress)
    skip = str(Path(skip_db).resolve()) if skip_db and not is_url(skip_db) else None
    with progress_bar("batch", total=count_articles(paths) if show else None,
                      enabled=show) as bar, cluster(workers=workers, scheduler=scheduler) as client:
        partitions, failures = plan(paths, settings, partition_size=partition_size,
                                    mapper=mapper(client))
        for failure in failures:
            bar.echo(f"warta: {failure.message}")

        def advance(t: JobTally) -> None:
            bar.update(completed=t.read + t.failed,
                       status=f"{t.partitions}/{len(partitions)} partitions")

        tally = execute(client, partitions, settings, root, skip_db=skip,
                        report=lambda m: bar.echo(f"warta: {m}"), advance=advance)
    tally.failed += len(failures)
    return tally, [p.id for p in partitions]


def _open_jsonl(path: str) -> TextIO:
    """The JSON Lines output, opened now: an unwritable path fails before any work."""
    try:
        return Path(path).open("w", encoding="utf-8")  # closed by _finish
    except OSError as e:
        fail(Errors.E013.format(path=path, reason=e.strerror or e))


def _check_folder(root: str) -> None:
    """The parts folder can be made (checked before any work); a file there is a usage error."""
    fs, path = parts.filesystem(root)
    try:
        if fs.isfile(path):
            fail(f"--out {root} is a file; give a folder for the part files")
        fs.makedirs(path, exist_ok=True)
    except OSError as e:
        fail(Errors.E013.format(path=root, reason=e.strerror or e))


def _finish(root: str, ids: list[str], db_path: str | None, jsonl: TextIO | None,
            settings: Settings) -> tuple[int, int]:
    """Load the parts into the store and/or write their records as JSON Lines; articles added
    (to the store, or written), and copies stored as versions of stored articles."""
    if jsonl is not None:
        with jsonl:
            written = 0
            for record in parts.iter_records(root, [i for i in ids if i in parts.finished(root)]):
                jsonl.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
        return written, 0
    if db_path is None:
        return 0, 0
    from warta.store.db import connect

    try:
        conn = connect(db_path)
    except WartaError as e:
        fail(e)
    try:
        loaded = parts.load_parts(conn, root, partitions=ids, dedup=settings.dedup)
        return loaded.new, loaded.versions
    finally:
        conn.close()


def _remove(root: str) -> None:
    """Temporary parts go once their records are loaded or written."""
    fs, path = parts.filesystem(root)
    if fs.exists(path):
        fs.rm(path, recursive=True)
