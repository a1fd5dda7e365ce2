"""HTML fragments (feed summaries, JSON/CSV fields holding markup) → plain paragraphs."""

from __future__ import annotations

import html
import re

import lxml.html
from lxml.etree import ParserError

_BLOCK_TAGS = re.compile(r"<\s*(/?(p|div|h[1-6]|li|blockquote|tr|section|article)\b[^>]*|br\s*/?)>",
                         re.IGNORECASE)
_HAS_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")
_BLANKS = re.compile(r"\n\s*\n+")


def strip_html(fragment: str) -> str:
    """Text of an HTML fragment, one blank line between block elements; plain text unchanged."""
    if not _HAS_TAG.search(fragment):
        return html.unescape(fragment).strip()
    marked = _BLOCK_TAGS.sub(lambda m: f"\n\n<{m.group(1)}>", fragment)
    try:
        text = lxml.html.fromstring(f"<div>{marked}</div>").text_content()
    except (ParserError, ValueError):
        text = _HAS_TAG.sub(" ", marked)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()
