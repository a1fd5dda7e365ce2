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


def test_parent_closing_a_known_units_name_is_an_actor(nlp) -> None:
    """"Bareskrim Polri" names the unit and the body it belongs to; the reader counts both
    (docs/annotation.md, "a named sub-unit"), while "Bank Indonesia" stays one body."""
    doc = with_persons(nlp, "Penyidik Bareskrim Polri menangkap dua tersangka di Bogor. "
                            "Bank Indonesia menaikkan suku bunga.")
    ids = {a.id for a in doc._.actors}
    assert {"org:bareskrim", "org:polri", "org:bi"} <= ids
    assert "gpe:IDN" not in ids


def test_numbered_working_body_of_a_parliament_is_a_body(nlp) -> None:
    """A parliament's special committees are named by number ("Pansus III") or by their task,
    with no NER span over them; one written with and without its task is one body."""
    text = ("Pansus II membahas raperda itu, sedangkan Pansus III membahas pajak daerah. "
            "Rapat Pansus Hak Angket KPK digelar kemarin; anggota Pansus KPK meminta dokumen.")
    doc = with_persons(nlp, text)
    names = {a.name for a in doc._.actors if a.type == "ORG"}
    assert {"Pansus II", "Pansus III", "Pansus Hak Angket KPK"} <= names
    assert "Pansus KPK" not in names


def test_police_unit_before_its_regional_police_is_the_unit(nlp) -> None:
    """"Ditsiber Polda Sulteng": a regional police's directorate is written as a glued short
    word before the Polda's name; the NER tagging only "Polda" does not cut it off."""
    doc = with_persons(nlp, "Penyidik Ditsiber Polda Sulteng menangkap pelaku penipuan.",
                       others=(("Polda", "ORG"),))
    assert "Ditsiber Polda Sulteng" in {e.text for e in doc.ents}


@pytest.mark.parametrize(("text", "tagged", "person", "body"), [
    ("Rudi Hartono Warehouse Manager PT Sinar Jaya mengatakan stok aman.",
     "Rudi Hartono Warehouse", "Rudi Hartono", None),
    ("Founder Greenloop Nusantara, Dewi Lestari, mengatakan sampah plastik meningkat.",
     "Founder Greenloop Nusantara", "Dewi Lestari", "Greenloop Nusantara"),
])
def test_english_company_office_is_no_part_of_a_name(nlp, text: str, tagged: str,
                                                     person: str, body: str | None) -> None:
    """Indonesian news writes company offices in English ("Warehouse Manager", "Founder")
    right next to a name: closing a person span the office is cut off, opening it the rest
    is the body the office belongs to."""
    doc = with_persons(nlp, text, (tagged, "Dewi Lestari"))
    persons = {a.name for a in doc._.actors if a.type == "PERSON"}
    assert person in persons and tagged not in persons
    if body is not None:
        assert body in {a.name for a in doc._.actors if a.type == "ORG"}


def test_body_head_tagged_a_place_with_its_number_is_the_body(nlp) -> None:
    """"[Kodim] 0701": the model took a military district's head word alone for a place; the
    head with its number is the body."""
    doc = with_persons(nlp, "Prajurit Kodim 0712 membantu warga membersihkan sungai.",
                       others=(("Kodim", "LOC"),))
    assert [(e.text, e.label_) for e in doc.ents] == [("Kodim 0712", "ORG")]
