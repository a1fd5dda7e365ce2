"""Search by meaning over the store's ``embeddings`` table, with sqlite-vec's SQL functions.

The vectors sit in a plain table (migration ``0006_embeddings``); sqlite-vec is loaded into a
connection only to search them (``vec_distance_cosine``). Some Python builds cannot load SQLite
extensions at all (``sqlite3.Connection`` without ``enable_load_extension``: pyenv's default
build, the one this project's venv and CI use): there the same SQL function is registered from
numpy instead, slower (a Python call per vector, ~5 ms per 1,000) but with the same distances,
and ``enable`` returns the reason (E035) for the caller to say once. A store without vectors
raises ``VectorSearchError`` (E036); the callers then search full text.

An article's distance to a query is that of its nearest vector (its title + lead, or one of its
paragraphs when they were embedded); the hit remembers which one, for its snippet. Hybrid
search fuses the full-text and the vector rankings by reciprocal rank (Cormack et al. 2009):
score = sum over the rankings of 1 / (k + rank).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from warta.errors import Errors, StoreError

RRF_K = 60
CANDIDATES = 100
SNIPPET_CHARS = 240


class VectorSearchError(StoreError):
    """Search by meaning is not possible here (no sqlite-vec, or no vectors in the store)."""


@dataclass(frozen=True)
class Nearest:
    """An article near a query: its id, cosine distance and the stretch that was nearest."""

    id: str
    distance: float
    seq: int
    start: int
    end: int


def _store_path(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return (row[2] if row is not None else "") or ":memory:"


def enable(conn: sqlite3.Connection) -> str | None:
    """Give ``conn`` the SQL function ``vec_distance_cosine``: sqlite-vec's, else numpy's.

    Returns None when sqlite-vec is loaded, else why it could not be (E035, one line).
    """
    try:
        conn.execute("SELECT vec_version()").fetchone()
        return None
    except sqlite3.OperationalError:
        pass  # not loaded yet
    try:
        load_sqlite_vec(conn)
    except (ImportError, AttributeError, sqlite3.OperationalError) as e:
        conn.create_function("vec_distance_cosine", 2, cosine_distance, deterministic=True)
        reason = " ".join(f"{type(e).__name__}: {e}".split())[:200]
        return Errors.E035.format(path=_store_path(conn), reason=reason)
    return None


def load_sqlite_vec(conn: sqlite3.Connection) -> None:
    """sqlite-vec's extension into ``conn`` (raises where this Python cannot load it)."""
    import sqlite_vec

    conn.enable_load_extension(True)
    try:
        sqlite_vec.load(conn)
    finally:
        conn.enable_load_extension(False)


def cosine_distance(a: bytes, b: bytes) -> float:
    """1 - cosine of two float32 blobs: sqlite-vec's ``vec_distance_cosine``, in numpy."""
    import numpy as np

    x, y = np.frombuffer(a, dtype="<f4"), np.frombuffer(b, dtype="<f4")
    norm = float(np.linalg.norm(x) * np.linalg.norm(y))
    return 1.0 - float(x @ y) / norm if norm else 1.0


def store_model(conn: sqlite3.Connection) -> str:
    """The model most of the store's article vectors come from; E036 when it has none."""
    row = conn.execute("SELECT model FROM embeddings WHERE seq = 0 GROUP BY model"
                       " ORDER BY count(*) DESC LIMIT 1").fetchone()
    if row is None:
        raise VectorSearchError(Errors.E036.format(path=_store_path(conn)))
    return str(row[0])


@lru_cache(maxsize=256)
def _query_blob(model: str, query: str) -> bytes:
    """The query's vector as sqlite-vec reads it, from the model the store's vectors came from
    (cached: a search page asks for the hits and for their count)."""
    from warta.nlp.encoder import load_encoder

    name = model.split("@", 1)[0]
    vector = load_encoder(name).query(query)
    data: bytes = vector.astype("<f4").tobytes()
    return data


def nearest(conn: sqlite3.Connection, query: str, *, where: Sequence[str],
            params: dict[str, Any], limit: int = CANDIDATES) -> list[Nearest]:
    """The ``limit`` articles nearest to ``query`` (within the article filters ``where`` on
    ``a``), nearest first."""
    enable(conn)
    model = store_model(conn)
    args = dict(params, model=model, qvec=_query_blob(model, query), vlimit=limit)
    # SQLite takes the bare columns of a min() aggregate from the row that has the minimum
    sql = f"""SELECT e.article_id, min(vec_distance_cosine(e.vector, :qvec)) AS distance,
                     e.seq, e.start, e.end
              FROM embeddings e JOIN articles a ON a.id = e.article_id
              WHERE e.model = :model {''.join(' AND ' + w for w in where)}
              GROUP BY e.article_id ORDER BY distance, e.article_id LIMIT :vlimit"""
    return [Nearest(r[0], float(r[1]), r[2], r[3], r[4]) for r in conn.execute(sql, args)]


def fuse(rankings: Sequence[Sequence[str]], *, k: int = RRF_K) -> list[tuple[str, float]]:
    """Reciprocal-rank fusion: ids by the sum of 1 / (k + rank) over the rankings (rank from
    1), best first; ties keep the order of first appearance."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda pair: -pair[1])
