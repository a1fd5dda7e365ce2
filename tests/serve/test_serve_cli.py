"""`warta serve`: binds 127.0.0.1:8000 unless told otherwise, and refuses a missing store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from warta.cli import cli


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    import uvicorn

    seen: dict[str, Any] = {}

    def fake_run(app: Any, **kwargs: Any) -> None:
        seen.update(kwargs, app=app)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    return seen


@pytest.mark.parametrize(("args", "host", "port"), [
    ([], "127.0.0.1", 8000),
    (["--port", "8123"], "127.0.0.1", 8123),
    (["--host", "0.0.0.0", "--port", "9000"], "0.0.0.0", 9000),
])
def test_serve_binds_localhost_by_default(captured: dict[str, Any], db_path: Path,
                                          args: list[str], host: str, port: int) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(db_path), *args])
    assert result.exit_code == 0, result.output
    assert (captured["host"], captured["port"]) == (host, port)
    assert captured["app"].state.db_path == str(db_path)


def test_serve_refuses_a_missing_store(captured: dict[str, Any], tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert "E030" in str(result.exception)
    assert captured == {}
    assert not (tmp_path / "none.db").exists()
