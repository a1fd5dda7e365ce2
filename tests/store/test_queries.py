"""Named read queries: ranked search with snippets, hostile queries, filters, actors, quotes."""

from __future__ import annotations

import sqlite3

import pytest
from store_builders import actor, event, make_record, mention, quote

from warta.store import queries
from warta.store.write import save_record

INFLASI_JUDUL = "Inflasi Mei 2024 tertinggi sejak awal tahun"
INFLASI_TEKS = ("BPS mencatat inflasi bulanan naik. Inflasi inti dan inflasi pangan sama-sama "
                "meningkat, sementara beras dan harga cabai stabil.")
BERAS_TEKS = ("Harga beras di pasar Cipinang naik tipis. Pedagang menyebut pasokan dari Karawang "
              "berkurang. Inflasi hanya disinggung sekali oleh pedagang.")
DIPLOMASI_TEKS = ("Presiden Rusia Vladimir Putin bertemu Xi Jinping di Beijing. Putin memuji Xi. "
                  "Menlu AS Antony Blinken memperingatkan Beijing soal hubungan AS-China. "
                  "“Kemitraan ini strategis,” kata Putin kepada wartawan O'Brien.")

PUTIN = actor("person:vladimir-putin", "Vladimir Putin", country="RUS", roles=["Presiden"],
              aliases=["Putin"])
XI = actor("person:xi-jinping", "Xi Jinping", country="CHN", aliases=["Xi"])
CHN = actor("gpe:CHN", "Tiongkok", "GPE", country="CHN", aliases=["Beijing", "China"])


def diplomasi() -> dict:
    t = DIPLOMASI_TEKS
    return make_record(
        t, title="Putin kunjungi Beijing", published="2024-05-16T10:00:00+07:00",
        url="https://www.contoh-berita.id/internasional/putin", language="id",
        actors=[PUTIN, XI, CHN],
        entities=[mention(t, "Vladimir Putin", "PERSON", PUTIN["id"]),
                  mention(t, "Xi Jinping", "PERSON", XI["id"]),
                  mention(t, "Beijing", "GPE", CHN["id"])],
        quotes=[quote(t, "Kemitraan ini strategis", PUTIN["id"], date="2024-05-16")],
        events=[event(t, "bertemu", "CONSULT", PUTIN["id"], XI["id"], date="2024-05-16"),
                event(t, "memuji", "SUPPORT", PUTIN["id"], XI["id"], date="2024-05-16"),
                event(t, "memperingatkan", "THREATEN", None, CHN["id"], date="2024-04")])


@pytest.fixture
def store(db: sqlite3.Connection) -> sqlite3.Connection:
    save_record(db, make_record(INFLASI_TEKS, title=INFLASI_JUDUL, published="2024-06-03",
                                site_name="Warta Ekonomi"))
    save_record(db, make_record(BERAS_TEKS, title="Harga beras naik tipis", published="2024-04-10",
                                url="https://pasar.contoh.id/beras"))
    save_record(db, make_record("The central bank held rates; inflation eased.",
                                title="Rates held", language="en", published="2024-05-01"))
    save_record(db, diplomasi())
    return db


def test_search_ranks_title_and_frequency_first(store: sqlite3.Connection) -> None:
    hits = queries.search(store, "inflasi")
    assert [h["title"] for h in hits] == [INFLASI_JUDUL, "Harga beras naik tipis"]
    assert hits[0]["score"] > hits[1]["score"]
    assert "[Inflasi]" in hits[0]["snippet"] or "[inflasi]" in hits[0]["snippet"]


def test_search_custom_highlight(store: sqlite3.Connection) -> None:
    hits = queries.search(store, "beras", highlight=("<b>", "</b>"))
    assert all("<b>" in h["snippet"] for h in hits)
    assert len(hits) == 2


@pytest.mark.parametrize("query", [
    "inflasi", "harga beras", '"harga beras"', "AS-China", "O'Brien", "Putin*", "NOT", "AND OR",
    '"tanpa penutup', "(kurung", "a:b", "^awal", "near(x y)", "-", "***", '""', "' OR 1=1 --",
    "inflasi OR", "kolom:title", "{x y}", "harga + beras", "ümlaut é",
])
def test_hostile_queries_never_raise(store: sqlite3.Connection, query: str) -> None:
    hits = queries.search(store, query, limit=100)
    assert queries.count_matches(store, query) == len(hits)  # the count agrees with the list
    assert all(hit["id"] and "snippet" in hit for hit in hits)


@pytest.mark.parametrize(("query", "expected"), [
    ('"harga beras"', 1), ("harga beras", 2), ("AS-China", 1), ("O'Brien", 1), ("Puti*", 1),
    ("inflasi OR Blinken", 3), ("bawang", 0), ("...", 0),
])
def test_query_semantics(store: sqlite3.Connection, query: str, expected: int) -> None:
    assert len(queries.search(store, query)) == expected
    assert queries.count_matches(store, query) == expected


