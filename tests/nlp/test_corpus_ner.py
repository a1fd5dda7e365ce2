"""NER examples from the gold news corpus (warta.train.corpus_ner) and `warta train nlp
news-corpus`, on an invented article and invented gold."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from warta.nlp.tokenizer import build_tokenizer
from warta.train.corpus_ner import article_doc, is_name, lower_shares

CORPORA = Path(__file__).resolve().parent.parent / "data" / "nlp" / "corpora"

TEXT = ("Menteri Perdagangan Budi Santoso meninjau Pasar Kramat di Tegal, Senin. Budi mengatakan "
        "pemerintah dan kepolisian akan mengawasi Kemendag.")


def _span(text: str, part: str, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return [start, start + len(part)]


def _gold(text: str) -> dict:
    """Invented gold in the corpus's format: one span per distinct form of each actor."""
    polisi = _span(text, "kepolisian")
    return {"id": "fixture", "quotes": [], "events": [], "actors": [
        {"id": "a1", "name": "Budi Santoso", "type": "PERSON", "country": "IDN",
         "aliases": [_span(text, "Menteri Perdagangan Budi Santoso"),
                     _span(text, "Budi Santoso"), _span(text, "Budi", 1)],
         "mention": _span(text, "Menteri Perdagangan Budi Santoso")},
        {"id": "a2", "name": "Kementerian Perdagangan", "type": "ORG", "country": "IDN",
         "aliases": [_span(text, "Kemendag")], "mention": _span(text, "Kemendag")},
        {"id": "a3", "name": "Tegal", "type": "GPE", "country": "IDN",
         "aliases": [_span(text, "Tegal")], "mention": _span(text, "Tegal")},
        {"id": "a4", "name": "Indonesia", "type": "GPE", "country": "IDN",
         "aliases": [_span(text, "pemerintah")], "mention": _span(text, "pemerintah")},
        # a span that cuts a token ("polisi" inside "kepolisian"): no supervision there
        {"id": "a5", "name": "Polri", "type": "ORG", "country": "IDN",
         "aliases": [[polisi[0] + 2, polisi[0] + 8]], "mention": [polisi[0] + 2, polisi[0] + 8]},
    ]}


@pytest.fixture(scope="module")
def tokenizer_nlp():
    nlp = spacy.blank("id")
    nlp.tokenizer = build_tokenizer(nlp)
    return nlp


def _tags(doc) -> dict[str, str]:
    """token text → its BILUO-like tag: "B-PERSON"..., "O", or "-" for missing."""
    return {t.text: (f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else t.ent_iob_ or "-")
            for t in doc}


def test_name_mentions_become_entities_with_mapped_labels(tokenizer_nlp):
    doc = article_doc(tokenizer_nlp, TEXT, _gold(TEXT))
    ents = [(e.text, e.label_) for e in doc.ents]
    # the title-led alias is not a name; its name part is; the later "Budi" is found by search
    assert ents == [("Budi Santoso", "PERSON"), ("Tegal", "LOC"), ("Budi", "PERSON"),
                    ("Kemendag", "ORG")]


def test_outside_tokens_are_O_when_lower_case_and_missing_when_capitalised(tokenizer_nlp):
    tags = _tags(article_doc(tokenizer_nlp, TEXT, _gold(TEXT)))
    assert tags["meninjau"] == "O" and tags["di"] == "O" and tags["."] == "O"
    assert tags["pemerintah"] == "O"  # a common-noun alias is no NER entity
    # not annotated as actors (a market, a title, a weekday): maybe names, so no supervision
    for word in ("Menteri", "Perdagangan", "Pasar", "Kramat", "Senin"):
        assert tags[word] == "-", word


def test_capitalised_common_words_are_O_by_the_news_casing(tokenizer_nlp):
    """A word cased news also writes in lower case (a title, a sentence's first word) is O."""
    casing = lower_shares([["Menteri", "itu", "pasar", "Pasar", "menteri", "Kramat"]] * 3)
    assert casing["pasar"] == 0.5 and casing["kramat"] == 0.0
    tags = _tags(article_doc(tokenizer_nlp, TEXT, _gold(TEXT), casing))
    assert tags["Menteri"] == "O" and tags["Pasar"] == "O"
    assert tags["Kramat"] == "-" and tags["Perdagangan"] == "-"  # never lower case: maybe a name
    assert tags["Budi"] == "B-PERSON"


def test_a_gold_span_that_does_not_align_to_tokens_is_missing(tokenizer_nlp):
    gold = _gold(TEXT)
    assert _tags(article_doc(tokenizer_nlp, TEXT, gold))["kepolisian"] == "-"
    gold["actors"] = gold["actors"][:-1]
    assert _tags(article_doc(tokenizer_nlp, TEXT, gold))["kepolisian"] == "O"


