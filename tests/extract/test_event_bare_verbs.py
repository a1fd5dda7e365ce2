"""Lexicon verbs written without meN-: after a first-person pronoun agent ("kasus ini akan kami
selidiki") and as the speech tag after a quote ('…," sindir Prabowo'), on invented sentences."""

from __future__ import annotations

import pytest
from events_helpers import build, lookup

from warta.extract.event_lexicon import bare_verb
from warta.extract.events import extract_events, match_triggers

PRB = "person:prabowo-subianto"


def _matches(text: str) -> list[tuple[str, str, str]]:
    return [(span.text, form.entry.type, form.voice) for span, form in match_triggers(build(text))]


@pytest.mark.parametrize(("word", "lemma"), [
    ("selidiki", "selidik"),  # -i stands for meN-i: "menyelidiki"
    ("sepakati", "sepakat"),
    ("sindir", "sindir"),  # the bare stem for meN-: "menyindir"
    ("tolak", "tolak"),
])
def test_a_bare_stem_is_the_lexicons_active_verb(word: str, lemma: str) -> None:
    found = bare_verb(word)
    assert found is not None and found.entry.lemma == lemma and found.voice == "active"


def test_a_word_the_lexicon_lists_or_lacks_is_no_bare_verb() -> None:
    assert bare_verb("menolak") is None  # a lexicon form: the ordinary matcher's
    assert bare_verb("meja") is None


@pytest.mark.parametrize(("text", "expected"), [
    ('"Kasus ini akan terus kami selidiki," kata Budi Santoso.',
     [("selidiki", "ACCUSE", "active")]),
    ("Kita sepakati harga itu dengan Malaysia.", [("sepakati", "AGREE", "active")]),
    ('"Usahanya tidak maksimal," sindir Prabowo.', [("sindir", "ACCUSE", "passive")]),
])
def test_a_verb_without_men_is_matched_where_indonesian_drops_it(
        text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _matches(text) == expected


@pytest.mark.parametrize("text", [
    "Tolak semua usulan itu.",  # an imperative with no pronoun agent
    'Ia berkata, "tolak semua usulan itu."',  # a quote's first word, no name after it
    "Kami menolak usulan itu dengan tegas.",  # the prefixed form, matched once as usual
])
def test_a_bare_stem_elsewhere_is_not_a_trigger(text: str) -> None:
    assert [m for m in _matches(text) if m[0].lower() == "tolak"] == []


def test_the_speech_tags_speaker_is_the_source() -> None:
    text = '"Malaysia tidak serius menangani kasus itu," sindir Prabowo.'
    assert (PRB, "ACCUSE") in {(e.source, e.type) for e in extract_events(build(text),
                                                                        lookup=lookup)}
