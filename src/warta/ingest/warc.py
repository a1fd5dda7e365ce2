"""WARC / WARC.gz (HTTP responses holding HTML) and WET (text conversions) → RawArticles.

Each usable record is one article; ``Source.record`` is the record's position in the file and
``Source.url`` its WARC-Target-URI. Records that are not HTML (images, robots.txt, request and
metadata records) are skipped. A truncated or corrupt file yields the articles read so far and
then one failure: E003 when the gzip layer is damaged, E010 when the WARC records are.

Records are read one at a time from a decompressing stream that counts what it expands to, so
neither a decompression bomb (``max_expanded_bytes``) nor one huge record (``max_record_bytes``)
is ever held in memory whole.
"""

from __future__ import annotations

import contextlib
import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecordLoader

from warta.errors import Errors, InputError
from warta.ingest.decode import decode
from warta.ingest.html import read_html
from warta.ingest.text import read_text
from warta.settings import IngestSettings
from warta.types import Failure, RawArticle

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_WARC_OFFSET = re.compile(r"Offset: (\d+)")
_CORRUPT = (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError)
_CHUNK = 1 << 16


class _GzipDamageError(Exception):
    """The gzip layer under the WARC is truncated or corrupt (not the WARC records)."""


class _ExpandedError(Exception):
    """The input expands to more than ``max_expanded_bytes``."""


@dataclass(frozen=True)
class _Record:
    index: int
    kind: str
    url: str | None
    payload: bytes
    ctype_html: bool


class _Stream:
    """The input's bytes for warcio, gunzipped here (all members) and counted as they expand.

    Decompressing here rather than in warcio tells a damaged gzip stream (E003) from damaged
    WARC records (E010), and stops a bomb at the limit. The records before a damaged spot are
    still handed out (``gzip.GzipFile`` would drop them with the read that fails), and the
    errors are not EOFError, which warcio would take for the normal end of the archive.
    """

    def __init__(self, data: bytes, limit: int) -> None:
        self._data = data
        self._pos = 0  # next compressed byte to feed
        self._gzip = data[:2] == b"\x1f\x8b"
        self._inflater: Any = zlib.decompressobj(wbits=31)  # None between members
        self._pending = b""  # expanded, not handed out yet
        self._limit = limit
        self._read = 0

    def read(self, size: int = -1) -> bytes:
        if size < 0:
            size = self._limit + 1 - self._read
        while len(self._pending) < size:
            try:
                piece = self._expand()
            except _GzipDamageError:
                if not self._pending:
                    raise
                break  # hand out what came before the damage; the next read raises again
            if not piece:
                break
            self._pending += piece
        chunk, self._pending = self._pending[:size], self._pending[size:]
        self._read += len(chunk)
        if self._read > self._limit:
            raise _ExpandedError
        return chunk

    def tell(self) -> int:
        return self._read

    def _expand(self) -> bytes:
        """The next expanded piece (at most ``_CHUNK`` bytes); b"" at the end of the input."""
        if not self._gzip:
            piece = self._data[self._pos:self._pos + _CHUNK]
            self._pos += len(piece)
            return piece
        while True:
            if self._inflater is None:  # between members: another one may follow
                if not self._data[self._pos:self._pos + _CHUNK].strip(b"\0\r\n"):
                    return b""  # the end (zero padding is allowed after the last member)
                self._inflater = zlib.decompressobj(wbits=31)
            tail = self._inflater.unconsumed_tail  # fed before, held back by the size cap
            feed = tail or self._data[self._pos:self._pos + _CHUNK]
            if not tail:
                self._pos += len(feed)
            if not feed:
                raise _GzipDamageError("the file ends inside a gzip member")
            try:
                piece = bytes(self._inflater.decompress(feed, _CHUNK))
            except zlib.error as e:
                raise _GzipDamageError(f"corrupt gzip data near byte {self._pos:,}: {e}") from e
            if self._inflater.eof:  # what was fed past the member's end starts the next one
                self._pos -= len(self._inflater.unused_data)
                self._inflater = None
            if piece:
                return piece


class _Loader(ArcWarcRecordLoader):  # type: ignore[misc]  # warcio is untyped
    """warcio's record loader, where it crashes on a response without WARC-Target-URI
    (``None.startswith``): such a record's HTTP headers are parsed as for any response."""

    def load_http_headers(self, rec_type: str, uri: str | None, stream: Any,
                          length: int | None) -> Any:
        return super().load_http_headers(rec_type, uri or "http:", stream, length)


