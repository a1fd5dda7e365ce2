"""Issue 19: one real entity, one actor. A person named in full and then by a misspelt part of
the name ("Ayanto" for Atyanto) was two actors; the reader sees one person, and the quotes and
event parties of the misspelt mention went to a stranger."""

from __future__ import annotations

import pytest
from actors_helpers import blank_pipeline, ent_actor, with_persons


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline()


def test_a_dropped_letter_is_the_same_person(nlp) -> None:
    text = ("Kepala dinas Hartawan Prasetyo meninjau pasar pada Senin. "
            "Hartwan mengatakan harga beras turun.")
    doc = with_persons(nlp, text, persons=("Hartawan Prasetyo", "Hartwan"))
    assert ent_actor(doc, "Hartwan") == ent_actor(doc, "Hartawan Prasetyo")


def test_two_swapped_letters_in_a_full_name_are_the_same_person(nlp) -> None:
    text = ("Ketua serikat Rosid Sulaiman berorasi di depan gedung. "
            "Rosid Sulaimna meminta upah dinaikkan.")
    doc = with_persons(nlp, text, persons=("Rosid Sulaiman", "Rosid Sulaimna"))
    assert ent_actor(doc, "Rosid Sulaimna") == ent_actor(doc, "Rosid Sulaiman")


def test_a_changed_letter_is_another_person(nlp) -> None:
    text = ("Wahyudi Santoso dan istrinya hadir di sidang. "
            "Wahyuni mengatakan suaminya tidak bersalah.")
    doc = with_persons(nlp, text, persons=("Wahyudi Santoso", "Wahyuni"))
    assert ent_actor(doc, "Wahyuni") != ent_actor(doc, "Wahyudi Santoso")


def test_a_slip_that_fits_two_people_joins_neither(nlp) -> None:
    text = ("Hartawan Prasetyo dan Hartawn Gunadi hadir. Hartwan mengatakan harga beras turun.")
    doc = with_persons(nlp, text, persons=("Hartawan Prasetyo", "Hartawn Gunadi", "Hartwan"))
    assert ent_actor(doc, "Hartwan") not in (ent_actor(doc, "Hartawan Prasetyo"),
                                             ent_actor(doc, "Hartawn Gunadi"))


def _orgs(doc) -> set[str | None]:
    return {e._.actor for e in doc.ents if e.label_ == "ORG"}


def test_a_court_and_its_short_form_with_the_short_region_are_one_body(nlp) -> None:
    text = ("Pengadilan Negeri Jakarta Utara menggelar sidang perdana pada Senin. "
            "Humas PN Jakut mengatakan sidang dibuka untuk umum.")
    doc = with_persons(nlp, text, others=(("Pengadilan Negeri Jakarta Utara", "ORG"),
                                          ("PN Jakut", "ORG")))
    assert ent_actor(doc, "PN Jakut") == ent_actor(doc, "Pengadilan Negeri Jakarta Utara")


def test_a_city_government_and_a_regency_government_of_one_name_are_two(nlp) -> None:
    text = ("Pemkot Bekasi dan Pemerintah Kabupaten Bekasi berbagi tugas. "
            "Pemerintah Kota Bekasi menyiapkan tenda.")
    doc = with_persons(nlp, text, others=(("Pemkot Bekasi", "ORG"),
                                          ("Pemerintah Kabupaten Bekasi", "ORG"),
                                          ("Pemerintah Kota Bekasi", "ORG")))
    assert ent_actor(doc, "Pemkot Bekasi") == ent_actor(doc, "Pemerintah Kota Bekasi")
    assert ent_actor(doc, "Pemkot Bekasi") != ent_actor(doc, "Pemerintah Kabupaten Bekasi")


def test_a_service_by_its_initials_and_its_city_is_the_long_name(nlp) -> None:
    text = ("Dinas Pekerjaan Umum dan Penataan Ruang Kota Bekasi menutup jalan. "
            "Kepala Dinas PUPR Kota Bekasi meminta warga bersabar.")
    doc = with_persons(nlp, text, others=(
        ("Dinas Pekerjaan Umum dan Penataan Ruang Kota Bekasi", "ORG"),
        ("Dinas PUPR Kota Bekasi", "ORG")))
    assert len(_orgs(doc)) == 1


def test_a_bare_head_joins_one_body_written_two_ways(nlp) -> None:
    text = ("Polda Sumatera Utara menangkap dua tersangka. Juru bicara Polda Sumut "
            "mengatakan Polda masih memburu pelaku lain.")
    doc = with_persons(nlp, text, others=(("Polda Sumatera Utara", "ORG"),
                                          ("Polda Sumut", "ORG"), ("Polda", "ORG")))
    assert len(_orgs(doc)) == 1


