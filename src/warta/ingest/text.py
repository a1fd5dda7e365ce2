"""Plain text (and web-extracted text such as WET records) → RawArticle.

The title is the first line when it looks like a headline: short, not ending in a full stop, and
followed by a blank line. Boilerplate mixed into the text is left for ``warta.clean``.
"""

from __future__ import annotations

import re

from warta.types import RawArticle, Source, SourceFormat

HEADLINE_MAX_WORDS = 25
HEADLINE_MAX_CHARS = 200
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
_SENTENCE_END = (".", ",", ";", ":")


def split_headline(text: str) -> tuple[str | None, str]:
    """(title, body): the first line is the title when it looks like a headline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff \t\n")
    match = _BLANK_LINE.search(text)
    if match is None:
        return None, text
    first, rest = text[: match.start()], text[match.end():]
    if "\n" in first or not rest.strip() or not looks_like_headline(first):
        return None, text
    return first.strip(), rest


def looks_like_headline(line: str) -> bool:
    """Short, has letters, does not end like a sentence, is not a bracketed credit."""
    line = line.strip()
    words = line.split()
    return (0 < len(words) <= HEADLINE_MAX_WORDS and len(line) <= HEADLINE_MAX_CHARS
            and any(ch.isalpha() for ch in line) and not line.endswith(_SENTENCE_END)
            and not line.startswith(("(", "[", "<", "{")))


def read_text(text: str, source_path: str | None, *, fmt: SourceFormat = "text",
              url: str | None = None, record: int | None = None,
              published: str | None = None) -> RawArticle:
    """One plain-text article."""
    title, body = split_headline(text)
    return RawArticle(source=Source(path=source_path, format=fmt, url=url, record=record),
                      text=body, title=title, published=published)
