"""The party decision reads the case frame of the trigger's lexicon row and the object slot's
pronoun (issue 19, s8, events v15): on invented sentences, what the preposition before a mention
makes of it (the row's own target prepositions, "oleh", "dari", a place or time), what a bare
name right after the trigger is by its voice and row, and a pronoun object ("dia", "-nya")
told from a noun object."""

from __future__ import annotations

import numpy
import pytest
from events_helpers import build, lookup
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc

from warta.extract import event_parties, events
from warta.extract.event_lexicon import Entry, Form

BUDI, MYS, KPK, RUS, UKR = ("person:budi-santoso", "gpe:MYS", "org:kpk", "gpe:RUS",
                            "gpe:UKR")
CASE = ("case=", "bare_next=")


def _form(voice: str, preps: str = "", flags: str = "") -> Form:
    entry = Entry("bantu", "AID", None, None, frozenset(p for p in preps.split(",") if p),
                  frozenset(f for f in flags.split(",") if f))
    return Form(("x",), voice, entry)  # type: ignore[arg-type]


@pytest.mark.parametrize(("prep", "form", "role"), [
    ("kepada", _form("nominal", "kepada,untuk"), "target"),  # "bantuan kepada X"
    ("untuk", _form("nominal", "kepada,untuk"), "target"),  # "bantuan dari X untuk Y"
    ("terhadap", _form("nominal"), "target"),  # any directed noun: "penahanan terhadap X"
    ("dengan", _form("intrans", "dengan"), "target"),  # "bertemu dengan X"
    ("dengan", _form("active"), "other"),  # a row that names no "dengan"
    ("oleh", _form("passive"), "agent"),  # "ditangkap oleh X"
    ("dari", _form("nominal"), "giver"),  # "bantuan dari X"
    ("dari", _form("active", flags="recv"), "giver"),  # "menerima bantuan dari X"
    ("dari", _form("active"), "from"),  # "menarik pasukan dari X"
    ("di", _form("active"), "setting"),  # "menangkap X di Y": where, not whom
    ("ke", _form("intrans", "ke"), "target"),  # "berkunjung ke X": the row names "ke"
    ("sejak", _form("active"), "setting"),
    ("none", _form("active"), "none"),
])
def test_the_case_role_of_a_preposition_follows_the_row(prep, form, role):
    assert event_parties.case_role(prep, form) == role


def case_feats(doc: Doc, trigger: str) -> dict[str, set[str]]:
    seen: list[tuple[str, list[event_parties.PartyCandidate]]] = []
    events.candidates(doc, lookup=lookup,
                      observe=lambda t, _f, _s, cands: seen.append((t.text.lower(), cands)))
    cands = next(c for t, c in seen if t == trigger)
    return {c.key: {f for f in c.features if f.startswith(CASE)} for c in cands}


def test_a_passive_agent_after_oleh_and_a_place_after_di():
    feats = case_feats(build("Rusia diserang oleh Ukraina di Malaysia."), "diserang")
    assert feats[UKR] == {"case=right|agent"}
    assert feats[MYS] == {"case=right|setting"}
    assert feats[RUS] == {"case=left|none"}


def test_a_bare_name_after_a_passive_is_its_agent():
    feats = case_feats(build("Rusia diserang Ukraina."), "diserang")
    assert feats[UKR] == {"case=right|none", "bare_next=agent"}


def test_a_bare_name_after_a_noun_is_its_patient_or_its_agent_as_the_row_says():
    # "tangkap" is a patient row (the name after "penangkapan" is the one arrested); the name
    # after "serangan" is the attacker, and "terhadap" marks the attacked
    feats = case_feats(build("Penangkapan Budi Santoso oleh KPK."), "penangkapan")
    assert feats[BUDI] == {"case=right|none", "bare_next=patient"}
    assert feats[KPK] == {"case=right|agent"}
    feats = case_feats(build("Serangan Rusia terhadap Ukraina."), "serangan")
    assert feats[RUS] == {"case=right|none", "bare_next=agent"}
    assert feats[UKR] == {"case=right|target"}


def test_the_case_features_are_the_nearest_mentions():
    # Ukraina named twice: the mention right after the trigger speaks for it, not the far one
    feats = case_feats(build("Rusia diserang Ukraina, kata Malaysia tentang Ukraina."),
                       "diserang")
    assert feats[UKR] == {"case=right|none", "bare_next=agent"}


def parsed(text: str, arcs: list[tuple[int, str]]) -> Doc:
    """``build``'s Doc with the parse set by hand: (head index, relation) per token."""
    doc = build(text)
    assert len(arcs) == len(doc), [t.text for t in doc]
    rows = [[(h - i) % 2**64, doc.vocab.strings.add(d)] for i, (h, d) in enumerate(arcs)]
    doc.from_array([HEAD, DEP], numpy.array(rows, dtype="uint64"))
    return doc


def _slots(doc: Doc, trigger: str) -> set[str]:
    seen: list[tuple[str, list[event_parties.PartyCandidate]]] = []
    events.candidates(doc, lookup=lookup,
                      observe=lambda t, _f, _s, cands: seen.append((t.text, cands)))
    cands = next(c for t, c in seen if t == trigger)
    return {f for c in cands for f in c.features if f.startswith("obj_slot=") and "&" not in f}


def test_a_pronoun_object_is_told_from_a_noun_object():
    # "... KPK menangkap dia.": the one arrested is named before, no arc joins it
    pronoun = parsed("Budi Santoso tiba di Malaysia. KPK menangkap dia.",
                     [(2, "nsubj"), (0, "flat:name"), (2, "ROOT"), (4, "case"), (2, "obl"),
                      (2, "punct"), (7, "nsubj"), (7, "ROOT"), (7, "obj"), (7, "punct")])
    assert _slots(pronoun, "menangkap") == {"obj_slot=pron"}
    noun = parsed("KPK menangkap Budi Santoso.",
                  [(1, "nsubj"), (1, "ROOT"), (1, "obj"), (2, "flat:name"), (1, "punct")])
    assert _slots(noun, "menangkap") == {"obj_slot=filled"}
