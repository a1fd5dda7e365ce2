"""Document-level language identification with lingua, restricted to a candidate set.

Rule for Indonesian vs Malay (the two are close; lingua confuses them on short text, and calls
some long Indonesian texts Malay, e.g. with Arabic loanwords): the answer is "id" unless Malay is
lingua's top language, the text has at least ``MALAY_MIN_WORDS`` words, Malay's confidence beats
Indonesian's by ``MALAY_MARGIN``, *and* words only Malay uses ("kerajaan", "bahawa", "kerana")
outnumber words only Indonesian uses ("bahwa", "karena", "pemerintah") by ``MALAY_MARKER_RATIO``.
warta is built for Indonesian news, so the cheaper mistake is calling a Malay text Indonesian.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

# Texts with fewer letters than this get no language: lingua's guess would be noise.
MIN_LETTERS = 20
# Malay wins over Indonesian only on long texts, and clearly.
MALAY_MIN_WORDS = 40
MALAY_MARGIN = 0.25
MALAY_MARKER_RATIO = 2
MALAY_MIN_MARKERS = 3
# Spellings and words one language uses and the other (almost) does not.
MALAY_MARKERS = frozenset({
    "kerajaan", "baharu", "wang", "mangsa", "ialah", "manakala", "kerana", "bahawa", "sahaja",
    "semasa", "selepas", "boleh", "sebarang", "hospital", "polis", "jabatan", "kenyataan",
    "percuma", "bilangan", "iaitu", "pejabat", "kakitangan", "syarikat", "perniagaan", "cuba",
    "dapati", "mahkamah", "berkuasa", "terjejas", "tempatan", "bekerjasama",
})
INDONESIAN_MARKERS = frozenset({
    "bahwa", "karena", "setelah", "bisa", "polisi", "korban", "saja", "pemerintah", "uang",
    "kantor", "perusahaan", "pengadilan", "yaitu", "dinas", "sesudah", "kepolisian", "gubernur",
    "rumah", "mengungkapkan", "nggak", "enggak", "dolar", "tersangka", "kabupaten",
})
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
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
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
        return _indonesian_or_malay(sample, scores)
    return best


def _indonesian_or_malay(sample: str, scores: dict[str, float]) -> str:
    """Apply the documented id-vs-ms rule to a text lingua called Malay."""
    words = [w.lower() for w in _WORD.findall(sample)]
    long_enough = len(words) >= MALAY_MIN_WORDS
    clear = scores.get("ms", 0.0) - scores.get("id", 0.0) >= MALAY_MARGIN
    malay = sum(w in MALAY_MARKERS for w in words)
    indonesian = sum(w in INDONESIAN_MARKERS for w in words)
    lexical = malay >= MALAY_MIN_MARKERS and malay > MALAY_MARKER_RATIO * indonesian
    return "ms" if long_enough and clear and lexical else "id"
