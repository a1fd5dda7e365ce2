"""Truecasing of the lower-cased NERP corpus before it joins the cased NER training data."""

from __future__ import annotations

import pytest

from warta.eval._conll import NERSentence
from warta.train.truecase import casing_lexicon, truecase


@pytest.fixture(scope="module")
def lexicon():
    return casing_lexicon([
        ["Presiden", "Joko", "Widodo", "tiba", "di", "Jakarta"],
        ["presiden", "datang", "ke", "Jakarta", "dan", "Bandung"],
        ["Presiden", "baru"],
    ])


def test_most_frequent_spelling_wins(lexicon):
    assert lexicon["presiden"] == "Presiden" and lexicon["jakarta"] == "Jakarta"
    assert lexicon["di"] == "di"


def test_truecase_restores_names_and_sentence_start(lexicon):
    sent = NERSentence(words=("kemarin", "presiden", "ke", "bandung", "bersama", "amir", "."),
                       spans=((3, 4, "LOC"), (5, 6, "PERSON")))
    fixed = truecase(sent, lexicon)
    assert fixed.words == ("Kemarin", "Presiden", "ke", "Bandung", "bersama", "Amir", ".")
    assert fixed.spans == sent.spans


def test_unknown_words_outside_entities_stay_lower(lexicon):
    sent = NERSentence(words=("harga", "cabai", "naik"), spans=())
    assert truecase(sent, lexicon).words == ("Harga", "cabai", "naik")
