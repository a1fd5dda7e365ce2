"""Dask adapter: plan on the cluster, run ``warta.batch.task`` partitions, track what finished.

A local cluster uses worker processes with one thread each: spaCy releases little of the GIL, so
processes, not threads, give parallel speed-up (tests use threads: they start in a blink). Give
``scheduler`` to use an existing cluster; its workers then read the inputs and write the parts
themselves, so both must be paths or URLs the workers can reach.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from warta.batch.plan import Piece


@contextmanager
def cluster(*, workers: int = 2, scheduler: str | None = None,
            processes: bool = True) -> Iterator[Any]:
    """A ``distributed.Client`` on ``scheduler``, or on a local cluster of ``workers``."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                      dashboard_address=None, silence_logs=logging.CRITICAL) as local, \
            Client(local) as client:
        yield client


def mapper(client: Any) -> Callable[..., list[list[Piece]]]:
    """A ``plan`` mapper that runs the splitter on the cluster (the workers read the files)."""
    def run(fn: Callable[..., list[Piece]], pieces: list[Piece],
            lines_per_part: int) -> list[list[Piece]]:
        if not pieces:
            return []
        futures = client.map(fn, pieces, lines_per_part=lines_per_part, pure=False)
        gathered: list[list[Piece]] = client.gather(futures)
        return gathered
    return run


def run_partitions(client: Any, task: Callable[[Any], dict[str, Any]], partitions: list[Any], *,
                   max_in_flight: int | None = None) -> Iterator[dict[str, Any]]:
    """Each partition's summary as it finishes (not in input order).

    At most ``max_in_flight`` partitions are queued at once (default: two per worker thread), so
    a job of a million partitions never sits in the scheduler's memory all at once.
    """
    from distributed import as_completed

    threads = sum(client.nthreads().values()) or 1
    limit = max_in_flight or 2 * threads
    todo = iter(partitions)
    running = as_completed([client.submit(task, p, pure=False)
                            for p in _take(todo, limit)])
    for future in running:
        yield future.result()
        future.release()
        for p in _take(todo, 1):
            running.add(client.submit(task, p, pure=False))


def _take(it: Iterator[Any], n: int) -> list[Any]:
    out = []
    for _ in range(n):
        item = next(it, None)
        if item is None:
            break
        out.append(item)
    return out
