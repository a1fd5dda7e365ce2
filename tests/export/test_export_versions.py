"""Exports carry each article's versions (its copies kept once) and the input ids it was read
under: JSON Lines records and Parquet's articles (issue 21)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from dedup_texts import NEAR_COPY, ORIGINAL, SAME_TOPIC
from warta.cli import cli
from warta.record import validate


def _with_source(rec: dict[str, Any], **source: Any) -> dict[str, Any]:
    return {**rec, "source": {**rec["source"], **source}}


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory,
           fixture_store: ModuleType) -> tuple[Path, dict[str, dict[str, Any]]]:
    """A flood report read under two dataset ids, a near copy of it from another outlet (kept
    as its version), and an unrelated report."""
    original = _with_source(fixture_store.text_record("Banjir Sukamaju", ORIGINAL,
                                                      published="2024-11-04"),
                            native_id="d-1", record=0)
    again = _with_source(original, native_id="d-7", record=6)  # the same text, another id
    copy = _with_source(fixture_store.text_record("Ratusan Rumah Terendam", NEAR_COPY,
                                                  published="2024-11-05"),
                        url="https://daerah.example/banjir", site_name="Kabar Daerah",
                        native_id="d-2", record=1)
    other = fixture_store.text_record("Tanggul Jebol", SAME_TOPIC)
    path = tmp_path_factory.mktemp("export-versions") / "s.db"
    fixture_store.build_store(path, [original, again, copy, other], dedup=True)
    return path, {"original": original, "copy": copy, "other": other}


def _export(db: Path, fmt: str, out: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", fmt, "--out",
                                      str(out), "--no-progress"])
    assert result.exit_code == 0, result.output


def test_jsonl_records_carry_versions_and_input_ids(stored, tmp_path: Path) -> None:
    db, recs = stored
    _export(db, "jsonl", tmp_path / "out.jsonl")
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    for record in lines:
        validate(record)  # the two fields are the schema's (optional) own
    by_id = {r["id"]: r for r in lines}
    assert set(by_id) == {recs["original"]["id"], recs["other"]["id"]}
    original = by_id[recs["original"]["id"]]
    assert original["native_ids"] == ["d-1", "d-7"]
    (version,) = original["versions"]
    assert {k: version[k] for k in ("id", "kind", "title", "published")} == {
        "id": recs["copy"]["id"], "kind": "near", "title": "Ratusan Rumah Terendam",
        "published": "2024-11-05"}
    assert 0.6 <= version["similarity"] < 1
    assert version["source"] == {"path": "fixture.jsonl", "url": "https://daerah.example/banjir",
                                 "format": "jsonl", "site_name": "Kabar Daerah", "record": 1,
                                 "native_id": "d-2"}
    other = by_id[recs["other"]["id"]]
    assert "versions" not in other and "native_ids" not in other  # none: left out
    assert {k: v for k, v in original.items() if k not in ("versions", "native_ids")} \
        == recs["original"]  # the rest is the record as stored


def test_parquet_articles_carry_versions_and_input_ids(stored, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    db, recs = stored
    _export(db, "parquet", tmp_path / "pq")
    table = pq.read_table(tmp_path / "pq" / "articles.parquet")
    assert str(table.schema.field("native_ids").type) == "list<element: string>"
    rows = {r["id"]: r for r in table.to_pylist()}
    original, other = rows[recs["original"]["id"]], rows[recs["other"]["id"]]
    assert original["native_ids"] == ["d-1", "d-7"]
    (version,) = original["versions"]
    assert (version["id"], version["kind"], version["url"], version["site_name"],
            version["native_id"], version["source_record"]) == (
        recs["copy"]["id"], "near", "https://daerah.example/banjir", "Kabar Daerah", "d-2", 1)
    assert version["published_first"] == version["published_last"] == date(2024, 11, 5)
    assert version["added_at"] is not None and "fingerprint" not in version
    assert other["versions"] == [] and other["native_ids"] == []
    assert len(rows) == 2  # a copy is no article row of its own
