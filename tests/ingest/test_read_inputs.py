"""read_inputs: every format by content, every bad-input case as one coded Failure."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from warta.ingest import read_inputs
from warta.settings import Settings
from warta.types import Failure, RawArticle

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "ingest"


def _read(*names: str, settings: Settings | None = None, **kw: object) -> list:
    paths = [n if n == "-" or n.startswith("/") else str(DATA / n) for n in names]
    return list(read_inputs(paths, settings or Settings(), **kw))


def _articles(items: list) -> list[RawArticle]:
    return [i for i in items if isinstance(i, RawArticle)]


def _failures(items: list) -> list[Failure]:
    return [i for i in items if isinstance(i, Failure)]


def test_plain_text_headline_is_title():
    (raw,) = _read("artikel.txt")
    assert raw.source.format == "text"
    assert raw.title == "Gubernur Jawa Barat Tinjau Tanggul Jebol di Karawang"
    assert raw.text.startswith("Karawang - Gubernur")


def test_plain_text_without_headline_keeps_first_line(tmp_path: Path):
    path = tmp_path / "tanpa-judul.txt"
    path.write_text("Hujan deras turun sejak pagi di Bogor.\n\nWarga diminta waspada.\n")
    (raw,) = list(read_inputs([str(path)], Settings()))
    assert raw.title is None
    assert raw.text.startswith("Hujan deras")


def test_gzip_text_is_read_like_the_text():
    (plain,) = _read("artikel.txt")
    (zipped,) = _read("artikel.txt.gz")
    assert (zipped.title, zipped.text) == (plain.title, plain.text)


def test_html_main_text_and_metadata():
    (raw,) = _read("halaman.html")
    assert raw.source.format == "html"
    assert raw.title == "Nelayan Natuna Tolak Kapal Asing"
    assert raw.authors == ["Yohanes Lase"]
    assert raw.published == "2025-09-30"
    assert raw.source.site_name == "Kabar Pesisir"
    assert "Ratusan nelayan di Kabupaten Natuna" in raw.text
    assert "Bakamla menyatakan akan menambah" in raw.text
    assert "\n\n" in raw.text  # paragraphs kept apart


def test_html_detected_by_content_not_extension(tmp_path: Path):
    path = tmp_path / "halaman.dat"
    shutil.copy(DATA / "halaman.html", path)
    (raw,) = list(read_inputs([str(path)], Settings()))
    assert raw.source.format == "html"


def test_rss_entries_content_or_summary():
    items = _read("feed.xml")
    assert [a.source.record for a in items] == [0, 1]
    first, second = items
    assert first.title == "Harga Ikan Tongkol Turun di Pelabuhan Ratu"
    assert first.source.url == "https://kabarpesisir.example/ikan-tongkol/"
    assert first.published == "2025-10-06T06:00:00+07:00"
    assert "<p>" not in first.text and "Nelayan berharap" in first.text
    assert second.text.startswith("Pemerintah kabupaten membangun")


def test_atom_entry_with_author():
    (raw,) = _read("atom.xml")
    assert raw.source.format == "rss"
    assert raw.authors == ["Lestari Wulan"]
    assert raw.published == "2025-10-08T10:00:00+07:00"
    assert raw.text.split("\n\n")[1] == "Dermaga itu dapat menampung 60 kapal nelayan."


def test_jsonl_bad_lines_fail_alone_as_one_summarised_line():
    items = _read("berita.jsonl")
    (failure,) = _failures(items)  # three bad lines (2, 4, 5): one line names the first, counts
    assert failure.message.startswith(f"E006 {DATA / 'berita.jsonl'}: malformed JSON Lines "
                                      "(line 2:")
    assert failure.message.endswith("; and 2 more failures in this input")
    good = _articles(items)
    assert [a.title for a in good] == ["Panen Raya di Indramayu", "Kolom Lain"]
    assert good[0].source.url == "https://contoh.example/panen"
    assert good[1].published == "2025-10-05"  # day first: Indonesian default


def test_csv_with_known_column_names_needs_no_options():
    items = _read("berita.csv")
    good = _articles(items)
    assert [a.title for a in good] == ["Jembatan Gantung Putus di Lebak",
                                       "Sekolah Rusak Diperbaiki"]
    assert good[0].published == "2025-10-13T08:00:00"  # month first, decided from the file
    assert good[0].source.url == "https://contoh.example/jembatan"
    (empty_row,) = _failures(items)
    assert empty_row.message.startswith("E008") and "row 3" in empty_row.message


def test_csv_columns_from_settings(tmp_path: Path):
    path = tmp_path / "kolom.csv"
    path.write_text("isi,kepala\nWarga Depok menanam seribu pohon.,Depok Hijau\n")
    settings = Settings().with_ingest(text_column="isi", title_column="kepala")
    (raw,) = list(read_inputs([str(path)], settings))
    assert (raw.title, raw.text) == ("Depok Hijau", "Warga Depok menanam seribu pohon.")


def test_csv_without_text_column():
    (failure,) = _read("tanpa-teks.csv")
    assert failure.message.startswith("E009")
    assert "nama, kota" in failure.message


def test_named_text_column_is_not_guessed():
    settings = Settings().with_ingest(text_column="konten_utama")
    (failure,) = _read("berita.csv", settings=settings)
    assert failure.message.startswith("E009") and "'konten_utama'" in failure.message


def test_malformed_csv_keeps_the_rows_before_the_damage():
    items = _read("rusak.csv")
    assert [type(i).__name__ for i in items] == ["RawArticle", "Failure"]
    assert items[0].title == "Baik"
    assert items[1].message.startswith(f"E006 {DATA / 'rusak.csv'}: malformed CSV (after line")


def test_tsv():
    items = _read("berita.tsv")
    assert [a.source.format for a in items] == ["tsv", "tsv"]
    assert items[1].title == "Stok Gula Aman"


def test_wet_conversion_records():
    items = _read("halaman.warc.wet.gz")
    assert [(a.source.format, a.source.record) for a in items] == [("wet", 0), ("wet", 2)]
    assert items[0].source.url == "https://kabarkita.example/vonis"
    assert items[1].title == "Cuaca Jakarta Cerah"


def test_warc_response_record_is_an_article():
    items = list(read_inputs([str(ROOT / "examples/articles/berita-demo.warc.gz")], Settings()))
    (raw,) = items  # warcinfo and robots.txt records are skipped
    assert raw.source.format == "warc"
    assert raw.source.record == 1
    assert raw.source.url.startswith("https://wartakita.example/2025/10/20/")
    assert raw.title.startswith("Ribuan Mahasiswa Demo")


def test_latin1_text_is_decoded():
    (raw,) = _read("latin1.txt")
    assert "kafé" in raw.text


def test_directory_is_walked_recursively_in_order(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "dua.txt").write_text("Dua\n\nIsi berita kedua di sini.\n")
    (tmp_path / "a.txt").write_text("Satu\n\nIsi berita pertama di sini.\n")
    (tmp_path / ".tersembunyi.txt").write_text("Jangan dibaca.\n")
    titles = [a.title for a in read_inputs([str(tmp_path)], Settings())]
    assert titles == ["Satu", "Dua"]


def test_stdin():
    stream = io.BytesIO((DATA / "artikel.txt").read_bytes())
    (raw,) = _read("-", stdin=stream)
    assert raw.source.path == "-"
    assert raw.title.startswith("Gubernur Jawa Barat")


@pytest.mark.parametrize(("name", "code"), [
    ("kosong.txt", "E001"),
    ("spasi.txt", "E001"),
    ("biner.bin", "E002"),
    ("bukan-utf8.txt", "E002"),
    ("terpotong.txt.gz", "E003"),
    ("tak-terbaca.txt", "E004"),
    ("rusak-feed.xml", "E006"),
    ("sitemap.xml", "E008"),
    ("tidak-ada.txt", "E007"),
    ("kosong-html.html", None),  # read; nothing but the menu survives cleaning (see clean tests)
    ("tanpa-html.warc", "E008"),
    ("tanpa-teks.csv", "E009"),
])
def test_bad_input_is_one_coded_failure(name: str, code: str | None):
    items = _read(name)
    if code is None:
        assert len(_articles(items)) == 1
        return
    (failure,) = items
    assert isinstance(failure, Failure)
    assert failure.message.startswith(f"{code} {DATA / name}:")
    assert "\n" not in failure.message


def test_truncated_warc_yields_what_it_read_then_fails():
    items = _read("terpotong.warc.gz")
    assert isinstance(items[0], RawArticle)
    # the gzip layer is cut, not the WARC records: E003 names that (it was a "corrupt WARC")
    assert isinstance(items[-1], Failure) and items[-1].message.startswith("E003")
    assert "ends inside a gzip member" in items[-1].message


def test_oversized_input():
    settings = Settings().with_ingest(max_bytes=100)
    (failure,) = _read("halaman.html", settings=settings)
    assert failure.message.startswith("E005")
    assert "over the limit of 100 bytes" in failure.message


def test_oversized_stdin():
    settings = Settings().with_ingest(max_bytes=10)
    (failure,) = _read("-", settings=settings, stdin=io.BytesIO(b"x" * 50))
    assert failure.message.startswith("E005 -:")


def test_bad_inputs_do_not_stop_the_batch():
    items = _read("kosong.txt", "tidak-ada.txt", "artikel.txt", "biner.bin", "feed.xml")
    assert [type(i).__name__ for i in items] == ["Failure", "Failure", "RawArticle", "Failure",
                                                 "RawArticle", "RawArticle"]


@pytest.mark.parametrize("content", [
    '[\n  {"title": "Satu", "text": "Isi pertama."},\n  {"title": "Dua", "text": "Isi kedua."},\n'
    '  "bukan objek"\n]\n',
    '{\n  "title": "Satu",\n  "text": "Isi pertama."\n}\n',
])
def test_json_document(tmp_path: Path, content: str):
    path = tmp_path / "berita.json"
    path.write_text(content)
    items = list(read_inputs([str(path)], Settings()))
    assert items[0].title == "Satu" and items[0].source.format == "jsonl"
    if content.startswith("["):
        assert items[1].title == "Dua"
        assert items[2].message.startswith("E006") and "item 3" in items[2].message


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "terkunci.txt"
    path.write_text("Judul\n\nIsi.\n")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    (failure,) = list(read_inputs([str(path)], Settings()))
    assert failure.message == f"E011 {path}: cannot read (Permission denied)"


@pytest.mark.parametrize("content", ["judul,isi\n", "judul,isi\n\n\n", "judul\tisi\n"],
                         ids=["header", "header-blank-lines", "tsv-header"])
def test_table_with_a_header_and_no_rows_is_a_failure(tmp_path: Path, content: str):
    path = tmp_path / ("kosong.tsv" if "\t" in content else "kosong.csv")
    path.write_text(content, encoding="utf-8")
    (failure,) = _read(str(path))
    assert isinstance(failure, Failure)
    assert failure.message == f"E008 {path}: no article text found (a header and no rows)"


def test_json_escapes_of_lone_surrogates_become_replacement_characters(tmp_path: Path):
    """A lone "\\ud800" is valid JSON but not encodable: the record could not be written."""
    path = tmp_path / "pengganti.jsonl"
    path.write_text('{"title": "Judul \\udc00", "text": "Isi \\ud800 berita hari ini."}\n',
                    encoding="utf-8")
    (raw,) = _read(str(path))
    assert (raw.title, raw.text) == ("Judul \ufffd", "Isi \ufffd berita hari ini.")
    raw.text.encode("utf-8")  # would raise UnicodeEncodeError before
