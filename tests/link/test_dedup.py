"""Copies of one text: exact (normalised) and near (MinHash/LSH), and texts that are not copies."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dedup_texts import EXACT_COPY, NEAR_COPY, ORIGINAL, SAME_TOPIC
from warta.errors import ConfigError
from warta.link.dedup import Deduper, exact_key, words
from warta.settings import Settings


def settings(**changes: object) -> Settings:
    base = Settings()
    return replace(base, dedup=replace(base.dedup, **changes))


def test_words_ignore_case_spacing_and_scraping_leftovers() -> None:
    assert words("Harga  BERAS naik.\nADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\nKata dia.") \
        == ["harga", "beras", "naik", "kata", "dia"]
    assert exact_key("A", ORIGINAL) == exact_key("B", EXACT_COPY)


@pytest.mark.parametrize(("text", "kind"), [(EXACT_COPY, "exact"), (NEAR_COPY, "near")])
def test_a_copy_under_another_id_points_at_the_first_text(text: str, kind: str) -> None:
    deduper = Deduper()
    assert deduper.add("asli", "Banjir Sukamaju", ORIGINAL) == "asli"
    match, _ = deduper.match("Judul lain", text)
    assert match is not None and match.kind == kind and match.canonical == "asli"
    assert deduper.add("salinan", "Judul lain", text) == "asli"


def test_texts_without_words_are_never_copies() -> None:
    deduper = Deduper()
    assert [deduper.add(i, "", "— ... —") for i in ("a", "b")] == ["a", "b"]


def test_another_report_on_the_same_topic_is_not_a_copy() -> None:
    deduper = Deduper()
    deduper.add("asli", "Banjir Sukamaju", ORIGINAL)
    assert deduper.add("lain", "Tanggul jebol", SAME_TOPIC) == "lain"


def test_copies_of_a_copy_point_at_the_canonical_text() -> None:
    deduper = Deduper()
    assert [deduper.add(i, "", t) for i, t in
            [("a", ORIGINAL), ("b", NEAR_COPY), ("c", NEAR_COPY + " Tambahan.")]] == ["a"] * 3


@pytest.mark.parametrize(("changes", "expected"), [
    ({"near": False}, "salinan"),  # only exact copies
    ({"enabled": False}, "salinan"),  # nothing is a copy
    ({"threshold": 0.9}, "salinan"),  # the near copy is below a stricter threshold
    ({"threshold": 0.5, "shingle": 3}, "asli"),
])
def test_settings_switch_near_copies_off_or_move_the_threshold(changes: dict[str, object],
                                                               expected: str) -> None:
    deduper = Deduper(settings(**changes))
    deduper.add("asli", "", ORIGINAL)
    assert deduper.add("salinan", "", NEAR_COPY) == expected


@pytest.mark.parametrize("changes", [{"threshold": 0.0}, {"threshold": 1.5}, {"num_perm": 4},
                                     {"shingle": 0}])
def test_unusable_settings_are_refused_at_once(changes: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match=r"E021 .*\[dedup\]"):
        Deduper(settings(**changes))
