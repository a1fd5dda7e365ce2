"""The corpus converter and a tiny end-to-end `warta train nlp` run on fixture corpora."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner
from spacy.tokens import DocBin

from warta.train.convert import carve, convert, ner_splits
from warta.train.pos_silver import csui_lexicon, silver_upos

CORPORA = Path(__file__).resolve().parent.parent / "data" / "nlp" / "corpora"


def _docs(path: Path) -> list:
    return list(DocBin().from_disk(path).get_docs(spacy.blank("id").vocab))


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("corpus")
    return out, convert(CORPORA, out)


def test_convert_counts(converted):
    _, counts = converted
    assert counts["csui-train"] == 4 and counts["silver"] == 2
    assert counts["pretrain-paragraphs"] == 4  # IndoSum fixture paragraphs: pretraining text
    assert counts["gsd-train"] + counts["gsd-dev"] == 2 and counts["gsd-dev"] >= 1
    # a train sentence identical to a dev sentence (NER-UGM fixture: train == dev) is dropped
    assert counts["idner-news-2k-dev"] == 2 and counts["idner-news-2k-train"] == 2
    assert counts["indolem-nerugm-dev"] == 1 and counts["indolem-nerugm-train"] == 0


def test_ud_docs_carry_gold_annotation(converted):
    out, _ = converted
    gold = _docs(out / "news-train.spacy")[0]
    assert [t.text for t in gold][:4] == ["Budi", "membeli", "rumah", "nya"]
    assert gold[3].pos_ == "PRON" and gold[3].tag_ == "PRON" and gold[3].head.text == "rumah"
    assert gold[1].lemma_ == "beli" and gold[1].dep_ == "ROOT"
    assert len(list(gold.sents)) == 4


def test_silver_docs_have_only_sound_upos(converted):
    out, _ = converted
    silver = next(d for d in _docs(out / "news-train.spacy") if d[0].text == "Ia")
    tags = {t.text: t.tag_ for t in silver}
    assert tags["Ia"] == "PRON" and tags["tidak"] == "PART" and tags["datang"] == "VERB"
    assert not silver.has_annotation("DEP")


def test_ner_docs_are_mapped(converted):
    out, _ = converted
    docs = _docs(out / "ner-dev-indolem-nerugm.spacy")
    assert [(e.text, e.label_) for e in docs[0].ents] == [
        ("Jawa Timur", "LOC"), ("PT Pertamina", "ORG")
    ]


def test_silver_upos_leaves_ambiguous_words_unlabelled():
    from collections import Counter

    lexicon = {"ini": Counter({"DET": 5, "PRON": 5}), "yang": Counter({"PRON": 9})}
    assert silver_upos("ini", "PR", lexicon) is None
    assert silver_upos("yang", "SC", lexicon) == "PRON"  # CSUI's convention wins
    assert silver_upos("gunung", "NN", lexicon) == "NOUN"
    assert csui_lexicon([]) == {}


def test_carve_is_seeded_and_disjoint():
    items = list(range(50))
    train, dev = carve(items)
    assert len(dev) == 5 and not set(train) & set(dev)
    assert carve(items) == (train, dev)


def test_ner_splits_skip_absent_corpora():
    splits = ner_splits(CORPORA)
    assert set(splits) == {"idner-news-2k", "indolem-nerugm"}


def test_tiny_training_run_assembles_a_loadable_pipeline(tmp_path):
    from warta.cli.train import train

    runner, out = CliRunner(), str(tmp_path)
    steps = (
        ["convert", "--data", str(CORPORA), "--out", out],
        ["pretrain", "--out", out, "--epochs", "1"],  # no OUT/vectors: pretrains without them
        ["news", "--out", out, "--max-steps", "2"],  # starts from OUT/pretrain's weights
        ["news-ft", "--out", out, "--max-steps", "2"],
        ["assemble", "--out", out],
        ["report", "--out", out],
    )
    for step in steps:
        result = runner.invoke(train, ["nlp", *step])
        assert result.exit_code == 0, result.output
    assert (tmp_path / "pretrain" / "model-last.bin").exists()
    from warta.nlp.pipeline import MODEL_NAME

    nlp = spacy.load(tmp_path / MODEL_NAME)
    assert {"tagger", "morphologizer", "parser", "lemmatizer", "ner"} <= set(nlp.component_names)
    assert nlp.disabled == ["morphologizer", "lemmatizer"]  # saved off, as shipped (ON_REQUEST)
    assert [n for n in nlp.pipe_names if n == "tok2vec"] == ["tok2vec"]  # one, shared
    doc = nlp("Ia membeli rumahnya di Solo.")
    assert doc.tensor.shape[1] == 96  # news.cfg's width when --width is not given
    assert [t.text for t in doc][2:4] == ["rumah", "nya"]
    assert doc.has_annotation("DEP") and doc.has_annotation("TAG")


def test_gsd_split_keeps_whole_chunks_and_writes_the_heldout_part(converted):
    from warta.train.convert import GSD_HELDOUT, gsd_split

    out, counts = converted
    train, dev = gsd_split(2)
    assert not set(train) & set(dev) and len(train) + len(dev) == 2
    assert gsd_split(2) == (train, dev)
    train, dev = gsd_split(558)  # GSD dev's size: whole 10-sentence chunks, a third held out
    assert len(dev) == 190 and not set(train) & set(dev)
    assert {i // 10 for i in train}.isdisjoint({i // 10 for i in dev})
    heldout = (out / GSD_HELDOUT).read_text(encoding="utf-8")
    assert heldout.count("# text = ") == counts["gsd-dev"]


def test_restored_lemmatizer_maps_its_trees_to_labels_again(tmp_path):
    from spacy.training import Example

    from warta.train.callbacks import restore_lemmatizer_labels

    nlp = spacy.blank("id")
    nlp.add_pipe("trainable_lemmatizer", config={"min_tree_freq": 1})
    gold = spacy.tokens.Doc(nlp.vocab, words=["membeli", "rumah"], lemmas=["beli", "rumah"])
    nlp.initialize(lambda: [Example(nlp.make_doc("membeli rumah"), gold)])
    nlp.to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")
    lemmatizer = loaded.get_pipe("trainable_lemmatizer")
    with loaded.select_pipes(disable=["trainable_lemmatizer"]):  # as spaCy's init does
        restore_lemmatizer_labels()(loaded)
    assert lemmatizer.tree2label == {t: i for i, t in enumerate(lemmatizer.labels)}
    assert len(lemmatizer.tree2label) == 2


def test_a_single_step_runs_without_the_default_data_folder(tmp_path, monkeypatch):
    from warta.cli.train import train

    monkeypatch.chdir(tmp_path)  # no ../shared/data from here
    result = CliRunner().invoke(train, ["nlp", "report", "--out", str(tmp_path / "none")])
    assert "--data" not in result.output
    whole = CliRunner().invoke(train, ["nlp", "--out", str(tmp_path / "run")])
    assert whole.exit_code == 2 and "no such folder" in whole.output


def test_csui_share_is_held_out_with_its_silver_twin(tmp_path):
    from warta.eval._conll import UDSentence
    from warta.train.convert import CSUI_HELDOUT, silver_docs

    counts = convert(CORPORA, tmp_path, csui_dev_share=0.5)
    # four fixture sentences form one 10-sentence chunk, so the whole chunk is dev
    assert counts["csui-train"] == 0 and counts["csui-dev"] == 4
    assert (tmp_path / CSUI_HELDOUT).read_text(encoding="utf-8").count("# text = ") == 4
    dev_starts = [[t.text for t in d][:4] for d in _docs(tmp_path / "news-dev.spacy")]
    assert ["Budi", "membeli", "rumah", "nya"] in dev_starts
    train_starts = [[t.text for t in d][:4] for d in _docs(tmp_path / "news-train.spacy")]
    assert ["Budi", "membeli", "rumah", "nya"] not in train_starts
    # BaPOS repeats CSUI sentences: the silver copy of a held-out one must not train
    twin = UDSentence(text="Ia tidak datang ke rumahnya.")
    vocab = spacy.blank("id").vocab
    kept = [d.text for d in silver_docs(vocab, CORPORA, [], held_out=[twin])]
    assert len(kept) == 1 and kept[0].startswith("Warga")
    assert len(list(silver_docs(vocab, CORPORA, []))) == 2


def test_gazetteer_features_option_trains_a_pipeline_that_loads(tmp_path):
    from warta.cli.train import train
    from warta.nlp.gazetteer_embed import ARCHITECTURE
    from warta.nlp.pipeline import MODEL_NAME

    runner, out = CliRunner(), str(tmp_path)
    for step in (["convert", "--data", str(CORPORA), "--out", out],
                 ["news", "--out", out, "--max-steps", "2", "--gazetteer-features"],
                 ["assemble", "--out", out]):
        result = runner.invoke(train, ["nlp", *step])
        assert result.exit_code == 0, result.output
    nlp = spacy.load(tmp_path / MODEL_NAME)
    assert nlp.config["components"]["tok2vec"]["model"]["embed"]["@architectures"] == ARCHITECTURE
    features = next(n for n in nlp.get_pipe("tok2vec").model.walk()
                    if n.name == "warta_gazetteer_features")
    assert features.attrs["lower"]  # the word table travels inside the saved model
    assert nlp("Presiden Prabowo tiba di Jakarta.").has_annotation("DEP")


def test_report_scores_the_trained_ner_without_the_rule_stages(tmp_path):
    """An assembled pipeline's actors stage retypes countries LOC → GPE, a label no NER corpus
    has: the dev report must score the NER's own LOC (it scored GPE, LOC F1 0, before)."""
    from spacy.tokens import DocBin, Span

    from warta.nlp.pipeline import model_path
    from warta.train.report import ner_dev_scores

    nlp = spacy.blank("id")
    words = ["Pemerintah", "Indonesia", "dan", "Malaysia", "menandatangani", "perjanjian", "."]
    doc = spacy.tokens.Doc(nlp.vocab, words=words)
    doc.set_ents([Span(doc, 1, 2, label="LOC"), Span(doc, 3, 4, label="LOC")],
                 default="outside")
    DocBin(docs=[doc]).to_disk(tmp_path / "ner-dev-idner-news-2k.spacy")
    scores = ner_dev_scores(model_path(), tmp_path)["idner-news-2k"]
    assert "GPE" not in scores["per_type"]
    assert scores["per_type"]["LOC"] > 0


