"""Copies of one text: exact (normalised) and near (MinHash/LSH), and texts that are not copies."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dedup_texts import (
    BULOG,
    BULOG_REWRITTEN,
    EXACT_COPY,
    NEAR_COPY,
    ORIGINAL,
    PARAPHRASED,
    PRESS_A,
    PRESS_B,
    REEDITED,
    SAME_EVENT,
    SAME_TOPIC,
    WEATHER_MEKARSARI,
    WEATHER_SUKAMAJU,
    WEATHER_SUKAMAJU_EDITED,
)
from warta.errors import ConfigError
from warta.link.dedup import (
    Deduper,
    char_similarities,
    counterparts,
    exact_key,
    in_order,
    sentences_of,
    words,
)
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
    # below a stricter threshold (its sentences would still align: 6 of 8 kept as they were)
    ({"threshold": 0.9, "sentences": False}, "salinan"),
    ({"threshold": 0.5, "shingle": 3}, "asli"),
])
def test_settings_switch_near_copies_off_or_move_the_threshold(changes: dict[str, object],
                                                               expected: str) -> None:
    deduper = Deduper(settings(**changes))
    deduper.add("asli", "", ORIGINAL)
    assert deduper.add("salinan", "", NEAR_COPY) == expected


def test_a_re_edited_copy_with_the_same_quotes_is_a_copy() -> None:
    deduper = Deduper()
    deduper.add("asli", "Banjir Sukamaju", ORIGINAL)
    match, _ = deduper.match("Ratusan Rumah Terendam", REEDITED)
    assert match is not None and (match.canonical, match.kind, match.signal) == (
        "asli", "near", "sentences")
    assert match.similarity == 1.0  # every sentence has its reworded counterpart
    assert deduper.add("suntingan", "", REEDITED) == "asli"


def test_two_outlets_quoting_one_press_conference_are_two_articles() -> None:
    deduper = Deduper()
    deduper.add("a", "Bulog: Stok Beras Aman", PRESS_A)
    assert deduper.add("b", "Operasi Pasar Digelar", PRESS_B) == "b"
    # the three quotes are aligned, the rest is each outlet's own: 3 of 7 sentences
    assert Deduper(settings(aligned_share=0.4)).add("a", "", PRESS_A) == "a"
    loose = Deduper(settings(aligned_share=0.4))
    loose.add("a", "", PRESS_A)
    assert loose.add("b", "", PRESS_B) == "a"


def test_a_round_up_that_embeds_a_short_report_whole_is_not_its_copy() -> None:
    roundup = "\n\n".join([ORIGINAL, PRESS_A, PRESS_B])  # 8 of its 22 sentences aligned
    deduper = Deduper()
    deduper.add("asli", "", ORIGINAL)
    assert deduper.add("rangkuman", "", roundup) == "rangkuman"
    assert Deduper(settings(longer_share=0.3)).add("asli", "", ORIGINAL) == "asli"
    loose = Deduper(settings(longer_share=0.3))
    loose.add("asli", "", ORIGINAL)
    assert loose.add("rangkuman", "", roundup) == "asli"


def test_sentences_skip_boilerplate_and_short_ones() -> None:
    text = "Harga beras naik lagi pekan ini. Kata dia.\nADVERTISEMENT\n“Stok kami cukup,” ujar Ani."
    assert [s.words for s in sentences_of(text, 4)] == [
        frozenset({"harga", "beras", "naik", "lagi", "pekan", "ini"}),
        frozenset({"stok", "kami", "cukup", "ujar", "ani"})]


@pytest.mark.parametrize(("changes", "expected"), [
    ({"sentences": False}, "suntingan"),  # the re-edited copy's signal switched off
    ({"near": False}, "suntingan"),  # near copies of any kind off
    # reworded sentences no longer counterparts (the rewrite is still one by paraphrase)
    ({"sentence_similarity": 0.9, "paraphrase": False}, "suntingan"),
    ({"min_aligned": 9}, "suntingan"),  # more aligned sentences asked than the text has
])
def test_settings_switch_re_edited_copies_off_or_move_their_thresholds(
        changes: dict[str, object], expected: str) -> None:
    deduper = Deduper(settings(**changes))
    deduper.add("asli", "", ORIGINAL)
    assert deduper.add("suntingan", "", REEDITED) == expected


@pytest.mark.parametrize("changes", [{"threshold": 0.0}, {"threshold": 1.5}, {"num_perm": 4},
                                     {"shingle": 0}, {"aligned_share": 0.0},
                                     {"longer_share": 1.2}, {"sentence_similarity": -1.0},
                                     {"min_aligned": 0}, {"min_sentence_words": 0},
                                     {"names_share": 0.0}, {"quoted_share": 1.5},
                                     {"quotes_min": 0}, {"paraphrase_similarity": 0.0},
                                     {"paraphrase_share": 1.1}])
def test_unusable_settings_are_refused_at_once(changes: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match=r"E021 .*\[dedup\]"):
        Deduper(settings(**changes))


def test_two_forecasts_from_one_template_are_two_articles() -> None:
    deduper = Deduper()
    deduper.add("sukamaju", "Cuaca Sukamaju Hari Ini", WEATHER_SUKAMAJU)
    assert deduper.add("mekarsari", "Cuaca Mekarsari Besok", WEATHER_MEKARSARI) == "mekarsari"
    # a lightly edited copy of one forecast is still its copy
    match, _ = deduper.match("Prakiraan Cuaca Sukamaju", WEATHER_SUKAMAJU_EDITED)
    assert match is not None and (match.canonical, match.signal) == ("sukamaju", "sentences")


@pytest.mark.parametrize(("a", "b", "expected"), [
    # the frame of a template, another day, figures and places
    ("Pada siang hari suhu udara di Kota Sukamaju antara 24 hingga 31 derajat.",
     "Pada siang hari suhu udara di Kota Mekarsari antara 22 hingga 29 derajat.", False),
    ("Hujan ringan turun di Kecamatan Cikaret dan Kecamatan Babakan pada siang hari.",
     "Hujan ringan turun di Kecamatan Sindang dan Kecamatan Pasirluhur pada siang hari.", False),
    # an edit that drops the year of a date, or rewords around the same names
    ("Bupati Ratna Dewi meninjau banjir pada Selasa (21/10/2025) pagi.",
     "Bupati Ratna Dewi meninjau lokasi banjir pada Selasa (21/10) pagi.", True),
    ("Banjir merendam rumah warga di Desa Cikaret sejak Senin malam.",
     "Sejak Senin malam banjir merendam rumah warga di Desa Cikaret.", True),
])
def test_sentences_are_counterparts_only_when_their_specifics_agree(a: str, b: str,
                                                                   expected: bool) -> None:
    (s,), (t,) = sentences_of(a, 4), sentences_of(b, 4)
    assert counterparts(s, t, similarity=0.5, names_share=0.5) is expected


def test_a_rewrite_around_the_same_four_quotes_is_a_copy() -> None:
    deduper = Deduper()
    deduper.add("bulog", "Bulog: Stok Beras Aman", BULOG)
    match, _ = deduper.match("Stok Beras Dijamin", BULOG_REWRITTEN)
    assert match is not None and (match.canonical, match.signal) == ("bulog", "sentences")
    assert match.similarity == 0.5  # only the quotes' sentences align
    # fewer quotations in common than ``quotes_min``: two write-ups (PRESS_A and PRESS_B share 3)
    # (the narration is also rewritten sentence by sentence, in order: a copy by paraphrase too)
    strict = Deduper(settings(quotes_min=5, paraphrase=False))
    strict.add("bulog", "", BULOG)
    assert strict.add("tulis-ulang", "", BULOG_REWRITTEN) == "tulis-ulang"


def test_a_sentence_by_sentence_rewrite_is_a_copy() -> None:
    deduper = Deduper()
    deduper.add("asli", "Banjir Sukamaju", ORIGINAL)
    match, _ = deduper.match("Ratusan Rumah Terendam", PARAPHRASED)
    assert match is not None and (match.canonical, match.kind, match.signal) == (
        "asli", "near", "paraphrase")
    assert match.similarity == 1.0  # every sentence has its rewrite, in the same place
    # the words alone align half of its sentences, and it keeps one quotation: no copy by those
    words_only = Deduper(settings(paraphrase=False))
    words_only.add("asli", "", ORIGINAL)
    assert words_only.add("tulis-ulang", "", PARAPHRASED) == "tulis-ulang"


def test_another_report_with_the_same_names_numbers_and_quote_is_not_a_copy() -> None:
    deduper = Deduper()
    deduper.add("asli", "Banjir Sukamaju", ORIGINAL)
    assert deduper.add("lain", "Tanggul Cibeureum Jebol", SAME_EVENT) == "lain"
    # 6 of its 7 sentences have a look-alike among the original's (the same facts, names and
    # numbers), but in another order: only 3 keep their place
    a, b = sentences_of(ORIGINAL, 4), sentences_of(SAME_EVENT, 4)
    assert int((char_similarities(a, b) >= 0.3).any(axis=0).sum()) == 6
    loose = Deduper(settings(paraphrase_share=0.4, longer_share=0.3))
    loose.add("asli", "", ORIGINAL)
    assert loose.add("lain", "", SAME_EVENT) == "asli"


@pytest.mark.parametrize(("changes", "expected"), [
    ({"paraphrase": False}, "tulis-ulang"),  # the rewritten copies' signal switched off
    ({"sentences": False}, "tulis-ulang"),  # it needs the sentence candidates
    ({"paraphrase_similarity": 0.7}, "tulis-ulang"),  # rewrites no longer paraphrases
    ({"paraphrase_share": 0.8}, "asli"),
])
def test_settings_switch_rewritten_copies_off_or_move_their_thresholds(
        changes: dict[str, object], expected: str) -> None:
    deduper = Deduper(settings(**changes))
    deduper.add("asli", "", ORIGINAL)
    assert deduper.add("tulis-ulang", "", PARAPHRASED) == expected


@pytest.mark.parametrize(("pairs", "expected"), [
    ([[1, 0, 0], [0, 1, 0], [0, 0, 1]], 3),
    ([[0, 0, 1], [0, 1, 0], [1, 0, 0]], 1),  # reversed: one pair keeps both orders
    ([[1, 1, 0], [1, 0, 0], [0, 0, 1]], 2),
    ([[0, 0], [0, 0]], 0),
])
def test_in_order_counts_the_pairs_that_keep_both_orders(pairs: list[list[int]],
                                                         expected: int) -> None:
    import numpy as np

    assert in_order(np.array(pairs, dtype=bool)) == expected
