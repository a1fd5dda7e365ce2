"""The engine-agnostic analysis of a partition: raw articles in, records (or failures) out.

Shared by ``warta ingest`` (in this process) and the batch tasks (``warta.batch.task``, which
read and write on the workers); engine adapters (``warta.batch.dask``) only plan and track.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from warta.errors import Errors, InputError
from warta.settings import Settings
from warta.types import Article, Failure, RawArticle

if TYPE_CHECKING:
    from spacy.language import Language


T = TypeVar("T")


def partitions(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Chunk a stream of inputs into lists of at most ``size`` items, keeping input order."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


# The collector's thresholds in a process that analyses until it exits: a batch of Docs
# allocates millions of short-lived containers, and the default first-generation threshold (700)
# starts a collection every 700 of them, each walking the young survivors; 50,000 makes about
# seventy times fewer. Cycles are still collected, later, so memory stays bounded (unlike
# ``gc.disable()``): docs/scaling.md, tenth round.
COLLECTOR_THRESHOLDS = (50_000, 50, 100)


def settle_collector() -> None:
    """Set Python's cyclic garbage collector for a process that keeps the pipeline to its end.

    The model and its tables are hundreds of thousands of objects that live as long as the
    process; each full collection walks all of them again, and the frequent young collections
    walk the Docs being built: together 2-4 % of an analysing process's CPU (docs/scaling.md).
    So the objects alive once the pipeline is loaded are frozen (``gc.freeze``: never walked,
    never collected as cycles; once per process, so later records are not frozen) and the
    thresholds raised (``COLLECTOR_THRESHOLDS``). Both are process-wide, so only processes warta
    owns do it: its worker processes (``worker_pipeline``) and the ``warta`` command's own
    process (``warta.cli.common.analysis_pipeline``), never ``warta.load()`` in a user's program.
    """
    if not gc.get_freeze_count():
        gc.freeze()
    gc.set_threshold(*COLLECTOR_THRESHOLDS)


def worker_pipeline(settings: Settings) -> Language:
    """The process's pipeline (``warta.nlp.pipeline.load``); in a worker process (one with a
    parent: the engine's processes under ``warta batch`` and ``warta ingest --workers``), the
    garbage collector is then settled for it (``settle_collector``). Without a parent (the
    engine's threads, a user's program) the process is left as it was.
    """
    from warta.nlp.pipeline import load  # imported here: workers build the pipeline once each

    nlp = load(settings)
    if multiprocessing.parent_process() is not None:
        settle_collector()
    return nlp


def run_partition(items: list[RawArticle | Failure], settings: Settings) -> list[Any]:
    """Analyse one partition in the current process; input failures pass through unchanged."""
    raws = [i for i in items if isinstance(i, RawArticle)]
    analysed = iter(analyze_isolated(raws, worker_pipeline(settings), settings))
    return [i if isinstance(i, Failure) else next(analysed) for i in items]


def analyze_isolated(raws: list[RawArticle], nlp: Language, settings: Settings, *,
                     batch_size: int = 32) -> list[dict[str, Any] | Failure]:
    """Records (or Failures) of ``raws`` in order, analysed in one ``nlp.pipe`` batch.

    If a stage crashes, the batch is redone one article at a time, so only the article that
    triggers the bug fails (E012, named by its input and record), never the whole batch.
    Shared by ``analyze``, ``ingest`` and the batch engines, so all report a crash alike.
    """
    from warta.process import analyze_many

    limit = getattr(nlp, "max_length", None)
    fits = [limit is None or len(raw.text) <= limit for raw in raws]
    try:
        done = iter(list(analyze_many([r for r, ok in zip(raws, fits, strict=True) if ok], nlp,
                                      settings, batch_size=batch_size)))
        return [next(done) if ok else _too_long(raw, limit)
                for raw, ok in zip(raws, fits, strict=True)]
    except Exception:  # a stage bug on one article must not cost the others their records
        return [_analyze_one(raw, nlp, settings) if ok else _too_long(raw, limit)
                for raw, ok in zip(raws, fits, strict=True)]


def _where(raw: RawArticle) -> str:
    where = raw.source.path or "-"
    return where if raw.source.record is None else f"{where} record {raw.source.record}"


def _too_long(raw: RawArticle, limit: int | None) -> Failure:
    """An article spaCy would refuse (its ``max_length``), said plainly before any work."""
    where = _where(raw)
    reason = f"{len(raw.text):,} characters, over the pipeline's limit of {limit:,}"
    return Failure(where, Errors.E012.format(path=where, reason=reason))


def _analyze_one(raw: RawArticle, nlp: Language, settings: Settings) -> dict[str, Any] | Failure:
    from warta.process import analyze

    where = _where(raw)
    try:
        return analyze(raw, nlp, settings)
    except InputError as e:
        return Failure(e.path or raw.source.path or "-", str(e))
    except Exception as e:  # reported as one line; the batch goes on
        reason = " ".join(f"{type(e).__name__}: {e}".split())
        return Failure(where, Errors.E012.format(path=where, reason=reason))


def article_key(raw: RawArticle) -> str | None:
    """The record id this article will get (the fingerprint of its cleaned title and text), to
    skip a stored article before any NLP; None when cleaning fails (the analysis reports it)."""
    from warta.record import article_id

    article = clean_or_none(raw)
    return None if article is None else article_id(article.title, article.text)


def clean_or_none(raw: RawArticle) -> Article | None:
    """The cleaned article, or None when cleaning fails (the analysis reports it, later)."""
    from warta.clean import clean_article

    try:
        return clean_article(raw)
    except Exception:  # InputError or a cleaning bug: the analysis reports it, for this article
        return None
