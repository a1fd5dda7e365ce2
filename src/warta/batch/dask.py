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

# Dask's housekeeping a local cluster does without: every worker samples its running task's
# stack every 10 ms for the dashboard's profile (a local cluster has no dashboard), and every
# server (the client, the scheduler, each worker) wakes every 20 ms to time its event loop. On a
# machine whose cores are the workers', they took 12 % of one core while two workers' tasks
# slept (6 % without them), and the stack samples 5-10 % of a working worker's CPU (docs/
# scaling.md, fifth round). The loop check still warns of a loop blocked for over ``tick.limit``
# (3 s) at a 1 s interval.
LOCAL_CONFIG = {"distributed.worker.profile.enabled": False,
                "distributed.admin.tick.interval": "1s"}


@contextmanager
def cluster(*, workers: int = 2, scheduler: str | None = None,
            processes: bool = True) -> Iterator[Any]:
    """A ``distributed.Client`` on ``scheduler``, or on a local cluster of ``workers`` (with
    ``LOCAL_CONFIG``; a scheduler's cluster keeps the configuration its owner gave it)."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with dask.config.set(LOCAL_CONFIG), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
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
                   max_in_flight: int | None = None,
                   on_error: Callable[[Any, str], dict[str, Any]] | None = None,
                   ) -> Iterator[dict[str, Any]]:
    """Each partition's summary as it finishes (not in input order).

    At most ``max_in_flight`` partitions are queued at once (default: two per worker thread), so
    a job of a million partitions never sits in the scheduler's memory all at once. A partition
    whose task raised, or whose workers died under it more often than the scheduler allows
    (``KilledWorker``: a worker killed once is retried by Dask itself), gives ``on_error``'s
    summary for it and the reason, and the others go on; without ``on_error`` it raises.
    """
    from distributed import as_completed

    threads = sum(client.nthreads().values()) or 1
    limit = max_in_flight or 2 * threads
    todo = iter(partitions)
    held: dict[str, Any] = {}

    def submit(partition: Any) -> Any:
        future = client.submit(task, partition, pure=False)
        held[future.key] = partition
        return future

    running = as_completed([submit(p) for p in _take(todo, limit)])
    for future in running:
        partition = held.pop(future.key)
        try:
            entry = future.result()
        except Exception as e:  # the engine's boundary: one partition fails, the job goes on
            if on_error is None:
                raise
            entry = on_error(partition, _reason(e))
        future.release()
        yield entry
        for p in _take(todo, 1):
            running.add(submit(p))


def _reason(error: Exception) -> str:
    """Why a task failed, in a few words (KilledWorker's own message is a paragraph on logs)."""
    from distributed import KilledWorker

    if isinstance(error, KilledWorker):
        return "the workers running it died, killed or out of memory"
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _take(it: Iterator[Any], n: int) -> list[Any]:
    out = []
    for _ in range(n):
        item = next(it, None)
        if item is None:
            break
        out.append(item)
    return out
