"""Find quoted stretches in raw text by their marks, before any attribution.

Works on characters, not tokens, so it does not depend on how the tokenizer splits marks. Handles
curly (“…”), guillemet («…»), single (‘…’) and straight ("…") marks, the doubled ``""`` that CSV
exports leave in text, nesting (only the outermost stretch is returned), and a quote left open at
the end of a paragraph that continues in the next paragraph opening with a quote mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warta.nlp.lang.id.reporting_verbs import (
    DOUBLED_STRAIGHT,
    QUOTE_PAIRS,
    SINGLE_MARKS,
    STRAIGHT_QUOTES,
)

_CLOSERS = frozenset(QUOTE_PAIRS.values()) - frozenset(QUOTE_PAIRS) - SINGLE_MARKS  # ” » ›
_OPENERS = frozenset(QUOTE_PAIRS) - SINGLE_MARKS
_SINGLE_OPEN, _SINGLE_CLOSE = "‘", "’"
_TRIM = " \t\r\n,"
# Every character a mark can start with: ``_marks`` jumps from one to the next.
_MARK_START = re.compile("[" + re.escape("".join(sorted(
    STRAIGHT_QUOTES | _OPENERS | _CLOSERS | SINGLE_MARKS | {DOUBLED_STRAIGHT[0]}))) + "]")


@dataclass(frozen=True)
class Mark:
    """One quote mark: where it sits, how long it is, and which way it may point."""

    pos: int
    length: int
    char: str  # the mark as written ('"' for a doubled straight mark)
    role: str  # "open" | "close" | "straight"


@dataclass(frozen=True)
class QuoteRegion:
    """A top-level quoted stretch: marks at ``open``/``close``, words in [start, end)."""

    open: int  # offset of the opening mark (paragraph start when the mark is missing)
    start: int
    end: int
    close: int  # offset just past the closing mark (or the paragraph end)
    closed: bool  # False when the quote ran to a paragraph end without its closing mark


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end) offsets: news paragraphs are separated by newlines."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _is_space(text: str, i: int) -> bool:
    return i < 0 or i >= len(text) or text[i].isspace()


def _marks(text: str, lo: int, hi: int) -> list[Mark]:
    """The quote marks of one paragraph, apostrophes left out."""
    out: list[Mark] = []
    after_doubled = lo
    for found in _MARK_START.finditer(text, lo, hi):  # not a Python step per character
        i = found.start()
        if i < after_doubled:
            continue
        c = text[i]
        if text.startswith(DOUBLED_STRAIGHT, i) and i + 1 < hi:
            out.append(Mark(i, 2, '"', "straight"))
            after_doubled = i + 2
            continue
        if c in STRAIGHT_QUOTES:
            out.append(Mark(i, 1, c, "straight"))
        elif c in _OPENERS:
            out.append(Mark(i, 1, c, "open"))
        elif c in _CLOSERS:
            out.append(Mark(i, 1, c, "close"))
        elif c == "'" and not text[i - 1:i].isalnum() and text[i + 1:i + 2].isalnum():
            out.append(Mark(i, 1, "'", "open"))
        elif (c == "'" and not _is_space(text, i - 1) and not text[i + 1:i + 2].isalnum()
              and text[i - 1:i] not in ("s", "S")):
            out.append(Mark(i, 1, "'", "close"))
        elif c == _SINGLE_OPEN and not text[i - 1:i].isalnum() and not _is_space(text, i + 1):
            out.append(Mark(i, 1, c, "open"))
        elif (c == _SINGLE_CLOSE and not _is_space(text, i - 1)
              and not text[i + 1:i + 2].isalnum()):
            out.append(Mark(i, 1, c, "close"))
    return out


def _opens(text: str, m: Mark) -> bool:
    """Whether a mark reads as opening: space (or start) before it, a word after it."""
    return _is_space(text, m.pos - 1) and not _is_space(text, m.pos + m.length)


def _closes(text: str, m: Mark) -> bool:
    """Whether a mark reads as closing: a word or punctuation before it, no word after it."""
    after = text[m.pos + m.length:m.pos + m.length + 1]
    return not _is_space(text, m.pos - 1) and not after.isalnum()


def _step(text: str, stack: list[Mark], m: Mark) -> bool:
    """Apply one mark to the nesting stack; True when it closes the outermost quote."""
    if not stack:
        if m.role == "close" and m.char in SINGLE_MARKS:
            return False  # a stray apostrophe-like mark
        stack.append(m)
        return False
    top = stack[-1]
    pairs = m.role == "close" and QUOTE_PAIRS.get(top.char) == m.char
    if pairs or (m.role == "straight" and top.role == "straight"):
        stack.pop()
    elif m.role == "open" and m.char == top.char and _closes(text, m):
        stack.pop()  # the same mark used both ways (“…“)
    elif m.role == "straight" and _closes(text, m) and not _opens(text, m):
        stack.pop()  # mixed marks: “…"
    elif m.role == "close" and m.char in _CLOSERS and top.char not in SINGLE_MARKS:
        stack.pop()  # mixed curly/guillemet closers
    elif m.role in ("open", "straight"):
        stack.append(m)
    return not stack


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _region(text: str, open_pos: int, start: int, end: int, close: int,
            closed: bool) -> QuoteRegion | None:
    s, e = _trimmed(text, start, end)
    return QuoteRegion(open_pos, s, e, close, closed) if e > s else None


def quote_regions(text: str) -> list[QuoteRegion]:
    """Every outermost quoted stretch of ``text``, in order."""
    regions: list[QuoteRegion] = []
    carried: tuple[int, int] | None = None  # (open mark pos, content start) of a quote left open
    paras = paragraphs(text)
    for n, (lo, hi) in enumerate(paras):
        marks = _marks(text, lo, hi)
        stack: list[Mark] = []
        open_at: tuple[int, int] | None = None
        if carried is not None:
            first = marks[0] if marks else None
            if first is not None and first.pos == lo + len(text[lo:hi]) - len(text[lo:hi].lstrip()):
                stack.append(first)
                marks = marks[1:]
                open_at = carried
            else:  # the open quote ends with its paragraph
                carried = None
        for k, m in enumerate(marks):
            if (not stack and k == 0 and open_at is None and m.role != "open"
                    and (_closes(text, m) or m.role == "close") and not _opens(text, m)
                    and text[lo:m.pos].strip()):
                # a closing mark with no opener: the quote began with the paragraph (a
                # curly closer closes even with a space before it, as tokenised text has it)
                region = _region(text, lo, lo, m.pos, m.pos + m.length, True)
                if region:
                    regions.append(region)
                continue
            was_empty = not stack
            done = _step(text, stack, m)
            if was_empty and stack:
                open_at = (m.pos, m.pos + m.length)
            elif done and open_at is not None:
                region = _region(text, open_at[0], open_at[1], m.pos, m.pos + m.length, True)
                if region:
                    regions.append(region)
                open_at = None
        carried = None
        if stack and open_at is not None:
            nxt = paras[n + 1] if n + 1 < len(paras) else None
            if nxt is not None and _starts_with_mark(text, *nxt):
                carried = open_at
            else:
                region = _region(text, open_at[0], open_at[1], hi, hi, False)
                if region:
                    regions.append(region)
    return regions


def _starts_with_mark(text: str, lo: int, hi: int) -> bool:
    stripped = text[lo:hi].lstrip()
    return bool(stripped) and (stripped[0] in STRAIGHT_QUOTES or stripped[0] in QUOTE_PAIRS)
