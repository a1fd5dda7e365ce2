"""One progress display for long jobs: total, percentage and time left when the count is known."""

from __future__ import annotations

import io
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

import warta
import warta.progress
from warta.cli import cli
from warta.nlp.pipeline import build
from warta.progress import progress


def test_bar_shows_count_percentage_and_time_left() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=120, color_system=None)
    with progress("ingest", total=4, enabled=True, console=console) as bar:
        bar.advance(3)
        bar.update(status="3 new")
        bar.echo("warta: E007 hilang.txt: no such file or directory")
    text = out.getvalue()
    assert "3/4" in text and "75%" in text and "left" in text and "3 new" in text
    assert "E007 hilang.txt" in text


def test_disabled_bar_draws_nothing_but_user_lines(capsys: pytest.CaptureFixture[str]) -> None:
    with progress("export", total=2, enabled=False) as bar:
        bar.advance()
        bar.echo("warta: a line for the user")
    captured = capsys.readouterr()
    assert captured.err == "warta: a line for the user\n" and captured.out == ""


class _Recorder:
    """Stands in for warta.progress.progress and notes what each job told its bar."""

    def __init__(self) -> None:
        self.calls: list[dict] = []

    @contextmanager
    def __call__(self, description: str, *, total: int | None, enabled: bool, **_: object):
        call = {"description": description, "total": total, "enabled": enabled, "done": 0}
        self.calls.append(call)

        class Fake:
            def advance(self, steps: int = 1) -> None:
                call["done"] += steps

            def update(self, *, completed: int | None = None, **_: object) -> None:
                if completed is not None:
                    call["done"] = completed

            def echo(self, line: str) -> None:
                pass

        yield Fake()


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> _Recorder:
    fake = _Recorder()
    monkeypatch.setattr(warta.progress, "progress", fake)
    base = build(stages=False)
    monkeypatch.setattr(warta, "load", lambda settings=None: base)
    return fake


def test_ingest_bar_knows_the_row_count(tmp_path: Path, recorder: _Recorder) -> None:
    # issue 16: ingest showed a spinner with no total, percentage or time left
    table = tmp_path / "berita.csv"
    table.write_text("judul,isi\nCabai,Harga cabai naik.\nBeras,Harga beras turun.\n"
                     "Gula,Harga gula stabil.\n", "utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(table), "--db", str(tmp_path / "w.db"),
                                      "--text-column", "isi", "--progress"])
    assert result.exit_code == 0, result.output
    assert recorder.calls == [{"description": "ingest", "total": 3, "enabled": True, "done": 3}]
    again = CliRunner().invoke(cli, ["ingest", str(table), "--db", str(tmp_path / "w.db"),
                                     "--text-column", "isi", "--no-progress"])
    assert again.exit_code == 0 and recorder.calls[-1]["enabled"] is False


def test_train_run_counts_its_steps(monkeypatch: pytest.MonkeyPatch, recorder: _Recorder) -> None:
    from warta.cli import train

    done: list[str] = []
    train._run_steps([(n, lambda n=n: done.append(n)) for n in ("convert", "news")], enabled=True)
    assert done == ["convert", "news"]
    assert recorder.calls == [{"description": "train", "total": 2, "enabled": True, "done": 2}]
