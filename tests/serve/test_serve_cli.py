"""`warta serve`: binds 127.0.0.1:8000 unless told otherwise, and refuses a missing store."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner

from warta.cli import cli
from warta.cli import serve as serve_cli
from warta.serve import app as serve_app


@pytest.fixture
def captured(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def fake_server(app: Any, **kwargs: Any) -> SimpleNamespace:
        seen.update(kwargs, app=app)
        return SimpleNamespace(run=lambda: None)

    monkeypatch.setattr(serve_app, "make_server", fake_server)
    # the real bind check would fail when another process on this machine holds port 8000
    monkeypatch.setattr(serve_cli, "_check_address", lambda host, port: None)
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


@pytest.mark.parametrize("where", ["port-in-use", "unknown-host"])
def test_serve_refuses_an_address_it_cannot_bind(monkeypatch: pytest.MonkeyPatch, db_path: Path,
                                                 where: str) -> None:
    import socket

    monkeypatch.setattr(serve_app, "make_server", lambda *a, **k: pytest.fail("started"))
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        host = "127.0.0.1" if where == "port-in-use" else "tidak-ada.invalid"
        result = CliRunner().invoke(cli, ["serve", "--db", str(db_path), "--host", host,
                                          "--port", str(port)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"warta: cannot serve at {host}:{port} (")
    assert result.stderr.count("\n") == 1
