"""Values several stages derive from one Doc are worked out once per Doc, never another's."""

from __future__ import annotations

import pickle

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from warta.nlp.extensions import doc_memo, doc_text
from warta.resolve import dates

TEXT = "Menteri itu tiba di Medan, Senin (13/10/2025). Ia bertemu warga kemarin."


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("id")


def test_doc_text_is_the_text_and_belongs_to_its_doc(blank):
    doc = blank(TEXT)
    assert doc_text(doc) == TEXT
    part = doc[:6].as_doc(copy_user_data=True)  # user_data copied: the memo must not follow
    assert doc_text(part) == part.text != TEXT
    assert doc_text(doc.copy()) == TEXT


def test_a_doc_with_a_memo_still_travels_as_bytes_and_pickles(blank):
    doc = blank(TEXT)
    doc_text(doc)
    back = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert back.text == TEXT and doc_text(back) == TEXT
    assert doc_text(pickle.loads(pickle.dumps(doc))) == TEXT


def test_the_report_day_is_worked_out_once_for_every_stage_that_asks(blank, monkeypatch):
    calls = []
    real = dates.report_date

    def counting(text: str):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(dates, "report_date", counting)
    doc = blank(TEXT)
    assert [dates.article_day(doc) for _ in range(3)] == [dates.parse_anchor("2025-10-13")] * 3
    assert len(calls) == 1  # the dates, quotes and events stages each asked (issue 20)
    doc._.published = "2025-10-20"  # another publication date: another answer, not the memo's
    assert dates.article_day(doc) == dates.parse_anchor("2025-10-20")


def test_memo_values_are_per_doc(blank):
    a, b = blank(TEXT), blank(TEXT)
    doc_memo(a)["x"] = 1
    assert "x" not in doc_memo(b)


def test_token_strings_are_the_tokens_and_read_once_per_doc(blank):
    from warta.nlp.extensions import span_text, token_lowers, token_spaces, token_texts

    doc = blank(TEXT)
    assert token_texts(doc) == [t.text for t in doc]
    assert token_lowers(doc) == [t.lower_ for t in doc]
    assert token_spaces(doc) == [t.whitespace_ for t in doc]
    assert token_texts(doc) is token_texts(doc)  # the stages share one list
    assert token_texts(doc.copy()) == token_texts(doc)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert span_text(doc, start, end) == doc[start:end].text


def test_token_strings_follow_a_retokenized_doc(blank):
    from warta.nlp.extensions import token_texts

    doc = blank(TEXT)
    assert token_texts(doc)[:2] == ["Menteri", "itu"]
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert token_texts(doc) == [t.text for t in doc]
    assert token_texts(doc)[0] == "Menteri itu"


def test_doc_text_keeps_every_space_and_line_break(blank):
    text = "  Menteri  itu tiba.\n\n\"Kami siap,\" katanya.\t Selesai.  \n"
    doc = blank(text)
    assert doc_text(doc) == doc.text == text


def test_span_actor_reads_what_span_underscore_reads(blank):
    from spacy.tokens import Span

    from warta.nlp.extensions import span_actor

    doc = blank("Menteri Retno Marsudi tiba di Medan kemarin.")
    person, place = Span(doc, 1, 3, label="PERSON"), Span(doc, 5, 6, label="GPE")
    person._.actor = "person:retno-marsudi"
    assert span_actor(person) == person._.actor == "person:retno-marsudi"
    # a Span made anew over the same tokens (as each ``doc.ents`` read makes) reads the same
    assert span_actor(Span(doc, 1, 3, label="PERSON")) == "person:retno-marsudi"
    assert span_actor(place) is None is place._.actor  # unset: the attribute's default
    assert span_actor(Span(doc, 1, 2)) is None  # another span over part of it: its own value


def test_set_span_actor_writes_what_span_underscore_reads(blank):
    """The actors stage writes every entity's actor without an ``Underscore`` object (issue 20,
    fourth round): ``span._.actor`` and a Span made anew over the same tokens read it."""
    from spacy.tokens import Span

    from warta.nlp import extensions
    from warta.nlp.extensions import set_span_actor, span_actor

    extensions.register()
    doc = blank("Menteri Retno Marsudi tiba di Medan kemarin.")
    person = Span(doc, 1, 3, label="PERSON")
    set_span_actor(person, "person:retno-marsudi")
    assert person._.actor == "person:retno-marsudi" == Span(doc, 1, 3)._.actor
    assert span_actor(person) == "person:retno-marsudi" and Span(doc, 1, 2)._.actor is None
    set_span_actor(Span(doc, 1, 3), None)  # an id taken back: the attribute's default again
    assert person._.actor is None


def test_the_word_lists_are_the_tokens_words(blank):
    """The memo's word lists come from the Doc's arrays (ORTH, LOWER, SPACY): they must be what
    the Token attributes give, for any casing and spacing, and follow a retokenized Doc."""
    from warta.nlp.extensions import span_text, token_lowers, token_spaces, token_texts

    for text in ["", "İstanbul  DAN ẞtraße,\n\nǄemal\t berkata . ", "x"]:
        doc = blank(text)
        assert token_texts(doc) == [t.orth_ for t in doc]
        assert token_lowers(doc) == [t.lower_ for t in doc]
        assert token_spaces(doc) == [t.whitespace_ for t in doc]
        assert span_text(doc, 0, len(doc)) == doc[0 : len(doc)].text
    doc = blank("Presiden Joko Widodo tiba.")
    assert len(token_texts(doc)) == 5
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[1:3])
    assert token_texts(doc) == ["Presiden", "Joko Widodo", "tiba", "."]
    assert token_lowers(doc)[1] == "joko widodo"
