"""The store's side of duplicate detection: the persistent index, versions, and folding copies.

``warta.link.dedup`` decides what is a copy; this module keeps its index in the store's tables
(``dedup_texts``: exact key and MinHash signature per canonical article; ``dedup_bands``: LSH
band keys and the exact keys of its sentences, two hash spaces apart, for the re-edited copies'
candidates; the sentences themselves are read again from the article's text when it is one),
so a copy is found whatever run stored its original, and stores a copy as a row
of ``article_versions`` of its canonical article. The index is built lazily: a store from
before migration 0005, or one whose ``[dedup]`` settings changed, is (re)indexed from its
articles' texts at the first write that needs it (about 3 ms an article).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from warta.errors import Errors, StoreError
from warta.link import dedup
from warta.settings import DedupSettings, Settings
from warta.store.db import transaction

Record = Mapping[str, Any]
_SQL_VARS = 500  # band keys per query, well under SQLite's variable limit


class SqliteIndex:
    """``warta.link.dedup.Index`` over the store's ``dedup_texts`` and ``dedup_bands``."""

    def __init__(self, conn: sqlite3.Connection, *, min_sentence_words: int = 4) -> None:
        self.conn = conn
        self.min_sentence_words = min_sentence_words  # [dedup]: how stored texts are split

    def exact(self, key: str) -> str | None:
        row = self.conn.execute("SELECT article_id FROM dedup_texts WHERE fingerprint = ?",
                                (key,)).fetchone()
        return None if row is None else str(row[0])

    def candidates(self, bands: Sequence[int]) -> Iterable[str]:
        for start in range(0, len(bands), _SQL_VARS):
            chunk = list(bands[start:start + _SQL_VARS])
            marks = ",".join("?" * len(chunk))
            yield from (r[0] for r in self.conn.execute(
                f"SELECT DISTINCT article_id FROM dedup_bands WHERE key IN ({marks})", chunk))

    def signature(self, article_id: str) -> np.ndarray | None:
        row = self.conn.execute("SELECT signature FROM dedup_texts WHERE article_id = ?",
                                (article_id,)).fetchone()
        if row is None or row[0] is None:
            return None
        return np.frombuffer(row[0], dtype="<u4")

    def sentence_candidates(self, keys: Sequence[int], limit: int) -> list[str]:
        shared: Counter[str] = Counter()
        for start in range(0, len(keys), _SQL_VARS):
            chunk = list(keys[start:start + _SQL_VARS])
            marks = ",".join("?" * len(chunk))
            shared.update(dict(self.conn.execute(
                f"SELECT article_id, count(*) FROM dedup_bands WHERE key IN ({marks})"
                " GROUP BY article_id", chunk).fetchall()))
        return [a for a, _ in shared.most_common(limit)]

    def passages(self, article_id: str) -> dedup.Passages | None:
        row = self.conn.execute("SELECT text FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        return None if row is None else dedup.passages_of(row[0], self.min_sentence_words)

    def insert(self, article_id: str, fingerprint: dedup.Fingerprint) -> None:
        sig = fingerprint.signature
        self.conn.execute(
            "INSERT OR REPLACE INTO dedup_texts(article_id, fingerprint, signature) VALUES (?,?,?)",
            (article_id, fingerprint.exact,
             None if sig is None else sig.astype("<u4").tobytes()))
        self.conn.executemany(
            "INSERT OR IGNORE INTO dedup_bands(key, article_id) VALUES (?, ?)",
            [(key, article_id) for key in (*fingerprint.bands, *fingerprint.sentence_keys)])


def _params(settings: DedupSettings) -> str:
    """What the index depends on (``enabled`` does not change it), and the comparison's version:
    a store indexed by an earlier one is indexed again."""
    kept = {k: v for k, v in asdict(settings).items() if k != "enabled"}
    kept["version"] = dedup.VERSION
    return json.dumps(kept, sort_keys=True)


def _deduper(conn: sqlite3.Connection, settings: DedupSettings) -> dedup.Deduper:
    from dataclasses import replace

    index = SqliteIndex(conn, min_sentence_words=settings.min_sentence_words)
    return dedup.Deduper(replace(Settings(), dedup=settings), index=index)


def ensure_index(conn: sqlite3.Connection, settings: DedupSettings) -> None:
    """Index every stored article if the index is missing or was built with other settings.

    Called inside the writer's transaction; a cheap one-row read when the index is current.
    """
    row = conn.execute("SELECT params FROM dedup_state WHERE id = 1").fetchone()
    if row is not None and row[0] == _params(settings) and not _last_unindexed(conn):
        return
    rebuild_index(conn, settings)


def _last_unindexed(conn: sqlite3.Connection) -> bool:
    """Whether the last stored article is missing from the index: a run with dedup off stored
    it (and maybe more), so the index is stale. One primary-key lookup each."""
    row = conn.execute(
        """SELECT d.article_id IS NULL FROM articles a
           LEFT JOIN dedup_texts d ON d.article_id = a.id
           WHERE a.rowid = (SELECT max(rowid) FROM articles)""").fetchone()
    return bool(row is not None and row[0])


def rebuild_index(conn: sqlite3.Connection, settings: DedupSettings) -> int:
    """Index the stored articles afresh (in storing order); the number indexed."""
    conn.execute("DELETE FROM dedup_bands")
    conn.execute("DELETE FROM dedup_texts")
    index = SqliteIndex(conn)
    count = 0
    for article_id, title, text in conn.execute(
            "SELECT id, title, text FROM articles ORDER BY rowid").fetchall():
        index.insert(article_id, dedup.fingerprint(title, text, settings))
        count += 1
    _mark_current(conn, settings)
    return count


def _mark_current(conn: sqlite3.Connection, settings: DedupSettings) -> None:
    conn.execute("INSERT OR REPLACE INTO dedup_state(id, params) VALUES (1, ?)",
                 (_params(settings),))


def find_copy(conn: sqlite3.Connection, record: Record, settings: DedupSettings,
              ) -> tuple[dedup.Match | None, dedup.Fingerprint]:
    """The stored article ``record``'s text copies (None: new), and the text's fingerprint."""
    ensure_index(conn, settings)
    return _deduper(conn, settings).match(record.get("title"), record["text"])


def index_article(conn: sqlite3.Connection, article_id: str,
                  fingerprint: dedup.Fingerprint) -> None:
    """Index a newly stored canonical article."""
    SqliteIndex(conn).insert(article_id, fingerprint)


def version_of(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The canonical article a stored version with this id belongs to."""
    row = conn.execute("SELECT article_id FROM article_versions WHERE id = ?",
                       (article_id,)).fetchone()
    return None if row is None else str(row[0])


def save_version(conn: sqlite3.Connection, record: Record, match: dedup.Match,
                 fingerprint: dedup.Fingerprint) -> None:
    """Keep ``record`` as a version of ``match.canonical``: its metadata, none of its facts."""
    source = record.get("source") or {}
    conn.execute(
        """INSERT INTO article_versions(id, article_id, kind, similarity, fingerprint, title,
               published, url, site_name, source_path, source_format, source_record, native_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (record["id"], match.canonical, match.kind, round(match.similarity, 4),
         fingerprint.exact, record.get("title"), record.get("published"), source.get("url"),
         source.get("site_name"), source.get("path"), source.get("format"),
         source.get("record"), source.get("native_id")))


@dataclass
class FoldTally:
    """What ``fold_copies`` did."""

    articles: int = 0
    exact: int = 0
    near: int = 0  # near copies, re-edited ones included
    sentences: int = 0  # of those, the re-edited copies (sentence alignment or paraphrase)


def fold_copies(conn: sqlite3.Connection, settings: DedupSettings) -> FoldTally:
    """Re-run duplicate detection over the whole store (``warta dedup``), in one transaction.

    Articles are taken in storing order, as ingest met them; one that copies an earlier one
    becomes a version of it: its inputs and versions move to the canonical article, its quotes,
    events and mentions go. Running it again changes nothing.
    """
    try:
        return _fold_all(conn, settings)
    except sqlite3.OperationalError as e:  # locked too long, disk full: one line, not a trace
        path = conn.execute("PRAGMA database_list").fetchone()[2] or ":memory:"
        raise StoreError(Errors.E030.format(path=path, reason=f"cannot fold copies: {e}")) from e


def _fold_all(conn: sqlite3.Connection, settings: DedupSettings) -> FoldTally:
    tally = FoldTally()
    with transaction(conn):
        conn.execute("DELETE FROM dedup_bands")
        conn.execute("DELETE FROM dedup_texts")
        deduper = _deduper(conn, settings)
        for row in conn.execute("SELECT * FROM articles ORDER BY rowid").fetchall():
            tally.articles += 1
            match, fp = deduper.match(row["title"], row["text"])
            if match is None:
                deduper.index.insert(row["id"], fp)
                continue
            _fold(conn, row, match, fp)
            tally.exact += match.kind == "exact"
            tally.near += match.kind == "near"
            tally.sentences += match.signal in ("sentences", "paraphrase")
        _mark_current(conn, settings)
    return tally


def _fold(conn: sqlite3.Connection, row: sqlite3.Row, match: dedup.Match,
          fp: dedup.Fingerprint) -> None:
    """A stored article becomes a version of ``match.canonical``."""
    old, new = row["id"], match.canonical
    refs = [r[0] for r in conn.execute(
        "SELECT native_id FROM article_refs WHERE article_id = ? ORDER BY rowid", (old,))]
    record = {"id": old, "title": row["title"], "published": row["published"],
              "source": {"url": row["url"], "site_name": row["site_name"],
                         "path": row["source_path"], "format": row["source_format"],
                         "record": row["source_record"], "native_id": refs[0] if refs else None}}
    conn.execute("UPDATE article_versions SET article_id = ? WHERE article_id = ?", (new, old))
    save_version(conn, record, match, fp)
    for native_id in refs[1:]:  # the same text read under more ids: references of the canonical
        conn.execute("INSERT OR IGNORE INTO article_refs(article_id, native_id) VALUES (?, ?)",
                     (new, native_id))
    conn.execute("UPDATE OR IGNORE inputs SET article_id = ? WHERE article_id = ?", (new, old))
    conn.execute("DELETE FROM articles WHERE id = ?", (old,))  # its facts cascade
