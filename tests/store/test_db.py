"""Opening the store: pragmas, migrations recorded once, read-only connections, time limits."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from warta.errors import StoreError
from warta.store import migrations
from warta.store.db import QueryTimeoutError, connect, sqlite_timelimit, transaction


def test_new_store_records_its_migrations(tmp_path: Path) -> None:
    conn = connect(tmp_path / "w.db")
    names = [r["name"] for r in conn.execute("SELECT name FROM _migrations")]
    assert names == [m.name for m in migrations.MIGRATIONS]
    assert migrations.pending(conn) == []
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(migrations.MIGRATIONS)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "articles_fts", "actors", "actor_aliases", "actor_roles", "mentions",
            "quotes", "events"} <= tables


def test_migrations_are_not_reapplied(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    connect(path).close()
    conn = connect(path)
    assert migrations.apply(conn) == []
    assert conn.execute("SELECT count(*) FROM _migrations").fetchone()[0] == len(
        migrations.MIGRATIONS)


def test_pending_reads_only(tmp_path: Path) -> None:
    path = tmp_path / "bare.db"
    sqlite3.connect(path).close()
    conn = sqlite3.connect(path)
    assert migrations.pending(conn) == [m.name for m in migrations.MIGRATIONS]
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def test_failed_migration_leaves_no_trace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conn = connect(tmp_path / "w.db")

    def broken(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE half_done (x)")
        c.execute("THIS IS NOT SQL")

    monkeypatch.setattr(migrations, "MIGRATIONS",
                        [*migrations.MIGRATIONS, migrations.Migration("9999_broken", broken)])
    with pytest.raises(StoreError, match="E030"):
        migrations.apply(conn)
    assert "9999_broken" in migrations.pending(conn)
    assert conn.execute("SELECT 1 FROM sqlite_master WHERE name='half_done'").fetchone() is None


def test_write_pragmas(tmp_path: Path) -> None:
    conn = connect(tmp_path / "w.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert isinstance(conn.execute("SELECT 1 AS one").fetchone(), sqlite3.Row)


def test_read_only_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    connect(path).close()
    conn = connect(path, read_only=True)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|query_only"):
        conn.execute("INSERT INTO actors(id, name, type) VALUES ('org:kpk', 'KPK', 'ORG')")


def test_read_only_never_creates_or_migrates(tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada.db"
    with pytest.raises(StoreError, match=r"E030.*no such file"):
        connect(missing, read_only=True)
    assert not missing.exists()
    bare = tmp_path / "bare.db"
    sqlite3.connect(bare).execute("CREATE TABLE x (y)")
    with pytest.raises(StoreError, match=r"E030.*missing migrations"):
        connect(bare, read_only=True)


@pytest.mark.parametrize("read_only", [False, True])
def test_not_a_database(tmp_path: Path, read_only: bool) -> None:
    path = tmp_path / "bukan.db"
    path.write_text("Ini bukan basis data SQLite, hanya teks biasa.\n" * 50, encoding="utf-8")
    with pytest.raises(StoreError, match="E030"):
        connect(path, read_only=read_only)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    conn = connect(path)
    conn.execute("INSERT INTO _migrations(name) VALUES ('9999_from_the_future')")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match="E031"):
            connect(path, read_only=read_only)


def test_transaction_rolls_back_on_error(db: sqlite3.Connection) -> None:
    with pytest.raises(RuntimeError), transaction(db):
        db.execute("INSERT INTO actors(id, name, type) VALUES ('org:kpk', 'KPK', 'ORG')")
        raise RuntimeError("gagal")
    assert db.execute("SELECT count(*) FROM actors").fetchone()[0] == 0
    assert not db.in_transaction


def test_timelimit_stops_long_queries(db: sqlite3.Connection) -> None:
    slow = """WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
              SELECT count(*) FROM n"""
    with pytest.raises(QueryTimeoutError, match="longer than 20 ms"), sqlite_timelimit(db, 20):
        db.execute(slow).fetchone()
    with sqlite_timelimit(db, 1000):  # quick queries are untouched, and the handler is removed
        assert db.execute("SELECT 1").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM (SELECT 1 UNION SELECT 2)").fetchone()[0] == 2


def test_older_store_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    conn = connect(path)
    conn.execute("""INSERT INTO articles(id, text, source_format, record)
                    VALUES ('00000000000000aa', 'Teks lama.', 'text', '{}')""")
    conn.execute("DROP TABLE inputs")  # as written by a warta that knew only migration 1
    conn.execute("DELETE FROM _migrations WHERE name = '0002_inputs'")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
    assert migrations.pending(sqlite3.connect(path)) == ["0002_inputs"]
    with pytest.raises(StoreError, match="missing migrations 0002_inputs"):
        connect(path, read_only=True)
    conn = connect(path)
    assert migrations.pending(conn) == []
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM inputs").fetchone()[0] == 0


def test_event_symmetric_column_is_added_to_an_older_store(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    conn = connect(path)
    conn.execute("ALTER TABLE events DROP COLUMN symmetric")  # as before migration 3
    conn.execute("DELETE FROM _migrations WHERE name = '0003_event_symmetric'")
    conn.close()
    assert migrations.pending(sqlite3.connect(path)) == ["0003_event_symmetric"]
    conn = connect(path)
    columns = {r[1] for r in conn.execute("PRAGMA table_info(events)")}
    assert "symmetric" in columns and migrations.pending(conn) == []


def _old_id(native_id: str, title: str, text: str) -> str:
    """The id warta gave an article read with an input id before issue 16 (id mixed in)."""
    import hashlib

    return hashlib.sha256(f"{native_id}\n{title}\n\n{text}".encode()).hexdigest()[:16]


def test_identity_migration_merges_copies_stored_under_two_input_ids(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from store_builders import make_record, quote

    from warta.record import article_id
    from warta.settings import DedupSettings
    from warta.store.write import save_record

    path = tmp_path / "lama.db"
    text = "Menteri mengatakan harga beras turun. “Stok aman,” kata Menteri di Bekasi."
    names = [m.name for m in migrations.MIGRATIONS]
    before = migrations.MIGRATIONS[:names.index("0004_article_identity")]
    with monkeypatch.context() as patch:  # a store as the warta before issue 16 left it
        patch.setattr(migrations, "MIGRATIONS", before)
        old = connect(path)
        for native_id in ("d-1", "d-2"):
            record = make_record(text, quotes=[quote(text, "Stok aman", None)])
            record["id"] = _old_id(native_id, "Judul", text)
            save_record(old, record, input_key=f"raw-{native_id}",
                        dedup=DedupSettings(enabled=False))  # no versions table yet
            old.execute("UPDATE articles SET record = json_set(record, '$.source.native_id', ?)"
                        " WHERE id = ?", (native_id, record["id"]))
        old.close()
    conn = connect(path)
    new = article_id("Judul", text)
    assert [r[0] for r in conn.execute("SELECT id FROM articles")] == [new]
    assert conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == 1
    assert {r[0] for r in conn.execute("SELECT article_id FROM quotes")} == {new}
    refs = conn.execute("SELECT native_id FROM article_refs WHERE article_id = ?", (new,))
    assert [r[0] for r in refs] == ["d-1", "d-2"]
    assert {r[0] for r in conn.execute("SELECT article_id FROM inputs")} == {new}
    assert conn.execute("SELECT count(*) FROM inputs").fetchone()[0] == 2
    stored = conn.execute("SELECT json_extract(record, '$.id') FROM articles").fetchone()[0]
    assert stored == new
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    hits = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'beras'")
    assert hits.fetchone()[0] == 1
