"""Issue 16: a long article is analysed piece by piece (bounded memory), into one record."""

from __future__ import annotations

import pytest

from warta.process import analyze, analyze_many, paragraph_pieces
from warta.record import validate
from warta.types import RawArticle, Source

PARAGRAPH = ("Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Jepang Yoko Kamikawa "
             "di Jakarta, Senin (10/6/2024). “Kami sepakat memperkuat kerja sama maritim,” "
             "kata Retno kepada wartawan.")


@pytest.mark.parametrize(("text", "limit"), [
    ("a b\n\nc d\n\ne f", 5),
    ("satu dua tiga. empat lima enam. tujuh", 16),
    ("x" * 23, 10),  # no break at all: cut at the limit
    ("pendek", 100),
])
def test_pieces_put_back_are_the_text_and_respect_the_limit(text: str, limit: int) -> None:
    pieces = paragraph_pieces(text, limit)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= limit for _, p in pieces)
    assert all(text[s:s + len(p)] == p for s, p in pieces)


def test_pieces_cut_at_blank_lines_before_anything_else() -> None:
    text = "Paragraf satu. Kalimat dua.\n\nParagraf dua."
    assert [p for _, p in paragraph_pieces(text, 35)] == ["Paragraf satu. Kalimat dua.\n\n",
                                                          "Paragraf dua."]


def _raw(text: str) -> RawArticle:
    return RawArticle(Source(path="panjang.txt", format="text"), text, title="Retno dan Kamikawa")


def test_a_long_article_is_one_record_with_offsets_into_the_whole_text(nlp, settings) -> None:
    text = "\n\n".join([PARAGRAPH] * 6)
    whole = analyze(_raw(text), nlp, settings)
    small = settings.with_ingest(chunk_chars=len(PARAGRAPH) * 2 + 10)
    pieced = analyze(_raw(text), nlp, small)
    validate(pieced)
    assert pieced["id"] == whole["id"] and pieced["text"] == whole["text"]
    for quote in pieced["quotes"]:  # every offset points into the whole text
        assert text[quote["start"]:quote["end"]] == quote["text"]
    for entity in pieced["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
    assert len(pieced["quotes"]) == len(whole["quotes"]) == 6
    assert {a["id"] for a in pieced["actors"]} == {a["id"] for a in whole["actors"]}
    assert pieced["tone"]["word_count"] == whole["tone"]["word_count"]


def test_the_batch_path_pieces_long_articles_too(nlp, settings) -> None:
    text = "\n\n".join([PARAGRAPH] * 4)
    small = settings.with_ingest(chunk_chars=len(PARAGRAPH) + 5)
    short = _raw(PARAGRAPH)
    records = list(analyze_many([short, _raw(text)], nlp, small))
    assert [len(r["quotes"]) for r in records] == [1, 4]
    assert records[1]["text"] == text
