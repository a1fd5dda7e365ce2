"""The explorer's FastAPI application factory.

The web process only reads: every request opens the store read-only (``mode=ro`` plus
``query_only``), runs under a time limit (``settings.serve.query_time_limit_ms``), and closes it.
Pages are server-rendered Jinja templates with autoescaping; charts and the network picture are
inline SVG; no script runs on any page, so the Content-Security-Policy forbids scripts outright.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from warta.errors import StoreError
from warta.settings import Settings, load_settings

HERE = Path(__file__).resolve().parent
CSP = ("default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(db_path: str | Path, *, settings: Settings | None = None) -> FastAPI:
    """Build the explorer over the store at ``db_path`` (opened read-only per request)."""
    from warta.serve import routes
    from warta.store.db import connect

    settings = settings or load_settings()
    connect(db_path, read_only=True).close()  # fail now, not on the first request
    app = FastAPI(title="warta explorer", version="1",
                  description="Read-only explorer and JSON API over a warta store.",
                  docs_url=None, redoc_url=None)  # /docs is our own page: Swagger needs a CDN
    app.state.db_path = str(db_path)
    app.state.settings = settings
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(routes.pages)
    app.include_router(routes.api)

    @app.middleware("http")
    async def security_headers(request: Request,
                               call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        # a query over its time limit, or a store that went away: say so, never a traceback
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=503)
        return HTMLResponse(routes.render_error(request, str(exc)), status_code=503)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        # pages get a page (with the navigation), the API keeps FastAPI's JSON shape
        if request.url.path.startswith(("/api/", "/static/", "/openapi.json")):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=exc.headers)
        return HTMLResponse(routes.render_error(request, str(exc.detail)),
                            status_code=exc.status_code)

    return app
