"""One conftest for the whole suite: shared fixtures, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
SEEDS = ROOT.parent / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "data"


def needs_shared_data(*parts: str) -> pytest.MarkDecorator:
    """Skip (with a reason) when a file of ../shared/data is absent, as on a bare clone."""
    path = SHARED_DATA.joinpath(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"{path} absent (shared data not staged)")


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def nlp():
    """The full shipped pipeline, built once: loading takes seconds."""
    import warta

    return warta.load()
