"""A dataset's own id column reaches the source as a reference; it is not the article's identity."""

from __future__ import annotations

from warta.ingest import read_inputs
from warta.record import article_id


def test_csv_id_column_reaches_source(tmp_path, settings):
    path = tmp_path / "berita.csv"
    path.write_text("id,judul,isi_berita\n7,Banjir,Banjir melanda Bekasi.\n"
                    "8,Banjir,Banjir melanda Bekasi.\n", "utf-8")
    raws = list(read_inputs([str(path)], settings))
    assert [r.source.native_id for r in raws] == ["7", "8"]
    # the same text under two ids is one article (issue 16; it used to be two)
    assert len({article_id(r.title, r.text) for r in raws}) == 1


def test_other_id_column_name(tmp_path, settings):
    path = tmp_path / "berita.jsonl"
    path.write_text('{"no": "a-1", "text": "Gempa di Cianjur."}\n', "utf-8")
    raws = list(read_inputs([str(path)], settings.with_ingest(id_column="no")))
    assert raws[0].source.native_id == "a-1"