def test_phrase_requires_adjacency(store: sqlite3.Connection) -> None:
    assert queries.fts_query('"harga beras"') == '"harga beras"'
    assert queries.fts_query("AS-China O'Brien") == '"AS China" "O Brien"'
    assert queries.fts_query("(!)") == ""


def test_search_filters(store: sqlite3.Connection) -> None:
    assert [h["language"] for h in queries.search(store, "", language="en")] == ["en"]
    assert len(queries.search(store, "inflasi", since="2024-05")) == 1
    assert len(queries.search(store, "inflasi", until="2024-04")) == 1  # inclusive of 2024-04-10
    assert len(queries.search(store, "", source="Warta Ekonomi")) == 1
    assert len(queries.search(store, "", source="pasar.contoh.id")) == 1
    assert [h["title"] for h in queries.search(store, "", actor="putin")] == [
        "Putin kunjungi Beijing"]
    assert len(queries.search(store, "", event_type="consult")) == 1
    assert queries.search(store, "beras", event_type="ASSAULT") == []


def test_empty_query_lists_newest_first(store: sqlite3.Connection) -> None:
    dates = [h["published"] for h in queries.search(store, "")]
    assert dates == sorted(dates, reverse=True)
    assert len(dates) == 4


def test_stats(store: sqlite3.Connection) -> None:
    s = queries.stats(store)
    assert s["counts"]["articles"] == 4
    assert s["counts"]["events"] == 3
    assert s["counts"]["quotes"] == 1
    assert s["languages"] == {"id": 3, "en": 1}
    assert s["published"] == {"first": "2024-04-10", "last": "2024-06-03"}
    assert s["sources"]["Warta Ekonomi"] == 1
    assert s["sources"]["contoh-berita.id"] == 1
    assert s["event_types"] == {"CONSULT": 1, "SUPPORT": 1, "THREATEN": 1}


def test_get_article_and_records(store: sqlite3.Connection) -> None:
    rec = diplomasi()
    art = queries.get_article(store, rec["id"])
    assert art is not None and art["record"] == rec and art["title"] == rec["title"]
    assert queries.get_article(store, "ffffffffffffffff") is None
    records = queries.iter_records(store)
    assert next(records)["title"] == INFLASI_JUDUL  # lazily, in ingest order
    assert [r["id"] for r in records][-1] == rec["id"]


def test_actors(store: sqlite3.Connection) -> None:
    assert [a["id"] for a in queries.list_actors(store, country="rus")] == [PUTIN["id"]]
    found = queries.list_actors(store, search="beij")
    assert [a["id"] for a in found] == ["gpe:CHN"] and "Beijing" in found[0]["aliases"]
    putin = queries.get_actor(store, PUTIN["id"])
    assert putin is not None
    assert putin["aliases"] == ["Putin"] and putin["articles"] == 1
    assert putin["roles"] == [{"role": "Presiden", "first_seen": "2024-05-16",
                               "last_seen": "2024-05-16"}]
    assert queries.get_actor(store, "person:tidak-ada") is None
    arts = queries.articles_for_actor(store, PUTIN["id"])
    assert [(a["title"], a["mentions"]) for a in arts] == [("Putin kunjungi Beijing", 1)]
    assert queries.find_actor_ids(store, "CHINA") == ["gpe:CHN"]


@pytest.mark.parametrize("speaker", ["Putin", "vladimir putin", "person:vladimir-putin"])
def test_quotes_by_speaker_name_or_alias(store: sqlite3.Connection, speaker: str) -> None:
    found = queries.list_quotes(store, speaker=speaker)
    assert [q["text"] for q in found] == ["Kemitraan ini strategis"]
    assert found[0]["speaker_name"] == "Vladimir Putin"


def test_quotes_filters(store: sqlite3.Connection) -> None:
    assert queries.list_quotes(store, speaker="Xi") == []
    assert queries.list_quotes(store, since="2024-06") == []
    assert len(queries.list_quotes(store, since="2024-05")) == 1


def test_events(store: sqlite3.Connection) -> None:
    everything = queries.list_events(store)
    assert [e["date"] for e in everything] == ["2024-04", "2024-05-16", "2024-05-16"]
    by_xi = queries.list_events(store, actor="Xi")
    assert {(e["source_name"], e["type"], e["target_name"]) for e in by_xi} == {
        ("Vladimir Putin", "CONSULT", "Xi Jinping"), ("Vladimir Putin", "SUPPORT", "Xi Jinping")}
    assert [e["type"] for e in queries.list_events(store, actor="beijing")] == ["THREATEN"]
    assert [e["type"] for e in queries.list_events(store, type="support")] == ["SUPPORT"]
    assert len(queries.list_events(store, since="2024-05")) == 2
    assert len(queries.list_events(store, until="2024-04")) == 1
    first = everything[0]
    assert first["negated"] is False and isinstance(first["evidence"], list)
    assert len(list(queries.iter_events(store, limit=None))) == 3


def test_iter_table_guards_names(store: sqlite3.Connection) -> None:
    assert len(list(queries.iter_table(store, "mentions"))) == 3
    with pytest.raises(ValueError, match="unknown table"):
        next(queries.iter_table(store, "sqlite_master"))
