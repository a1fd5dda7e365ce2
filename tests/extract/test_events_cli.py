"""`warta events` over a store written from hand-built, analysed Docs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from events_helpers import build, lookup

from warta.cli import cli
from warta.extract.events import extract_events
from warta.record import to_record
from warta.types import Article, Source

TEXTS = [
    ("Pada 3 Maret 2024, Presiden Joko Widodo mengunjungi Jepang.",
     {"3 Maret 2024": "2024-03-03"}),
    ("Pada 5 April 2024, Rusia menyerang Ukraina.", {"5 April 2024": "2024-04-05"}),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from warta.store.db import connect
    from warta.store.write import save_record

    path = tmp_path_factory.mktemp("events") / "warta.db"
    conn = connect(path)
    for text, dates in TEXTS:
        doc = build(text, dates=dates, published="2024-04-06")
        doc._.events = extract_events(doc, lookup=lookup)
        article = Article(source=Source(path=None, format="text"), text=text,
                          published="2024-04-06", language="id")
        save_record(conn, to_record(doc, article))
    conn.close()
    return path


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, ["events", *args], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


def test_json_lists_all_events_oldest_first(store: Path) -> None:
    rows = [json.loads(line) for line in _run("--db", str(store), "--format", "jsonl").splitlines()]
    assert [(r["source_id"], r["type"], r["target_id"], r["date"]) for r in rows] == [
        ("person:joko-widodo", "CONSULT", "gpe:JPN", "2024-03-03"),
        ("gpe:RUS", "ASSAULT", "gpe:UKR", "2024-04-05"),
    ]


@pytest.mark.parametrize(("args", "types"), [
    (["--type", "assault"], ["ASSAULT"]),
    (["--since", "2024-04"], ["ASSAULT"]),
    (["--actor", "gpe:JPN"], ["CONSULT"]),
])
def test_filters(store: Path, args: list[str], types: list[str]) -> None:
    out = _run("--db", str(store), "--format", "csv", *args)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["type"] for r in rows] == types


def test_table_names_actors(store: Path) -> None:
    out = _run("--db", str(store))
    assert "ASSAULT" in out and "CONSULT/visit" in out
