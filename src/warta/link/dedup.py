"""Copies of one text: the same words (an exact copy) or nearly (a near copy, MinHash/LSH).

A wire story re-published by another outlet, or by the same one under a new headline, is the
same report: counting its quotes and events once per copy inflates every count. Two texts are
compared by their bodies, not their titles (a re-published copy usually gets a new headline):

* exact: the same words once case, spacing, punctuation and scraping leftovers
  ("ADVERTISEMENT" lines, the cleaner's list) are ignored — a fingerprint of those words made
  with ``warta.record.article_id``, the one hash of a text;
* near: the estimated Jaccard similarity of the two texts' word shingles (``[dedup]``
  ``shingle`` words each) is at least ``threshold``, found through MinHash signatures
  (``datasketch``) and LSH bands, so a new text is compared with a few candidates only;
* near, re-edited (``sentences``): the same report rewritten sentence by sentence, keeping its
  quotes. Its shingles overlap by only 0.2–0.3, as much as two outlets' write-ups of one press
  conference, so shingles cannot tell them apart; sentences can: the copy's sentences each have
  a counterpart with mostly the same words (``sentence_similarity``, word-set Jaccard), the
  other report has whole sentences of its own. A text is a copy when at least
  ``aligned_share`` of the shorter text's sentences (and ``min_aligned`` of them) have such a
  counterpart, and ``longer_share`` of the longer text's: a long round-up that embeds a short
  report whole is an article of its own (folding it would drop its own quotes and events).
  Candidates are the texts sharing at least one sentence or quoted passage word for word (an
  exact key each, kept beside the LSH band keys): a re-edit keeps its quotes, and usually some
  sentences (the background paragraph) as they were. Two sentences are counterparts only when
  their specifics agree too — the numbers of one all in the other, ``names_share`` of their
  capitalised words (names, places) — so that two reports written from one template (a daily
  forecast: the same frames, other dates, figures and places) are not copies. When the text
  with fewer quotations has at least ``quotes_min`` and every one is in the other, a rewrite of
  the narration around them is still a copy from ``quoted_share`` of the shorter text's
  sentences aligned: an outlet writing its own report picks its own quotes.
* near, rewritten (``paraphrase``): the same report reworded sentence by sentence, so that few
  sentences keep half their words ("membatalkan" becomes "mencabut", "kata" becomes "ujar", a
  clause moves). Its sentences still share much of their characters (Indonesian affixes:
  "pembatalan", "dibatalkan") and each keeps its place, while two outlets' write-ups of one
  press release share some sentences word for word among whole sentences of their own, in
  their own order. Among the same candidates, a text is a copy when ``paraphrase_share`` of
  the shorter text's sentences (and ``longer_share`` of the longer's) are aligned *in order*
  with a sentence of the other whose character 4-grams have a cosine of at least
  ``paraphrase_similarity`` and whose specifics agree (as above).

``Deduper`` keeps its index in memory unless given another ``Index`` (the store keeps one in
SQLite, ``warta.store.dedup``, so copies are found across runs). Pure: no I/O of its own.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, Protocol

import numpy as np

from warta.clean.boilerplate import is_boilerplate, strip_inline
from warta.errors import ConfigError, Errors
from warta.record import article_id
from warta.settings import DedupSettings, Settings

Kind = Literal["exact", "near"]
Signal = Literal["exact", "shingles", "sentences", "paraphrase"]  # which comparison found a copy
_WORD = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"\d+")
# A sentence ends at . ! ? (closing quotes or brackets may follow) before a space; a line break
# ends one too. Splitting errors (an abbreviation's dot) fall alike on both texts compared.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")
# Texts compared by sentence alignment per new text, the most shared sentences first: a
# sentence many texts share ("Simak juga video ...") must not make every text a candidate.
_SENTENCE_CANDIDATES = 20
# A passage between double quotes: a re-edit keeps the words quoted and rewrites what is around
# them ("kata Wiryo kepada wartawan" becomes "ujar Wiryo"), so the passage gets a key of its own.
_QUOTED = re.compile(r"[\"“”]([^\"“”]+)[\"“”]")
_QUOTE_KEPT = 0.8  # share of a quotation's words another must have to be the same quotation
_CHAR_GRAM = 4  # characters per n-gram of the paraphrase signal (3 matches unrelated sentences)
_CHAR_FEATURES = 2 ** 20  # hashed n-gram columns: collisions among a sentence pair's are rare
_SENTENCE_PERSON = b"warta-sentence"  # keeps sentence keys apart from LSH band keys
_SEED = 1  # fixed: signatures stored by one run must compare with the next run's
# LSH's weights of (false positives, false negatives) when it picks bands and rows: every
# candidate is checked against its stored signature, so a false one costs one comparison, while
# a missed one is a copy stored twice. With 0.6 and 128 permutations: 25 bands of 5 rows, a pair
# at 0.6 is a candidate with probability 0.87, at 0.7 0.99, at 0.3 0.06.
_LSH_WEIGHTS = (0.1, 0.9)


VERSION = 3  # bump when the same texts may be judged copies differently (the store re-indexes)


@dataclass(frozen=True)
class Sentence:
    """One sentence as the alignment reads it: its words, and the specifics a template varies."""

    words: frozenset[str]  # lower-cased
    numbers: frozenset[str]  # digit runs: "16/9/2025" is 16, 9 and 2025
    names: frozenset[str]  # capitalised words after the first, lower-cased: names and places
    text: str = ""  # its words, lower-cased, one space apart: what paraphrases are compared by


Sentences = tuple[Sentence, ...]


@dataclass(frozen=True)
class Passages:
    """What the sentence signal compares of a text: its sentences and its quoted passages."""

    sentences: Sentences = ()
    quotes: tuple[frozenset[str], ...] = ()  # each distinct passage's word set


@dataclass(frozen=True)
class Fingerprint:
    """What a text is compared by: its exact key, MinHash signature and LSH band keys."""

    exact: str
    signature: np.ndarray | None  # uint32 hash values; None when near copies are off
    bands: tuple[int, ...]
    passages: Passages = Passages()  # empty when the sentence signal is off
    sentence_keys: tuple[int, ...] = ()  # one exact key per distinct sentence and quotation


@dataclass(frozen=True)
class Match:
    """A stored text that a new one is a copy of."""

    canonical: str
    kind: Kind
    similarity: float  # 1 (exact), estimated shingle Jaccard, or share of aligned sentences
    signal: Signal = "exact"


class Index(Protocol):
    """Where a ``Deduper`` keeps the texts it has seen (memory, or the store's tables)."""

    def exact(self, key: str) -> str | None:
        """The article whose text has this exact key, if any."""

    def candidates(self, bands: Sequence[int]) -> Iterable[str]:
        """Articles sharing at least one LSH band key."""

    def signature(self, article_id: str) -> np.ndarray | None:
        """A stored article's MinHash signature."""

    def sentence_candidates(self, keys: Sequence[int], limit: int) -> list[str]:
        """Up to ``limit`` articles sharing at least one sentence key, the most shared first."""

    def passages(self, article_id: str) -> Passages | None:
        """A stored article's sentences and quotations (``passages_of`` its text)."""

    def insert(self, article_id: str, fingerprint: Fingerprint) -> None:
        """Index a new canonical article."""


def _lines(text: str) -> list[str]:
    """The text's lines without whole boilerplate lines or inline leftovers."""
    kept = (strip_inline(line).strip() for line in text.splitlines())
    return [line for line in kept if line and not is_boilerplate(line)]


def words(text: str) -> list[str]:
    """The text's words, lower-cased, without whole boilerplate lines or inline leftovers."""
    return _WORD.findall(" ".join(_lines(text)).casefold())


def sentences_of(text: str, min_words: int) -> Sentences:
    """The text's sentences of at least ``min_words`` words (shorter ones, "Kata dia.", align
    with anything)."""
    out = []
    for line in _lines(text):
        for sentence in _SENTENCE_END.split(line):
            found = _WORD.findall(sentence)
            if len(found) >= min_words:
                out.append(_sentence(found))
    return tuple(out)


def _sentence(found: Sequence[str]) -> Sentence:
    numbers = frozenset(n for w in found for n in _NUMBER.findall(w))
    names = frozenset(w.casefold() for w in found[1:] if w[0].isupper())
    lowered = [w.casefold() for w in found]
    return Sentence(frozenset(lowered), numbers, names, " ".join(lowered))


def quoted_of(text: str, min_words: int) -> tuple[frozenset[str], ...]:
    """The word sets of the text's distinct quoted passages of at least ``min_words`` words."""
    out = []
    for line in _lines(text):
        for passage in _QUOTED.findall(line):
            found = _WORD.findall(passage.casefold())
            if len(found) >= min_words:
                out.append(frozenset(found))
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=1024)
def passages_of(text: str, min_words: int) -> Passages:
    """The text's sentences and quotations. Cached: a stored text is read again each time it
    is a candidate."""
    return Passages(sentences_of(text, min_words), quoted_of(text, min_words))


