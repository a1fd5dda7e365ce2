"""The events stage reads a Doc's entities once per ``candidates`` call (tenth round):
``doc.ents`` builds a new tuple of new Spans at every read."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from warta.extract import events
from warta.nlp.extensions import set_span_actor


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


def test_candidates_with_the_party_model_read_the_entities_once() -> None:
    """The trigger features' actor kinds (events v16) come from the entities ``candidates``
    read, not from another ``doc.ents`` (eleventh round)."""
    model = events._parties_model("")
    assert model is not None  # the shipped model: the trigger features are asked
    asked: list[int] = []
    real = events.why_features

    def spy(doc, trigger, form, sent):  # type: ignore[no-untyped-def]
        asked.append(trigger.start)
        return real(doc, trigger, form, sent)

    doc = _doc()
    _EntsCountingDoc.reads = 0
    events.why_features = spy  # type: ignore[assignment]
    try:
        events.candidates(doc, parties=model)
    finally:
        events.why_features = real  # type: ignore[assignment]
    assert asked  # the kinds were read
    assert _EntsCountingDoc.reads == 1


def test_actor_kinds_from_the_read_entities_are_those_of_the_doc() -> None:
    doc = _doc()
    events.candidates(doc, parties=events._parties_model(""))
    given = events._actor_kinds(doc)
    events.doc_memo(doc).pop(events._KINDS)
    assert events._actor_kinds(doc) == given  # read again from doc.ents
    assert given == ({2: "name", 3: "name", 5: "place", 7: "name"}, [2, 3, 5, 7])


class _TokenCountingDoc(Doc):
    """A Doc that counts the Token objects made for it with ``doc[i]``."""

    reads = 0

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, int):
            type(self).reads += 1
        return Doc.__getitem__(self, i)


def test_collect_mentions_reads_the_words_before_a_mention_from_the_lists() -> None:
    """A title or currency word before a mention, and what joins a titled body to a person,
    come from the Doc's word lists (eleventh round): no Token beyond those ``doc.ents`` makes."""
    words = ["Menteri", "Luar", "Negeri", "AS", "Antony", "Blinken", "dan", "Ketua", "MPR", ",",
             "Ahmad", "Muzani", "membeli", "dolar", "AS", "."]
    doc = _TokenCountingDoc(spacy.blank("id").vocab, words=words)
    doc.ents = [Span(doc, 3, 4, "GPE"), Span(doc, 4, 6, "PERSON"), Span(doc, 8, 9, "ORG"),
                Span(doc, 10, 12, "PERSON"), Span(doc, 14, 15, "GPE")]
    for ent, actor in zip(doc.ents, ["gpe:as", "person:antony-blinken", "org:mpr",
                                     "person:ahmad-muzani", "gpe:as"], strict=True):
        set_span_actor(ent, actor)
    events.collect_mentions(doc)  # the word lists, read once per Doc
    _TokenCountingDoc.reads = 0
    assert doc.ents
    by_ents = _TokenCountingDoc.reads
    _TokenCountingDoc.reads = 0
    ctx = events.collect_mentions(doc)
    # "AS" before Blinken is his title, "MPR ," a titled body apposed, "dolar AS" a currency
    assert [(m.start, m.end) for m in ctx.mentions] == [(4, 6), (10, 12)]
    assert ctx.modifiers == {3, 8, 14}
    assert _TokenCountingDoc.reads == by_ents


def test_the_stage_reads_the_entities_once_for_events_and_places() -> None:
    """The events stage hands the entities it read to the events and the places (eleventh
    round): one ``doc.ents`` per Doc; the places found are those read from the Doc."""
    stage = events.EventsStage(spacy.blank("id"), "events", parties_model="none")
    words = ["Polisi", "menangkap", "Budi", "di", "Bandung", ".", "Rina", "tiba", "di",
             "Surabaya", "."]
    doc = _EntsCountingDoc(spacy.blank("id").vocab, words=words,
                           sent_starts=[True, *[False] * 5, True, *[False] * 4])
    doc.ents = [Span(doc, 2, 3, label="PERSON"), Span(doc, 4, 5, label="LOC"),
                Span(doc, 9, 10, label="LOC")]
    _EntsCountingDoc.reads = 0
    stage(doc)
    assert _EntsCountingDoc.reads == 1
    assert [p.name for p in doc._.places] == ["Bandung", "Surabaya"]
    assert [p.name for p in events.places.extract_places(doc)] == ["Bandung", "Surabaya"]
