"""Ingestion: PATH arguments → a stream of ``RawArticle`` (or ``Failure`` for a bad input).

Formats are detected by content (``warta.ingest.detect``), one module per format. A bad input
yields one ``Failure`` with a coded message and the batch carries on; user input never raises.

    >>> from warta.settings import Settings
    >>> items = list(read_inputs(["missing.txt"], Settings()))
    >>> items[0].message
    'E007 missing.txt: no such file or directory'
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from warta.errors import Errors, InputError
from warta.ingest import detect
from warta.ingest.decode import decode, looks_binary
from warta.ingest.feed import read_feed
from warta.ingest.files import Input, expand, read
from warta.ingest.html import read_html
from warta.ingest.tabular import read_jsonl, read_table
from warta.ingest.text import read_text
from warta.ingest.warc import read_warc
from warta.settings import Settings
from warta.types import Failure, RawArticle

__all__ = ["read_bytes", "read_inputs"]


def read_inputs(paths: Iterable[str], settings: Settings, *,
                stdin: BinaryIO | None = None) -> Iterator[RawArticle | Failure]:
    """Every article in ``paths`` (files, directories, ``-``), in order; failures in between."""
    for item in expand(paths):
        if isinstance(item, Failure):
            yield item
            continue
        loaded = read(item, max_bytes=settings.ingest.max_bytes, stdin=stdin)
        if isinstance(loaded, Failure):
            yield loaded
            continue
        yield from read_bytes(loaded, settings)


def read_bytes(item: Input, settings: Settings) -> Iterator[RawArticle | Failure]:
    """The articles in one input's bytes, whatever its format."""
    name, data = item.name, item.data
    if detect.is_gzip(data):
        if detect.is_warc(_gzip_head(data)):
            yield from read_warc(data, name)
            return
        data = _gunzip(data, name, limit=settings.ingest.max_bytes)
        if isinstance(data, Failure):
            yield data
            return
    if detect.is_warc(data):
        yield from read_warc(data, name)
        return
    if looks_binary(data):
        yield Failure(name, Errors.E002.format(path=name))
        return
    try:
        text = decode(data, name)
    except InputError as e:
        yield Failure(name, str(e))
        return
    if not text.strip():
        yield Failure(name, Errors.E001.format(path=name))
        return
    yield from _read_text_format(text, name, settings)


def _read_text_format(text: str, name: str, settings: Settings) -> Iterator[RawArticle | Failure]:
    kind = detect.sniff_text(text, name=name.removesuffix(".gz"))
    if kind == "rss":
        yield from read_feed(text, name)
    elif kind == "html":
        try:
            yield read_html(text, name)
        except InputError as e:
            yield Failure(name, str(e))
    elif kind == "jsonl":
        yield from read_jsonl(text, name, settings.ingest)
    elif kind in ("csv", "tsv"):
        yield from read_table(text, name, settings.ingest, fmt=kind)
    else:
        yield read_text(text, name)


def _gzip_head(data: bytes, size: int = 512) -> bytes:
    """The first decompressed bytes of a gzip stream (enough to recognise a WARC)."""
    try:
        return zlib.decompressobj(wbits=31).decompress(data, size)
    except zlib.error:
        return b""


def _gunzip(data: bytes, name: str, *, limit: int) -> bytes | Failure:
    """Decompress a whole gzip input; E003 when truncated or corrupt, E005 when it grows too big."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as e:
        return Failure(name, Errors.E003.format(path=name, reason=" ".join(str(e).split())))
    if len(out) > limit:
        size = f"more than {limit} (uncompressed)"
        return Failure(name, Errors.E005.format(path=name, size=size, limit=limit))
    if not out.strip():
        return Failure(name, Errors.E001.format(path=name))
    return out
