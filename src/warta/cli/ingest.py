"""`warta ingest`: read articles, analyse them and store the records, resumably.

Each article is committed on its own, so a killed run loses only the analysis in flight (one
batch of at most ``CHUNK`` articles, never a stored one). Before any NLP runs, an input is
skipped when its raw text was ingested before (the store's ``inputs`` table) or when the id its
cleaned title and text will get is already stored. Running the same command again therefore
continues where it stopped, quickly.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import click

from warta.batch.job import analyze_isolated, clean_or_none, partitions
from warta.cli.link import after_ingest, link_option
from warta.cli.options import (
    config_option,
    db_option,
    input_options,
    progress_option,
    show_progress,
)
from warta.errors import WartaError
from warta.ingest.files import STDIN
from warta.record import article_id
from warta.settings import Settings, load_settings
from warta.types import Article, Failure, RawArticle

CHUNK = 32  # articles analysed together (nlp.pipe batches); also the most a kill can lose
PARTITION = 64  # articles per worker task with --workers (as `warta batch`'s default)


@dataclass
class Tally:
    """What an ingest run did, for the progress bar and the closing line."""

    new: int = 0
    stored: int = 0  # already in the store (or a duplicate within this run)
    failed: int = 0
    versions: int = 0  # copies of a stored article, kept as its versions (``[dedup]``)
    started: float = field(default_factory=time.perf_counter)

    @property
    def done(self) -> int:
        """Inputs dealt with so far, whatever became of them (the progress bar's count)."""
        return self.new + self.stored + self.failed + self.versions

    def summary(self) -> str:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        return (f"{self.new} new, {self.stored} already stored, {self.failed} failed "
                f"in {elapsed:.1f} s ({self.new / elapsed:.1f} articles/s); {self.versions} "
                f"copies of stored articles kept as their versions")


@click.command()
@input_options
@db_option
@config_option
@click.option("--workers", default=os.cpu_count() or 1, show_default="the machine's cores",
              type=click.IntRange(min=1),
              help="Worker processes (1: analyse in this process, as before).")
@progress_option
@link_option
def ingest(paths: tuple[str, ...], db_path: str, config_path: str | None, workers: int,
           progress: bool | None, link: bool | None, **columns: str | int | None) -> None:
    """Analyse articles and add them to the SQLite store (idempotent and resumable).

    PATH may be files of any supported format, directories (read recursively) or - for stdin.
    Articles already in the store are skipped without being analysed again, so an interrupted
    run is continued by running it again. When it stored new articles, it then recomputes the
    store's events across reports and stories (`warta link`; --no-link skips it). Exit status:
    0 all fine, 1 some inputs failed, 2 usage or store error, 130 interrupted.

    Example:

        warta ingest berita.csv --text-column isi_berita --title-column judul --db warta.db
    """
    from warta.ingest import read_inputs
    from warta.store.db import connect

    try:
        settings = load_settings(config_path).with_ingest(**columns)
        conn = connect(db_path)
    except WartaError as e:
        click.echo(f"warta: {e}", err=True)
        sys.exit(2)
    from warta.ingest.count import count_articles
    from warta.progress import progress as progress_bar

    tally = Tally()
    show = show_progress(progress)
    partitions = _parallel_plan(paths, settings, workers)
    if partitions:
        conn.close()
        try:
            _ingest_parallel(partitions, settings, db_path, workers, tally, show=show)
        except KeyboardInterrupt:  # finished partitions stay in <db>.parts for the rerun
            click.echo("interrupted: run the same command again to continue", err=True)
            sys.exit(130)
        click.echo(tally.summary(), err=True)
        after_ingest(db_path, settings, link, new=tally.new)
        sys.exit(1 if tally.failed else 0)
    try:
        with progress_bar("ingest", total=count_articles(paths) if show else None,
                          enabled=show) as bar:
            def status(text: str) -> None:
                bar.update(status=text)

            for outcome in _ingest(read_inputs(paths, settings), conn, settings, tally,
                                   status=status):
                if isinstance(outcome, Failure):
                    bar.echo(f"warta: {outcome.message}")
                bar.update(completed=tally.done, status=_short(tally))
    except KeyboardInterrupt:  # every stored article is committed; the one in flight is not
        click.echo(f"{tally.summary()}; interrupted: run the same command again to continue",
                   err=True)
        sys.exit(130)
    except WartaError as e:  # e.g. the store's disk is full or the file became unwritable
        click.echo(f"warta: {e}", err=True)
        click.echo(tally.summary(), err=True)
        sys.exit(2)
    finally:
        conn.close()
    click.echo(tally.summary(), err=True)
    after_ingest(db_path, settings, link, new=tally.new)
    sys.exit(1 if tally.failed else 0)


def _parallel_plan(paths: tuple[str, ...], settings: Settings, workers: int) -> list[Any] | None:
    """The partitions to hand to ``workers`` processes; None when this process should do it
    all (one worker, stdin, a missing input to report in order, or one partition of work)."""
    if workers < 2 or STDIN in paths:
        return None
    from warta.batch.plan import plan

    partitions, failures = plan(paths, settings, partition_size=PARTITION)
    return partitions if len(partitions) > 1 and not failures else None


def _ingest_parallel(partitions: list[Any], settings: Settings, db_path: str, workers: int,
                     tally: Tally, *, show: bool) -> None:
    """Analyse on a local cluster into parts beside the store, load them, remove them.

    The parts folder makes a killed run resumable (finished partitions are kept); articles the
    store holds are skipped on the workers before any NLP, as in this process.
    """
    from warta.batch import dask
    from warta.batch.run import JobTally, execute
    from warta.progress import progress as progress_bar
    from warta.store import parts
    from warta.store.db import connect

    root = f"{db_path}.parts"
    with progress_bar("ingest", total=None, enabled=show) as bar, \
            dask.cluster(workers=workers) as client:
        def advance(t: JobTally) -> None:
            bar.update(completed=t.read + t.failed,
                       status=f"{t.partitions}/{len(partitions)} partitions")

        job = execute(client, partitions, settings, root,
                      skip_db=str(Path(db_path).resolve()),
                      report=lambda m: bar.echo(f"warta: {m}"), advance=advance)
    conn = connect(db_path)
    try:
        loaded = parts.load_parts(conn, root, partitions=[p.id for p in partitions],
                                  dedup=settings.dedup)
    finally:
        conn.close()
    fs, path = parts.filesystem(root)
    fs.rm(path, recursive=True)
    tally.new = loaded.new
    tally.versions = loaded.versions
    tally.stored = job.skipped + job.copies + loaded.stored
    tally.failed = job.failed


def _short(t: Tally) -> str:
    rate = t.new / max(time.perf_counter() - t.started, 1e-9)
    return f"{t.new} new · {t.stored} stored · {t.failed} failed · {rate:.1f}/s"


def _ingest(items: Iterable[RawArticle | Failure], conn: sqlite3.Connection, settings: Settings,
            tally: Tally, *, status: Callable[[str], None] = lambda _: None,
            ) -> Iterator[dict[str, Any] | Failure]:
    """Store every new article of ``items``; yield each outcome (the record or its Failure)."""
    from warta.cli.common import analysis_pipeline

    nlp = None  # built once, and only when some article is new (a finished run re-run is quick)
    copies: dict[str, list[tuple[str, str | None]]] = {}
    for chunk in partitions(_unseen(items, conn, settings, tally, copies), CHUNK):
        if nlp is None and any(isinstance(item, RawArticle) for item, _ in chunk):
            status(f"{tally.stored} already stored · loading the NLP pipeline…")
            nlp = analysis_pipeline(settings)
        outcomes = _analyze_chunk([item for item, _ in chunk], nlp, settings)
        for (_, key), outcome in zip(chunk, outcomes, strict=True):
            if isinstance(outcome, Failure):
                tally.failed += 1
                yield outcome
            else:
                yield _store(conn, outcome, key, settings, tally)
        _remember_copies(conn, copies)


def _store(conn: sqlite3.Connection, record: dict[str, Any], key: str | None,
           settings: Settings, tally: Tally) -> dict[str, Any] | Failure:
    """Save one record; a record the tables refuse fails alone (the store itself stays fine)."""
    from warta.store import write

    try:
        outcome = write.store(conn, record, input_key=key, dedup=settings.dedup)
    except (sqlite3.IntegrityError, KeyError, TypeError, ValueError) as e:
        tally.failed += 1
        where = record.get("source", {}).get("path") or "-"
        return Failure(where, f"{where}: cannot store article {record.get('id')} "
                              f"({type(e).__name__}: {e})")
    if outcome == "new":
        tally.new += 1
    elif outcome == "version":  # a copy of an article stored earlier (or in this run)
        tally.versions += 1
    else:  # two inputs cleaned to the same article
        tally.stored += 1
    return record


def _unseen(items: Iterable[RawArticle | Failure], conn: sqlite3.Connection, settings: Settings,
            tally: Tally, copies: dict[str, list[tuple[str, str | None]]],
            ) -> Iterator[tuple[RawArticle | Failure, str | None]]:
    """Drop articles already stored or met in this run, before any NLP runs on them.

    First by the raw input's key (no cleaning needed), then by the record id the cleaned article
    will get; each kept article comes with its raw key. A dropped copy read under another input
    id leaves that id as a reference to the article: at once when the article is stored, else
    in ``copies`` (article id → the copies' raw keys and ids) for ``_remember_copies``. A copy
    of a stored article (``[dedup]``) is stored as its version here, without analysis.
    """
    from warta.store import write

    raw_seen: set[str] = set()
    ids_seen: set[str] = set()
    for item in items:
        if not isinstance(item, RawArticle):
            yield item, None
            continue
        native_id = item.source.native_id
        key = write.input_key(item.title, item.text, native_id)
        if key in raw_seen or write.has_input(conn, key):
            tally.stored += 1
            continue
        raw_seen.add(key)
        cleaned = clean_or_none(item)
        article = None if cleaned is None else article_id(cleaned.title, cleaned.text)
        stored = None if article is None else write.stored_as(conn, article)
        if stored is not None:
            write.remember_input(conn, key, stored, native_id if stored == article else None)
            tally.stored += 1
            continue
        if cleaned is not None and write.save_if_copy(
                conn, _bare_record(cleaned), input_key=key, dedup=settings.dedup) == "version":
            tally.versions += 1
            continue
        if article is not None and article in ids_seen:
            copies.setdefault(article, []).append((key, native_id))
            tally.stored += 1
            continue
        if article is not None:
            ids_seen.add(article)
        yield item, key


def _bare_record(article: Article) -> dict[str, Any]:
    """What a version keeps of a cleaned article (it needs no analysis)."""
    return {"id": article_id(article.title, article.text), "title": article.title,
            "text": article.text, "published": article.published,
            "source": asdict(article.source)}


def _remember_copies(conn: sqlite3.Connection,
                     copies: dict[str, list[tuple[str, str | None]]]) -> None:
    """Copies met in this run point at their article once it is stored (a failed one has none)."""
    from warta.store import write

    for article in list(copies):
        stored = write.stored_as(conn, article)  # the article, or the one it is a version of
        if stored is None:
            continue
        for key, native_id in copies.pop(article):
            write.remember_input(conn, key, stored, native_id if stored == article else None)


def _analyze_chunk(chunk: list[RawArticle | Failure], nlp: Any,
                   settings: Settings) -> list[dict[str, Any] | Failure]:
    """Analyse a chunk's articles (crashes isolated per article); read failures pass through
    in their input position."""
    raws = [item for item in chunk if isinstance(item, RawArticle)]
    results = iter(analyze_isolated(raws, nlp, settings))
    return [item if isinstance(item, Failure) else next(results) for item in chunk]
