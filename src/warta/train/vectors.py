"""Static word vectors that warta trains itself on unlabeled Indonesian news (IndoSum).

word2vec (gensim, skip-gram) over the IndoSum articles in shared/data (CC BY-SA 4.0) plus the
token text of the NER training files; keys are lower-cased (``Vectors(attr="LOWER")``) because
one million tokens are too few to learn case variants apart. Only the most frequent
``MAX_WORDS`` are kept, so the table stays small enough to ship (MAX_WORDS x DIM float32).
Detik 2025 has no licence and is not used. Needs the ``train`` extra (gensim).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy
import spacy
from spacy.vectors import Vectors

from warta.train.convert import NER_CORPORA

INDOSUM = ("indosum-news", "indosum-devfolds-shared.jsonl")
DIM = 100
MAX_WORDS = 20000
MIN_COUNT = 3
SEED = 20240501


def indosum_sentences(path: Path) -> Iterator[list[str]]:
    """Lower-cased token lists of every sentence of every article (pre-tokenized JSONL)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            article = json.loads(line)
            for paragraph in article.get("paragraphs", []):
                for sentence in paragraph:
                    yield [t.lower() for t in sentence]


def ner_train_sentences(data: Path) -> Iterator[list[str]]:
    """Lower-cased tokens of the NER train files (text only; labels are not used here)."""
    from warta.eval._conll import read_ner

    for corpus in NER_CORPORA:
        path = data / corpus.name / corpus.train
        if path.exists():
            for sent in read_ner(path):
                yield [w.lower() for w in sent.words]


def train_vectors(data: Path, out: Path, *, dim: int = DIM, max_words: int = MAX_WORDS) -> Path:
    """Train word2vec, keep the ``max_words`` most frequent words, save a spaCy vectors dir."""
    from gensim.models import Word2Vec

    sentences = list(indosum_sentences(data / INDOSUM[0] / INDOSUM[1]))
    sentences.extend(ner_train_sentences(data))
    model = Word2Vec(sentences, vector_size=dim, window=5, min_count=MIN_COUNT, sg=1,
                     epochs=5, workers=1, seed=SEED)
    words = model.wv.index_to_key[:max_words]  # sorted by frequency
    nlp = spacy.blank("id")
    table = numpy.asarray([model.wv[w] for w in words], dtype="float32")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=table, keys=words, attr="LOWER")
    out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    return out
