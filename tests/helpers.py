"""Paths and markers shared by tests (import as ``from helpers import ...``).

Kept out of conftest.py so that test modules never import a ``conftest`` by name: with one
conftest per folder, ``from conftest import`` would pick whichever was imported first.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
SEEDS = ROOT.parent / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "data"


def needs_shared_data(*parts: str) -> pytest.MarkDecorator:
    """Skip (with a reason) when a file of ../shared/data is absent, as on a bare clone."""
    path = SHARED_DATA.joinpath(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"{path} absent (shared data not staged)")


def load_fixture_store() -> ModuleType:
    """tests/data/serve/fixture_store.py as a module: the small store that the explorer and
    export tests share (it is data, not a test module, so it is loaded by path)."""
    spec = importlib.util.spec_from_file_location("warta_fixture_store",
                                                  FIXTURES / "serve" / "fixture_store.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def crash_stage_on(monkeypatch: pytest.MonkeyPatch, crashes: Callable[[Any], bool]) -> None:
    """Make the analysis raise ``RuntimeError("stage bug")`` for the raw articles ``crashes``
    picks, through both ``process.analyze`` and ``process.analyze_many`` (as a stage bug would)."""
    import warta.process

    real = warta.process.analyze

    def analyze(raw: Any, nlp: Any, settings: Any) -> Any:
        if crashes(raw):
            raise RuntimeError("stage bug")
        return real(raw, nlp, settings)

    def analyze_many(raws: Any, nlp: Any, settings: Any, **_: Any) -> Any:
        for raw in raws:
            yield analyze(raw, nlp, settings)

    monkeypatch.setattr(warta.process, "analyze", analyze)
    monkeypatch.setattr(warta.process, "analyze_many", analyze_many)
