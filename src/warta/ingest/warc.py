"""WARC / WARC.gz (HTTP responses holding HTML) and WET (text conversions) → RawArticles.

Each usable record is one article; ``Source.record`` is the record's position in the file and
``Source.url`` its WARC-Target-URI. Records that are not HTML (images, robots.txt, request and
metadata records) are skipped. A truncated or corrupt file yields the articles read so far and
then one E010 failure.
"""

from __future__ import annotations

import contextlib
import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from warta.errors import Errors, InputError
from warta.ingest.decode import decode
from warta.ingest.html import read_html
from warta.ingest.text import read_text
from warta.types import Failure, RawArticle

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_WARC_OFFSET = re.compile(r"Offset: (\d+)")
_CORRUPT = (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError)


@dataclass(frozen=True)
class _Record:
    index: int
    kind: str
    url: str | None
    payload: bytes
    ctype_html: bool


def read_warc(data: bytes, name: str) -> Iterator[RawArticle | Failure]:
    """Every HTML response (WARC) or text conversion (WET) record as an article."""
    records, damage = _scan(data)
    found = 0
    for record in records:
        item = _article(record, name)
        if item is not None:
            found += 1
            yield item
    if damage is not None:
        yield Failure(name, Errors.E010.format(path=name, reason=_one_line(damage)))
    elif not found:
        reason = "no HTML response or text conversion records"
        yield Failure(name, Errors.E008.format(path=name, reason=reason))


def _scan(data: bytes) -> tuple[list[_Record], str | None]:
    """The records worth reading (pages and text conversions) and why the archive is damaged.

    Runs eagerly, with stderr captured: warcio *prints* a warning when a record is not followed
    by a blank line (a wrong Content-Length), and that must become an E010, not noise on the
    user's terminal. Nothing is yielded while stderr is redirected.
    """
    records: list[_Record] = []
    warnings = io.StringIO()
    index = -1
    try:
        with contextlib.redirect_stderr(warnings):
            for index, record in enumerate(ArchiveIterator(io.BytesIO(data))):
                payload = record.content_stream().read()
                _check_complete(record, index)
                kept = _kept(record)
                if kept is not None:
                    records.append(_Record(index, record.rec_type, _url(record), payload, kept))
    except _CORRUPT as e:
        reason = str(e) if isinstance(e, ValueError) or index < 0 else \
            f"after record {index}: {e}"
        return records, reason
    if warnings.getvalue():
        offset = _WARC_OFFSET.search(warnings.getvalue())
        where = f" (byte {offset.group(1)})" if offset else ""
        return records, f"a record is not where its Content-Length says{where}"
    if data[:2] == b"\x1f\x8b":  # warcio ends quietly when the last gzip member is cut off
        return records, gzip_damage(data)
    return records, None


def _kept(record: object) -> bool | None:
    """True for an HTML page, False for a text conversion (WET), None for anything else."""
    kind = record.rec_type  # type: ignore[attr-defined]
    if kind == "conversion":
        return False
    if kind in ("response", "resource") and _is_html(record):
        return True
    return None


def _url(record: object) -> str | None:
    return record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]


def gzip_damage(data: bytes, *, chunk: int = 1 << 16) -> str | None:
    """Why a (multi-member) gzip stream is incomplete or corrupt; None when it is intact."""
    pos = 0
    while pos < len(data):
        inflater = zlib.decompressobj(wbits=31)
        try:
            while not inflater.eof and pos < len(data):
                piece = data[pos:pos + chunk]
                inflater.decompress(piece)
                pos += len(piece) - len(inflater.unused_data)
        except zlib.error as e:
            return f"gzip data corrupt at byte {pos}: {e}"
        if not inflater.eof:
            return "the file ends in the middle of a record (truncated gzip member)"
    return None


def _check_complete(record: object, index: int) -> None:
    """warcio stops quietly at a cut-off record; its Content-Length tells that bytes are missing."""
    if record.length is None:  # type: ignore[attr-defined]
        raise ValueError(f"record {index} has no Content-Length")
    missing = getattr(record.raw_stream, "limit", 0)  # type: ignore[attr-defined]
    if missing:
        raise ValueError(f"record {index} is cut off, {missing} bytes missing")


def _article(record: _Record, name: str) -> RawArticle | Failure | None:
    """The article in one record; a Failure when it has none; None for an empty conversion."""
    where = f"{name} record {record.index}"
    if not record.payload.strip():
        if not record.ctype_html:
            return None
        return Failure(name, Errors.E008.format(path=where, reason="empty HTTP response"))
    try:
        text = decode(record.payload, where)
        if not record.ctype_html:
            # WARC-Date is when the page was crawled, not published: leave ``published`` empty.
            return read_text(text, name, fmt="wet", url=record.url, record=record.index)
        return read_html(text, name, fmt="warc", url=record.url, record=record.index)
    except InputError as e:
        return Failure(name, str(e).replace(f"{name}:", f"{where}:", 1))


def _is_html(record: object) -> bool:
    """HTML by the HTTP Content-Type (responses) or the WARC Content-Type (resources)."""
    http = record.http_headers  # type: ignore[attr-defined]
    ctype = http.get_header("Content-Type") if http is not None else None
    if ctype is None:
        ctype = record.rec_headers.get_header("Content-Type")  # type: ignore[attr-defined]
    return ctype is not None and ctype.split(";")[0].strip().lower() in _HTML_TYPES


def _one_line(text: str) -> str:
    return " ".join(text.split())
