"""The Doc as the quote rules read it: quote regions, paragraphs, sentences, noun phrases.

Shared by ``warta.extract.quotes`` (frames) and ``warta.extract.quote_speakers`` (resolution).
Sentences here are found by punctuation and paragraphs with quotes never split, so a quote running
over several sentences stays inside one attribution window whatever the sentence splitter did.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy
from spacy.attrs import IDX, IS_SPACE
from spacy.tokens import Doc, Span, Token

from warta.extract.quote_marks import QuoteRegion, paragraphs, quote_regions
from warta.nlp.extensions import doc_text, token_lowers, token_texts
from warta.nlp.lang.id import reporting_verbs as rv
from warta.nlp.lang.id.dates import MONTHS
from warta.nlp.lang.id.morphology import VERB_PREFIXES_NASAL
from warta.types import QuoteKind

MARK_CHARS = "\"“”‘’«»„‹›＂'"
SENT_END = frozenset({".", "!", "?", "…"})
NP_BREAK = frozenset({",", ";", ":", "(", ")", "[", "]", "—", "–", "-", "/", "|"})
MAX_WINDOW = 40
MAX_NP = 16  # Indonesian role titles are long: "Wadir Penindakan Kortas Tipikor Polri Kombes …"
TYPE_RANK = {"PERSON": 0, "PER": 0, "ORG": 1, "NORP": 2, "GPE": 2, "LOC": 3}


@dataclass
class Candidate:
    """A quote before its speaker is resolved (resolution needs document order)."""

    content: Span
    kind: QuoteKind
    speaker_span: Span | None = None
    cue: Span | None = None
    addressee: str | None = None
    date: str | None = None
    pronoun: bool = False  # speaker given as ia/dia/-nya: resolve through salience
    inherit: bool = False  # no frame: continues the previous speaker
    linked: int | None = None  # index of the candidate whose speaker this one shares
    paragraph: int = 0


@dataclass
class View:
    """Precomputed token facts shared by the extractors of one Doc."""

    doc: Doc
    regions: list[QuoteRegion]
    starts: list[int]  # token start offsets, for char → token lookups
    para_of: list[int]  # paragraph index per token
    region_of: list[int]  # outermost region index per token, -1 outside quotes
    mark: list[bool]  # token is (part of) a quote mark
    ents: list[Span] = field(default_factory=list)  # entities and mentions, in order
    dates: list[Any] = field(default_factory=list)
    space: list[bool] = field(default_factory=list)  # token is whitespace
    sent_end: list[bool] = field(default_factory=list)  # sentence-final mark outside quotes
    # the words (token_texts, token_lowers): the extractors test them at nearly every token,
    # and ``doc[i].lower_`` makes a Token object per test
    texts: list[str] = field(default_factory=list)
    lowers: list[str] = field(default_factory=list)
    ent_starts: list[int] = field(default_factory=list)  # start of each of ``ents``, for bisection
    # facts about one mention that every quote near it asks (quote_speakers._mention_facts)
    facts: dict[tuple[int, int], Any] = field(default_factory=dict)
    # ``sentence_bounds`` of each token asked (the speaker rules ask the same sentences of
    # every quote and mention in them; the columns it reads never change once made)
    bounds: dict[int, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if len(self.ent_starts) != len(self.ents):
            self.ent_starts = [e.start for e in self.ents]

    def tok(self, char: int) -> int:
        """Index of the token containing (or starting after) character ``char``."""
        return max(0, bisect_right(self.starts, char) - 1)


def make_view(doc: Doc) -> View:
    text = doc_text(doc)
    regions = quote_regions(text)
    para_starts = [p[0] for p in paragraphs(text)] or [0]
    # Whole columns at once: offsets and the space flag from the Doc's arrays, the paragraph
    # of every token from one ``searchsorted`` (``bisect_right`` per token), the texts from the
    # memo; a loop appending to five lists per token cost more than the rest of the view.
    columns = doc.to_array([IDX, IS_SPACE]) if len(doc) else numpy.zeros((0, 2), dtype="uint64")
    idx = columns[:, 0].astype("int64")
    starts: list[int] = idx.tolist()
    para_of: list[int] = numpy.maximum(
        numpy.searchsorted(numpy.asarray(para_starts, dtype="int64"), idx, side="right") - 1,
        0).tolist()
    texts = token_texts(doc)
    mark = [not t.strip(MARK_CHARS) for t in texts]
    space = [bool(s) for s in columns[:, 1].tolist()]
    region_of = [-1] * len(doc)
    for n, r in enumerate(regions):
        for i in range(bisect_left(starts, r.open), bisect_left(starts, r.close)):
            region_of[i] = n
    sent_end = [t in SENT_END and r < 0 for t, r in zip(texts, region_of, strict=True)]
    ents = entities(doc)
    return View(doc, regions, starts, para_of, region_of, mark, ents,
                list(doc._.dates or []), space, sent_end, texts, token_lowers(doc),
                [e.start for e in ents])


def ents_between(v: View, lo: int, hi: int) -> list[Span]:
    """The entities and mentions starting in tokens ``lo``..``hi`` - 1, in ``v.ents``' order.

    ``v.ents`` is sorted by start, so two bisections find them: the speaker rules ask this for
    every quote and mention, and a scan of the article's entities each time is quadratic."""
    return v.ents[bisect_left(v.ent_starts, lo):bisect_left(v.ent_starts, hi)]


