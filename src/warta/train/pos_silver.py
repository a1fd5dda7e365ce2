"""Silver UPOS from BaPOS (idn-tagged-corpus-CSUI, CC BY-SA 4.0) for the tagger.

UD CSUI has only 655 training sentences; BaPOS has 8,851 tagged with the 23-tag scheme of
Dinakaramani et al. (2014). A tag maps to one UPOS where the scheme is unambiguous (NN → NOUN,
NNP → PROPN, Z → PUNCT). Words the gold CSUI data tags differently from the tag map are
overridden by CSUI's tag (yang → PRON, adalah → AUX); words CSUI itself tags two ways (ini:
DET/PRON, untuk: ADP/SCONJ) are left unlabelled, so the tagger learns them from gold only.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from warta.eval._conll import UDSentence

BAPOS_UPOS: dict[str, str] = {
    "NN": "NOUN",
    "NNP": "PROPN",
    "NND": "NOUN",  # classifiers and measure nouns (orang, buah)
    "PRP": "PRON",
    "PR": "DET",  # demonstratives; ambiguous ones (ini/itu) are resolved by the CSUI lexicon
    "WH": "PRON",
    "VB": "VERB",
    "MD": "AUX",
    "JJ": "ADJ",
    "RB": "ADV",
    "NEG": "PART",
    "RP": "PART",
    "CC": "CCONJ",
    "SC": "SCONJ",
    "IN": "ADP",
    "CD": "NUM",
    "OD": "ADJ",
    "DT": "DET",
    "FW": "X",
    "X": "X",
    "SYM": "SYM",
    "Z": "PUNCT",
    "UH": "INTJ",
}
LEXICON_SHARE = 0.9  # a word's majority UPOS in CSUI counts as its only one above this share


def csui_lexicon(sentences: Iterable[UDSentence]) -> dict[str, Counter[str]]:
    """Lower-cased word → UPOS counts in gold UD data."""
    lexicon: dict[str, Counter[str]] = defaultdict(Counter)
    for sent in sentences:
        for word in sent.words:
            lexicon[word.form.lower()][word.upos] += 1
    return lexicon


def silver_upos(word: str, tag: str, lexicon: dict[str, Counter[str]]) -> str | None:
    """UPOS for a BaPOS-tagged word, or None where the mapping is not sound."""
    counts = lexicon.get(word.lower())
    if counts:
        upos, n = counts.most_common(1)[0]
        if n / sum(counts.values()) >= LEXICON_SHARE:
            return upos
        return None
    return BAPOS_UPOS.get(tag)


def read_bapos(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """(words, tags) per sentence of a BaPOS file (token<TAB>B-/I-tag), prefixes stripped."""
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            cols = raw.split()
            if not cols:
                if words:
                    yield words, tags
                    words, tags = [], []
                continue
            words.append(cols[0])
            tags.append(cols[-1].split("-", 1)[-1])
    if words:
        yield words, tags
