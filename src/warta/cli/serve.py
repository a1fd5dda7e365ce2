"""`warta serve`: the read-only web explorer over a store (see docs/explorer.md)."""

from __future__ import annotations

import click

from warta.cli.common import fail
from warta.cli.options import config_option, db_option


@click.command()
@db_option
@click.option("--host", default=None,
              help="Interface to bind (default 127.0.0.1: only this machine can connect).")
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="Port (default 8000; 0 picks a free one).")
@config_option
def serve(db_path: str, host: str | None, port: int | None, config_path: str | None) -> None:
    """Explore a store in the browser: search, articles, actors, events, JSON API.

    The store is opened read-only; queries are stopped after the configured time limit.

    Example:

        warta serve --db demo.db    # then open http://127.0.0.1:8000/
    """
    from warta.serve.app import create_app, make_server
    from warta.settings import load_settings

    settings = load_settings(config_path)
    app = create_app(db_path, settings=settings)
    host = host or settings.serve.host
    port = settings.serve.port if port is None else port
    _check_address(host, port)
    click.echo(f"warta: serving {db_path} read-only at http://{host}:{port}/", err=True)
    make_server(app, host=host, port=port, log_level="warning").run()


def _check_address(host: str, port: int) -> None:
    """Bind once before starting, so an unknown host or a port in use is one line and exit 2
    (uvicorn would log it and exit 3)."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port,
                                                             type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as e:
        fail(f"cannot serve at {host}:{port} ({e.strerror or e})")
