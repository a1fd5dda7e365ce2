"""Format sniffing, decoding and date normalisation, on hand-written strings."""

from __future__ import annotations

import pytest

from warta.errors import InputError
from warta.ingest.dates import day_first_for, to_iso
from warta.ingest.decode import decode, looks_binary
from warta.ingest.detect import sniff_text
from warta.ingest.markup import strip_html
from warta.ingest.text import split_headline


@pytest.mark.parametrize(("text", "name", "kind"), [
    ('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', "x.txt", "rss"),
    ('<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title></feed>', "", "rss"),
    ("<!DOCTYPE html><html><body><p>Isi</p></body></html>", "x.txt", "html"),
    ("  <div><p>Isi berita</p></div>", "", "html"),
    ("<!-- cache -->\n<html><head><rss>aneh</rss></head><body><p>Isi</p></body></html>", "",
     "html"),
    ('{"text": "Isi berita"}\n{"text": "Lagi"}\n', "x.txt", "jsonl"),
    ('{"text": "rusak"\n', "", "jsonl"),
    ("judul,isi_berita,tanggal\nA,B,C\nD,\"E\nF\",G\n", "", "csv"),
    ("judul;isi\nA;B\nC;D\n", "", "csv"),
    ("title\ttext\nA\tB\nC\tD\n", "", "tsv"),
    ("apa saja", "berita.csv", "csv"),
    ("Jakarta, Bandung, dan Bogor Diguyur Hujan\n\nHujan deras turun sejak pagi.", "", "text"),
    ("Hakim, Jaksa\nHakim memutus perkara itu kemarin, kata jaksa.\n", "", "text"),
    ("Presiden tiba di Bali.\n", "", "text"),
])
def test_sniff_text(text: str, name: str, kind: str):
    assert sniff_text(text, name=name) == kind


@pytest.mark.parametrize(("data", "binary"), [
    (b"Berita biasa\n\nIsi.", False),
    ("Berita biasa".encode("utf-16"), False),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", True),
    (bytes(range(32)) * 10, True),
])
def test_looks_binary(data: bytes, binary: bool):
    assert looks_binary(data) is binary


def test_decode_utf8_with_bom_and_cp1252():
    assert decode("\ufeffKafé".encode(), "x") == "Kafé"
    text = "Pemilik kafé itu mengatakan bahwa pengunjung naik tiga puluh persen bulan ini."
    assert decode(text.encode("cp1252"), "x") == text


def test_decode_failure_is_coded():
    with pytest.raises(InputError, match=r"^E004 x\.txt: "):
        decode(bytes(range(128, 256)) * 3, "x.txt")


@pytest.mark.parametrize(("value", "day_first", "iso"), [
    ("2025-10-13", True, "2025-10-13"),
    ("2025-10-13T09:00:00+07:00", True, "2025-10-13T09:00:00+07:00"),
    ("2025-10-13T02:00:00Z", True, "2025-10-13T02:00:00+00:00"),
    ("05/06/2025", True, "2025-06-05"),
    ("05/06/2025", False, "2025-05-06"),
    ("10/21/2025 20:43", False, "2025-10-21T20:43:00"),
    ("Wed, 15 Oct 2025 16:20:00 +0700", True, "2025-10-15T16:20:00+07:00"),
    ("Senin, 13 Oktober 2025 14:00 WIB", True, "2025-10-13T14:00:00+07:00"),
    ("kemarin sore", True, None),
    ("", True, None),
    ("31/02/2025", True, None),
])
def test_to_iso(value: str, day_first: bool, iso: str | None):
    assert to_iso(value, day_first=day_first) == iso


@pytest.mark.parametrize(("values", "day_first"), [
    (["10/21/2025 20:43", "9/1/2025 10:00"], False),
    (["21/10/2025", "01/09/2025"], True),
    (["01/02/2025"], True),  # undecidable: Indonesian convention
    ([], True),
])
def test_day_first_for(values: list[str], day_first: bool):
    assert day_first_for(values) is day_first


def test_strip_html_keeps_paragraphs():
    html = "<p>Satu &amp; dua.</p><p>Tiga<br>empat</p>"
    assert strip_html(html) == "Satu & dua.\n\nTiga\n\nempat"
    assert strip_html("Tanpa tag &amp; apa pun") == "Tanpa tag & apa pun"


@pytest.mark.parametrize(("text", "title"), [
    ("Judul Berita Hari Ini\n\nIsi berita.", "Judul Berita Hari Ini"),
    ("Judul Berita Hari Ini\r\n\r\nIsi berita.", "Judul Berita Hari Ini"),
    ("Apakah Harga Beras Akan Turun?\n\nIsi berita.", "Apakah Harga Beras Akan Turun?"),
    ("Kalimat pertama berakhir titik.\n\nIsi berita.", None),
    ("Judul tanpa baris kosong\nIsi berita.", None),
    ("Hanya satu baris", None),
    ("(ant/rdn)\n\nIsi berita.", None),
])
def test_split_headline(text: str, title: str | None):
    assert split_headline(text)[0] == title


@pytest.mark.parametrize("module", ["warta.ingest", "warta.clean", "warta.clean.glue"])
def test_docstring_examples(module: str):
    import doctest
    import importlib

    failures, tried = doctest.testmod(importlib.import_module(module))
    assert tried > 0 and failures == 0


@pytest.mark.parametrize(("line", "out"), [
    ("| Hujan deras turun sejak pagi. |", "Hujan deras turun sejak pagi."),
    ("| Hujan deras turun sejak pagi. |  |", "Hujan deras turun sejak pagi."),
    ("| Provinsi | Jumlah |", "| Provinsi | Jumlah |"),
    ("Paragraf biasa.", "Paragraf biasa."),
])
def test_one_cell_table_rows_become_paragraphs(line: str, out: str):
    from warta.ingest.html import _unwrap_cell

    assert _unwrap_cell(line) == out
