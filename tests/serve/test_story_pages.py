"""The story pages, their API and the events page's report counts (no browser)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from link_fixtures import MENLU, build
from warta.serve.app import create_app
from warta.store import links
from warta.store.db import connect


@pytest.fixture(scope="module")
def linked_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    path = tmp_path_factory.mktemp("stories-serve") / "w.db"
    records = build(path)
    conn = connect(path)
    links.relink(conn)
    conn.close()
    return path, records


@pytest.fixture(scope="module")
def client(linked_store):
    with TestClient(create_app(linked_store[0])) as c:
        yield c


def test_stories_list_shows_the_larger_stories_by_default(client) -> None:
    page = client.get("/stories")
    assert page.status_code == 200
    assert 'id="total">1<' in page.text and "Menlu dan Mendag bahas ekspor kopi" in page.text
    everything = client.get("/stories", params={"min_articles": 1})
    assert 'id="total">3<' in everything.text


def test_stories_list_sorts_and_refuses_unknown_sorts(client) -> None:
    by_title = client.get("/stories", params={"min_articles": 1, "sort": "title"}).text
    titles = ["Banjir di Kota Hilir", "Menlu dan Mendag bahas ekspor kopi",
              "Menlu dan Mendag bahas tarif baja"]
    assert [by_title.index(t) for t in titles] == sorted(by_title.index(t) for t in titles)
    assert client.get("/stories", params={"sort": "rowid; DROP"}).status_code == 400
    assert client.get("/api/stories", params={"sort": "nope"}).status_code == 422


def test_story_page_has_timeline_actors_and_quotes(client, linked_store) -> None:
    _, records = linked_store
    sid = client.get("/api/stories").json()["stories"][0]["id"]
    page = client.get(f"/stories/{sid}")
    assert page.status_code == 200
    for text in ("Kabar Satu", "Warta Dua", "Sari Wulandari", "Kami sepakat memperluas pasar",
                 f"/article/{records[1]['id']}", f"/actor/{MENLU}"):
        assert text in page.text
    assert client.get("/stories/st-none").status_code == 404


def test_story_api(client) -> None:
    listing = client.get("/api/stories", params={"limit": 2}).json()
    assert listing["total"] == 3 and len(listing["stories"]) == 2 and listing["next"]
    story = client.get(f"/api/stories/{listing['stories'][0]['id']}").json()
    assert [a["outlet"] for a in story["articles"]] == ["Kabar Satu", "Warta Dua"]
    assert client.get("/api/stories/st-none").status_code == 404


def test_events_page_and_api_show_report_counts(client) -> None:
    page = client.get("/events")
    assert page.status_code == 200 and "2 articles · 2 outlets" in page.text
    events = client.get("/api/events").json()["events"]
    assert sorted(e["reports"]["num_articles"] for e in events) == [1, 2, 2]


def test_a_store_never_linked_says_how_to_link(tmp_path: Path) -> None:
    build(tmp_path / "plain.db")
    with TestClient(create_app(tmp_path / "plain.db")) as c:
        page = c.get("/stories")
        assert page.status_code == 200 and "warta link" in page.text
        assert c.get("/api/events").json()["events"][0]["reports"] is None
