"""Who said what: direct, partial and indirect quotes, each attributed to its speaker.

Pure extractor functions over a ``Doc`` (``extract_quotes``, ``direct_quotes``,
``indirect_quotes``) plus a thin spaCy stage, ``warta_quotes_v1``, that stores their result in
``doc._.quotes``. The rules follow Indonesian news conventions:

- a quoted stretch is a quote when a reporting frame attributes it: a cue after it
  ("…," *kata* Putin / *ujarnya*), a speech verb or colon before it (Putin *mengatakan*, "…"),
  "*menurut* X", a passive attribution in the next sentence ("*Hal itu disampaikan* X");
- a quoted fragment inside a sentence counts (as ``partial``) only under a speech or framing verb;
  without one it is a scare quote or a title and is dropped;
- a statement-like quote with no frame continues the previous speaker (journalists attribute the
  first part of a quote and let the next paragraphs run on);
- reported clauses without marks ("X mengatakan bahwa …", "X menilai …", "menurut X, …") are
  ``indirect`` quotes whose content is the reported clause.

Speakers are resolved through the actors stage (``warta.resolve.actors.resolve_speaker``) when it
exists, else through the actor ids on overlapping entity spans; pronouns fall back to the most
recent speaker. The speaker stays ``None`` when no actor can be found.
"""

from __future__ import annotations

import importlib
import importlib.util
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from warta.extract.quote_marks import QuoteRegion, paragraphs, quote_regions
from warta.nlp.extensions import language_supported, mark_stage
from warta.nlp.lang.id import reporting_verbs as rv
from warta.types import Quote, QuoteKind

STAGE_NAME = "quotes"
STAGE_VERSION = "1"
FACTORY = "warta_quotes_v1"

_MARK_CHARS = "\"“”‘’«»„‹›＂'"
_SENT_END = frozenset({".", "!", "?", "…"})
_NP_BREAK = frozenset({",", ";", ":", "(", ")", "[", "]", "—", "–", "-", "/", "|"})
_MAX_WINDOW = 40
_MAX_NP = 16  # Indonesian role titles are long: "Wadir Penindakan Kortas Tipikor Polri Kombes …"
_BAHWA_REACH = 8
_TYPE_RANK = {"PERSON": 0, "PER": 0, "ORG": 1, "NORP": 2, "GPE": 2, "LOC": 3}
_VERB_PREFIXES = ("me", "ber", "di", "ter", "mem", "men", "meng", "meny")


@dataclass
class _Candidate:
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
class _View:
    """Precomputed token facts shared by the extractors of one Doc."""

    doc: Doc
    regions: list[QuoteRegion]
    starts: list[int]  # token start offsets, for char → token lookups
    para_of: list[int]  # paragraph index per token
    region_of: list[int]  # outermost region index per token, -1 outside quotes
    mark: list[bool]  # token is (part of) a quote mark
    ents: list[Span] = field(default_factory=list)  # entities and mentions, in order
    dates: list = field(default_factory=list)

    def tok(self, char: int) -> int:
        """Index of the token containing (or starting after) character ``char``."""
        return max(0, bisect_right(self.starts, char) - 1)


def _view(doc: Doc) -> _View:
    regions = quote_regions(doc.text)
    para_starts = [p[0] for p in paragraphs(doc.text)] or [0]
    starts: list[int] = []
    para_of: list[int] = []
    mark: list[bool] = []
    for t in doc:  # one pass: iterating a Doc creates Token objects
        starts.append(t.idx)
        para_of.append(max(0, bisect_right(para_starts, t.idx) - 1))
        mark.append(not t.text.strip(_MARK_CHARS))
    region_of = [-1] * len(doc)
    for n, r in enumerate(regions):
        for i in range(bisect_left(starts, r.open), bisect_left(starts, r.close)):
            region_of[i] = n
    return _View(doc, regions, starts, para_of, region_of, mark, _entities(doc),
                 list(doc._.dates or []))


# ---------------------------------------------------------------- token tests


def _is_sent_end(v: _View, i: int) -> bool:
    return v.doc[i].text in _SENT_END and v.region_of[i] < 0


def _verb_like(t: Token) -> bool:
    """A lower-case prefixed word (me-/ber-/di-/ter-) reads as a verb; POS wins when tagged."""
    if t.pos_ in ("VERB", "AUX"):
        return True
    if t.pos_ in ("PROPN", "NOUN", "PRON", "ADJ", "NUM", "DET", "ADP"):
        return False
    low = t.text
    return (low.islower() and len(low) > 5 and low.startswith(_VERB_PREFIXES)
            and low not in rv.PREFIXED_NON_VERBS)


def _stem_cue(text: str) -> tuple[bool, bool]:
    """(is a cue-after word, carries the -nya speaker) for a token's lower-case text."""
    low = text.lower()
    if low in rv.CUE_AFTER:
        return True, low.endswith(rv.NYA_SUFFIX) and low[:-3] in rv.CUE_AFTER
    if low.endswith(rv.NYA_SUFFIX) and low[:-3] in rv.CUE_AFTER:
        return True, True
    return False, False


# ---------------------------------------------------------------- windows


