"""A lone capitalised word that names nothing is no actor (actors v17, s11 spurious): a weekday
in a citation, an exhortation, a form of address, a company's legal form, a sentence-opening
conjunction. Invented text; the NER's spans are set by hand."""

from __future__ import annotations

import pytest
from actors_helpers import blank_pipeline, ent_actor, with_persons

from warta.nlp.lang.id.non_names import lone_non_name, thing_acronym


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


@pytest.mark.parametrize(("text", "word", "label"), [
    ('"Stok beras aman," ujar Sutrisno dalam keterangannya, dikutip Kamis (9/10/2025).',
     "Kamis", "ORG"),
    ("Yuk, daftar sekarang di kantor cabang terdekat, kata Sutrisno.", "Yuk", "PERSON"),
    ('"Saya tidak tahu," kata Bu Warsini kepada wartawan. "Tanya saja Bu," tambahnya.',
     "Bu", "PERSON"),
    ("PT Sinar Kencana (Persero) membuka lowongan kerja baru.", "Persero", "ORG"),
    ("Kendati demikian, Sutrisno tetap optimistis panen tahun ini naik.", "Kendati", "PERSON"),
])
def test_a_lone_non_name_is_no_actor(nlp, text, word, label) -> None:
    doc = with_persons(nlp, text, ("Sutrisno", "Warsini"), ((word, label),))
    assert word not in {e.text for e in doc.ents}
    assert all(word not in (a.name, *a.aliases) for a in doc._.actors)


@pytest.mark.parametrize(("text", "non_name"), [
    ("Senin", True), ("minggu", True), ("Ayo", True), ("Pak", True), ("Tbk", True),
    ("Namun", True),
    ("BU", False),     # all capitals: initials or an acronym, left to the model
    ("H", False),      # "berinisial H": a person's initial
    ("Andi", False),   # an honorific that is also a given name
    ("Sutrisno", False),
])
def test_the_word_class(text, non_name) -> None:
    assert lone_non_name(text) is non_name


@pytest.mark.parametrize(("text", "word"), [
    ("Sebanyak 40 ASN di Kabupaten Sukamaju dipecat karena bolos, kata Sutrisno.", "ASN"),
    ("Sutrisno dijerat UU ITE setelah unggahannya viral.", "ITE"),
    ("Korban dibawa ke IGD rumah sakit terdekat oleh Sutrisno.", "IGD"),
    # a programme, a security, a gas, a technology, a meeting (actors v21)
    ("Sutrisno menyebut menu MBG di sekolah itu sudah diganti.", "MBG"),
    ("Dana itu dibelikan SUN, kata Sutrisno.", "SUN"),
    ("Alat itu mengukur kadar CO di udara, ujar Sutrisno.", "CO"),
    ("Menurut Sutrisno, kecerdasan buatan (AI) mengubah cara kerja redaksi.", "AI"),
    ("Keputusan itu diambil dalam RDG bulan lalu, kata Sutrisno.", "RDG"),
])
def test_an_acronym_of_a_thing_is_no_actor(nlp, text, word) -> None:
    doc = with_persons(nlp, text, ("Sutrisno",), ((word, "ORG"),))
    assert all(word not in (a.name, *a.aliases) for a in doc._.actors)


def test_initials_that_spell_a_thing_acronym_stay_a_person(nlp) -> None:
    text = "Polisi menangkap seorang pria berinisial SMS di rumahnya."
    doc = with_persons(nlp, text, (), (("SMS", "ORG"),))
    assert any(a.type == "PERSON" and "SMS" in (a.name, *a.aliases) for a in doc._.actors)


@pytest.mark.parametrize(("text", "thing"), [
    ("ASN", True), ("PPh", True), ("MoU", True), ("Hut", False), ("Uu", False),
    ("KPK", False), ("MBG", True), ("JKN", True), ("Sun", False),
])
def test_the_acronym_class(text, thing) -> None:
    assert thing_acronym(text) is thing


def test_a_body_run_on_into_its_leaders_name_is_split(nlp) -> None:
    text = ("Polisi memeriksa pimpinan FPK Darmaji Wiryo di Sukamaju. "
            "Darmaji mengaku tidak tahu soal bentrokan itu.")
    doc = with_persons(nlp, text, ("Darmaji",), (("FPK Darmaji Wiryo", "ORG"),))
    assert {(e.text, e.label_) for e in doc.ents} >= {("FPK", "ORG"), ("Darmaji Wiryo", "PERSON")}


