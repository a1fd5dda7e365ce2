"""A PERSON span that cannot be a person (s12 dup): a region's level word or an electoral
district ("Provinsi", "Dapil Jawa Barat III"), a government ("Pemerintah Daerah Bangli"), an
acronym the gazetteer knows as a body ("MPR"), or a name with the capitalised reporting verb
of a quotation in front ('"…," Jelas Gus Dar'). Invented text; the NER's spans set by hand."""

from __future__ import annotations

import pytest
from actors_helpers import blank_pipeline, ent_actor, with_persons


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


def _persons(doc) -> list[str]:
    return [a.name for a in doc._.actors if a.type == "PERSON"]


@pytest.mark.parametrize(("text", "word"), [
    ("Ketua partai Provinsi Riau itu mengungkapkan keuntungan lainnya, kata Sutrisno.",
     "Provinsi"),
    ('"Produk lokal harus dipakai," tutup Sutrisno, anggota DPR Dapil Jawa Barat III ini.',
     "Dapil Jawa Barat III"),
    ("Pada sesi yang sama, Pemerintah Daerah Bangli menyampaikan nota keuangan, kata Sutrisno.",
     "Pemerintah Daerah Bangli"),
])
def test_a_region_or_government_typed_a_person_is_no_person(nlp, text, word) -> None:
    doc = with_persons(nlp, text, persons=("Sutrisno", word))
    assert _persons(doc) == ["Sutrisno"]


def test_a_known_body_acronym_typed_a_person_is_the_body(nlp) -> None:
    text = ("Sekjen MPR RI Siti Warsini meminta pegawai jujur. "
            "Tidak boleh ada pegawai di lingkungan MPR yang terjerat korupsi.")
    doc = with_persons(nlp, text, persons=("Siti Warsini", "MPR"), others=(("MPR RI", "ORG"),))
    assert ent_actor(doc, "MPR") == ent_actor(doc, "MPR RI") == "org:mpr"
    assert _persons(doc) == ["Siti Warsini"]


def test_a_body_acronym_written_as_initials_stays_a_person(nlp) -> None:
    text = "Polisi menahan tersangka berinisial MA di rumahnya. MA mengaku menyesal."
    doc = with_persons(nlp, text, persons=("MA",))
    assert ent_actor(doc, "MA", 1) is not None
    assert ent_actor(doc, "MA", 1).startswith("person:")


def test_a_capitalised_reporting_verb_after_a_quote_is_no_part_of_the_name(nlp) -> None:
    text = ('Menteri Sosial Darmawan Yusuf (Gus Dar) meninjau lokasi. "Data itu dinamis," '
            'Jelas Gus Dar. "Bantuan segera tiba," ujar Gus Dar.')
    doc = with_persons(nlp, text, persons=("Darmawan Yusuf", "Gus Dar", "Jelas Gus Dar"))
    assert _persons(doc) == ["Darmawan Yusuf"]
    assert "Jelas Gus Dar" not in {e.text for e in doc.ents}
