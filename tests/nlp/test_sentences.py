"""Sentence repair after the parser, on hand-built parsed Docs (no model needed)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from warta.nlp.sentences import fix_sentences


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("id").vocab


def _sents(doc: Doc) -> list[str]:
    return [s.text for s in doc.sents]


def test_fragment_starting_with_comma_is_merged(vocab):
    # parser output with a dateline cut off: "JAKARTA" | ", KOMPAS.com - Banjir surut ."
    words = ["JAKARTA", ",", "KOMPAS.com", "-", "Banjir", "surut", "."]
    heads = [0, 5, 5, 2, 5, 5, 5]
    deps = ["ROOT", "punct", "nsubj", "punct", "nsubj", "ROOT", "punct"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps)
    assert len(_sents(doc)) == 2
    fix_sentences(doc)
    assert _sents(doc) == ["JAKARTA , KOMPAS.com - Banjir surut ."]
    assert doc[5].head.i == 0 and doc[5].dep_ == "parataxis"


def test_closing_quote_stays_with_its_sentence(vocab):
    words = ['"', "Kami", "siap", ".", '"', "Ia", "pergi", "."]
    # parser put the closing quote at the start of the second sentence
    heads = [2, 2, 2, 2, 6, 6, 6, 6]
    deps = ["punct", "nsubj", "ROOT", "punct", "punct", "nsubj", "ROOT", "punct"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps)
    fix_sentences(doc)
    assert _sents(doc) == ['" Kami siap . "', "Ia pergi ."]


def test_run_on_after_quoted_sentence_end_is_cut(vocab):
    words = ["“", "Kami", "siap", ".", "”", "Mereka", "pulang", "."]
    heads = [2, 2, 2, 2, 2, 6, 2, 2]  # one tree spanning both sentences
    deps = ["punct", "nsubj", "ROOT", "punct", "punct", "nsubj", "parataxis", "punct"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps)
    fix_sentences(doc)
    assert _sents(doc) == ["“ Kami siap . ”", "Mereka pulang ."]
    for sent in doc.sents:
        assert sum(1 for t in sent if t.head.i == t.i) == 1


def test_ordinary_sentences_are_left_alone(vocab):
    words = ["Budi", "pergi", ".", "Siti", "pulang", "."]
    heads = [1, 1, 1, 4, 4, 4]
    deps = ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps)
    fix_sentences(doc)
    assert _sents(doc) == ["Budi pergi .", "Siti pulang ."]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["Siapa", "dia", "?", "Budi", "diam", "."], ["Siapa dia ?", "Budi diam ."]),
        (["Ia", "pulang", ".", "Siti", "pergi", "."], ["Ia pulang .", "Siti pergi ."]),
        # a lone period after a short title-case token is an unlisted abbreviation
        (["oleh", "Tb", ".", "Atet", "kemarin", "."], ["oleh Tb . Atet kemarin ."]),
        # lower-case continuation: no cut
        (["harga", "naik", ".", "dan", "turun", "."], ["harga naik . dan turun ."]),
    ],
)
def test_missed_sentence_end_is_cut(vocab, words, expected):
    heads = [1] * len(words)  # one flat tree headed by the second word
    deps = ["dep"] * len(words)
    deps[1] = "ROOT"
    doc = Doc(vocab, words=words, heads=heads, deps=deps)
    fix_sentences(doc)
    assert _sents(doc) == expected


def test_lower_case_word_after_a_name_continues_the_sentence(vocab):
    # parser output: "Amerika Serikat" | "dan Inggris menyerang ." | "kemudian" after "." stays
    words = ["Amerika", "Serikat", "dan", "Inggris", "menyerang", ".", "Iran", "mengecam", "."]
    heads = [0, 0, 3, 4, 4, 4, 7, 7, 7]
    deps = ["ROOT", "flat", "cc", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps)
    assert len(_sents(doc)) == 3
    fix_sentences(doc)
    assert _sents(doc) == ["Amerika Serikat dan Inggris menyerang .", "Iran mengecam ."]


def test_lower_case_word_after_a_sentence_end_or_line_break_may_start(vocab):
    words = ["Hujan", "turun", ".", "lalu", "reda", "\n", "kemarin", "cerah"]
    spaces = [True, False, True, True, False, False, True, False]
    heads = [1, 1, 1, 4, 4, 4, 7, 7]
    deps = ["nsubj", "ROOT", "punct", "advmod", "ROOT", "dep", "nsubj", "ROOT"]
    doc = Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    fix_sentences(doc)
    assert len(_sents(doc)) == 3
