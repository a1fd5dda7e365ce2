"""How many articles the inputs hold, counted cheaply before a long job starts (for its bar).

Each CSV/TSV row, JSON Lines line and single-article file (text, HTML) counts one; a path that
cannot be read counts one too (it becomes one failure line). Inputs whose count would need the
full parse (WARC, feeds, gzip, JSON documents, stdin) make the total unknown: ``None``, and the
bar shows a count without percentage. Counting never fails: it is only an estimate.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable
from pathlib import Path

from warta.ingest import detect
from warta.ingest.files import STDIN, expand
from warta.ingest.tabular import _allow_long_fields, _delimiter
from warta.types import Failure

_HEAD = 65536  # bytes read to tell a file's format


def count_articles(paths: Iterable[str]) -> int | None:
    """The number of articles (and unreadable inputs) in ``paths``; None when not knowable."""
    total = 0
    for item in expand(paths):
        if isinstance(item, Failure):
            total += 1
            continue
        if item == STDIN:
            return None
        found = _count_file(Path(item))
        if found is None:
            return None
        total += found
    return total


def _count_file(path: Path) -> int | None:
    try:
        with path.open("rb") as f:
            head = f.read(_HEAD)
        if detect.is_gzip(head) or detect.is_warc(head):
            return None
        kind = detect.sniff_text(head.decode("utf-8", "replace"), name=path.name)
        if kind == "jsonl":
            return _count_lines(path)
        if kind in ("csv", "tsv"):
            return _count_rows(path, _delimiter(head.decode("utf-8", "replace"), kind))
        return None if kind == "rss" else 1
    except (OSError, csv.Error, ValueError):
        return 1  # the job reports this input as failed: one line


def _count_lines(path: Path) -> int | None:
    """Non-blank lines, split on \\n only (as the reader splits); None for a JSON document."""
    count = 0
    with path.open("rb") as f:
        first = True
        for line in f:
            if not line.strip():
                continue
            opening = line.strip().lstrip(b"\xef\xbb\xbf")
            if first and (opening.startswith(b"[") or opening == b"{"):
                return None  # one JSON document (an array, a pretty-printed object)
            first = False
            count += 1
    return count


def _count_rows(path: Path, delimiter: str) -> int:
    """Data rows (the header left out); quoted fields may span lines."""
    _allow_long_fields(sys.maxsize)
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        rows = sum(1 for row in csv.reader(f, delimiter=delimiter) if any(c.strip() for c in row))
    return max(rows - 1, 0)
