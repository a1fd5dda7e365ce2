"""Places that act and places that are only where: the home capital, a region's level word, a
list after a time phrase, an office's region and a currency's country (invented text, the rules
alone: the decision model is not asked)."""

from __future__ import annotations

import pytest
from actors_helpers import blank_pipeline, ent_actor, with_persons

JAKARTA = "gpe:prov:dki-jakarta"


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


@pytest.mark.parametrize(
    "text",
    [
        "Warga Jakarta mengeluhkan banjir yang datang tiap tahun.",
        "Jakarta kembali menjadi kota termacet tahun ini.",
        "Anggaran banjir DKI Jakarta naik tahun depan.",
    ],
)
def test_home_capital_in_domestic_news_is_the_province(nlp, text: str) -> None:
    """Indonesian news calls its own state Indonesia, RI or "pemerintah": "Jakarta" and "DKI
    Jakarta" acting are the province, not Indonesia."""
    doc = with_persons(nlp, text)
    name = "DKI Jakarta" if "DKI Jakarta" in text else "Jakarta"
    assert ent_actor(doc, name) == JAKARTA
    assert "gpe:IDN" not in {a.id for a in doc._.actors}


def test_home_capital_beside_a_foreign_state_is_the_state(nlp) -> None:
    doc = with_persons(nlp, "Jakarta dan Kuala Lumpur sepakat memperkuat kerja sama sawit.")
    assert ent_actor(doc, "Jakarta") == "gpe:IDN"
    assert ent_actor(doc, "Kuala Lumpur") == "gpe:MYS"


def test_home_capital_as_a_place_stays_a_place(nlp) -> None:
    doc = with_persons(nlp, "Rapat itu digelar di Jakarta kemarin.")
    assert ent_actor(doc, "Jakarta") is None


def test_level_word_is_part_of_a_listed_region(nlp) -> None:
    """'Provinsi X, Y, dan Z' after a verb lists regions; the level word is no locative."""
    doc = with_persons(nlp, "Anggaran itu sudah disepakati Provinsi Riau, Jambi, dan Bengkulu.")
    assert all(ent_actor(doc, name) is not None for name in ("Riau", "Jambi", "Bengkulu"))


def test_level_word_after_a_locative_is_a_place(nlp) -> None:
    doc = with_persons(nlp, "Ia tinggal di Provinsi Riau, Jambi, dan Bengkulu.")
    assert all(ent_actor(doc, name) is None for name in ("Riau", "Jambi", "Bengkulu"))


def test_time_phrase_before_a_comma_is_no_address(nlp) -> None:
    """'dalam waktu dekat,' ends a time phrase; "dekat" is no locative of the region after it."""
    doc = with_persons(nlp, "Dalam waktu dekat, Riau akan melepas ekspor sawit.")
    assert ent_actor(doc, "Riau") is not None


def test_address_after_a_locative_stays_a_place(nlp) -> None:
    doc = with_persons(nlp, "Rapat digelar di Kantor Bupati, Riau, kemarin.")
    assert ent_actor(doc, "Riau") is None


def test_region_of_an_office_with_its_level_word_is_no_actor(nlp) -> None:
    """'Wali Kota Bogor': the title "Wali Kota" ends on the level word inside the region's span."""
    doc = with_persons(nlp, "Wali Kota Bogor Bima Arya meresmikan taman.", persons=("Bima Arya",))
    bogor = [e for e in doc.ents if e.label_ == "GPE" and "Bogor" in e.text]
    assert bogor and all(e._.actor is None for e in bogor)


@pytest.mark.parametrize(
    "text",
    ["Ekspor Januari mencapai 12 miliar dolar AS.", "Harga itu setara 40 dolar Singapura."],
)
def test_country_after_a_currency_word_is_no_actor(nlp, text: str) -> None:
    doc = with_persons(nlp, text)
    assert [e._.actor for e in doc.ents if e.label_ == "GPE"] == [None]
    assert not [a for a in doc._.actors if a.type == "GPE"]
