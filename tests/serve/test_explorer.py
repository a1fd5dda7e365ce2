"""The explorer through FastAPI's TestClient: every page and API endpoint, filters, escaping,
read-only access and the query time limit."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from warta.serve import routes
from warta.serve.app import create_app
from warta.settings import ServeSettings, Settings

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def _record(records: list[dict[str, Any]], word: str) -> dict[str, Any]:
    return next(r for r in records if word in (r["title"] or ""))


@pytest.mark.parametrize("path", ["/", "/?q=KPK", "/actors", "/actors?q=jokowi", "/events",
                                  "/events?type=CONSULT", "/docs", "/actor/org:kpk",
                                  "/static/style.css"])
def test_pages_answer(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200


def test_article_page_and_api(client, records) -> None:
    for record in records:
        page = client.get(f"/article/{record['id']}")
        assert page.status_code == 200
        api = client.get(f"/api/articles/{record['id']}")
        assert api.json() == record


@pytest.mark.parametrize("path", ["/article/0000000000000000", "/actor/person:nobody",
                                  "/api/articles/0000000000000000", "/api/actors/org:none",
                                  "/api/actors/org:none/network"])
def test_unknown_ids_are_404(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    if path.startswith("/api/"):
        assert "no " in response.json()["detail"]
    else:
        assert response.headers["content-type"].startswith("text/html")
        assert 'href="/actors"' in response.text  # a page with the navigation


@pytest.mark.parametrize(("params", "titles"), [
    ({"q": "KPK"}, {"KPK tahan Bupati Budi Santoso"}),
    ({"q": "Korupsi"}, {"KPK tahan Bupati Budi Santoso", f"{SCRIPT} Peringatan {IMG}"}),
    ({"q": "perbatasan"}, {"Jokowi terima Anwar Ibrahim, bahas perbatasan"}),
    ({"since": "2024-04-18"}, {"Mahasiswa demo tolak revisi UU Penyiaran",
                               f"{SCRIPT} Peringatan {IMG}"}),
    ({"until": "2024-04-16"}, {"Jokowi terima Anwar Ibrahim, bahas perbatasan"}),
    ({"actor": "person:budi-santoso"}, {"KPK tahan Bupati Budi Santoso"}),
    ({"actor": "Jokowi"}, {"Jokowi terima Anwar Ibrahim, bahas perbatasan",
                           f"{SCRIPT} Peringatan {IMG}"}),
    ({"event_type": "PROTEST"}, {"Mahasiswa demo tolak revisi UU Penyiaran"}),
    ({"language": "ms"}, {"Mahasiswa demo tolak revisi UU Penyiaran"}),
    ({"source": "kabar.example"}, {"KPK tahan Bupati Budi Santoso"}),
    ({"q": "KPK", "event_type": "COERCE"}, {"KPK tahan Bupati Budi Santoso"}),
    ({"q": "tidakadakatasepertiini"}, set()),
])
def test_api_search_filters(client, params: dict[str, str], titles: set[str]) -> None:
    body = client.get("/api/search", params=params).json()
    assert {h["title"] for h in body["hits"]} == titles
    assert body["total"] == len(titles)
    assert sum(d["count"] for d in body["per_day"]) == len(titles)


def test_search_page_snippets_and_chart(client) -> None:
    html = client.get("/", params={"q": "suap"}).text
    assert "<mark>suap</mark>" in html
    assert _bars(html, "articles-chart") == 1
    html = client.get("/").text
    assert '<strong id="total">4</strong>' in html
    assert _bars(html, "articles-chart") == 4  # four consecutive days, one article each


def _bars(html: str, figure: str) -> int:
    """Bars drawn in one chart (Vega's SVG: one path per rect mark)."""
    start = html.index(f'id="{figure}"')
    return html[start:html.index("</figure>", start)].count('aria-roledescription="rect mark"')


def test_empty_form_fields_are_ignored(client) -> None:
    body = client.get("/api/search", params={"q": "", "since": "", "actor": "",
                                             "event_type": "", "language": ""}).json()
    assert body["total"] == 4


def test_article_highlights(client, records) -> None:
    record = _record(records, "Anwar")
    html = client.get(f"/article/{record['id']}").text
    body = html[html.index('id="article-body"'):]
    assert body.count('class="hl ent ent-PERSON"') == 5
    assert body.count('class="hl quote quote-direct"') == 1
    assert body.count('class="hl ev ev-') == 3
    assert body.count('class="hl date"') == 1
    assert 'href="/actor/person:anwar-ibrahim"' in html
    assert f'href="{record["source"]["url"]}"' in html


@pytest.mark.parametrize("path", ["article", "search", "actor", "events", "quotes"])
def test_hostile_content_is_escaped(client, records, path: str) -> None:
    hostile = _record(records, "Peringatan")
    url = {"article": f"/article/{hostile['id']}", "search": "/?q=aneh",
           "actor": "/actor/person:joko-widodo", "events": "/events?type=REQUEST",
           "quotes": "/actor/person:joko-widodo"}[path]
    html = client.get(url).text
    assert SCRIPT not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_api_returns_hostile_text_verbatim_as_json(client, records) -> None:
    hostile = _record(records, "Peringatan")
    response = client.get(f"/api/articles/{hostile['id']}")
    assert response.headers["content-type"].startswith("application/json")
    assert SCRIPT in response.json()["text"]


@pytest.mark.parametrize(("url", "linked"), [
    ("https://berita.example/a", True), ("http://x.example/?q=<b>", True),
    ("javascript:alert(1)", False), ("JAVASCRIPT:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False), (None, False), ("", False),
])
def test_only_http_urls_become_links(url: str | None, linked: bool) -> None:
    assert (routes.safe_url(url) is not None) is linked


def test_security_headers(client) -> None:
    headers = client.get("/").headers
    csp = headers["content-security-policy"]
    assert "script-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert headers["x-content-type-options"] == "nosniff"


def test_pages_contain_no_script_and_no_external_assets(client, records) -> None:
    for path in ["/", "/events", "/actors", "/docs", f"/article/{records[0]['id']}"]:
        html = client.get(path).text
        assert "<script" not in html
        assert "https://cdn" not in html and "//cdn." not in html


def test_actor_page_and_api(client) -> None:
    html = client.get("/actor/person:joko-widodo").text
    assert "Jokowi" in html and "Presiden" in html and "IDN" in html
    assert _bars(html, "timeline-chart") == 3  # the month-only date spans May
    assert "label: 2024-05-01 AGREE; count: 1" in html
    assert "Apr 2024" in html
    assert 'class="node node-PERSON focus"' in html
    body = client.get("/api/actors/person:joko-widodo").json()
    assert body["aliases"] == ["Jokowi"]
    assert {q["text"][:12] for q in body["quotes"]} == {"Kami sepakat", "Jangan klik "}
    assert len(body["events"]) == 3
    assert all("person:joko-widodo" in (e["source_id"], e["target_id"]) for e in body["events"])


def test_actor_network_api(client) -> None:
    body = client.get("/api/actors/org:kpk/network").json()
    ids = {n["id"] for n in body["nodes"]}
    assert ids == {"org:kpk", "person:budi-santoso", "person:joko-widodo"}
    kinds = {(e["source"], e["target"], e["type"]) for e in body["interactions"]}
    assert ("org:kpk", "person:budi-santoso", "COERCE") in kinds
    whole = client.get("/api/network").json()
    assert len(whole["nodes"]) == 8


@pytest.mark.parametrize(("params", "count"), [
    ({}, 8), ({"type": "CONSULT"}, 1), ({"type": "consult"}, 1), ({"actor": "KPK"}, 3),
    ({"since": "2024-04-18"}, 3), ({"until": "2024-04-16"}, 3),  # "2024-04" too
    ({"type": "REQUEST", "actor": "person:joko-widodo"}, 1),
])
def test_events_filters_table_csv_and_chart_agree(client, params: dict[str, str],
                                                  count: int) -> None:
    body = client.get("/api/events", params=params).json()
    assert body["total"] == count == len(body["events"])
    csv_lines = client.get("/events.csv", params=params).text.strip().splitlines()
    assert len(csv_lines) == count + 1
    per_day = client.get("/api/events/per-day", params=params).json()
    dated = [e for e in body["events"] if len(e["date"] or "") >= 10]
    assert sum(d["count"] for d in per_day) == len(dated)
    html = client.get("/events", params=params).text
    assert f'<strong id="total">{count}</strong>' in html


def test_quotes_and_stats_api(client) -> None:
    quotes = client.get("/api/quotes", params={"speaker": "org:kpk"}).json()
    assert [q["text"] for q in quotes["quotes"]] == ["Kami punya bukti yang cukup"]
    assert (quotes["total"], quotes["next"]) == (1, None)
    stats = client.get("/api/stats").json()
    assert stats["counts"]["articles"] == 4


def test_openapi_and_offline_docs(client) -> None:
    spec = client.get("/openapi.json").json()
    api_paths = [p for p in spec["paths"] if p.startswith("/api/")]
    assert len(api_paths) >= 9
    html = client.get("/docs").text
    for path in api_paths:
        assert path in html
    assert "swagger" not in html.lower()


def test_the_app_cannot_write(client, db_path: Path) -> None:
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    request = SimpleNamespace(app=client.app)
    connections = routes.get_conn(request)
    conn = next(connections)
    with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|query_only"):
        conn.execute("DELETE FROM articles")
    connections.close()
    for path in ["/", "/events", "/actors", "/api/network"]:
        client.get(path)
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_slow_queries_are_stopped(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    def endless(conn: sqlite3.Connection, *args: Any, **kwargs: Any) -> list:
        conn.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                     "SELECT count(*) FROM c").fetchone()
        return []

    monkeypatch.setattr(routes.queries, "search", endless)
    settings = Settings(serve=ServeSettings(query_time_limit_ms=50))
    with TestClient(create_app(db_path, settings=settings)) as slow:
        api = slow.get("/api/search", params={"q": "KPK"})
        page = slow.get("/", params={"q": "KPK"})
    assert api.status_code == 503 and "longer than 50 ms" in api.json()["detail"]
    assert page.status_code == 503 and "longer than 50 ms" in page.text


def test_missing_store_fails_at_startup(tmp_path: Path) -> None:
    from warta.errors import StoreError

    with pytest.raises(StoreError, match="E030"):
        create_app(tmp_path / "absent.db")


def test_a_stopped_download_says_so(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    def endless(conn: sqlite3.Connection, **filters: Any):
        yield from ()
        conn.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                     "SELECT count(*) FROM c").fetchone()

    monkeypatch.setattr(routes.queries, "iter_events", endless)
    settings = Settings(serve=ServeSettings(query_time_limit_ms=50))
    with TestClient(create_app(db_path, settings=settings)) as slow:
        text = slow.get("/events.csv").text
    last = text.rstrip().splitlines()[-1]
    assert last.startswith("# warta: download stopped:") and "50 ms" in last



def test_actor_timeline_counts_every_event(db_path: Path) -> None:
    from warta.store.analytics import actor_timeline
    from warta.store.db import connect

    conn = connect(db_path, read_only=True)
    rows = actor_timeline(conn, "org:kpk")
    conn.close()
    assert rows == [("2024-04-17", True, "ACCUSE", 1), ("2024-04-17", True, "COERCE", 1),
                    ("2024-04-19", False, "REQUEST", 1)]


def test_an_empty_store_is_browsable(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from warta.store.db import connect

    empty = tmp_path / "empty.db"
    connect(empty).close()
    with TestClient(create_app(empty)) as c:
        for path in ["/", "/?q=apa", "/events", "/actors", "/docs", "/events.csv",
                     "/api/search", "/api/events", "/api/network", "/api/stats"]:
            assert c.get(path).status_code == 200, path
        assert '<strong id="total">0</strong>' in c.get("/").text
