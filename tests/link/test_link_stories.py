"""Articles grouped into stories (warta.link.stories)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import numpy as np
from link_records import ev, rec

from warta.link.stories import group_stories
from warta.settings import Settings

BANJIR = ("Banjir besar merendam ribuan rumah warga di Kabupaten Sungai Hijau. "
          "Bupati Sungai Hijau meminta bantuan logistik untuk pengungsi banjir.")
BANJIR_2 = ("Pengungsi banjir Sungai Hijau kekurangan air bersih, kata Bupati. "
            "Ribuan rumah warga masih terendam banjir hingga hari ini.")
PAJAK = ("Menteri Keuangan mengumumkan tarif pajak kendaraan listrik naik tahun depan. "
         "Pengusaha kendaraan listrik menolak kenaikan pajak itu.")
BUPATI, MENKEU = "person:bupati-sungai-hijau", "person:menkeu"


def _day(start: str, days: int) -> str:
    return (date.fromisoformat(start) + timedelta(days=days)).isoformat()


def test_two_reports_of_a_story_group_and_another_story_stays_apart() -> None:
    records = [rec("a", "2025-02-01", title="Banjir rendam Sungai Hijau", text=BANJIR,
                   actors=(BUPATI,)),
               rec("b", "2025-02-02", title="Pengungsi banjir Sungai Hijau", text=BANJIR_2,
                   actors=(BUPATI,)),
               rec("c", "2025-02-02", title="Pajak kendaraan listrik naik", text=PAJAK,
                   actors=(MENKEU,))]
    stories = group_stories(records)
    assert stories["a"] == stories["b"] != stories["c"]
    assert set(stories) == {"a", "b", "c"}


def test_the_same_story_months_later_is_another_story() -> None:
    records = [rec("a", "2025-02-01", title="Banjir rendam Sungai Hijau", text=BANJIR,
                   actors=(BUPATI,)),
               rec("b", "2025-08-01", title="Pengungsi banjir Sungai Hijau", text=BANJIR_2,
                   actors=(BUPATI,))]
    stories = group_stories(records)
    assert stories["a"] != stories["b"]


def _chain(n: int, step_days: int) -> list[dict]:
    """Article i shares its words with i-1 and i+1 only: a chain, no common topic."""
    words = [f"kata{chr(97 + i)}x{chr(97 + i)}" for i in range(n + 1)]  # letters only
    return [rec(f"r{i:02d}", _day("2025-01-01", step_days * i), title=f"{words[i]} {words[i + 1]}",
                text=f"{words[i]} {words[i + 1]} " * 3) for i in range(n)]


def test_stories_do_not_chain_through_neighbours() -> None:
    """Neighbours are similar enough to join (so single-link grouping would make one story of
    the whole chain), but an article is compared with the story's centroid, not its last one."""
    settings = Settings()
    texts_only = replace(settings, link=replace(settings.link, story_actor_weight=0.0))
    stories = group_stories(_chain(12, 2), texts_only)
    sizes = sorted(list(stories.values()).count(s) for s in set(stories.values()))
    assert sizes[-1] >= 2, "neighbours should join"
    assert sizes[-1] <= 3, sizes


def test_a_story_never_spans_more_than_the_bound() -> None:
    """One topic reported every five days for half a year is cut into bounded stories."""
    records = [rec(f"r{i:02d}", _day("2025-01-01", 5 * i), title="Banjir Sungai Hijau",
                   text=BANJIR, actors=(BUPATI,)) for i in range(36)]
    stories = group_stories(records)
    span = Settings().link.story_max_span_days
    for story in set(stories.values()):
        days = [date.fromisoformat(r["published"]) for r in records if stories[r["id"]] == story]
        assert (max(days) - min(days)).days <= span
    assert len(set(stories.values())) >= 180 // span


def test_a_shared_real_world_event_pulls_reports_together() -> None:
    """Texts that share little, but report the same meeting of the same two actors."""
    meeting = ev("CONSULT", BUPATI, MENKEU, date="2025-02-01")
    a = rec("a", "2025-02-01", meeting, title="Bupati temui menteri", text="pertemuan singkat",
            actors=(BUPATI, MENKEU))
    b = rec("b", "2025-02-02", meeting, title="Anggaran daerah dibahas", text="rapat tertutup",
            actors=(BUPATI, MENKEU))
    settings = Settings()
    no_actors = replace(settings, link=replace(settings.link, story_actor_weight=0.0))
    assert group_stories([a, b], no_actors)["a"] != group_stories([a, b], no_actors)["b"]
    bonus = replace(no_actors, link=replace(no_actors.link, story_event_bonus=0.5))
    assert group_stories([a, b], bonus)["a"] == group_stories([a, b], bonus)["b"]


def test_embeddings_replace_tfidf_when_every_record_has_one() -> None:
    a = rec("a", "2025-02-01", title="satu", text="alpha")
    b = rec("b", "2025-02-01", title="dua", text="beta")
    assert group_stories([a, b])["a"] != group_stories([a, b])["b"]
    v = list(np.linspace(0.1, 1.0, 8))
    assert group_stories([{**a, "embedding": v}, {**b, "embedding": v}])["a"] == \
        group_stories([{**a, "embedding": v}, {**b, "embedding": v}])["b"]


def test_empty_and_undated_inputs() -> None:
    assert group_stories([]) == {}
    stories = group_stories([rec("a", None, title="Banjir", text=BANJIR),
                             rec("b", "2025-02-01", title="Banjir", text=BANJIR)])
    assert stories["a"] != stories["b"]  # an undated article is never placed in a dated story
