"""A small store of invented reports for the link tests (store, CLI, export, explorer): one
meeting reported by two outlets, the same two ministers meeting again months later, and an
unrelated story."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from store.store_builders import actor, event, make_record, mention, quote
from warta.store.db import connect
from warta.store.write import save_record

MENLU, MENDAG = "person:sari-wulandari", "person:bayu-pratama"
ACTORS = [actor(MENLU, "Sari Wulandari", country="IDN", roles=["Menteri Luar Negeri"]),
          actor(MENDAG, "Bayu Pratama", country="IDN", roles=["Menteri Perdagangan"])]

MEETING_1 = ("Menteri Luar Negeri Sari Wulandari bertemu Menteri Perdagangan Bayu Pratama di "
             "Jakarta untuk membahas ekspor kopi. \"Ekspor kopi harus naik tahun ini,\" kata "
             "Sari Wulandari.")
MEETING_2 = ("Sari Wulandari dan Bayu Pratama bertemu membahas ekspor kopi ke Eropa. "
             "\"Kami sepakat memperluas pasar kopi,\" ujar Bayu Pratama.")
LATER = ("Sari Wulandari kembali bertemu Bayu Pratama membahas tarif baja dan bea masuk "
         "kendaraan.")
OTHER = "Hujan deras membuat sungai di Kota Hilir meluap dan warga mengungsi ke balai desa."


def _meeting(text: str, trigger: str, when: str) -> dict[str, Any]:
    return event(text, trigger, "CONSULT", MENLU, MENDAG, date=when)


def records() -> list[dict[str, Any]]:
    """Four records: two reports of one meeting (two outlets), a meeting months later, and
    an unrelated flood."""
    one = make_record(
        MEETING_1, title="Menlu dan Mendag bahas ekspor kopi", published="2025-03-10",
        site_name="Kabar Satu", url="https://kabarsatu.example/kopi",
        actors=ACTORS, entities=[mention(MEETING_1, "Sari Wulandari", "PERSON", MENLU),
                                 mention(MEETING_1, "Bayu Pratama", "PERSON", MENDAG)],
        quotes=[quote(MEETING_1, "Ekspor kopi harus naik tahun ini,", MENLU)],
        events=[_meeting(MEETING_1, "bertemu", "2025-03-10")])
    two = make_record(
        MEETING_2, title="Pasar kopi ke Eropa diperluas", published="2025-03-11",
        site_name="Warta Dua", url="https://wartadua.example/kopi-eropa",
        actors=ACTORS, entities=[mention(MEETING_2, "Sari Wulandari", "PERSON", MENLU),
                                 mention(MEETING_2, "Bayu Pratama", "PERSON", MENDAG)],
        quotes=[quote(MEETING_2, "Kami sepakat memperluas pasar kopi,", MENDAG, cue="ujar")],
        events=[_meeting(MEETING_2, "bertemu", "2025-03-10")])
    later = make_record(
        LATER, title="Menlu dan Mendag bahas tarif baja", published="2025-07-02",
        site_name="Kabar Satu", url="https://kabarsatu.example/baja", actors=ACTORS,
        entities=[mention(LATER, "Sari Wulandari", "PERSON", MENLU)],
        events=[_meeting(LATER, "bertemu", "2025-07-02")])
    flood = make_record(OTHER, title="Banjir di Kota Hilir", published="2025-03-10",
                        site_name="Warta Dua")
    return [one, two, later, flood]


def build(path: Path | str) -> list[dict[str, Any]]:
    """Store the four records at ``path`` (not linked yet); return them."""
    recs = records()
    conn = connect(path)
    for r in recs:
        save_record(conn, r)
    conn.close()
    return recs


def copy_of_first() -> dict[str, Any]:
    """The first meeting report again from a third outlet, a day earlier, its headline in
    capitals: the same words, so the store keeps it as an exact copy (a version)."""
    one = records()[0]
    return make_record(one["text"], title=one["title"].upper(), published="2025-03-09",
                       site_name="Kabar Tiga", url="https://kabartiga.example/kopi",
                       actors=one["actors"], entities=one["entities"], quotes=one["quotes"],
                       events=one["events"])
