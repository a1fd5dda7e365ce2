"""The main job, engine-agnostic: raw article → cleaned article → analysed Doc → JSON record.

The CLI, the store and the Dask adapter all call ``analyze``/``analyze_many``; none repeats it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from warta.clean import clean_article
from warta.errors import InputError
from warta.nlp.extensions import mark_stage, unsupported_reason
from warta.nlp.langid import detect_language
from warta.record import to_record
from warta.settings import Settings
from warta.types import Article, Failure, RawArticle

# spaCy's own trained components: they only know Indonesian.
TRAINED = {"tok2vec", "tagger", "morphologizer", "parser", "ner", "trainable_lemmatizer",
           "lemmatizer", "senter", "attribute_ruler"}


def prepare(raw: RawArticle, settings: Settings) -> Article:
    """Clean an article and decide its language."""
    article = clean_article(raw)
    article.language = detect_language(article.text, settings.language.candidates)
    return article


def _make_doc(nlp: Language, article: Article, settings: Settings) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.language = article.language
    doc._.supported_languages = tuple(settings.language.supported)
    doc._.published = article.published
    doc._.dateline = article.dateline
    doc._.article = article
    return doc


def _run(nlp: Language, doc: Doc, settings: Settings) -> Doc:
    if _supported(doc, settings):
        return nlp(doc)
    for name, proc in nlp.pipeline:
        if name in TRAINED:
            mark_stage(doc, name, _version(nlp, name), "skipped", unsupported_reason(doc))
        else:  # warta's own stages check the language themselves and mark it
            doc = proc(doc)
    return doc


def _version(nlp: Language, name: str) -> str:
    return str(nlp.meta.get("version", "0"))


def _trained_stages(nlp: Language, doc: Doc) -> None:
    """Trained components don't report themselves; record them so `stages` is complete."""
    seen = {s.name for s in doc._.stages or []}
    for name in nlp.pipe_names:
        if name in TRAINED and name not in seen:
            mark_stage(doc, name, _version(nlp, name), "ok")


def analyze(raw: RawArticle, nlp: Language, settings: Settings) -> dict[str, Any]:
    """Analyse one raw article into its record."""
    article = prepare(raw, settings)
    doc = _run(nlp, _make_doc(nlp, article, settings), settings)
    _trained_stages(nlp, doc)
    return to_record(doc, article)


def analyze_many(raws: Iterable[RawArticle], nlp: Language, settings: Settings, *,
                 batch_size: int = 32) -> Iterator[dict[str, Any] | Failure]:
    """Analyse a stream of articles, one record (or Failure) each, in input order.

    Supported-language documents go through ``nlp.pipe`` in batches (much faster than one call
    per document); the rest take the per-document path that marks language stages skipped.
    """
    batch: list[RawArticle] = []
    for raw in raws:
        batch.append(raw)
        if len(batch) >= batch_size:
            yield from _analyze_batch(batch, nlp, settings)
            batch = []
    if batch:
        yield from _analyze_batch(batch, nlp, settings)


def _prepare_or_fail(raw: RawArticle, settings: Settings) -> Article | Failure:
    try:
        return prepare(raw, settings)
    except InputError as e:
        return Failure(e.path or raw.source.path or "-", str(e))


def _analyze_batch(raws: list[RawArticle], nlp: Language,
                   settings: Settings) -> Iterator[dict[str, Any] | Failure]:
    prepared = [_prepare_or_fail(raw, settings) for raw in raws]
    articles = [a for a in prepared if isinstance(a, Article)]
    docs = {id(a): _make_doc(nlp, a, settings) for a in articles}
    ok = [a for a in articles if _supported(docs[id(a)], settings)]
    piped = dict(zip([id(a) for a in ok], nlp.pipe([docs[id(a)] for a in ok]), strict=True))
    for item in prepared:
        if isinstance(item, Failure):
            yield item
            continue
        doc = piped[id(item)] if id(item) in piped else _run(nlp, docs[id(item)], settings)
        _trained_stages(nlp, doc)
        yield to_record(doc, item)


def _supported(doc: Doc, settings: Settings) -> bool:
    return doc._.language is None or doc._.language in settings.language.supported