# ---------------------------------------------------------------- token tests


def is_sent_end(v: View, i: int) -> bool:
    return v.sent_end[i]


def verb_like(t: Token) -> bool:
    """A lower-case prefixed word (me-/ber-/di-/ter-) reads as a verb; POS wins when tagged."""
    if t.pos_ in ("VERB", "AUX"):
        return True
    if t.pos_ in ("PROPN", "NOUN", "PRON", "ADJ", "NUM", "DET", "ADP"):
        return False
    low = t.text
    return (low.islower() and len(low) > 5 and low.startswith(VERB_PREFIXES_NASAL)
            and low not in rv.PREFIXED_NON_VERBS)


@lru_cache(maxsize=65536)  # one answer per distinct word: asked at nearly every token
def stem_cue(text: str) -> tuple[bool, bool]:
    """(is a cue-after word, carries the -nya speaker) for a token's lower-case text."""
    low = text.lower()
    if low in rv.QUOTE_CUES:
        return True, low.endswith(rv.NYA_SUFFIX) and low[:-3] in rv.QUOTE_CUES
    if low.endswith(rv.NYA_SUFFIX) and low[:-3] in rv.QUOTE_CUES:
        return True, True
    return False, False


# ---------------------------------------------------------------- windows


def pre_window(v: View, open_tok: int) -> tuple[int, int | None]:
    """Start of the text before a quote in its sentence, and the region that bounds it if any."""
    i = open_tok - 1
    para = v.para_of[open_tok]
    lo = max(0, open_tok - MAX_WINDOW)
    while i >= lo:
        if v.para_of[i] != para or v.sent_end[i] or v.space[i]:
            return i + 1, None
        if v.region_of[i] >= 0:
            return i + 1, v.region_of[i]
        i -= 1
    return lo, None


def post_window(v: View, after_tok: int) -> int:
    """End (exclusive) of the text after a quote up to its sentence end."""
    if after_tok >= len(v.doc):
        return after_tok
    para = v.para_of[min(after_tok, len(v.doc) - 1)]
    hi = min(len(v.doc), after_tok + MAX_WINDOW)
    i = after_tok
    while i < hi:
        if v.para_of[i] != para or v.region_of[i] >= 0 or v.space[i]:
            return i
        if is_sent_end(v, i):
            return i + 1
        i += 1
    return hi


def sentence_bounds(v: View, i: int) -> tuple[int, int]:
    """The sentence around token ``i`` by punctuation and paragraphs (quotes never split it),
    worked out once per sentence (``View.bounds``): every token of ``lo``..``hi`` has the same
    bounds (no sentence end, space or paragraph break inside lets either walk stop sooner), so
    one walk answers them all. A space token is its own case (``hi`` stops before it)."""
    found = v.bounds.get(i)
    if found is None:
        found = _sentence_bounds(v, i)
        lo, hi = found
        for k in range(lo, hi) if lo <= i < hi else (i,):
            v.bounds[k] = found
    return found


