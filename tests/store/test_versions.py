"""Copies stored once, as versions of their article: facts counted once, across runs and stores."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from store_builders import actor, event, make_record, quote

from dedup_texts import (
    EXACT_COPY,
    NEAR_COPY,
    ORIGINAL,
    PARAPHRASED,
    PRESS_A,
    PRESS_B,
    REEDITED,
    SAME_EVENT,
    SAME_TOPIC,
)
from warta.link import dedup
from warta.settings import DedupSettings
from warta.store import migrations
from warta.store.db import connect
from warta.store.dedup import fold_copies
from warta.store.queries import article_versions as versions
from warta.store.write import has_input, save_if_copy, store

OFF = DedupSettings(enabled=False)


def flood(text: str, *, title: str = "Banjir Sukamaju", url: str | None = None,
          published: str = "2024-11-04", native_id: str | None = None) -> dict[str, Any]:
    """A record of one of the flood stories with one quote and one event (when its text has
    them), so a copy stored with its facts would show in the counts."""
    wiryo = actor("person:wiryo-hartono", "Wiryo Hartono", country="IDN")
    quotes = [quote(text, "Kami sudah mengevakuasi 412 warga", wiryo["id"])] \
        if "Kami sudah" in text else []
    events = [event(text, "mengevakuasi", "AID", wiryo["id"], None)] \
        if "mengevakuasi" in text else []
    record = make_record(text, title=title, url=url, published=published, actors=[wiryo],
                         quotes=quotes, events=events)
    record["source"] = {**record["source"], "native_id": native_id}
    return record


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "quotes", "events", "article_versions")}


@pytest.mark.parametrize(("text", "kind"), [(EXACT_COPY, "exact"), (NEAR_COPY, "near")])
def test_a_copy_is_a_version_and_its_facts_are_not_stored_again(db: sqlite3.Connection,
                                                                text: str, kind: str) -> None:
    original = flood(ORIGINAL, url="https://a.example/banjir", native_id="a-1")
    assert store(db, original) == "new"
    before = counts(db)
    copy = flood(text, title="Ratusan Rumah Terendam", url="https://b.example/banjir-sukamaju",
                 published="2024-11-05", native_id="b-9")
    assert store(db, copy, input_key="raw-b-9") == "version"
    assert counts(db) == {**before, "article_versions": 1}
    [version] = versions(db, original["id"])
    assert (version["id"], version["kind"], version["url"], version["published"],
            version["native_id"], version["title"]) == (
        copy["id"], kind, "https://b.example/banjir-sukamaju", "2024-11-05", "b-9",
        "Ratusan Rumah Terendam")
    assert (version["similarity"] == 1.0) == (kind == "exact")
    assert has_input(db, "raw-b-9")  # a re-run skips the copy's input before any work
    assert store(db, copy) == "stored"  # and the same copy again adds nothing
    assert counts(db) == {**before, "article_versions": 1}


def test_another_report_on_the_same_event_is_its_own_article(db: sqlite3.Connection) -> None:
    assert store(db, flood(ORIGINAL)) == "new"
    assert store(db, flood(SAME_TOPIC, title="Tanggul Jebol")) == "new"
    assert counts(db)["article_versions"] == 0


def test_a_re_edited_copy_is_a_version_found_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "warta.db"
    first = connect(path)
    original = flood(ORIGINAL)
    store(first, original)
    store(first, flood(PRESS_A, title="Bulog: Stok Beras Aman"))
    first.close()
    second = connect(path)  # the stored texts' sentences are read again from the store
    assert store(second, flood(PRESS_B, title="Operasi Pasar Digelar")) == "new"
    assert store(second, flood(REEDITED, title="Ratusan Rumah Terendam")) == "version"
    [version] = versions(second, original["id"])
    assert (version["kind"], version["similarity"]) == ("near", 1.0)
    assert counts(second) == {"articles": 3, "quotes": 1, "events": 1, "article_versions": 1}
    second.close()


def test_a_rewritten_copy_is_a_version_found_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "warta.db"
    first = connect(path)
    original = flood(ORIGINAL)
    store(first, original)
    first.close()
    second = connect(path)  # the stored text's sentences are read again from the store
    assert store(second, flood(SAME_EVENT, title="Tanggul Cibeureum Jebol")) == "new"
    assert store(second, flood(PARAPHRASED, title="Ratusan Rumah Terendam")) == "version"
    [version] = versions(second, original["id"])
    assert (version["kind"], version["similarity"]) == ("near", 1.0)
    second.close()


def test_a_store_indexed_without_sentences_is_reindexed_when_they_are_on(
        db: sqlite3.Connection) -> None:
    off = DedupSettings(sentences=False)
    store(db, flood(ORIGINAL), dedup=off)  # indexed without its sentences' keys
    assert save_if_copy(db, {**flood(REEDITED), "id": "x"}, dedup=off) is None
    assert store(db, flood(REEDITED), dedup=DedupSettings()) == "version"


def test_a_store_indexed_by_an_earlier_comparison_is_reindexed(db: sqlite3.Connection) -> None:
    store(db, flood(ORIGINAL))
    db.execute("DELETE FROM dedup_bands")  # an index that a rebuild would fill again
    old = json.loads(db.execute("SELECT params FROM dedup_state").fetchone()[0])
    old["version"] = dedup.VERSION - 1
    db.execute("UPDATE dedup_state SET params = ?", (json.dumps(old, sort_keys=True),))
    assert store(db, flood(NEAR_COPY)) == "version"


def test_switched_off_every_text_is_an_article(db: sqlite3.Connection) -> None:
    store(db, flood(ORIGINAL))
    assert store(db, flood(NEAR_COPY), dedup=OFF) == "new"
    assert store(db, flood(EXACT_COPY), dedup=replace(DedupSettings(), near=True)) == "version"


def test_copies_are_found_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "warta.db"
    first = connect(path)
    store(first, flood(ORIGINAL))
    first.close()
    second = connect(path)
    assert store(second, flood(NEAR_COPY)) == "version"
    second.close()


def test_a_store_from_before_versions_is_indexed_at_its_first_write(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lama.db"
    names = [m.name for m in migrations.MIGRATIONS]
    with monkeypatch.context() as patch:  # the store as warta left it before migration 0005
        patch.setattr(migrations, "MIGRATIONS",
                      migrations.MIGRATIONS[:names.index("0005_article_versions")])
        old = connect(path)
        store(old, flood(ORIGINAL), dedup=OFF)
        old.close()
    conn = connect(path)
    assert "0005_article_versions" in migrations.applied(conn)
    assert store(conn, flood(NEAR_COPY)) == "version"
    assert counts(conn)["articles"] == 1


def test_articles_stored_with_dedup_off_are_indexed_before_the_next_check(
        db: sqlite3.Connection) -> None:
    store(db, flood(SAME_TOPIC, title="Tanggul Jebol"))
    store(db, flood(ORIGINAL), dedup=OFF)
    assert store(db, flood(NEAR_COPY)) == "version"


def test_a_cleaned_article_that_copies_a_stored_one_needs_no_analysis(
        db: sqlite3.Connection) -> None:
    store(db, flood(ORIGINAL))
    bare = {"id": "salinan", "title": "Judul", "text": NEAR_COPY, "published": None,
            "source": {"path": "b.csv", "format": "csv", "native_id": "7"}}
    assert save_if_copy(db, bare, input_key="raw-7") == "version"
    assert save_if_copy(db, {**bare, "id": "lain", "text": SAME_TOPIC}) is None
    assert counts(db)["articles"] == 1 and has_input(db, "raw-7")


def test_warta_dedup_folds_copies_already_stored_twice(db: sqlite3.Connection) -> None:
    original = flood(ORIGINAL, native_id="a-1")
    for record in (original, flood(SAME_TOPIC, title="Tanggul Jebol"),
                   flood(NEAR_COPY, title="Salinan", native_id="b-2"),
                   flood(EXACT_COPY, title="Salinan lagi", native_id="c-3"),
                   flood(REEDITED, title="Suntingan", native_id="d-4")):
        store(db, record, input_key=f"raw-{record['title']}", dedup=OFF)
    # the upper-case copy has no quote or event (its builder finds none): three of each stored
    assert counts(db) == {"articles": 5, "quotes": 3, "events": 3, "article_versions": 0}
    tally = fold_copies(db, DedupSettings())
    assert (tally.articles, tally.exact, tally.near, tally.sentences) == (5, 1, 2, 1)
    assert counts(db) == {"articles": 2, "quotes": 1, "events": 1, "article_versions": 3}
    assert [v["native_id"] for v in versions(db, original["id"])] == ["b-2", "c-3", "d-4"]
    inputs = {r[0] for r in db.execute("SELECT article_id FROM inputs")}
    assert original["id"] in inputs and len(inputs) == 2
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    again = fold_copies(db, DedupSettings())
    assert (again.articles, again.exact, again.near) == (2, 0, 0)
    assert counts(db) == {"articles": 2, "quotes": 1, "events": 1, "article_versions": 3}


def test_loading_batch_parts_keeps_copies_as_versions(tmp_path: Path) -> None:
    from warta.batch.parts import write_entry, write_partition
    from warta.store import parts
    from warta.store.db import connect

    root = str(tmp_path / "parts")
    records = [(make_record(ORIGINAL, title="Banjir"), "k1"),
               (make_record(NEAR_COPY, title="Rumah"), "k2"),
               (make_record(SAME_TOPIC, title="Tanggul"), "k3")]
    write_partition(root, "p0", records).close()  # the partition itself keeps every text
    write_entry(root, "p0", {"articles": 3})
    conn = connect(tmp_path / "w.db")
    tally = parts.load_parts(conn, root)
    assert (tally.new, tally.versions, tally.stored) == (2, 1, 0)
    again = parts.load_parts(conn, root)
    assert (again.new, again.versions, again.stored) == (0, 0, 3)
    conn.close()
