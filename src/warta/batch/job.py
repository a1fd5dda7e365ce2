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


def worker_pipeline(settings: Settings) -> Language:
    """The process's pipeline (``warta.nlp.pipeline.load``); in a worker process, the objects
    alive once it is built are moved out of the garbage collector's reach (``gc.freeze``).

    The model and its tables are hundreds of thousands of objects that live as long as the
    process; each full collection walks all of them again, 2-4 % of a worker's time, and freezing
    them saves 2 % of it (docs/scaling.md). Frozen objects are never collected as cycles, so
    only a process that keeps the pipeline to its end does it: a worker process (one with a
    parent: the engine's processes under ``warta batch`` and ``warta ingest --workers``); the
    main process of a command or a user's own program (``warta.load()``) is left as it was.
    """
    from warta.nlp.pipeline import load  # imported here: workers build the pipeline once each

    nlp = load(settings)
    if multiprocessing.parent_process() is not None and not gc.get_freeze_count():
        gc.freeze()
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