def sentence_key(sentence: frozenset[str]) -> int:
    """A sentence's exact key: a signed 63-bit hash of its words (for SQLite)."""
    digest = hashlib.blake2b(" ".join(sorted(sentence)).encode(), digest_size=8,
                             person=_SENTENCE_PERSON).digest()
    return int.from_bytes(digest, "big", signed=True)


def alignment(a: Sentences, b: Sentences, *, similarity: float, min_aligned: int,
              names_share: float) -> tuple[float, float]:
    """The shares of the shorter and of the longer text's sentences that have a counterpart in
    the other (``counterparts``); (0, 0) below ``min_aligned`` such sentences in either (two
    short reports sharing a quote or two are not copies)."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if not shorter:
        return 0.0, 0.0
    pairs = [[counterparts(s, t, similarity=similarity, names_share=names_share) for t in longer]
             for s in shorter]
    in_shorter = sum(any(row) for row in pairs)
    in_longer = sum(any(col) for col in zip(*pairs, strict=True))
    if min(in_shorter, in_longer) < min_aligned:
        return 0.0, 0.0
    return in_shorter / len(shorter), in_longer / len(longer)


def counterparts(s: Sentence, t: Sentence, *, similarity: float, names_share: float) -> bool:
    """Whether two sentences say the same: a word-set Jaccard of at least ``similarity``, and
    the same specifics. A template (a daily forecast, a price list) repeats its frame with other
    numbers, dates and places, so its sentences share most words and differ in those: the
    numbers of one must all be in the other (an edit may drop the year of a date, not change
    the day), and ``names_share`` of the capitalised words of the one with fewer."""
    return _jaccard(s.words, t.words) >= similarity and specifics_agree(s, t, names_share)


def specifics_agree(s: Sentence, t: Sentence, names_share: float) -> bool:
    """Whether the numbers of one sentence are all in the other, and ``names_share`` of the
    capitalised words of the one with fewer (``counterparts``)."""
    if not (s.numbers <= t.numbers or t.numbers <= s.numbers):
        return False
    fewer = min(len(s.names), len(t.names))
    return not fewer or len(s.names & t.names) >= names_share * fewer


def paraphrase_alignment(a: Sentences, b: Sentences, *, similarity: float, min_aligned: int,
                         names_share: float) -> tuple[float, float]:
    """The shares of the shorter and of the longer text's sentences in the best alignment that
    keeps both texts' order, two sentences being paraphrases when their character n-grams have
    a cosine of at least ``similarity`` and their specifics agree; (0, 0) below ``min_aligned``.

    A desk that rewrites a report goes through it sentence by sentence: "membatalkan" becomes
    "mencabut", "kata" becomes "ujar", a clause moves, so few words stay the same, but
    characters do (Indonesian affixes: "pembatalan", "dibatalkan") and every sentence keeps its
    place. Two outlets writing up one press release share its sentences word for word, each
    among sentences of its own, which have no counterpart at all: the aligned share of the
    shorter text stays well below a rewrite's."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if not shorter:
        return 0.0, 0.0
    close = char_similarities(shorter, longer) >= similarity
    for i, j in zip(*np.nonzero(close), strict=True):
        close[i, j] = specifics_agree(shorter[i], longer[j], names_share)
    aligned = in_order(close)
    if aligned < min_aligned:
        return 0.0, 0.0
    return aligned / len(shorter), aligned / len(longer)


