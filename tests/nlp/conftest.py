"""Fixtures for the NLP tests: a tokenizer-only pipeline, built once per session."""

from __future__ import annotations

import pytest
import spacy

from warta.nlp.tokenizer import build_tokenizer


@pytest.fixture(scope="session")
def id_tokenizer_nlp():
    """spacy.blank("id") with warta's tokenizer and a rule-based sentencizer (no model)."""
    nlp = spacy.blank("id")
    nlp.tokenizer = build_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    return nlp
