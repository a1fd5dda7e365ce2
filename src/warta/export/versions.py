"""Each article's copies stored as its versions, and the input ids it was read under, added to
the article rows of the exports that write articles (JSON Lines records, Parquet's articles).

A copy found by duplicate detection (``warta dedup``, or at ingest) is stored once, as a
version of its canonical article: its facts are not kept twice, but its source, URL, date and
input id are. An export of articles therefore carries them: ``versions`` (one entry per copy,
oldest stored first) and ``native_ids`` (every input id the article's own text was read under,
first met first: the same text listed under two dataset ids is one article). Both are left out
of an article that has none, as the record schema makes them optional.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from warta.store import queries

BATCH = 500  # articles whose versions are read in one query


def _batches(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while chunk := list(islice(it, BATCH)):
        yield chunk


def record_version(version: dict[str, Any]) -> dict[str, Any]:
    """A stored version as a record lists it: its header, with ``source`` shaped as the
    record's own (``path``, ``url``, ``format``, ``site_name``, ``record``, ``native_id``)."""
    return {"id": version["id"], "kind": version["kind"], "similarity": version["similarity"],
            "title": version["title"], "published": version["published"],
            "source": {"path": version["source_path"], "url": version["url"],
                       "format": version["source_format"], "site_name": version["site_name"],
                       "record": version["source_record"], "native_id": version["native_id"]}}


def with_record_versions(conn: sqlite3.Connection,
                         records: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """``records`` (``warta.article/1``) with their ``native_ids`` and ``versions``."""
    for chunk in _batches(records):
        ids = [r["id"] for r in chunk]
        versions = queries.versions_by_article(conn, ids)
        refs = queries.references_by_article(conn, ids)
        for record in chunk:
            if record["id"] in refs:
                record["native_ids"] = refs[record["id"]]
            if record["id"] in versions:
                record["versions"] = [record_version(v) for v in versions[record["id"]]]
            yield record


def with_row_versions(conn: sqlite3.Connection,
                      rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Rows of the articles table with ``native_ids`` and ``versions`` (the stored columns of
    ``article_versions``, as lists: empty when there are none, as Parquet lists are)."""
    for chunk in _batches(rows):
        ids = [r["id"] for r in chunk]
        versions = queries.versions_by_article(conn, ids)
        refs = queries.references_by_article(conn, ids)
        for row in chunk:
            row["native_ids"] = refs.get(row["id"], [])
            row["versions"] = versions.get(row["id"], [])
            yield row
