"""The shipped id_warta_news pipeline, loaded through warta.load() (session `nlp` fixture)."""

from __future__ import annotations

import pytest

from helpers import SHARED_DATA, needs_shared_data
from warta.nlp.pipeline import model_path

TEXT = (
    "Presiden Joko Widodo meresmikan bendungan baru di Sumedang, Jawa Barat, pada Senin "
    "(16/5/2024). “Bendungan ini akan mengairi sawah petani,” ujarnya."
)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_shipped_model_has_trained_components(nlp):
    assert (model_path() / "config.cfg").exists()
    for name in ("tagger", "morphologizer", "parser", "lemmatizer", "ner", "sentence_fix"):
        assert name in nlp.component_names  # morphologizer and lemmatizer: disabled (ON_REQUEST)


def test_entities_are_sensible(doc):
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Joko Widodo", "PERSON") in ents
    assert {"Sumedang", "Jawa Barat"} & {text for text, label in ents if label in ("LOC", "GPE")}


def test_tags_and_tree(doc):
    by_text = {t.text: t for t in doc}
    assert by_text["meresmikan"].pos_ == "VERB"
    assert by_text["Presiden"].pos_ in ("NOUN", "PROPN")
    assert by_text["bendungan"].pos_ == "NOUN"
    assert by_text["nya"].pos_ == "PRON"
    assert "16/5/2024" in by_text
    for sent in doc.sents:
        assert sum(1 for t in sent if t.head.i == t.i) == 1


def test_lemmas_once_the_lemmatizer_is_asked_for(nlp):
    from warta.nlp.pipeline import assigning

    with assigning(nlp, "token.lemma"):
        by_text = {t.text: t for t in nlp(TEXT)}
    assert by_text["ujar"].lemma_ == "ujar" and by_text["meresmikan"].lemma_ == "resmi"


def test_two_sentences_with_quote_kept_whole(doc):
    sents = [s.text for s in doc.sents]
    assert len(sents) == 2
    assert sents[1].startswith("“") and sents[1].endswith("ujarnya.")


def test_model_is_small():
    size = sum(p.stat().st_size for p in model_path().rglob("*") if p.is_file())
    assert size < 30 * 1024 * 1024


@needs_shared_data("idner-news-2k", "dev.txt")
def test_ner_dev_score_is_not_trivial(nlp):
    from warta.eval.ner import evaluate_ner

    result = evaluate_ner(nlp, [SHARED_DATA / "idner-news-2k" / "dev.txt"])
    assert result["f1"] > 0.7
