"""Turn the trained pipeline (one tok2vec shared by tagger, morphologizer, parser, lemmatizer
and NER) into the directory warta ships: warta's tokenizer, the UPOS copy stage, the sentence
repair stage after the parser, the lemmatizer under its plain name, warta's rule stages after
the NER (so config.cfg lists them with their options) and warta's meta; the lemmatizer and
(when the tagger gives UPOS) the morphologizer saved disabled (``pipeline.ON_REQUEST``).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from warta.nlp import tokenizer as warta_tokenizer
from warta.nlp.pipeline import ON_REQUEST, STAGES
from warta.nlp.sentences import FACTORY as SENTENCE_FIX
from warta.nlp.upos import FACTORY as UPOS_FROM_TAG
from warta.train.convert import training_files

MODEL_META = {
    "name": "warta_news",
    "version": "2.0.0",
    "description": (
        "Indonesian news pipeline trained by warta: tokenizer, UPOS and morphology, lemmas, "
        "dependencies and sentences (UD Indonesian CSUI and GSD), named entities "
        "PERSON/ORG/LOC (idner-news-2k, IndoLEM NER-UGM and NER-UI, IndoNLU NERP and NERGrit), "
        "one shared tok2vec with word2vec vectors trained on IndoSum."
    ),
    "license": "CC BY-SA 4.0",
    "author": "warta",
}


def assemble(model: Path, out: Path, *, meta: dict[str, Any] | None = None) -> Language:
    """Write the shippable pipeline built from the trained ``model`` to ``out`` (replacing it)."""
    nlp = spacy.load(model)
    if "tagger" in nlp.pipe_names:  # token.pos = the tagger's UPOS, not the morphologizer's
        after = "morphologizer" if "morphologizer" in nlp.pipe_names else "tagger"
        nlp.add_pipe(UPOS_FROM_TAG, name="upos_from_tag", after=after)
    if "trainable_lemmatizer" in nlp.pipe_names:
        nlp.rename_pipe("trainable_lemmatizer", "lemmatizer")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_FIX, name="sentence_fix", after="parser")
    for name, factory in STAGES:  # warta's rule stages, with their options, in config.cfg
        nlp.add_pipe(factory, name=name)
    pos_from_tagger = "upos_from_tag" in nlp.pipe_names  # else token.pos is the morphologizer's
    for name in ON_REQUEST:  # trained, shipped, off until read (config.cfg's [nlp] disabled)
        if name in nlp.pipe_names and (name != "morphologizer" or pos_from_tagger):
            nlp.disable_pipe(name)
    nlp.tokenizer = warta_tokenizer.build_tokenizer(nlp)
    nlp.meta.update(MODEL_META)
    nlp.meta["warta_trained_on"] = training_files()
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
