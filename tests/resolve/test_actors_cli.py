"""`warta actors`: load the user's actors file into a fresh store and list with filters."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from warta.cli.actors import actors

DATA = Path(__file__).resolve().parent.parent / "data" / "actors"


def test_load_and_list(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    loaded = runner.invoke(actors, ["--db", db, "--load", str(DATA / "actors.toml"),
                                    "--format", "jsonl"])
    assert loaded.exit_code == 0, loaded.output
    rows = [json.loads(line) for line in loaded.stdout.splitlines() if line.startswith("{")]
    assert {r["id"] for r in rows} == {"person:joko-widodo", "org:kpu", "person:bimo-laksono"}
    found = runner.invoke(actors, ["--db", db, "--actor", "jokowi", "--format", "jsonl"])
    rows = [json.loads(line) for line in found.stdout.splitlines()]
    assert [(r["id"], r["country"], r["source"]) for r in rows] == [
        ("person:joko-widodo", "IDN", "user")]
    assert "Pak Jokowi" in rows[0]["aliases"]
    orgs = runner.invoke(actors, ["--db", db, "--type", "org", "--format", "jsonl"])
    assert [json.loads(line)["id"] for line in orgs.stdout.splitlines()] == ["org:kpu"]


def test_missing_store_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(actors, ["--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "E030" in result.output