def char_similarities(a: Sentences, b: Sentences) -> np.ndarray:
    """The (len(a), len(b)) cosine similarities of the sentences' character n-gram counts."""
    product = _char_vectors(tuple(s.text for s in a)) @ _char_vectors(tuple(s.text for s in b)).T
    similarities: np.ndarray = product.toarray()
    return similarities


@lru_cache(maxsize=1024)
def _char_vectors(texts: tuple[str, ...]) -> Any:
    """Unit vectors of the sentences' ``_CHAR_GRAM``-character n-gram counts (spaces included,
    so a word's start and end count), hashed by scikit-learn into a sparse matrix. Cached per
    text: a stored text is compared again each time it is a candidate."""
    from sklearn.feature_extraction.text import HashingVectorizer  # only writers need it

    vectorizer = HashingVectorizer(analyzer="char", ngram_range=(_CHAR_GRAM, _CHAR_GRAM),
                                   n_features=_CHAR_FEATURES, alternate_sign=False, norm="l2",
                                   lowercase=False)
    return vectorizer.transform([f" {text} " for text in texts])


def in_order(pairs: np.ndarray) -> int:
    """The most cells of the boolean matrix ``pairs`` that keep the order of rows and of columns
    (a longest common subsequence), one row at a time."""
    best = np.zeros(pairs.shape[1] + 1, dtype=np.int64)
    for row in pairs:
        step = np.maximum(best[1:], best[:-1] + row)
        best[1:] = np.maximum.accumulate(step)
    return int(best[-1])


