"""One real-world event read back whole (``links.get_world_event``): what its page and
`warta events show` print, and its counts when a report has copies stored as versions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from link_fixtures import ACTORS, MENDAG, MENLU, build, copy_of_first
from store.store_builders import event, make_record
from warta.store import links
from warta.store.db import connect
from warta.store.write import save_record

WEATHER = "Cuaca Bogor cerah sejak pagi. "
VISIT = WEATHER + "Menlu Sari Wulandari bertemu Bayu Pratama di Bogor pada Maret 2025."
REPORT = "Sari Wulandari disebut bertemu Bayu Pratama di Bogor. Keduanya membahas kopi."
BOGOR = {"name": "Bogor", "country": "IDN", "kb": "1648473"}


def _mention(text: str, *, date: str | None, cameo: str, mode: str) -> dict[str, Any]:
    e = event(text, "bertemu", "CONSULT", MENLU, MENDAG, date=date, location=BOGOR)
    return {**e, "cameo": cameo, "mode": mode, "modality": "historical"}


@pytest.fixture
def visit(tmp_path: Path):
    """A store of two reports of one meeting in Bogor: the first states a month, the second a
    day; each text has two sentences, the trigger in the other one each time."""
    conn = connect(tmp_path / "w.db")
    first = make_record(VISIT, title="Menlu ke Bogor", published="2025-03-12",
                        site_name="Kabar Satu", actors=ACTORS,
                        sentences=[[0, len(WEATHER) - 1], [len(WEATHER), len(VISIT)]],
                        events=[_mention(VISIT, date="2025-03", cameo="040", mode="visit")])
    second = make_record(REPORT, title="Pertemuan di Bogor", published="2025-03-12",
                         site_name="Warta Dua", actors=ACTORS,
                         sentences=[[0, REPORT.index(" Keduanya")],
                                    [REPORT.index("Keduanya"), len(REPORT)]],
                         events=[_mention(REPORT, date="2025-03-11", cameo="043",
                                          mode="meet")])
    for r in (first, second):
        save_record(conn, r)
    links.relink(conn)
    yield conn, first, second
    conn.close()


def test_a_world_event_has_its_parties_window_places_and_tallies(visit) -> None:
    conn, _, _ = visit
    (row,) = links.list_world_events(conn)
    got = links.get_world_event(conn, row["id"])
    assert (got["source_name"], got["source_country"]) == ("Sari Wulandari", "IDN")
    assert got["target_name"] == "Bayu Pratama" and got["type"] == "CONSULT"
    assert (got["num_mentions"], got["num_articles"], got["num_sources"]) == (2, 2, 2)
    assert got["cameo"] == [{"value": "040", "reports": 1}, {"value": "043", "reports": 1}]
    assert [m["value"] for m in got["modes"]] == ["meet", "visit"]
    assert got["places"] == [BOGOR]  # named twice, one place
    assert got["dates"] == {"first": "2025-03", "last": "2025-03"}  # the month holds the day
    assert got["global_id"] == row["global_id"]


def test_each_mention_has_its_article_and_evidence_sentence(visit) -> None:
    conn, first, second = visit
    got = links.get_world_event(conn, links.list_world_events(conn)[0]["id"])
    assert [m["article_id"] for m in got["mentions"]] == sorted(
        [first["id"], second["id"]])  # the same day: by article id
    by_article = {m["article_id"]: m for m in got["mentions"]}
    one, two = by_article[first["id"]], by_article[second["id"]]
    assert one["evidence"]["text"] == VISIT[len(WEATHER):]  # its sentence, not the weather
    assert two["evidence"]["text"] == REPORT[:REPORT.index(" Keduanya")]
    for m in (one, two):
        ev = m["evidence"]
        assert ev["text"][ev["trigger_start"]:ev["trigger_end"]] == "bertemu"
        assert (m["negated"], m["modality"]) == (False, "historical")
    assert (one["outlet"], one["title"], one["copies"]) == ("Kabar Satu", "Menlu ke Bogor", 0)
    assert one["location"] == BOGOR and two["date"] == "2025-03-11"


def test_mentions_page_and_an_unknown_id(visit) -> None:
    conn, _, _ = visit
    eid = links.list_world_events(conn)[0]["id"]
    everything = links.get_world_event(conn, eid, mentions_limit=None)["mentions"]
    page = links.get_world_event(conn, eid, mentions_limit=1, mentions_offset=1)["mentions"]
    assert len(everything) == 2 and page == everything[1:]
    assert links.count_event_mentions(conn, eid) == 2
    assert links.get_world_event(conn, "ev-none") is None


def test_copies_stored_as_versions_count_as_reports(tmp_path: Path) -> None:
    """GDELT counts source documents: a copy of a report kept as its version (another outlet,
    an earlier day) adds an article, an outlet and a mention, and may be the first report;
    its facts are still stored once, so the mentions listed stay the stored ones."""
    path = tmp_path / "w.db"
    recs = build(path)
    conn = connect(path)
    assert not save_record(conn, copy_of_first())  # kept as a version, not a new article
    links.relink(conn)
    meeting, later = links.list_world_events(conn, actor=MENLU)
    assert (meeting["num_articles"], meeting["num_sources"], meeting["num_mentions"]) == (3, 3, 3)
    assert meeting["first_report"] == "2025-03-09"  # the copy came out a day earlier
    assert (later["num_articles"], later["num_mentions"]) == (1, 1)
    got = links.get_world_event(conn, meeting["id"])
    assert [m["copies"] for m in got["mentions"]] == [1, 0]
    assert [m["article_id"] for m in got["mentions"]] == [recs[0]["id"], recs[1]["id"]]
    conn.close()


def test_a_very_long_sentence_is_cut_around_its_trigger(tmp_path: Path) -> None:
    """A list flattened into one "sentence" is not shown whole: 320 characters each side of
    the trigger at most, and the evidence says where it was cut."""
    items = "".join(f"butir {i} daftar panjang; " for i in range(80))
    text = items + "Sari Wulandari bertemu Bayu Pratama. " + items + "Selesai."
    record = make_record(text, title="Daftar", published="2025-03-12", actors=ACTORS,
                         sentences=[[0, len(text) - len("Selesai.") - 1],
                                    [len(text) - len("Selesai."), len(text)]],
                         events=[event(text, "bertemu", "CONSULT", MENLU, MENDAG)])
    conn = connect(tmp_path / "w.db")
    save_record(conn, record)
    links.relink(conn)
    (m,) = links.get_world_event(conn, links.list_world_events(conn)[0]["id"])["mentions"]
    ev = m["evidence"]
    trigger = text.index("bertemu")
    assert ev["start"] == trigger - 2 * links.EVIDENCE_CHARS
    assert ev["text"] == text[ev["start"]:trigger + 7 + 2 * links.EVIDENCE_CHARS]
    assert ev["text"][ev["trigger_start"]:ev["trigger_end"]] == "bertemu"
    assert ev["cut_before"] and ev["cut_after"]
    conn.close()


def test_a_record_without_sentences_shows_text_around_the_trigger(tmp_path: Path) -> None:
    text = "x" * 400 + " Sari Wulandari bertemu Bayu Pratama. " + "y" * 50
    record = make_record(text, title="Tanpa kalimat", actors=ACTORS, sentences=[],
                         events=[event(text, "bertemu", "CONSULT", MENLU, MENDAG)])
    conn = connect(tmp_path / "w.db")
    save_record(conn, record)
    links.relink(conn)
    (m,) = links.get_world_event(conn, links.list_world_events(conn)[0]["id"])["mentions"]
    ev = m["evidence"]
    trigger = text.index("bertemu")
    assert ev["text"] == text[trigger - links.EVIDENCE_CHARS:]  # the end is near: all of it
    assert ev["cut_before"] and not ev["cut_after"]
    conn.close()
