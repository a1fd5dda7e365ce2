"""Paths and markers shared by tests (import as ``from helpers import ...``).

Kept out of conftest.py so that test modules never import a ``conftest`` by name: with one
conftest per folder, ``from conftest import`` would pick whichever was imported first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
SEEDS = ROOT.parent / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "data"


def needs_shared_data(*parts: str) -> pytest.MarkDecorator:
    """Skip (with a reason) when a file of ../shared/data is absent, as on a bare clone."""
    path = SHARED_DATA.joinpath(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"{path} absent (shared data not staged)")