def test_a_body_named_after_a_person_stays_whole(nlp) -> None:
    text = ("Dana itu disalurkan lewat Bank Darmaji Wiryo International. "
            "Darmaji membantah terlibat.")
    name = "Bank Darmaji Wiryo International"
    doc = with_persons(nlp, text, ("Darmaji",), ((name, "ORG"),))
    assert name in {e.text for e in doc.ents}


@pytest.mark.parametrize(("short", "long_"), [
    ("Kejagung RI", "Kejaksaan Agung"),
    ("RS Bhayangkara Sukamaju", "Rumah Sakit Bhayangkara Sukamaju"),
])
def test_a_body_with_its_head_written_short_is_one_actor(nlp, short, long_) -> None:
    text = f"{long_} menerima laporan itu pekan lalu. Menurut {short}, berkasnya sudah lengkap."
    doc = with_persons(nlp, text, (), ((long_, "ORG"), (short, "ORG")))
    assert ent_actor(doc, short) == ent_actor(doc, long_)


def test_a_platform_named_only_as_a_channel_is_no_actor(nlp) -> None:
    text = ('"Cuaca panas masih berlangsung," tulis Sutrisno dalam unggahan Instagram '
            "@sukamaju_info, dikutip pekan ini. Ia juga membagikannya lewat Facebook.")
    doc = with_persons(nlp, text, ("Sutrisno",), (("Instagram", "ORG"), ("Facebook", "ORG")))
    assert not {"Instagram", "Facebook"} & {e.text for e in doc.ents}


def test_a_platform_that_acts_is_kept(nlp) -> None:
    text = ("Twitter menangguhkan akun milik Sutrisno. Sutrisno lalu pindah ke Twitter lain "
            "dan mengunggah keluhannya di Twitter.")
    doc = with_persons(nlp, text, ("Sutrisno",), (("Twitter", "ORG"),))
    assert "Twitter" in {e.text for e in doc.ents}


def test_a_platform_opening_a_bodys_span_is_its_account(nlp) -> None:
    text = "Informasi itu diumumkan Instagram Dinas Perhubungan Sukamaju pada Senin."
    doc = with_persons(nlp, text, (), (("Instagram Dinas Perhubungan Sukamaju", "ORG"),))
    assert "Dinas Perhubungan Sukamaju" in {e.text for e in doc.ents}


@pytest.mark.parametrize(("text", "word", "label"), [
    ("Warga Kampung Sukamaju, Cibeureum, Kota Bandung, menolak proyek itu, kata Sutrisno.",
     "Cibeureum", "PERSON"),
    ("Sutrisno ditemui di Mabes TNI, Cilangkap, Jakarta, Senin.", "Cilangkap", "ORG"),
])
def test_a_name_inside_an_address_is_a_place(nlp, text, word, label) -> None:
    # actors v21: between commas right before a region or a place unit, whatever the NER typed
    doc = with_persons(nlp, text, ("Sutrisno",), ((word, label),))
    assert all(word not in (a.name, *a.aliases) for a in doc._.actors)


def test_a_body_inside_an_address_stays_an_actor(nlp) -> None:
    text = "Sutrisno dibawa ke kantor BPBD, Polres Sukamaju, Jakarta, untuk diperiksa."
    doc = with_persons(nlp, text, ("Sutrisno",), (("Polres Sukamaju", "ORG"),))
    assert any("Polres Sukamaju" in (a.name, *a.aliases) for a in doc._.actors)


def test_a_brand_after_a_product_s_class_noun_is_no_actor(nlp) -> None:
    # actors v21: products and brands that are not companies are no actor
    text = "Sutrisno masih memakai mobil sedan Suryamobil Kencana peninggalan pejabat lama."
    doc = with_persons(nlp, text, ("Sutrisno",), (("Suryamobil", "ORG"),))
    assert all("Suryamobil" not in (a.name, *a.aliases) for a in doc._.actors)


def test_a_maker_before_the_class_noun_is_the_company(nlp) -> None:
    text = "Produsen mobil Suryamobil menarik ribuan unit, kata Sutrisno."
    doc = with_persons(nlp, text, ("Sutrisno",), (("Suryamobil", "ORG"),))
    assert any("Suryamobil" in (a.name, *a.aliases) for a in doc._.actors)
