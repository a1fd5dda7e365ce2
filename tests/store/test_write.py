"""Writing records: idempotent, one transaction per article, actors merged across articles."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from store_builders import actor, event, make_record, mention, quote

from warta.errors import StoreError
from warta.store.db import connect
from warta.store.write import (
    has_article,
    has_input,
    input_key,
    references,
    save_record,
    save_user_actor,
)

TEKS_KPK = ("Ketua KPK Nawawi Pomolango mengatakan penyidik menahan dua tersangka. "
            "“Kami akan menuntaskan perkara ini,” kata Nawawi di Jakarta.")
TEKS_KPK_2 = ("Nawawi Pomolango kembali memeriksa saksi. Pomolango, yang juga Plt Ketua KPK, "
              "meminta DPR mendukung revisi aturan.")
TEKS_KPK_3 = ("Hakim menunda sidang praperadilan hingga pekan depan karena KPK tidak hadir; "
              "Pomolango menyebut surat panggilan terlambat.")


def kpk_record(text: str = TEKS_KPK, *, published: str = "2024-05-16", roles=None,
               aliases=None) -> dict:
    nawawi = actor("person:nawawi-pomolango", "Nawawi Pomolango", country="IDN",
                   roles=roles if roles is not None else ["Ketua KPK"],
                   aliases=aliases if aliases is not None else ["Nawawi"])
    kpk = actor("org:kpk", "KPK", "ORG", country="IDN")
    return make_record(text, published=published, actors=[nawawi, kpk],
                       entities=[mention(text, "KPK", "ORG", "org:kpk"),
                                 mention(text, "Pomolango", "PERSON", nawawi["id"])])


def count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_save_is_idempotent(db: sqlite3.Connection) -> None:
    record = kpk_record()
    assert save_record(db, record) is True
    assert save_record(db, record) is False
    assert (count(db, "articles"), count(db, "mentions"), count(db, "actors")) == (1, 2, 2)
    assert has_article(db, record["id"])


def test_full_record_round_trip(db: sqlite3.Connection) -> None:
    text = TEKS_KPK
    rec = kpk_record()
    rec["quotes"] = [quote(text, "Kami akan menuntaskan perkara ini", "person:nawawi-pomolango")]
    rec["events"] = [event(text, "menahan", "COERCE", "org:kpk", None, date="2024-05-15",
                           location={"name": "Jakarta", "country": "IDN", "kb": None,
                                     "lat": -6.2, "lon": 106.8, "start": None, "end": None})]
    save_record(db, rec)
    q = db.execute("SELECT * FROM quotes").fetchone()
    assert (q["speaker_id"], q["kind"], q["stage"]) == ("person:nawawi-pomolango", "direct",
                                                        "quotes@1")
    assert text[q["start"]:q["end"]] == q["text"]
    e = db.execute("SELECT * FROM events").fetchone()
    assert (e["type"], e["source_id"], e["stage"]) == ("COERCE", "org:kpk", "events@3")
    assert json.loads(e["location"])["name"] == "Jakarta"
    assert json.loads(e["evidence"]) == [[text.index("menahan"), text.index("menahan") + 7]]
    m = db.execute("SELECT stage FROM mentions LIMIT 1").fetchone()
    assert m["stage"] == "actors@2"
    stored = json.loads(db.execute("SELECT record FROM articles").fetchone()[0])
    assert stored == rec


def test_empty_annotation_lists_are_fine(db: sqlite3.Connection) -> None:
    rec = make_record("Harga beras naik di pasar tradisional.", stages=[])
    assert save_record(db, rec)
    assert count(db, "mentions") + count(db, "quotes") + count(db, "events") == 0


def test_actor_merge_across_articles(db: sqlite3.Connection) -> None:
    save_record(db, kpk_record(published="2024-05-16T09:00:00+07:00"))
    save_record(db, kpk_record(TEKS_KPK_2, published="2024-03-01", roles=["Plt Ketua KPK"],
                               aliases=["Pomolango"]))
    later = kpk_record(TEKS_KPK_3, published="2024-07-20",
                       roles=["Ketua KPK"], aliases=["Nawawi"])
    save_record(db, later)
    row = db.execute("SELECT * FROM actors WHERE id = 'person:nawawi-pomolango'").fetchone()
    assert (row["first_seen"], row["last_seen"]) == ("2024-03-01", "2024-07-20")
    aliases = {r[0] for r in db.execute(
        "SELECT alias FROM actor_aliases WHERE actor_id = 'person:nawawi-pomolango'")}
    assert aliases == {"Nawawi", "Pomolango"}
    roles = {r["role"]: (r["first_seen"], r["last_seen"]) for r in db.execute(
        "SELECT * FROM actor_roles WHERE actor_id = 'person:nawawi-pomolango'")}
    assert roles == {"Ketua KPK": ("2024-05-16", "2024-07-20"),
                     "Plt Ketua KPK": ("2024-03-01", "2024-03-01")}
    assert count(db, "actors") == 2


def test_undated_article_keeps_seen_dates(db: sqlite3.Connection) -> None:
    save_record(db, kpk_record(published="2024-05-16"))
    save_record(db, kpk_record(TEKS_KPK_2, published=None))
    row = db.execute("SELECT first_seen, last_seen FROM actors WHERE id = 'org:kpk'").fetchone()
    assert tuple(row) == ("2024-05-16", "2024-05-16")


def test_user_actor_is_not_overwritten(db: sqlite3.Connection) -> None:
    save_user_actor(db, {"id": "person:nawawi-pomolango", "name": "Nawawi Pomolango",
                         "type": "PERSON", "country": "IDN", "kb": "user:1",
                         "aliases": ["Pak Nawawi"], "roles": ["Ketua KPK (sementara)"]})
    rec = kpk_record(roles=["Ketua KPK"], aliases=["Nawawi"])
    rec["actors"][0].update(name="NAWAWI", country="MYS", kb="learned:9")
    save_record(db, rec)
    row = db.execute("SELECT * FROM actors WHERE id = 'person:nawawi-pomolango'").fetchone()
    assert (row["name"], row["country"], row["kb"], row["source"]) == (
        "Nawawi Pomolango", "IDN", "user:1", "user")
    assert row["last_seen"] == "2024-05-16"  # observations still recorded
    aliases = [r[0] for r in db.execute("SELECT alias FROM actor_aliases WHERE actor_id = ?",
                                        (row["id"],))]
    assert aliases == ["Pak Nawawi"]
    roles = [r[0] for r in db.execute("SELECT role FROM actor_roles WHERE actor_id = ?",
                                      (row["id"],))]
    assert roles == ["Ketua KPK (sementara)"]


def test_user_actor_overrides_learned(db: sqlite3.Connection) -> None:
    save_record(db, kpk_record())
    save_user_actor(db, {"id": "org:kpk", "name": "Komisi Pemberantasan Korupsi",
                         "type": "ORG", "country": "IDN", "aliases": ["KPK"]})
    row = db.execute("SELECT name, source FROM actors WHERE id = 'org:kpk'").fetchone()
    assert tuple(row) == ("Komisi Pemberantasan Korupsi", "user")


def test_unlisted_actor_reference_gets_a_stub(db: sqlite3.Connection) -> None:
    text = "Menurut Rusia, pembicaraan berjalan baik."
    rec = make_record(text, entities=[mention(text, "Rusia", "GPE", "gpe:RUS")],
                      events=[event(text, "pembicaraan", "CONSULT", "gpe:RUS", "gpe:CHN")])
    save_record(db, rec)
    stubs = {r["id"]: tuple(r)[1:]
             for r in db.execute("SELECT id, type, name, source FROM actors")}
    assert stubs == {"gpe:RUS": ("GPE", "RUS", "stub"), "gpe:CHN": ("GPE", "CHN", "stub")}
    later = "Tiongkok menyambut baik usulan itu."
    save_record(db, make_record(later, actors=[actor("gpe:CHN", "Tiongkok", "GPE",
                                                     country="CHN", aliases=["China"])]))
    row = db.execute("SELECT name, country, source FROM actors WHERE id = 'gpe:CHN'").fetchone()
    assert tuple(row) == ("Tiongkok", "CHN", "learned")
    aliases = [r[0] for r in db.execute(
        "SELECT alias FROM actor_aliases WHERE actor_id = 'gpe:CHN'")]
    assert aliases == ["China"]


def test_foreign_keys_enforced(db: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        db.execute("""INSERT INTO mentions(article_id, start, end, text, label, stage)
                      VALUES ('0000000000000000', 0, 3, 'KPK', 'ORG', 'ner@1')""")


def test_failed_article_writes_nothing(db: sqlite3.Connection) -> None:
    rec = kpk_record()
    rec["quotes"] = [{"text": "x", "start": 0, "end": 1}]  # no "kind": the insert fails midway
    with pytest.raises(KeyError):
        save_record(db, rec)
    assert count(db, "articles") + count(db, "actors") + count(db, "mentions") == 0
    assert not db.in_transaction


def test_resume_adds_only_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    records = [make_record(f"Berita nomor {i} tentang harga cabai di pasar Kramat Jati.")
               for i in range(6)]
    conn = connect(path)
    for rec in records[:2]:
        save_record(conn, rec)
    conn.close()  # as if the ingest was killed after two articles
    conn = connect(path)
    added = [save_record(conn, rec) for rec in records]
    assert added == [False, False, True, True, True, True]
    assert count(conn, "articles") == 6
    assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'cabai'"
                        ).fetchone()[0] == 6


def test_unwritable_store_raises_store_error(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreError, match=r"E030 .*cannot store article"):
        save_record(db, kpk_record())
    assert not db.in_transaction


def test_input_keys_are_remembered(db: sqlite3.Connection) -> None:
    record = kpk_record()
    first, second = input_key("Judul", "  teks mentah  "), input_key(None, "teks lain")
    assert save_record(db, record, input_key=first) is True
    assert save_record(db, record, input_key=second) is False  # another input, same article
    assert has_input(db, first) and has_input(db, second)
    assert not has_input(db, input_key("Judul", "teks mentah"))
    rows = db.execute("SELECT article_id FROM inputs").fetchall()
    assert {r[0] for r in rows} == {record["id"]}


def _with_native_id(record: dict, native_id: str) -> dict:
    return {**record, "source": {**record["source"], "native_id": native_id}}


def test_same_text_under_another_input_id_adds_a_reference(db: sqlite3.Connection) -> None:
    # issue 16: a dataset listing one story under two ids stored it (and its quotes) twice
    rec = kpk_record()
    rec["quotes"] = [quote(TEKS_KPK, "Kami akan menuntaskan perkara ini",
                           "person:nawawi-pomolango")]
    assert save_record(db, _with_native_id(rec, "detik-1")) is True
    assert save_record(db, _with_native_id(rec, "detik-2")) is False
    assert save_record(db, _with_native_id(rec, "detik-1")) is False
    assert (count(db, "articles"), count(db, "quotes")) == (1, 1)
    assert references(db, rec["id"]) == ["detik-1", "detik-2"]
    from warta.store.queries import get_article

    assert get_article(db, rec["id"])["native_ids"] == ["detik-1", "detik-2"]
