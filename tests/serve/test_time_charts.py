"""Issue 16, item 8: the events chart of a store whose oldest event is decades older than the
rest (the Detik store: one event in 1945, the others in 2025) draws the recent events on a time
axis with years, says what it leaves out and links to it."""

from __future__ import annotations

from types import ModuleType

import pytest
from fastapi.testclient import TestClient

from warta.serve.app import create_app

DATES = ["1945-08-17", "2025-09-01", "2025-09-15", "2025-10-02", "2025-10-20"]


@pytest.fixture(scope="module")
def decades_client(tmp_path_factory: pytest.TempPathFactory, fixture_store: ModuleType):
    path = tmp_path_factory.mktemp("decades") / "store.db"
    fixture_store.build_store(path, fixture_store.arrest_reports(10, DATES))
    with TestClient(create_app(path)) as c:
        yield c


def _figure(html: str, figure: str) -> str:
    start = html.index(f'id="{figure}"')
    return html[start:html.index("</figure>", start)]


def test_events_chart_draws_the_recent_year(decades_client) -> None:
    html = decades_client.get("/events").text
    chart = _figure(html, "events-chart")
    assert chart.count('aria-roledescription="rect mark"') >= 4  # was 0: all off the axis
    assert "2025" in chart and ">1945" not in chart
    assert "20 Oct 2024 – 20 Oct 2025" in chart
    assert "4 dated items outside this window (the oldest 1945-08-17)" in chart
    assert 'href="/events?since=1945-08-17"' in chart
    wide = _figure(decades_client.get("/events", params={"since": "1945-08-17"}).text,
                   "events-chart")
    assert ">1950<" in wide and ">2020<" in wide and "outside this window" not in wide


def test_actor_timeline_has_a_time_axis(decades_client) -> None:
    chart = _figure(decades_client.get("/actor/org:kpk").text, "timeline-chart")
    assert chart.count('aria-roledescription="rect mark"') >= 4
    assert "Sep 2025" in chart and ">2003<" not in chart
    assert "outside this window (the oldest 1945-08-17)" in chart
