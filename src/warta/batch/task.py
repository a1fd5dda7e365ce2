"""One partition, done where the engine runs it: read, clean, analyse, write part files.

Nothing but a small summary goes back to the client (counts, failure lines, timings), so the
client's cost per partition does not grow with the articles in it. With ``skip_db`` (a local
store, as ``warta ingest --workers`` gives), articles that store already holds are skipped
before any NLP, as ``warta ingest`` does.
"""

from __future__ import annotations

import resource
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warta.batch.plan import Partition, Piece, is_url
from warta.errors import Errors
from warta.settings import Settings
from warta.types import Failure, RawArticle


def run_task(partition: Partition, settings: Settings, out: str, *,
             skip_db: str | None = None) -> dict[str, Any]:
    """Do one partition and return its manifest entry (also written, last, under ``out``)."""
    started = time.perf_counter()
    items = [i for piece in partition.pieces for i in read_piece(piece, settings)]
    failures = [i.message for i in items if isinstance(i, Failure)]
    raws = [i for i in items if isinstance(i, RawArticle)]
    keys, skipped = _unseen(raws, skip_db)
    kept = [(raw, key) for raw, key in zip(raws, keys, strict=True) if key is not None]
    records = _analyze([raw for raw, _ in kept], settings, failures)
    pairs: list[tuple[dict[str, Any], str | None]] = [
        (record, key) for record, (_, key) in zip(records, kept, strict=True)]
    entry = _write(out, partition.id, pairs, failures)
    entry.update(id=partition.id, pieces=len(partition.pieces), read=len(raws),
                 skipped=skipped, failed=len(failures), failures=failures,
                 seconds=round(time.perf_counter() - started, 3), peak_rss_mb=peak_rss_mb())
    from warta.batch.parts import write_entry

    write_entry(out, partition.id, entry)
    return entry


def unfinished(partition: Partition, reason: str) -> dict[str, Any]:
    """The summary of a partition whose task failed: one E050 line naming its first input (no
    manifest entry is written, so a rerun redoes it)."""
    from warta.errors import one_line

    message = Errors.E050.format(path=partition.describe(), id=partition.id,
                                 reason=one_line(reason, limit=160))
    return {"id": partition.id, "failed": 1, "unfinished": 1, "failures": [message]}


def peak_rss_mb() -> float:
    """This process's peak resident memory (a worker's, when run on one)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def read_piece(piece: Piece, settings: Settings) -> Iterator[RawArticle | Failure]:
    """The articles of one piece, read here (local disk or fsspec), failures as one line."""
    from warta.ingest import read_bytes
    from warta.ingest.files import read

    if piece.start is None and not is_url(piece.name):
        loaded = read(piece.name, max_bytes=settings.ingest.max_bytes)
    else:
        loaded = _read_remote(piece, settings.ingest.max_bytes)
    if isinstance(loaded, Failure):
        yield loaded
        return
    yield from read_bytes(loaded, settings, table=piece.table)


def _read_remote(piece: Piece, max_bytes: int) -> Any:
    """A whole URL, or a byte range of any file, as an ``Input`` (or E005/E011/E001); a CSV
    range comes after the file's header."""
    from warta.batch.plan import _open
    from warta.ingest.files import Input

    start = piece.start or 0
    end = piece.size if piece.end is None else piece.end
    header = piece.table.header_end if piece.table else 0
    if header + end - start > max_bytes:
        return Failure(piece.name, Errors.E005.format(path=piece.name, size=header + end - start,
                                                      limit=max_bytes))
    try:
        with _open(piece.name) as f:
            data = f.read(header)
            f.seek(start)
            data += f.read(end - start)
    except OSError as e:
        return Failure(piece.name, Errors.E011.format(path=piece.name, reason=e.strerror or e))
    if not data.strip():
        return Failure(piece.name, Errors.E001.format(path=piece.name))
    return Input(piece.name, data)


def _unseen(raws: list[RawArticle], skip_db: str | None) -> tuple[list[str | None], int]:
    """Each article's input key (None: ``skip_db`` holds it already) and how many were skipped."""
    from warta.batch.job import article_key
    from warta.store import write

    keys: list[str | None] = [write.input_key(r.title, r.text, r.source.native_id) for r in raws]
    if not skip_db or not Path(skip_db).is_file():
        return keys, 0
    from warta.store.db import connect

    conn = connect(skip_db, read_only=True)
    try:
        for i, raw in enumerate(raws):
            key = keys[i]
            article = None if key is None or write.has_input(conn, key) else article_key(raw)
            if key is None or write.has_input(conn, key) or (
                    article is not None and write.stored_as(conn, article) is not None):
                keys[i] = None
    finally:
        conn.close()
    return keys, sum(k is None for k in keys)


def _analyze(raws: list[RawArticle], settings: Settings,
             failures: list[str]) -> list[dict[str, Any]]:
    """Records of ``raws`` (a failed article adds its line to ``failures`` and is left out,
    so the result lines up with the kept articles only through ``_write``'s pairing)."""
    if not raws:
        return []
    from warta.batch.job import analyze_isolated, worker_pipeline

    out: list[dict[str, Any]] = []
    for result in analyze_isolated(raws, worker_pipeline(settings), settings):
        if isinstance(result, Failure):
            failures.append(result.message)
            out.append({})  # keeps the pairing with input keys; dropped before writing
        else:
            out.append(result)
    return out


def _write(out: str, partition: str, pairs: list[tuple[dict[str, Any], str | None]],
           failures: list[str]) -> dict[str, Any]:
    """Write the parts; the entry's counts of what they hold (articles, copies, words)."""
    from warta.batch.parts import save, write_partition

    good = [(r, k) for r, k in pairs if r]
    try:
        conn = write_partition(out, partition, good)
    except (sqlite3.IntegrityError, KeyError, TypeError, ValueError):
        conn = _write_one_by_one(out, partition, good, failures, save)
    try:
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        words = sum(len(r["text"].split()) for r, _ in good)
    finally:
        conn.close()
    return {"articles": articles, "copies": len(good) - articles, "words": words}


def _write_one_by_one(out: str, partition: str, pairs: list[tuple[dict[str, Any], str | None]],
                      failures: list[str], save: Any) -> sqlite3.Connection:
    """A record the tables refuse fails alone (as in ``warta ingest``); the rest are written."""
    from warta.batch.parts import write_partition
    from warta.store.db import scratch

    probe, kept = scratch(), []
    for record, key in pairs:
        try:
            save(probe, record, key)
            kept.append((record, key))
        except (sqlite3.IntegrityError, KeyError, TypeError, ValueError) as e:
            where = record.get("source", {}).get("path") or "-"
            failures.append(f"{where}: cannot store article {record.get('id')} "
                            f"({type(e).__name__}: {e})")
    probe.close()
    return write_partition(out, partition, kept)
