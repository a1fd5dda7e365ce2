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
            item = _article(record, index, name)
            if item is not None:
                found += 1
                yield item
    except _CORRUPT as e:
        reason = f"after record {index}: {e}" if index >= 0 else str(e)
        yield Failure(name, Errors.E010.format(path=name, reason=_one_line(reason)))
        return
    if not found:
        reason = "no HTML response or text conversion records"
        yield Failure(name, Errors.E008.format(path=name, reason=reason))


def _article(record: object, index: int, name: str) -> RawArticle | Failure | None:
    """The article in one record, a Failure when it has none, None when it is not a page."""
    kind = record.rec_type  # type: ignore[attr-defined]
    url = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
    where = f"{name} record {index}"
    if kind == "conversion":
        payload = record.content_stream().read()  # type: ignore[attr-defined]
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
    payload = record.content_stream().read()  # type: ignore[attr-defined]
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
