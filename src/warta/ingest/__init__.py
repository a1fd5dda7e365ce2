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
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import BinaryIO

from warta.errors import Errors, InputError, one_line
from warta.ingest import detect
from warta.ingest.decode import decode, looks_binary
from warta.ingest.feed import read_feed
from warta.ingest.files import Input, expand, read
from warta.ingest.html import read_html
from warta.ingest.tabular import TableSlice, read_jsonl, read_table
from warta.ingest.text import read_text
from warta.ingest.warc import read_warc
from warta.settings import Settings
from warta.types import Failure, RawArticle

__all__ = ["read_bytes", "read_inputs", "summarize"]


def read_inputs(paths: Iterable[str], settings: Settings, *,
                stdin: BinaryIO | None = None) -> Iterator[RawArticle | Failure]:
    """Every article in ``paths`` (files, directories, ``-``), in order; failures in between."""
    for item in expand(paths):
        if isinstance(item, Failure):
            yield item
            continue
        yield from _one_input(item, partial(_load, item, settings, stdin), settings)


def read_bytes(item: Input, settings: Settings, *,
               table: TableSlice | None = None) -> Iterator[RawArticle | Failure]:
    """The articles in one input's bytes, whatever its format, then at most one Failure.

    ``table``: the bytes are one range of a JSON Lines or CSV/TSV file (after a CSV file's
    header), its format known, not sniffed: a range of one row would not look like a table.
    """
    yield from _one_input(item.name, lambda: _read_format(item, settings, table), settings)


def _load(name: str, settings: Settings,
          stdin: BinaryIO | None) -> Iterator[RawArticle | Failure]:
    loaded = read(name, max_bytes=settings.ingest.max_bytes, stdin=stdin)
    if isinstance(loaded, Failure):
        yield loaded
    else:
        yield from _read_format(loaded, settings)


def _one_input(name: str, produce: Callable[[], Iterable[RawArticle | Failure]],
               settings: Settings) -> Iterator[RawArticle | Failure]:
    """The per-input boundary: an input's articles, then ONE Failure summing up what failed.

    Whatever goes wrong while reading one input (a parser's RecursionError on nesting, a bug in
    a library on a malformed record, MemoryError) fails that input alone, as one line; the
    articles read before it are kept and the batch goes on. Over-long articles are refused here,
    before any cleaning or analysis spends time and memory on them.
    """
    failures: list[Failure] = []
    try:
        for item in produce():
            if isinstance(item, RawArticle):
                item = _within_limit(item, settings.ingest.max_article_chars)
            if isinstance(item, Failure):
                failures.append(item)
            else:
                yield item
    except Exception as e:  # the boundary: nothing one input does may end the batch
        reason = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
        failures.append(Failure(name, Errors.E014.format(path=name, reason=reason)))
    if failures:
        yield summarize(name, failures)


def summarize(name: str, failures: list[Failure]) -> Failure:
    """One line for all the failures of one input: the first says why, a count says how many.

    A WARC of 3,000 broken records or a JSON Lines file of garbage is one bad input to the user,
    not thousands of lines that bury the other inputs' messages.
    """
    first = failures[0]
    if len(failures) == 1:
        return first
    more = len(failures) - 1
    noun = "failure" if more == 1 else "failures"
    return Failure(name, f"{one_line(first.message, limit=220)}; and {more:,} more {noun} in "
                         "this input")


def _within_limit(raw: RawArticle, limit: int) -> RawArticle | Failure:
    """The article, or E015 when its text is longer than ``max_article_chars``."""
    if len(raw.text) <= limit:
        return raw
    where = raw.source.path or "-"
    if raw.source.record is not None:
        where = f"{where} record {raw.source.record}"
    return _too_big(raw.source.path or "-", where, f"an article of {len(raw.text):,} characters",
                    limit, "characters", "max_article_chars")


def _too_big(name: str, where: str, what: str, limit: int, unit: str, setting: str) -> Failure:
    return Failure(name, Errors.E015.format(path=where, what=what, limit=limit, unit=unit,
                                            setting=setting))


def _read_format(item: Input, settings: Settings,
                 table: TableSlice | None = None) -> Iterator[RawArticle | Failure]:
    """The articles in one input's bytes, by its detected format (failures as they come)."""
    name, data = item.name, item.data
    if detect.is_gzip(data):
        if detect.is_warc(_gzip_head(data)):
            yield from read_warc(data, name, settings.ingest)
            return
        unzipped = _gunzip(data, name, limit=settings.ingest.max_bytes)
        if isinstance(unzipped, Failure):
            yield unzipped
            return
        data = unzipped
    if detect.is_warc(data):
        yield from read_warc(data, name, settings.ingest)
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
    if table is not None and table.kind == "jsonl":
        yield from read_jsonl(text, name, settings.ingest, part=table)
        return
    if table is not None:
        yield from read_table(text, name, settings.ingest, fmt=table.kind, part=table)
        return
    yield from _read_text_format(text, name, settings, size=len(data))


def _read_text_format(text: str, name: str, settings: Settings, *,
                      size: int) -> Iterator[RawArticle | Failure]:
    kind = detect.sniff_text(text, name=name.removesuffix(".gz"))
    limits = settings.ingest
    if kind == "rss":
        yield from read_feed(text, name)
    elif kind == "html":
        if size > limits.max_record_bytes:  # refused before the HTML parser holds it
            yield _too_big(name, name, f"an HTML page of {size:,} bytes",
                           limits.max_record_bytes, "bytes", "max_record_bytes")
            return
        try:
            yield read_html(text, name)
        except InputError as e:
            yield Failure(name, str(e))
    elif kind == "jsonl":
        yield from read_jsonl(text, name, settings.ingest)
    elif kind in ("csv", "tsv"):
        yield from read_table(text, name, settings.ingest, fmt=kind)
    elif len(text) > limits.max_article_chars:  # one article: refuse before splitting it
        yield _too_big(name, name, f"an article of {len(text):,} characters",
                       limits.max_article_chars, "characters", "max_article_chars")
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
