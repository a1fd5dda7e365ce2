"""Kinds of gold actors the actors stage missed (s13 amiss, issue 19), one test per kind, on
invented sentences: each asserts the actor the rules now find."""

from __future__ import annotations

import pytest
from actors_helpers import actor, blank_pipeline, with_persons


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


@pytest.mark.parametrize(("text", "person"), [
    ("Wali Kota Bogor, Ratu Intan Sari, mengatakan jembatan itu rampung.",
     "person:ratu-intan-sari"),
    ("Menteri Kehutanan Raja Antoni Wibisono meninjau hutan itu.",
     "person:raja-antoni-wibisono"),
])
def test_royal_word_after_a_domestic_office_opens_the_name(nlp, text: str, person: str) -> None:
    """"Ratu", "Raja", "Sultan" are also Indonesian given names: after the title of an office
    the holder is no queen or king, and the word is part of the name."""
    doc = with_persons(nlp, text)
    found = actor(doc, person)
    assert found.type == "PERSON"
    assert not any("queen" in r or "king" in r for r in found.roles)


def test_royal_word_after_a_foreign_title_stays_a_title(nlp) -> None:
    text = "Putra Mahkota Arab Saudi Pangeran Hamid bin Salim bertemu Raja Yordania."
    doc = with_persons(nlp, text, ("Pangeran Hamid bin Salim",))
    assert [a.name for a in doc._.actors if a.type == "PERSON"] == ["Hamid bin Salim"]
