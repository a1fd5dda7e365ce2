"""Vectors in the store and search by meaning: semantic, hybrid (reciprocal-rank fusion), and
what happens without sqlite-vec or without vectors. Hand-made 4-dimensional vectors, so the
expected order is known exactly; the query's vector is set the same way."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import numpy as np
import pytest
from click.testing import CliRunner
from store_builders import make_record

from warta.cli import cli
from warta.record import encode_vector
from warta.store import queries, vectors
from warta.store.db import connect
from warta.store.write import save_record


@pytest.fixture(scope="module", autouse=True)
def _release_model() -> Iterator[None]:
    """Unmap the model when the module is done: test_fuzz bounds the session's peak memory."""
    yield
    from warta.nlp.encoder import load_encoder

    load_encoder.cache_clear()

MODEL = "uji-model@tes-1"
# title, text, lead vector, paragraph vectors
ARTICLES = {
    "banjir": ("Banjir di Bekasi", "Air sungai meluap ke rumah warga Bekasi.",
               [1, 0, 0, 0], []),
    "suap": ("KPK tahan bupati", "Bupati ditahan KPK karena suap proyek banjir kanal.",
             [0, 1, 0, 0], [[0.9, 0.1, 0, 0]]),
    "beras": ("Harga beras naik", "Pedagang pasar mengeluh harga beras naik lagi.",
              [0, 0, 1, 0], []),
}


def _unit(v: list[float]) -> np.ndarray:
    a = np.asarray(v, dtype=np.float32)
    return a / np.linalg.norm(a)


def _record(title: str, text: str, lead: list[float], paragraphs: list[list[float]],
            *, embedded: bool = True) -> dict:
    fields = {}
    if embedded:
        fields["embedding"] = {
            "model": MODEL, "dim": 4, "dtype": "float16",
            "lead": {"start": 0, "end": len(text), "vector": encode_vector(_unit(lead))},
            "paragraphs": [{"start": 0, "end": len(text), "vector": encode_vector(_unit(p))}
                           for p in paragraphs]}
    return make_record(text, title=title, **fields)


@pytest.fixture
def store(db, monkeypatch):
    """(connection, name → record id) with the three articles; queries embed as [1, .2, 0, 0]
    unless a test sets ``query_vector``."""
    ids = {}
    for name, (title, text, lead, paras) in ARTICLES.items():
        record = _record(title, text, lead, paras)
        save_record(db, record)
        ids[name] = record["id"]
    set_query(monkeypatch, [1, 0.2, 0, 0])
    return db, ids


def set_query(monkeypatch: pytest.MonkeyPatch, vector: list[float]) -> None:
    blob = _unit(vector).astype("<f4").tobytes()
    monkeypatch.setattr(vectors, "_query_blob", lambda model, query: blob)


def test_migration_stores_each_vector_as_float32(store):
    db, ids = store
    rows = db.execute("SELECT article_id, seq, model, vector, stage FROM embeddings"
                      " ORDER BY article_id, seq").fetchall()
    assert len(rows) == 4  # three leads and one paragraph
    suap = [r for r in rows if r["article_id"] == ids["suap"]]
    assert [r["seq"] for r in suap] == [0, 1]
    assert np.allclose(np.frombuffer(suap[1]["vector"], "<f4"), _unit([0.9, 0.1, 0, 0]),
                       atol=1e-3)
    assert {r["model"] for r in rows} == {MODEL}
    assert {r["stage"] for r in rows} == {"embed@unknown"}  # the builder lists no embed stage


def test_deleting_an_article_deletes_its_vectors(store):
    db, ids = store
    db.execute("DELETE FROM articles WHERE id = ?", (ids["suap"],))
    assert db.execute("SELECT count(*) FROM embeddings WHERE article_id = ?",
                      (ids["suap"],)).fetchone()[0] == 0


