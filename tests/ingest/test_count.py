"""Counting the articles of the inputs before a long job, for its progress bar's total."""

from __future__ import annotations

import gzip
from pathlib import Path

from warta.ingest.count import count_articles


def test_rows_lines_and_files_are_counted(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text('id,judul,isi\n1,Banjir,"Banjir melanda\nBekasi."\n'
                                    "2,Gempa,Gempa di Cianjur.\n\n", "utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "Harga cabai naik.\u2028Lagi."}\n\n'
                                      '{"text": "Harga beras turun."}\n'
                                      '{"text": "Inflasi melandai."}\n', "utf-8")
    (tmp_path / "c.txt").write_text("Presiden meresmikan bendungan di Bogor.", "utf-8")
    assert count_articles([str(tmp_path / "a.csv")]) == 2
    assert count_articles([str(tmp_path / "b.jsonl")]) == 3
    assert count_articles([str(tmp_path), str(tmp_path / "hilang.txt")]) == 2 + 3 + 1 + 1


def test_unknown_when_only_the_parse_could_tell(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Teks berita."))
    (tmp_path / "b.json").write_text('[{"text": "Satu."}, {"text": "Dua."}]', "utf-8")
    assert count_articles([str(tmp_path / "a.txt.gz")]) is None
    assert count_articles([str(tmp_path / "b.json")]) is None
    assert count_articles(["-"]) is None
