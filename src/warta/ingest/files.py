"""Turn the user's PATH arguments into (name, bytes) inputs: files, directories, ``-`` for stdin.

Directories are walked recursively in sorted order so a batch is deterministic. Sizes are checked
before reading, so an oversized file costs a ``stat`` and not its memory.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from warta.errors import Errors
from warta.types import Failure

STDIN = "-"
# Files a directory walk never offers: hidden files and editor/OS droppings.
_SKIPPED_NAMES = {".DS_Store", "Thumbs.db"}


@dataclass(frozen=True)
class Input:
    """One input's name (as users will see it in messages) and its raw bytes."""

    name: str
    data: bytes


def expand(paths: Iterable[str]) -> Iterator[str | Failure]:
    """Yield file paths (and ``-``) in a stable order; a missing path yields E007."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            files = _walk(path)
            first = next(files, None)
            if first is None:  # say so: an empty folder is most likely a wrong path
                yield Failure(raw, Errors.E008.format(path=raw, reason="the directory holds no "
                                                      "files to read"))
                continue
            yield first
            yield from files
        elif path.exists():
            yield str(path)
        else:
            yield Failure(raw, Errors.E007.format(path=raw))


def _walk(root: Path) -> Iterator[str]:
    """Files under ``root``, recursively, sorted by path; hidden entries are skipped."""
    for path in sorted(root.rglob("*")):
        hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
        if path.is_file() and not hidden and path.name not in _SKIPPED_NAMES:
            yield str(path)


def read(name: str, *, max_bytes: int, stdin: BinaryIO | None = None) -> Input | Failure:
    """Read one input's bytes, refusing empty (E001) and oversized (E005) ones."""
    if name == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            return Failure(name, Errors.E005.format(path=name, size=f"more than {max_bytes}",
                                                    limit=max_bytes))
    else:
        try:
            size = Path(name).stat().st_size
            if size > max_bytes:
                return Failure(name, Errors.E005.format(path=name, size=size, limit=max_bytes))
            data = Path(name).read_bytes()
        except OSError as e:
            return Failure(name, Errors.E011.format(path=name, reason=e.strerror or e))
    if not data.strip():
        return Failure(name, Errors.E001.format(path=name))
    return Input(name, data)
