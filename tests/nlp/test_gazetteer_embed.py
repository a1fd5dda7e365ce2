"""The gazetteer bits beside the hash embeddings: what they mark, and that a saved model keeps
the table it was trained with."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import Config

from warta.nlp import gazetteer_embed
from warta.nlp.gazetteer_embed import BIT, FEATURES, build_tables, feature_bits

CONFIG = """
[nlp]
lang = "id"
pipeline = ["tok2vec", "ner"]

[nlp.tokenizer]
@tokenizers = "warta.id_tokenizer.v1"

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "warta.GazetteerHashEmbed.v1"
width = 32
attrs = ["NORM", "PREFIX"]
rows = [100, 100]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 32
depth = 1
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
hidden_width = 16
maxout_pieces = 2
use_upper = true

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 32
upstream = "*"
"""
TEXT = "Presiden Prabowo tiba di Jakarta bersama utusan AS dan Kementerian Luar Negeri ."


@pytest.fixture(scope="module")
def tables():
    return build_tables()


def _names(bits: int) -> set[str]:
    return {name for name in FEATURES if bits & BIT[name]}


def test_words_of_places_organisations_people_and_titles_are_marked(tables):
    lower, _ = tables
    assert {"place", "world_city"} <= _names(lower["jakarta"])
    assert "country" in _names(lower["rusia"])
    assert "person" in _names(lower["prabowo"])
    assert "org_head" in _names(lower["kementerian"])
    assert "title" in _names(lower["presiden"])
    assert "honorific" in _names(lower["bapak"])
    assert "rumah" not in lower and "dan" not in lower  # plain and function words carry no bit


def test_abbreviations_count_only_as_spelled(tables):
    lower, exact = tables
    assert {"abbreviation", "country"} <= _names(exact["AS"])
    assert "as" not in lower  # the word "as" (axle) is not the United States ("Terluar AS")


def test_feature_bits_give_one_row_per_token(tables):
    lower, exact = tables
    lower_ids = {get_string_id(w): b for w, b in lower.items()}
    exact_ids = {get_string_id(w): b for w, b in exact.items()}
    vocab = spacy.blank("xx").vocab
    docs = [Doc(vocab, words=["Utusan", "AS", "ke", "Jakarta"]), Doc(vocab, words=["as", "roda"])]
    rows = feature_bits(docs, lower_ids, exact_ids)
    assert rows.shape == (6, len(FEATURES))
    column = {name: i for i, name in enumerate(FEATURES)}
    assert rows[1, column["abbreviation"]] == 1 and rows[4, column["abbreviation"]] == 0
    assert rows[3, column["place"]] == 1
    assert rows[2].sum() == 0 and rows[5].sum() == 0


def test_a_saved_model_keeps_the_table_it_was_trained_with(tmp_path, monkeypatch):
    nlp = spacy.util.load_model_from_config(Config().from_str(CONFIG), auto_fill=True)
    doc = nlp.make_doc(TEXT)
    examples = [Example.from_dict(doc, {"entities": [(9, 16, "PERSON"), (25, 32, "LOC")]})]
    optimizer = nlp.initialize(lambda: examples)
    nlp.update(examples, sgd=optimizer)
    before = nlp.get_pipe("tok2vec").predict([nlp.make_doc(TEXT)])[0]
    nlp.to_disk(tmp_path)

    # Later gazetteer edits must not reach the saved model's inputs.
    monkeypatch.setattr(gazetteer_embed, "build_tables", lambda: ({}, {}))
    loaded = spacy.load(tmp_path)
    features = next(n for n in loaded.get_pipe("tok2vec").model.walk()
                    if n.name == "warta_gazetteer_features")
    assert features.attrs["lower"]["jakarta"] & BIT["place"]
    after = loaded.get_pipe("tok2vec").predict([loaded.make_doc(TEXT)])[0]
    numpy.testing.assert_allclose(after, before, rtol=1e-5, atol=1e-6)
