"""The tone walk answers a known word that opens no phrase itself (docs/scaling.md, twelfth
round): the same tone as asking ``_match`` at every word, on random sequences of phrase words,
negators, clitic and reduplicated forms and unknown words; no ``_match`` for a known word."""

from __future__ import annotations

import random

from warta.resolve import tone
from warta.resolve.tone import Lexicon, Tone, score_words

ROWS = [("baik", 2.0), ("buruk", -2.0), ("tidak baik", -1.0), ("korupsi", -3.0),
        ("rasa aman", 1.5), ("aman", 1.0), ("rasa", 0.0), ("bantuan", 1.0)]
WORDS = ["baik", "buruk", "tidak", "bukan", "hanya", "rasa", "aman", "korupsi", "korupsinya",
         "baik-baik", "bantuan", "banjir", "warga", "tidak", "rasa"]


def _reference(words: list[str], lexicon: Lexicon, window: int) -> Tone:
    """The walk as it was: ``_match`` at every word."""
    positive = negative = 0.0
    last_negator, i = -window - 1, 0
    while i < len(words):
        n, weight = tone._match(words, i, lexicon, lexicon.longest)
        if n == 1 and words[i] in lexicon.negators:
            following = words[i + 1] if i + 1 < len(words) else ""
            if following not in lexicon.not_negating:
                last_negator = i
        elif weight:
            weight = -weight if i - last_negator <= window else weight
            positive, negative = (positive + weight, negative) if weight > 0 else \
                (positive, negative - weight)
        i += n
    count = len(words)
    pos = 100.0 * positive / count if count else 0.0
    neg = 100.0 * negative / count if count else 0.0
    return Tone(score=round(pos - neg, 4), positive=round(pos, 4), negative=round(neg, 4),
                polarity=round(pos + neg, 4), word_count=count)


def test_known_words_score_as_the_match_at_every_word():
    rng = random.Random(7)
    fresh = Lexicon.from_rows(ROWS, negators=["tidak", "bukan"], not_negating=["hanya"])
    reference = Lexicon.from_rows(ROWS, negators=["tidak", "bukan"], not_negating=["hanya"])
    for _ in range(3000):
        words = [rng.choice(WORDS) for _ in range(rng.randint(0, 14))]
        window = rng.randint(0, 3)
        assert score_words(words, fresh, negation_window=window) == \
            _reference(words, reference, window)


def test_a_known_word_takes_no_match_call(monkeypatch):
    lexicon = Lexicon.from_rows(ROWS, negators=["tidak"])
    score_words(["korupsi", "warga", "rasa", "aman"], lexicon)  # their weights now known
    calls = []
    real = tone._match
    monkeypatch.setattr(tone, "_match", lambda w, i, *a: calls.append(w[i]) or real(w, i, *a))
    assert score_words(["korupsi", "warga", "rasa", "aman"], lexicon).negative > 0
    assert calls == ["rasa"]  # "rasa aman" is a phrase: its first word still asks for it