def quotes_agree(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]], *,
                 at_least: int) -> bool:
    """Whether every quotation of the text with fewer is in the other, and there are at least
    ``at_least``: an outlet writing its own report picks its own quotes; a re-edit rewrites the
    narration around the same ones (one quoted passage may be cut short: ``_QUOTE_KEPT`` of
    the shorter passage's words)."""
    fewer, more = (a, b) if len(a) <= len(b) else (b, a)
    if len(fewer) < at_least:
        return False
    return all(any(_kept(q, r) for r in more) for q in fewer)


def _kept(q: frozenset[str], r: frozenset[str]) -> bool:
    return len(q & r) >= _QUOTE_KEPT * min(len(q), len(r))


def _jaccard(s: frozenset[str], t: frozenset[str]) -> float:
    both = len(s & t)
    return both / (len(s) + len(t) - both) if both else 0.0


def _tokens(title: str | None, text: str) -> list[str]:
    """What a text is compared by: its body's words (the title's for a text without any)."""
    return words(text) or words(title or "")


def exact_key(title: str | None, text: str) -> str:
    """The exact-copy key: a hash of the normalised words ("" for a text without any)."""
    return _key(_tokens(title, text))


def _key(tokens: Sequence[str]) -> str:
    return article_id(None, " ".join(tokens)) if tokens else ""


def check(settings: DedupSettings) -> DedupSettings:
    """Refuse values MinHash/LSH cannot work with (E021), before any text is read."""
    problems = []
    if not 0.0 < settings.threshold <= 1.0:
        problems.append(f"threshold must be in (0, 1], not {settings.threshold}")
    if settings.num_perm < 16:
        problems.append(f"num_perm must be at least 16, not {settings.num_perm}")
    if settings.shingle < 1:
        problems.append(f"shingle must be at least 1, not {settings.shingle}")
    for name in ("sentence_similarity", "aligned_share", "longer_share", "quoted_share",
                 "names_share", "paraphrase_similarity", "paraphrase_share"):
        value = getattr(settings, name)
        if not 0.0 < value <= 1.0:
            problems.append(f"{name} must be in (0, 1], not {value}")
    for name in ("min_sentence_words", "min_aligned", "quotes_min"):
        if getattr(settings, name) < 1:
            problems.append(f"{name} must be at least 1, not {getattr(settings, name)}")
    if problems:
        raise ConfigError(Errors.E021.format(path="[dedup]", reason="; ".join(problems)))
    return settings


