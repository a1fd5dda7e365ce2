"""The explorer's FastAPI application factory.

The web process only reads: every request opens the store read-only (``mode=ro`` plus
``query_only``), runs under a time limit (``settings.serve.query_time_limit_ms``), and closes it.
Pages are server-rendered Jinja templates with autoescaping; charts and the network picture are
inline SVG; no script runs on any page, so the Content-Security-Policy forbids scripts outright.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from warta.errors import QueryError, StoreError
from warta.serve import events, routes, stories
from warta.settings import Settings, load_settings

CSP = ("default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
GRACEFUL_SHUTDOWN_S = 3
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class Readers:
    """The store connections open right now, so a shutdown can interrupt their queries.

    Request handlers run in worker threads; a query there only stops when SQLite is told to
    (``conn.interrupt()`` is safe from any thread). Without it a running request holds the
    server past SIGTERM until the query ends.
    """

    def __init__(self) -> None:
        self._open: set[sqlite3.Connection] = set()
        self._lock = threading.Lock()
        self.closing = False

    @contextmanager
    def reading(self, db_path: str) -> Iterator[sqlite3.Connection]:
        """A read-only connection, registered while the ``with`` body runs."""
        from warta.store.db import connect

        conn = connect(db_path, read_only=True)
        with self._lock:
            self._open.add(conn)
            if self.closing:
                conn.interrupt()
        try:
            yield conn
        finally:
            with self._lock:
                self._open.discard(conn)
            conn.close()

    def interrupt_all(self) -> None:
        """Stop every running query now (and any that starts later)."""
        with self._lock:
            self.closing = True
            for conn in self._open:
                conn.interrupt()


def create_app(db_path: str | Path, *, settings: Settings | None = None) -> FastAPI:
    """Build the explorer over the store at ``db_path`` (opened read-only per request)."""
    from warta.store.db import connect

    settings = settings or load_settings()
    connect(db_path, read_only=True).close()  # fail now, not on the first request
    app = FastAPI(title="warta explorer", version="1",
                  description="Read-only explorer and JSON API over a warta store.",
                  docs_url=None, redoc_url=None)  # /docs is our own page: Swagger needs a CDN
    app.state.db_path = str(db_path)
    app.state.settings = settings
    app.state.readers = Readers()
    app.mount("/static", StaticFiles(directory=routes.HERE / "static"), name="static")
    app.include_router(routes.pages)
    app.include_router(routes.api)
    app.include_router(stories.pages)
    app.include_router(stories.api)
    app.include_router(events.pages)  # after routes: /api/events/per-day is matched first
    app.include_router(events.api)

    @app.middleware("http")
    async def security_headers(request: Request,
                               call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        return secure(await call_next(request))

    def answer(request: Request, message: str, status: int) -> Response:
        # pages get a page (with the navigation), the API keeps FastAPI's JSON shape
        if _is_api(request):
            return JSONResponse({"detail": message}, status_code=status)
        return HTMLResponse(routes.render_error(request, message), status_code=status)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        # a query over its time limit, or a store that went away: say so, never a traceback
        return answer(request, str(exc), 503)

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return answer(request, str(exc), 400)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> Response:
        if _is_api(request):
            return await request_validation_exception_handler(request, exc)
        return answer(request, _validation_message(exc), 400)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=exc.headers)
        return HTMLResponse(routes.render_error(request, str(exc.detail)),
                            status_code=exc.status_code)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        # Starlette answers this one outside every middleware: add the headers here too
        return secure(PlainTextResponse("Internal Server Error", status_code=500))

    return app


def secure(response: Response) -> Response:
    """``response`` with the security headers (kept where a route set its own)."""
    for key, value in SECURITY_HEADERS.items():
        response.headers.setdefault(key, value)
    return response


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/static/", "/openapi.json"))


def _validation_message(exc: RequestValidationError) -> str:
    """One line naming each bad parameter and why (FastAPI's own wording)."""
    parts = []
    for err in exc.errors():
        name = ".".join(str(x) for x in err.get("loc", ())[1:]) or "request"
        parts.append(f"{name}: {err.get('msg', 'invalid')}")
    return "Bad request parameter — " + "; ".join(parts)


def make_server(app: FastAPI, *, host: str, port: int, **options: Any) -> Any:
    """A uvicorn server for the explorer that stops promptly on SIGTERM or Ctrl-C.

    On the signal it interrupts every running query (the request answers 503 at once) and gives
    responses still streaming ``GRACEFUL_SHUTDOWN_S`` seconds before closing them. While it
    starts, a thread readies the chart renderer and the gazetteer (``charts.warm_up``), so the
    first page a person opens does not wait for them.
    """
    import uvicorn

    from warta.serve import charts

    threading.Thread(target=charts.warm_up, name="warta-warm-up", daemon=True).start()

    class ExplorerServer(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            app.state.readers.interrupt_all()
            super().handle_exit(sig, frame)

    config = uvicorn.Config(app, host=host, port=port,
                            timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_S, **options)
    return ExplorerServer(config)
