"""A body's name runs on over the country, region or parent body it belongs to (gazetteer v8:
``span_repairs.join_body_places``, ``gazetteer._gaz_wins``): invented sentences, the NER's
spans set by hand."""

from __future__ import annotations

import pytest
from actors_helpers import blank_pipeline, with_persons


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


def _ents(doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_a_foreign_ministry_is_that_country_s_body(nlp) -> None:
    doc = with_persons(nlp, "Kementerian Luar Negeri Rusia menolak tuduhan itu pada Senin.",
                       others=(("Kementerian Luar Negeri", "ORG"), ("Rusia", "GPE")))
    assert ("Kementerian Luar Negeri Rusia", "ORG") in _ents(doc)
    body = next(a for a in doc._.actors if a.name == "Kementerian Luar Negeri Rusia")
    assert body.country == "RUS"  # not the Indonesian ministry the gazetteer knows


def test_a_regional_directorate_keeps_its_province(nlp) -> None:
    text = "Direktorat Reserse Narkoba Polda Jawa Tengah menangkap dua orang di Semarang."
    doc = with_persons(nlp, text, others=(("Direktorat Reserse Narkoba Polda", "ORG"),
                                          ("Jawa Tengah", "GPE")))
    assert ("Direktorat Reserse Narkoba Polda Jawa Tengah", "ORG") in _ents(doc)


def test_a_portfolio_list_then_its_country(nlp) -> None:
    text = "Forum itu digelar Kementerian Industri, Perdagangan dan Investasi Laos pekan lalu."
    doc = with_persons(nlp, text, others=(
        ("Kementerian Industri, Perdagangan dan Investasi", "ORG"), ("Laos", "GPE")))
    assert ("Kementerian Industri, Perdagangan dan Investasi Laos", "ORG") in _ents(doc)


@pytest.mark.parametrize(("text", "others", "kept"), [
    # a gazetteer body and its own country: the body the gazetteer knows
    ("Kementerian Luar Negeri Indonesia membantah kabar itu.",
     (("Kementerian Luar Negeri", "ORG"), ("Indonesia", "GPE")), "Kementerian Luar Negeri"),
    # no body's head word opens the name: the NER's two spans stand
    ("Perusahaan itu, Sinar Jaya Malaysia, membantah.",
     (("Sinar Jaya", "ORG"), ("Malaysia", "GPE")), "Sinar Jaya"),
])
def test_a_place_stays_apart(nlp, text, others, kept) -> None:
    doc = with_persons(nlp, text, others=others)
    assert (kept, "ORG") in _ents(doc)


@pytest.mark.parametrize(("text", "ner", "body"), [
    # the parent body closes a sub-body's name: the NER tagged only the parent
    ("Anggota Komisi IX DPR RI menolak usulan itu.", "DPR RI", "Komisi IX DPR RI"),
    ("Fraksi Golkar menolak usulan itu pada rapat paripurna.", "Golkar", "Fraksi Golkar"),
])
def test_a_body_named_after_its_parent_is_one_body(nlp, text, ner, body) -> None:
    doc = with_persons(nlp, text, others=((ner, "ORG"),))
    assert (body, "ORG") in _ents(doc)
    assert (ner, "ORG") not in _ents(doc)


def test_a_building_named_after_a_body_is_no_body(nlp) -> None:
    doc = with_persons(nlp, "Warga berkumpul di Kantor Dinas Pangan Bima sejak pagi.",
                       others=(("Dinas Pangan Bima", "ORG"),))
    assert ("Dinas Pangan Bima", "ORG") in _ents(doc)
