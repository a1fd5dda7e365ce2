"""Drive the real pages in headless Chromium (Debian's package, through Playwright).

A uvicorn server runs on a free port of 127.0.0.1 in a thread for the session. Screenshots of
every page go to test-artifacts/screenshots/ (git-ignored) so a person can look at them.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
BAR = 'path[aria-roledescription="rect mark"]'  # one bar of a Vega-Lite chart
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason=f"{CHROMIUM} absent: install Debian's chromium (apt-get install "
                              "chromium); CI's .ci/run does"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db_path: Path) -> Iterator[str]:
    """The explorer over ``db_path`` on a free port, in a thread, for as long as the caller."""
    from warta.serve.app import create_app, make_server

    port = _free_port()
    srv = make_server(create_app(db_path), host="127.0.0.1", port=port, log_level="error")
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    if not srv.started:
        pytest.fail("uvicorn did not start")
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(db_path: Path) -> Iterator[str]:
    yield from _serve(db_path)


@pytest.fixture(scope="module")
def decades_server(tmp_path_factory: pytest.TempPathFactory, fixture_store: Any) -> Iterator[str]:
    """A store whose oldest event (1945) lies 80 years before the others (2025)."""
    path = tmp_path_factory.mktemp("decades-browser") / "store.db"
    dates = ["1945-08-17", "2025-09-01", "2025-09-15", "2025-10-02", "2025-10-20"]
    fixture_store.build_store(path, fixture_store.arrest_reports(60, dates))
    yield from _serve(path)


@pytest.fixture(scope="module")
def views_server(tmp_path_factory: pytest.TempPathFactory, fixture_store: Any) -> Iterator[str]:
    """The fixture articles plus two reports whose quotes name actors (issue 21's pages)."""
    path = tmp_path_factory.mktemp("views-browser") / "store.db"
    fixture_store.build_store(path, fixture_store.records() + fixture_store.quote_reports())
    yield from _serve(path)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  offline=False, java_script_enabled=True)
    pg = context.new_page()
    dialogs: list[str] = []
    console: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    pg.dialogs = dialogs
    yield pg
    # a CSP violation (a blocked inline style or script) shows up as a console error
    assert not [m for m in console if m.startswith("error")], console
    context.close()


def _shot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _by_title(records: list[dict[str, Any]], word: str) -> dict[str, Any]:
    return next(r for r in records if word in (r["title"] or ""))


def test_search_page_filters_and_links(page: Any, server: str) -> None:
    page.goto(f"{server}/")
    assert page.locator("#total").inner_text() == "4"
    assert page.locator(f"#articles-chart {BAR}").count() >= 4
    page.fill("input[name=q]", "KPK")
    page.click("button[type=submit]")
    page.wait_for_url("**/?q=KPK**")
    titles = page.locator("li.hit a.title").all_inner_texts()
    assert "KPK tahan Bupati Budi Santoso" in titles
    assert page.locator("li.hit mark").count() >= 1
    _shot(page, "search")
    page.click("text=KPK tahan Bupati Budi Santoso")
    page.wait_for_url("**/article/**")
    assert page.locator("#article-title").inner_text() == "KPK tahan Bupati Budi Santoso"


def test_article_highlights_are_distinct(page: Any, server: str,
                                         records: list[dict[str, Any]]) -> None:
    record = _by_title(records, "Anwar")
    page.goto(f"{server}/article/{record['id']}")
    body = page.locator("#article-body")
    assert body.locator(".ent.ent-PERSON").count() >= 4
    assert body.locator(".quote").count() == 1
    assert body.locator(".ev").count() == len(record["events"])
    assert body.locator(".date").count() == 1
    # the three kinds look different: background, font style, colour
    ent = body.locator(".ent-PERSON").first.evaluate("e => getComputedStyle(e).backgroundColor")
    quote = body.locator(".quote").first.evaluate("e => getComputedStyle(e).fontStyle")
    event = body.locator(".ev").first.evaluate("e => getComputedStyle(e).color")
    assert ent not in ("rgba(0, 0, 0, 0)", "transparent")
    assert quote == "italic"
    assert event != body.evaluate("e => getComputedStyle(e).color")
    assert body.inner_text() == record["text"]  # highlighting never changes the text
    assert page.locator("a.original").get_attribute("href") == record["source"]["url"]
    _shot(page, "article")
    page.locator("aside a.actor", has_text="Anwar Ibrahim").first.click()
    page.wait_for_url("**/actor/person:anwar-ibrahim")
    assert page.locator("#actor-name").inner_text().startswith("Anwar Ibrahim")


