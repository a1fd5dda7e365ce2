"""Issue 16, items 5, 6, 7 and 9: what a hostile or careless client can ask of the explorer.

Search queries are bounded where the MATCH expression is built, a shutdown interrupts running
queries, every numeric parameter is bounded (pages answer a 400 page, errors keep the security
headers), snippet markers cannot be forged by stored text, and every list is paged and says so.
"""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from warta.errors import QueryError
from warta.serve import routes
from warta.serve.app import SECURITY_HEADERS, create_app, make_server
from warta.serve.paging import MAX_LIMIT, MAX_PAGE
from warta.settings import ServeSettings, Settings
from warta.store import queries

HUGE = "99999999999999999999"  # over SQLite's 64-bit integers
ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


# --- item 5: query bounds and shutdown --------------------------------------------------------

@pytest.mark.parametrize(("query", "ok"), [
    (" ".join(["kata"] * queries.MAX_QUERY_TERMS), True),
    (" OR ".join(["kata"] * queries.MAX_QUERY_TERMS), True),
    (" ".join(["kata"] * (queries.MAX_QUERY_TERMS + 1)), False),
    (" OR ".join(f"kata{i}*" for i in range(30_000)), False),
    ('"' + "a" * (queries.MAX_QUERY_CHARS + 1) + '"', False),
])
def test_fts_query_is_bounded(query: str, ok: bool) -> None:
    if ok:
        assert queries.fts_query(query)
    else:
        with pytest.raises(QueryError, match="E033"):
            queries.fts_query(query)


def test_a_long_search_is_refused_at_once(client) -> None:
    terms = " OR ".join(["KPK", "Jakarta", "suap"] * 50)  # 150 terms in 1,046 characters
    started = time.perf_counter()
    api = client.get("/api/search", params={"q": terms[:900]})
    page = client.get("/", params={"q": terms})
    assert time.perf_counter() - started < 5
    assert api.status_code == 400
    assert api.json()["detail"].startswith("E033 search query has 105 terms")
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert "E033" in page.text and 'href="/actors"' in page.text


