"""The lemmatizer and the morphologizer ship disabled (nothing warta runs by default reads
``token.lemma`` or ``token.morph``; docs/scaling.md, twelfth round) and are turned on where
they are read: `warta eval ud`, a caller that names the annotation (the event trigger model
reads none since events v19)."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.nlp.pipeline import ON_REQUEST, assigning, build
from warta.process import analyze
from warta.types import RawArticle, Source

DATA = Path(__file__).resolve().parent.parent / "data" / "nlp"
TEXT = ("Polisi menangkap Budi Santoso di Bandung, Senin (6/5/2024). “Kami sudah memeriksa "
        "tersangka,” kata Kapolres Bandung Ahmad Yani kepada wartawan. KPK lalu menahan dua "
        "pejabat dinas pendidikan yang diduga menerima suap.")


def _record(nlp, settings) -> dict:
    record = analyze(RawArticle(Source(path="t.txt", format="text"), TEXT), nlp, settings)
    record.pop("analyzed_at", None)
    return record


@pytest.fixture(scope="module")
def everything():
    """The shipped pipeline with both components turned on, as every run was before."""
    return build(annotations=("token.lemma", "token.morph"))


def test_the_shipped_pipeline_lists_both_but_runs_neither(nlp):
    assert set(ON_REQUEST) <= set(nlp.component_names)
    assert set(ON_REQUEST) <= set(nlp.disabled)
    doc = nlp(TEXT)
    assert not doc.has_annotation("LEMMA") and not doc.has_annotation("MORPH")
    assert doc.has_annotation("POS")  # token.pos is the tagger's (upos_from_tag)


def test_a_record_is_the_same_with_them_off(nlp, everything, settings):
    assert set(ON_REQUEST) <= set(everything.pipe_names)
    on, off = _record(everything, settings), _record(nlp, settings)
    assert everything(TEXT).has_annotation("LEMMA")
    stages_on, stages_off = on.pop("stages"), off.pop("stages")
    assert on == off
    # the record says which components ran: the two off are not listed as run
    assert {s["name"] for s in stages_on} - {s["name"] for s in stages_off} == set(ON_REQUEST)


def test_the_trigger_model_reads_no_lemma():
    # the event trigger model (on by default since events v19) reads words, roots and vectors
    nlp = build(stage_config={"events": {"triggers_model": ""}})
    assert set(ON_REQUEST) <= set(nlp.disabled)
    assert nlp.get_pipe("events").triggers is not None


def test_a_caller_names_the_annotation_it_reads():
    nlp = build(stages=False, annotations=("token.lemma",))
    assert "lemmatizer" in nlp.pipe_names and "morphologizer" in nlp.disabled


def test_assigning_turns_them_on_for_the_block_only(nlp):
    with assigning(nlp, "token.lemma") as on:
        assert on("Polisi menangkap Budi.")[1].lemma_ == "tangkap"
    assert "lemmatizer" in nlp.disabled
    assert not nlp("Polisi menangkap Budi.").has_annotation("LEMMA")


def test_eval_ud_scores_lemmas_and_leaves_the_pipeline_as_it_was(nlp):
    from warta.eval.ud import evaluate_ud

    result = evaluate_ud(nlp, DATA / "ud-mini.conllu")
    assert result["lemma"] > 0.8  # invented easy sentences: "membeli" → "beli", "Kami" → "kami"
    assert set(ON_REQUEST) <= set(nlp.disabled)


def test_a_saved_pipeline_runs_the_trigger_model_with_the_lemmatizer_off(tmp_path, nlp):
    import spacy
    from spacy.util import load_config

    nlp.to_disk(tmp_path / "saved")
    config = load_config(tmp_path / "saved" / "config.cfg", interpolate=False)
    assert config["nlp"]["disabled"] == list(ON_REQUEST)  # to_disk keeps them off
    assert config["components"]["events"]["triggers_model"] == ""  # the shipped model, on
    loaded = spacy.load(tmp_path / "saved")  # spaCy alone: nothing turns the lemmatizer on
    assert "lemmatizer" in loaded.disabled
    assert loaded(TEXT)._.events is not None
