"""GDELT's event counts and Mentions table from the real-world events of `warta link`."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from link_fixtures import build
from warta.cli import cli
from warta.export.gdelt import COLUMNS, MENTION_COLUMNS, event_id
from warta.store import links
from warta.store.db import connect


def _export(db: Path, fmt: str) -> list[dict[str, str]]:
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", fmt])
    assert result.exit_code == 0, result.output
    names = COLUMNS if fmt == "gdelt-events" else MENTION_COLUMNS
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter="\t"))
    assert all(len(r) == len(names) for r in rows)
    return [dict(zip(names, r, strict=True)) for r in rows]


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory):
    """(linked store, the same store never linked, records)."""
    root = tmp_path_factory.mktemp("gdelt-links")
    records = build(root / "linked.db")
    build(root / "plain.db")
    conn = connect(root / "linked.db")
    links.relink(conn)
    conn.close()
    return root / "linked.db", root / "plain.db", records


def test_one_row_per_real_world_event_with_its_counts(stores) -> None:
    linked, plain, recs = stores
    rows = _export(linked, "gdelt-events")
    assert [(r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in rows] == [
        ("2", "2", "2"), ("1", "1", "1")]
    assert rows[0]["GLOBALEVENTID"] == str(event_id(recs[0]["id"], 0))  # the first report's
    assert rows[0]["SOURCEURL"] == "https://kabarsatu.example/kopi"
    assert len(_export(plain, "gdelt-events")) == 3  # before linking: one row per report


def test_mentions_table_points_at_the_events(stores) -> None:
    linked, _, recs = stores
    events = {r["GLOBALEVENTID"] for r in _export(linked, "gdelt-events")}
    mentions = _export(linked, "gdelt-mentions")
    assert len(mentions) == 3 and {m["GLOBALEVENTID"] for m in mentions} == events
    first, second, _ = mentions
    assert first["GLOBALEVENTID"] == second["GLOBALEVENTID"]
    assert (first["EventTimeDate"], first["MentionTimeDate"]) == ("20250310000000",
                                                                  "20250310000000")
    assert second["MentionTimeDate"] == "20250311000000"
    assert (second["MentionType"], second["MentionSourceName"], second["MentionIdentifier"]) \
        == ("1", "Warta Dua", "https://wartadua.example/kopi-eropa")
    text = recs[0]["text"]
    assert first["SentenceID"] == "1"
    assert first["Actor1CharOffset"] == str(text.index("Sari Wulandari"))
    assert first["Actor2CharOffset"] == str(text.index("Bayu Pratama"))
    assert first["ActionCharOffset"] == str(text.index("bertemu"))
    assert first["MentionDocLen"] == str(len(text)) and first["InRawText"] == "1"
    later = mentions[2]
    assert later["Actor2CharOffset"] == "-1"  # Bayu Pratama is never a mention there


def test_a_copy_stored_as_a_version_counts_as_a_source_document(tmp_path: Path) -> None:
    """GDELT counts source documents: a copy of a report kept as its version (another outlet,
    a day earlier) is one more article, outlet and mention of the event; the Mentions table
    still lists the stored reports only (a copy has no facts of its own)."""
    from link_fixtures import copy_of_first
    from warta.store.write import save_record

    records = build(tmp_path / "w.db")
    conn = connect(tmp_path / "w.db")
    assert not save_record(conn, copy_of_first())
    links.relink(conn)
    conn.close()
    rows = _export(tmp_path / "w.db", "gdelt-events")
    assert [(r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in rows] == [
        ("3", "3", "3"), ("1", "1", "1")]
    assert rows[0]["GLOBALEVENTID"] == str(event_id(records[0]["id"], 0))
    mentions = _export(tmp_path / "w.db", "gdelt-mentions")
    assert len(mentions) == 3
    assert mentions[0]["EventTimeDate"] == "20250309000000"  # the copy was the first report
