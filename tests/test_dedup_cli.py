"""Copies through the commands: `warta ingest` keeps them as versions, `warta dedup` folds
those a store holds twice (loading batch parts: tests/store/test_versions.py). The pipeline is
the base one (no rule stages): these tests are about storing, so they count the NER mentions a
copy would have added."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import warta
from dedup_texts import EXACT_COPY, NEAR_COPY, ORIGINAL, REEDITED, SAME_TOPIC
from warta.cli import cli
from warta.nlp.pipeline import build


@pytest.fixture(scope="module")
def base_nlp():
    return build(stages=False)


@pytest.fixture(autouse=True)
def _base_pipeline(base_nlp, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(warta, "load", lambda settings=None: base_nlp)
    yield


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def jsonl(path: Path, *rows: tuple[str, str, str]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "title": t, "text": x}) + "\n"
                            for i, t, x in rows), "utf-8")
    return path


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "mentions", "article_versions")}


def test_copies_of_stored_articles_are_versions_and_need_no_analysis(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "w.db"
    first = run("ingest", jsonl(tmp_path / "a.jsonl", ("1", "Banjir", ORIGINAL),
                                ("2", "Tanggul jebol", SAME_TOPIC)), "--db", db, "--workers", 1)
    assert "2 new" in first.stderr and "0 copies" in first.stderr
    before = counts(db)
    assert before["mentions"] > 0 and before["article_versions"] == 0

    def no_nlp(settings=None):
        raise AssertionError("a copy of a stored article was analysed")

    monkeypatch.setattr(warta, "load", no_nlp)
    second = run("ingest", jsonl(tmp_path / "b.jsonl", ("3", "Rumah terendam", NEAR_COPY),
                                 ("4", "BANJIR", EXACT_COPY), ("5", "Suntingan", REEDITED)),
                 "--db", db, "--workers", 1)
    assert second.exit_code == 0, second.stderr
    assert "0 new" in second.stderr
    assert "3 copies of stored articles kept as their versions" in second.stderr
    assert counts(db) == {**before, "article_versions": 3}


def test_a_copy_met_in_the_same_run_is_a_version_once_its_original_is_stored(
        tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    result = run("ingest", jsonl(tmp_path / "a.jsonl", ("1", "Banjir", ORIGINAL),
                                 ("2", "Rumah terendam", NEAR_COPY)), "--db", db, "--workers", 1)
    assert "1 new" in result.stderr and "1 copies" in result.stderr
    assert counts(db)["article_versions"] == 1


def test_dedup_switched_off_in_settings_then_folded_by_warta_dedup(tmp_path: Path) -> None:
    db, config = tmp_path / "w.db", tmp_path / "off.toml"
    config.write_text("[dedup]\nenabled = false\n", "utf-8")
    inputs = jsonl(tmp_path / "a.jsonl", ("1", "Banjir", ORIGINAL), ("2", "Rumah", NEAR_COPY),
                   ("3", "BANJIR", EXACT_COPY), ("4", "Tanggul jebol", SAME_TOPIC),
                   ("5", "Suntingan", REEDITED))
    stored = run("ingest", inputs, "--db", db, "--workers", 1, "--config", config)
    assert "5 new" in stored.stderr
    twice = counts(db)
    folded = run("dedup", "--db", db)
    assert folded.exit_code == 0
    assert "5 articles checked: 1 exact and 2 near copies (1 of them re-edited)" in folded.stderr
    after = counts(db)
    assert (after["articles"], after["article_versions"]) == (2, 3)
    assert after["mentions"] < twice["mentions"]
    again = run("dedup", "--db", db)
    assert "2 articles checked: 0 exact and 0 near copies" in again.stderr
    assert counts(db) == after


def test_warta_dedup_refuses_bad_settings_in_one_line(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[dedup]\nthreshold = 2.0\n", "utf-8")
    result = run("dedup", "--db", tmp_path / "w.db", "--config", config)
    assert result.exit_code == 2
    assert result.stderr.startswith("warta: E021") and len(result.stderr.splitlines()) == 1



def test_warta_dedup_relinks_a_linked_store(tmp_path: Path) -> None:
    """A copy stored as its own article and then folded takes its report out of the stored
    links; `warta dedup` recomputes them, so the copy counts as a version of the report and
    the event and the story no longer point at an article that is gone."""
    from link_fixtures import build, copy_of_first
    from warta.export.gdelt import event_id
    from warta.settings import DedupSettings
    from warta.store import links
    from warta.store.db import connect
    from warta.store.write import save_record

    db = tmp_path / "w.db"
    records = build(db)
    conn = connect(db)
    save_record(conn, copy_of_first(), dedup=DedupSettings(enabled=False))  # its own article
    links.relink(conn)
    conn.close()
    result = run("dedup", "--db", db)
    assert result.exit_code == 0 and "links recomputed: " in result.stderr
    conn = connect(db)
    meeting = links.list_world_events(conn)[0]
    assert (meeting["num_articles"], meeting["num_sources"]) == (3, 3)  # the copy, a version
    assert meeting["global_id"] == event_id(records[0]["id"], 0)  # not the folded copy's
    assert links.list_stories(conn)[0]["num_articles"] == 2
    conn.close()