def test_width_option_sets_the_shared_tok2vec_and_every_listener(tmp_path):
    from warta.cli.train import train
    from warta.nlp.pipeline import MODEL_NAME

    runner, out = CliRunner(), str(tmp_path)
    for step in (["convert", "--data", str(CORPORA), "--out", out],
                 # pretrain and news must agree: news loads pretrain's width-32 weights
                 ["pretrain", "--out", out, "--epochs", "1", "--width", "32"],
                 ["news", "--out", out, "--max-steps", "2", "--width", "32"],
                 ["news-ft", "--out", out, "--max-steps", "2"],  # keeps the tuned model's width
                 ["assemble", "--out", out]):
        result = runner.invoke(train, ["nlp", *step])
        assert result.exit_code == 0, result.output
    nlp = spacy.load(tmp_path / MODEL_NAME)
    listeners = [nlp.config["components"][name]["model"]["tok2vec"]["width"]
                 for name in ("tagger", "morphologizer", "parser", "ner")]
    assert listeners == [32, 32, 32, 32]
    doc = nlp("Presiden Prabowo tiba di Jakarta.")
    assert doc.tensor.shape == (len(doc), 32)  # the shared tok2vec's output
    assert doc.has_annotation("DEP") and doc.has_annotation("TAG")


def test_width_option_rejects_a_useless_width(tmp_path):
    from warta.cli.train import train

    result = CliRunner().invoke(train, ["nlp", "news", "--out", str(tmp_path), "--width", "0"])
    assert result.exit_code == 2 and "Invalid value for '--width'" in result.output
