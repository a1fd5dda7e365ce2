"""Planning a batch job: input paths → partitions that a worker can read on its own.

The client only lists the inputs (names and sizes, no content). A large JSON Lines or CSV/TSV
file is cut into byte ranges of about ``partition_size`` lines or rows by ``split_piece``, which
runs where the engine puts it (a worker: it reads the whole file once). A CSV row may hold
newlines inside quotes, so CSV cuts come from the csv module itself, fed the file line by line
while its bytes are counted (``warta.ingest.tabular.slice_table``); a file it cannot read to the
end is not cut. Every other input — WARC, HTML, feeds, compressed files — is read whole by one
task. Small files are packed together.

A partition's id hashes its pieces and the settings, so a rerun of the same job plans the same
ids (and skips the finished ones), while a changed input or setting is planned anew.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import IO, Literal

from warta.errors import Errors
from warta.ingest.files import STDIN, expand
from warta.ingest.tabular import TableSlice
from warta.settings import Settings
from warta.types import Failure

# A JSON Lines or CSV/TSV file smaller than this is one piece (not worth a scan).
SPLIT_MIN_BYTES = 64 * 1024
# Whole files are packed into one partition up to partition_size files or this many bytes per
# article slot (a large CSV or WARC is a partition alone).
PACK_BYTES_PER_ARTICLE = 8 * 1024
_READ_BLOCK = 8 * 1024 * 1024
_HEAD_BYTES = 65536  # what the splitter reads to tell the format (as ``warta.ingest.count``)

Mapper = Callable[[Callable[..., list["Piece"]], list["Piece"], int], list[list["Piece"]]]


@dataclass(frozen=True)
class Piece:
    """A whole input (``start`` None) or the byte range [start, end) of a JSON Lines or CSV/TSV
    file, whose first line is line ``first_line`` of the file (so messages and record numbers
    stay true); ``table`` says how to read the range alone (a CSV header, rows before it, the
    file's date order)."""

    name: str
    size: int
    start: int | None = None
    end: int | None = None
    first_line: int = 1
    table: TableSlice | None = None


@dataclass(frozen=True)
class Partition:
    """One task's work: its stable id and the pieces it reads."""

    id: str
    pieces: tuple[Piece, ...]

    def describe(self) -> str:
        """Its inputs in a few words, for messages: the first (with its byte range), and how
        many more."""
        if not self.pieces:
            return "-"
        first = self.pieces[0]
        where = first.name if first.start is None else \
            f"{first.name} bytes {first.start}-{first.end}"
        more = len(self.pieces) - 1
        return f"{where} and {more} more input{'s' if more > 1 else ''}" if more else where


def is_url(name: str) -> bool:
    return "://" in name


def list_inputs(paths: Iterable[str]) -> Iterator[Piece | Failure]:
    """Every input file (local paths or fsspec URLs) with its size; E007 for a missing one."""
    for raw in paths:
        if raw == STDIN:  # the workers cannot read this process's stdin
            yield Failure(raw, Errors.E011.format(path=raw, reason="a batch job reads files, "
                                                  "not stdin; give a file or use warta ingest"))
        elif is_url(raw):
            yield from _list_url(raw)
        else:
            for item in expand([raw]):
                yield item if isinstance(item, Failure) else Piece(item, Path(item).stat().st_size)


def _list_url(raw: str) -> Iterator[Piece | Failure]:
    from fsspec.core import url_to_fs

    try:
        fs, path = url_to_fs(raw)
        if any(c in path for c in "*?["):
            found = {p: fs.info(p) for p in fs.glob(path)}
        elif fs.isdir(path):
            found = fs.find(path, detail=True)
        elif fs.exists(path):
            found = {path: fs.info(path)}
        else:
            yield Failure(raw, Errors.E007.format(path=raw))
            return
    except (OSError, ValueError, ImportError) as e:  # no such protocol, no access, …
        yield Failure(raw, Errors.E011.format(path=raw, reason=" ".join(str(e).split())))
        return
    files = sorted(p for p, info in found.items() if info.get("type") == "file"
                   and not any(part.startswith(".") for part in p.split("/")[-1:]))
    if not files:
        yield Failure(raw, Errors.E008.format(path=raw, reason="no files to read there"))
    for p in files:
        yield Piece(fs.unstrip_protocol(p), int(found[p].get("size") or 0))


def split_piece(piece: Piece, lines_per_part: int, *, settings: Settings) -> list[Piece]:
    """Byte ranges of about ``lines_per_part`` lines (rows) each, when ``piece`` is JSON Lines
    or a UTF-8 CSV/TSV file; anything else (a JSON document, compressed data) stays one piece.

    A JSON Lines cut is made only before a line that is a JSON object: the reader takes JSON
    Lines line by line, and a range opening with an object is read as JSON Lines again. A CSV
    cut falls where the csv module ends a row. Either way the ranges give exactly the records
    (and failures) reading the whole file gives.
    """
    if piece.size < SPLIT_MIN_BYTES or piece.name.endswith(".gz"):
        return [piece]
    with _open(piece.name) as f:
        head = f.read(_HEAD_BYTES)
        f.seek(0)
        if _starts_json_lines(head):
            return _jsonl_cuts(f, piece, lines_per_part, settings)
        kind = _table_kind(head, piece.name)
        if kind is None:
            return [piece]
        return _table_cuts(f, piece, lines_per_part, settings, kind) or [piece]


def _table_kind(head: bytes, name: str) -> Literal["csv", "tsv"] | None:
    """"csv"/"tsv" when the head is UTF-8 text the reader would take for a table."""
    from warta.ingest import detect
    from warta.ingest.decode import looks_binary

    if detect.is_gzip(head) or detect.is_warc(head) or looks_binary(head):
        return None
    try:  # a character cut at the end of the head is not an error
        text = codecs.getincrementaldecoder("utf-8")().decode(head.removeprefix(codecs.BOM_UTF8))
    except UnicodeDecodeError:
        return None  # other encodings are detected on the whole file, which stays whole
    kind = detect.sniff_text(text, name=name)
    return kind if kind in ("csv", "tsv") else None


def _table_cuts(f: IO[bytes], piece: Piece, rows_per_part: int, settings: Settings,
                kind: Literal["csv", "tsv"]) -> list[Piece]:
    """The CSV/TSV ranges (``slice_table``); [] when the file must be read whole: not UTF-8
    throughout, or damaged where the reader would stop."""
    from warta.ingest.tabular import slice_table

    lines = io.TextIOWrapper(f, encoding="utf-8", newline="")
    try:
        cuts = slice_table(lines, settings.ingest, fmt=kind, rows_per_part=rows_per_part)
    except (csv.Error, UnicodeDecodeError):
        return []
    finally:
        lines.detach()  # the caller closes the file
    return [Piece(piece.name, piece.size, start, end, part.first_line, part)
            for start, end, part in cuts]


def _starts_json_lines(head: bytes) -> bool:
    """The first line is a JSON object (or a longer line than the head that opens like one)."""
    first = next((line for line in head.split(b"\n") if line.strip()), b"").strip()
    if len(first) == len(head.strip()) and b"\n" not in head.strip():
        return first.startswith(b'{"')
    return _is_object(first)


def _is_object(line: bytes) -> bool:
    from warta.ingest.tabular import parse_json

    if not line.startswith(b"{"):
        return False
    try:
        return isinstance(parse_json(line.decode("utf-8")), dict)
    except (ValueError, UnicodeDecodeError):
        return False


def _jsonl_cuts(f: IO[bytes], piece: Piece, lines_per_part: int,
                settings: Settings) -> list[Piece]:
    """The JSON Lines ranges, each with its first line and the whole file's date order (read
    from the lines until one settles it, as ``read_jsonl`` decides it for the whole file)."""
    from warta.ingest.tabular import line_date_order

    cuts: list[tuple[int, int]] = [(0, 1)]  # (byte, line) where each range starts
    offset, line, order = 0, 1, None
    for raw in f:
        if line - cuts[-1][1] >= lines_per_part and _is_object(raw):
            cuts.append((offset, line))
        if order is None and raw.strip():  # (the reader decodes the file without its BOM)
            order = line_date_order(raw.removeprefix(codecs.BOM_UTF8), settings.ingest)
        offset += len(raw)
        line += 1
    day_first = True if order is None else order
    ends = [start for start, _ in cuts[1:]] + [offset]
    return [Piece(piece.name, piece.size, start, end, first,
                  TableSlice("jsonl", 0, first - 1, first, day_first))
            for (start, first), end in zip(cuts, ends, strict=True)]


def _open(name: str) -> IO[bytes]:
    """A binary file of the local disk or of any fsspec URL, read in large blocks."""
    import fsspec

    handle: IO[bytes] = fsspec.open(name, "rb", block_size=_READ_BLOCK).open()
    return handle


def local_map(fn: Callable[..., list[Piece]], pieces: list[Piece],
              lines_per_part: int) -> list[list[Piece]]:
    """Run the splitter here (an engine runs it on its workers instead)."""
    return [fn(p, lines_per_part) for p in pieces]


def plan(paths: Iterable[str], settings: Settings, *, partition_size: int,
         mapper: Mapper = local_map) -> tuple[list[Partition], list[Failure]]:
    """The job's partitions, in input order, and the inputs that could not be listed."""
    listed = list(list_inputs(paths))
    failures = [i for i in listed if isinstance(i, Failure)]
    pieces = [i for i in listed if isinstance(i, Piece)]
    candidates = [p for p in pieces if p.size >= SPLIT_MIN_BYTES and not p.name.endswith(".gz")]
    splitter = partial(split_piece, settings=settings)
    split = dict(zip(candidates, mapper(splitter, candidates, partition_size), strict=True))
    expanded = [q for p in pieces for q in split.get(p, [p])]
    return list(_pack(expanded, settings, partition_size)), failures


def _pack(pieces: list[Piece], settings: Settings, size: int) -> Iterator[Partition]:
    """Ranges are partitions alone; consecutive whole files share one up to ``size`` files."""
    group: list[Piece] = []
    budget = size * PACK_BYTES_PER_ARTICLE
    for piece in pieces:
        whole = piece.start is None and piece.size < budget
        if group and (not whole or len(group) >= size
                      or sum(p.size for p in group) + piece.size > budget):
            yield _partition(group, settings)
            group = []
        group.append(piece)
        if not whole:
            yield _partition(group, settings)
            group = []
    if group:
        yield _partition(group, settings)


def _partition(pieces: list[Piece], settings: Settings) -> Partition:
    spec = json.dumps([asdict(p) for p in pieces] + [repr(settings)], sort_keys=True)
    return Partition(hashlib.sha256(spec.encode()).hexdigest()[:16], tuple(pieces))
