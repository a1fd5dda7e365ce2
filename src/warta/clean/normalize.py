"""Unicode and whitespace normalisation, and splitting text into paragraphs.

Runs before any offset exists: the cleaned text is what every offset in the record points into.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

import ftfy

# Zero-width characters and the soft hyphen: invisible, and they split words for the tokenizer.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
# Every other Unicode space (no-break, thin, ideographic ...) becomes a plain space.
_SPACES = re.compile(r"[^\S\n]+")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]…]$")


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=1)
def _badness_window() -> tuple[re.Pattern[str], int] | None:
    """ftfy's mojibake pattern and the longest text one of its matches can be, when every
    match of it holds a non-ASCII character (each alternative has one it cannot do without);
    None when that is not so or not worked out (another ftfy), and ftfy decides alone."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]  # CPython's own
        from re import _parser  # type: ignore[attr-defined]  # CPython's own

        from ftfy.badness import BADNESS_RE

        if BADNESS_RE.flags & re.IGNORECASE:
            return None
        parsed = _parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
        width = parsed.getwidth()[1]
        items = list(parsed)
        branches = items[0][1][1] if len(items) == 1 and items[0][0] is c.BRANCH else [parsed]

        def non_ascii(op: Any, av: Any) -> bool:
            if op is c.LITERAL:
                return bool(av >= 0x80)
            return op is c.IN and all(
                (o is c.LITERAL and a >= 0x80) or (o is c.RANGE and a[0] >= 0x80) for o, a in av)

        if width > 64 or not all(any(non_ascii(op, av) for op, av in b) for b in branches):
            return None
        return BADNESS_RE, width
    except (ImportError, AttributeError, TypeError, ValueError, IndexError, re.error):
        return None


def may_be_mojibake(text: str) -> bool:
    """Whether ``ftfy.fix_encoding`` may change ``text``: exactly ftfy's own test
    (``ftfy.badness.is_bad``; text it finds no mojibake in is returned as it is), searched only
    around the non-ASCII characters, since every one of its matches holds one and is at most a
    few characters long. ftfy's search tries its forty-odd alternatives at every character: 2 ms
    for an article with a curly quote, most of the cleaning's CPU (docs/scaling.md)."""
    window = _badness_window()
    if window is None:
        return True
    pattern, width = window
    size = len(text)
    for run in _NON_ASCII.finditer(text):
        if pattern.search(text, max(0, run.start() - width + 1),
                          min(size, run.end() + width - 1)) is not None:
            return True
    return False


def normalize(text: str) -> str:
    """NFC, no invisible characters, plain spaces, ``\\n`` line breaks, stripped lines."""
    # Scraped news often went through a wrong decode ("2,5Â±1%"); ftfy undoes exactly that and
    # leaves correct text alone (only fix_encoding: quotes and dashes stay as written).
    if may_be_mojibake(text):
        text = ftfy.fix_encoding(text)
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = _LINE_BREAKS.sub("\n", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines)


def normalize_line(text: str) -> str:
    """``normalize`` for a one-line field (title, name): line breaks become spaces."""
    return " ".join(normalize(text).split())


def paragraphs(text: str) -> list[str]:
    """Paragraphs of normalised text: each non-blank line, with hard-wrapped lines re-joined.

    A line is joined to the previous one when the previous one does not end a sentence and the
    line starts in lower case (a wrap inside a sentence), as in e-mailed or fixed-width text.
    """
    out: list[str] = []
    previous_blank = True
    for line in text.split("\n"):
        if not line:
            previous_blank = True
            continue
        wrapped = (out and not previous_blank and not _SENTENCE_END.search(out[-1])
                   and line[:1].islower())
        if wrapped:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        previous_blank = False
    return out


def join(paras: list[str]) -> str:
    """The article text: paragraphs separated by exactly one blank line."""
    return "\n\n".join(p for p in paras if p)
