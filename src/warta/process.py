"""The main job, engine-agnostic: raw article → cleaned article → analysed Doc → JSON record.

The CLI, the store and the Dask adapter all call ``analyze``/``analyze_many``; none repeats it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from warta.clean import clean_article
from warta.errors import InputError
from warta.kb.lexicon import common_words
from warta.nlp.extensions import mark_stage, unsupported_reason
from warta.nlp.langid import detect_language
from warta.record import merge_records, to_record
from warta.settings import Settings
from warta.types import Actor, Article, Failure, RawArticle

# spaCy's own trained components: they only know Indonesian.
TRAINED = {"tok2vec", "tagger", "morphologizer", "parser", "ner", "trainable_lemmatizer",
           "lemmatizer", "senter", "attribute_ruler"}


def prepare(raw: RawArticle, settings: Settings) -> Article:
    """Clean an article and decide its language."""
    article = clean_article(raw)
    article.language = detect_language(article.text, settings.language.candidates)
    return article


def make_doc(nlp: Language, article: Article, settings: Settings, *,
             headline: bool = True) -> Doc:
    """A cleaned article's Doc with the metadata warta's stages read, before any stage; with
    ``headline``, its title's actors too (``attach_headlines``)."""
    doc = nlp.make_doc(article.text)
    doc._.language = article.language
    doc._.supported_languages = tuple(settings.language.supported)
    doc._.published = article.published
    doc._.dateline = article.dateline
    doc._.article = article
    if headline:
        attach_headlines(nlp, [doc], settings)
    return doc


HEADLINE_UNTIL = "actors"  # a title is analysed up to this stage: its actors are what is used


def attach_headlines(nlp: Language, docs: list[Doc], settings: Settings) -> None:
    """Analyse each Doc's article title as a Doc of its own, up to the actors stage, and set
    its actors as ``doc._.headline``: the headline names the story's main actors ("KPK Tangkap
    Bupati ..."), which the body may leave implicit, and the text (so the record's offsets)
    does not hold the title. Titles are analysed together, in one ``nlp.pipe``."""
    if HEADLINE_UNTIL not in nlp.pipe_names:
        return
    titled = [d for d in docs if d._.article is not None and d._.article.title
              and _supported(d, settings)]
    heads = [make_doc(nlp, replace(d._.article, text=headline_case(d._.article.title),
                                   title=None), settings, headline=False) for d in titled]
    later = nlp.pipe_names[nlp.pipe_names.index(HEADLINE_UNTIL) + 1:]
    for doc, head in zip(titled, nlp.pipe(heads, disable=later), strict=True):
        doc._.headline = headline_actors(head)


_TITLE_WORD = re.compile(r"\b[A-Z][a-z]+\b")


def headline_case(title: str) -> str:
    """A headline in the case of running text: news titles capitalise every word ("Lempar
    Pujian ke Joko", "Tetap Dihukum Mati"), which the NER takes for names; a capitalised word
    that news writes in lower case (``kb.lexicon.common_words``) is lowered, names and
    acronyms stay."""
    common = common_words()
    return _TITLE_WORD.sub(lambda m: m[0].lower() if m[0].lower() in common else m[0], title)


def headline_actors(head: Doc) -> list[Actor]:
    """The actors a title names, in the order it names them."""
    by_id = {a.id: a for a in head._.actors or []}
    seen = dict.fromkeys(s._.actor for s in head.ents if s._.actor in by_id)
    return [by_id[actor_id] for actor_id in seen]


def _run(nlp: Language, doc: Doc, settings: Settings) -> Doc:
    if _supported(doc, settings):
        return nlp(doc)
    version = model_version(nlp)
    for name, proc in nlp.pipeline:
        if name in TRAINED:
            mark_stage(doc, name, version, "skipped", unsupported_reason(doc))
        else:  # warta's own stages check the language themselves and mark it
            doc = proc(doc)
    return doc


def model_version(nlp: Language) -> str:
    """The trained model's version, the one every trained stage reports.

    Read once per batch or Doc, not per stage: spaCy's ``Language.meta`` rebuilds its
    ``labels`` on every read (every label of every component, the lemmatizer's thousands of
    edit trees included), and reading it for each trained stage of each Doc took 4 % of a
    batch worker's CPU (docs/scaling.md, fifth round).
    """
    return str(nlp.meta.get("version", "0"))


def _trained_stages(nlp: Language, doc: Doc, version: str | None = None) -> None:
    """Trained components don't report themselves; record them so `stages` is complete
    (``version``: ``model_version(nlp)``, read here when not given)."""
    seen = {s.name for s in doc._.stages or []}
    version = model_version(nlp) if version is None else version
    for name in nlp.pipe_names:
        if name in TRAINED and name not in seen:
            mark_stage(doc, name, version, "ok")


def analyze(raw: RawArticle, nlp: Language, settings: Settings) -> dict[str, Any]:
    """Analyse one raw article into its record."""
    return _analyze_article(prepare(raw, settings), nlp, settings)


def _analyze_article(article: Article, nlp: Language, settings: Settings) -> dict[str, Any]:
    """A cleaned article's record; one longer than ``chunk_chars`` is analysed by pieces of
    whole paragraphs, so one article's memory stays bounded whatever its length."""
    pieces = paragraph_pieces(article.text, settings.ingest.chunk_chars)
    if len(pieces) > 1:
        parts = [(start, _analyze_article(replace(article, text=piece), nlp, settings))
                 for start, piece in pieces]
        return merge_records(article, parts)
    doc = _run(nlp, make_doc(nlp, article, settings), settings)
    _trained_stages(nlp, doc)
    return to_record(doc, article)


_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"),
           re.compile(r"\s+"))


def paragraph_pieces(text: str, limit: int) -> list[tuple[int, str]]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters, as (start, piece),
    cutting at blank lines first, then line breaks, sentence ends, and spaces; a stretch with no
    break at all is cut at the limit. The pieces put back at their starts are the text."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit + 1]
        cut = next((m.end() for pattern in _BREAKS
                    for m in reversed(list(pattern.finditer(window, 1)))
                    if m.end() <= limit), limit)
        pieces.append((start, text[start:start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


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
    limit = settings.ingest.chunk_chars
    articles = [a for a in prepared if isinstance(a, Article) and len(a.text) <= limit]
    docs = {id(a): make_doc(nlp, a, settings, headline=False) for a in articles}
    attach_headlines(nlp, list(docs.values()), settings)
    ok = [a for a in articles if _supported(docs[id(a)], settings)]
    piped = dict(zip([id(a) for a in ok], nlp.pipe([docs[id(a)] for a in ok]), strict=True))
    version = model_version(nlp)
    for item in prepared:
        if isinstance(item, Failure):
            yield item
            continue
        if id(item) not in docs:  # longer than a piece: analysed piece by piece
            yield _analyze_article(item, nlp, settings)
            continue
        doc = piped[id(item)] if id(item) in piped else _run(nlp, docs[id(item)], settings)
        _trained_stages(nlp, doc, version)
        yield to_record(doc, item)


def _supported(doc: Doc, settings: Settings) -> bool:
    return doc._.language is None or doc._.language in settings.language.supported
