"""The quote-mark scanners jump from one possible mark to the next (issue 20: they stepped
through every character in Python); they must find what a step per character finds."""

from __future__ import annotations

import random

import pytest

from warta.extract import quote_marks
from warta.extract.quote_marks import Mark
from warta.nlp.lang.id.reporting_verbs import DOUBLED_STRAIGHT, STRAIGHT_QUOTES
from warta.resolve import coref

ALPHABET = "ab sS1,.\n\"'“”‘’«»„‹›＂-"


def _texts() -> list[str]:
    rng = random.Random(20)
    return [
        "Ia berkata, “Kami siap.” Lalu ‘diam’. Jum’at, Ma'ruf 'pergi' ke kota\n\n\"Ya\" \"\"x\"\"",
        *("".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60))) for _ in range(3000)),
    ]


def _marks_by_step(text: str, lo: int, hi: int) -> list[Mark]:
    """The per-character definition the scanner replaced (warta before issue 20)."""
    out: list[Mark] = []
    i = lo
    while i < hi:
        c = text[i]
        if text.startswith(DOUBLED_STRAIGHT, i) and i + 1 < hi:
            out.append(Mark(i, 2, '"', "straight"))
            i += 2
            continue
        if c in STRAIGHT_QUOTES:
            out.append(Mark(i, 1, c, "straight"))
        elif c in quote_marks._OPENERS:
            out.append(Mark(i, 1, c, "open"))
        elif c in quote_marks._CLOSERS:
            out.append(Mark(i, 1, c, "close"))
        elif c == "'" and not text[i - 1:i].isalnum() and text[i + 1:i + 2].isalnum():
            out.append(Mark(i, 1, "'", "open"))
        elif (c == "'" and not quote_marks._is_space(text, i - 1)
              and not text[i + 1:i + 2].isalnum() and text[i - 1:i] not in ("s", "S")):
            out.append(Mark(i, 1, "'", "close"))
        elif (c == "‘" and not text[i - 1:i].isalnum()
              and not quote_marks._is_space(text, i + 1)):
            out.append(Mark(i, 1, c, "open"))
        elif (c == "’" and not quote_marks._is_space(text, i - 1)
              and not text[i + 1:i + 2].isalnum()):
            out.append(Mark(i, 1, c, "close"))
        i += 1
    return out


def _quoted_by_step(text: str) -> list[tuple[int, int]]:
    regions = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch in coref.OPENING_QUOTES and open_at is None:
            open_at = i
        elif ch in coref.CLOSING_QUOTES and open_at is not None:
            regions.append((open_at, i + 1))
            open_at = None
        elif ch in coref.STRAIGHT_QUOTES:
            if open_at is None:
                open_at = i
            else:
                regions.append((open_at, i + 1))
                open_at = None
        elif ch == "\n" and open_at is not None and text[i + 1 : i + 2] == "\n":
            open_at = None
    return regions


@pytest.mark.parametrize("text", _texts()[:1])
def test_marks_of_a_sentence(text: str) -> None:
    assert quote_marks._marks(text, 0, len(text)) == _marks_by_step(text, 0, len(text))
    assert [m.char for m in quote_marks._marks(text, 0, len(text))][:2] == ["“", "”"]


def test_marks_and_quoted_chars_as_a_step_per_character_finds_them() -> None:
    for text in _texts():
        for lo, hi in [(0, len(text)), *quote_marks.paragraphs(text)]:
            assert quote_marks._marks(text, lo, hi) == _marks_by_step(text, lo, hi), text
        assert coref.quoted_chars(text) == _quoted_by_step(text), text


def test_the_quote_view_holds_the_docs_words_offsets_and_spaces():
    """The extractors read the View's lists instead of a Token per test (issue 20): they must
    be the Doc's own words, offsets and whitespace flags, token for token."""
    import spacy

    from warta.extract.quote_view import make_view

    text = "“Kami  siap,” kata Budi.\n\nIa MENAMBAHKAN, harga\tnaik. "
    doc = spacy.blank("id")(text)
    v = make_view(doc)
    assert v.texts == [t.text for t in doc] and v.lowers == [t.lower_ for t in doc]
    assert v.starts == [t.idx for t in doc] and v.space == [t.is_space for t in doc]
    assert any(v.space) and v.lowers != v.texts  # the text has both to compare
    assert make_view(spacy.blank("id")("")).texts == []
