"""clean_article: Indonesian boilerplate, credits, datelines, normalisation."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import needs_shared_data
from warta.clean import clean_article, clean_title
from warta.clean.boilerplate import is_boilerplate
from warta.clean.credits import take_credits
from warta.clean.dateline import split_dateline
from warta.clean.normalize import normalize, paragraphs
from warta.errors import InputError
from warta.types import Byline, Dateline, RawArticle, Source

SHARED = Path(__file__).resolve().parents[3] / "shared"
BODY = ("Presiden Prabowo Subianto menerima Perdana Menteri Malaysia di Istana Merdeka, "
        "Senin (13/10/2025).")


def _raw(text: str, *, fmt: str = "text", title: str | None = None,
         authors: list[str] | None = None, site: str | None = None) -> RawArticle:
    source = Source(path="x", format=fmt, site_name=site)  # type: ignore[arg-type]
    return RawArticle(source=source, text=text, title=title, authors=authors or [])


@pytest.mark.parametrize("line", [
    "Tinggalkan Balasan",
    "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *",
    "Ruas yang wajib ditandai *",
    "Batal balasan",
    "Kirim Komentar",
    "Komentar *",
    "Simpan nama, email, dan situs web saya pada peramban ini untuk komentar saya berikutnya.",
    "Baca juga: Polisi Tangkap Tiga Orang",
    "Baca Juga : DPR Setujui RUU",
    "BACA JUGA: Harga Beras Naik",
    "SCROLL TO CONTINUE WITH CONTENT",
    "ADVERTISEMENT",
    "Advertisement",
    "- Advertisement -",
    "Iklan",
    "Bagikan:",
    "Share this:",
    "WhatsApp",
    "Ikuti kami di Google News",
    "Ikuti berita terkini Warta Kita di Google News.",
    "Simak juga Video 'Menteri Bicara soal Harga Beras':",
    "Tonton juga video \"Banjir di Bekasi\" di sini:",
    "'Lihat juga Video: Menteri Bicara soal Harga Beras'",
    "Tonton juga \"Harga Beras Naik Lagi\" di sini:",
    "Saksikan LiveDetikpagi:",
    "Saksikan ulasan lengkapnya di program detikSore edisi Senin (3/3).",
    "\"Detik Pagi, Jangan Lewatkan Kabar Pagi!\"",
    "---",
    "***",
    "© 2025 Warta Kita. All rights reserved.",
    "Copyright © 2024 PT Media Contoh",
    "Hak cipta dilindungi undang-undang.",
    "Foto: ANTARA/Hafidz Mubarak",
    "(Foto: ANTARA/Aditya Pradana Putra)",
    "Tags: DPR, Demo, UU Penyiaran",
    "Pilihan Editor: Harga Beras Naik Lagi",
    "Home » Nasional » Hukum",
    "Redaksi | Pedoman Media Siber | Kebijakan Privasi | Kontak",
    "Beranda",
])
def test_boilerplate_lines(line: str):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    BODY,
    "Ia menyebut unggahan itu dibagikan lebih dari 10 ribu kali di Facebook dan WhatsApp.",
    "“Baca juga undang-undangnya sebelum berkomentar,” kata Ketua DPR kepada wartawan.",
    "Iklan rokok di televisi akan dilarang mulai tahun depan, kata Menteri Kesehatan.",
    "Pasal 28:",
    "Skor: 3,35",
    "Hak cipta lagu itu kini dipegang oleh ahli waris sang pencipta sejak 2019.",
    "Bagikan bantuan secara merata.",
    "\"Detik-detik itu menegangkan,\" kata Rina.",
    "Simak informasinya berikut ini.",
    "Tonton pertandingan itu di sini, kata panitia.",
])
def test_content_lines_are_kept(line: str):
    assert not is_boilerplate(line)


def test_comment_form_tail_is_cut():
    text = (f"{BODY}\n\nIa berharap kerja sama meningkat.\n\nTinggalkan Balasan\n\n"
            "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *\n\n"
            "Nama *\n\nSebuah komentar pembaca yang panjang sekali tentang berita ini.")
    article = clean_article(_raw(text))
    assert article.text == f"{BODY}\n\nIa berharap kerja sama meningkat."


def test_inline_leftovers_are_removed():
    text = f"{BODY} SCROLL TO CONTINUE WITH CONTENT Ia juga bertemu menteri (Foto: ANTARA/Budi)."
    article = clean_article(_raw(text))
    assert "SCROLL" not in article.text and "Foto" not in article.text
    assert article.text.endswith("Ia juga bertemu menteri.")


@pytest.mark.parametrize(("tail", "authors", "agencies"), [
    ("MSc (AFP, AP)", ("MSc",), ("AFP", "AP")),
    ("RDN (ANTARA, Reuters)", ("RDN",), ("ANTARA", "Reuters")),
    ("(ant/rdn)", ("rdn",), ("ANTARA",)),
    ("(rdp/imk)", ("rdp", "imk"), ()),
    ("(Antara)", (), ("ANTARA",)),
    ("Penulis: Rina Marlina | Editor: Agus Salim", ("Rina Marlina", "Agus Salim"), ()),
    ("Reporter: Dimas Aryo\n\nEditor: Nur Aini", ("Dimas Aryo", "Nur Aini"), ()),
    ("Pewarta: Fajar Nugroho, Lestari Wulan", ("Fajar Nugroho", "Lestari Wulan"), ()),
    ("Sumber: ANTARA", (), ("ANTARA",)),
    ("Artikel ini ditulis oleh Sari Wulan, peserta magang di redaksi.", ("Sari Wulan",), ()),
    ("Tulisan ini dibuat oleh Sari Wulan, mahasiswa magang.", ("Sari Wulan",), ()),
    ("*) Dewi Lestari Putri, dosen ilmu politik di sebuah universitas swasta.",
     ("Dewi Lestari Putri",), ()),
    ("*)Dewi Lestari, pengamat pendidikan*) Tulisan ini merupakan opini pribadi penulis.",
     ("Dewi Lestari",), ()),
    ("*Penulis adalah peserta program magang.\n\nTulisan ini merupakan opini pribadi penulis "
     "dan tidak mencerminkan pandangan redaksi.", (), ()),
    ("[eko]", ("eko",), ()),
    ("(T.E006/A058)", (), ()),
    ("(K007/Y008) 01-11-2016 18:35:47", (), ()),
    ("Oleh Siti Rahmawati", ("Siti Rahmawati",), ()),
    ("Rep: Fauziah Mursid/ Red: Ratna Puspita", ("Fauziah Mursid", "Ratna Puspita"), ()),
    ("Pewarta: Fajar Nugroho\n\nEditor: Nur Aini\n\nCopyright © ANTARA 2025",
     ("Fajar Nugroho", "Nur Aini"), ()),
])
def test_closing_credits(tail: str, authors: tuple, agencies: tuple):
    article = clean_article(_raw(f"{BODY}\n\n{tail}"))
    assert article.byline == Byline(authors, agencies)
    assert article.text == BODY


@pytest.mark.parametrize(("tail", "byline"), [
    ("(ant/rdn)", Byline(("rdn",), ("ANTARA",))),
    ("(asa)", Byline(("asa",), ())),  # one lower-case code after the last full stop
    ("[rnd]", Byline(("rnd",), ())),
    ("(UU.A026)", Byline()),  # an agency's desk code
])
def test_credit_closing_the_last_paragraph(tail: str, byline: Byline):
    article = clean_article(_raw(f"{BODY} Pertemuan berikutnya digelar Desember. {tail}"))
    assert article.byline == byline
    assert article.text.endswith("Desember.")


def test_lower_case_brackets_inside_the_last_sentence_are_no_credit():
    article = clean_article(_raw(f"{BODY} Ia menang atas tim tamu (kid)"))
    assert article.byline == Byline()
    assert article.text.endswith("(kid)")


@pytest.mark.parametrize("head", ["Oleh Siti Rahmawati", "Oleh: Siti Rahmawati",
                                  "Penulis: Siti Rahmawati",
                                  "Laporan Wartawan Kabarkita.id, Siti Rahmawati"])
def test_opening_byline(head: str):
    article = clean_article(_raw(f"{head}\n\n{BODY}"))
    assert article.byline.authors == ("Siti Rahmawati",)
    assert article.text == BODY


def test_metadata_authors_merge_with_credits_without_duplicates():
    raw = _raw(f"Oleh Siti Rahmawati\n\n{BODY}\n\n(ant)", authors=["Siti Rahmawati; Budi"])
    assert clean_article(raw).byline == Byline(("Siti Rahmawati", "Budi"), ("ANTARA",))


def test_labels_in_metadata_authors_are_dropped():
    raw = _raw(BODY, authors=["Penulis Andi Wijaya", "By: Rina Susanti"])
    assert clean_article(raw).byline.authors == ("Andi Wijaya", "Rina Susanti")


def test_sentence_with_parentheses_is_not_a_credit():
    text = f"{BODY}\n\nKomisi Pemberantasan Korupsi (KPK) menahan dua orang."
    article = clean_article(_raw(text))
    assert article.byline == Byline()
    assert article.text.endswith("menahan dua orang.")


@pytest.mark.parametrize(("opening", "dateline"), [
    ("JAKARTA, KOMPAS.com - ", Dateline("Jakarta", "KOMPAS.com")),
    ("JAKARTA, KOMPAS.com — ", Dateline("Jakarta", "KOMPAS.com")),
    ("Jakarta - ", Dateline("Jakarta", None)),
    ("Jakarta- ", Dateline("Jakarta", None)),
    ("Jakarta (ANTARA) - ", Dateline("Jakarta", "ANTARA")),
    ("BANDA ACEH, WARTAKITA.id – ", Dateline("Banda Aceh", "WARTAKITA.id")),
    ("Jakarta, CNN Indonesia -- ", Dateline("Jakarta", "CNN Indonesia")),
    ("TEMPO.CO, Jakarta - ", Dateline("Jakarta", "TEMPO.CO")),
    ("Suara.com - ", Dateline(None, "Suara.com")),
    ("Rimanews - ", Dateline(None, "Rimanews")),
    ("Sukabumi, Jawa Barat (ANTARA News) - ", Dateline("Sukabumi", "ANTARA News")),
])
def test_datelines(opening: str, dateline: Dateline):
    article = clean_article(_raw(opening + BODY))
    assert article.dateline == dateline
    assert article.text == BODY


@pytest.mark.parametrize("paragraph", [
    "Pelatih Shin Tae-yong memanggil 28 pemain untuk laga melawan Jepang.",
    "Presiden - yang baru pulang dari Beijing - langsung memimpin rapat.",
    BODY,
])
def test_no_dateline(paragraph: str):
    assert split_dateline(paragraph) == (None, paragraph)


def test_normalisation():
    text = "Caf\u0065\u0301  di\u00a0Bandung\u200b ramai.\r\n\r\n\r\n\r\nPengunjung\u2009naik."
    article = clean_article(_raw(text))
    assert article.text == "Café di Bandung ramai.\n\nPengunjung naik."


def test_hard_wrapped_lines_are_joined():
    text = "Presiden Prabowo Subianto menerima\nkunjungan Perdana Menteri.\nIa senang."
    assert paragraphs(normalize(text)) == [
        "Presiden Prabowo Subianto menerima kunjungan Perdana Menteri.", "Ia senang."]


def test_title_line_repeated_in_body_is_dropped_and_site_suffix_removed():
    raw = _raw(f"Judul Berita\n\n{BODY}", fmt="html", title="Judul Berita - Warta Kita",
               site="Warta Kita")
    article = clean_article(raw)
    assert (article.title, article.text) == ("Judul Berita", BODY)
    assert clean_title("Judul | Warta Kita", Source(None, "html", site_name="Warta Kita")) \
        == "Judul"


def test_web_text_navigation_and_headline():
    text = ("Beranda\nNasional\nPolitik\nLogin\nHakim Vonis Mantan Kepala Dinas\n"
            f"BANDUNG, KABARKITA.id - {BODY}\nBaca juga: Kejaksaan Sita Aset\n"
            "Kontak\nRedaksi\nKarir\n© 2025 Kabar Kita")
    article = clean_article(_raw(text, fmt="wet"))
    assert article.title == "Hakim Vonis Mantan Kepala Dinas"
    assert article.dateline == Dateline("Bandung", "KABARKITA.id")
    assert article.text == BODY


@pytest.mark.parametrize(("line", "iso"), [
    ("Senin, 13 Oktober 2025 14:00 WIB", "2025-10-13T14:00:00+07:00"),
    ("Kamis, 16 Mei 2024 | 10:15 WIB", "2024-05-16T10:15:00+07:00"),
    ("Diperbarui: 2 Jan 2025", "2025-01-02"),
])
def test_date_line_of_web_text_is_the_publication_date(line: str, iso: str):
    article = clean_article(_raw(f"Judul Berita Singkat\n{line}\n{BODY}", fmt="wet"))
    assert article.published == iso
    assert article.text == BODY


def test_date_line_before_the_headline_is_not_the_title():
    text = f"Beranda\nNasional\nLogin\nSenin, 13 Oktober 2025\nJudul Berita Singkat\n{BODY}"
    article = clean_article(_raw(text, fmt="wet"))
    assert (article.title, article.published) == ("Judul Berita Singkat", "2025-10-13")
    assert article.text == BODY


def test_lists_at_the_end_of_structured_inputs_are_kept():
    text = f"{BODY}\n\nBerikut daftarnya:\n\n1. Golkar\n\n2. PDIP\n\n3. Gerindra"
    article = clean_article(_raw(text, fmt="csv"))
    assert article.text.endswith("3. Gerindra")


def test_nothing_left_is_an_input_error():
    with pytest.raises(InputError, match=r"^E008 x: "):
        clean_article(_raw("Beranda\n\nTinggalkan Balasan\n\nNama *"))


def test_take_credits_looks_only_at_the_edges():
    paras = [BODY, "MSc (AFP, AP)", BODY]
    assert take_credits(paras, []) == (paras, Byline())


@needs_shared_data("detik-news-2025-summ", "data_berita-shared.csv")
def test_detik_csv_is_cleaned():
    from warta.ingest import read_inputs
    from warta.settings import Settings

    path = SHARED / "data" / "detik-news-2025-summ" / "data_berita-shared.csv"
    raws = [r for r in read_inputs([str(path)], Settings()) if isinstance(r, RawArticle)]
    articles = [clean_article(r) for r in raws]
    assert len(articles) == 900
    assert not any("SCROLL TO CONTINUE WITH CONTENT" in a.text for a in articles)
    assert not any("ADVERTISEMENT" in a.text for a in articles)
    assert sum(a.dateline == Dateline("Jakarta", None) for a in articles) >= 3
    assert all(a.text and a.title for a in articles)


@needs_shared_data("..", "seeds", "000_f7b9f3e334794158.txt")
def test_seed_article():
    from warta.ingest import read_inputs
    from warta.settings import Settings

    path = SHARED / "seeds" / "000_f7b9f3e334794158.txt"
    (raw,) = read_inputs([str(path)], Settings())
    article = clean_article(raw)
    assert article.title == "Kunjungi Cina Putin Cari Dukungan untuk Upaya Perang Ukraina"
    assert article.byline == Byline(("MSc",), ("AFP", "AP"))
    for junk in ("Tinggalkan Balasan", "Alamat email Anda", "Ruas yang wajib ditandai"):
        assert junk not in article.text
    assert article.text.count("\n\n") >= 10  # the whole body, paragraph by paragraph
