"""Tone: the shipped lexicon, GDELT-style percentages, negation, phrases, the spaCy stage."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
import spacy

from helpers import SHARED_DATA, needs_shared_data
from warta.resolve.tone import (
    Lexicon,
    doc_words,
    document_tone,
    load_lexicon,
    read_tsv,
    score_words,
)
from warta.types import Tone

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "tone"
LEXICON_PATH = Path(str(resources.files("warta") / "data" / "tone" / "lexicon-id.tsv"))


@pytest.fixture(scope="session")
def blank_id():
    nlp = spacy.blank("id")
    nlp.add_pipe("warta_tone_v1", name="tone")
    return nlp


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon()


def test_shipped_lexicon_is_large_clean_and_bounded():
    rows = read_tsv(LEXICON_PATH)
    entries = [e for e, _ in rows]
    assert len(entries) >= 800
    assert len(entries) == len(set(entries)), "duplicate entries"
    assert all(-1.0 <= w <= 1.0 for _, w in rows)
    assert sum(w > 0 for _, w in rows) >= 300
    assert sum(w < 0 for _, w in rows) >= 300
    assert all(e == e.lower() and e.strip() == e for e in entries)


@pytest.mark.parametrize(
    ("word", "sign"),
    [("tewas", -1), ("korupsi", -1), ("banjir", -1), ("perdamaian", 1), ("berhasil", 1),
     ("kerja sama", 1), ("pemutusan hubungan kerja", -1), ("jatuh tempo", 0)],
)
def test_lexicon_covers_news_vocabulary(lexicon, word, sign):
    weight = lexicon.weights[tuple(word.split())]
    assert (weight > 0) - (weight < 0) == sign


@pytest.mark.parametrize(
    ("sentence", "positive", "negative"),
    [
        # 10 words, "berhasil" +1 and "damai" +1 → 20 % positive
        ("kedua negara berhasil menemukan titik temu secara damai di Jakarta", 20.0, 0.0),
        # 8 words, "banjir" −1, "menewaskan" −1 → 25 % negative
        ("banjir di kota itu menewaskan tiga orang warga", 0.0, 25.0),
        # 5 words, "tersangka" −0.5 → 10 % negative
        ("polisi menetapkan dua orang tersangka", 0.0, 10.0),
        # 4 words, no scored word
        ("rapat digelar di gedung", 0.0, 0.0),
    ],
)
def test_percentages_of_words(blank_id, sentence, positive, negative):
    tone = blank_id(sentence)._.tone
    assert tone.positive == pytest.approx(positive)
    assert tone.negative == pytest.approx(negative)
    assert tone.score == pytest.approx(positive - negative)
    assert tone.polarity == pytest.approx(positive + negative)


@pytest.mark.parametrize(
    ("words", "expected_score"),
    [
        (["kondisi", "ini", "baik"], 100 / 3),
        (["kondisi", "ini", "tidak", "baik"], -25.0),
        (["kondisi", "ini", "tidak", "terlalu", "buruk"], 20.0),  # negator two words before
        (["ekonomi", "belum", "pulih"], -100 / 3),
        (["tidak", "ada", "yang", "tahu", "apakah", "hasilnya", "baik"], 100 / 7),  # too far
        (["tidak", "hanya", "berhasil"], 100 / 3),  # "not only", not "not"
        (["tidak", "ada", "korban", "jiwa"], 25.0),  # no casualties
    ],
)
def test_negation_reverses_within_two_words(lexicon, words, expected_score):
    assert score_words(words, lexicon).score == pytest.approx(expected_score, abs=1e-3)


def test_longest_phrase_wins_and_zero_phrases_shield(lexicon):
    # "jatuh tempo" (0) shields "jatuh" (−0.5); "korban jiwa" counts once, not with "korban"
    assert score_words(["cicilan", "jatuh", "tempo", "besok"], lexicon).polarity == 0.0
    tone = score_words(["ada", "korban", "jiwa"], lexicon)
    assert tone.negative == pytest.approx(100 / 3, abs=1e-3)


@pytest.mark.parametrize(
    "words",
    [["dibawa", "ke", "rumah", "sakit"], ["pelaku", "usaha", "kecil"], ["jelasnya"],
     ["benar-benar", "datang"], ["tepatnya", "kemarin"]],
)
def test_neutral_expressions_carry_no_tone(lexicon, words):
    assert score_words(words, lexicon).polarity == 0.0


@pytest.mark.parametrize("word", ["kerugiannya", "tewaslah", "luka-luka", "bencana-bencana"])
def test_clitics_and_reduplication_fall_back_to_the_base(lexicon, word):
    assert score_words([word], lexicon).negative > 0


def test_word_count_ignores_punctuation_and_numbers(blank_id):
    doc = blank_id("Pada 2024, 3 orang tewas; 10 % warga marah!")
    assert doc_words(doc) == ["pada", "orang", "tewas", "warga", "marah"]
    assert doc._.tone.word_count == 5


def test_empty_text_has_zero_tone(lexicon):
    assert score_words([], lexicon) == Tone(0.0, 0.0, 0.0, 0.0, 0)


def test_custom_lexicon_file(tmp_path):
    path = tmp_path / "lex.tsv"
    path.write_text("word\tweight\n# comment\nhebat\t1\nsangat buruk\t-1\n", encoding="utf-8")
    lex = load_lexicon(path)
    assert lex.weights == {("hebat",): 1.0, ("sangat", "buruk"): -1.0}
    assert "tidak" in lex.negators


@pytest.mark.parametrize(
    ("name", "sign"),
    [("positive.txt", 1), ("negative.txt", -1)],
)
def test_fixture_paragraphs_have_the_expected_sign(blank_id, name, sign):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    tone = document_tone(blank_id.make_doc(text))
    assert (tone.score > 0) - (tone.score < 0) == sign


def test_stage_marks_ok_and_skips_other_languages(blank_id):
    doc = blank_id("Warga menyambut baik kesepakatan damai itu.")
    assert doc._.tone.score > 0
    assert doc._.stages[-1].name == "tone" and doc._.stages[-1].status == "ok"
    doc = blank_id.make_doc("The peace deal was welcomed.")
    doc._.language = "en"
    doc = blank_id.get_pipe("tone")(doc)
    assert doc._.tone is None
    assert doc._.stages[-1].status == "skipped"


# --- `warta eval tone` ---------------------------------------------------------------------


def test_rank_correlation_handles_ties():
    from warta.eval.tone import pearson, ranks, sign_agreement, spearman

    assert ranks([10.0, 20.0, 20.0, 5.0]) == [2.0, 3.5, 3.5, 1.0]
    assert spearman([1, 2, 3, 4], [10, 20, 30, 1000]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert pearson([1, 1, 1], [1, 2, 3]) is None
    assert sign_agreement([1.0, -2.0, 0.0], [3.0, 1.0, 0.0]) == pytest.approx(2 / 3)


def test_eval_tone_skips_without_shared_data(tmp_path):
    from click.testing import CliRunner

    from warta.eval.tone import tone

    result = CliRunner().invoke(tone, ["--data", str(tmp_path)])
    assert result.exit_code == 0
    assert '"skipped": true' in result.output


@needs_shared_data("detik-news-2025-summ", "data_berita-shared.csv")
@needs_shared_data("inset-lexicon", "negative.tsv")
def test_eval_tone_agrees_with_inset_on_detik():
    from warta.eval.tone import ARTICLES, INSET, compare, read_articles

    texts = read_articles(SHARED_DATA.joinpath(*ARTICLES), limit=60)
    figures = compare(texts, SHARED_DATA / INSET)
    assert figures["articles"] == 60
    assert figures["pearson"] > 0.3  # measured 0.53 on all 900 articles
    assert figures["spearman"] > 0.3


def test_phrases_clitics_and_reduplications_score_per_lexicon():
    # issue 20: phrases are tried only from a phrase's first word, and a word's weight is
    # remembered per lexicon: two lexicons must never share a remembered weight
    good = Lexicon.from_rows([("baik", 2.0), ("tidak baik sama sekali", -5.0), ("luka", -1.0)],
                             negators=["tidak"])
    bad = Lexicon.from_rows([("baik", -3.0)])
    words = ["hasilnya", "baik", "tetapi", "tidak", "baik", "sama", "sekali", "dan",
             "luka-lukanya", "baiknya"]
    tone = score_words(words, good)
    assert (tone.positive, tone.negative, tone.word_count) == (40.0, 60.0, 10)
    assert good.phrase_starts == frozenset({"tidak"}) and good.longest == 4
    assert score_words(["baik", "baiknya"], bad).negative == 300.0
    assert score_words(["baik", "baiknya"], good).positive == 200.0