class _Archive(ArchiveIterator):  # type: ignore[misc]  # warcio is untyped
    def __init__(self, stream: _Stream) -> None:
        super().__init__(stream)
        self.loader = _Loader()


def read_warc(data: bytes, name: str,
              limits: IngestSettings | None = None) -> Iterator[RawArticle | Failure]:
    """Every HTML response (WARC) or text conversion (WET) record as an article."""
    limits = limits or IngestSettings()
    found = failed = 0
    for item in _scan(data, name, limits):
        if isinstance(item, Failure):
            failed += 1
            yield item
            continue
        article = _article(item, name)
        if isinstance(article, RawArticle):
            found += 1
        elif article is not None:
            failed += 1
        if article is not None:
            yield article
    if not found and not failed:
        reason = "no HTML response or text conversion records"
        yield Failure(name, Errors.E008.format(path=name, reason=reason))


def _scan(data: bytes, name: str, limits: IngestSettings) -> Iterator[_Record | Failure]:
    """The records worth reading (pages and text conversions), one at a time, then why the
    archive is damaged (a Failure), if it is.

    Each step runs with stderr captured: warcio *prints* a warning when a record is not followed
    by a blank line (a wrong Content-Length), and that must become an E010, not noise on the
    user's terminal. Nothing is yielded while stderr is redirected.
    """
    warnings = io.StringIO()
    records = iter(_Archive(_Stream(data, limits.max_expanded_bytes)))
    index = -1
    while True:
        try:
            with contextlib.redirect_stderr(warnings):
                record = next(records, None)
                if record is None:
                    break
                index += 1
                item = _read_record(record, index, name, limits.max_record_bytes)
        except _GzipDamageError as e:
            yield Failure(name, Errors.E003.format(path=name, reason=e))
            return
        except _ExpandedError:
            yield _expanded(name, limits.max_expanded_bytes)
            return
        except _CORRUPT as e:
            reason = str(e) if isinstance(e, ValueError) or index < 0 else \
                f"after record {index}: {e}"
            yield Failure(name, Errors.E010.format(path=name, reason=reason))
            return
        if item is not None:
            yield item
    if warnings.getvalue():
        offset = _WARC_OFFSET.search(warnings.getvalue())
        where = f" (byte {offset.group(1)})" if offset else ""
        reason = f"a record is not where its Content-Length says{where}"
        yield Failure(name, Errors.E010.format(path=name, reason=reason))


def _read_record(record: Any, index: int, name: str, limit: int) -> _Record | Failure | None:
    """One record's payload, at most ``limit`` bytes of it; None when it holds no page."""
    if record.length is None:
        raise ValueError(f"record {index} has no Content-Length")
    kept = _kept(record)
    if kept is None:  # not a page: read through (to notice a cut-off), never held
        while record.raw_stream.read(_CHUNK):
            pass
        _check_complete(record, index)
        return None
    payload = record.content_stream().read(limit + 1)
    if len(payload) > limit:  # the rest is skipped unread by warcio (and counted by _Stream)
        where = f"{name} record {index}"
        return Failure(name, Errors.E015.format(
            path=where, what="the record's body", limit=limit, unit="bytes",
            setting="max_record_bytes"))
    _check_complete(record, index)
    return _Record(index, record.rec_type, _url(record), payload, kept)


def _expanded(name: str, limit: int) -> Failure:
    return Failure(name, Errors.E015.format(path=name, what="what the input expands to",
                                            limit=limit, unit="bytes",
                                            setting="max_expanded_bytes"))


def _kept(record: Any) -> bool | None:
    """True for an HTML page, False for a text conversion (WET), None for anything else."""
    kind = record.rec_type
    if kind == "conversion":
        return False
    if kind in ("response", "resource") and _is_html(record):
        return True
    return None


def _url(record: Any) -> str | None:
    url = record.rec_headers.get_header("WARC-Target-URI")
    return url or None


def _check_complete(record: Any, index: int) -> None:
    """warcio stops quietly at a cut-off record; its Content-Length tells that bytes are missing."""
    missing = getattr(record.raw_stream, "limit", 0)
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


def _is_html(record: Any) -> bool:
    """HTML by the HTTP Content-Type (responses) or the WARC Content-Type (resources)."""
    http = record.http_headers
    ctype = http.get_header("Content-Type") if http is not None else None
    if ctype is None:
        ctype = record.rec_headers.get_header("Content-Type")
    return ctype is not None and ctype.split(";")[0].strip().lower() in _HTML_TYPES
