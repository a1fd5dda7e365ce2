"""Join the trained UD and NER pipelines into the one pipeline directory warta ships.

The UD pipeline (tok2vec shared by morphologizer, parser and lemmatizer) is the base; the NER
pipeline's ``ner`` is sourced in with its own copy of its tok2vec (listeners replaced), so the
two tok2vecs stay as they were trained and dev scores carry over unchanged.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import spacy
from spacy.language import Language

from warta.nlp import tokenizer as warta_tokenizer
from warta.nlp.sentences import FACTORY as SENTENCE_FIX

MODEL_META = {
    "name": "warta_news",
    "version": "1.0.0",
    "description": (
        "Indonesian news pipeline trained by warta: tokenizer, UPOS and morphology, lemmas, "
        "dependencies and sentences (UD Indonesian CSUI), named entities PERSON/ORG/LOC "
        "(idner-news-2k, IndoLEM NER-UGM and NER-UI, IndoNLU NERP and NERGrit)."
    ),
    "license": "CC BY-SA 4.0",
    "author": "warta",
}


UPOS = frozenset(
    ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
     "PUNCT", "SCONJ", "SYM", "VERB", "X")
)


def _upos_from_tagger(nlp: Language) -> None:
    """Make ``token.pos`` the tagger's UPOS (trained on gold CSUI plus silver BaPOS), not the
    morphologizer's (gold CSUI only): an attribute ruler after the morphologizer copies TAG."""
    after = "morphologizer" if "morphologizer" in nlp.pipe_names else "tagger"
    ruler = nlp.add_pipe("attribute_ruler", name="upos_from_tag", after=after)
    for label in nlp.get_pipe("tagger").labels:
        if label in UPOS:
            ruler.add([[{"TAG": label}]], {"POS": label})


def assemble(ud_model: Path, ner_model: Path, out: Path, *, meta: dict | None = None) -> Language:
    """Write the combined pipeline to ``out`` (replacing it) and return it."""
    nlp = spacy.load(ud_model)
    ner_nlp = spacy.load(ner_model)
    if ner_nlp.vocab.vectors.shape[0]:  # the NER tok2vec reads warta's static vectors
        nlp.vocab.vectors = ner_nlp.vocab.vectors
    if "tok2vec" in ner_nlp.pipe_names:
        ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.add_pipe("ner", source=ner_nlp)
    if "tagger" in nlp.pipe_names:
        _upos_from_tagger(nlp)
    if "trainable_lemmatizer" in nlp.pipe_names:
        nlp.rename_pipe("trainable_lemmatizer", "lemmatizer")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_FIX, name="sentence_fix", after="parser")
    nlp.tokenizer = warta_tokenizer.build_tokenizer(nlp)
    nlp.meta.update(MODEL_META)
    nlp.meta.update(meta or {})
    nlp.meta.pop("performance", None)
    if out.exists():
        card = out / "MODEL_CARD.md"
        kept = card.read_text(encoding="utf-8") if card.exists() else None
        shutil.rmtree(out)
    else:
        kept = None
    nlp.to_disk(out, exclude=["vocab.lookups"])
    if kept is not None:
        (out / "MODEL_CARD.md").write_text(kept, encoding="utf-8")
    return nlp
