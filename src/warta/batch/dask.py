"""Dask adapter: run ``warta.batch.job`` partitions on a Dask cluster (local by default).

A local cluster uses worker processes with one thread each: spaCy releases little of the GIL, so
processes, not threads, give parallel speed-up. Give ``scheduler`` to use an existing cluster.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import Any

from warta.batch.job import partitions, run_partition
from warta.settings import Settings
from warta.types import Failure, RawArticle


def run(items: Iterable[RawArticle | Failure], settings: Settings, *, workers: int = 2,
        partition_size: int = 64, scheduler: str | None = None,
        max_in_flight: int | None = None) -> Iterator[Any]:
    """Yield records and failures, partition by partition, in input order.

    At most ``max_in_flight`` partitions are submitted at once (default: two per worker), so a
    large corpus never sits in the scheduler's memory all at once.
    """
    from distributed import Client, LocalCluster

    limit = max_in_flight or 2 * max(workers, 1)
    with ExitStack() as stack:
        if scheduler:
            client = stack.enter_context(Client(scheduler))
        else:
            cluster = stack.enter_context(LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.CRITICAL))
            client = stack.enter_context(Client(cluster))
        pending: list[Any] = []
        for chunk in partitions(items, partition_size):
            pending.append(client.submit(run_partition, chunk, settings, pure=False))
            if len(pending) >= limit:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()