def _pre_window(v: _View, open_tok: int) -> tuple[int, int | None]:
    """Start of the text before a quote in its sentence, and the region that bounds it if any."""
    i = open_tok - 1
    para = v.para_of[open_tok]
    lo = max(0, open_tok - _MAX_WINDOW)
    while i >= lo:
        if v.para_of[i] != para or _is_sent_end(v, i) or v.doc[i].is_space:
            return i + 1, None
        if v.region_of[i] >= 0:
            return i + 1, v.region_of[i]
        i -= 1
    return lo, None


def _post_window(v: _View, after_tok: int) -> int:
    """End (exclusive) of the text after a quote up to its sentence end."""
    if after_tok >= len(v.doc):
        return after_tok
    para = v.para_of[min(after_tok, len(v.doc) - 1)]
    hi = min(len(v.doc), after_tok + _MAX_WINDOW)
    i = after_tok
    while i < hi:
        if v.para_of[i] != para or v.region_of[i] >= 0 or v.doc[i].is_space:
            return i
        if _is_sent_end(v, i):
            return i + 1
        i += 1
    return hi


def _sentence_bounds(v: _View, i: int) -> tuple[int, int]:
    """The sentence around token ``i`` by punctuation and paragraphs (quotes never split it)."""
    para = v.para_of[i]
    lo = i
    while lo > 0 and v.para_of[lo - 1] == para and not _is_sent_end(v, lo - 1) \
            and not v.doc[lo - 1].is_space:
        lo -= 1
    hi = i
    while hi < len(v.doc) and v.para_of[hi] == para and not v.doc[hi].is_space:
        if _is_sent_end(v, hi):
            hi += 1
            break
        hi += 1
    return lo, hi


# ---------------------------------------------------------------- noun phrases


def _np_after(v: _View, i: int, hi: int) -> tuple[Span | None, int]:
    """The speaker noun phrase starting at ``i`` (after a cue); returns it and where it stops."""
    doc, j = v.doc, i
    while j < hi and j - i < _MAX_NP:
        t = doc[j]
        if (t.text in _NP_BREAK or t.text in _SENT_END or v.mark[j] or t.is_space
                or (j > i and (t.lower_ in rv.SPEAKER_STOPS or _verb_like(t)))
                or (j > i and t.like_num)):
            break
        j += 1
    return (doc[i:j] if j > i else None), j


def _np_before(v: _View, end: int, lo: int) -> Span | None:
    """The noun phrase ending just before ``end`` (a subject before its verb)."""
    doc, j = v.doc, end - 1
    while j >= lo and doc[j].lower_ in rv.SUBJECT_ADVERBS and j > lo:
        j -= 1
    stop = j
    if j > lo and doc[j].text == ")":  # "Badan Pusat Statistik (BPS) mencatat …"
        opening = next((k for k in range(j - 1, max(lo, j - 8) - 1, -1) if doc[k].text == "("),
                       None)
        if opening is not None and opening > lo:
            j = opening - 1
    while j >= lo and stop - j < _MAX_NP:
        t = doc[j]
        if (t.text in _NP_BREAK or t.text in _SENT_END or v.mark[j] or t.is_space
                or (t.lower_ in rv.CLAUSE_BOUNDARIES and not _coordinates(doc, j, lo))
                or (j < stop and _verb_like(t))
                or t.lower_ in rv.MENURUT):
            break
        j -= 1
    if j == stop:
        return None
    if doc[stop].lower_ in rv.PRONOUNS and stop > j + 1:
        return doc[stop:stop + 1]  # "di mana dia menanyakan": the pronoun is the subject
    # the head comes first: "ahli konstruksi dari Kalifornia" names an expert, not a state
    cut = next((k for k in range(j + 2, stop + 1) if doc[k].lower_ in rv.NP_PREPOSITIONS),
               stop + 1)
    return doc[j + 1:cut]


def _coordinates(doc: Doc, j: int, lo: int) -> bool:
    """'Tiongkok dan Rusia': a conjunction between two names joins one subject."""
    return (doc[j].lower_ in rv.COORDINATORS and lo < j < len(doc) - 1
            and doc[j - 1].is_title and doc[j + 1].is_title)


def _subject(v: _View, verb: int, lo: int) -> Span | None:
    """The speaker of a verb: its subject, or the main clause's subject for '…, dengan V'."""
    doc = v.doc
    prev = verb - 1
    if prev >= lo and doc[prev].lower_ == "yang":  # relative clause: "X yang mengatakan …"
        np = _np_before(v, prev, lo)  # … but "meme yang menggambarkan …" is no speaker
        named = np is not None and any(t.is_title or t.is_upper or t.lower_ in rv.PRONOUNS
                                       for t in np)
        return np if named else None
    if prev > lo and doc[prev].text == ",":
        np = _np_before(v, prev, lo)  # apposition: "Kepala Dinas X, Anita Kusuma, menegaskan"
        return np if np is not None and any(t.is_title for t in np) else None
    if prev >= lo and doc[prev].lower_ in rv.PARTICIPLE_LINKS:
        k = prev - 1
        while k >= lo and doc[k].text == ",":
            k -= 1
        start = k
        while start > lo and doc[start - 1].text not in _NP_BREAK:
            start -= 1
        for m in range(start, k + 1):
            if _verb_like(doc[m]) and m > start:
                return _np_before(v, m, start)
        return None
    return _np_before(v, verb, lo)


