"""The party decision states why a candidate no parse arc joins to the trigger fills a side
(issue 19, s7, round 4): the trigger's clause leaves its subject or object unnamed, and the
candidate is the subject of the clause before, the quote's speaker, or the previous sentence's
object. Invented sentences with a hand-set parse; a hand-written tree file deciding on the new
features."""

from __future__ import annotations

import numpy
from events_helpers import build, lookup
from spacy.attrs import DEP, HEAD, POS
from spacy.tokens import Doc

from warta.extract import event_parties, events
from warta.extract.event_parties import LABELS, PartyModel, read_model
from warta.types import Quote

BUDI, MYS, KPK, PRB = "person:budi-santoso", "gpe:MYS", "org:kpk", "person:prabowo-subianto"
SLOT = ("subj_slot=", "obj_slot=", "subj_before", "last_subj", "prev_role=")


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


def slot_feats(doc: Doc, trigger: str) -> dict[str, set[str]]:
    seen: list[tuple[str, list[event_parties.PartyCandidate]]] = []
    events.candidates(doc, lookup=lookup,
                      observe=lambda t, _f, _s, cands: seen.append((t.text, cands)))
    cands = next(c for t, c in seen if t == trigger)
    return {c.key: {f for f in c.features if f.startswith(SLOT)} for c in cands}


# "Budi Santoso tiba di Jakarta. Kemudian mengunjungi Malaysia." (invented): the second
# sentence drops its subject, the first sentence's subject is the visitor
_DROPPED = ("Budi Santoso tiba di Jakarta. Kemudian mengunjungi Malaysia.",
            [(2, "nsubj"), (0, "flat:name"), (2, "ROOT"), (4, "case"), (2, "obl"),
             (2, "punct"), (7, "advmod"), (7, "ROOT"), (7, "obj"), (7, "punct")])


def test_a_dropped_subject_points_at_the_previous_sentences_subject():
    feats = slot_feats(parsed(*_DROPPED), "mengunjungi")
    assert {"subj_slot=none", "obj_slot=filled", "prev_role=nsubj", "subj_before",
            "last_subj", "subj_slot=none&last_subj", "subj_slot=none&pos=prev"} <= feats[BUDI]
    assert "subj_before" not in feats[MYS] and "last_subj" not in feats[MYS]
    assert "subj_slot=none&pos=right" in feats[MYS]


def test_a_subject_of_its_own_and_one_shared_with_the_clause_before():
    # "KPK mengunjungi Malaysia." (invented): the trigger names its own subject
    own = slot_feats(parsed("KPK mengunjungi Malaysia.",
                            [(1, "nsubj"), (1, "ROOT"), (1, "obj"), (1, "punct")]),
                     "mengunjungi")
    assert "subj_slot=noun" in own[KPK] and "subj_before" not in own[KPK]
    # "Budi Santoso tiba dan mengunjungi Malaysia." (invented): a conjunct shares the subject
    shared = slot_feats(parsed("Budi Santoso tiba dan mengunjungi Malaysia.",
                               [(2, "nsubj"), (0, "flat:name"), (2, "ROOT"), (4, "cc"),
                                (2, "conj"), (4, "obj"), (2, "punct")], verbs=(2, 4)),
                        "mengunjungi")
    assert {"subj_slot=shared", "subj_before", "last_subj"} <= shared[BUDI]
    assert "prev_role=nsubj" not in shared[BUDI]  # the same sentence


def test_a_target_the_clause_leaves_unnamed_is_the_previous_sentences_object():
    # "Polri memeriksa Budi Santoso. KPK kemudian menahan." (invented): no object in the
    # trigger's clause; the previous sentence's object is the one held
    doc = parsed("Polri memeriksa Budi Santoso. KPK kemudian menahan.",
                 [(1, "nsubj"), (1, "ROOT"), (1, "obj"), (2, "flat:name"), (1, "punct"),
                  (7, "nsubj"), (7, "advmod"), (7, "ROOT"), (7, "punct")])
    feats = slot_feats(doc, "menahan")
    assert {"obj_slot=open", "prev_role=obj", "obj_slot=open&prev_role=obj"} <= feats[BUDI]
    assert {"subj_slot=noun", "obj_slot=open&pos=left"} <= feats[KPK]
    assert "prev_role=nsubj" in feats["org:polri"]


def test_a_first_person_subject_inside_a_quote_marks_the_speaker():
    # '"Kami akan mengunjungi Malaysia," kata Prabowo.' (invented)
    text = '"Kami akan mengunjungi Malaysia," kata Prabowo.'
    doc = parsed(text, [(3, "punct"), (3, "nsubj"), (3, "aux"), (3, "ROOT"), (3, "obj"),
                        (3, "punct"), (3, "punct"), (3, "parataxis"), (7, "nsubj"),
                        (3, "punct")])
    content = "Kami akan mengunjungi Malaysia,"
    start = text.index(content)
    doc._.quotes = [Quote(doc.char_span(start, start + len(content)), "direct", PRB)]
    feats = slot_feats(doc, "mengunjungi")
    assert {"subj_slot=first", "subj_slot=first&quote_speaker"} <= feats[PRB]


def test_a_subject_slot_pronoun_split_from_its_clitic_is_the_speakers_side():
    doc = parsed("pihak nya mengunjungi Malaysia.",
                 [(2, "nsubj"), (0, "nmod:poss"), (2, "ROOT"), (2, "obj"), (2, "punct")])
    parse = event_parties._parse(doc)
    assert event_parties.subject_slot(doc, parse, [0, 3], None) == "first"
    assert event_parties.subject_slot(doc, parse, [], None) == "none"
    assert event_parties.subject_slot(doc, parse, [], doc[2]) == "shared"  # the verb's


def test_the_slot_crossings_are_read_from_the_crossed_features():
    # the slots are crossed with the features kept for the PLOVER crossing (read once)
    assert all(p.startswith(event_parties._CROSSED) for p in event_parties._SLOT_CROSSED)


def _trees(source: str) -> dict[str, object]:
    """A hand-written tree file: ``source`` makes a source, "obj_slot=filled&pos=right" a
    target."""
    target = "obj_slot=filled&pos=right"
    return {"kind": "trees", "labels": list(LABELS), "threshold": 0.3,
            "vocabulary": {source: 0, target: 1}, "none_bias": [-1.0, -1.0],
            "trees": [[[0, 0.5, -1.0]], [[0, -1.0, 3.0]], [[1, -1.0, [0, 3.0, -1.0]]]]}


def test_a_tree_model_takes_the_previous_sentences_subject_for_the_dropped_one():
    doc = parsed(*_DROPPED)
    rules = {(e.source, e.type, e.target) for e in events.extract_events(doc, lookup=lookup)}
    # no arc, no rule reaches Budi for the visit ("tiba" is an event of its own)
    assert (None, "CONSULT", MYS) in rules and (BUDI, "CONSULT", MYS) not in rules
    model = PartyModel(read_model(_trees("subj_slot=none&last_subj"), LABELS))
    got = {(e.source, e.type, e.target)
           for e in events.extract_events(doc, lookup=lookup, parties=model)}
    assert (BUDI, "CONSULT", MYS) in got