def _sentence_bounds(v: View, i: int) -> tuple[int, int]:
    para = v.para_of[i]
    lo = i
    while lo > 0 and v.para_of[lo - 1] == para and not v.sent_end[lo - 1] \
            and not v.space[lo - 1]:
        lo -= 1
    hi = i
    n = len(v.space)
    while hi < n and v.para_of[hi] == para and not v.space[hi]:
        if v.sent_end[hi]:
            hi += 1
            break
        hi += 1
    return lo, hi


# ---------------------------------------------------------------- noun phrases


def np_after(v: View, i: int, hi: int) -> tuple[Span | None, int]:
    """The speaker noun phrase starting at ``i`` (after a cue); returns it and where it stops."""
    doc, j = v.doc, i
    while j < hi and j - i < MAX_NP:
        t = doc[j]
        if j > i and _inside_title(v, j, hi):
            j += 3 if t.text == "(" else 2
            continue
        if (t.text in NP_BREAK or t.text in SENT_END or v.mark[j] or t.is_space
                or (j > i and (t.lower_ in rv.SPEAKER_STOPS or verb_like(t)))
                or (j > i and t.like_num and not _numbered_unit(v, j, hi)
                    and v.lowers[j - 1] not in rv.ONE_OF)):
            break
        j += 1
    return (doc[i:j] if j > i else None), j


def _numbered_unit(v: View, j: int, hi: int) -> bool:
    """A number between capitalised words names a unit within a body and is part of the title:
    'Manajer Humas Daop 2 KAI', 'Ketua Komisi 1 DPR' (not 'kata Budi 2 hari lalu')."""
    return (j + 1 < hi and v.texts[j - 1][:1].isupper() and v.texts[j + 1][:1].isupper()
            and not v.mark[j + 1] and v.texts[j].isdigit() and v.lowers[j + 1] not in MONTHS)


def _inside_title(v: View, j: int, hi: int) -> bool:
    """A role title runs on past an abbreviation in brackets and a spaced hyphen between
    capitalised words: 'Kepala Badan Pendapatan Daerah (Bappenda) NTB Fathurrahman', 'Kepala
    Sub - Direktorat II'. Returns True at the bracket or hyphen that continues the phrase."""
    doc = v.doc
    prev_cap = v.texts[j - 1][:1].isupper()
    if v.texts[j] == "(" and j + 3 < hi and v.texts[j + 2] == ")":
        inner, nxt = doc[j + 1], doc[j + 3]
        return (prev_cap and inner.text[:1].isupper() and not inner.like_num
                and nxt.text[:1].isupper() and not v.mark[j + 3])
    if v.texts[j] in {"-", "–"} and j + 1 < hi and doc[j].whitespace_ \
            and doc[j - 1].whitespace_:
        return prev_cap and v.texts[j + 1][:1].isupper() and not v.mark[j + 1]
    return False


def np_before(v: View, end: int, lo: int) -> Span | None:
    """The noun phrase ending just before ``end`` (a subject before its verb)."""
    doc, j = v.doc, end - 1
    while j >= lo and v.lowers[j] in rv.SUBJECT_ADVERBS and j > lo:
        j -= 1
    stop = j
    if j > lo and v.texts[j] == ")":  # "Badan Pusat Statistik (BPS) mencatat …"
        opening = next((k for k in range(j - 1, max(lo, j - 8) - 1, -1) if v.texts[k] == "("),
                       None)
        if opening is not None and opening > lo:
            j = opening - 1
    while j >= lo and stop - j < MAX_NP:
        t = doc[j]
        if (t.text in NP_BREAK or t.text in SENT_END or v.mark[j] or t.is_space
                or (t.lower_ in rv.CLAUSE_BOUNDARIES and not _coordinates(doc, j, lo))
                or (j < stop and verb_like(t))
                or t.lower_ in rv.MENURUT):
            break
        j -= 1
    if j == stop:
        return None
    if stop > j + 1 and j >= lo and v.lowers[j + 1] in rv.DEMONSTRATIVES \
            and v.lowers[j] in rv.CLAUSE_BOUNDARIES:
        j += 1  # "Karena itu KAKI mendesak", "Setelah itu Rina menilai": the connective's
    if v.lowers[stop] in rv.PRONOUNS and stop > j + 1 and not _possessive(doc, stop):
        return doc[stop:stop + 1]  # "di mana dia menanyakan": the pronoun is the subject
    # the head comes first: "ahli konstruksi dari Kalifornia" names an expert, not a state;
    # but "studi dari Stanford Medicine" is that organisation's study
    cut = next((k for k in range(j + 2, stop + 1) if v.lowers[k] in rv.NP_PREPOSITIONS),
               stop + 1)
    if any(e.label_ in ("ORG", "PERSON", "PER") and cut <= e.start and e.end <= stop + 1
           and not any(x.start < cut and x.end > j for x in v.ents) for e in v.ents):
        cut = stop + 1
    return doc[j + 1:cut]


