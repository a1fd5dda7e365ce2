"""Shared helpers for the actor tests: a blank pipeline with warta's gazetteer and actors stages,
and Docs whose NER persons are set by hand (so tests do not depend on the trained model)."""

from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

import warta.resolve.actors
import warta.resolve.gazetteer  # noqa: F401  (registers warta_gazetteer_v13)


def blank_pipeline(user_file: str = "", decision_model: str = "none") -> Language:
    """The rules alone by default (``decision_model="none"``); "" adds the shipped model."""
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("warta_gazetteer_v13", name="gazetteer")
    nlp.add_pipe("warta_actors_v21", name="actors",
                 config={"user_file": user_file, "decision_model": decision_model})
    return nlp


def with_persons(nlp: Language, text: str, persons: tuple[str, ...] = (),
                 others: tuple[tuple[str, str], ...] = ()) -> Doc:
    """Tokenise and split sentences, mark every occurrence of ``persons`` as PERSON and of
    ``others`` (surface, label) as given (standing in for the trained NER), then run the
    gazetteer and actors stages."""
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    spans = []
    for name, label in [(p, "PERSON") for p in persons] + list(others):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            span = doc.char_span(m.start(), m.end(), label=label)
            if span is not None:
                spans.append(span)
    doc.ents = filter_spans(spans)
    doc = nlp.get_pipe("gazetteer")(doc)
    return nlp.get_pipe("actors")(doc)


def ent_actor(doc: Doc, text: str, nth: int = 0) -> str | None:
    """Actor id on the nth entity whose text is ``text``."""
    hits = [e for e in doc.ents if e.text == text]
    return hits[nth]._.actor


def mention_actor(doc: Doc, text: str, nth: int = 0) -> str | None:
    hits = [m for m in doc._.mentions if m.text == text]
    return hits[nth]._.actor


def actor(doc: Doc, actor_id: str):
    return next(a for a in doc._.actors if a.id == actor_id)
