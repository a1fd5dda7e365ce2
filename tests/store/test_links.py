"""Real-world events and stories computed over the store and read back (warta.store.links)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from link_fixtures import MENDAG, MENLU, build, records
from warta.store import links
from warta.store.db import connect


@pytest.fixture
def linked(tmp_path: Path):
    path = tmp_path / "w.db"
    recs = build(path)
    conn = connect(path)
    tally = links.relink(conn)
    yield conn, recs, tally
    conn.close()


def test_two_reports_of_one_meeting_are_one_event_with_two_articles(linked) -> None:
    conn, recs, tally = linked
    rows = links.list_world_events(conn, actor=MENLU)
    assert [(r["num_articles"], r["num_sources"], r["num_mentions"]) for r in rows] == [
        (2, 2, 2), (1, 1, 1)]
    first, later = rows
    assert (first["source_id"], first["target_id"], first["type"]) == (MENLU, MENDAG, "CONSULT")
    assert (first["first_report"], first["last_report"]) == ("2025-03-10", "2025-03-11")
    assert first["place"] is None and first["title"] == recs[0]["title"]
    assert later["first_report"] == "2025-07-02"  # months apart: another event
    reports = links.event_reports(conn, first["id"])
    assert [r["article_id"] for r in reports] == [recs[0]["id"], recs[1]["id"]]
    assert tally.events == 2 and tally.reported_twice == 1 and tally.mentions == 3


def test_min_articles_and_counts(linked) -> None:
    conn, _, _ = linked
    assert links.count_world_events(conn) == 2
    assert links.count_world_events(conn, min_articles=2) == 1
    assert [r["num_articles"] for r in links.list_world_events(conn, sort="date")] == [2, 1]


def test_relinking_is_idempotent(linked) -> None:
    conn, _, _ = linked
    tables = ("event_clusters", "event_cluster_mentions", "stories", "story_articles")

    def dump() -> dict[str, list[tuple]]:
        return {t: sorted(tuple(r) for r in conn.execute(f"SELECT * FROM {t}")) for t in tables}

    before = dump()
    links.relink(conn)
    assert dump() == before


def test_stories_group_the_meeting_reports(linked) -> None:
    conn, recs, tally = linked
    stories = links.list_stories(conn)
    assert stories[0]["num_articles"] == 2 and tally.multi_article_stories == 1
    assert len(stories) == 3 == links.count_stories(conn) and tally.stories == 3
    top = stories[0]
    assert top["outlets"] == ["Kabar Satu", "Warta Dua"]
    assert [a["id"] for a in top["actors"]] == [MENDAG, MENLU]
    assert top["actors"][1]["name"] == "Sari Wulandari"
    assert top["title"] == recs[0]["title"]  # two articles: the first one leads
    assert links.list_stories(conn, sort="latest")[0]["num_articles"] == 1
    assert links.count_stories(conn, min_articles=2) == 1
    assert links.count_stories(conn, actor="Sari Wulandari") == 2  # and the later one
    assert links.count_stories(conn, actor="Bayu Pratama") == 1
    assert links.count_stories(conn, since="2025-06") == 1


def test_a_story_has_its_timeline_and_quotes(linked) -> None:
    conn, _, _ = linked
    sid = links.list_stories(conn)[0]["id"]
    story = links.get_story(conn, sid)
    assert [(a["published"], a["outlet"]) for a in story["articles"]] == [
        ("2025-03-10", "Kabar Satu"), ("2025-03-11", "Warta Dua")]
    assert [(q["speaker_name"], q["text"]) for q in story["quotes"]] == [
        ("Sari Wulandari", "Ekspor kopi harus naik tahun ini,"),
        ("Bayu Pratama", "Kami sepakat memperluas pasar kopi,")]
    assert links.get_story(conn, "st-none") is None


def test_event_rows_know_their_real_world_event(linked) -> None:
    conn, recs, _ = linked
    counts = links.cluster_counts(conn, [(recs[0]["id"], 0), (recs[2]["id"], 0)])
    assert counts[(recs[0]["id"], 0)]["num_articles"] == 2
    assert counts[(recs[2]["id"], 0)]["num_articles"] == 1


def test_a_deleted_article_takes_its_links_along(linked) -> None:
    conn, recs, _ = linked
    conn.execute("DELETE FROM articles WHERE id = ?", (recs[1]["id"],))
    left = [r[0] for r in conn.execute("SELECT article_id FROM event_cluster_mentions")]
    assert recs[1]["id"] not in left
    assert conn.execute("SELECT count(*) FROM story_articles WHERE article_id = ?",
                        (recs[1]["id"],)).fetchone()[0] == 0


def test_an_unlinked_store_says_so(tmp_path: Path) -> None:
    build(tmp_path / "w.db")
    conn = connect(tmp_path / "w.db")
    assert not links.is_linked(conn)
    links.relink(conn)
    assert links.is_linked(conn)
    conn.close()


def test_places_are_kept_as_json(tmp_path: Path) -> None:
    conn = connect(tmp_path / "w.db")
    from link_fixtures import records
    from store.store_builders import event, make_record
    from warta.store.write import save_record

    r = records()[0]
    ev = event(r["text"], "bertemu", "CONSULT", MENLU, MENDAG,
               location={"name": "Jakarta", "country": "IDN", "kb": "1642911"})
    save_record(conn, make_record(r["text"], title=r["title"], actors=r["actors"], events=[ev]))
    links.relink(conn)
    place = conn.execute("SELECT place FROM event_clusters").fetchone()[0]
    assert json.loads(place)["name"] == "Jakarta"
    conn.close()


def test_a_report_missing_a_side_joins_the_event_of_its_story(tmp_path: Path) -> None:
    """The second report of the meeting names only the foreign minister ("Sari Wulandari
    bertemu ..."): stored, it joins the first report's event because the two are one story
    and agree on the trigger word and the side they both name."""
    from store.store_builders import event
    from warta.store.write import save_record

    one, two, *_ = records()
    two["events"] = [event(two["text"], "bertemu", "CONSULT", MENLU, None, date="2025-03-10")]
    path = tmp_path / "w.db"
    conn = connect(path)
    for r in (one, two):
        save_record(conn, r)
    tally = links.relink(conn)
    assert tally.stories == 1 and tally.events == 1 and tally.reported_twice == 1
    conn.close()


def test_a_spokesperson_in_one_report_agrees_with_their_ministry_in_another(
        tmp_path: Path) -> None:
    """The stored roles and aliases say that Tono speaks for the foreign ministry: his
    one-sided report of the meeting joins the ministry's, as the two reports are one story."""
    from store.store_builders import actor, event
    from warta.store.write import save_record

    kemlu, tono = "org:kementerian-luar-negeri", "person:tono-hartanto"
    one, two, *_ = records()
    one["actors"] = [*one["actors"], actor(kemlu, "Kementerian Luar Negeri", "ORG",
                                           aliases=["Kemlu"])]
    one["events"] = [event(one["text"], "bertemu", "CONSULT", kemlu, MENDAG, date="2025-03-10")]
    two["actors"] = [*two["actors"], actor(tono, "Tono Hartanto", roles=["spokesperson, Kemlu"])]
    two["events"] = [event(two["text"], "bertemu", "CONSULT", tono, None, date="2025-03-10")]
    conn = connect(tmp_path / "w.db")
    for r in (one, two):
        save_record(conn, r)
    tally = links.relink(conn)
    assert tally.stories == 1 and tally.events == 1
    conn.execute("DELETE FROM actor_roles")  # without the role: two events
    assert links.relink(conn).events == 2
    conn.close()
