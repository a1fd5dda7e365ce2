"""Fixtures for the explorer tests: one small store (with a hostile article) per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from helpers import load_fixture_store


@pytest.fixture(scope="session")
def fixture_store() -> ModuleType:
    return load_fixture_store()


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory,
          fixture_store: ModuleType) -> tuple[Path, list[dict[str, Any]]]:
    """(path, records) of a store holding the four fixture articles."""
    path = tmp_path_factory.mktemp("serve") / "store.db"
    records = fixture_store.build_store(path)
    return path, records


@pytest.fixture(scope="session")
def db_path(store: tuple[Path, list[dict[str, Any]]]) -> Path:
    return store[0]


@pytest.fixture(scope="session")
def records(store: tuple[Path, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    return store[1]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium for every browser test of the session: Playwright's sync API runs
    one instance at a time, so test modules share this one."""
    from test_browser import CHROMIUM, LAUNCH_ARGS

    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def client(db_path: Path):
    from fastapi.testclient import TestClient

    from warta.serve.app import create_app

    with TestClient(create_app(db_path)) as c:
        yield c


@pytest.fixture(scope="session")
def embedded_db_path(tmp_path_factory: pytest.TempPathFactory, fixture_store: ModuleType) -> Path:
    """The fixture articles with vectors from the real embed model (search by meaning)."""
    from warta.nlp.embed import embed_articles, load_encoder
    from warta.record import embedding_field

    recs = fixture_store.records()
    found = embed_articles(load_encoder("multilingual-e5-small-q4"),
                           [(r["title"], r["text"]) for r in recs])
    for record, embedding in zip(recs, found, strict=True):
        record["embedding"] = embedding_field(embedding)
    path = tmp_path_factory.mktemp("serve-embedded") / "store.db"
    fixture_store.build_store(path, recs)
    load_encoder.cache_clear()  # the explorer loads it again for queries, while it needs it
    return path
