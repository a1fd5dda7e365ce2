"""Unicode and whitespace normalisation, and splitting text into paragraphs.

Runs before any offset exists: the cleaned text is what every offset in the record points into.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

# Zero-width characters and the soft hyphen: invisible, and they split words for the tokenizer.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
# Every other Unicode space (no-break, thin, ideographic ...) becomes a plain space.
_SPACES = re.compile(r"[^\S\n]+")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]…]$")


def normalize(text: str) -> str:
    """NFC, no invisible characters, plain spaces, ``\\n`` line breaks, stripped lines."""
    # Scraped news often went through a wrong decode ("2,5Â±1%"); ftfy undoes exactly that and
    # leaves correct text alone (only fix_encoding: quotes and dashes stay as written).
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