def test_an_unknown_gold_type_is_refused(tokenizer_nlp):
    gold = _gold(TEXT)
    gold["actors"][0]["type"] = "NORP"
    with pytest.raises(ValueError, match="NORP"):
        article_doc(tokenizer_nlp, TEXT, gold)


@pytest.mark.parametrize(("alias", "expected"), [
    ("Budi Santoso", True), ("KPK", True), ("Presiden Joko Widodo", False),
    ("Bapak Budi", False), ("pemerintah", False), ("polisi", False), ("Kemendag", True),
])
def test_is_name(alias, expected):
    assert is_name(alias) is expected


ARTICLE = [[["Menteri", "Perdagangan", "Budi", "Santoso", "meninjau", "Pasar", "Kramat", "di",
             "Tegal", ",", "Senin", "."],
            ["Budi", "mengatakan", "Kemendag", "akan", "mengawasi", "pasokan", "beras", "."]]]


def _fixture_corpus(tmp_path: Path) -> tuple[Path, Path]:
    """(data folder, corpus root): the fixture corpora plus one invented IndoSum article that
    is the corpus's only TRAIN article, with invented gold."""
    from warta.eval.corpus import indosum_text, sha256

    data = tmp_path / "data"
    shutil.copytree(CORPORA, data)
    with (data / "indosum-news" / "indosum-devfolds-shared.jsonl").open("a") as fh:
        fh.write(json.dumps({"id": "1500000000-fixture", "paragraphs": ARTICLE}) + "\n")
    text = indosum_text(ARTICLE)
    root = tmp_path / "corpus"
    (root / "gold").mkdir(parents=True)
    (root / "articles.jsonl").write_text(json.dumps(
        {"id": "is-fixture", "corpus": "indosum-news", "key": "1500000000-fixture",
         "sha256": sha256(text), "chars": len(text), "split": "train"}) + "\n")
    gold = _gold(TEXT)
    gold["actors"] = [
        {**gold["actors"][0], "aliases": [_span(text, "Budi Santoso"), _span(text, "Budi", 1)]},
        {**gold["actors"][1], "aliases": [_span(text, "Kemendag")]},
    ]
    (root / "gold" / "is-fixture.json").write_text(json.dumps(gold))
    return data, root


def test_news_corpus_step_tunes_a_base_pipeline_and_assembles_it(tmp_path, monkeypatch):
    from warta.cli.train import train
    from warta.nlp.pipeline import MODEL_NAME

    data, root = _fixture_corpus(tmp_path)
    monkeypatch.setattr("warta.eval.corpus.corpus_dir", lambda: root)
    runner, out = CliRunner(), str(tmp_path / "run")
    steps = (
        ["convert", "--data", str(data), "--out", out],
        # no OUT/news_ft: the base is the shipped (assembled) pipeline
        ["news-corpus", "--data", str(data), "--out", out, "--max-steps", "2"],
        ["assemble", "--out", out],
    )
    for step in steps:
        result = runner.invoke(train, ["nlp", *step])
        assert result.exit_code == 0, result.output
    nlp = spacy.load(tmp_path / "run" / MODEL_NAME)
    assert {"tagger", "parser", "lemmatizer", "ner"} <= set(nlp.component_names)
    trained_on = [f["file"] for f in nlp.meta["warta_trained_on"]]
    assert any(f.startswith("warta/eval/corpus/gold") for f in trained_on)
    unfrozen = runner.invoke(train, ["nlp", "news-corpus", "--data", str(data), "--out", out,
                                   "--max-steps", "2", "--no-freeze", "--rehearsal", "0.5",
                                   "--common-words", "--gpe", "missing"])
    assert unfrozen.exit_code == 0, unfrozen.output
    assert '"corpus-train-articles": 1' in unfrozen.output


def test_news_corpus_step_needs_the_converted_rehearsal_data(tmp_path):
    from warta.cli.train import train

    result = CliRunner().invoke(train, ["nlp", "news-corpus", "--data", str(CORPORA),
                                        "--out", str(tmp_path / "run")])
    assert result.exit_code == 2 and "convert" in result.output



def test_gpe_names_can_be_left_unsupervised(tokenizer_nlp):
    doc = article_doc(tokenizer_nlp, TEXT, _gold(TEXT), gpe="missing")
    assert "Tegal" not in [e.text for e in doc.ents]
    assert _tags(doc)["Tegal"] == "-" and _tags(doc)["Budi"] == "B-PERSON"


def test_base_may_be_a_pipeline_or_a_run_folder(tmp_path):
    import click

    from warta.cli.train import _pipeline_in

    run = tmp_path / "run"
    for sub in ("news/model-best", "news_ft/model-best"):
        (run / sub).mkdir(parents=True)
        (run / sub / "config.cfg").write_text("")
    assert _pipeline_in(run) == run / "news_ft" / "model-best"  # the run's last trained model
    assert _pipeline_in(run / "news" / "model-best") == run / "news" / "model-best"
    with pytest.raises(click.BadParameter, match="neither"):
        _pipeline_in(tmp_path)
