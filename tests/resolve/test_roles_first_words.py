"""The first-word sets the per-token scans test before asking for a title or a rank."""

from __future__ import annotations

import spacy

from warta.nlp.lang.id.titles import RANKS, TITLES
from warta.resolve import roles


def test_every_title_and_rank_opens_with_a_word_of_its_first_word_set():
    nlp = spacy.blank("id")
    for key in list(TITLES)[:400]:
        doc = nlp(key.title() + " Sukamaju Ahmad Rifai")
        found = roles.match_title(doc, 0)
        if found is not None:  # the tokenizer may split a title otherwise than its key
            assert doc[0].lower_ in roles.TITLE_FIRST, key
    for key in RANKS:
        assert key.split()[0] in roles.RANK_FIRST, key
    assert {key.split()[0] for key in TITLES} == roles.TITLE_FIRST


def test_a_word_outside_the_sets_opens_neither():
    doc = spacy.blank("id")("Warga Sukamaju bertemu Bupati Ahmad Rifai kemarin.")
    for i, token in enumerate(doc):
        if token.lower_ not in roles.TITLE_FIRST:
            assert roles.title_chain(doc, i) is None and roles.match_title(doc, i) is None
        if token.lower_ not in roles.RANK_FIRST:
            assert roles.match_rank(doc, i) is None
    assert roles.title_chain(doc, 3) is not None  # "Bupati" opens one
