"""WARC / WARC.gz (HTTP responses holding HTML) and WET (text conversions) → RawArticles.

Each usable record is one article; ``Source.record`` is the record's position in the file and
``Source.url`` its WARC-Target-URI. Records that are not HTML (images, robots.txt, request and
metadata records) are skipped. A truncated or corrupt file yields the articles read so far and
then one E010 failure.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from warta.errors import Errors, InputError
from warta.ingest.decode import decode
from warta.ingest.html import read_html
from warta.ingest.text import read_text
from warta.types import Failure, RawArticle

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CORRUPT = (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError)


def read_warc(data: bytes, name: str) -> Iterator[RawArticle | Failure]:
    """Every HTML response (WARC) or text conversion (WET) record as an article."""
    found = 0
    index = -1
    try:
        for index, record in enumerate(ArchiveIterator(io.BytesIO(data))):
            payload = record.content_stream().read()
            _check_complete(record, index)
            item = _article(record, payload, index, name)
            if item is not None:
                found += 1
                yield item
    except _CORRUPT as e:
        reason = str(e) if isinstance(e, ValueError) or index < 0 else \
            f"after record {index}: {e}"
        yield Failure(name, Errors.E010.format(path=name, reason=_one_line(reason)))
        return
    damage = gzip_damage(data) if data[:2] == b"\x1f\x8b" else None
    if damage is not None:  # warcio ends quietly when the last gzip member is cut off
        yield Failure(name, Errors.E010.format(path=name, reason=damage))
        return
    if not found:
        reason = "no HTML response or text conversion records"
        yield Failure(name, Errors.E008.format(path=name, reason=reason))


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


def _article(record: object, payload: bytes, index: int,
             name: str) -> RawArticle | Failure | None:
    """The article in one record, a Failure when it has none, None when it is not a page."""
    kind = record.rec_type  # type: ignore[attr-defined]
    url = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
    where = f"{name} record {index}"
    if kind == "conversion":
        if not payload.strip():
            return None
        try:
            text = decode(payload, where)
        except InputError as e:
            return Failure(name, str(e))
        # WARC-Date is when the page was crawled, not published: leave ``published`` empty.
        return read_text(text, name, fmt="wet", url=url, record=index)
    if kind not in ("response", "resource") or not _is_html(record):
        return None
    try:
        return read_html(decode(payload, where), name, fmt="warc", url=url, record=index)
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
