"""NER and UD scorers on tiny fixture files, with rule-based pipelines so results are known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from warta.eval._conll import read_conllu
from warta.eval.ner import evaluate_ner, score
from warta.eval.ud import evaluate_ud, raw_text_scores
from warta.nlp.tokenizer import build_tokenizer

DATA = Path(__file__).resolve().parent.parent / "data" / "nlp"


@pytest.fixture(scope="module")
def ruler_nlp():
    """Knows two entities of ner-bio.txt exactly, one with a wrong label, one as GPE."""
    nlp = spacy.blank("id")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PERSON", "pattern": "Sri Mulyani"},
        {"label": "GPE", "pattern": "Surabaya"},  # counts as LOC
        {"label": "LOC", "pattern": "KPK"},  # gold ORG: a false positive and a miss
        {"label": "PERSON", "pattern": "Joko"},  # gold "Joko Widodo": partial = wrong
    ])
    return nlp


def test_score_is_exact_span_match():
    gold = {(0, 0, 2, "PERSON"), (0, 3, 4, "LOC")}
    pred = {(0, 0, 2, "PERSON"), (0, 3, 5, "LOC"), (1, 0, 1, "ORG")}
    result = score(gold, pred)
    assert result["precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert result["recall"] == 0.5
    assert result["PERSON"]["f1"] == 1.0
    assert result["LOC"]["f1"] == 0.0


def test_evaluate_ner_on_fixture(ruler_nlp):
    result = evaluate_ner(ruler_nlp, [DATA / "ner-bio.txt"])
    # gold: Keuangan ORG, Sri Mulyani PER, Surabaya LOC, Joko Widodo PER, KPK, Polri ORG, Jakarta
    assert result["gold"] == 7 and result["predicted"] == 4
    assert result["precision"] == 0.5 and result["recall"] == pytest.approx(2 / 7, abs=1e-4)
    assert result["LOC"]["recall"] == 0.5 and result["ORG"]["predicted"] == 0
    json.dumps(result)


def test_evaluate_ner_several_files_reports_each(ruler_nlp):
    result = evaluate_ner(ruler_nlp, [DATA / "ner-bio.txt", DATA / "ner-io.txt"])
    assert result["sentences"] == 3 and len(result["files"]) == 2
    assert result["gold"] == 10


def test_raw_text_scores_with_warta_tokenizer():
    nlp = spacy.blank("id")
    nlp.tokenizer = build_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    scores = raw_text_scores(nlp, list(read_conllu(DATA / "ud-mini.conllu")))
    # the sentencizer glues the opening quote of sentence 2 to sentence 1: 2 of 4 sentences right
    assert scores == {"token_f1": 1.0, "sent_f1": 0.5}


def test_raw_text_scores_penalise_a_bare_tokenizer():
    nlp = spacy.blank("id")  # spaCy's own rules keep "rumahnya" and "Apakah" whole
    nlp.add_pipe("sentencizer")
    scores = raw_text_scores(nlp, list(read_conllu(DATA / "ud-mini.conllu")))
    assert scores["token_f1"] < 1.0 and scores["sent_f1"] == 0.5


def test_evaluate_ud_keys_and_ranges(nlp):
    result = evaluate_ud(nlp, DATA / "ud-mini.conllu")
    for key in ("upos", "lemma", "uas", "las", "sent_f1", "token_f1"):
        assert 0.0 <= result[key] <= 1.0
    assert result["words"] == 30 and result["las"] <= result["uas"]
    assert result["upos"] > 0.5  # the shipped tagger knows these easy sentences


def test_evaluating_on_training_data_is_flagged(tmp_path):
    from warta.eval._common import trained_on

    nlp = spacy.blank("id")
    nlp.meta["warta_trained_on"] = [{"file": "ud-indonesian-gsd/id_gsd-ud-dev.conllu",
                                     "part": "two thirds"}]
    gsd = tmp_path / "ud-indonesian-gsd" / "id_gsd-ud-dev.conllu"
    assert trained_on(nlp, gsd) == "two thirds"
    assert trained_on(nlp, tmp_path / "gsd-dev-heldout.conllu") is None
    assert trained_on(spacy.blank("id"), gsd) is None  # a model without the list: no claim


def test_io_gold_joins_adjacent_predicted_spans_of_one_label(tmp_path):
    """IO tags cannot split "Soekarno Hatta" into two persons, so neither may the prediction."""
    nlp = spacy.blank("id")
    nlp.add_pipe("entity_ruler").add_patterns([
        {"label": "PERSON", "pattern": "Soekarno"}, {"label": "PERSON", "pattern": "Hatta"},
    ])
    io = tmp_path / "io.txt"
    io.write_text("Soekarno\tPerson\nHatta\tPerson\ntiba\tO\n", encoding="utf-8")
    assert evaluate_ner(nlp, [io])["f1"] == 1.0
    bio = tmp_path / "bio.txt"
    bio.write_text("Soekarno\tB-PER\nHatta\tI-PER\ntiba\tO\n", encoding="utf-8")
    assert evaluate_ner(nlp, [bio])["f1"] == 0.0  # BIO gold says one span: two are wrong


def test_a_treebank_without_lemmas_scores_no_lemma(tmp_path):
    """PUD-style files may leave LEMMA as "_": no lemma figure rather than a false 0.0."""
    from warta.eval.ud import gold_token_scores

    lines = (DATA / "ud-mini.conllu").read_text(encoding="utf-8").splitlines()
    blanked = []
    for line in lines:
        cols = line.split("\t")
        if len(cols) == 10 and cols[0].isdigit() and cols[1] != "_":
            cols[2] = "_"
        blanked.append("\t".join(cols))
    path = tmp_path / "nolemma.conllu"
    path.write_text("\n".join(blanked) + "\n", encoding="utf-8")
    nlp = spacy.blank("id")
    scores = gold_token_scores(nlp, list(read_conllu(path)))
    assert scores["lemma"] is None
    assert gold_token_scores(nlp, list(read_conllu(DATA / "ud-mini.conllu")))["lemma"] is not None
