"""The actors stage's gazetteer look-ups read the Doc's word lists (``token_texts``), not a
Token per word: the same answers, and a counting Doc sees no Token made for the first word
of each look-up (the old reads made one per token asked)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from warta.resolve import actor_model, actors

WORDS = ["Kementerian", "Luar", "Negeri", "Rusia", "menolak", "dilansir", "Daily", "Mail", "."]


class _TokenCountingDoc(Doc):
    """A Doc that counts the Token objects made for it with ``doc[i]``."""

    reads = 0

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, int):
            type(self).reads += 1
        return Doc.__getitem__(self, i)


def _doc() -> Doc:
    return _TokenCountingDoc(spacy.blank("id").vocab, words=WORDS,
                             spaces=[True] * 5 + [True, True, False, False])


def test_inner_country_and_countries_in_make_no_token_for_lowercase_words() -> None:
    doc = _doc()
    span = Span(doc, 4, 6)  # making the Span reads its tokens: before the count
    _TokenCountingDoc.reads = 0
    assert actors._inner_country(span) is None  # "menolak dilansir": no name
    assert actor_model.Context((), {}, 0.0).countries_in(doc, 4, 6) == ()
    assert _TokenCountingDoc.reads == 0


def test_the_countries_found_are_the_same() -> None:
    doc = _doc()
    assert actors._inner_country(Span(doc, 0, 4)) == "RUS"
    assert actor_model.Context((), {}, 0.0).countries_in(doc, 0, 4) == ("RUS",)


def test_an_outlet_is_read_from_the_word_lists() -> None:
    doc = _doc()
    cand = actor_model.Candidate("org:daily-mail", "Harian", "ORG", None, None,
                                 [Span(doc, 6, 8)])
    _TokenCountingDoc.reads = 0
    found = actor_model._outlet(cand)
    assert _TokenCountingDoc.reads == 0
    assert found is not None and found.country == "GBR"
