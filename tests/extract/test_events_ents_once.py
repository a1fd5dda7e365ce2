"""The events stage reads a Doc's entities once per ``candidates`` call (tenth round):
``doc.ents`` builds a new tuple of new Spans at every read."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from warta.extract import events


class _EntsCountingDoc(Doc):
    """A Doc that counts its ``doc.ents`` reads."""

    reads = 0

    @property
    def ents(self):  # type: ignore[no-untyped-def, override]
        type(self).reads += 1
        return Doc.ents.__get__(self)

    @ents.setter
    def ents(self, value) -> None:  # type: ignore[no-untyped-def]
        Doc.ents.__set__(self, value)


WORDS = ["Polisi", "menangkap", "Budi", "Santoso", "di", "Bandung", ".", "Rina", "menolak",
         "tuduhan", "itu", "."]


def _doc() -> _EntsCountingDoc:
    doc = _EntsCountingDoc(spacy.blank("id").vocab, words=WORDS,
                           sent_starts=[True, *[False] * 6, True, *[False] * 4])
    doc.ents = [Span(doc, 2, 4, label="PERSON"), Span(doc, 5, 6, label="LOC"),
                Span(doc, 7, 8, label="PERSON")]
    return doc


def test_candidates_read_the_entities_once() -> None:
    doc = _doc()
    _EntsCountingDoc.reads = 0
    events.candidates(doc)
    assert _EntsCountingDoc.reads == 1


def test_triggers_given_the_entities_are_the_triggers_read_from_the_doc() -> None:
    doc = _doc()
    found = [(t.start, t.end, f) for t, f in events.match_triggers(doc)]
    assert 1 in {start for start, _, _ in found}  # "menangkap": a lexicon word outside them
    given = [(t.start, t.end, f) for t, f in events.match_triggers(doc, ents=tuple(doc.ents))]
    assert given == found
    doc.ents = [Span(doc, 1, 2, label="ORG")]  # an entity over "menangkap" hides the match
    assert 1 not in {t.start for t, _ in events.match_triggers(doc, ents=tuple(doc.ents))}
