"""HTML pages → RawArticle: main text, title, author, site name (trafilatura), date (htmldate).

trafilatura runs with ``favor_recall`` so no body paragraph is lost; what it lets through (share
prompts, "Baca juga" lines) is removed by ``warta.clean``, which knows Indonesian boilerplate.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from htmldate import find_date
from trafilatura.settings import Document

from warta.errors import Errors, InputError
from warta.types import RawArticle, Source, SourceFormat

# The publication date, not the last-modified one: news is dated when it was first published.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}
_AUTHOR_SPLIT = re.compile(r"\s*;\s*")


def read_html(html: str, source_path: str | None, *, fmt: SourceFormat = "html",
              url: str | None = None, record: int | None = None) -> RawArticle:
    """One article from an HTML page; InputError E008 when no main text is found."""
    name = source_path or url or "-"
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        favor_recall=True, deduplicate=False, date_extraction_params=_DATE_PARAMS)
    text = doc.text if isinstance(doc, Document) else None
    if not isinstance(doc, Document) or not text or not text.strip():
        raise InputError(Errors.E008.format(path=name, reason="no main text in the HTML"),
                         path=name)
    published = doc.date or _find_date(html)
    authors = [a for a in _AUTHOR_SPLIT.split(doc.author or "") if a]
    source = Source(path=source_path, format=fmt, url=url or doc.url, site_name=doc.sitename,
                    record=record)
    return RawArticle(source=source, text=_paragraphs(text), title=doc.title or None,
                      published=published, authors=authors)


def _find_date(html: str) -> str | None:
    """htmldate's thorough search, used only when trafilatura's quick one found nothing."""
    try:
        return find_date(html, extensive_search=True, original_date=True)
    except (ValueError, TypeError):  # htmldate rejects some malformed documents this way
        return None


def _paragraphs(text: str) -> str:
    """trafilatura puts one paragraph per line; warta separates paragraphs by a blank line."""
    return "\n\n".join(_unwrap_cell(line.strip()) for line in text.split("\n") if line.strip())


def _unwrap_cell(line: str) -> str:
    """A one-cell table row "| text |" (pages laid out with tables) is just a paragraph."""
    if not (line.startswith("|") and line.endswith("|")):
        return line
    cells = [c.strip() for c in line[1:-1].split(" | ")]
    filled = [c for c in cells if c and c != "|"]
    return filled[0] if len(filled) == 1 else line
