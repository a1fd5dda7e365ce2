"""The actor rules' shared reads give what the per-token reads they replace gave: the
initials scan's pre-filter, and the countries inside a span kept per resolve call."""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.tokens import Doc

from warta.kb.gazetteer import match_at
from warta.resolve import actor_model, gazetteer
from warta.resolve.gazetteer import _letters, _listed_initials, _rank_ends_at

WORDS = ["saudara", "AS", "A.S.", "berinisial", "H", "CD", ",", "N", "dan", "S.", "tersangka",
         "RI", "Bripka", "DR", "Jakarta", "Amerika", "Serikat", "Jepang", "Ibu", "Ny", "ABCD",
         "É", "ÀB", "di", "Rusia", "Korea", "Selatan", ".", "Sdr"]


def _flat_initials(doc: Doc) -> set[int]:
    """``initials_tokens`` as it scanned every word before the pre-filter."""
    texts = [t.text for t in doc]
    lowers = [t.lower_ for t in doc]
    out: set[int] = set()
    for i, text in enumerate(texts):
        letters = _letters(text)
        if not (i and letters.isalpha() and letters.isupper() and len(letters) <= 3):
            continue
        prev = lowers[i - 1]
        cued = prev in gazetteer.HONORIFICS or prev in gazetteer.INITIALS_CUES \
            or _rank_ends_at(doc, i)
        if (cued and len(letters) >= 2) or prev in gazetteer.SPELLED_INITIALS_CUES:
            out.add(i)
            out.update(_listed_initials(texts, lowers, i + 1))
    return out


def _docs(n: int) -> list[Doc]:
    vocab = spacy.blank("id").vocab
    rng = random.Random(11)
    return [Doc(vocab, words=[rng.choice(WORDS) for _ in range(rng.randint(1, 25))])
            for _ in range(n)]


@pytest.mark.parametrize("doc", _docs(150))
def test_initials_prefilter_keeps_every_initial(doc: Doc) -> None:
    assert gazetteer.initials_tokens(doc) == _flat_initials(doc)


def test_initials_found_after_a_cue() -> None:
    doc = Doc(spacy.blank("id").vocab, words=["tersangka", "berinisial", "CD", ",", "N", "dan",
                                               "S.", "ditahan"])
    assert gazetteer.initials_tokens(doc) == {2, 4, 6}


@pytest.mark.parametrize("doc", _docs(80))
def test_countries_in_is_match_at_per_token(doc: Doc) -> None:
    ctx = actor_model.Context((), {}, 0.0)
    for start in range(len(doc)):
        for end in range(start + 1, min(len(doc), start + 5) + 1):
            flat = tuple(h[1].kb for h in (match_at(doc, i, end_limit=end)
                                           for i in range(start, end))
                         if h is not None and h[1].kind == "country")
            assert ctx.countries_in(doc, start, end) == flat
            assert ctx.countries_in(doc, start, end) == flat  # the kept answer too


def test_countries_in_a_name() -> None:
    doc = Doc(spacy.blank("id").vocab, words=["Kedutaan", "Besar", "Jepang", "di", "Jakarta"])
    assert actor_model.Context((), {}, 0.0).countries_in(doc, 0, 3) == ("JPN",)
