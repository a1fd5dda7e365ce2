"""Contextual vectors read from the shared tok2vec (warta.nlp.context)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import spacy
from spacy.tokens import Doc

from warta.nlp import context
from warta.nlp.pipeline import model_path


def test_vectors_follow_the_word_in_context(nlp: spacy.Language) -> None:
    # "bantuan" as a programme's name and as an act: the same word, different vectors.
    a = nlp("Program Bantuan Langsung Tunai dibagikan di Bandung.")
    b = nlp("Pemerintah memberi bantuan kepada korban banjir.")
    va, vb = context.token_vector(a, 1), context.token_vector(b, 2)
    assert va.shape == vb.shape == (context.width(a),)
    assert not np.allclose(va, vb)


def test_span_vector_is_the_mean_of_its_tokens(nlp: spacy.Language) -> None:
    doc = nlp("Menteri Luar Negeri Retno Marsudi bertemu Presiden Prancis.")
    expected = (context.token_vector(doc, 3) + context.token_vector(doc, 4)) / 2
    assert np.allclose(context.span_vector(doc, 3, 5), expected, atol=1e-6)
    assert not context.span_vector(doc, 2, 2).any()


def test_a_doc_without_tensor_gives_zeros() -> None:
    doc = Doc(spacy.blank("id").vocab, words=["Jokowi", "menolak", "usulan"])
    assert context.token_vector(doc, 1).shape == (context.WIDTH,)
    assert not context.token_vector(doc, 1).any()
    assert not context.span_vector(doc, 0, 2).any()


def test_fingerprint_names_the_shipped_weights(tmp_path: Path) -> None:
    shipped = context.tok2vec_fingerprint(model_path())
    assert len(shipped) == 64
    (tmp_path / "tok2vec").mkdir()
    (tmp_path / "tok2vec" / "model").write_bytes(b"other weights")
    assert context.tok2vec_fingerprint(tmp_path) != shipped
