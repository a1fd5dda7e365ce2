"""Contextual word vectors: the shared ``tok2vec``'s output, for the decision models to read.

Why: the shipped pipeline's one CNN (``tok2vec``, width 96, shared by the tagger, parser and
NER) already writes, for every token, a vector of the word *as used in its sentence* into
``doc.tensor``. Reading it costs nothing, and it carries what the decision models' sparse
features miss: whether "bantuan" is an act here or a programme's name, whether a name is a
person or a place in this sentence. A model that reads these vectors is tied to the tok2vec
weights it was trained on, so it records their fingerprint (``tok2vec_fingerprint``) and a test
checks that the shipped decision models match the shipped pipeline.

A Doc without a tensor (a pipeline without ``tok2vec``, a Doc built by hand) gives zero vectors:
the models then decide on their other features alone.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

# The shipped tok2vec's width (config.cfg, [components.tok2vec.model.encode] width).
WIDTH = 96


def _tensor(doc: Doc) -> np.ndarray | None:
    tensor = getattr(doc, "tensor", None)
    if tensor is None or not hasattr(tensor, "shape") or len(tensor.shape) != 2 \
            or tensor.shape[0] != len(doc) or tensor.shape[1] == 0:
        return None
    return np.asarray(tensor, dtype=np.float32)


def width(doc: Doc) -> int:
    """The vectors' width for ``doc`` (``WIDTH`` when it carries none)."""
    tensor = _tensor(doc)
    return WIDTH if tensor is None else int(tensor.shape[1])


def token_vector(doc: Doc, i: int) -> np.ndarray:
    """Token ``i``'s contextual vector (zeros when the Doc carries none)."""
    tensor = _tensor(doc)
    if tensor is None:
        return np.zeros(WIDTH, dtype=np.float32)
    row: np.ndarray = tensor[i]
    return row


def span_vector(doc: Doc, start: int, end: int) -> np.ndarray:
    """The mean contextual vector of tokens ``start:end`` (zeros when empty or absent)."""
    tensor = _tensor(doc)
    if tensor is None or end <= start:
        return np.zeros(width(doc), dtype=np.float32)
    mean: np.ndarray = tensor[start:end].mean(axis=0)
    return mean


def tok2vec_fingerprint(model_dir: Path) -> str:
    """The sha256 of a saved pipeline's tok2vec weights (``tok2vec/model``): what a decision
    model that reads contextual vectors was trained against."""
    return hashlib.sha256((model_dir / "tok2vec" / "model").read_bytes()).hexdigest()