@lru_cache(maxsize=16)
def bands_of(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) that datasketch's LSH picks for this threshold, weighing a missed
    copy above a false candidate (``_LSH_WEIGHTS``); computed once per setting."""
    from datasketch import MinHashLSH  # imported here: it costs 0.3 s, and only writers need it

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=_LSH_WEIGHTS)
    return int(lsh.b), int(lsh.r)


def signature(tokens: Sequence[str], settings: DedupSettings) -> np.ndarray:
    """MinHash of the text's ``shingle``-word shingles (a short text is one shingle)."""
    from datasketch import MinHash

    k = settings.shingle
    shingles = {" ".join(tokens[i:i + k]) for i in range(max(1, len(tokens) - k + 1))}
    m = MinHash(num_perm=settings.num_perm, seed=_SEED)
    m.update_batch([s.encode() for s in shingles])
    values: np.ndarray = np.asarray(m.hashvalues, dtype=np.uint32)
    return values


def band_keys(sig: np.ndarray, settings: DedupSettings) -> tuple[int, ...]:
    """One 63-bit key per LSH band: texts sharing a key are compared (signed, for SQLite)."""
    b, r = bands_of(settings.threshold, settings.num_perm)
    keys = []
    for band in range(b):
        chunk = sig[band * r:(band + 1) * r].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(4, "big")).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return tuple(keys)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash values."""
    return float(np.count_nonzero(a == b)) / len(a)


@lru_cache(maxsize=256)
def fingerprint(title: str | None, text: str, settings: DedupSettings) -> Fingerprint:
    """What ``find`` and an ``Index`` need of one text. Cached: ingest checks a cleaned article
    before its analysis and again when storing its record (the same title and text)."""
    tokens = _tokens(title, text)
    key = _key(tokens)
    if not settings.near or not tokens:  # no words, nothing to compare: never a copy
        return Fingerprint(key, None, ())
    sig = signature(tokens, settings)
    if not settings.sentences:
        return Fingerprint(key, sig, band_keys(sig, settings))
    found = passages_of(text, settings.min_sentence_words)
    keyed = (*(s.words for s in found.sentences), *found.quotes)
    keys = tuple(dict.fromkeys(sentence_key(s) for s in keyed))
    return Fingerprint(key, sig, band_keys(sig, settings), found, keys)


def find(index: Index, fp: Fingerprint, settings: DedupSettings) -> Match | None:
    """The indexed article ``fp`` is a copy of: an exact one first, else the most similar
    candidate by shingles at or above the threshold, else the best aligned one by sentences
    (ties: the first indexed, as the index lists them)."""
    if not fp.exact:
        return None
    canonical = index.exact(fp.exact)
    if canonical is not None:
        return Match(canonical, "exact", 1.0)
    if fp.signature is None:
        return None
    return (_by_shingles(index, fp.signature, fp.bands, settings)
            or _by_sentences(index, fp, settings))


def _by_shingles(index: Index, sig: np.ndarray, bands: Sequence[int],
                 settings: DedupSettings) -> Match | None:
    best: Match | None = None
    for candidate in dict.fromkeys(index.candidates(bands)):
        other = index.signature(candidate)
        if other is None or len(other) != len(sig):
            continue
        score = similarity(sig, other)
        if score >= settings.threshold and (best is None or score > best.similarity):
            best = Match(candidate, "near", score, "shingles")
    return best


def _by_sentences(index: Index, fp: Fingerprint, settings: DedupSettings) -> Match | None:
    if not fp.sentence_keys:
        return None
    stored = [(candidate, other) for candidate in
              index.sentence_candidates(fp.sentence_keys, _SENTENCE_CANDIDATES)
              if (other := index.passages(candidate)) is not None and other.sentences]
    found = _best(stored, lambda other: _copied_share(fp.passages, other, settings), "sentences")
    if found is None and settings.paraphrase:
        found = _best(stored, lambda other: _paraphrased_share(fp.passages, other, settings),
                      "paraphrase")
    return found


def _best(stored: Sequence[tuple[str, Passages]], score_of: Callable[[Passages], float | None],
          signal: Signal) -> Match | None:
    """The stored text with the highest score (None: none is a copy by this signal)."""
    best: Match | None = None
    for candidate, other in stored:
        score = score_of(other)
        if score is not None and (best is None or score > best.similarity):
            best = Match(candidate, "near", score, signal)
    return best


def _paraphrased_share(a: Passages, b: Passages, settings: DedupSettings) -> float | None:
    """The shorter text's share of sentences in order with a paraphrase in the other when the
    two are one report rewritten (``paraphrase_alignment``: ``paraphrase_share`` of the shorter
    text's, ``longer_share`` of the longer text's); None when they are not. Texts whose
    sentence counts differ too much for that are not compared (most candidates: cheap)."""
    counts = sorted((len(a.sentences), len(b.sentences)))
    if counts[0] < settings.longer_share * counts[1]:
        return None
    score, longer = paraphrase_alignment(a.sentences, b.sentences,
                                         similarity=settings.paraphrase_similarity,
                                         min_aligned=settings.min_aligned,
                                         names_share=settings.names_share)
    if score >= settings.paraphrase_share and longer >= settings.longer_share:
        return score
    return None


def _copied_share(a: Passages, b: Passages, settings: DedupSettings) -> float | None:
    """The shorter text's aligned share when the two are one report (None: they are not):
    ``aligned_share`` of its sentences have a counterpart, or ``quoted_share`` when their
    quotations agree (``quotes_agree``); and ``longer_share`` of the longer text's."""
    score, longer = alignment(a.sentences, b.sentences,
                              similarity=settings.sentence_similarity,
                              min_aligned=settings.min_aligned, names_share=settings.names_share)
    if longer < settings.longer_share or score < min(settings.aligned_share,
                                                     settings.quoted_share):
        return None
    if score >= settings.aligned_share or quotes_agree(a.quotes, b.quotes,
                                                       at_least=settings.quotes_min):
        return score
    return None


