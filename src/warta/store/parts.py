"""Part files: a batch job's output folder, and loading it into the store (``warta load``).

Layout of ``OUT`` (a local folder or any fsspec URL)::

    OUT/articles/part-<id>.parquet   one file per partition and table (the Parquet export's
    OUT/actors/part-<id>.parquet     table shapes; ``articles`` also keeps the full record, the
    OUT/mentions/ … quotes/ … events/  input keys and the inputs' own ids, so loading rebuilds
    OUT/_manifest/<id>.json          exactly what ``warta ingest`` would have stored)
    OUT/_tmp/                        files being written (renamed into place when whole)
    OUT/_plan.json                   the latest run's partitions (id, inputs), so that loading
                                     can name those not finished

A manifest entry is written last, after every part file of its partition is in place, so an
entry means "this partition is complete": a rerun skips it, and a partition cut short by a kill
is redone under the same file names (no duplicate). Loading goes through the store's one write
path (``write.save_record``), so actors merge by id and loading twice adds nothing.
"""

from __future__ import annotations

import json
import posixpath
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from warta.settings import DedupSettings

TABLES = ("articles", "actors", "mentions", "quotes", "events")
MANIFEST = "_manifest"
TEMPORARY = "_tmp"  # "_": readers of a folder of Parquet files (pyarrow, pandas) skip it
PLAN = "_plan.json"
# Columns only part files carry (beside the Parquet export's): what loading needs.
RECORD, INPUT_KEYS, REFERENCES = "record", "input_keys", "references"


def join(root: str, *names: str) -> str:
    """``root/names…`` for a local folder or a URL alike (fsspec paths use ``/``)."""
    return posixpath.join(root.rstrip("/"), *names)


def part_path(root: str, table: str, partition: str) -> str:
    return join(root, table, f"part-{partition}.parquet")


def manifest_path(root: str, partition: str) -> str:
    return join(root, MANIFEST, f"{partition}.json")


def filesystem(root: str) -> tuple[Any, str]:
    """(fsspec filesystem, path within it) of a local folder or URL."""
    from fsspec.core import url_to_fs

    fs, path = url_to_fs(root)
    return fs, str(path)


def finished(root: str) -> dict[str, str]:
    """Partition id → manifest entry path, for every partition completed under ``root``."""
    fs, path = filesystem(root)
    folder = join(path, MANIFEST)
    if not fs.exists(folder):
        return {}
    entries = [p for p in fs.ls(folder, detail=False) if p.endswith(".json")]
    return {posixpath.basename(p)[:-len(".json")]: p for p in entries}


def not_finished(root: str) -> tuple[int, list[tuple[str, str]]]:
    """How many partitions the latest run planned, and ``(id, inputs)`` of those without a
    manifest entry; ``(0, [])`` when no plan was written (a folder of an older warta)."""
    fs, path = filesystem(join(root, PLAN))
    if not fs.exists(path):
        return 0, []
    with fs.open(path, "rb") as f:
        planned = json.loads(f.read())["partitions"]
    done = finished(root)
    return len(planned), [(p["id"], p["inputs"]) for p in planned if p["id"] not in done]


def remove_temporary(root: str) -> None:
    """Drop what killed tasks left half-written (only when no task of the job can be running)."""
    fs, path = filesystem(join(root, TEMPORARY))
    if fs.exists(path):
        fs.rm(path, recursive=True)


def read_entry(root: str, partition: str) -> dict[str, Any]:
    """One partition's manifest entry (counts, failures, timings)."""
    fs, path = filesystem(manifest_path(root, partition))
    with fs.open(path, "rb") as f:
        entry: dict[str, Any] = json.loads(f.read())
    return entry


@dataclass
class LoadTally:
    """What a load did: articles added, articles the store already had, copies of stored
    articles kept as their versions, partitions read."""

    new: int = 0
    stored: int = 0
    versions: int = 0
    partitions: int = 0


def load_parts(conn: sqlite3.Connection, root: str, *, partitions: list[str] | None = None,
               dedup: DedupSettings | None = None) -> LoadTally:
    """Store every article of the finished partitions under ``root`` (all, or ``partitions``).

    Only partitions with a manifest entry are read: a part file without one may be half of a
    partition a kill cut short. Each article is one transaction, as in ``warta ingest``, and
    a copy of a stored article becomes its version (``dedup``: the ``[dedup]`` settings).
    """
    done = finished(root)
    wanted = sorted(done) if partitions is None else [p for p in partitions if p in done]
    tally = LoadTally()
    for partition in wanted:
        for row in _article_rows(root, partition):
            outcome = _load_article(conn, row, dedup)
            tally.new += outcome == "new"
            tally.versions += outcome == "version"
            tally.stored += outcome == "stored"
        tally.partitions += 1
    return tally


def iter_records(root: str, partitions: list[str]) -> Iterator[dict[str, Any]]:
    """The records of ``partitions``' articles, in partition and input order."""
    for partition in partitions:
        for row in _article_rows(root, partition):
            yield json.loads(row[RECORD])


def _article_rows(root: str, partition: str) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    fs, path = filesystem(part_path(root, "articles", partition))
    with fs.open(path, "rb") as f:
        table = pq.read_table(f, columns=[RECORD, INPUT_KEYS, REFERENCES])
    yield from table.to_pylist()


def _load_article(conn: sqlite3.Connection, row: dict[str, Any],
                  dedup: DedupSettings | None) -> str:
    """One article with its input keys and references, all or nothing; what became of it."""
    from warta.store import write
    from warta.store.db import transaction

    record = json.loads(row[RECORD])
    keys = row[INPUT_KEYS] or []
    with transaction(conn):
        outcome = write.store(conn, record, input_key=keys[0] if keys else None, dedup=dedup)
        canonical = write.stored_as(conn, record["id"]) or record["id"]
        for key in keys[1:]:
            write.remember_input(conn, key, canonical)
        if canonical == record["id"]:  # a version keeps its own input id, not the article's
            for native_id in row[REFERENCES] or []:
                write.add_reference(conn, canonical, native_id)
    return outcome
