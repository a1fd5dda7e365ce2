"""Document tone in the manner of GDELT's V2Tone, from warta's own Indonesian lexicon.

``positive`` and ``negative`` are the summed weights of positive and negative words as a
percentage of all words; ``score`` is their difference and ``polarity`` their sum. A negator up
to two words before a scored word ("tidak baik", "belum benar-benar pulih") reverses its sign.
Multiword entries ("kerja sama", "korban jiwa") are matched first, longest phrase wins, so a
neutral phrase with weight 0 ("jatuh tempo") shields the scored word inside it.

The lexicon (``warta/data/tone/lexicon-id.tsv``) was written by the warta team; see the README
next to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from warta.nlp.extensions import (
    factory_name,
    mark_stage,
    skip_unsupported,
    token_lowers,
    token_texts,
)
from warta.nlp.lang.id.morphology import ENCLITICS
from warta.nlp.stage_data import save_file, saved_file
from warta.types import Tone

STAGE = "tone"
VERSION = "1"
FACTORY = factory_name(STAGE, VERSION)
_SAVED_LEXICON = "lexicon.tsv"  # the copy ``ToneStage.to_disk`` keeps of a user lexicon
NEGATION_WINDOW = 2  # words between a negator and the word it reverses, inclusive


def _data_dir() -> Path:
    return Path(str(resources.files("warta") / "data" / "tone"))


@dataclass(frozen=True)
class Lexicon:
    """Phrase → weight, with the negators that reverse a weight."""

    weights: dict[tuple[str, ...], float]
    negators: frozenset[str] = frozenset()
    not_negating: frozenset[str] = frozenset()  # "tidak hanya": the negator does not negate

    @cached_property  # read per document: not a pass over the whole lexicon each time
    def longest(self) -> int:
        return max((len(k) for k in self.weights), default=1)

    @cached_property
    def word_weights(self) -> dict[str, float | None]:
        """``_lookup_word``'s answers so far, by word."""
        return {}

    @cached_property
    def phrase_starts(self) -> frozenset[str]:
        """First words of the entries of two words or more: only there can a phrase match."""
        return frozenset(k[0] for k in self.weights if len(k) > 1)

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, float]], *, negators: Iterable[str] = (),
                  not_negating: Iterable[str] = ()) -> Lexicon:
        """Build from (entry, weight) pairs; weights of repeated entries are summed."""
        weights: dict[tuple[str, ...], float] = {}
        for entry, weight in rows:
            key = tuple(entry.lower().split())
            if key:
                weights[key] = weights.get(key, 0.0) + weight
        return cls(weights, frozenset(n.lower() for n in negators),
                   frozenset(n.lower() for n in not_negating))


def read_tsv(path: Path) -> list[tuple[str, float]]:
    """``entry<TAB>weight`` rows; ``#`` comments, blank lines and a ``word`` header are skipped."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        entry, _, weight = line.rpartition("\t")
        try:
            rows.append((entry.strip(), float(weight)))
        except ValueError:  # a header line ("word<TAB>weight")
            continue
    return rows


def _read_words(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.startswith("#")]


@lru_cache(maxsize=4)
def load_lexicon(path: Path | None = None) -> Lexicon:
    """warta's shipped lexicon (or the TSV at ``path``), with the shipped negators."""
    data = _data_dir()
    rows = read_tsv(path or data / "lexicon-id.tsv")
    return Lexicon.from_rows(rows, negators=_read_words(data / "negators-id.txt"),
                             not_negating=_read_words(data / "not-negating-id.txt"))


def _lookup_word(word: str, lexicon: Lexicon) -> float | None:
    """Weight of one word as written, without an enclitic, or as the base of a reduplication
    (worked out once per distinct word and lexicon: news repeats its words)."""
    known = lexicon.word_weights
    if word in known:
        return known[word]
    if len(known) >= _WORD_CACHE:
        known.clear()
    weight = known[word] = _word_weight(word, lexicon)
    return weight


_WORD_CACHE = 100_000  # distinct words a lexicon remembers the weight of


def _word_weight(word: str, lexicon: Lexicon) -> float | None:
    weight = lexicon.weights.get((word,))
    if weight is not None:
        return weight
    for clitic in ENCLITICS:  # stripped when a word is not in the lexicon as written
        if word.endswith(clitic) and len(word) - len(clitic) >= 3:
            weight = lexicon.weights.get((word[: -len(clitic)],))
            if weight is not None:
                return weight
    head, sep, tail = word.partition("-")  # "bank-bank", "luka-lukanya"
    if sep and tail.startswith(head) and head != word:
        return _lookup_word(head, lexicon)
    return None