def _possessive(doc: Doc, i: int) -> bool:
    """'Prabowo dalam pidato|nya menekankan': a "-nya" the tokenizer split off a noun is its
    possessor, not the subject of the verb after it."""
    return doc[i].lower_ in ("nya", "-nya") and i > 0 and not doc[i - 1].whitespace_


def _coordinates(doc: Doc, j: int, lo: int) -> bool:
    """'Tiongkok dan Rusia': a conjunction between two names joins one subject."""
    return (doc[j].lower_ in rv.COORDINATORS and lo < j < len(doc) - 1
            and doc[j - 1].is_title and doc[j + 1].is_title)


def _day_adjunct_start(v: View, comma: int, lo: int) -> int:
    """The comma before a statement's weekday set between commas ("X di Magelang, Sabtu,
    mengatakan", "X, Senin (12/5), mengungkapkan"): the subject stands before the day; any
    other comma is returned as it is."""
    k = comma - 1
    if k > lo and v.texts[k] == ")":  # the date in brackets after the day
        k = next((m for m in range(k - 1, max(lo, k - 10) - 1, -1) if v.texts[m] == "("),
                 lo) - 1
    if k - 1 > lo and v.lowers[k] in rv.WEEKDAYS and v.texts[k - 1] == ",":
        return k - 1
    return comma


def _past_adjunct(v: View, np: Span | None, lo: int) -> Span | None:
    """A phrase opened by a preposition is an adjunct, never the subject: the subject is the
    noun before the relative clause the adjunct closes ("Aktris yang tinggal di Amerika itu
    mengaku": the actress) or the phrase before the comma that opens it ("Rina, dalam jumpa
    pers, mengatakan"). When neither is found the phrase stands (no worse than before)."""
    for _ in range(3):  # "X, dalam jumpa pers yang digelar di Y, mengatakan": two adjuncts
        if np is None or v.lowers[np.start] not in rv.ADJUNCT_OPENERS or np.start <= lo:
            return np
        k = np.start - 1
        while k > lo and np.start - k < 6 and v.lowers[k] != "yang" \
                and v.texts[k] not in NP_BREAK and not v.sent_end[k]:
            k -= 1
        if v.lowers[k] != "yang" and v.texts[k] != ",":
            return np
        before = np_before(v, k, lo)
        if before is None:
            return np
        np = before
    return np


def subject_of(v: View, verb: int, lo: int) -> Span | None:
    """The speaker of a verb: its subject, or the main clause's subject for '…, dengan V'."""
    np = _subject_of(v, verb, lo)
    return _past_adjunct(v, np, lo) if np is not None else None


def _subject_of(v: View, verb: int, lo: int) -> Span | None:
    doc = v.doc
    prev = verb - 1
    if prev > lo and v.texts[prev] == ",":
        prev = _day_adjunct_start(v, prev, lo)
    aside = _relative_aside(v, prev, lo)
    if aside is not None:  # "Andra Soni, yang memimpin rapat, menyebutkan …"
        return _subject_of(v, aside, lo)
    if prev >= lo and v.lowers[prev] == "yang":  # relative clause: "X yang mengatakan …"
        end = prev - 1 if prev > lo and v.texts[prev - 1] == "," else prev  # "X, yang …"
        np = np_before(v, end, lo)  # … but "meme yang menggambarkan …" is no speaker
        named = np is not None and any(t.is_title or t.is_upper or t.lower_ in rv.PRONOUNS
                                       for t in np)
        return np if named else None
    if prev > lo and v.texts[prev] == ",":
        # apposition: "Kepala Dinas X, Anita Kusuma, menegaskan"
        np = _past_adjunct(v, np_before(v, prev, lo), lo)
        if np is not None and not any(t.is_title for t in np) and np.start > lo \
                and v.texts[np.start - 1] == ",":
            return _leading_name(v, lo, np)  # "Herfi, guru di sekolah itu, mengatakan"
        if np is None or not any(t.is_title for t in np):
            return None
        if np.start > lo and v.texts[np.start - 1] == ",":
            return _leading_name(v, lo, np) or np
        return np
    if prev >= lo and v.lowers[prev] in rv.PARTICIPLE_LINKS:
        k = prev - 1
        while k >= lo and v.texts[k] == ",":
            k -= 1
        start = k
        while start > lo and v.texts[start - 1] not in NP_BREAK:
            start -= 1
        for m in range(start, k + 1):
            if verb_like(doc[m]) and m > start:
                return np_before(v, m, start)
        return None
    np = np_before(v, verb, lo)
    if np is not None and np.start > lo and v.texts[np.start - 1] == ",":
        return _leading_name(v, lo, np) or np
    return np