def test_cli_search_refuses_a_huge_query_in_one_line(db_path: Path) -> None:
    from warta.cli import cli

    query = " ".join(["kata"] * 30_000)
    result = CliRunner().invoke(cli, ["search", query, "--db", str(db_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("warta: E033 search query has 149999 characters, over")
    assert result.stderr.count("\n") == 1


def test_the_time_limit_stops_a_bounded_search(tmp_path: Path,
                                               fixture_store: ModuleType) -> None:
    """With the terms bounded, each FTS step is short and the progress handler gets its turn."""
    from warta.store.db import QueryTimeoutError, connect, sqlite_timelimit

    path = tmp_path / "many.db"
    words = " ".join(f"kata{i}" for i in range(300))
    fixture_store.build_store(path, [fixture_store.text_record(f"Berita {i}", f"{words} {i}.")
                                     for i in range(400)])
    query = " OR ".join(f"kata{i}" for i in range(queries.MAX_QUERY_TERMS))
    conn = connect(path, read_only=True)
    try:
        with pytest.raises(QueryTimeoutError, match="E032"), sqlite_timelimit(conn, 1):
            queries.search(conn, query, limit=400, highlight=None)
    finally:
        conn.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_shutdown_interrupts_a_running_query(db_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGTERM during a long query: the request ends with 503 and the server stops at once
    (before: uvicorn waited for the worker thread, which ran the query to its end)."""
    def endless(conn: sqlite3.Connection, *args: Any, **kwargs: Any) -> list:
        conn.execute(ENDLESS).fetchone()
        return []

    monkeypatch.setattr(routes.queries, "search", endless)
    app = create_app(db_path, settings=Settings(serve=ServeSettings(
        query_time_limit_ms=600_000)))
    port = _free_port()
    server = make_server(app, host="127.0.0.1", port=port, log_level="error")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    answers: list[httpx.Response] = []
    request = threading.Thread(target=lambda: answers.append(
        httpx.get(f"http://127.0.0.1:{port}/api/search", params={"q": "KPK"}, timeout=60)))
    request.start()
    while not app.state.readers._open and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # the query is running
    stopped_at = time.monotonic()
    server.handle_exit(15, None)  # what uvicorn's SIGTERM handler calls
    request.join(timeout=10)
    thread.join(timeout=10)
    assert not thread.is_alive() and time.monotonic() - stopped_at < 5
    assert answers and answers[0].status_code == 503
    assert answers[0].json()["detail"].startswith("E034 ")


# --- item 6: numeric bounds, HTML 400 pages, headers on every answer --------------------------

def test_every_numeric_parameter_is_bounded(client) -> None:
    spec = client.app.openapi()
    seen = 0
    for path, methods in spec["paths"].items():
        for op in methods.values():
            for param in op.get("parameters", []):
                schema = param["schema"]
                if schema.get("type") == "integer":
                    seen += 1
                    assert "maximum" in schema and "minimum" in schema, (path, param["name"])
    assert seen >= 8
    pages = 0
    for route in routes.pages.routes:  # pages are left out of the schema: check them too
        for param in _query_params(route.dependant):
            if param.field_info.annotation is int:
                pages += 1
                limits = {type(m).__name__ for m in param.field_info.metadata}
                assert {"Ge", "Le"} <= limits, (route.path, param.name)
    assert pages >= 6


def _query_params(dependant: Any) -> list[Any]:
    """A route's query parameters, its dependencies' included."""
    return [*dependant.query_params,
            *(p for sub in dependant.dependencies for p in _query_params(sub))]


@pytest.mark.parametrize("url", [
    f"/api/network?min_articles={HUGE}", f"/api/network?limit={HUGE}",
    f"/api/events?limit={HUGE}", f"/api/events?offset={HUGE}", f"/api/actors?offset={HUGE}",
    f"/api/quotes?limit={MAX_LIMIT + 1}", f"/api/search?page={HUGE}", "/api/events?limit=0",
])
def test_api_refuses_out_of_range_numbers(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] in {"less_than_equal", "greater_than_equal"}
    assert response.headers["content-security-policy"] == SECURITY_HEADERS[
        "Content-Security-Policy"]


@pytest.mark.parametrize("url", [
    f"/?page={HUGE}", f"/?page={MAX_PAGE + 1}", "/?page=abc", f"/events?page={HUGE}",
    "/actors?page=0", f"/actor/org:kpk?events_page={HUGE}",
])
def test_pages_answer_bad_parameters_with_a_page(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert "page" in response.text and 'href="/actors"' in response.text
    assert "script-src 'none'" in response.headers["content-security-policy"]


def test_a_server_error_keeps_the_security_headers(db_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr(routes.queries, "stats", broken)
    with TestClient(create_app(db_path), raise_server_exceptions=False) as c:
        response = c.get("/api/stats")
    assert response.status_code == 500
    assert "a bug" not in response.text
    for key, value in SECURITY_HEADERS.items():
        assert response.headers[key] == value


# --- item 7: snippet markers ------------------------------------------------------------------

@pytest.fixture(scope="module")
def control_client(tmp_path_factory: pytest.TempPathFactory, fixture_store: ModuleType):
    """A store whose text holds FTS-marker look-alikes: control characters and tags."""
    path = tmp_path_factory.mktemp("control") / "store.db"
    text = ("Warga melapor \x02banjir\x03 di hulu, lalu \x03 surut \x02 lagi. Banjir <mark> "
            "kembali </mark> datang.")
    fixture_store.build_store(path, [fixture_store.text_record("Banjir \x03 lagi", text)])
    with TestClient(create_app(path)) as c:
        yield c


def test_stored_control_characters_cannot_open_marks(control_client) -> None:
    html = control_client.get("/", params={"q": "banjir"}).text
    snippet = html[html.index('<p class="snippet">'):]
    snippet = snippet[:snippet.index("</p>")]
    assert snippet.count("<mark>") == snippet.count("</mark>") == 2
    assert "&lt;mark&gt;" in snippet  # the stored tag is text
    assert "<mark>banjir</mark>" in snippet.lower()
    marked = snippet.split("<mark>")[1:]
    assert all(part.split("</mark>")[0].lower() == "banjir" for part in marked)


def test_snippet_pieces_keep_text_and_matches_apart(tmp_path: Path,
                                                     fixture_store: ModuleType) -> None:
    from warta.store.db import connect

    path = tmp_path / "s.db"
    fixture_store.build_store(path, [fixture_store.text_record(
        "Hujan", "Hujan [deras] \x02turun\x03 di kota.")])
    conn = connect(path, read_only=True)
    hits = queries.search(conn, "turun", highlight=None)
    conn.close()
    assert [tuple(p) for p in hits[0]["snippet"]] == [("Hujan [deras] \x02", False),
                                                       ("turun", True), ("\x03 di kota.", False)]


# --- item 9: every list paged -----------------------------------------------------------------

@pytest.fixture(scope="module")
def busy_client(tmp_path_factory: pytest.TempPathFactory, fixture_store: ModuleType):
    """60 reports of one arrest: 120 events, 60 quotes and 60 articles of KPK."""
    path = tmp_path_factory.mktemp("busy") / "store.db"
    fixture_store.build_store(path, fixture_store.arrest_reports(60))
    with TestClient(create_app(path)) as c:
        yield c


def test_events_page_is_paged_and_says_so(busy_client) -> None:
    first = busy_client.get("/events").text
    assert '<strong id="total">120</strong>' in first
    assert first.count("<tr><td>") == routes.PAGE_SIZE
    assert "Showing 1–50 of 120 events" in first
    assert 'href="/events?page=2"' in first
    last = busy_client.get("/events", params={"page": 3, "type": "COERCE"}).text
    assert '<strong id="total">60</strong>' in last and "page=3" not in last.split("pager")[-1]
    assert busy_client.get("/events", params={"page": 3}).text.count("<tr><td>") == 20


def test_actor_page_pages_each_list(busy_client) -> None:
    html = busy_client.get("/actor/org:kpk").text
    assert "Showing 1–20 of 120 events" in html
    assert "Showing 1–20 of 60 quotes" in html
    assert "Showing 1–20 of 60 articles" in html
    assert html.count('<q>') == 20
    second = busy_client.get("/actor/org:kpk", params={"events_page": 2}).text
    assert "Showing 21–40 of 120 events" in second
    assert "Showing 1–20 of 60 quotes" in second  # the other lists stay on their page


def test_actors_and_search_pages_say_when_cut(busy_client) -> None:
    html = busy_client.get("/", params={"q": "KPK"}).text
    assert "Showing 1–20 of 60 articles" in html
    assert "Showing 1–2 of 2 actors" in busy_client.get("/actors").text


@pytest.mark.parametrize(("path", "key", "total"), [
    ("/api/events", "events", 120), ("/api/quotes", "quotes", 60),
    ("/api/actors", "actors", 2),
])
def test_api_lists_give_total_and_next(busy_client, path: str, key: str, total: int) -> None:
    seen: list[Any] = []
    url: str | None = f"{path}?limit=25"
    while url:
        body = busy_client.get(url).json()
        assert body["total"] == total
        seen += body[key]
        url = body["next"]
    assert len(seen) == total
    if key == "events":
        assert len({(e["article_id"], e["seq"]) for e in seen}) == total


def test_api_search_and_actor_say_how_many(busy_client) -> None:
    body = busy_client.get("/api/search", params={"q": "KPK"}).json()
    assert body["total"] == 60 and body["next"] == "/api/search?q=KPK&page=2"
    actor = busy_client.get("/api/actors/org:kpk").json()
    assert (actor["events_total"], actor["quotes_total"], actor["articles_total"]) == (120, 60,
                                                                                         60)
    assert len(actor["events"]) == routes.PAGE_SIZE
    assert busy_client.get(actor["events_url"]).json()["total"] == 120
