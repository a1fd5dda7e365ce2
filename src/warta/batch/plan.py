"""Planning a batch job: input paths → partitions that a worker can read on its own.

The client only lists the inputs (names and sizes, no content). A JSON Lines file is cut into
byte ranges of about ``partition_size`` lines by ``split_jsonl``, which runs where the engine puts
it (a worker: it reads the whole file once). Every other input — CSV/TSV, WARC, HTML, feeds,
compressed files — is read whole by one task: a CSV row may hold newlines inside quotes, so a
cut that cannot be proven to fall between rows is not made. Small files are packed together.

A partition's id hashes its pieces and the settings, so a rerun of the same job plans the same
ids (and skips the finished ones), while a changed input or setting is planned anew.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from warta.errors import Errors
from warta.ingest.files import STDIN, expand
from warta.settings import Settings
from warta.types import Failure

# A JSON Lines file smaller than this is one piece (not worth a scan).
SPLIT_MIN_BYTES = 64 * 1024
# Whole files are packed into one partition up to partition_size files or this many bytes per
# article slot (a large CSV or WARC is a partition alone).
PACK_BYTES_PER_ARTICLE = 8 * 1024
_READ_BLOCK = 8 * 1024 * 1024

Mapper = Callable[[Callable[..., list["Piece"]], list["Piece"], int], list[list["Piece"]]]


@dataclass(frozen=True)
class Piece:
    """A whole input (``start`` None) or the byte range [start, end) of a JSON Lines file, whose
    first line is line ``first_line`` of the file (so messages and record numbers stay true)."""

    name: str
    size: int
    start: int | None = None
    end: int | None = None
    first_line: int = 1


@dataclass(frozen=True)
class Partition:
    """One task's work: its stable id and the pieces it reads."""

    id: str
    pieces: tuple[Piece, ...]


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


def split_jsonl(piece: Piece, lines_per_part: int) -> list[Piece]:
    """Byte ranges of about ``lines_per_part`` lines each, when ``piece`` is JSON Lines.

    A cut is made only before a line that is a JSON object: the reader takes JSON Lines line by
    line, and a range opening with an object is read as JSON Lines again, so the cut gives
    exactly the records (and failures) reading the whole file gives. Anything else (a JSON
    document, CSV, compressed data) stays one piece.
    """
    if piece.size < SPLIT_MIN_BYTES or piece.name.endswith(".gz"):
        return [piece]
    with _open(piece.name) as f:
        if not _starts_json_lines(f.read(65536)):
            return [piece]
        f.seek(0)
        return list(_cuts(f, piece, lines_per_part))


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


def _cuts(f: object, piece: Piece, lines_per_part: int) -> Iterator[Piece]:
    start = offset = 0
    line = first_line = 1
    for raw in f:  # type: ignore[attr-defined]
        if line - first_line >= lines_per_part and _is_object(raw):
            yield Piece(piece.name, piece.size, start, offset, first_line)
            start, first_line = offset, line
        offset += len(raw)
        line += 1
    yield Piece(piece.name, piece.size, start, offset, first_line)


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
    split = dict(zip(candidates, mapper(split_jsonl, candidates, partition_size), strict=True))
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
