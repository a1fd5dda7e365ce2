"""JSON Lines and CSV/TSV → one RawArticle per line or row.

Column names come from ``settings.ingest`` (``--text-column`` etc.). When a setting still has its
default value and the file lacks that column, well-known alternatives are tried
(``warta.ingest.columns``). A bad line or row fails alone (with its number); the rest still yield.
A large file may be read in byte ranges by separate tasks (``slice_table``, ``TableSlice``): a
range is read with its file's header, row and line numbers and date order, so the ranges give
exactly the articles of the whole file.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from warta.errors import Errors
from warta.ingest import columns
from warta.ingest.dates import date_order, day_first_for, to_iso
from warta.ingest.markup import strip_html
from warta.settings import IngestSettings
from warta.types import Failure, RawArticle, Source, SourceFormat

_DEFAULTS = IngestSettings()


def _pick(configured: str, default: str, known: Sequence[str],
          available: Sequence[str]) -> str | None:
    """The column to read: the configured one, else (only for defaults) a known alternative."""
    if configured in available:
        return configured
    if configured != default:
        return None
    lowered = {c.lower(): c for c in available}
    return next((lowered[k] for k in known if k in lowered), None)


class _Columns:
    """The resolved column names of one file."""

    def __init__(self, settings: IngestSettings, available: Sequence[str]) -> None:
        self.wanted = settings.text_column
        self.text = _pick(settings.text_column, _DEFAULTS.text_column, columns.TEXT, available)
        self.title = _pick(settings.title_column, _DEFAULTS.title_column, columns.TITLE,
                           available)
        self.date = _pick(settings.date_column, _DEFAULTS.date_column, columns.DATE, available)
        self.url = _pick(settings.url_column, _DEFAULTS.url_column, columns.URL, available)
        self.id = settings.id_column if settings.id_column in available else None


@dataclass(frozen=True)
class TableSlice:
    """A byte range of a JSON Lines or CSV/TSV file cut between two rows, read alone: a CSV
    file's header bytes go first, and row numbers, line numbers and the date order stay the
    whole file's."""

    kind: Literal["jsonl", "csv", "tsv"]
    header_end: int  # the header's bytes (a BOM included), read before the range (CSV)
    first_row: int  # the file's rows before the range (JSON Lines: its lines)
    first_line: int  # the file's line on which the range starts
    day_first: bool  # the whole file's date order (a range may hold no date that settles it)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_json(text: str) -> Any:
    """``json.loads``, with nesting too deep for the parser (RecursionError at ~1,000 levels,
    a classic hostile input) reported as the ValueError any other malformed JSON raises.

    Raw control characters inside strings (``strict=False``) are accepted: news dumps hold them
    (\x0b, \x1c … from word processors) and the rest of the record is good.
    """
    try:
        return json.loads(text, strict=False)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def _text(value: Any) -> str | None:
    """A cell as text; JSON escapes of lone surrogates ("\\ud800") become U+FFFD, as undecodable
    bytes do, so the record can still be written as UTF-8. A JSON object or array is no text."""
    if value is None or isinstance(value, dict | list):
        return None
    value = _LONE_SURROGATE.sub("\ufffd", str(value)).strip()
    return value or None


def _article(row: Mapping[str, Any], cols: _Columns, *, name: str, fmt: SourceFormat,
             record: int, day_first: bool) -> RawArticle | None:
    body = _text(row.get(cols.text)) if cols.text else None
    if body is None:
        return None
    title = _text(row.get(cols.title)) if cols.title else None
    url = _text(row.get(cols.url)) if cols.url else None
    date = _text(row.get(cols.date)) if cols.date else None
    native_id = _text(row.get(cols.id)) if cols.id else None
    return RawArticle(source=Source(path=name, format=fmt, url=url, record=record,
                                    native_id=native_id),
                      text=strip_html(body), title=strip_html(title) if title else None,
                      published=to_iso(date, day_first=day_first))