# ---------------------------------------------------------------- frame parts


def _attribution_tail(v: _View, stop: int, hi: int) -> tuple[str | None, int]:
    """Addressee ("kepada X") or venue ("dalam X") after a speaker; returns it and its end."""
    doc = v.doc
    if stop >= hi:
        return None, stop
    word = doc[stop].lower_
    if word in rv.ADDRESSEE_PREPS or word in rv.VENUE_PREPS:
        np, end = _np_after(v, stop + 1, hi)
        if np is not None:
            text = np.text if word in rv.ADDRESSEE_PREPS else f"{doc[stop].text} {np.text}"
            return text, end
    return None, stop


def _date_in(v: _View, lo: int, hi: int) -> str | None:
    """The value of the first resolved date mention inside tokens [lo, hi)."""
    for d in v.dates:
        span = getattr(d, "span", None)
        if span is not None and lo <= span.start and span.end <= hi and d.value:
            return str(d.value)
    return None


@dataclass
class _Frame:
    speaker_span: Span | None
    cue: Span | None
    pronoun: bool = False
    addressee: str | None = None
    date: str | None = None


def _anaphoric(np: Span) -> bool:
    """'bos Space X dan Tesla itu', 'pria tersebut': a description that refers back."""
    return (len(np) > 1 and np[0].is_lower and np[-1].lower_ in rv.DEMONSTRATIVES
            and np[0].lower_ not in rv.GENERIC_HEADS)


def _with_apposition(v: _View, np: Span, stop: int, hi: int) -> tuple[Span, int]:
    """'kata Kapolres Tasikmalaya, AKBP Moch Faruk Rozi, Minggu …': role, then the name."""
    doc = v.doc
    if stop + 1 >= hi or doc[stop].text != ",":
        return np, stop
    first = doc[stop + 1]
    if not (first.is_title or first.is_upper) or first.lower_ in rv.SPEAKER_STOPS:
        return np, stop
    name, end = _np_after(v, stop + 1, hi)
    if name is None or not all(t.is_title or t.is_upper or t.is_punct for t in name):
        return np, stop
    return doc[np.start:name.end], end


def _cue_after(v: _View, after: int, hi: int) -> _Frame | None:
    """'…," kata X kepada Y' / '…," ujarnya' / '…," X menambahkan' after a quote."""
    doc, i = v.doc, after
    while i < hi and doc[i].text in {",", "-", "–", "—"}:
        i += 1
    if i >= hi:
        return None
    if doc[i].lower_ in rv.DEMIKIAN:  # '"…," demikian pernyataan resmi NASA.'
        return _demikian(v, i, hi)
    is_cue, nya = _stem_cue(doc[i].text)
    if is_cue:
        cue = doc[i:i + 1]
        if nya:
            tail, _ = _attribution_tail(v, i + 1, hi)
            return _Frame(cue, cue, True, tail, _date_in(v, i, hi))
        if i + 1 < hi and doc[i + 1].lower_ in rv.PRONOUNS:
            tail, _ = _attribution_tail(v, i + 2, hi)
            return _Frame(doc[i + 1:i + 2], cue, True, tail, _date_in(v, i, hi))
        np, stop = _np_after(v, i + 1, hi)
        if np is None:
            return None
        np, stop = _with_apposition(v, np, stop, hi)
        tail, _ = _attribution_tail(v, stop, hi)
        return _Frame(np, cue, False, tail, _date_in(v, i, hi))
    # "…," Putin menambahkan. / "…," ia menegaskan. — the quote must end like a statement
    # (comma or final stop), unlike a nickname inside a name: "Munafri 'Appi' Arifuddin …"
    before = doc[after - 2:after] if after >= 2 else doc[0:0]
    if not (i > after or any(t.text in {",", ".", "!", "?"} for t in before)):
        return None
    for j in range(i + 1, min(hi, i + _MAX_NP)):
        if doc[j].lower_ in rv.VERB_BEFORE:
            np = doc[i:j]
            named = np[0].is_title or np[0].lower_ in rv.PRONOUNS or _anaphoric(np)
            if named and not any(_verb_like(t) for t in np):
                tail, _ = _attribution_tail(v, j + 1, hi)
                pronoun = (len(np) == 1 and np[0].lower_ in rv.PRONOUNS) or _anaphoric(np)
                return _Frame(np, doc[j:j + 1], pronoun, tail, _date_in(v, i, hi))
            break
        if doc[j].text in _NP_BREAK or doc[j].text in _SENT_END:
            break
    return None


