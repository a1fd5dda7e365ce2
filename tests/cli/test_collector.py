"""The garbage collector's settings (warta.batch.job.settle_collector) are made only in the
process the `warta` command owns, after the pipeline is loaded; never by warta.load()."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

import warta
from warta import cli as cli_module
from warta.batch import job
from warta.cli import cli, common


@pytest.fixture
def collector() -> Iterator[tuple[int, int, int]]:
    """The test process's collector as it was, restored afterwards."""
    thresholds = gc.get_threshold()
    assert gc.get_freeze_count() == 0 and thresholds != job.COLLECTOR_THRESHOLDS
    yield thresholds
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def test_the_warta_command_owns_its_process_a_program_calling_main_does_not(monkeypatch):
    monkeypatch.setattr(common, "_OWNS_PROCESS", False)
    with pytest.raises(SystemExit):
        cli_module.main(["--version"])
    assert common._OWNS_PROCESS is False
    monkeypatch.setattr(sys, "argv", ["warta", "--version"])
    with pytest.raises(SystemExit):
        cli_module.main()
    assert common._OWNS_PROCESS is True


def test_analysis_pipeline_settles_the_collector_only_in_an_owned_process(monkeypatch, collector):
    built = object()
    monkeypatch.setattr(warta, "load", lambda settings=None: built)
    monkeypatch.setattr(common, "_OWNS_PROCESS", False)
    assert common.analysis_pipeline(None) is built
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == collector
    monkeypatch.setattr(common, "_OWNS_PROCESS", True)
    assert common.analysis_pipeline(None) is built
    assert gc.get_freeze_count() > 0 and gc.get_threshold() == job.COLLECTOR_THRESHOLDS


@pytest.mark.parametrize("command", ["analyze", "ingest"])
def test_analysing_commands_settle_the_collector_after_loading(monkeypatch, tmp_path, command):
    """`warta analyze` and `warta ingest` (in this process) load through analysis_pipeline."""
    article = tmp_path / "a.txt"
    article.write_text("Presiden Joko Widodo meresmikan jembatan di Kebumen, Senin.\n",
                       encoding="utf-8")
    order: list[str] = []
    real_load = warta.load
    monkeypatch.setattr(warta, "load", lambda s=None: order.append("load") or real_load(s))
    monkeypatch.setattr(job, "settle_collector", lambda: order.append("settle"))
    monkeypatch.setattr(common, "_OWNS_PROCESS", True)
    args = [command, str(article)] + (["--db", str(tmp_path / "w.db"), "--workers", "1",
                                       "--no-link"] if command == "ingest" else [])
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert order == ["load", "settle"]


def test_warta_load_leaves_the_collector_alone(collector):
    from warta.nlp import pipeline

    pipeline.load.__wrapped__(None)  # built afresh: the cached pipeline may predate the test
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == collector

