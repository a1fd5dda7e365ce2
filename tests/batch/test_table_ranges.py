"""Issue 20: a large CSV/TSV is cut into byte ranges between rows, read by separate tasks.

Quoted fields may hold newlines (CRLF too) and doubled quotes, so a cut must fall where the csv
module ends a row; each range is read after the file's header, numbered as in the whole file.
"""

from __future__ import annotations

import codecs
import itertools

import fsspec
import pytest

from warta.batch import plan
from warta.batch.task import read_piece
from warta.ingest import read_inputs
from warta.types import Failure, RawArticle


@pytest.fixture
def small_split(monkeypatch):
    monkeypatch.setattr(plan, "SPLIT_MIN_BYTES", 0)


def _table(*, sep: str = ",", blank: bool = True) -> bytes:
    """Invented rows: multi-line quoted bodies (CRLF and LF inside), doubled quotes, a blank
    line, a row without text; only the first date settles the order (M/D/Y)."""
    rows = [f"judul{sep}isi{sep}tanggal\r\n"]
    for i in range(12):
        body = (f'"Warga Bekasi mengungsi, kata petugas {i}.\r\nIa berkata: ""Air naik"" '
                f'lagi.\n\nHujan turun sejak Senin."' if i % 3 == 0
                else f"Harga beras naik di pasar nomor {i}.")
        rows.append(f'"Berita {i}"{sep}{body}{sep}{"10/21/2025" if i == 0 else "05/06/2025"}\r\n')
        if i == 4 and blank:
            rows.append("\r\n")
        if i == 7:
            rows.append(f'"Tanpa isi"{sep}{sep}05/06/2025\r\n')
    return codecs.BOM_UTF8 + "".join(rows).encode("utf-8")


def _ranges_and_whole(name: str, settings, size: int):
    partitions, failures = plan.plan([name], settings, partition_size=size)
    assert failures == []
    pieces = [p.pieces[0] for p in partitions]
    got = [i for piece in pieces for i in read_piece(piece, settings)]
    return pieces, got, list(read_inputs([name], settings)) if "://" not in name else None


def _articles(items):
    return [i for i in items if isinstance(i, RawArticle)]


def _failures(items):
    return [i.message for i in items if isinstance(i, Failure)]


@pytest.mark.parametrize(("sep", "suffix"), [(",", "csv"), ("\t", "tsv"), (";", "txt")])
@pytest.mark.parametrize("size", [1, 2, 5])
def test_csv_ranges_read_exactly_the_whole_files_articles(tmp_path, settings, small_split,
                                                         sep, suffix, size):
    path = tmp_path / f"berita.{suffix}"  # .txt: sniffed as CSV (rows alike: no blank line)
    path.write_bytes(_table(sep=sep, blank=suffix != "txt"))
    pieces, got, whole = _ranges_and_whole(str(path), settings, size)
    assert len(pieces) == -(-13 // size)  # 13 rows (one without text): no range of blanks alone
    assert all(p.start is not None and p.table is not None for p in pieces)
    assert all(a.end == b.start for a, b in itertools.pairwise(pieces))  # contiguous ranges
    assert pieces[0].start == pieces[0].table.header_end and pieces[-1].end == path.stat().st_size
    articles = _articles(got)
    assert articles == _articles(whole)  # records, titles, texts, dates: nothing lost or twice
    assert len(articles) == 12 and [a.source.record for a in articles] == \
        [i for i in range(13) if i != 8]
    assert {a.published for a in articles[1:]} == {"2025-05-06"}  # the file's order, M/D/Y
    assert '"Air naik"' in articles[0].text and "\r\n" in articles[0].text
    line = 19 if suffix == "txt" else 20  # the blank line counts
    assert _failures(got) == _failures(whole) == [
        f"E008 {path}: no article text found (row 9 (line {line}): no value in column 'isi')"]


def test_csv_ranges_of_an_fsspec_url(settings, small_split):
    data = _table()
    with fsspec.open("memory://warta-ranges/berita.csv", "wb") as f:
        f.write(data)
    pieces, got, _ = _ranges_and_whole("memory://warta-ranges/", settings, 4)
    assert len(pieces) == 4 and pieces[0].table.header_end == len(b"judul,isi,tanggal\r\n") + 3
    assert [a.title for a in _articles(got)] == [f"Berita {i}" for i in range(12)]


@pytest.mark.parametrize("damage", [
    pytest.param(lambda d: d.replace(b'"Berita 6"', b'"Berita" 6"'), id="a stray quote"),
    pytest.param(lambda d: d.replace(b"pasar nomor 7", "pasar Cempaka".encode("cp1252")
                                     + b"\xe9"), id="not UTF-8"),
    pytest.param(lambda d: d.replace(b"judul,isi", b"judul,kolom"), id="no text column"),
])
def test_a_csv_the_reader_cannot_cut_exactly_stays_whole(tmp_path, settings, small_split, damage):
    path = tmp_path / "rusak.csv"
    path.write_bytes(damage(_table()))
    piece = plan.Piece(str(path), path.stat().st_size)
    assert plan.split_piece(piece, 2, settings=settings) == [piece]