def _passive_next(v: _View, after: int) -> _Frame | None:
    """'"…" Hal itu disampaikan X …': an attribution in the sentence after the quote."""
    doc, i = v.doc, after
    while i < len(doc) and (doc[i].is_space or doc[i].text in _SENT_END):
        i += 1
    if i >= len(doc) or doc[i].lower_ not in rv.PASSIVE_SUBJECTS:
        return None
    _, hi = _sentence_bounds(v, i)
    for j in range(i + 1, min(hi, i + 4)):
        if doc[j].lower_ in rv.PASSIVE_CUES:
            k = j + 1 + (j + 1 < hi and doc[j + 1].lower_ == "oleh")
            np, stop = _np_after(v, k, hi)
            if np is None:
                return None
            tail, _ = _attribution_tail(v, stop, hi)
            return _Frame(np, doc[j:j + 1], np[0].lower_ in rv.PRONOUNS, tail,
                          _date_in(v, j, hi))
    return None


def _verb_before(v: _View, lo: int, open_tok: int) -> tuple[int, Span | None] | None:
    """The last speech or framing verb before a quote in its sentence, with its subject."""
    doc = v.doc
    for i in range(open_tok - 1, lo - 1, -1):
        low = doc[i].lower_
        if v.region_of[i] >= 0:
            break
        if low in rv.PASSIVE_NYA:
            return i, doc[i:i + 1]  # "yang disebutnya sebagai '…'": the agent is the -nya
        if low in rv.VERB_BEFORE or low in rv.FRAMING_VERBS or low in rv.INDIRECT_VERBS:
            subject = _subject(v, i, lo)
            if subject is not None:
                return i, subject
    return None


def _menurut(v: _View, lo: int, hi: int) -> tuple[Span, bool, int, int] | None:
    """'menurut X, …' / 'menurutnya, …' in [lo, hi): (speaker, is pronoun, cue index, end)."""
    doc = v.doc
    for i in range(lo, hi):
        if v.region_of[i] >= 0:
            continue
        low = doc[i].lower_
        if low in rv.MENURUT_PRONOUN:
            return doc[i:i + 1], True, i, i + 1
        if low in rv.MENURUT and i + 1 < hi:
            if doc[i + 1].lower_ in rv.PRONOUNS:
                return doc[i + 1:i + 2], True, i, i + 2
            np, stop = _np_after(v, i + 1, hi)
            if np is None:
                return None
            ents = [e for e in v.ents if e.start == i + 1 and e.end <= stop]
            if stop >= hi or doc[stop].text != ",":
                # "Menurut Purbaya inflasi …" (no comma): the name, not the clause
                if ents:
                    np = ents[0]
                else:
                    run = next((k for k, t in enumerate(np) if not t.is_title and k), len(np))
                    np = np[:run]
                stop = np.end
            return np, False, i, stop
    return None


# ---------------------------------------------------------------- direct and partial quotes


