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


def test_the_quote_views_columns_and_entity_windows_match_a_per_token_reading():
    """The View is built from whole columns and finds a window's entities by bisection (issue
    20, fourth round): paragraph, mark and sentence-end flags must be what a per-token reading
    gives, and ``ents_between`` exactly the entities a scan of ``v.ents`` finds, in its order."""
    from bisect import bisect_right

    import spacy
    from spacy.tokens import Span

    from warta.extract.quote_marks import paragraphs
    from warta.extract.quote_view import MARK_CHARS, SENT_END, ents_between, make_view
    from warta.nlp import extensions

    extensions.register()
    text = ("“Kami siap.” kata Budi Santoso di Bogor.\n\n\nIa ‘menambahkan’ harga naik!\n\n"
            "Menurut Rina, “Ya … tidak.” Lalu Rina Ayu dan Joko pergi ke Bogor .")
    doc = spacy.blank("id")(text)
    words = [t.text for t in doc]
    doc.ents = [Span(doc, words.index("Budi"), words.index("Budi") + 2, label="PERSON"),
                Span(doc, words.index("Bogor"), words.index("Bogor") + 1, label="GPE"),
                Span(doc, words.index("Rina"), words.index("Rina") + 1, label="PERSON"),
                Span(doc, len(doc) - 2, len(doc) - 1, label="GPE")]
    rina_ayu = words.index("Rina", words.index("Rina") + 1)
    doc._.mentions = [Span(doc, rina_ayu, rina_ayu + 2, label="PERSON"),
                      Span(doc, rina_ayu, rina_ayu + 1, label="PERSON"),
                      Span(doc, rina_ayu + 3, rina_ayu + 4, label="PERSON")]
    v = make_view(doc)
    para_starts = [p[0] for p in paragraphs(text)]
    assert v.para_of == [max(0, bisect_right(para_starts, t.idx) - 1) for t in doc]
    assert len(set(v.para_of)) == 3
    assert v.mark == [not t.text.strip(MARK_CHARS) for t in doc] and any(v.mark)
    assert v.sent_end == [t.text in SENT_END and v.region_of[t.i] < 0 for t in doc]
    assert any(v.sent_end) and not v.sent_end[words.index(".")]  # "siap." is inside a quote
    assert len(v.ents) == 7
    for lo in range(len(doc) + 1):
        for hi in range(lo, len(doc) + 2):
            assert ents_between(v, lo, hi) == [e for e in v.ents if lo <= e.start < hi]
    assert [(e.start, e.end) for e in ents_between(v, rina_ayu, rina_ayu + 1)] == [
        (rina_ayu, rina_ayu + 2), (rina_ayu, rina_ayu + 1)]  # longest first, as v.ents


def test_sentence_bounds_kept_per_token_are_the_walk_and_cue_words_unchanged():
    """``sentence_bounds`` keeps each token's answer in the View and ``stem_cue`` each word's
    (issue 20, sixth round): a second ask, and the answer of a fresh View, are the walk's."""
    import spacy

    from warta.extract.quote_view import _sentence_bounds, make_view, sentence_bounds, stem_cue
    from warta.nlp import extensions

    extensions.register()
    text = ("“Kami siap.” kata Budi di Bogor.\n\nIa menambahkan: harga naik! Lalu katanya\n"
            "Menurut Rina, “Ya … tidak.” ujarnya .")
    doc = spacy.blank("id")(text)
    v = make_view(doc)
    first = [sentence_bounds(v, i) for i in range(len(doc))]
    assert first == [sentence_bounds(v, i) for i in range(len(doc))]
    assert first == [_sentence_bounds(make_view(doc), i) for i in range(len(doc))]
    assert len(set(first)) > 3 and len(v.bounds) == len(doc)
    assert stem_cue("Katanya") == (True, True) and stem_cue("kata") == (True, False)
    assert stem_cue("Ujarnya") == stem_cue("ujarnya") and stem_cue("harga") == (False, False)
