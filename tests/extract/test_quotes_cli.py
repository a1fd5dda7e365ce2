"""`warta quotes` over a small store written through the store's own write path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from warta.cli import cli
from warta.record import SCHEMA_ID, article_id, validate

TEXT_A = ("“Harga beras akan turun bulan depan,” kata Rina Mulyani. "
          "Budi Hartono menilai kebijakan impor itu merugikan petani.")
TEXT_B = "“Kami siap membantu petani di seluruh daerah,” ujar Rina di Bandung."


def _actor(id_: str, name: str, aliases: list[str]) -> dict[str, Any]:
    return {"id": id_, "name": name, "type": "PERSON", "country": "IDN", "roles": [],
            "aliases": aliases, "kb": None}


def _quote(text: str, needle: str, speaker: str | None, kind: str, cue: str,
           date: str | None = None) -> dict[str, Any]:
    start = text.index(needle)
    return {"text": needle, "start": start, "end": start + len(needle), "kind": kind,
            "speaker": speaker, "speaker_text": None, "cue": cue, "addressee": None,
            "date": date}


def _record(text: str, published: str, quotes: list[dict[str, Any]],
            actors: list[dict[str, Any]]) -> dict[str, Any]:
    record = {
        "schema": SCHEMA_ID, "id": article_id("Judul", text),
        "source": {"path": "uji.txt", "url": None, "format": "text", "site_name": None,
                   "record": None},
        "title": "Judul", "text": text, "language": "id", "published": published,
        "byline": {"authors": [], "agencies": []}, "dateline": None,
        "sentences": [[0, len(text)]], "entities": [], "actors": actors, "quotes": quotes,
        "events": [], "dates": [], "tone": None,
        "stages": [{"name": "quotes", "version": "1", "status": "ok"}],
    }
    validate(record)
    return record


@pytest.fixture
def store(tmp_path: Path) -> Path:
    from warta.store.db import connect
    from warta.store.write import save_record

    rina = _actor("person:rina-mulyani", "Rina Mulyani", ["Rina"])
    budi = _actor("person:budi-hartono", "Budi Hartono", ["Hartono"])
    path = tmp_path / "uji.db"
    conn = connect(path)
    save_record(conn, _record(TEXT_A, "2024-05-16", [
        _quote(TEXT_A, "Harga beras akan turun bulan depan", rina["id"], "direct", "kata"),
        _quote(TEXT_A, "kebijakan impor itu merugikan petani", budi["id"], "indirect",
               "menilai"),
    ], [rina, budi]))
    save_record(conn, _record(TEXT_B, "2025-01-10", [
        _quote(TEXT_B, "Kami siap membantu petani di seluruh daerah", rina["id"], "direct",
               "ujar"),
    ], [rina]))
    conn.close()
    return path


def _run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize(("options", "expected"), [
    ([], {"Kami siap membantu petani di seluruh daerah", "Harga beras akan turun bulan depan",
          "kebijakan impor itu merugikan petani"}),
    (["--actor", "Rina"], {"Kami siap membantu petani di seluruh daerah",
                             "Harga beras akan turun bulan depan"}),
    (["--actor", "budi hartono"], {"kebijakan impor itu merugikan petani"}),
    (["--since", "2025-01-01"], {"Kami siap membantu petani di seluruh daerah"}),
])
def test_quotes_json_filters(store: Path, options: list[str], expected: set[str]) -> None:
    result = _run("quotes", "--db", str(store), "--format", "jsonl", *options)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {r["text"] for r in rows} == expected


def test_quotes_table_names_the_speaker(store: Path) -> None:
    result = _run("quotes", "--db", str(store), "--actor", "Hartono")
    assert result.exit_code == 0
    assert "Budi Hartono" in result.output and "indirect" in result.output
    assert "Rina Mulyani" not in result.output


def test_quotes_missing_store_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["quotes", "--db", str(tmp_path / "nope.db")])
    assert result.exit_code == 2
    assert result.output.strip().startswith("warta:")
