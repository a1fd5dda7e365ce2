"""The embed stage through `warta ingest` (off by default, on by settings) and `warta embed`
for a store ingested without it. The base pipeline (no rule stages) plus the real embed stage
and model: these tests are about where the vectors go, not about what the rule stages find."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import warta
from warta.cli import cli
from warta.nlp.pipeline import build, stage_config
from warta.settings import EmbedSettings, Settings


@pytest.fixture(scope="module", autouse=True)
def _release_model() -> Iterator[None]:
    """Unmap the model when the module is done: test_fuzz bounds the session's peak memory."""
    yield
    from warta.nlp.encoder import load_encoder

    load_encoder.cache_clear()

GOOD = Path(__file__).resolve().parent.parent / "data" / "store" / "good"
ARTICLES = 4  # tests/data/store/good holds four distinct articles


@pytest.fixture(scope="module")
def pipeline():
    """The base pipeline with the embed stage, built from settings that switch it on (one
    pipeline for both cases: the session's peak memory is a test of its own, test_fuzz)."""
    on = Settings(embed=EmbedSettings(enabled=True))
    return build(stages=False, stage_config=stage_config(on))


@pytest.fixture(autouse=True)
def _pipelines(pipeline, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``warta.load(settings)`` gives the pipeline with the embed stage on or off as the
    settings say."""

    def load(settings: Settings | None = None) -> Any:
        if settings is not None and settings.embed.enabled:
            pipeline.enable_pipe("embed")
        else:
            pipeline.disable_pipe("embed")
        return pipeline

    monkeypatch.setattr(warta, "load", load)
    yield
    pipeline.enable_pipe("embed")


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def vectors(db: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT article_id, seq FROM embeddings ORDER BY 1, 2").fetchall()


def records(db: Path) -> list[dict]:
    with sqlite3.connect(db) as conn:
        return [json.loads(r[0]) for r in conn.execute("SELECT record FROM articles")]


def test_ingest_embeds_when_switched_on(tmp_path: Path) -> None:
    db, on = tmp_path / "w.db", tmp_path / "on.toml"
    on.write_text("[embed]\nenabled = true\n", "utf-8")
    result = run("ingest", GOOD, "--db", db, "--config", on, "--workers", "1")
    assert result.exit_code == 0, result.stderr
    stored = records(db)
    assert len(stored) == ARTICLES
    assert all(r["embedding"]["model"].startswith("multilingual-e5-small-q4@") for r in stored)
    assert sorted(vectors(db)) == sorted((r["id"], 0) for r in stored)  # title + lead only


def test_default_ingest_does_not_embed_then_warta_embed(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    assert run("ingest", GOOD, "--db", db, "--workers", "1").exit_code == 0
    assert vectors(db) == []
    assert not any("embedding" in r for r in records(db))
    plain = run("search", "banjir", "--db", db, "--mode", "semantic", "--format", "jsonl")
    assert plain.exit_code == 0 and "E036" in plain.stderr  # one line, then full text

    first = run("embed", "--db", db)
    assert first.exit_code == 0, first.stderr
    assert f"{ARTICLES} articles embedded" in first.stderr
    stored = records(db)
    assert len(vectors(db)) == ARTICLES
    assert all(r["embedding"]["lead"]["vector"] for r in stored)
    assert all({"name": "embed", "version": "1", "status": "ok"} in r["stages"] for r in stored)
    again = run("embed", "--db", db)
    assert again.exit_code == 0 and "0 articles embedded" in again.stderr  # idempotent
    assert len(vectors(db)) == ARTICLES

    hits = run("search", "air sungai meluap merendam rumah", "--db", db, "--mode", "semantic",
               "--format", "jsonl", "--limit", "1")
    assert hits.exit_code == 0, hits.stderr
    assert "E036" not in hits.stderr
    assert json.loads(hits.stdout.splitlines()[0])["title"] == _title_of("berita-banjir.txt")


def test_embed_needs_a_store(tmp_path: Path) -> None:
    bad = tmp_path / "not.db"
    bad.write_bytes(b"bukan basis data " * 100)
    result = run("embed", "--db", bad)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("warta: E030")


def _title_of(name: str) -> str:
    """The fixture's title line (the text files start with their title)."""
    return (GOOD / name).read_text("utf-8").splitlines()[0].strip()