def test_hostile_article_renders_payloads_as_text(page: Any, server: str,
                                                  records: list[dict[str, Any]],
                                                  fixture_store: Any) -> None:
    record = _by_title(records, "Peringatan")
    page.goto(f"{server}/article/{record['id']}")
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert fixture_store.SCRIPT in page.locator("#article-title").inner_text()
    body_text = page.locator("#article-body").inner_text()
    assert fixture_store.SCRIPT in body_text and fixture_store.IMG in body_text
    assert page.locator("#article-body script, #article-body img").count() == 0
    assert page.locator("main img").count() == 0
    _shot(page, "article-hostile")
    page.goto(f"{server}/?q=aneh")
    page.wait_for_timeout(200)
    assert page.dialogs == []
    assert fixture_store.SCRIPT in page.locator("li.hit a.title").first.inner_text()


def test_actor_page_timeline_and_network(page: Any, server: str) -> None:
    page.goto(f"{server}/actor/person:joko-widodo")
    assert "Jokowi" in page.locator("dl.facts").inner_text()
    assert "Presiden" in page.locator("dl.facts").inner_text()
    assert page.locator(f"#timeline-chart {BAR}").count() == 3
    assert page.locator("svg.network circle.node").count() >= 3
    assert page.locator("svg.network line.edge.ev").count() >= 1
    assert "Kami sepakat" in page.locator("ul.quotes").inner_text()
    _shot(page, "actor")
    page.locator("svg.network a", has_text="Anwar Ibrahim").first.click()
    page.wait_for_url("**/actor/person:anwar-ibrahim")


def test_events_page_filter_chart_and_csv(page: Any, server: str) -> None:
    page.goto(f"{server}/events")
    assert page.locator("#total").inner_text() == "8"
    assert page.locator(f"#events-chart {BAR}").count() >= 5
    page.select_option("select[name=type]", "AGREE")
    page.click("button[type=submit]")
    page.wait_for_url("**type=AGREE**")
    assert page.locator("#total").inner_text() == "2"
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 2
    href = page.locator("#csv-link").get_attribute("href")
    assert "type=AGREE" in href
    _shot(page, "events")
    response = page.request.get(f"{server}{href}")
    assert response.ok
    assert len(response.text().strip().splitlines()) == 3  # header + 2 events


def test_actors_and_docs_pages(page: Any, server: str) -> None:
    page.goto(f"{server}/actors")
    assert page.locator("table.grid tbody tr").count() == 8
    _shot(page, "actors")
    page.goto(f"{server}/docs")
    assert page.locator("section.endpoint").count() >= 8
    assert "/api/search" in page.locator("main").inner_text()
    _shot(page, "docs")


