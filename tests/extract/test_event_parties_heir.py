"""A trigger with no subject of its own takes the subject of the clause it hangs under, at any
depth and across a speech verb (issue 19, s9, round 6: the parties outside the trigger's
clause): "Budi mengatakan sudah bertemu dengan Prabowo" — Budi met Prabowo, though Budi stands
outside the reported words and two clauses up. The candidate is marked ``heir_subj``.
Invented sentences with a hand-set parse; a hand-written tree file deciding on the mark."""

from __future__ import annotations

import numpy
from events_helpers import build, lookup
from spacy.attrs import DEP, HEAD, POS
from spacy.tokens import Doc

from warta.extract import event_parties, events
from warta.extract.event_parties import LABELS, PartyModel, read_model
from warta.types import Quote

BUDI, MYS, PRB = "person:budi-santoso", "gpe:MYS", "person:prabowo-subianto"


def parsed(text: str, arcs: list[tuple[int, str]], verbs: tuple[int, ...] = ()) -> Doc:
    """``build``'s Doc with the parse set by hand: (head index, relation) per token, the
    tokens ``verbs`` tagged VERB."""
    doc = build(text)
    assert len(arcs) == len(doc), [t.text for t in doc]
    rows = [[(h - i) % 2**64, doc.vocab.strings.add(d),
             doc.vocab.strings.add("VERB" if i in verbs else "X")]
            for i, (h, d) in enumerate(arcs)]
    doc.from_array([HEAD, DEP, POS], numpy.array(rows, dtype="uint64"))
    return doc


def quoted(doc: Doc, content: str, kind: str, speaker: str) -> Doc:
    start = doc.text.index(content)
    doc._.quotes = [Quote(doc.char_span(start, start + len(content)), kind, speaker)]
    return doc


def heirs(doc: Doc, trigger: str) -> dict[str, bool]:
    """Candidate key → whether it is marked as the subject the trigger inherits."""
    seen: list[tuple[str, list[event_parties.PartyCandidate]]] = []
    events.candidates(doc, lookup=lookup,
                      observe=lambda t, _f, _s, cands: seen.append((t.text, cands)))
    cands = next(c for t, c in seen if t == trigger)
    return {c.key: "heir_subj" in c.features for c in cands}


# "Budi Santoso mengatakan sudah bertemu dengan Prabowo." (invented): reported speech whose
# verb drops the subject it shares with the speech verb
_SAID = ("Budi Santoso mengatakan sudah bertemu dengan Prabowo.",
         [(2, "nsubj"), (0, "flat:name"), (2, "ROOT"), (4, "advmod"), (2, "ccomp"),
          (6, "case"), (4, "obl"), (2, "punct")])


def _said() -> Doc:
    return quoted(parsed(*_SAID, verbs=(2, 4)), "sudah bertemu dengan Prabowo", "indirect",
                  BUDI)


def test_the_speaker_is_the_dropped_subject_of_the_reported_verb():
    got = heirs(_said(), "bertemu")
    assert got[BUDI] and not got[PRB]


def test_the_subject_is_inherited_through_two_clauses():
    # "Budi Santoso mengatakan akan berusaha mengunjungi Malaysia." (invented): the visit
    # hangs under "berusaha", which hangs under "mengatakan"; only the latter has a subject
    doc = parsed("Budi Santoso mengatakan akan berusaha mengunjungi Malaysia.",
                 [(2, "nsubj"), (0, "flat:name"), (2, "ROOT"), (4, "aux"), (2, "ccomp"),
                  (4, "xcomp"), (5, "obj"), (2, "punct")], verbs=(2, 4, 5))
    assert heirs(doc, "mengunjungi") == {BUDI: True, MYS: False}


def test_a_relative_clause_passes_on_the_noun_it_is_said_of():
    # "Budi Santoso yang berencana mengunjungi Malaysia tiba." (invented): "yang" is the
    # subject of "berencana"; the one who plans is the noun the clause is said of
    doc = parsed("Budi Santoso yang berencana mengunjungi Malaysia tiba.",
                 [(7, "nsubj"), (0, "flat:name"), (3, "nsubj"), (0, "acl:relcl"),
                  (3, "xcomp"), (4, "obj"), (7, "ROOT"), (7, "punct")], verbs=(3, 4, 6))
    assert heirs(doc, "mengunjungi")[BUDI]


def test_a_first_person_subject_above_the_trigger_is_the_quotes_speaker():
    # '"Kami berencana mengunjungi Malaysia," kata Prabowo.' (invented)
    text = '"Kami berencana mengunjungi Malaysia," kata Prabowo.'
    doc = parsed(text, [(2, "punct"), (2, "nsubj"), (2, "ROOT"), (2, "xcomp"), (3, "obj"),
                        (2, "punct"), (2, "punct"), (2, "parataxis"), (7, "nsubj"),
                        (2, "punct")], verbs=(2, 3))
    doc = quoted(doc, "Kami berencana mengunjungi Malaysia,", "direct", PRB)
    got = heirs(doc, "mengunjungi")
    assert got[PRB] and not got[MYS]


def test_a_trigger_with_a_subject_of_its_own_inherits_none():
    # "Budi Santoso mengatakan Prabowo sudah mengunjungi Malaysia." (invented)
    doc = parsed("Budi Santoso mengatakan Prabowo sudah mengunjungi Malaysia.",
                 [(2, "nsubj"), (0, "flat:name"), (2, "ROOT"), (5, "nsubj"), (5, "advmod"),
                  (2, "ccomp"), (5, "obj"), (2, "punct")], verbs=(2, 5))
    assert not any(heirs(doc, "mengunjungi").values())


def test_a_newline_parsed_as_a_subject_is_no_subject():
    doc = parsed("Budi Santoso mengatakan\n\nsudah bertemu dengan Prabowo.",
                 [(2, "nsubj"), (0, "flat:name"), (2, "ROOT"), (2, "nsubj"), (5, "advmod"),
                  (2, "ccomp"), (7, "case"), (5, "obl"), (2, "punct")],
                 verbs=(2, 5))
    parse = event_parties._parse(doc)
    assert event_parties.inherited_subject(doc, parse, 5, [4, 7]) == 0  # Budi, not "\n\n"


def test_a_tree_model_takes_the_inherited_subject_as_the_source():
    doc = _said()
    rules = {(e.source, e.type, e.target) for e in events.extract_events(doc, lookup=lookup)}
    assert (BUDI, "CONSULT", PRB) not in rules
    trees = {"kind": "trees", "labels": list(LABELS), "threshold": 0.3,
             "vocabulary": {"heir_subj": 0, "case=right|target": 1},
             "none_bias": [-1.0, -1.0],
             "trees": [[[0, 0.5, -1.0]], [[0, -1.0, 3.0]], [[1, -1.0, 3.0]]]}
    model = PartyModel(read_model(trees, LABELS))
    got = {(e.source, e.type, e.target)
           for e in events.extract_events(doc, lookup=lookup, parties=model)}
    assert (BUDI, "CONSULT", PRB) in got
