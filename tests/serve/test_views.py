"""Issue 21 item 5: the quotes, network and places pages, and sorting on every list."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient

from warta.errors import QueryError
from warta.serve import charts
from warta.serve.app import create_app
from warta.store import graph, places, queries
from warta.store.db import connect


@pytest.fixture(scope="module")
def views_db(tmp_path_factory: pytest.TempPathFactory, fixture_store: ModuleType) -> Path:
    """The four fixture articles plus two reports whose quotes name actors."""
    path = tmp_path_factory.mktemp("views") / "store.db"
    fixture_store.build_store(path, fixture_store.records() + fixture_store.quote_reports())
    return path


@pytest.fixture(scope="module")
def views(views_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(views_db)) as c:
        yield c


@pytest.fixture
def conn(views_db: Path) -> Iterator[Any]:
    c = connect(views_db, read_only=True)
    yield c
    c.close()


def _cells(html: str, table: str, column: int) -> list[str]:
    """The text of one column of a table of the page (tags dropped)."""
    body = html.split(f'id="{table}"', 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", r, flags=re.S) for r in rows]
    return [re.sub(r"<[^>]+>", "", c[column]).strip() for c in cells if len(c) > column]


# --- quotes ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("params", "texts"), [
    ({"mentioned": "Indonesia"}, {"Malaysia adalah sahabat Indonesia",
                                  "Indonesia siap membantu 100% proyek itu"}),
    ({"mentioned": "gpe:MYS"}, {"Malaysia adalah sahabat Indonesia"}),
    ({"mentioned": "KPK"}, {"KPK harus bekerja keras"}),
    ({"mentioned": "Indonesia", "speaker": "Anwar Ibrahim"},
     {"Indonesia siap membantu 100% proyek itu"}),
    ({"q": "sahabat"}, {"Malaysia adalah sahabat Indonesia"}),
    ({"q": '"bekerja keras"'}, {"KPK harus bekerja keras"}),
    ({"q": '"keras bekerja"'}, set()),
    ({"q": "100%"}, {"Indonesia siap membantu 100% proyek itu"}),
    ({"q": "sia%membantu"}, set()),  # % is a character to find, not a LIKE wildcard
    ({"q": "siap_membantu"}, set()),
    ({"speaker": "Jokowi", "since": "2024-05-01"}, {"Malaysia adalah sahabat Indonesia"}),
    ({"since": "2024-06-01", "until": "2024-06-30"},
     {"Indonesia siap membantu 100% proyek itu"}),
])
def test_quotes_filters(views, params: dict[str, str], texts: set[str]) -> None:
    api = views.get("/api/quotes", params=params).json()
    assert {q["text"] for q in api["quotes"]} == texts
    assert api["total"] == len(texts)
    page = views.get("/quotes", params=params)
    assert page.status_code == 200
    assert re.search(r'id="total">(\d+)<', page.text).group(1) == str(len(texts))


def test_quote_links_to_its_article_at_the_quote_and_to_its_speaker(views) -> None:
    page = views.get("/quotes", params={"mentioned": "KPK"}).text
    link = re.search(r'class="quote-link" href="(/article/[0-9a-f]{16}#quote-(\d+))"', page)
    assert link is not None and link.group(2) == "1"
    assert 'href="/actor/person:anwar-ibrahim"' in page
    article = views.get(link.group(1).split("#")[0]).text
    anchor = re.search(r'<span class="hl quote[^"]*"[^>]*id="quote-1"', article)
    assert anchor is not None
    assert article.count('id="quote-1"') == 1  # a quote cut in pieces names only its first one


def test_quote_words_are_bounded_as_search_is(views) -> None:
    words = " ".join(["kata"] * (queries.MAX_QUERY_TERMS + 1))
    assert views.get("/quotes", params={"q": words}).status_code == 400
    assert views.get("/api/quotes", params={"q": words}).json()["detail"].startswith("E033")
    with pytest.raises(QueryError, match="E033"):
        queries.like_terms(words)


# --- sorting ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "table", "column", "expected"), [
    ("/quotes?sort=speaker", "quotes-table", 1,
     ["Anwar Ibrahim", "Anwar Ibrahim", "Joko Widodo", "Joko Widodo", "Joko Widodo",
      "Komisi"]),
    ("/quotes?sort=-speaker", "quotes-table", 1,
     ["Komisi", "Joko Widodo", "Joko Widodo", "Joko Widodo", "Anwar Ibrahim",
      "Anwar Ibrahim"]),
    ("/actors?sort=name", "actors-table", 0,
     ["Anwar Ibrahim", "BEM UI", "Budi Santoso", "Dewan Perwakilan Rakyat", "Indonesia"]),
    ("/actors?sort=-name", "actors-table", 0, ["Malaysia", "Komisi Pemberantasan Korupsi"]),
    ("/events?sort=-type", "events-table", 2, ["REQUEST", "REQUEST", "PROTEST"]),
    ("/places?sort=name", "places-table", 0, ["Indonesia", "Jakarta", "Kuala Lumpur"]),
])
def test_lists_sort_by_the_column_asked(views, url: str, table: str, column: int,
                                        expected: list[str]) -> None:
    page = views.get(url)
    assert page.status_code == 200
    cells = _cells(page.text, table, column)
    assert [c[:len(e)] for c, e in zip(cells, expected, strict=False)] == expected


def test_search_sorts_by_title_and_date(views) -> None:
    titles = [h["title"] for h in views.get("/api/search?sort=title").json()["hits"]]
    assert titles == sorted(titles, key=str.casefold)
    dates = [h["published"] for h in views.get("/api/search?q=Anwar&sort=-published")
             .json()["hits"]]
    assert dates == sorted(dates, reverse=True) and len(dates) >= 2


@pytest.mark.parametrize("url", ["/quotes", "/actors", "/events", "/places"])
def test_headers_link_to_the_other_order_and_back_to_page_one(views, url: str) -> None:
    page = views.get(url, params={"page": 1}).text
    headers = re.findall(r'<th aria-sort="(\w+)"><a class="sort" href="([^"]+)"', page)
    assert len(headers) >= 3
    assert sum(state != "none" for state, _ in headers) == 1  # the default order is shown
    for state, href in headers:
        assert "sort=" in href and "page=" not in href
        if state == "descending":
            assert not re.search(r"sort=-", href)  # a click reverses the current column


@pytest.mark.parametrize("url", ["/quotes?sort=text", "/actors?sort=id", "/events?sort=seq",
                                 "/places?sort=lat", "/?sort=score", "/actors?sort=-"])
def test_a_sort_off_the_whitelist_is_a_400_page(views, url: str) -> None:
    page = views.get(url)
    assert page.status_code == 400
    assert "sort" in page.text and page.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("url", ["/api/quotes?sort=text", "/api/actors?sort=name%20DESC",
                                 "/api/events?sort=seq", "/api/search?sort=x"])
def test_the_api_refuses_a_sort_off_the_whitelist(views, url: str) -> None:
    response = views.get(url)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "sort"]


# --- network ---------------------------------------------------------------------------------

def _edge(net: graph.Graph, a: str, b: str) -> graph.Edge:
    return next(e for e in net.edges if {e.a, e.b} == {a, b})


def test_network_counts_events_and_quotes_between_actors(conn) -> None:
    net = graph.actor_graph(conn)
    visit = _edge(net, "person:anwar-ibrahim", "person:joko-widodo")
    assert (visit.events, visit.quotes, dict(visit.types)) == (2, 0, {"AGREE": 1, "CONSULT": 1})
    named = _edge(net, "gpe:IDN", "person:anwar-ibrahim")
    assert (named.events, named.quotes) == (0, 1)
    assert _edge(net, "gpe:IDN", "person:joko-widodo").quotes == 1
    assert net.actors == len(net.nodes) == 8 and not net.cut


@pytest.mark.parametrize(("filters", "pairs"), [
    ({"min_weight": 2}, {("org:bem-ui", "org:dpr"), ("org:kpk", "person:budi-santoso"),
                         ("person:anwar-ibrahim", "person:joko-widodo")}),
    ({"country": "MYS"}, {("gpe:IDN", "gpe:MYS"), ("gpe:MYS", "person:joko-widodo"),
                          ("person:anwar-ibrahim", "person:joko-widodo"),
                          ("gpe:IDN", "person:anwar-ibrahim"),
                          ("org:kpk", "person:anwar-ibrahim")}),
    ({"type": "GPE", "since": "2024-05-01"}, {("gpe:IDN", "person:joko-widodo"),
                                              ("gpe:MYS", "person:joko-widodo"),
                                              ("gpe:IDN", "person:anwar-ibrahim")}),
    # the protest is dated "2024-04": its first day is in the period
    ({"until": "2024-04-17"}, {("gpe:IDN", "gpe:MYS"), ("org:kpk", "person:budi-santoso"),
                               ("person:anwar-ibrahim", "person:joko-widodo"),
                               ("org:bem-ui", "org:dpr")}),
])
def test_network_filters(conn, filters: dict[str, Any], pairs: set[tuple[str, str]]) -> None:
    assert {(e.a, e.b) for e in graph.actor_graph(conn, **filters).edges} == pairs


def test_network_keeps_the_most_connected_and_says_so(conn, views) -> None:
    net = graph.actor_graph(conn, top=3)
    assert net.cut and net.actors == 8
    assert set(net.nodes) == {"person:joko-widodo", "person:anwar-ibrahim", "org:kpk"}
    page = views.get("/network", params={"top": 3}).text
    assert re.search(r"The <strong>3</strong> most connected of <strong>8</strong>", page)


def test_network_page_draws_every_node_linked_and_the_same_each_time(views) -> None:
    first = views.get("/network").text
    assert first == views.get("/network").text  # a seeded layout
    svg = first.split('id="network"', 1)[1].split("</svg>", 1)[0]
    assert svg.count("<circle") == 8
    assert svg.count('<a href="/actor/') == 8
    assert 'class="edge qt"' in svg and 'class="edge ev ev-' in svg
    xs = [float(x) for x in re.findall(r'cx="([\d.]+)"', svg)]
    assert all(0 <= x <= charts.GRAPH_WIDTH for x in xs)
    empty = views.get("/network", params={"since": "2030-01-01"}).text
    assert "No connected actors" in empty and 'id="network"' not in empty


@pytest.mark.parametrize("url", ["/network?top=1", "/network?top=201",
                                 "/network?min_weight=0", "/network?top=abc"])
def test_network_bounds(views, url: str) -> None:
    assert views.get(url).status_code == 400


# --- places ----------------------------------------------------------------------------------

def test_places_merge_names_of_one_gazetteer_entry_and_count(conn) -> None:
    rows = {r["name"]: r for r in places.places(conn)}
    jakarta = rows["Jakarta"]  # three mentions, two events (their kb is a GeoNames number)
    assert (jakarta["mentions"], jakarta["events"], jakarta["articles"]) == (3, 2, 3)
    assert jakarta["lat"] == pytest.approx(-6.2, abs=0.1)
    assert (rows["Malaysia"]["mentions"], rows["Malaysia"]["articles"]) == (3, 2)
    assert rows["Malaysia"]["kind"] == "country" and rows["Malaysia"]["lat"] is None
    assert rows["Kuala Lumpur"]["events"] == 1
    assert len(rows) == len(places.places(conn))  # one row per place


@pytest.mark.parametrize(("filters", "names"), [
    ({"country": "mys"}, ["Malaysia", "Kuala Lumpur"]),
    ({"search": "lumpur"}, ["Kuala Lumpur"]),
    ({"since": "2024-05-01"}, ["Indonesia", "Jakarta", "Kuala Lumpur", "Malaysia"]),
    ({"sort": "-events"}, ["Jakarta", "Kuala Lumpur", "Indonesia", "Malaysia"]),
])
def test_places_filters_and_order(conn, filters: dict[str, str], names: list[str]) -> None:
    got = [r["name"] for r in places.places(conn, **filters)]
    if "sort" in filters or "country" in filters:
        assert got == names
    else:
        assert sorted(got) == names


def test_a_country_is_drawn_at_its_point_on_the_shipped_map(conn) -> None:
    rows = {r["name"]: r for r in places.places(conn)}
    lon, lat = charts.map_point(rows["Malaysia"])
    assert 100 < lon < 120 and 0 < lat < 8
    assert charts.map_point({"name": "Asia", "kind": "region", "country": None}) is None


def test_places_page_map_and_list(views) -> None:
    page = views.get("/places").text
    figure = page.split('id="places-map"', 1)[1].split("</figure>", 1)[0]
    assert figure.count('aria-roledescription="circle"') == 4
    assert "4 places drawn" in figure and "Natural Earth" in figure
    assert 'xlink:href="/?q=%22Kuala+Lumpur%22"' in figure  # a circle searches its place
    assert "warta.invalid" not in figure and "vega.github.io" not in figure
    # most mentioned first (three each, then by name)
    assert _cells(page, "places-table", 0) == ["Indonesia", "Jakarta", "Malaysia", "Kuala Lumpur"]
    assert "<script" not in page


def test_places_api_pages_the_same_list(views) -> None:
    first = views.get("/api/places", params={"limit": 2, "sort": "-events"}).json()
    assert first["total"] == 4 and [p["name"] for p in first["places"]] == ["Jakarta",
                                                                           "Kuala Lumpur"]
    rest = views.get(first["next"]).json()
    assert [p["name"] for p in rest["places"]] == ["Indonesia", "Malaysia"]
    assert rest["next"] is None
    assert views.get("/api/places", params={"sort": "lat"}).status_code == 422


def test_the_shipped_map_is_small_and_complete() -> None:
    folder = resources.files("warta").joinpath("data", "map")
    data = folder.joinpath("countries-110m.json")
    assert len(data.read_bytes()) < 500_000
    world = json.loads(data.read_text(encoding="utf-8"))
    isos = {f["properties"]["iso"] for f in world["features"]}
    assert {"IDN", "MYS", "USA", "CHN", "AUS"} <= isos and len(isos) > 170
    assert all(f["geometry"]["type"] == "MultiPolygon" for f in world["features"])
    readme = folder.joinpath("README.md").read_text(encoding="utf-8")
    assert "public domain" in readme and "Natural Earth" in readme


def test_actor_page_sorts_each_list_on_its_own(views) -> None:
    url = "/actor/person:joko-widodo"
    oldest = _cells(views.get(url).text, "actor-events", 2)
    newest = views.get(url, params={"events_sort": "-date", "quotes_page": 1}).text
    assert _cells(newest, "actor-events", 2) == list(reversed(oldest))
    assert oldest == ["CONSULT", "REQUEST", "AGREE"]
    # a header changes only its own list's order and page, and keeps the others'
    href = re.search(r'<th aria-sort="descending"><a class="sort" href="([^"]+)"', newest)
    assert href is not None
    assert "events_sort=date" in href.group(1) and "quotes_page=1" in href.group(1)
    titles = views.get(url, params={"articles_sort": "title"}).text
    articles = titles.split("<h2>Articles</h2>", 1)[1]
    listed = re.findall(r'<li><a href="/article/[0-9a-f]+">([^<]+)</a>', articles)
    assert listed == sorted(listed, key=str.casefold) and len(listed) == 3
    assert views.get(url, params={"quotes_sort": "speaker"}).status_code == 200
    assert views.get(url, params={"quotes_sort": "seq"}).status_code == 400
    assert views.get(url, params={"articles_sort": "mentions"}).status_code == 400


def test_the_server_readies_charts_and_gazetteer_as_it_starts(
        views_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh server's first chart page took ~1.9 s on the Detik store: the renderer started
    then. make_server now starts it in a thread before the first request."""
    import threading

    from warta.serve.app import make_server

    started = threading.Event()
    monkeypatch.setattr(charts, "warm_up", started.set)
    make_server(create_app(views_db), host="127.0.0.1", port=0)
    assert started.wait(5)


def test_warm_up_leaves_the_map_read() -> None:
    charts.world.cache_clear()
    charts.warm_up()
    assert charts.world.cache_info().currsize == 1
