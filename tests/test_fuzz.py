"""A short run of the fuzz harness (bench/fuzz.py; `make fuzz` runs 10,000 inputs): malformed
inputs of every format through read → analyze → store, with no uncaught exception, exactly one
line per bad input, no lost good article and bounded memory."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

FUZZ = Path(__file__).resolve().parent.parent / "bench" / "fuzz.py"


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("warta_bench_fuzz", FUZZ)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("seed", [16])
def test_fuzz_short_run(nlp, seed: int):
    # The session's earlier tests set the process's peak memory; this run must not raise it
    # much (a run of its own, `make fuzz`, bounds the peak itself: 1,536 MB).
    report = _harness().run(400, seed, nlp=nlp, max_rss_mb=None, max_rss_growth_mb=256)
    assert report.violations == []
    assert report.ok and report.inputs == 400
    assert min(report.kinds.values()) > 50  # good, bad and damaged inputs all ran
    assert report.stored >= report.kinds["good"]


def test_harness_catches_a_lost_article(nlp, monkeypatch: pytest.MonkeyPatch):
    """The harness can fail: an article silently dropped after reading is counted as lost."""
    fuzz = _harness()
    monkeypatch.setattr(fuzz, "save_record", lambda *_, **__: False)
    monkeypatch.setattr(fuzz, "stored_as", lambda *_: None)
    report = fuzz.run(20, 3, nlp=nlp)
    assert not report.ok and report.lost > 0


def test_harness_bounds_memory_growth(nlp, monkeypatch: pytest.MonkeyPatch):
    """The memory bound can fail: a run that raises the peak past its allowance is reported."""
    fuzz = _harness()
    peaks = iter([100 * 1024, 900 * 1024])  # ru_maxrss in KiB: before, then after the run

    class Usage:
        def __init__(self) -> None:
            self.ru_maxrss = next(peaks)

    monkeypatch.setattr(fuzz.resource, "getrusage", lambda _: Usage())
    report = fuzz.run(5, 3, nlp=nlp, max_rss_mb=None, max_rss_growth_mb=256)
    assert any("grew 800 MB" in v for v in report.violations)