class MemoryIndex:
    """An ``Index`` in dictionaries: for one run, tests and evaluation."""

    def __init__(self) -> None:
        self._exact: dict[str, str] = {}
        self._bands: dict[int, list[str]] = {}
        self._signatures: dict[str, np.ndarray] = {}
        self._sentence_keys: dict[int, list[str]] = {}
        self._passages: dict[str, Passages] = {}

    def exact(self, key: str) -> str | None:
        return self._exact.get(key)

    def candidates(self, bands: Sequence[int]) -> Iterable[str]:
        for key in bands:
            yield from self._bands.get(key, ())

    def signature(self, article_id: str) -> np.ndarray | None:
        return self._signatures.get(article_id)

    def sentence_candidates(self, keys: Sequence[int], limit: int) -> list[str]:
        shared = Counter(a for key in keys for a in self._sentence_keys.get(key, ()))
        return [a for a, _ in shared.most_common(limit)]

    def passages(self, article_id: str) -> Passages | None:
        return self._passages.get(article_id)

    def insert(self, article_id: str, fingerprint: Fingerprint) -> None:
        if fingerprint.exact:
            self._exact.setdefault(fingerprint.exact, article_id)
        if fingerprint.signature is not None:
            self._signatures[article_id] = fingerprint.signature
        for key in fingerprint.bands:
            self._bands.setdefault(key, []).append(article_id)
        if fingerprint.sentence_keys:
            self._passages[article_id] = fingerprint.passages
        for key in fingerprint.sentence_keys:
            self._sentence_keys.setdefault(key, []).append(article_id)


class Deduper:
    """Feed articles in order; each is new (its own canonical id) or a copy of an earlier one.

    ``add`` follows a copy to its canonical article, so copies of copies all point at the first
    text (the canonical article is never a copy itself).
    """

    def __init__(self, settings: Settings | None = None, *, index: Index | None = None) -> None:
        self.settings = check((settings or Settings()).dedup)
        self.index: Index = index if index is not None else MemoryIndex()

    def match(self, title: str | None, text: str) -> tuple[Match | None, Fingerprint]:
        """The article this text copies (None: a new text), and the text's fingerprint."""
        fp = fingerprint(title, text, self.settings)
        if not self.settings.enabled:
            return None, fp
        return find(self.index, fp, self.settings), fp

    def add(self, article_id: str, title: str, text: str) -> str:
        """The canonical article id of this text: its own when new (then it is indexed)."""
        found, fp = self.match(title, text)
        if found is not None:
            return found.canonical
        self.index.insert(article_id, fp)
        return article_id
