"""The engine-agnostic batch job: partitions of raw articles in, records (or failures) out.

Reading inputs is cheap I/O and stays in the driver; the NLP, which is what costs, runs where
the engine puts each partition. Engine adapters (``warta.batch.dask``) only partition and collect.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from warta.settings import Settings
from warta.types import Failure, RawArticle


def partitions(items: Iterable[RawArticle | Failure], size: int) -> Iterator[list[Any]]:
    """Chunk a stream of inputs into lists of at most ``size`` items, keeping input order."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def run_partition(items: list[RawArticle | Failure], settings: Settings) -> list[Any]:
    """Analyse one partition in the current process; input failures pass through unchanged."""
    from warta.nlp.pipeline import load  # imported here: workers build the pipeline once each
    from warta.process import analyze_many

    raws = [i for i in items if isinstance(i, RawArticle)]
    analysed = iter(analyze_many(raws, load(settings), settings))
    return [i if isinstance(i, Failure) else next(analysed) for i in items]