def _relative_aside(v: View, comma: int, lo: int) -> int | None:
    """The comma opening a relative clause set off by commas between a subject and its verb
    ("Andra Soni, yang memimpin rapat, menyebutkan …": a non-restrictive relative clause
    describes the subject, which stands before it), given the comma closing it."""
    if comma <= lo or v.texts[comma] != ",":
        return None
    for k in range(comma - 1, lo, -1):
        if v.texts[k] == ",":
            return k if v.lowers[k + 1] == "yang" and k + 2 < comma else None
    return None


def _leading_name(v: View, lo: int, np: Span) -> Span | None:
    """'Subur Saroso, Kepala Seksi …, Kanwil DJP … menjelaskan': the name opening the clause,
    when the phrase before the verb is only its appositive role (no person in it, or the one
    the role speaks for: 'Budi, kuasa hukum Joko, mengatakan' is Budi)."""
    spoken_for = (np[0].lower_ in rv.RELATIONAL_ROLES
                  or np[:2].text.lower() in rv.RELATIONAL_ROLES)  # "Y, kuasa hukum X, …"
    if not spoken_for and any(TYPE_RANK.get(e.label_, 9) == 0 and np.start <= e.start < np.end
                              for e in v.ents):
        return None
    commas = [k for k in range(lo, np.start) if v.texts[k] == ","]
    for e in v.ents:
        if commas and e.start == lo and e.end == commas[0] and TYPE_RANK.get(e.label_, 9) == 0:
            return e
    if any(t.is_title for t in np):
        return None  # "… Candi Borobudur, Chisnamurti di Magelang, …": a name of its own
    for e in v.ents:  # "Seminggu lalu Mahmoud, anggota parlemen, …", "Namun, Rina, guru …, …"
        if e.end in commas and lo < e.start and TYPE_RANK.get(e.label_, 9) == 0 \
                and _opens_its_clause(v, lo, e.start):
            return e
    return None


def _opens_its_clause(v: View, lo: int, start: int) -> bool:
    """Whether nothing but a time or a connective stands before ``start`` in its clause (the
    words since the sentence start or the last comma hold no verb): "Seminggu yang lalu X",
    "Namun, X", not "Menurut X" or "Saat bertemu X"."""
    opening = max((k + 1 for k in range(lo, start) if v.texts[k] == ","), default=lo)
    return not any(_prefixed_verb(v.lowers[k]) or v.lowers[k] in rv.MENURUT
                   or v.lowers[k] in rv.CITING
                   or v.lowers[k] in rv.ADDRESSEE_PREPS or v.lowers[k] in rv.NP_PREPOSITIONS
                   or v.lowers[k] in rv.VENUE_PREPS for k in range(opening, start))


def _prefixed_verb(text: str) -> bool:
    """A word (lower-cased) with a verb's prefix (me-/ber-/di-/ter-), by its form alone: the
    tagger reads "lalu" of "yang lalu" as a verb; "Melansir X, …" opens with one."""
    return (len(text) > 5 and text.startswith(VERB_PREFIXES_NASAL)
            and text not in rv.PREFIXED_NON_VERBS)


def entities(doc: Doc) -> list[Span]:
    spans = list(doc.ents) + [s for s in doc._.mentions or [] if isinstance(s, Span)]
    return sorted(spans, key=lambda s: (s.start, -len(s)))
