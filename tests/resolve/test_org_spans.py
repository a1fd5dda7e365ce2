"""Organisation spans the NER cuts apart (gazetteer v12, v13: ``span_repairs.join_party_boards``,
``span_repairs.join_bracketed_acronyms``; actors v18: the name without its bracketed short
form, the short form linked): invented sentences, the NER's spans set by hand."""

from __future__ import annotations

import pytest
from actors_helpers import blank_pipeline, ent_actor, with_persons


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


def _ents(doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def _names(doc) -> set[str]:
    return {a.name for a in doc._.actors}


def test_a_party_board_is_one_body_with_its_party_and_region(nlp) -> None:
    doc = with_persons(nlp, "Ketua DPD II Golkar Makassar menolak usulan itu pada Senin.",
                       others=(("Golkar", "ORG"), ("Makassar", "GPE")))
    assert ("DPD II Golkar Makassar", "ORG") in _ents(doc)
    assert "DPD II Golkar Makassar" in _names(doc)
    assert "Partai Golkar" in _names(doc)  # the party itself, proposed apart


def test_a_party_board_tagged_apart_takes_its_level_word(nlp) -> None:
    doc = with_persons(nlp, "Sekretaris DPW PPP Jateng hadir dalam rapat itu.",
                       others=(("DPW", "ORG"), ("PPP", "ORG"), ("Jateng", "GPE")))
    assert ("DPW PPP Jateng", "ORG") in _ents(doc)


@pytest.mark.parametrize("text", ["Rapat pleno DPP PDIP digelar pekan depan.",
                                  "Ketua DPD PDIP itu datang ke rapat."])
def test_a_central_board_or_one_with_no_region_is_the_party(nlp, text: str) -> None:
    doc = with_persons(nlp, text, others=(("PDIP", "ORG"),))
    assert ("PDIP", "ORG") in _ents(doc)


def test_a_region_a_losing_body_pattern_covered_is_still_found(nlp) -> None:
    # the pattern "Partai Golkar Jawa Timur" loses to the model's "Partai Golkar"; the
    # gazetteer's "Jawa Timur" under it stays, and closes the board's name
    doc = with_persons(nlp, "Ketua DPD Partai Golkar Jawa Timur itu datang.",
                       others=(("Partai Golkar", "ORG"),))
    assert ("DPD Partai Golkar Jawa Timur", "ORG") in _ents(doc)


def test_the_senate_before_a_place_is_no_party_board(nlp) -> None:
    doc = with_persons(nlp, "Anggota DPD RI asal Bali itu hadir.",
                       others=(("DPD RI", "ORG"), ("Bali", "GPE")))
    assert ("DPD RI", "ORG") in _ents(doc)
    assert not any(e.text.startswith("DPD RI asal") for e in doc.ents)


def test_a_short_form_in_brackets_inside_a_body_s_name(nlp) -> None:
    text = ("Ikatan Keluarga Alumni (IKA) Unpad menggelar reuni. "
            "IKA juga mengundang mahasiswa.")
    doc = with_persons(nlp, text, others=(("Ikatan Keluarga Alumni", "ORG"), ("IKA", "ORG"),
                                          ("Unpad", "ORG")))
    whole = "Ikatan Keluarga Alumni (IKA) Unpad"
    assert (whole, "ORG") in _ents(doc)
    body = ent_actor(doc, whole)
    assert next(a for a in doc._.actors if a.id == body).name == "Ikatan Keluarga Alumni Unpad"
    assert ent_actor(doc, "IKA") == body  # the short form later is the same body


def test_a_region_after_the_bracket_stays_apart(nlp) -> None:
    text = "Komisi Pemilihan Umum (KPU) Banten menerima berkas itu."
    doc = with_persons(nlp, text, others=(("Komisi Pemilihan Umum", "ORG"), ("KPU", "ORG"),
                                          ("Banten", "GPE")))
    assert ("Banten", "GPE") in _ents(doc)


@pytest.mark.parametrize(("body", "short", "region", "name"), [
    ("Dinas Sosial", "Dinsos", "Kota Mataram", "Dinas Sosial Kota Mataram"),
    ("Pengadilan Negeri", "PN", "Banten", "Pengadilan Negeri Banten"),
    ("Komisi Pemilihan Umum", "KPU", "Kabupaten Bogor", "Komisi Pemilihan Umum Kabupaten Bogor"),
])
def test_a_regional_office_s_region_after_the_bracket_is_the_office_s(
        nlp, body: str, short: str, region: str, name: str) -> None:
    # gazetteer v13: the office's own words ("Dinas", "Pengadilan Negeri") or the region's level
    # word make the region part of the name; the bare short form later is the office (actors v21)
    text = f"{body} ({short}) {region} menerima berkas itu. {short} segera memeriksanya."
    doc = with_persons(nlp, text, others=((body, "ORG"), (short, "ORG"), (region, "GPE")))
    whole = f"{body} ({short}) {region}"
    assert (whole, "ORG") in _ents(doc)
    office = ent_actor(doc, whole)
    assert next(a for a in doc._.actors if a.id == office).name == name
    assert ent_actor(doc, short) == office
    assert not any(a.name == body for a in doc._.actors)  # no national body beside it


def test_a_party_board_s_region_after_the_bracket_is_the_board_s(nlp) -> None:
    text = "Ketua DPD Front Pembela Islam (FPI) Banten itu datang."
    doc = with_persons(nlp, text, others=(("Front Pembela Islam", "ORG"), ("FPI", "ORG"),
                                          ("Banten", "GPE")))
    assert ("DPD Front Pembela Islam (FPI) Banten", "ORG") in _ents(doc)
    assert "DPD Front Pembela Islam Banten" in _names(doc)


def test_a_known_parent_body_after_the_bracket_closes_the_name(nlp) -> None:
    doc = with_persons(nlp, "Ikatan Keluarga Alumni (IKA) Unpad menggelar reuni.",
                       others=(("Ikatan Keluarga Alumni", "ORG"), ("IKA", "ORG")))
    assert ("Ikatan Keluarga Alumni (IKA) Unpad", "ORG") in _ents(doc)
    assert "Ikatan Keluarga Alumni Unpad" in _names(doc)


def test_a_numbered_committee_keeps_its_number_past_the_bracket(nlp) -> None:
    doc = with_persons(nlp, "Panitia Khusus (Pansus) II menggelar rapat kerja.",
                       others=(("Panitia Khusus", "ORG"), ("Pansus", "ORG")))
    assert ("Panitia Khusus (Pansus) II", "ORG") in _ents(doc)
    assert "Panitia Khusus II" in _names(doc)


def test_a_body_and_its_short_form_before_a_person_stay_apart(nlp) -> None:
    text = "Kepala Badan Pusat Statistik (BPS) Amalia Adininggar merilis data itu."
    doc = with_persons(nlp, text, persons=("Amalia Adininggar",),
                       others=(("Badan Pusat Statistik", "ORG"), ("BPS", "ORG")))
    assert ("Amalia Adininggar", "PERSON") in _ents(doc)
    assert not any("Amalia" in e.text and e.label_ == "ORG" for e in doc.ents)


def test_a_body_run_on_into_its_holder_after_a_unit_s_title(nlp) -> None:
    text = "Direktur Penegakan Pidana Kementerian ESDM Darmawan menyebut tambang itu ilegal."
    doc = with_persons(nlp, text, others=(("Kementerian ESDM Darmawan", "ORG"),))
    assert ("Kementerian ESDM", "ORG") in _ents(doc)
    assert ("Darmawan", "PERSON") in _ents(doc)


def test_a_holder_cut_does_not_split_a_region_s_name(nlp) -> None:
    text = "Kepala Dinas Kehutanan Provinsi Sumatera Selatan Hendra Wijaya meninjau lokasi."
    doc = with_persons(nlp, text, others=(
        ("Dinas Kehutanan Provinsi Sumatera Selatan Hendra Wijaya", "ORG"),))
    assert ("Hendra Wijaya", "PERSON") in _ents(doc)
    assert not any(e.text.startswith("Selatan") for e in doc.ents)


def test_an_outlet_written_in_lower_case_is_an_actor(nlp) -> None:
    doc = with_persons(nlp, "Hal itu disampaikan Budi Santoso kepada detikcom, Senin.",
                       persons=("Budi Santoso",), others=(("detikcom", "ORG"),))
    assert ent_actor(doc, "detikcom") is not None


def test_a_regional_parliament_s_lettered_commission_is_no_person(nlp) -> None:
    doc = with_persons(nlp, "Anggota Komisi C DPRD Banten meninjau lokasi banjir.",
                       others=(("Komisi C DPRD", "ORG"),))
    assert ("C", "PERSON") not in _ents(doc)
    assert any(e.text.startswith("Komisi C DPRD") and e.label_ == "ORG" for e in doc.ents)


def test_a_country_inside_a_known_name_opening_an_office_is_no_actor(nlp) -> None:
    # actors v21: "Majelis Ulama Indonesia" is read whole inside its regional office's name
    text = "Majelis Ulama Indonesia (MUI) Kota Bogor mengimbau warga agar tenang."
    doc = with_persons(nlp, text, others=(("Majelis Ulama Indonesia", "ORG"), ("MUI", "ORG"),
                                          ("Kota Bogor", "GPE")))
    assert ("Majelis Ulama Indonesia (MUI) Kota Bogor", "ORG") in _ents(doc)
    assert not any(a.type == "GPE" and a.name == "Indonesia" for a in doc._.actors)
