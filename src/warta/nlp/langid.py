"""Document-level language identification with lingua, restricted to a candidate set.

Rule for Indonesian vs Malay (the two are close; lingua confuses them on short text, and calls
some long Indonesian texts Malay, e.g. with Arabic loanwords): the answer is "id" unless Malay is
lingua's top language, the text has at least ``MALAY_MIN_WORDS`` words, Malay's confidence beats
Indonesian's by ``MALAY_MARGIN``, *and* words only Malay uses ("kerajaan", "bahawa", "kerana")
outnumber words only Indonesian uses ("bahwa", "karena", "pemerintah") by ``MALAY_MARKER_RATIO``.
warta is built for Indonesian news, so the cheaper mistake is calling a Malay text Indonesian.

Javanese and Sundanese are candidates lingua does not model. When they are candidates and lingua
answers Indonesian or Malay, the share of words only Javanese (``kula``, ``mboten``, ``ingkang``)
or only Sundanese (``abdi``, ``teu``, ``jeung``) uses decides: at least ``REGIONAL_MIN_SHARE`` of
the words, and at least ``REGIONAL_MIN_MARKERS`` of them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from warta.nlp.lang.id.language_markers import INDONESIAN_MARKERS, MALAY_MARKERS, REGIONAL_MARKERS

# Texts with fewer letters than this get no language: lingua's guess would be noise.
MIN_LETTERS = 20
# Malay wins over Indonesian only on long texts, and clearly.
MALAY_MIN_WORDS = 40
MALAY_MARGIN = 0.25
MALAY_MARKER_RATIO = 2
MALAY_MIN_MARKERS = 3
# Regional languages lingua does not know, told apart from Indonesian by their own words.
REGIONAL_MIN_SHARE = 0.12
REGIONAL_MIN_MARKERS = 3
# Lingua's cost grows with the text; the first few thousand characters decide a news article.
SAMPLE_CHARS = 4000

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_WORD = re.compile(r"\w+", re.UNICODE)


def _language(code: str) -> Language | None:
    """The lingua Language for an ISO 639-1 code; None when lingua does not know it."""
    iso = getattr(IsoCode639_1, code.upper(), None)
    if iso is None:
        return None
    return Language.from_iso_code_639_1(iso)


@lru_cache(maxsize=8)
def _detector(candidates: tuple[str, ...]) -> LanguageDetector | None:
    """One detector per candidate set and process: building one costs far more than a lookup."""
    languages = {lang for lang in (_language(c) for c in candidates) if lang is not None}
    if len(languages) < 2:  # lingua needs at least two languages to choose between
        return None
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(text: str, candidates: tuple[str, ...]) -> str | None:
    """ISO 639-1 code of the document's language among ``candidates``; None when too short."""
    sample = text[:SAMPLE_CHARS]
    if not has_letters(sample, MIN_LETTERS):
        return None
    detector = _detector(tuple(sorted(set(candidates))))
    if detector is None:
        return candidates[0] if len(candidates) == 1 else None
    confidences = detector.compute_language_confidence_values(sample)
    if not confidences:
        return None
    scores = {c.language.iso_code_639_1.name.lower(): c.value for c in confidences}
    best = confidences[0].language.iso_code_639_1.name.lower()
    if best == "ms" and "id" in scores:
        best = _indonesian_or_malay(sample, scores)
    if best in ("id", "ms"):
        return _regional(sample, candidates) or best
    return best


def has_letters(text: str, count: int) -> bool:
    """Whether ``text`` holds at least ``count`` letters, read only up to the ``count``-th: a
    list of every letter of a 4,000-character sample cost a tenth of language id's time."""
    return sum(1 for _ in islice(_LETTER.finditer(text), count)) >= count


def _regional(sample: str, candidates: tuple[str, ...]) -> str | None:
    """Javanese or Sundanese by their own words, when they are candidates; else None."""
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return None
    best, best_count = None, 0
    for code, markers in REGIONAL_MARKERS.items():
        if code not in candidates:
            continue
        count = sum(w in markers for w in words)
        if count > best_count:
            best, best_count = code, count
    enough = best_count >= REGIONAL_MIN_MARKERS and best_count / len(words) >= REGIONAL_MIN_SHARE
    return best if enough else None


def _indonesian_or_malay(sample: str, scores: dict[str, float]) -> str:
    """Apply the documented id-vs-ms rule to a text lingua called Malay."""
    words = [w.lower() for w in _WORD.findall(sample)]
    long_enough = len(words) >= MALAY_MIN_WORDS
    clear = scores.get("ms", 0.0) - scores.get("id", 0.0) >= MALAY_MARGIN
    malay = sum(w in MALAY_MARKERS for w in words)
    indonesian = sum(w in INDONESIAN_MARKERS for w in words)
    lexical = malay >= MALAY_MIN_MARKERS and malay > MALAY_MARKER_RATIO * indonesian
    return "ms" if long_enough and clear and lexical else "id"