def test_semantic_search_ranks_by_the_nearest_vector_and_points_at_it(store):
    db, ids = store
    hits = queries.search(db, "air meluap", mode="semantic")
    # suap's paragraph (cos .996) beats banjir's lead (cos .981): an article is as near as its
    # nearest vector
    q = _unit([1, 0.2, 0, 0])
    expected = sorted(ids, key=lambda n: -max(
        q @ _unit(v) for v in [ARTICLES[n][2], *ARTICLES[n][3]]))
    assert [h["id"] for h in hits] == [ids[n] for n in expected] == [
        ids["suap"], ids["banjir"], ids["beras"]]
    assert hits[0]["score"] == pytest.approx(
        max(q @ _unit(ARTICLES[expected[0]][2]), *(q @ _unit(p) for p in ARTICLES[expected[0]][3])),
        abs=2e-3)
    suap = next(h for h in hits if h["id"] == ids["suap"])
    assert suap["snippet"] == ARTICLES["suap"][1]  # its paragraph, found by meaning


def test_hybrid_fuses_word_and_meaning_ranks(store, monkeypatch):
    db, ids = store
    set_query(monkeypatch, [0, 0, 1, 0.1])  # by meaning: beras, then suap/banjir
    # by words, "banjir" matches the banjir title (bm25 title 5x) and suap's text
    text_ranking = [h["id"] for h in queries.search(db, "banjir")]
    assert text_ranking == [ids["banjir"], ids["suap"]]
    meaning = [h["id"] for h in queries.search(db, "banjir", mode="semantic")]
    assert meaning[0] == ids["beras"]
    fused = [h["id"] for h in queries.search(db, "banjir", mode="hybrid", rrf_k=60)]
    expected = [i for i, _ in vectors.fuse([text_ranking, meaning], k=60)]
    assert fused == expected
    assert fused[0] == ids["banjir"]  # ranked 1st and 2nd or 3rd beats 1st alone
    hit = queries.search(db, "banjir", mode="hybrid", highlight=("<", ">"))[0]
    assert "<Banjir>" in hit["snippet"]  # a word hit keeps its highlighted snippet


@pytest.mark.parametrize(("rankings", "k", "expected"), [
    ([["a", "b", "c"], ["c", "a", "d"]], 60, ["a", "c", "b", "d"]),
    ([["a", "b"], ["b", "a"]], 60, ["a", "b"]),  # a tie keeps the first seen first
    ([["x"], []], 60, ["x"]),
])
def test_reciprocal_rank_fusion_order(rankings, k, expected):
    assert [i for i, _ in vectors.fuse(rankings, k=k)] == expected


def test_fusion_scores_are_sums_of_reciprocal_ranks():
    scores = dict(vectors.fuse([["a", "b"], ["b"]], k=1))
    assert scores == {"a": pytest.approx(1 / 2), "b": pytest.approx(1 / 3 + 1 / 2)}


def test_filters_apply_to_search_by_meaning(store):
    db, _ = store
    hits = queries.search(db, "apa saja", mode="semantic", source="tidak-ada.example")
    assert hits == []


def test_store_without_vectors_says_so(db):
    save_record(db, _record("Tanpa vektor", "Artikel tanpa vektor apa pun.", [1, 0, 0, 0], [],
                            embedded=False))
    with pytest.raises(vectors.VectorSearchError, match=r"E036 .*warta embed"):
        queries.search(db, "apa saja", mode="semantic")


def test_unknown_mode_is_refused(db):
    from warta.errors import QueryError

    with pytest.raises(QueryError, match="E023 unknown search mode 'makna'"):
        queries.search(db, "banjir", mode="makna")


def test_without_sqlite_vec_one_line_and_numpy_distances(store, monkeypatch):
    db, ids = store

    def cannot(conn: sqlite3.Connection) -> None:
        raise AttributeError("'sqlite3.Connection' object has no attribute "
                             "'enable_load_extension'")

    monkeypatch.setattr(vectors, "load_sqlite_vec", cannot)
    note = vectors.enable(db)
    assert note is not None and note.startswith("E035 ") and "\n" not in note
    assert "enable_load_extension" in note
    found = [h["id"] for h in queries.search(db, "air", mode="semantic")]
    assert found == [ids["suap"], ids["banjir"], ids["beras"]]  # as with sqlite-vec


