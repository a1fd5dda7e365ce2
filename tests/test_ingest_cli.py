"""`warta ingest`, `warta search` and `warta stats` through the real click commands.

The NLP pipeline is warta's base pipeline without the rule stages: these tests are about storing
(idempotence, resuming, bad inputs, exit codes), not about what the stages find.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import warta
from warta.cli import cli
from warta.nlp.pipeline import build

DATA = Path(__file__).resolve().parent / "data" / "store"
GOOD = DATA / "good"
GOOD_ARTICLES = 4  # two text files + a JSON Lines file holding two articles and one repeat


@pytest.fixture(scope="module")
def base_nlp():
    return build(stages=False)


@pytest.fixture(autouse=True)
def _base_pipeline(base_nlp, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(warta, "load", lambda settings=None: base_nlp)
    yield


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def articles(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute("SELECT title FROM articles"))


def test_ingest_twice_keeps_one_copy(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    first = run("ingest", GOOD, "--db", db)
    assert first.exit_code == 0, first.stderr
    assert f"{GOOD_ARTICLES} new, 1 already stored, 0 failed" in first.stderr
    titles = articles(db)
    assert len(titles) == GOOD_ARTICLES
    again = run("ingest", GOOD, "--db", db)
    assert again.exit_code == 0
    assert f"0 new, {GOOD_ARTICLES + 1} already stored, 0 failed" in again.stderr
    assert articles(db) == titles


def test_resume_adds_only_the_rest(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    assert run("ingest", GOOD / "berita-pasar.txt", "--db", db).exit_code == 0
    assert len(articles(db)) == 1
    rest = run("ingest", GOOD, "--db", db)
    assert f"{GOOD_ARTICLES - 1} new, 2 already stored" in rest.stderr
    assert len(articles(db)) == GOOD_ARTICLES


def test_bad_inputs_fail_alone(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    result = run("ingest", DATA / "bad", GOOD / "berita-banjir.txt", tmp_path / "hilang.txt",
                 "--db", db)
    assert result.exit_code == 1
    failures = [line for line in result.stderr.splitlines() if line.startswith("warta: E0")]
    assert len(failures) == 3
    assert any("kosong.txt" in f and "E001" in f for f in failures)
    assert any("gambar.txt" in f and "E002" in f for f in failures)
    assert any("hilang.txt" in f and "E007" in f for f in failures)
    assert "Traceback" not in result.stderr
    assert articles(db) == ["Banjir Rendam Ratusan Rumah di Pinggiran Sungai"]


def test_csv_column_options(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    result = run("ingest", DATA / "berita-kolom.csv", "--db", db, "--text-column", "isi_berita",
                 "--title-column", "judul", "--date-column", "tanggal")
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT title, published FROM articles").fetchall())
    assert rows["Kereta Cepat Tambah Jadwal Perjalanan"].startswith("2024-08-01")
    assert len(rows) == 2


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory, base_nlp) -> Path:
    db = tmp_path_factory.mktemp("store") / "w.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(warta, "load", lambda settings=None: base_nlp)
        # Column options apply to every input of a run, so the CSV gets its own run.
        assert run("ingest", GOOD, "--db", db).exit_code == 0
        assert run("ingest", DATA / "berita-kolom.csv", "--db", db, "--text-column",
                   "isi_berita", "--title-column", "judul", "--date-column", "tanggal",
                   ).exit_code == 0
    return db


def test_search_json_is_ranked(filled: Path) -> None:
    result = run("search", "inflasi", "--db", filled, "--format", "jsonl")
    assert result.exit_code == 0
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(hits) == 3
    # Twice in a short article beats once: the central bank article ranks first.
    assert hits[0]["title"] == "Bank Sentral Tahan Suku Bunga"
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert all("[inflasi]" in h["snippet"].lower() for h in hits)


def test_search_table_and_limit(filled: Path) -> None:
    result = run("search", "inflasi", "--db", filled, "--limit", "1")
    assert result.exit_code == 0
    assert "Bank Sentral Tahan Suku Bunga" in result.stdout
    assert "Harga Cabai" not in result.stdout
    none = run("search", "kata-yang-tidak-ada", "--db", filled)
    assert none.exit_code == 0 and "No articles match" in none.stdout


def test_stats(filled: Path) -> None:
    table = run("stats", "--db", filled)
    assert table.exit_code == 0
    assert "articles" in table.stdout and "2024-08-03" in table.stdout
    figures = json.loads(run("stats", "--db", filled, "--format", "json").stdout)
    assert figures["counts"]["articles"] == GOOD_ARTICLES + 2
    assert figures["sources"]["contoh-berita.id"] == 2


@pytest.mark.parametrize("command", [["search", "inflasi"], ["stats"]])
def test_read_commands_need_an_existing_store(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "tidak-ada.db"
    result = run(*command, "--db", db)
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("warta: E030") and len(result.stderr.splitlines()) == 1
    assert not db.exists()


def test_interrupted_ingest_continues(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from warta.store import write

    db = tmp_path / "w.db"
    real_save, calls = write.store, []

    def save_then_interrupt(conn, record, **options):
        calls.append(record["id"])
        if len(calls) == 3:  # Ctrl-C while the third article is being written
            raise KeyboardInterrupt
        return real_save(conn, record, **options)

    monkeypatch.setattr(write, "store", save_then_interrupt)
    stopped = run("ingest", GOOD, "--db", db)
    assert stopped.exit_code == 130
    assert "2 new" in stopped.stderr and "run the same command again" in stopped.stderr
    assert len(articles(db)) == 2
    monkeypatch.setattr(write, "store", real_save)
    resumed = run("ingest", GOOD, "--db", db)
    assert resumed.exit_code == 0
    assert f"{GOOD_ARTICLES - 2} new" in resumed.stderr
    assert len(articles(db)) == GOOD_ARTICLES


def test_inputs_stay_skipped_when_cleaning_changes(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """After an upgrade that cleans differently (so ids change), stored inputs are not redone."""
    import warta.clean
    import warta.process

    db = tmp_path / "w.db"
    assert run("ingest", GOOD, "--db", db).exit_code == 0
    real_clean = warta.clean.clean_article

    def cleans_differently(raw):
        article = real_clean(raw)
        article.text += " (diperbarui)"
        return article

    monkeypatch.setattr(warta.clean, "clean_article", cleans_differently)
    monkeypatch.setattr(warta.process, "clean_article", cleans_differently)
    again = run("ingest", GOOD, "--db", db)
    assert f"0 new, {GOOD_ARTICLES + 1} already stored" in again.stderr
    changed = tmp_path / "baru.txt"
    changed.write_text("Jembatan Baru Diresmikan\n\nSurabaya - Wali kota meresmikan jembatan "
                       "penghubung dua kecamatan pada Senin pagi.\n", encoding="utf-8")
    assert "1 new" in run("ingest", changed, "--db", db).stderr
    with sqlite3.connect(db) as conn:
        text = conn.execute("SELECT text FROM articles WHERE title LIKE 'Jembatan%'").fetchone()[0]
    assert text.endswith("(diperbarui)")  # the new cleaning did run for the new input


def test_same_text_under_other_ids_is_one_article_with_references(tmp_path: Path) -> None:
    # issue 16: rows with the same title and text but their own ids were stored twice each
    body = "Harga cabai di Pasar Kramat Jati naik dua kali lipat pekan ini."
    first = tmp_path / "a.csv"
    first.write_text(f"id,judul,isi\nk-1,Cabai mahal,{body}\nk-2,Cabai mahal,{body}\n", "utf-8")
    second = tmp_path / "b.csv"
    second.write_text(f"id,judul,isi\nk-3,Cabai mahal,{body}\n", "utf-8")
    db = tmp_path / "w.db"
    columns = ("--text-column", "isi", "--title-column", "judul")
    assert run("ingest", first, "--db", db, *columns).exit_code == 0
    again = run("ingest", second, "--db", db, *columns)
    assert again.exit_code == 0
    assert "0 new, 1 already stored" in again.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        refs = [r[0] for r in conn.execute("SELECT native_id FROM article_refs ORDER BY rowid")]
    assert refs == ["k-1", "k-2", "k-3"]


def test_a_cleaning_crash_before_analysis_does_not_end_the_run(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch):
    """Issue 16: the dedup check cleans each article before the NLP; a crash there (here a
    RecursionError) must fail that article alone (as the analysis reports it), not the run."""
    import warta.clean
    import warta.process

    clean = warta.clean.clean_article

    def crashing(raw):
        if "Bogor" in raw.text:
            raise RecursionError("maximum recursion depth exceeded")
        return clean(raw)

    monkeypatch.setattr(warta.clean, "clean_article", crashing)  # the dedup check's cleaning
    monkeypatch.setattr(warta.process, "clean_article", crashing)  # the analysis' cleaning
    (tmp_path / "a.txt").write_text("Banjir di Bogor\n\nHujan deras mengguyur Kota Bogor.\n")
    (tmp_path / "b.txt").write_text("Panen di Garut\n\nPetani Garut memanen padi.\n")
    db = tmp_path / "w.db"
    result = run("ingest", tmp_path / "a.txt", tmp_path / "b.txt", "--db", db)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"warta: E012 {tmp_path / 'a.txt'}: analysis failed "
                                    "(RecursionError")
    assert articles(db) == ["Panen di Garut"]
