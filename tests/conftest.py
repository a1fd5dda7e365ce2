"""Fixtures shared by the whole suite, built once per session.

Paths and the ``needs_shared_data`` marker live in ``tests/helpers.py``.
"""

from __future__ import annotations

import pytest

from helpers import FIXTURES, ROOT, SEEDS, SHARED_DATA, needs_shared_data
from warta.settings import Settings, load_settings

__all__ = ["FIXTURES", "ROOT", "SEEDS", "SHARED_DATA", "needs_shared_data"]


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def nlp():
    """The full shipped pipeline, built once: loading takes seconds."""
    import warta

    return warta.load()
