"""The word-list readers answer the Doc asked last without a second call (docs/scaling.md,
twelfth round), and still give each Doc its own words, read again after a retokenizer."""

from __future__ import annotations

import random

import spacy

from warta.nlp import extensions
from warta.nlp.extensions import token_lowers, token_spaces, token_texts

WORDS = ["Menteri", "itu", "tiba", "di", "Medan", ",", "Senin", ".", "KPK", "menahan", "Budi"]


def test_asking_the_last_doc_again_takes_no_second_call(monkeypatch):
    doc = spacy.blank("id")("Menteri itu tiba di Medan, Senin.")
    token_texts(doc)  # the slow path: the Doc becomes the one asked last
    calls = []
    real = extensions._token_strings
    monkeypatch.setattr(extensions, "_token_strings",
                        lambda d, key: calls.append(key) or real(d, key))
    for _ in range(3):
        assert token_texts(doc)[0] == "Menteri" and token_lowers(doc)[0] == "menteri"
        assert token_spaces(doc)[1] == " "
    assert calls == []
    other = spacy.blank("id")("KPK menahan Budi.")
    assert token_texts(other) == ["KPK", "menahan", "Budi", "."]
    assert calls == ["token_texts"]  # another Doc: the full look-up, once


def test_readers_give_each_doc_its_words_in_any_order_and_after_a_merge():
    nlp = spacy.blank("id")
    rng = random.Random(12)
    docs = [nlp(" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 12))))
            for _ in range(30)]
    readers = {token_texts: "orth_", token_lowers: "lower_", token_spaces: "whitespace_"}
    for _ in range(600):
        doc = rng.choice(docs)
        if len(doc) > 2 and rng.random() < 0.05:
            with doc.retokenize() as retokenizer:
                retokenizer.merge(doc[0:2])
        reader, attr = rng.choice(list(readers.items()))
        assert reader(doc) == [getattr(t, attr) for t in doc]
