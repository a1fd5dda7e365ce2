"""Store fixtures: a fresh in-memory store per test."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from warta.store.db import connect


@pytest.fixture
def db() -> Iterator[Any]:
    conn = connect(":memory:")
    yield conn
    conn.close()
