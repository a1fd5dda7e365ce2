"""The page and the JSON of one real-world event (/events/{id}, /api/events/{id}), and the
links to it from the events list and a story's page (no browser)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from link_fixtures import MENDAG, MENLU, build, copy_of_first
from warta.serve.app import create_app
from warta.store import links
from warta.store.db import connect
from warta.store.write import save_record


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict], str]:
    """(store, records, the id of the meeting reported twice), a copy of the first report
    stored as its version."""
    path = tmp_path_factory.mktemp("event-page") / "w.db"
    records = build(path)
    conn = connect(path)
    save_record(conn, copy_of_first())
    links.relink(conn)
    meeting = links.list_world_events(conn)[0]["id"]
    conn.close()
    return path, records, meeting


@pytest.fixture(scope="module")
def client(linked):
    with TestClient(create_app(linked[0])) as c:
        yield c


def test_the_page_shows_what_who_when_and_every_report(client, linked) -> None:
    _, records, meeting = linked
    page = client.get(f"/events/{meeting}")
    assert page.status_code == 200
    html = page.text
    facts = html[html.index('id="event-facts"'):html.index("<h2>Mentions")]
    assert f'href="/actor/{MENLU}"' in facts and f'href="/actor/{MENDAG}"' in facts
    assert "CONSULT" in facts and "(IDN)" in facts
    assert "<strong>3</strong> mentions in <strong>3</strong> articles from <strong>3</strong>" \
        in facts  # the copy in Kabar Tiga counts
    assert "2025-03-09" in facts and "2025-03-11" in facts  # first and last report
    table = html[html.index('id="mentions-table"'):]
    assert table.count("<tr>") == 3  # header + the two stored reports
    assert f'href="/article/{records[0]["id"]}#event-0"' in table
    assert "Menteri Perdagangan Bayu Pratama" in table and "<mark>bertemu</mark>" in table
    assert "+1 copy" in table and "Kabar Satu" in table and "Warta Dua" in table
    assert "affirmed · asserted" in table
    assert 'class="here">Events<' in html


def test_the_trigger_it_links_to_is_anchored_in_the_article(client, linked) -> None:
    _, records, meeting = linked
    article = client.get(f"/article/{records[0]['id']}").text
    assert 'id="event-0"' in article
    side = article[article.index('<ul class="events">'):]
    assert f'href="/events/{meeting}">3 articles · 3 outlets</a>' in side  # and back
    listing = client.get("/events").text
    assert f'href="/article/{records[1]["id"]}#event-0"' in listing  # a trigger, at its place


def test_the_events_list_and_a_story_link_to_it(client, linked) -> None:
    _, _, meeting = linked
    listing = client.get("/events").text
    assert listing.count(f'href="/events/{meeting}"') == 2  # one row per report
    story = client.get("/api/stories").json()["stories"][0]["id"]
    story_page = client.get(f"/stories/{story}").text
    section = story_page[story_page.index('id="story-events"'):]
    assert f'href="/events/{meeting}"' in section


def test_unknown_ids_are_a_404_page_and_a_404_answer(client) -> None:
    page = client.get("/events/ev0000000000000000")
    assert page.status_code == 404 and "no real-world event" in page.text
    assert "<h1>Sorry</h1>" in page.text  # the explorer's error page, not JSON
    hostile = client.get("/events/%3Cscript%3Ex")
    assert hostile.status_code == 404 and "<script>x" not in hostile.text
    api = client.get("/api/events/ev0000000000000000")
    assert api.status_code == 404 and "no real-world event" in api.json()["detail"]
    assert client.get("/api/events/per-day").status_code == 200  # still its own route


def test_the_json_pages_through_the_mentions(client, linked) -> None:
    _, records, meeting = linked
    body = client.get(f"/api/events/{meeting}", params={"limit": 1}).json()
    assert (body["num_articles"], body["num_sources"], body["num_mentions"]) == (3, 3, 3)
    assert body["total"] == 2 and len(body["mentions"]) == 1 and body["next"]
    rest = client.get(body["next"]).json()
    assert rest["mentions"][0]["article_id"] == records[1]["id"] and rest["next"] is None
    ev = rest["mentions"][0]["evidence"]
    assert ev["text"][ev["trigger_start"]:ev["trigger_end"]] == "bertemu"


def test_a_page_past_the_last_mention_is_empty_not_an_error(client, linked) -> None:
    page = client.get(f"/events/{linked[2]}", params={"page": 9})
    assert page.status_code == 200 and "No mentions on this page." in page.text
    assert client.get(f"/events/{linked[2]}", params={"page": 0}).status_code == 400
