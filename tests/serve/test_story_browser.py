"""The story pages and the events page's report counts in headless Chromium; screenshots go
to the test's temporary folder."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_browser import CHROMIUM, _serve

from link_fixtures import build
from warta.store import links
from warta.store.db import connect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} absent"),
]


@pytest.fixture(scope="module")
def linked_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("stories-browser") / "w.db"
    build(path)
    conn = connect(path)
    links.relink(conn)
    conn.close()
    yield from _serve(path)


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    console: list[str] = []
    pg.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    yield pg
    assert not [m for m in console if m.startswith("error")], console  # CSP violations too
    context.close()


def _shot(page: Any, folder: Path, name: str) -> None:
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
    assert (folder / f"{name}.png").stat().st_size > 0


def test_stories_list_sorts_and_opens_a_story(tab: Any, linked_server: str,
                                              tmp_path: Path) -> None:
    started = time.perf_counter()
    tab.goto(f"{linked_server}/stories?min_articles=1")
    assert time.perf_counter() - started < 5  # generous: the 1 s goal is measured on Detik
    assert tab.locator("#total").inner_text() == "3"
    assert tab.locator("nav a.here").inner_text() == "Stories"
    tab.locator("th a.sort", has_text="Story").click()
    tab.wait_for_url("**sort=title**")
    first = tab.locator("#stories-table tbody tr a.story").first.inner_text()
    assert first == "Banjir di Kota Hilir"
    _shot(tab, tmp_path, "stories")
    tab.locator("th a.sort", has_text="Articles").click()
    tab.wait_for_url("**sort=articles**")
    tab.locator("#stories-table a.story").first.click()
    tab.wait_for_url("**/stories/st*")
    assert tab.locator("#story-title").inner_text() == "Menlu dan Mendag bahas ekspor kopi"
    assert tab.locator("#timeline tbody tr").count() == 2
    assert "Kabar Satu, Warta Dua" in tab.locator("#outlets").inner_text()
    assert "Sari Wulandari" in tab.locator("#main-actors").inner_text()
    assert tab.locator("#story-quotes li").count() == 2
    _shot(tab, tmp_path, "story")
    tab.locator("#timeline a", has_text="Pasar kopi ke Eropa diperluas").click()
    tab.wait_for_url("**/article/**")


def test_events_page_shows_report_counts(tab: Any, linked_server: str, tmp_path: Path) -> None:
    tab.goto(f"{linked_server}/events")
    cells = tab.locator("#events-table td.reports").all_inner_texts()
    assert sorted(cells) == ["1 article · 1 outlet", "2 articles · 2 outlets",
                             "2 articles · 2 outlets"]
    _shot(tab, tmp_path, "events-reports")
