"""Running a planned job: skip the finished partitions, run the rest, add up their summaries.

Shared by ``warta batch`` and ``warta ingest --workers``. Failure lines go to ``report`` as each
partition finishes; a rerun reports the failures of partitions finished before too (read from
their manifest entries), so its output and exit status are the job's, not the rerun's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from warta.batch.plan import Partition
from warta.settings import Settings
from warta.store import parts


@dataclass
class JobTally:
    """What the job's partitions hold, finished before or now."""

    partitions: int = 0
    resumed: int = 0  # partitions finished by an earlier run, skipped now
    resumed_articles: int = 0  # their articles (not this run's work: left out of its rate)
    read: int = 0
    articles: int = 0
    copies: int = 0  # articles met twice within one partition
    skipped: int = 0  # already in the store ``skip_db`` (ingest), never analysed
    failed: int = 0
    unfinished: int = 0  # partitions whose task failed (a rerun redoes them)
    words: int = 0
    peak_rss_mb: float = 0.0

    def add(self, entry: dict[str, Any]) -> None:
        self.partitions += 1
        for name in ("read", "articles", "copies", "skipped", "failed", "unfinished", "words"):
            setattr(self, name, getattr(self, name) + int(entry.get(name, 0)))
        self.peak_rss_mb = max(self.peak_rss_mb, float(entry.get("peak_rss_mb", 0)))


def execute(client: Any, partitions: list[Partition], settings: Settings, out: str, *,
            skip_db: str | None = None, report: Callable[[str], None] = lambda _: None,
            advance: Callable[[JobTally], None] = lambda _: None,
            task: Callable[..., dict[str, Any]] | None = None) -> JobTally:
    """Run the unfinished ``partitions`` on ``client``; the tally of the whole job."""
    from warta.batch.dask import run_partitions
    from warta.batch.parts import write_plan
    from warta.batch.task import run_task, unfinished

    tally = JobTally()
    write_plan(out, [(p.id, p.describe()) for p in partitions])
    done = parts.finished(out)
    for partition in partitions:
        if partition.id in done:
            entry = parts.read_entry(out, partition.id)
            _take(tally, entry, report)
            tally.resumed += 1
            tally.resumed_articles += int(entry.get("articles", 0))
            advance(tally)
    todo = [p for p in partitions if p.id not in done]
    work = partial(task or run_task, settings=settings, out=out, skip_db=skip_db)
    for entry in run_partitions(client, work, todo, on_error=unfinished):
        _take(tally, entry, report)
        advance(tally)
    parts.remove_temporary(out)  # no task of the job runs now: what killed ones left is garbage
    return tally


def _take(tally: JobTally, entry: dict[str, Any], report: Callable[[str], None]) -> None:
    for message in entry.get("failures") or []:
        report(message)
    tally.add(entry)