def read_jsonl(text: str, name: str, settings: IngestSettings, *,
               part: TableSlice | None = None) -> Iterator[RawArticle | Failure]:
    """One article per JSON object line; a line that is not a JSON object fails alone.

    A whole-file JSON document is read too: an object is one article, an array one per item.
    ``part``: ``text`` is one range of a larger JSON Lines file, numbered as in the whole file.
    """
    document = None if part else _json_document(text)
    if document is not None:
        yield from _read_items(document, name, settings)
        return
    rows: list[tuple[int, dict[str, Any]]] = []
    failures: dict[int, Failure] = {}
    # "\n" only: str.splitlines() also breaks at U+0085, U+2028, \x0c … which JSON strings may
    # hold, and the record would be lost in pieces (JSON Lines ends lines with "\n" or "\r\n").
    for lineno, line in enumerate(text.split("\n"), start=part.first_line if part else 1):
        if not line.strip():
            continue
        try:
            obj = parse_json(line)
        except ValueError as e:
            reason = f"line {lineno}: {getattr(e, 'msg', e)}"
            failures[lineno] = Failure(name, Errors.E006.format(path=name, kind="JSON Lines",
                                                                reason=reason))
            continue
        if not isinstance(obj, dict):
            reason = f"line {lineno}: a JSON {type(obj).__name__}, not an object"
            failures[lineno] = Failure(name, Errors.E006.format(path=name, kind="JSON Lines",
                                                                reason=reason))
            continue
        rows.append((lineno, obj))
    # JSON objects may differ line by line, so each line resolves its own columns.
    resolved = [(lineno, obj, _Columns(settings, list(obj))) for lineno, obj in rows]
    day_first = part.day_first if part else day_first_for(
        str(obj.get(cols.date) or "") for _, obj, cols in resolved if cols.date)
    articles = {lineno: _row_or_failure(obj, cols, name=name, fmt="jsonl", record=lineno - 1,
                                        day_first=day_first, where=f"line {lineno}")
                for lineno, obj, cols in resolved}
    for lineno in sorted({*articles, *failures}):
        yield articles.get(lineno) or failures[lineno]


def line_date_order(line: str | bytes, settings: IngestSettings) -> bool | None:
    """The date order (``date_order``) that one JSON Lines line settles, as ``read_jsonl``
    decides it; None when it settles none or is no JSON object."""
    try:
        obj = parse_json(line.decode("utf-8") if isinstance(line, bytes) else line)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(obj, dict):
        return None
    cols = _Columns(settings, list(obj))
    return date_order(str(obj.get(cols.date) or "")) if cols.date else None


def _json_document(text: str) -> list[Any] | None:
    """The items of a multi-line JSON document; None for JSON Lines (or broken JSON)."""
    stripped = text.strip()
    if "\n" not in stripped and stripped.startswith("{"):
        return None  # a one-line file is JSON Lines
    try:
        document = parse_json(stripped)
    except ValueError:
        return None
    if isinstance(document, dict):
        return [document]
    return document if isinstance(document, list) else None


def _read_items(items: list[Any], name: str,
                settings: IngestSettings) -> Iterator[RawArticle | Failure]:
    resolved = [(i, obj, _Columns(settings, list(obj))) for i, obj in enumerate(items)
                if isinstance(obj, dict)]
    day_first = day_first_for(str(obj.get(cols.date) or "") for _, obj, cols in resolved
                              if cols.date)
    by_index = {i: (obj, cols) for i, obj, cols in resolved}
    for i, item in enumerate(items):
        if i not in by_index:
            reason = f"item {i + 1}: a JSON {type(item).__name__}, not an object"
            yield Failure(name, Errors.E006.format(path=name, kind="JSON", reason=reason))
            continue
        obj, cols = by_index[i]
        yield _row_or_failure(obj, cols, name=name, fmt="jsonl", record=i, day_first=day_first,
                              where=f"item {i + 1}")


def _row_or_failure(row: Mapping[str, Any], cols: _Columns, *, name: str, fmt: SourceFormat,
                    record: int, day_first: bool, where: str) -> RawArticle | Failure:
    article = _article(row, cols, name=name, fmt=fmt, record=record, day_first=day_first)
    if article is not None:
        return article
    reason = f"{where}: no value in column {cols.text!r}" if cols.text \
        else f"{where}: no {cols.wanted!r} field"
    return Failure(name, Errors.E008.format(path=name, reason=reason))