def _content(v: _View, region: QuoteRegion) -> Span | None:
    span = v.doc.char_span(region.start, region.end, alignment_mode="contract")
    if span is None or not len(span):
        span = v.doc.char_span(region.start, region.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _words(span: Span) -> int:
    return sum(1 for t in span if not t.is_punct and not t.is_space)


def _region_candidates(v: _View) -> list[_Candidate]:
    """One candidate per attributed quoted stretch; unattributed short stretches are dropped."""
    out: list[_Candidate] = []
    by_region: dict[int, int] = {}
    doc = v.doc
    for n, region in enumerate(v.regions):
        content = _content(v, region)
        if content is None:
            continue
        open_tok = v.tok(region.open)
        after = content.end
        while after < len(doc) and v.region_of[after] == n:
            after += 1
        hi = _post_window(v, after)
        if region.open == region.start or v.region_of[open_tok] != n:
            open_tok = content.start  # no opening mark: the quote began with its paragraph
        lo, prev_region = _pre_window(v, open_tok)
        cand = _frame_region(v, content, lo, open_tok, after, hi, prev_region, by_region, out)
        if cand is not None:
            cand.paragraph = v.para_of[content.start]
            by_region[n] = len(out)
            out.append(cand)
    return out


def _frame_region(v: _View, content: Span, lo: int, open_tok: int, after: int, hi: int,
                  prev_region: int | None, by_region: dict[int, int],
                  done: list[_Candidate]) -> _Candidate | None:
    """Decide whether a quoted stretch is a quote, of which kind, and who frames it."""
    doc = v.doc
    if open_tok > 0 and doc[open_tok - 1].lower_ in rv.TERM_NOUNS:
        return None  # frasa 'orang lain', program "Makan Bergizi": a cited term or a name
    statement = _words(content) >= rv.MIN_FREE_QUOTE_TOKENS
    pre = doc[lo:open_tok]
    pre_words = [t for t in pre if not t.is_punct and not t.is_space]
    after_frame = _cue_after(v, after, hi)
    before_frame: _Frame | None = None
    partial = False
    if pre_words:
        last = pre[-1].text if len(pre) else ""
        first_cue, first_nya = _stem_cue(pre_words[0].text)
        menurut = _menurut(v, lo, open_tok)
        verb = _verb_before(v, lo, open_tok)
        if last == ":" and verb is None:
            before_frame = _Frame(_np_before(v, open_tok - 1, lo), None)
        elif first_cue and pre_words[0].i == lo:
            # '…," kata X, "…"': the cue between two parts of one quote
            if first_nya:
                before_frame = _Frame(doc[lo:lo + 1], doc[lo:lo + 1], True)
            else:
                np, _ = _np_after(v, lo + 1, open_tok)
                before_frame = _Frame(np, doc[lo:lo + 1], bool(np) and np[0].lower_ in rv.PRONOUNS)
        elif verb is not None:
            vi, subj = verb
            before_frame = _Frame(subj, doc[vi:vi + 1],
                                  subj is not None and len(subj) == 1
                                  and (subj[0].lower_ in rv.PRONOUNS
                                       or subj[0].lower_ in rv.PASSIVE_NYA),
                                  _tail_between(v, vi + 1, open_tok),
                                  _date_in(v, lo, open_tok))
            partial = not _introduces(v, vi, open_tok) or not statement
        elif menurut is not None:
            span, pron, cue_i, _ = menurut
            before_frame = _Frame(span, doc[cue_i:cue_i + 1], pron)
            partial = last not in {",", ":"} or not statement
        elif prev_region is not None and prev_region in by_region:
            prev = done[by_region[prev_region]]
            if prev.kind == "partial" and v.para_of[content.start] == prev.paragraph:
                return _Candidate(content, "partial", prev.speaker_span, prev.cue,
                                  pronoun=prev.pronoun, linked=by_region[prev_region])
        if before_frame is None and after_frame is None:
            return None  # a scare quote or a title
        if after_frame is not None and before_frame is None:
            partial = last not in {",", ":"} or not statement
    frame = after_frame or before_frame
    if frame is None:
        frame = _passive_next(v, after)
    if frame is None:
        # a free-standing statement ends its sentence; '"Laskar Pelangi" menjadi film …' is a title
        if not statement or any(not (t.is_punct or t.is_space) for t in doc[after:hi]):
            return None
        return _Candidate(content, "direct", inherit=True)
    kind: QuoteKind = "partial" if partial else "direct"
    return _Candidate(content, kind, frame.speaker_span, frame.cue, frame.addressee,
                      frame.date, frame.pronoun)


def _introduces(v: _View, verb: int, open_tok: int) -> bool:
    """Whether a verb directly introduces the quote: 'X mengatakan, "…"' / 'X mengatakan: "…"'."""
    between = [t for t in v.doc[verb + 1:open_tok] if not t.is_space]
    if not between:
        return True
    if between[-1].text in {",", ":"}:
        return True
    return len(between) == 1 and between[0].lower_ in rv.COMPLEMENTIZERS


def _tail_between(v: _View, lo: int, hi: int) -> str | None:
    for i in range(lo, hi):
        if v.doc[i].lower_ in rv.ADDRESSEE_PREPS:
            return _attribution_tail(v, i, hi)[0]
    return None


# ---------------------------------------------------------------- indirect quotes


def _indirect_candidates(v: _View, direct: list[_Candidate]) -> list[_Candidate]:
    """Reported clauses without marks: 'X mengatakan (bahwa) …', 'menurut X, …'."""
    doc = v.doc
    out: list[_Candidate] = []
    i = 0
    seen: set[int] = set()
    while i < len(doc):
        lo, hi = _sentence_bounds(v, i)
        if lo not in seen:
            seen.add(lo)
            cand = _indirect_in(v, lo, hi, direct)
            if cand is not None:
                cand.paragraph = v.para_of[cand.content.start]
                out.append(cand)
        i = max(hi, i + 1)
    return out


def _clause_end(v: _View, lo: int, hi: int) -> int:
    end = hi
    while end > lo and (v.doc[end - 1].is_punct or v.doc[end - 1].is_space) \
            and not v.mark[end - 1]:
        end -= 1
    return end


def _indirect_in(v: _View, lo: int, hi: int, direct: list[_Candidate]) -> _Candidate | None:
    doc = v.doc
    verbs = [j for j in range(lo, hi)
             if v.region_of[j] < 0 and doc[j].lower_ in rv.INDIRECT_VERBS
             and not _negated(doc, j, lo)]
    with_bahwa = [j for j in verbs
                  if any(doc[k].lower_ in rv.COMPLEMENTIZERS
                         for k in range(j + 1, min(hi, j + _BAHWA_REACH)))]
    verbs = [j for j in verbs if j in with_bahwa or doc[j].lower_ not in rv.INDIRECT_NEEDS_BAHWA
             or (j + 1 < hi and doc[j + 1].lower_ in rv.CLAUSE_AUXILIARIES)]
    for j in with_bahwa + [j for j in verbs if j not in with_bahwa]:
        subj = _subject(v, j, lo)
        if subj is None:
            continue
        start = j + 1
        for k in range(j + 1, min(hi, j + _BAHWA_REACH)):
            if v.region_of[k] >= 0:
                break
            if doc[k].lower_ == "bahwa":
                start = k + 1
                break
        while start < hi and doc[start].text in {",", ":"}:
            start += 1
        cand = _clause(v, start, _clause_end(v, start, hi), direct)
        if cand is None:
            continue
        cand.speaker_span, cand.cue = subj, doc[j:j + 1]
        cand.pronoun = len(subj) == 1 and subj[0].lower_ in rv.PRONOUNS
        cand.addressee = _tail_between(v, j + 1, start)
        cand.date = _date_in(v, lo, hi)
        return cand
    return (_menurut_indirect(v, lo, hi, direct) or _cue_final(v, lo, hi, direct)
            or _cue_parenthetical(v, lo, hi, direct) or _agentless(v, lo, hi, direct))


def _cue_parenthetical(v: _View, lo: int, hi: int,
                       direct: list[_Candidate]) -> _Candidate | None:
    """'Apalagi, kata Tauhid, dunia melihat …' — a cue between commas before the clause."""
    doc = v.doc
    for j in range(lo, hi - 2):
        is_cue, nya = _stem_cue(doc[j].text)
        if (not is_cue or doc[j].lower_ in rv.AMBIGUOUS_CUES or v.region_of[j] >= 0
                or (j > lo and doc[j - 1].text != ",")):
            continue
        if nya:
            speaker, stop = doc[j:j + 1], j + 1
        else:
            speaker, stop = _np_after(v, j + 1, hi)
        if speaker is None or stop >= hi or doc[stop].text != ",":
            continue
        cand = _clause(v, stop + 1, _clause_end(v, stop + 1, hi), direct)
        if cand is not None:
            cand.speaker_span, cand.cue = speaker, doc[j:j + 1]
            cand.pronoun = nya or speaker[0].lower_ in rv.PRONOUNS
        return cand
    return None


def _negated(doc: Doc, verb: int, lo: int) -> bool:
    """'KPK belum mengungkapkan …', 'Pemerintah ingin memastikan …': a speech act that did not
    (or not yet) happen reports nothing."""
    j = verb - 1
    while (j >= lo and doc[j].lower_ in rv.SUBJECT_ADVERBS and doc[j].lower_ not in rv.NEGATORS
           and doc[j].lower_ not in rv.UNREALISED):
        j -= 1
    return j >= lo and (doc[j].lower_ in rv.NEGATORS or doc[j].lower_ in rv.UNREALISED)


def _agentless(v: _View, lo: int, hi: int, direct: list[_Candidate]) -> _Candidate | None:
    """'Diungkapkan, tujuan utama …' continues the last speaker; '… disebutkan bahwa …' (a
    document or an unnamed source) has no speaker."""
    doc = v.doc
    if hi - lo >= 3 and doc[lo].lower_ in rv.PASSIVE_CUES and doc[lo + 1].text == ",":
        cand = _clause(v, lo + 2, _clause_end(v, lo + 2, hi), direct)
        if cand is not None:
            cand.cue, cand.inherit = doc[lo:lo + 1], True
        return cand
    for j in range(lo, hi - 1):
        if (doc[j].lower_ in rv.PASSIVE_CUES and doc[j + 1].lower_ == "bahwa"
                and v.region_of[j] < 0):
            cand = _clause(v, j + 2, _clause_end(v, j + 2, hi), direct)
            if cand is not None:
                cand.cue = doc[j:j + 1]
            return cand
    return None


def _clause(v: _View, start: int, end: int, direct: list[_Candidate]) -> _Candidate | None:
    """A reported clause [start, end) unless it is too short or is itself a direct quote."""
    if end - start < rv.MIN_INDIRECT_TOKENS:
        return None
    span = v.doc[start:end]
    if _words(span) < rv.MIN_INDIRECT_TOKENS:
        return None
    for d in direct:
        if d.kind == "direct" and d.content.start <= start + 1 and d.content.end >= end - 1:
            return None
    if v.mark[start] and v.region_of[start] >= 0:
        return None  # 'X mengatakan "…"' is a direct quote, not a reported clause
    return _Candidate(span, "indirect")


def _menurut_indirect(v: _View, lo: int, hi: int,
                      direct: list[_Candidate]) -> _Candidate | None:
    found = _menurut(v, lo, hi)
    if found is None:
        return None
    span, pron, cue_i, stop = found
    doc = v.doc
    cue = doc[cue_i:cue_i + 1]
    after_start = stop
    while after_start < hi and doc[after_start].text in {",", ":"}:
        after_start += 1
    tail_end = _clause_end(v, after_start, hi)
    if tail_end - after_start >= rv.MIN_INDIRECT_TOKENS:
        cand = _clause(v, after_start, tail_end, direct)
    else:  # "Harga akan naik, menurut Tito."
        cand = _clause(v, lo, _clause_end(v, lo, cue.start), direct)
    if cand is not None:
        cand.speaker_span, cand.cue, cand.pronoun = span, cue, pron
    return cand


def _demikian(v: _View, i: int, hi: int) -> _Frame | None:
    """'…, demikian pernyataan penerbit X.' — the speaker after "demikian" (+ a noun or cue)."""
    doc = v.doc
    if i >= hi or doc[i].lower_ not in rv.DEMIKIAN:
        return None
    k = i + 1
    while k < hi and doc[k].lower_ in rv.DEMIKIAN_NOUNS:
        k += 1
    np, stop = _np_after(v, k, hi)
    if np is None:
        return None
    tail, _ = _attribution_tail(v, stop, hi)
    return _Frame(np, doc[i:k], np[0].lower_ in rv.PRONOUNS, tail, _date_in(v, i, hi))


def _cue_final(v: _View, lo: int, hi: int, direct: list[_Candidate]) -> _Candidate | None:
    """'Harga akan naik, kata Tito.' — a cue after an unquoted clause."""
    doc = v.doc
    for j in range(hi - 1, lo, -1):
        if doc[j].text == "," and v.region_of[j] < 0 and j + 1 < hi:
            frame = _demikian(v, j + 1, hi) or _cue_after(v, j + 1, hi)
            is_cue = _stem_cue(doc[j + 1].text)[0] or doc[j + 1].lower_ in rv.DEMIKIAN
            if frame is None or not is_cue:
                return None
            cand = _clause(v, lo, _clause_end(v, lo, j), direct)
            if cand is not None:
                cand.speaker_span, cand.cue, cand.pronoun = frame.speaker_span, frame.cue, \
                    frame.pronoun
                cand.addressee, cand.date = frame.addressee, frame.date
            return cand
    return None


# ---------------------------------------------------------------- speakers


def _entities(doc: Doc) -> list[Span]:
    spans = list(doc.ents) + [s for s in doc._.mentions or [] if isinstance(s, Span)]
    return sorted(spans, key=lambda s: (s.start, -len(s)))


def _actor_of_span(ents: list[Span], span: Span) -> str | None:
    """The actor of the best entity inside a speaker span: persons first, then the first."""
    inside = [e for e in ents
              if e._.actor and e.start < span.end and span.start < e.end]
    if not inside:
        return None
    inside.sort(key=lambda e: (_TYPE_RANK.get(e.label_, 9), e.start))
    return str(inside[0]._.actor)


def _surname_actor(ents: list[Span], span: Span) -> str | None:
    """'Tito' → the earlier 'Tito Karnavian' with an actor: a local stand-in for coreference."""
    words = {t.lower_ for t in span if t.is_title}
    if not words:
        return None
    earlier = [e for e in ents if e.start < span.start][::-1]
    later = [e for e in ents if e.start >= span.end and _TYPE_RANK.get(e.label_, 9) == 0]
    for e in earlier + later:
        if e._.actor and words & {t.lower_ for t in e if t.is_title}:
            return str(e._.actor)
    return None


def _nearest_person(ents: list[Span], before: int) -> str | None:
    for e in reversed([e for e in ents if e.end <= before]):
        if e._.actor and _TYPE_RANK.get(e.label_, 9) == 0:
            return str(e._.actor)
    return None


def _shared_resolver() -> Callable[[Doc, Span], str | None] | None:
    """``warta.resolve.actors.resolve_speaker`` when the actors stage is installed."""
    if importlib.util.find_spec("warta.resolve.actors") is None:
        return None
    module = importlib.import_module("warta.resolve.actors")
    return getattr(module, "resolve_speaker", None)


def _is_pronoun(cand: _Candidate) -> bool:
    span = cand.speaker_span
    return cand.pronoun or (span is not None and len(span) == 1
                            and span[0].lower_ in rv.PERSON_PRONOUNS)


def _newcomer(ents: list[Span], after: int, before: int, quoted: list[Span],
              speaker: str | None, attributed: set[int]) -> str | None:
    """The last person named in the narrative (outside every quote) between two attributions:
    "… adalah Chen Guangbiao, seorang miliarder … Dia mengatakan …" refers to him — unless the
    last speaker is named there too (still the topic)."""
    between = [e for e in ents if after <= e.start and e.end <= before
               and e.start not in attributed]
    if speaker and any(e._.actor == speaker for e in between):
        return None
    for e in reversed(between):
        if (e._.actor and _TYPE_RANK.get(e.label_, 9) == 0 and e.text[:1].isupper()
                and not any(q.start <= e.start < q.end for q in quoted)):
            return str(e._.actor)
    return None


def _previous_subject(v: _View, at: int, attributed: set[int]) -> str | None:
    """The person opening one of the narrative sentences since the last attribution (its
    subject, the preferred antecedent of a pronoun): "Musk berselisih dengan Trump … Dia
    mengatakan …" is Musk. None once a sentence with a quote or an attribution is reached:
    then the last speaker is the antecedent."""
    doc = v.doc
    k = _sentence_bounds(v, at)[0]
    for _ in range(3):
        m = k - 1
        while m > 0 and doc[m].is_space:
            m -= 1
        if m <= 0:
            return None
        lo, hi = _sentence_bounds(v, m)
        if any(i in attributed or v.region_of[i] >= 0 for i in range(lo, hi)):
            return None
        start = next((c + 1 for c in range(lo, min(lo + 4, hi)) if doc[c].text == ","), lo)
        if start < hi and doc[start].is_title and v.region_of[start] < 0:
            for e in v.ents:  # "Namun, Musk …" / "Musk …": an entity there, or its surname
                if e.start == start and e._.actor and _TYPE_RANK.get(e.label_, 9) == 0:
                    return str(e._.actor)
            if not any(e.start == start for e in v.ents):
                found = _surname_actor(v.ents, doc[start:start + 1])
                if found and found.startswith("person:"):
                    return found
        k = lo
    return None


def _resolve(doc: Doc, ents: list[Span], cand: _Candidate,
             last: tuple[str | None, int] | None,
             resolver: Callable[[Doc, Span], str | None] | None,
             newcomer: str | None = None, subject: str | None = None) -> str | None:
    """The speaker's actor id: pronouns prefer the last speaker (news convention), names the
    actors stage, then the actor ids on entities, then a surname match."""
    span = cand.speaker_span
    near = last is not None and cand.paragraph - last[1] <= rv.INHERIT_PARAGRAPHS
    recent = last[0] if last is not None and near else None
    if span is None:
        return recent if cand.inherit else None
    if _is_pronoun(cand):
        if subject:
            return subject
        if newcomer and newcomer != recent:
            return newcomer
        if near:  # the last named speaker, even when no actor is known for them
            return recent
        found = resolver(doc, span) if resolver is not None else None
        return found or _nearest_person(ents, span.start)
    if _generic(ents, span):
        return None
    commas = [t.i for t in span if t.text == ","]
    parts = ([doc[commas[-1] + 1:span.end]] if commas and commas[-1] + 1 < span.end else [])
    persons = [e for e in ents if span.start <= e.start and e.end <= span.end
               and _TYPE_RANK.get(e.label_, 9) == 0 and e.text[:1].isupper()]
    if persons:  # "Ketua Komisi XI DPR RI Mukhamad Misbakhun": the role comes first, then the name
        parts.append(persons[-1])
    for part in [*parts, span]:  # "Kapolres X, AKBP Nama": the name decides
        actor = resolver(doc, part) if resolver is not None else None
        actor = actor or _actor_of_span(ents, part) or _surname_actor(ents, part)
        if actor:
            return actor
    return None


def _generic(ents: list[Span], span: Span) -> bool:
    """'Sejumlah surat kabar Brasil', 'warga Delhi': a group, not the place it names."""
    if span[0].lower_ not in rv.GENERIC_HEADS:
        return False
    return not any(e.label_ in ("PERSON", "PER") and e.start < span.end and span.start < e.end
                   for e in ents)


def _resolve_all(v: _View, cands: list[_Candidate]) -> list[Quote]:
    """Resolve speakers in document order, so pronouns and run-on quotes see the last speaker."""
    doc, ents = v.doc, v.ents
    resolver = _shared_resolver()
    order = sorted(range(len(cands)), key=lambda k: (cands[k].content.start, cands[k].content.end))
    speakers: dict[int, str | None] = {}
    last: tuple[str | None, int] | None = None
    last_span: Span | None = None
    quoted = [c.content for c in cands]
    attributed = {t.i for c in cands for part in (c.speaker_span, c.cue) if part is not None
                  for t in part}
    out: list[Quote] = []
    for k in order:
        cand = cands[k]
        if cand.inherit and last_span is not None and last is not None \
                and cand.paragraph - last[1] <= rv.INHERIT_PARAGRAPHS:
            cand.speaker_span = last_span
        if cand.linked is not None and cand.linked in speakers:
            actor = speakers[cand.linked]
        else:
            newcomer = None
            if last_span is not None and cand.speaker_span is not None:
                newcomer = _newcomer(ents, last_span.end, cand.speaker_span.start, quoted,
                                     last[0] if last else None, attributed)
            subject = (_previous_subject(v, cand.speaker_span.start, attributed)
                       if cand.speaker_span is not None and _is_pronoun(cand) else None)
            actor = _resolve(doc, ents, cand, last, resolver, newcomer, subject)
        speakers[k] = actor
        if cand.speaker_span is not None and not _generic(ents, cand.speaker_span):
            last, last_span = (actor, cand.paragraph), cand.speaker_span
        out.append(Quote(cand.content, cand.kind, actor, cand.speaker_span, cand.cue,
                         cand.addressee, cand.date))
    return out


# ---------------------------------------------------------------- public API


def extract_quotes(doc: Doc) -> list[Quote]:
    """All quotes of a Doc, direct, partial and indirect, in document order."""
    if not len(doc):
        return []
    v = _view(doc)
    direct = _region_candidates(v)
    indirect = _indirect_candidates(v, direct)
    return _resolve_all(v, direct + indirect)


def direct_quotes(doc: Doc) -> list[Quote]:
    """Quotes in quote marks: kind ``direct`` or ``partial``."""
    return [q for q in extract_quotes(doc) if q.kind != "indirect"]


def indirect_quotes(doc: Doc) -> list[Quote]:
    """Reported clauses without quote marks."""
    return [q for q in extract_quotes(doc) if q.kind == "indirect"]


# ---------------------------------------------------------------- spaCy stage


class QuotesStage:
    """spaCy component: ``doc._.quotes = extract_quotes(doc)`` for Indonesian documents."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not language_supported(doc):
            mark_stage(doc, STAGE_NAME, STAGE_VERSION, "skipped",
                       f"language {doc._.language!r} is not supported")
            return doc
        doc._.quotes = extract_quotes(doc)
        mark_stage(doc, STAGE_NAME, STAGE_VERSION, "ok")
        return doc


@Language.factory(FACTORY, requires=["doc.sents", "doc.ents"], assigns=["doc._.quotes"])
def make_quotes_stage(nlp: Language, name: str) -> QuotesStage:
    """Factory for the quotes stage (registered under its versioned name)."""
    return QuotesStage(nlp, name)
