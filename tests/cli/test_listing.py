"""Listing commands page alike (--limit/--offset), say when a list is cut, and share names."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from warta.cli import cli
from warta.record import SCHEMA_ID, article_id
from warta.store.db import connect
from warta.store.write import save_record

LISTING = ("events", "quotes", "actors", "search")
TOWNS = ("Bekasi", "Bogor", "Depok")


def _record(town: str, day: int) -> dict:
    text = f"Bupati {town} mengunjungi Jakarta. “Banjir sudah surut,” kata Bupati {town}."
    start = text.index("mengunjungi")
    quote = text.index("Banjir sudah surut")
    return {
        "schema": SCHEMA_ID, "id": article_id(f"Banjir {town}", text),
        "source": {"path": f"{town}.txt", "url": None, "format": "text"},
        "title": f"Banjir {town}", "text": text, "language": "id",
        "published": f"2025-03-0{day}", "byline": {"authors": [], "agencies": []},
        "dateline": None, "sentences": [[0, len(text)]], "entities": [],
        "actors": [{"id": f"person:bupati-{town.lower()}", "name": f"Bupati {town}",
                    "type": "PERSON", "country": "IDN", "roles": [], "aliases": [], "kb": None}],
        "quotes": [{"text": "Banjir sudah surut", "start": quote, "end": quote + 18,
                    "kind": "direct", "speaker": f"person:bupati-{town.lower()}",
                    "speaker_text": None, "cue": "kata", "addressee": None, "date": None}],
        "events": [{"type": "CONSULT", "mode": "visit", "cameo": "042",
                    "source": f"person:bupati-{town.lower()}", "target": None, "date": None,
                    "location": None, "negated": False, "modality": "asserted",
                    "start": start, "end": start + 11, "trigger": "mengunjungi",
                    "evidence": [[start, start + 11]], "goldstein": 1.9, "quad_class": 1}],
        "dates": [], "tone": None, "stages": [],
    }


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("listing") / "w.db"
    conn = connect(path)
    for day, town in enumerate(TOWNS, start=1):
        save_record(conn, _record(town, day))
    conn.close()
    return path


def _args(command: str, store: Path, *more: str) -> list[str]:
    query = ["banjir"] if command == "search" else []
    return [command, *query, "--db", str(store), "--format", "jsonl", *more]


def _run(args: list[str]):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("command", LISTING)
def test_a_cut_list_says_so_and_pages(store: Path, command: str) -> None:
    # issue 16: `warta events --format json` stopped at 1,000 rows without a word
    first = _run(_args(command, store, "--limit", "2"))
    assert len(first.stdout.splitlines()) == 2
    assert f"showing {command if command != 'search' else 'hits'} 1–2 of 3" in first.stderr
    rest = _run(_args(command, store, "--limit", "2", "--offset", "2"))
    assert len(rest.stdout.splitlines()) == 1 and "3–3 of 3" in rest.stderr
    seen = first.stdout.splitlines() + rest.stdout.splitlines()
    whole = _run(_args(command, store))
    assert whole.stdout.splitlines() == seen and whole.stderr == ""


def _params(command: str) -> dict[str, click.Parameter]:
    cmd = cli.get_command(click.Context(cli), command)
    return {p.name: p for p in cmd.params}


def test_every_listing_command_pages_with_the_same_options() -> None:
    shapes = {(p["limit"].default, p["offset"].default, tuple(p["limit"].opts),
               tuple(p["offset"].opts)) for p in map(_params, LISTING)}
    assert shapes == {(100, 0, ("--limit",), ("--offset",))}
    for command in LISTING:
        assert "actor" in _params(command) and "jsonl" in _params(command)["fmt"].type.choices


@pytest.mark.parametrize(("command", "old", "new", "said", "rows"), [
    ("quotes", ["--speaker", "Bupati Bogor"], ["--actor", "Bupati Bogor"], "--speaker", 1),
    ("actors", ["--search", "depok"], ["--actor", "depok"], "--search", 1),
    ("events", ["--format", "json"], ["--format", "jsonl"], "--format json", 3),
    ("search", ["--format", "json"], ["--format", "jsonl"], "--format json", 3),
])
def test_old_names_still_work_and_say_the_new_one(store: Path, command: str, old: list[str],
                                                  new: list[str], said: str, rows: int) -> None:
    base = [command, *(["banjir"] if command == "search" else []), "--db", str(store)]
    fmt = [] if "--format" in old else ["--format", "jsonl"]
    before, after = _run([*base, *fmt, *old]), _run([*base, *fmt, *new])
    assert before.stdout == after.stdout and len(before.stdout.splitlines()) == rows
    replacement = " ".join(new) if said.startswith("--format") else new[0]
    assert before.stderr == f"warta: {said} is deprecated; use {replacement}\n"


def test_analyze_json_is_jsonl() -> None:
    cmd = cli.get_command(click.Context(cli), "analyze")
    fmt = next(p for p in cmd.params if p.name == "fmt")
    assert fmt.default == "jsonl" and fmt.type.convert("json", fmt, None) == "jsonl"


def test_both_event_csvs_have_the_same_columns(store: Path, tmp_path: Path) -> None:
    listed = _run(["events", "--db", str(store), "--format", "csv"]).stdout
    out = tmp_path / "events.csv"
    _run(["export", "--db", str(store), "--format", "csv", "--out", str(out)])
    exported = out.read_text("utf-8")
    assert next(csv.reader(io.StringIO(listed))) == next(csv.reader(io.StringIO(exported)))
    assert listed == exported  # the same three events, the same rows


def test_offset_past_the_end_is_said(store: Path) -> None:
    result = _run(_args("events", store, "--offset", "10"))
    assert result.stdout == "" and "past the last of 3 events" in result.stderr
    assert json.loads(_run(_args("events", store, "--limit", "1")).stdout)["type"] == "CONSULT"
