"""The gazetteer's per-token look-ups answer the same from the Doc's word lists (issue 20)."""

from __future__ import annotations

import random
import unicodedata

import spacy

from warta.kb import gazetteer
from warta.kb.gazetteer import could_start, match_at, normalize


def _normalize_by_definition(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().replace("-", " ").split())


def test_normalize_takes_the_ascii_shortcut_to_the_same_key():
    rng = random.Random(20)
    ascii_chars = "".join(chr(c) for c in range(128))
    texts = ["Amerika Serikat", "G20", "Timor-Leste", "  AS ", "Türkiye", "Ǆemal", "ﬁrma"]
    texts += ["".join(rng.choice(ascii_chars) for _ in range(rng.randint(0, 12)))
              for _ in range(3000)]
    for text in texts:
        assert normalize(text) == _normalize_by_definition(text), repr(text)


def test_match_at_reads_the_word_lists_as_it_reads_the_doc():
    nlp = spacy.blank("id")
    doc = nlp("Menlu Amerika Serikat tiba di Timor-Leste dan Jakarta, lalu ke G20 di  AS. "
              "Presiden Joko Widodo menyambut PBB.")
    words = ([t.text for t in doc], [t.whitespace_ for t in doc])
    found = [match_at(doc, i) for i in range(len(doc))]
    assert [match_at(doc, i, words=words) for i in range(len(doc))] == found
    assert any(found)  # the text names places the gazetteer knows
    firsts = gazetteer.people_first_words()
    assert [could_start(doc, i, len(doc), firsts, words=words) for i in range(len(doc))] == [
        could_start(doc, i, len(doc), firsts) for i in range(len(doc))]