def slice_table(lines: Iterable[str], settings: IngestSettings, *, fmt: Literal["csv", "tsv"],
                rows_per_part: int) -> list[tuple[int, int, TableSlice]]:
    """Byte ranges ``(start, end, slice)`` of about ``rows_per_part`` rows of a UTF-8 CSV/TSV
    file given as its lines (endings kept: ``newline=""``), every cut between two rows as
    ``read_table`` parses them, so that reading the ranges gives exactly the file's articles.

    Returns [] when the file should be read whole: no text column, a header line not ended by
    "\n", NUL characters; raises csv.Error where ``read_table`` would stop reading.
    """
    _allow_long_fields(settings.max_bytes)
    counted = _CountedLines(lines)
    first = counted.peek()
    if not first.endswith("\n") or "\x00" in first:
        return []
    reader = csv.reader(counted, delimiter=_delimiter(first, fmt), strict=True)
    header = next(reader, [])
    cols = _Columns(settings, header)
    if cols.text is None:
        return []
    header_end, header_lines = counted.offset, reader.line_num
    cuts: list[tuple[int, int, int]] = []  # (byte, rows before, line) where each range starts
    rows, row_start, line_start = 0, header_end, header_lines
    order: bool | None = None
    for row in reader:
        if counted.has_nul:
            return []
        if row:
            if rows and rows % rows_per_part == 0:  # cut before a row: no range of blanks alone
                cuts.append((row_start, rows, line_start + 1))
            rows += 1
            if order is None and cols.date:
                order = date_order(dict(zip(header, row, strict=False)).get(cols.date) or "")
        row_start, line_start = counted.offset, reader.line_num
    if rows == 0:
        return []
    day_first = True if order is None else order
    starts = [(header_end, 0, header_lines + 1), *cuts]
    ends = [c[0] for c in cuts] + [counted.offset]
    return [(b, e, TableSlice(fmt, header_end, r, line, day_first))
            for (b, r, line), e in zip(starts, ends, strict=True)]


def read_table(text: str, name: str, settings: IngestSettings, *, fmt: SourceFormat,
               part: TableSlice | None = None) -> Iterator[RawArticle | Failure]:
    """One article per CSV/TSV row; the header names the columns. ``part``: ``text`` is the
    header and one range of a larger file (``slice_table``), numbered as in the whole file."""
    _allow_long_fields(settings.max_bytes)
    delimiter = _delimiter(text, fmt)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, dict[str, Any]]] = []
    broken: Failure | None = None
    shift = 0
    try:
        header = list(reader.fieldnames or [])
        if part is not None:  # line numbers of the range as in the whole file
            shift = part.first_line - 1 - reader.line_num
        for row in reader:
            rows.append((reader.line_num + shift, row))
    except csv.Error as e:  # rows read before the damage are still articles
        reason = f"after line {reader.line_num + shift}: {e}"
        broken = Failure(name, Errors.E006.format(path=name, kind=fmt.upper(), reason=reason))
        if not rows:
            yield broken
            return
    cols = _Columns(settings, header)
    if cols.text is None:
        yield Failure(name, Errors.E009.format(path=name, column=settings.text_column,
                                               columns=", ".join(header)))
        return
    if not rows and broken is None:  # a header alone: say so rather than succeed silently
        yield Failure(name, Errors.E008.format(path=name, reason="a header and no rows"))
        return
    if part is not None:
        day_first = part.day_first
    else:
        day_first = day_first_for(r.get(cols.date) or "" for _, r in rows) if cols.date else True
    for number, (line, row) in enumerate(rows, start=1 + (part.first_row if part else 0)):
        yield _row_or_failure(row, cols, name=name, fmt=fmt, record=number - 1,
                              day_first=day_first, where=f"row {number} (line {line})")
    if broken is not None:
        yield broken


class _CountedLines:
    """Lines handed to ``csv.reader`` one at a time, counting their UTF-8 bytes: the reader
    never reads ahead, so after each row ``offset`` is the byte where the next row starts."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self._next: str | None = None
        self.offset = 0
        self.has_nul = False

    def peek(self) -> str:
        """The first line, BOM left out (``decode`` drops it before ``read_table`` runs)."""
        if self._next is None:
            self._next = next(self._lines, "")
        return self._next.removeprefix("\ufeff")

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self._next if self._next is not None else next(self._lines)
        self._next = None
        first = self.offset == 0
        self.offset += len(line.encode("utf-8"))
        self.has_nul = self.has_nul or "\x00" in line
        return line.removeprefix("\ufeff") if first else line


def _delimiter(text: str, fmt: SourceFormat) -> str:
    """Tab for TSV; for CSV the most frequent of comma and semicolon in the header line."""
    if fmt == "tsv":
        return "\t"
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def _allow_long_fields(limit: int) -> None:
    """csv refuses fields over 128 KiB by default; a whole article may be longer. The limit is
    process-wide in the csv module, so it is only ever raised, never lowered."""
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)
