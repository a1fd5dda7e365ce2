"""The repairs of the model's spans as a declared, named list that ablation can switch off."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.tokens import Doc
from spacy.util import filter_spans

from warta.errors import ConfigError
from warta.resolve import gazetteer, span_repairs
from warta.resolve.span_repairs import PERSON_CHECKS, REPAIRS, check_repair_names, repair


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    return nlp


def _doc(nlp, text: str, ents: list[tuple[str, str]]) -> Doc:
    """The text with ``ents`` (surface, label) set by hand, standing in for the trained NER."""
    doc = nlp(text)
    spans = [doc.char_span(m.start(), m.end(), label=label)
             for name, label in ents for m in re.finditer(re.escape(name), text)]
    doc.ents = filter_spans([s for s in spans if s is not None])
    return doc


def _spans(ents) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in ents]


def test_the_default_repairs_are_the_declared_list_in_order():
    assert [name for name, _ in REPAIRS] == [
        "cut_at_line_breaks", "drop_openers", "cut_numbering", "cut_trailing_rank",
        "body_heads", "building_bodies", "body_lists", "split_at_inner_rank",
        "ranks_across_spans", "split_place_heads", "split_holders", "split_brackets",
        "join_person_parts", "split_titled", "trim_person", "retype", "ranked_person",
        "titled_person", "check_person", "extend_person", "head_before_name", "bare_title",
        "phrase_short_form"]
    assert [name for name, _ in PERSON_CHECKS] == [
        "not_capitalised", "inside_title", "nominalisation", "common_opener", "exclamation",
        "hortative", "numbering", "defined_abbreviation", "holds_body", "english_office",
        "org_prefix", "org_word", "cut_at_office", "after_locative", "lower_tail"]


@pytest.mark.parametrize(("text", "ents", "disabled", "repaired", "without"), [
    ("Pejabat Komisi Penyiaran Lestari (KPL) datang ke kantor kami.",
     [("Komisi Penyiaran Lestari (KPL)", "ORG")], "split_brackets",
     [("Komisi Penyiaran Lestari", "ORG"), ("KPL", "ORG")],
     [("Komisi Penyiaran Lestari (KPL)", "ORG")]),
    ("Alhamdulillah, semuanya selamat kata warga.", [("Alhamdulillah", "PERSON")],
     "check_person.exclamation", [], [("Alhamdulillah", "PERSON")]),
    ("Warga Desa Cemagi berkumpul di balai.", [("Cemagi", "PERSON")],
     "check_person.after_locative", [("Cemagi", "LOC")], [("Cemagi", "PERSON")]),
    ("Warga Desa Cemagi berkumpul di balai.", [("Cemagi", "PERSON")],
     "check_person", [("Cemagi", "LOC")], [("Cemagi", "PERSON")]),
    # issue 19: "Fahri geram" became an actor of its own and took Fahri's quotes
    ("Wirawan geram karena namanya disebut.", [("Wirawan geram", "PERSON")],
     "check_person.lower_tail", [("Wirawan", "PERSON")], [("Wirawan geram", "PERSON")]),
    ("Wirawan dan adiknya datang.", [("Wirawan dan adiknya", "PERSON")],
     "check_person.lower_tail", [("Wirawan", "PERSON")], [("Wirawan dan adiknya", "PERSON")]),
])
def test_disabling_a_repair_leaves_its_fix_out(blank, text, ents, disabled, repaired, without):
    doc = _doc(blank, text, ents)
    assert _spans(repair(doc)) == repaired
    assert _spans(repair(doc, disabled={disabled})) == without


def test_the_gazetteer_stage_takes_disabled_repairs_from_its_config(blank):
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(gazetteer.FACTORY, name="gazetteer",
                 config={"disabled_repairs": ["check_person.exclamation"]})
    doc = _doc(blank, "Alhamdulillah, semuanya selamat kata warga.", [("Alhamdulillah", "PERSON")])
    assert _spans(nlp.get_pipe("gazetteer")(doc).ents) == [("Alhamdulillah", "PERSON")]


@pytest.mark.parametrize("name", ["Ahmad bin Salim", "Ludwig van Beethoven", "Saleh al"])
def test_particles_of_a_name_stay(blank, name: str) -> None:
    doc = _doc(blank, f"Kemarin {name} datang ke kantor kami.", [(name, "PERSON")])
    assert _spans(repair(doc)) == [(name, "PERSON")]


def test_an_unknown_repair_name_is_refused():
    with pytest.raises(ConfigError, match="E023 unknown repair 'split_holder'"):
        check_repair_names(["split_holder"])
    check_repair_names(span_repairs.repair_names())  # every declared name is accepted


def test_only_body_openers_open_a_body(blank):
    """``BODY_OPENERS`` is the pre-filter the gazetteer stage tests at every token before
    asking ``opens_body``: a word outside it must open no body, whatever follows it."""
    from warta.nlp.lang.id.org_patterns import GOVERNMENT_HEAD, ORG_HEAD_PAIRS, ORG_PREFIXES

    heads = sorted({*ORG_PREFIXES, *(a for a, _ in ORG_HEAD_PAIRS), GOVERNMENT_HEAD})
    seconds = [*sorted({b for _, b in ORG_HEAD_PAIRS}), "Sukamaju", "Jepang", "itu"]
    words = [*heads, *seconds, "Warga", "pemerintahan", "Rumah", "Pondok", "rapat"]
    for first in words:
        for second in seconds:
            doc = blank(f"{first.capitalize()} {second} baru")
            if span_repairs.opens_body(doc, 0) is not None:
                assert doc[0].lower_ in span_repairs.BODY_OPENERS, (first, second)
    assert {"rumah", "pondok", GOVERNMENT_HEAD} <= span_repairs.BODY_OPENERS
    assert span_repairs.opens_body(blank("Rumah Sakit Harapan"), 0) == 2
    assert "rumah" not in ORG_PREFIXES  # a pair's head alone: the set must still hold it


@pytest.mark.parametrize(("text", "ents", "repaired"), [
    # the building word is where; the body after it is an actor of its own
    ("Warga berdemo di depan kantor KPPD Sukamaju kemarin.",
     [("kantor KPPD Sukamaju", "LOC")],
     [("KPPD Sukamaju", "ORG")]),
    ("Mereka bertemu di Kantor Kementerian Urusan Desa pagi ini.",
     [("Kantor Kementerian Urusan Desa", "LOC")], [("Kementerian Urusan Desa", "ORG")]),
    # a building with a name of its own stays a place
    ("Mereka bertemu di Gedung Sate pagi ini.", [("Gedung Sate", "LOC")],
     [("Gedung Sate", "LOC")]),
])
def test_the_body_a_building_is_named_after_is_an_org(blank, text, ents, repaired):
    doc = _doc(blank, text, ents)
    assert _spans(repair(doc)) == repaired
    assert _spans(repair(doc, disabled={"building_bodies"})) == ents


@pytest.mark.parametrize(("text", "ents", "repaired"), [
    ("Kemarin Pemkot Sukamaju menutup pasar.", [("Sukamaju", "PERSON")],
     [("Pemkot Sukamaju", "ORG")]),
    ("Anggota Perkumpulan Tani Makmur berkumpul.", [("Tani Makmur", "PERSON")],
     [("Perkumpulan Tani Makmur", "ORG")]),
    # the head word alone tagged PERSON is no person
    ("Kemarin Polda Sulawesi Raya menangkap dua orang.",
     [("Polda", "PERSON"), ("Sulawesi Raya", "GPE")], [("Sulawesi Raya", "GPE")]),
    # a person after a title that runs over the head keeps their name
    ("Kepala Dinas Budi Santoso datang.", [("Budi Santoso", "PERSON")],
     [("Budi Santoso", "PERSON")]),
])
def test_a_name_right_after_a_body_head_names_the_body(blank, text, ents, repaired):
    doc = _doc(blank, text, ents)
    assert _spans(repair(doc, disabled={"check_person"})) == repaired


def test_a_title_after_dan_ends_a_bodys_portfolio_list(blank):
    """'Dewan Keamanan dan Sekretaris Jenderal PBB': a second subject, not a portfolio item;
    'Kementerian Energi dan Sumber Daya Mineral' goes on over its list."""
    doc = blank("Dewan Keamanan dan Sekretaris Jenderal PBB menyatakan keprihatinan.")
    assert span_repairs.body_list_end(doc, 2) == 2
    doc = blank("Kementerian Energi dan Sumber Daya Mineral menyatakan.")
    assert span_repairs.body_list_end(doc, 2) == 6
