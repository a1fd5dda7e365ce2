"""Fixtures for the export tests: the explorer's fixture store, built once per session."""

from __future__ import annotations

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
    path = tmp_path_factory.mktemp("export") / "store.db"
    return path, fixture_store.build_store(path)


@pytest.fixture(scope="session")
def db_path(store: tuple[Path, list[dict[str, Any]]]) -> Path:
    return store[0]


@pytest.fixture(scope="session")
def records(store: tuple[Path, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    return store[1]


@pytest.fixture
def conn(db_path: Path):
    from warta.store.db import connect

    c = connect(db_path, read_only=True)
    yield c
    c.close()
