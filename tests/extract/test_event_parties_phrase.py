"""What the noun a mention's phrase hangs under is (issue 19, s9, party round 7: targets
filled where the gold has none): a name inside the phrase of an office or a body's common
name stands for its holder ("pemerintah Malaysia"), a name modifying any other noun only says
whose the thing is ("pengungsi Malaysia": the refugees, no actor). Invented sentences with a
hand-set parse."""

from __future__ import annotations

import numpy
from events_helpers import build, lookup
from spacy.attrs import DEP, HEAD, POS
from spacy.tokens import Doc

from warta.extract import event_parties, events

MYS = "gpe:MYS"


def parsed(text: str, arcs: list[tuple[int, str]], verbs: tuple[int, ...] = ()) -> Doc:
    """``build``'s Doc with the parse set by hand: (head index, relation) per token."""
    doc = build(text)
    assert len(arcs) == len(doc), [t.text for t in doc]
    rows = [[(h - i) % 2**64, doc.vocab.strings.add(d),
             doc.vocab.strings.add("VERB" if i in verbs else "X")]
            for i, (h, d) in enumerate(arcs)]
    doc.from_array([HEAD, DEP, POS], numpy.array(rows, dtype="uint64"))
    return doc


def phrase_marks(doc: Doc, trigger: str, key: str) -> set[str]:
    seen: list[tuple[str, list[event_parties.PartyCandidate]]] = []
    events.candidates(doc, lookup=lookup,
                      observe=lambda t, _f, _s, cands: seen.append((t.text, cands)))
    cands = next(c for t, c in seen if t == trigger)
    return {f for c in cands if c.key == key for f in c.features if f.startswith("in_phrase")}


def test_a_name_modifying_a_common_noun_is_marked_so():
    doc = parsed("Prabowo mengunjungi pengungsi Malaysia.",
                 [(1, "nsubj"), (1, "ROOT"), (1, "obj"), (2, "nmod"), (1, "punct")], verbs=(1,))
    assert phrase_marks(doc, "mengunjungi", MYS) == {"in_phrase", "in_phrase=noun"}


def test_a_name_behind_an_office_stands_for_its_holder():
    doc = parsed("Prabowo mengecam pemerintah Malaysia.",
                 [(1, "nsubj"), (1, "ROOT"), (1, "obj"), (2, "nmod"), (1, "punct")], verbs=(1,))
    assert phrase_marks(doc, "mengecam", MYS) == {"in_phrase", "in_phrase=title"}


def test_a_name_heading_its_own_phrase_is_in_none():
    doc = parsed("Prabowo mengecam Malaysia.",
                 [(1, "nsubj"), (1, "ROOT"), (1, "obj"), (1, "punct")], verbs=(1,))
    assert phrase_marks(doc, "mengecam", MYS) == set()