def test_two_courts_of_two_regions_stay_two(nlp) -> None:
    text = ("PN Jakut dan Pengadilan Negeri Jakarta Selatan menunda sidang. "
            "Pengadilan Negeri Jakarta Utara belum memberi alasan.")
    doc = with_persons(nlp, text, others=(("PN Jakut", "ORG"),
                                          ("Pengadilan Negeri Jakarta Selatan", "ORG"),
                                          ("Pengadilan Negeri Jakarta Utara", "ORG")))
    assert len(_orgs(doc)) == 2


def test_an_acronym_of_one_long_body_name_is_that_body(nlp) -> None:
    text = ("Partai Bintang Rakyat Merdeka menggelar kongres di Solo. Ketua PBRM mengatakan "
            "kongres memilih pengurus baru.")
    doc = with_persons(nlp, text, others=(("Partai Bintang Rakyat Merdeka", "ORG"),
                                          ("PBRM", "ORG")))
    assert ent_actor(doc, "PBRM") == ent_actor(doc, "Partai Bintang Rakyat Merdeka")
    assert len(_orgs(doc)) == 1


def test_an_acronym_two_long_names_share_joins_neither(nlp) -> None:
    text = ("Persatuan Guru Nusantara Utama menolak aturan itu. Perhimpunan Gizi Nasional "
            "Unggul juga menolak. Juru bicara PGNU mengatakan aturan itu merugikan.")
    doc = with_persons(nlp, text, others=(("Persatuan Guru Nusantara Utama", "ORG"),
                                          ("Perhimpunan Gizi Nasional Unggul", "ORG"),
                                          ("PGNU", "ORG")))
    assert len(_orgs(doc)) == 3


def test_a_gazetteer_body_and_its_name_with_pt_are_one_body(nlp) -> None:
    text = ("PT Pelayaran Nasional Indonesia menambah kapal. Direktur Pelni mengatakan kapal "
            "itu berlayar bulan depan.")
    doc = with_persons(nlp, text, others=(("PT Pelayaran Nasional Indonesia", "ORG"),
                                          ("Pelni", "ORG")))
    assert ent_actor(doc, "PT Pelayaran Nasional Indonesia") == ent_actor(doc, "Pelni")


def test_two_persons_sharing_a_surname_stay_two(nlp) -> None:
    text = ("Ahmad Santoso bertemu Budi Santoso di Bandung. Budi mengatakan Ahmad Santoso "
            "setuju.")
    doc = with_persons(nlp, text, persons=("Ahmad Santoso", "Budi Santoso", "Budi"))
    assert ent_actor(doc, "Ahmad Santoso") != ent_actor(doc, "Budi Santoso")
    assert ent_actor(doc, "Budi") == ent_actor(doc, "Budi Santoso")


def test_a_bare_head_opening_a_gazetteer_body_s_name_is_that_body(nlp) -> None:
    text = ("Polri menangkap dua tersangka di Medan. Menurut Kepolisian, keduanya anggota "
            "jaringan lama.")
    doc = with_persons(nlp, text, others=(("Polri", "ORG"), ("Kepolisian", "ORG")))
    assert ent_actor(doc, "Kepolisian") == ent_actor(doc, "Polri") == "org:polri"


def test_the_capital_s_government_written_three_ways_is_one_body(nlp) -> None:
    text = ("Pemprov DKI menutup jalan itu. Pemerintah Provinsi DKI Jakarta menyebut "
            "penutupan sementara. Pemprov Jakarta membuka jalur lain.")
    doc = with_persons(nlp, text, others=(("Pemprov DKI", "ORG"),
                                          ("Pemerintah Provinsi DKI Jakarta", "ORG"),
                                          ("Pemprov Jakarta", "ORG")))
    assert len(_orgs(doc)) == 1


def test_the_capital_s_government_and_a_city_s_in_it_stay_two(nlp) -> None:
    text = ("Pemprov DKI dan Pemkot Jakarta Selatan menutup jalan itu. Pemerintah Provinsi DKI "
            "Jakarta menyebut penutupan sementara.")
    doc = with_persons(nlp, text, others=(("Pemprov DKI", "ORG"),
                                          ("Pemkot Jakarta Selatan", "ORG"),
                                          ("Pemerintah Provinsi DKI Jakarta", "ORG")))
    assert ent_actor(doc, "Pemprov DKI") == ent_actor(doc, "Pemerintah Provinsi DKI Jakarta")
    assert ent_actor(doc, "Pemkot Jakarta Selatan") != ent_actor(doc, "Pemprov DKI")