def _match(words: Sequence[str], i: int, lexicon: Lexicon, longest: int) -> tuple[int, float]:
    """(length, weight) of the longest entry starting at word i; (1, 0.0) when none."""
    if words[i] in lexicon.phrase_starts:
        for n in range(min(longest, len(words) - i), 1, -1):
            weight = lexicon.weights.get(tuple(words[i : i + n]))
            if weight is not None:
                return n, weight
    weight = _lookup_word(words[i], lexicon)
    return 1, weight or 0.0


def score_words(words: Sequence[str], lexicon: Lexicon, *,
                negation_window: int = NEGATION_WINDOW) -> Tone:
    """Tone of a sequence of lower-cased words (punctuation and numbers already removed)."""
    positive = negative = 0.0
    longest = lexicon.longest
    # a word whose weight is known and that opens no phrase is answered here, as ``_match``
    # would answer it: a call per word was a third of the stage (docs/scaling.md, twelfth round)
    known, starts = lexicon.word_weights, lexicon.phrase_starts
    last_negator = -negation_window - 1
    i = 0
    while i < len(words):
        word = words[i]
        if word in known and word not in starts:
            n, weight = 1, known[word] or 0.0
        else:
            n, weight = _match(words, i, lexicon, longest)
        if n == 1 and word in lexicon.negators:
            following = words[i + 1] if i + 1 < len(words) else ""
            if following not in lexicon.not_negating:
                last_negator = i
        elif weight:
            if i - last_negator <= negation_window:
                weight = -weight
            if weight > 0:
                positive += weight
            else:
                negative -= weight
        i += n
    count = len(words)
    pos = 100.0 * positive / count if count else 0.0
    neg = 100.0 * negative / count if count else 0.0
    return Tone(score=round(pos - neg, 4), positive=round(pos, 4), negative=round(neg, 4),
                polarity=round(pos + neg, 4), word_count=count)


@lru_cache(maxsize=65536)  # one check per distinct word, not per token
def _has_letter(text: str) -> bool:
    return any(c.isalpha() for c in text)


def doc_words(doc: Doc) -> list[str]:
    """The Doc's words, lower-cased: tokens with at least one letter."""
    return [low for text, low in zip(token_texts(doc), token_lowers(doc), strict=True)
            if _has_letter(text)]


def document_tone(doc: Doc, lexicon: Lexicon | None = None, *,
                  negation_window: int = NEGATION_WINDOW) -> Tone:
    """Tone of a whole Doc."""
    return score_words(doc_words(doc), lexicon or load_lexicon(),
                       negation_window=negation_window)


class ToneStage:
    """Attach ``doc._.tone``; other languages get none (the lexicon is Indonesian).

    ``lexicon`` names a TSV to use instead of the shipped one; ``nlp.to_disk`` keeps a copy of
    it with the pipeline (``warta.nlp.stage_data``). The shipped lexicon is package data, read
    the same way on every load."""

    def __init__(self, *, lexicon: str = "", negation_window: int = NEGATION_WINDOW) -> None:
        self.lexicon_file = lexicon
        self.lexicon = load_lexicon(Path(lexicon) if lexicon else None)
        self.negation_window = negation_window

    def __call__(self, doc: Doc) -> Doc:
        if skip_unsupported(doc, STAGE, VERSION):
            doc._.tone = None
            return doc
        doc._.tone = document_tone(doc, self.lexicon, negation_window=self.negation_window)
        mark_stage(doc, STAGE, VERSION, "ok")
        return doc

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        """Keep a copy of a user lexicon with the saved pipeline."""
        save_file(path, self.lexicon_file, _SAVED_LEXICON)

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> ToneStage:
        """Read the saved copy back, unless config.cfg now names another lexicon."""
        copy = saved_file(path, self.lexicon_file, _SAVED_LEXICON)
        if copy is not None:
            self.lexicon = load_lexicon(copy)
        return self


@Language.factory(FACTORY, assigns=["doc._.tone"],
                  default_config={"lexicon": "", "negation_window": NEGATION_WINDOW})
def make_tone(nlp: Language, name: str, lexicon: str, negation_window: int) -> ToneStage:
    """spaCy factory of the tone stage: ``lexicon`` is a TSV path ("" = the shipped lexicon),
    ``negation_window`` how many words after a negator it reverses."""
    return ToneStage(lexicon=lexicon, negation_window=negation_window)
