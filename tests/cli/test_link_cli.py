"""`warta link`, `warta events` (real-world events), `warta stories`, and the link step that
`warta ingest` runs at its end."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import warta
from link_fixtures import MENLU, build
from warta.cli import cli

GOOD = Path(__file__).resolve().parents[1] / "data" / "store" / "good"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], env={"COLUMNS": "200"})


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    path = tmp_path_factory.mktemp("link-cli") / "w.db"
    records = build(path)
    result = run("link", "--db", path)
    assert result.exit_code == 0, result.output
    assert "3 event mentions → 2 events (1 in 2+ articles)" in result.stderr
    assert "4 articles → 3 stories (1 of 2+ articles)" in result.stderr
    return path, records


def _jsonl(result: Result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_events_are_real_world_events_with_report_counts(store) -> None:
    path, _ = store
    rows = _jsonl(run("events", "--db", path, "--format", "jsonl"))
    assert [(r["num_articles"], r["num_sources"]) for r in rows] == [(2, 2), (1, 1)]
    assert [r["type"] for r in _jsonl(run("events", "--db", path, "--format", "jsonl",
                                          "--min-reports", "2"))] == ["CONSULT"]
    table = run("events", "--db", path).stdout
    assert "articles" in table and "Menlu dan Mendag bahas ekspor kopi" in table


def test_events_mentions_lists_each_report(store) -> None:
    path, _ = store
    rows = _jsonl(run("events", "--db", path, "--format", "jsonl", "--mentions"))
    assert len(rows) == 3 and all("article_title" in r for r in rows)


def test_events_show_prints_one_event_with_its_reports_as_json(store) -> None:
    path, records = store
    table = run("events", "--db", path)
    meeting = _jsonl(run("events", "--db", path, "--format", "jsonl"))[0]
    assert meeting["id"] in table.stdout  # the table gives the id `show` needs
    result = run("events", "show", meeting["id"], "--db", path)
    assert result.exit_code == 0, result.output
    event = json.loads(result.stdout)
    assert (event["source_name"], event["type"], event["target_name"]) == (
        "Sari Wulandari", "CONSULT", "Bayu Pratama")
    assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (2, 2, 2)
    assert [m["article_id"] for m in event["mentions"]] == [records[0]["id"], records[1]["id"]]
    assert [m["outlet"] for m in event["mentions"]] == ["Kabar Satu", "Warta Dua"]
    first = event["mentions"][0]["evidence"]
    assert first["text"][first["trigger_start"]:first["trigger_end"]] == "bertemu"


@pytest.mark.parametrize("event_id", ["ev0000000000000000", "ev\n\x1b[2Jx"])
def test_events_show_an_unknown_id_is_one_coded_line(store, event_id: str) -> None:
    path, _ = store
    result = run("events", "show", event_id, "--db", path)
    assert result.exit_code == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("warta: E038 database ") and "no real-world event" in line
    assert "\x1b" not in line


def test_events_show_on_a_store_never_linked_says_to_link(tmp_path: Path) -> None:
    build(tmp_path / "plain.db")
    result = run("events", "show", "ev0000000000000000", "--db", tmp_path / "plain.db")
    assert result.exit_code == 2 and "E038" in result.stderr and "warta link" in result.stderr


def test_events_on_a_store_never_linked_lists_reports_and_says_why(tmp_path: Path) -> None:
    build(tmp_path / "plain.db")
    assert len(_jsonl(run("events", "--db", tmp_path / "plain.db", "--format", "jsonl"))) == 3
    table = run("events", "--db", tmp_path / "plain.db")
    assert "run `warta link`" in table.stderr and "CONSULT" in table.stdout


def test_stories_list_pages_and_json(store) -> None:
    path, _ = store
    rows = _jsonl(run("stories", "--db", path, "--format", "jsonl"))
    assert [r["num_articles"] for r in rows] == [2, 1, 1]
    assert rows[0]["outlets"] == ["Kabar Satu", "Warta Dua"]
    page = run("stories", "--db", path, "--format", "jsonl", "--limit", "1", "--offset", "1")
    assert len(_jsonl(page)) == 1 and "showing stories 2–2 of 3" in page.stderr
    assert len(_jsonl(run("stories", "--db", path, "--format", "jsonl",
                          "--min-articles", "2"))) == 1
    assert len(_jsonl(run("stories", "--db", path, "--format", "jsonl",
                          "--actor", MENLU))) == 2
    table = run("stories", "--db", path)
    assert table.exit_code == 0 and rows[0]["id"] in table.stdout


def test_stories_show_timeline_actors_and_quotes(store) -> None:
    path, records = store
    sid = _jsonl(run("stories", "--db", path, "--format", "jsonl"))[0]["id"]
    story = _jsonl(run("stories", "show", sid, "--db", path, "--format", "jsonl"))[0]
    assert [a["title"] for a in story["articles"]] == [records[0]["title"], records[1]["title"]]
    shown = run("stories", "show", sid, "--db", path)
    assert shown.exit_code == 0
    for text in ("Kabar Satu", "Warta Dua", "Sari Wulandari", "Kami sepakat memperluas pasar"):
        assert text in shown.stdout
    (meeting,) = story["events"]  # the one real-world event its two articles report
    assert (meeting["type"], meeting["num_articles"]) == ("CONSULT", 2)
    assert meeting["id"] in shown.stdout  # for `warta events show`


def test_an_unknown_story_is_one_line(store) -> None:
    path, _ = store
    result = run("stories", "show", "st-nope", "--db", path)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "no story 'st-nope'" in result.stderr


def test_link_is_idempotent(store, tmp_path: Path) -> None:
    path, _ = store
    before = _jsonl(run("stories", "--db", path, "--format", "jsonl"))
    assert run("link", "--db", path).exit_code == 0
    assert _jsonl(run("stories", "--db", path, "--format", "jsonl")) == before


@pytest.fixture
def base_pipeline(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from warta.nlp.pipeline import build as build_nlp

    nlp = build_nlp(stages=False)
    monkeypatch.setattr(warta, "load", lambda settings=None: nlp)
    yield


def _stories(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM story_articles").fetchone()[0])


def test_ingest_links_at_its_end_unless_told_not_to(tmp_path: Path, base_pipeline) -> None:
    linked = run("ingest", GOOD, "--db", tmp_path / "a.db", "--workers", "1")
    assert linked.exit_code == 0, linked.output
    assert "linked: " in linked.stderr and _stories(tmp_path / "a.db") == 4
    skipped = run("ingest", GOOD, "--db", tmp_path / "b.db", "--workers", "1", "--no-link")
    assert skipped.exit_code == 0 and "linked" not in skipped.stderr
    assert _stories(tmp_path / "b.db") == 0
    again = run("ingest", GOOD, "--db", tmp_path / "b.db", "--workers", "1")
    assert "linked" not in again.stderr  # nothing new: nothing to relink
    config = tmp_path / "off.toml"
    config.write_text("[link]\nafter_ingest = false\n", "utf-8")
    off = run("ingest", GOOD, "--db", tmp_path / "c.db", "--workers", "1", "--config", config)
    assert off.exit_code == 0 and _stories(tmp_path / "c.db") == 0
