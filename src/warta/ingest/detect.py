"""Decide an input's format from its content (magic bytes, then sniffing); the name is a hint.

Order matters: WARC and feeds are recognised by unambiguous openers; HTML by its tags; JSON Lines
by a first line that is a JSON object; CSV/TSV by a header of short column names that the
following row matches. Anything else is plain text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Literal

Kind = Literal["warc", "html", "rss", "jsonl", "csv", "tsv", "text"]

GZIP_MAGIC = b"\x1f\x8b"
_HEAD = 4096
_WARC = re.compile(rb"^\s*WARC/\d")
_FEED = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML = re.compile(r"<(!doctype\s+html|html|head|body|article|div|p)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(r"^(<!--.*?-->\s*)*<(!doctype\s+html|html)[\s>]",
                         re.IGNORECASE | re.DOTALL)
_XML_DECL = re.compile(r"^\s*<\?xml", re.IGNORECASE)
# A CSV header cell: a short column name, not a sentence.
_COLUMN = re.compile(r"^[\w.\-/()]+(?: [\w.\-/()]+){0,2}$", re.UNICODE)
_COLUMN_MAX = 40
_TABULAR_SAMPLE = 16384
_MIN_ROWS = 2
_TABULAR_EXT: dict[str, Literal["csv", "tsv"]] = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv"}


def is_gzip(data: bytes) -> bool:
    return data.startswith(GZIP_MAGIC)


def is_warc(data: bytes) -> bool:
    """An uncompressed WARC stream starts with a ``WARC/1.x`` version line."""
    return bool(_WARC.match(data[:64]))


def sniff_text(text: str, *, name: str = "") -> Kind:
    """The format of a decoded input."""
    head = text[:_HEAD].lstrip("\ufeff \t\r\n")
    if _HTML_START.match(head):  # before feeds: a page may mention <feed> or <rss> early on
        return "html"
    if _FEED.search(head[:1024]) and (_XML_DECL.match(head) or head.startswith("<")):
        return "rss"
    if head.startswith("<") and _HTML.search(head):
        return "html"
    if _XML_DECL.match(head):  # XML that is neither HTML nor a known feed: the feed reader says why
        return "rss"
    if _looks_jsonl(head):
        return "jsonl"
    tabular = _tabular_kind(text, name)
    if tabular is not None:
        return tabular
    return "text"


def _looks_jsonl(head: str) -> bool:
    """The first non-blank line is a JSON object (or at least starts like one), or the input
    opens a JSON document (a pretty-printed object or an array of objects)."""
    first = head.split("\n", 1)[0].strip()
    if first in ("{", "[") or first.startswith(("[{", '[ {', '{ "')):
        return True
    if not first.startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):  # deep nesting too: the JSON Lines reader says why
        return first.startswith('{"')  # a broken first line still marks a JSON Lines file


def _tabular_kind(text: str, name: str) -> Literal["csv", "tsv"] | None:
    """CSV/TSV when the extension says so, or when a header of column names is followed by at
    least ``_MIN_ROWS`` rows with the same number of fields (prose rarely manages that)."""
    ext = name[name.rfind("."):].lower() if "." in name else ""
    if ext in _TABULAR_EXT:
        return _TABULAR_EXT[ext]
    sample = text[:_TABULAR_SAMPLE]
    first_line = sample.split("\n", 1)[0]
    for delimiter, kind in (("\t", "tsv"), (",", "csv"), (";", "csv")):
        try:
            header = next(csv.reader([first_line], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        if len(header) < 2 or not all(_is_column(c) for c in header):
            continue
        try:
            rows = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter))
        except csv.Error:
            continue
        if len(text) > len(sample):
            rows = rows[:-1]  # the sample may end inside a row
        data = rows[1:]
        if len(data) >= _MIN_ROWS and all(len(r) == len(header) for r in data):
            return kind  # type: ignore[return-value]  # kind is "csv" or "tsv" (the loop)
    return None


def _is_column(cell: str) -> bool:
    cell = cell.strip()
    return len(cell) <= _COLUMN_MAX and bool(_COLUMN.match(cell))