def test_numpy_distance_is_sqlite_vec_distance():
    a, b = _unit([1, 2, 0, 0]), _unit([0, 1, 1, 0])
    expected = 1 - float(a @ b)
    assert vectors.cosine_distance(a.tobytes(), b.tobytes()) == pytest.approx(expected)
    conn = sqlite3.connect(":memory:")
    try:
        vectors.load_sqlite_vec(conn)
    except (ImportError, AttributeError, sqlite3.OperationalError):
        pytest.skip("this Python's sqlite3 cannot load extensions")
    got = conn.execute("SELECT vec_distance_cosine(?, ?)", (a.tobytes(), b.tobytes())).fetchone()
    assert got[0] == pytest.approx(expected, abs=1e-6)


# --- the command line --------------------------------------------------------------------------

@pytest.fixture
def store_file(tmp_path, monkeypatch):
    path = tmp_path / "uji.db"
    conn = connect(path)
    ids = {}
    for name, (title, text, lead, paras) in ARTICLES.items():
        record = _record(title, text, lead, paras)
        save_record(conn, record)
        ids[name] = record["id"]
    conn.close()
    set_query(monkeypatch, [0, 0, 1, 0])
    return path, ids


def test_cli_search_modes(store_file):
    path, ids = store_file
    runner = CliRunner()
    words = runner.invoke(cli, ["search", "harga", "--db", str(path), "--format", "jsonl"])
    assert words.exit_code == 0, words.output
    meaning = runner.invoke(cli, ["search", "kebutuhan pokok", "--db", str(path), "--mode",
                                  "semantic", "--format", "jsonl", "--limit", "1"])
    assert meaning.exit_code == 0, meaning.output
    assert ids["beras"] in meaning.stdout and ids["banjir"] not in meaning.stdout
    bad = runner.invoke(cli, ["search", "x", "--db", str(path), "--mode", "makna"])
    assert bad.exit_code == 2 and "'makna' is not one of" in bad.output


def test_cli_falls_back_to_words_with_one_line_when_no_vectors(tmp_path):
    path = tmp_path / "polos.db"
    conn = connect(path)
    save_record(conn, _record("Harga cabai naik", "Harga cabai naik di pasar.", [1, 0, 0, 0],
                              [], embedded=False))
    conn.close()
    result = CliRunner().invoke(cli, ["search", "cabai", "--db", str(path), "--mode", "hybrid",
                                      "--format", "jsonl"])
    assert result.exit_code == 0
    (line,) = result.stderr.splitlines()  # one line, whether sqlite-vec loads or not
    assert line.startswith("warta: E036") and "warta embed --db" in line
    assert "Harga cabai naik" in result.stdout  # the full-text hit


def test_batch_parts_carry_the_vectors(tmp_path):
    """`warta batch` / parallel ingest: part files hold the record, loading stores its vectors."""
    from warta.batch.parts import write_entry, write_partition
    from warta.store.parts import load_parts

    root = str(tmp_path / "parts")
    record = _record(*ARTICLES["suap"])
    write_partition(root, "p0", [(record, "key-1")]).close()
    write_entry(root, "p0", {"articles": 1})
    conn = connect(tmp_path / "loaded.db")
    assert load_parts(conn, root).new == 1
    rows = conn.execute("SELECT seq, vector FROM embeddings WHERE article_id = ? ORDER BY seq",
                        (record["id"],)).fetchall()
    assert [r[0] for r in rows] == [0, 1]
    assert np.allclose(np.frombuffer(rows[1][1], "<f4"), _unit([0.9, 0.1, 0, 0]), atol=1e-3)
    conn.close()


def test_cli_without_sqlite_vec_says_so_once_and_ranks_by_meaning(store_file, monkeypatch):
    path, ids = store_file

    def cannot(conn: sqlite3.Connection) -> None:
        raise AttributeError("'sqlite3.Connection' object has no attribute "
                             "'enable_load_extension'")

    monkeypatch.setattr(vectors, "load_sqlite_vec", cannot)
    result = CliRunner().invoke(cli, ["search", "kebutuhan pokok", "--db", str(path), "--mode",
                                      "semantic", "--format", "jsonl"])
    assert result.exit_code == 0
    (line,) = result.stderr.splitlines()
    assert line.startswith("warta: E035") and "enable_load_extension" in line
    assert result.stdout.splitlines()[0].startswith(f'{{"id": "{ids["beras"]}"')