def test_pages_run_no_script_and_load_nothing_external(page: Any, server: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    for path in ("/", "/events", "/actors", "/docs", "/actor/org:kpk", "/quotes", "/network",
                 "/places"):
        page.goto(f"{server}{path}")
    assert requests and all(u.startswith(server) for u in requests)
    assert page.locator("script").count() == 0


def test_events_chart_shows_2025_with_years_and_pages(page: Any, decades_server: str) -> None:
    """Issue 16, items 8 and 9: a 1945 event no longer blanks the chart; the axis carries
    years; the table is paged and says how much it holds."""
    page.goto(f"{decades_server}/events")
    chart = page.locator("#events-chart")
    bars = chart.locator(BAR)
    assert bars.count() >= 4
    assert all(box["height"] > 2 for box in (bars.nth(i).bounding_box()
                                              for i in range(bars.count())))
    labels = chart.locator("svg text").all_text_contents()
    assert any("2025" in t for t in labels), labels
    assert "outside this window (the oldest 1945-08-17)" in chart.inner_text()
    assert "Showing 1–50 of 120 events" in page.locator("#events-pager").inner_text()
    assert page.locator("#events-table tbody tr").count() == 50
    _shot(page, "events-decades")
    page.click("#events-pager a[rel=next]")
    page.wait_for_url("**page=2**")
    assert "Showing 51–100 of 120 events" in page.locator("#events-pager").inner_text()
    page.locator("#events-chart a", has_text="draw them too").click()
    page.wait_for_url("**since=1945-08-17**")
    labels = page.locator("#events-chart svg text").all_text_contents()
    assert "1950" in labels and "2020" in labels
    _shot(page, "events-decades-all")


def test_actor_timeline_and_lists_are_paged(page: Any, decades_server: str) -> None:
    page.goto(f"{decades_server}/actor/org:kpk")
    assert page.locator(f"#timeline-chart {BAR}").count() >= 4
    assert "Sep 2025" in " ".join(page.locator("#timeline-chart svg text").all_text_contents())
    assert "of 120 events" in page.locator("#events-pager").inner_text()
    assert page.locator("ul.quotes li").count() == 20
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 6000  # was one row per event, quote and article
    _shot(page, "actor-paged")


# --- issue 21 item 5: quotes, network, places, sortable lists ---------------------------------

def test_quotes_page_filters_sorts_and_opens_the_quote(page: Any, views_server: str) -> None:
    page.goto(f"{views_server}/quotes")
    assert page.locator("#total").inner_text() == "6"
    page.fill("input[name=mentioned]", "Indonesia")
    page.click("button[type=submit]")
    page.wait_for_url("**mentioned=Indonesia**")
    assert page.locator("#total").inner_text() == "2"
    page.click("#quotes-table th >> text=Speaker")
    page.wait_for_url("**sort=speaker**")
    assert "mentioned=Indonesia" in page.url
    speakers = page.locator("#quotes-table tbody tr td:nth-child(2) a.actor").all_inner_texts()
    assert speakers == ["Anwar Ibrahim", "Joko Widodo"]
    _shot(page, "quotes")
    page.locator("a.quote-link", has_text="sahabat").click()
    page.wait_for_url("**/article/**#quote-0")
    target = page.locator("#article-body :target")
    assert target.count() == 1 and "quote" in target.get_attribute("class")
    assert target.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    _shot(page, "quote-in-article")


def test_network_page_draws_linked_actors(page: Any, views_server: str) -> None:
    page.goto(f"{views_server}/network")
    svg = page.locator("svg#network")
    assert svg.locator("circle.node").count() == 8
    assert svg.locator("line.edge.qt").count() >= 1
    box = svg.bounding_box()
    for i in range(8):  # every circle inside the picture
        c = svg.locator("circle.node").nth(i).bounding_box()
        assert box["x"] <= c["x"] and c["x"] + c["width"] <= box["x"] + box["width"]
    _shot(page, "network")
    page.fill("input[name=top]", "3")
    page.click("button[type=submit]")
    page.wait_for_url("**top=3**")
    assert "most connected of 8" in page.locator("#network-count").inner_text()
    assert page.locator("svg#network circle.node").count() == 3
    page.locator("svg#network a[href='/actor/org:kpk']").click()
    page.wait_for_url("**/actor/org:kpk")


def test_places_page_map_list_and_sort(page: Any, views_server: str) -> None:
    page.goto(f"{views_server}/places")
    circles = page.locator('#places-map path[aria-roledescription="circle"]')
    assert circles.count() == 4
    assert "4 places drawn" in page.locator("#places-map figcaption").inner_text()
    _shot(page, "places")
    page.click("#places-table th >> text=Events")
    page.wait_for_url("**sort=-events**")
    first = page.locator("#places-table tbody tr").first.locator("td").all_inner_texts()
    assert first[0] == "Jakarta" and first[-1] == "2"
    page.locator('#places-map a[*|href="/?q=%22Kuala+Lumpur%22"]').click()
    page.wait_for_url("**/?q=%22Kuala+Lumpur%22")
    assert page.locator("#total").inner_text() == "2"


def test_column_headers_sort_and_reverse(page: Any, views_server: str) -> None:
    page.goto(f"{views_server}/actors?page=1")
    page.click("#actors-table th >> text=Actor")
    page.wait_for_url("**sort=name**")
    assert "page=" not in page.url
    names = page.locator("#actors-table tbody tr td:first-child").all_inner_texts()
    assert names == sorted(names, key=str.casefold)
    assert page.locator("#actors-table th[aria-sort=ascending]").inner_text().startswith("Actor")
    page.click("#actors-table th >> text=Actor")
    page.wait_for_url("**sort=-name**")
    assert page.locator("#actors-table tbody tr td:first-child").first.inner_text() == "Malaysia"
    _shot(page, "actors-sorted")
    page.goto(f"{views_server}/?q=Anwar")
    page.click("#search-sort >> text=date")
    page.wait_for_url("**sort=-published**")
    assert page.locator("li.hit a.title").first.inner_text() == "Anwar: Indonesia siap membantu"
@pytest.fixture(scope="module")
def embedded_server(embedded_db_path: Path) -> Iterator[str]:
    from warta.nlp.encoder import load_encoder

    yield from _serve(embedded_db_path)
    load_encoder.cache_clear()  # unmap the model: test_fuzz bounds the session's peak memory


def test_search_page_mode_selector(page: Any, embedded_server: str) -> None:
    page.goto(f"{embedded_server}/")
    assert page.locator("select[name=mode]").input_value() == "fts"
    query = "pelajar turun ke jalan memprotes undang-undang"  # no article has all its words
    page.fill("input[name=q]", query)
    page.click("button[type=submit]")
    page.wait_for_url("**/?q=**")
    assert page.locator("li.hit a.title").count() == 0
    page.select_option("select[name=mode]", "semantic")
    page.click("button[type=submit]")
    page.wait_for_url("**mode=semantic**")
    assert page.locator("select[name=mode]").input_value() == "semantic"
    titles = page.locator("li.hit a.title").all_inner_texts()
    assert titles[0] == "Mahasiswa demo tolak revisi UU Penyiaran" and len(titles) == 4
    _shot(page, "search-semantic")
    page.select_option("select[name=mode]", "hybrid")
    page.fill("input[name=q]", "Anwar")
    page.click("button[type=submit]")
    page.wait_for_url("**mode=hybrid**")
    first = page.locator("li.hit").first
    assert first.locator("a.title").inner_text() == "Jokowi terima Anwar Ibrahim, bahas perbatasan"
    assert first.locator("mark").count() >= 1
