"""Who said what: direct, partial and indirect quotes, each attributed to its speaker.

Pure extractor functions over a ``Doc`` (``extract_quotes``, ``direct_quotes``,
``indirect_quotes``) plus a thin spaCy stage, ``warta_quotes_v<VERSION>``, that stores their
result in ``doc._.quotes``. The rules follow Indonesian news conventions:

- a quoted stretch is a quote when a reporting frame attributes it: a cue after it
  ("…," *kata* Putin / *ujarnya*), a speech verb or colon before it (Putin *mengatakan*, "…"),
  "*menurut* X", a passive attribution in the next sentence ("*Hal itu disampaikan* X");
- a quoted fragment inside a sentence counts (as ``partial``) only under a speech or framing verb;
  without one it is a scare quote or a title and is dropped;
- a statement-like quote with no frame continues the previous speaker (journalists attribute the
  first part of a quote and let the next paragraphs run on);
- reported clauses without marks ("X mengatakan bahwa …", "X menilai …", "menurut X, …") are
  ``indirect`` quotes whose content is the reported clause.

Reading the Doc (regions, sentences, noun phrases) lives in ``warta.extract.quote_view``; speaker
resolution in ``warta.extract.quote_speakers``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from warta.extract.quote_marks import QuoteRegion
from warta.extract.quote_speakers import Choice, resolve_speakers
from warta.extract.quote_view import (
    MAX_NP,
    NP_BREAK,
    SENT_END,
    TYPE_RANK,
    Candidate,
    View,
    ents_between,
    make_view,
    np_after,
    np_before,
    post_window,
    pre_window,
    sentence_bounds,
    stem_cue,
    subject_of,
    verb_like,
)
from warta.extract.speaker_model import SpeakerModel, load_speaker_model
from warta.nlp.extensions import factory_name, mark_stage, skip_unsupported, span_actor
from warta.nlp.lang.id import reporting_verbs as rv
from warta.resolve import dates
from warta.types import Quote, QuoteKind

STAGE = "quotes"
VERSION = "14"  # 2: dated by the report unless the attribution dates the utterance;
# 3: a trained model picks the speaker among the rules' candidates (models/decisions);
# 4: requests, citations and more cue forms read as quotes (issue 19);
# 5: a number between capitalised words stays in a speaker's title ("Daop 2 KAI"), "menurut
# <title>, <name>, …" takes the name; a quoted name after "kegiatan", "inisiatif", "serial" …
# is a cited name like one after "program" (issue 19);
# 6: a reported clause holding a quoted phrase is told once, by the partial quote; a passive of
# saying with a named agent reports the clause after it ("diakui Tinia bisa …") (issue 19);
# 7: the speaker phrase skips a weekday between commas, an adjunct opened by a preposition and a
# connective's demonstrative, takes appositions until a person is named; a relative clause's
# verb yields to the sentence's own; "Dikatakannya, …" reports the clause (issue 19);
# 8: a verb that also takes an object reports the clause the parser makes its clausal
# complement when someone named is its subject ("membenarkan seorang pegawai ditahan") (issue 19);
# 9: a speaker phrase that names no person ("kata Kapolres", "ujar pria itu") weighs its
# candidates' sources and places apart, as a pronoun cue does (the retrained model) (issue 19);
# 10: "…," bunyi pernyataan X" attributes like "demikian pernyataan X"; a name after a time or
# a connective ("Seminggu lalu X, anggota parlemen, mengatakan") is the subject before its
# apposition; any active verb right before "bahwa" reports the clause of someone named
# ("mencuitkan bahwa"); a negated denial concedes ("tak memungkiri, …") (issue 19);
# 11: a noun phrase with no predicate of its own right after a transitive reporting verb is its
# object, not a reported clause ("menyampaikan apresiasi kepada …", "melaporkan kejadian itu
# ke polisi"); a bare profession, group or piece of evidence ("Ekonom mengingatkan …", "Hasil
# survei menunjukkan …") names no speaker unless it names one (unannotated Detik news, s11);
# 12: a speaker phrase ending with a person's name proposes that person to the speaker model
# even when the recogniser took title, body and name for one body (the retrained model);
# 13: "kata salah satu X, Nama" ("one of the X"): the number word opens no new phrase, the
# speaker phrase runs on to the apposed name (s12);
# 14: a request reports the act asked of its addressee without "agar" ("meminta pemerintah
# segera mencairkan …"); "merasa" with a clause of its own states a view, "mengaku" takes no
# object; a relative clause between commas after the subject is skipped ("X, yang …,
# mengatakan"); "cuit" and "saran" are cues after a quote; a curly closer after a space ends a
# quote begun with its paragraph (issue 19, s13)
FACTORY = factory_name(STAGE, VERSION)

BAHWA_REACH = 8  # words after a reporting verb in which its "bahwa" may stand


# ---------------------------------------------------------------- frame parts


def _attribution_tail(v: View, stop: int, hi: int) -> tuple[str | None, int]:
    """Addressee ("kepada X") or venue ("dalam X") after a speaker; returns it and its end."""
    if stop >= hi:
        return None, stop
    word = v.lowers[stop]
    if word in rv.ADDRESSEE_PREPS or word in rv.VENUE_PREPS:
        np, end = np_after(v, stop + 1, hi)
        if np is not None:
            text = np.text if word in rv.ADDRESSEE_PREPS else f"{v.texts[stop]} {np.text}"
            return text, end
    return None, stop


def _date_in(v: View, lo: int, hi: int) -> str | None:
    """The value of the first resolved date mention inside tokens [lo, hi) of the attribution:
    a date inside quote marks is what the quote talks about ("pada 2060"), not when it was said."""
    for d in v.dates:
        span = getattr(d, "span", None)
        if span is not None and lo <= span.start and span.end <= hi and d.value \
                and all(v.region_of[i] < 0 for i in range(span.start, span.end)):
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


def _with_apposition(v: View, np: Span, stop: int, hi: int) -> tuple[Span, int]:
    """'kata Kapolres Tasikmalaya, AKBP Moch Faruk Rozi, Minggu …': role, then the name. The
    role may close with its body's abbreviation in brackets ('koordinator Forum X (Formappi),
    Sebastian Salang') and name its body in an apposition of its own before the person ('ujar
    Kepala Bidang Gempa, BMKG, Daryono'): appositions are taken until a person is named."""
    named_first = any(TYPE_RANK.get(e.label_, 9) == 0 and e.start == np.start
                      for e in ents_between(v, np.start, np.start + 1))
    for _ in range(1 if named_first else 3):  # "Rina, Kepala Dinas X, …": one role after her
        longer, end = _one_apposition(v, np, stop, hi)
        if end == stop:
            break
        added = (stop, end)
        np, stop = longer, end
        if any(TYPE_RANK.get(e.label_, 9) == 0 and e.end <= added[1]
               for e in ents_between(v, added[0], added[1])):
            break  # the person is named
    return np, stop


def _one_apposition(v: View, np: Span, stop: int, hi: int) -> tuple[Span, int]:
    doc = v.doc
    comma = stop
    if comma + 3 < hi and v.texts[comma] == "(" and v.texts[comma + 2] == ")" \
            and v.texts[comma + 1][:1].isupper():  # "(Formappi)" closing the role
        comma += 3
    if comma + 1 >= hi or v.texts[comma] != ",":
        return np, stop
    first = doc[comma + 1]
    if not (first.is_title or first.is_upper) or first.lower_ in rv.SPEAKER_STOPS:
        return np, stop
    name, end = np_after(v, comma + 1, hi)
    if name is None or not all(t.is_title or t.is_upper or t.is_punct for t in name):
        return np, stop
    return doc[np.start:name.end], end


def _cue_word_frame(v: View, i: int, hi: int, nya: bool) -> _Frame | None:
    """The speaker after a cue word at ``i``: 'kata Putin', 'ujarnya' / 'ujar nya' (pronoun),
    'lanjut dia', and 'ujarnya Ma'mun' (the clitic plus the name)."""
    doc = v.doc
    cue = doc[i:i + 1]
    k = i + 1
    if not nya and k < hi and v.lowers[k] in ("nya", "-nya"):  # a tokenizer split the clitic
        nya, k = True, k + 1
    if k < hi and v.texts[k][:1].isupper() and v.lowers[k] not in rv.SPEAKER_STOPS \
            and v.lowers[k] not in rv.PRONOUNS:
        np, stop = np_after(v, k, hi)
        if np is not None:
            np, stop = _with_apposition(v, np, stop, hi)
            tail, _ = _attribution_tail(v, stop, hi)
            return _Frame(np, cue, False, tail, _date_in(v, i, hi))
    if nya:
        speaker = doc[k - 1:k] if k > i + 1 else cue
        tail, _ = _attribution_tail(v, k, hi)
        return _Frame(speaker, cue, True, tail, _date_in(v, i, hi))
    if k < hi and v.lowers[k] in rv.PRONOUNS:
        tail, _ = _attribution_tail(v, k + 1, hi)
        return _Frame(doc[k:k + 1], cue, True, tail, _date_in(v, i, hi))
    np, stop = np_after(v, k, hi)
    if np is None:
        return None
    np, stop = _with_apposition(v, np, stop, hi)
    tail, _ = _attribution_tail(v, stop, hi)
    return _Frame(np, cue, False, tail, _date_in(v, i, hi))


def _cue_after(v: View, after: int, hi: int) -> _Frame | None:
    """'…," kata X kepada Y' / '…," ujarnya' / '…," X menambahkan' after a quote."""
    doc, i = v.doc, after
    while i < hi and v.texts[i] in {",", "-", "–", "—"}:
        i += 1
    if i >= hi:
        return None
    if _demikian_at(v, i, hi):  # '"…," demikian pernyataan resmi NASA.', 'bunyi pernyataan X'
        return _demikian(v, i, hi)
    is_cue, nya = stem_cue(v.texts[i])
    if is_cue:
        return _cue_word_frame(v, i, hi, nya)
    # "…," Putin menambahkan. / "…," ia menegaskan. — the quote must end like a statement
    # (comma or final stop), unlike a nickname inside a name: "Munafri 'Appi' Arifuddin …"
    before = doc[after - 2:after] if after >= 2 else doc[0:0]
    if not (i > after or any(t.text in {",", ".", "!", "?"} for t in before)):
        return None
    for j in range(i + 1, min(hi, i + MAX_NP)):
        if v.lowers[j] in rv.VERB_BEFORE:
            np = doc[i:j]
            named = np[0].is_title or np[0].lower_ in rv.PRONOUNS or _anaphoric(np)
            if named and not any(verb_like(t) for t in np):
                tail, _ = _attribution_tail(v, j + 1, hi)
                pronoun = (len(np) == 1 and np[0].lower_ in rv.PRONOUNS) or _anaphoric(np)
                return _Frame(np, doc[j:j + 1], pronoun, tail, _date_in(v, i, hi))
            break
        if v.texts[j] in NP_BREAK or v.texts[j] in SENT_END:
            break
    return None


def _passive_next(v: View, after: int) -> _Frame | None:
    """'"…" Hal itu disampaikan X …': an attribution in the sentence after the quote."""
    doc, i = v.doc, after
    while i < len(doc) and (doc[i].is_space or v.texts[i] in SENT_END):
        i += 1
    if i >= len(doc) or v.lowers[i] not in rv.PASSIVE_SUBJECTS:
        return None
    _, hi = sentence_bounds(v, i)
    for j in range(i + 1, min(hi, i + 4)):
        if v.lowers[j] in rv.PASSIVE_CUES:
            k = j + 1 + (j + 1 < hi and v.lowers[j + 1] == "oleh")
            np, stop = np_after(v, k, hi)
            if np is None:
                return None
            np, stop = _with_apposition(v, np, stop, hi)
            tail, _ = _attribution_tail(v, stop, hi)
            return _Frame(np, doc[j:j + 1], np[0].lower_ in rv.PRONOUNS, tail,
                          _date_in(v, j, hi))
    return None


def _verb_before(v: View, lo: int, open_tok: int) -> tuple[int, Span | None] | None:
    """The last speech or framing verb before a quote in its sentence, with its subject."""
    doc = v.doc
    for i in range(open_tok - 1, lo - 1, -1):
        low = v.lowers[i]
        if v.region_of[i] >= 0:
            break
        if low in rv.PASSIVE_NYA:
            return i, doc[i:i + 1]  # "yang disebutnya sebagai '…'": the agent is the -nya
        if low in rv.VERB_BEFORE or low in rv.FRAMING_VERBS or low in rv.INDIRECT_VERBS:
            subject = subject_of(v, i, lo)
            if subject is not None:
                return i, subject
    return None


def _menurut(v: View, lo: int, hi: int) -> tuple[Span, bool, int, int] | None:
    """'menurut X, …' / 'menurutnya, …' in [lo, hi): (speaker, is pronoun, cue index, end)."""
    doc = v.doc
    for i in range(lo, hi):
        if v.region_of[i] >= 0:
            continue
        low = v.lowers[i]
        if low in rv.MENURUT_PRONOUN:
            return doc[i:i + 1], True, i, i + 1
        if low in rv.OPINION_PREPS and i + 2 < hi and v.lowers[i + 1] in rv.PRONOUNS \
                and v.texts[i + 2] == ",":  # "Baginya, …" (not "bagi warga")
            return doc[i + 1:i + 2], True, i, i + 2
        if low in rv.MENURUT and i + 1 < hi:
            if v.lowers[i + 1] in rv.PRONOUNS:
                return doc[i + 1:i + 2], True, i, i + 2
            np, stop = np_after(v, i + 1, hi)
            if np is None or np[0].lower_ in rv.MENURUT_NOT_SPEAKERS:
                return None
            ents = [e for e in ents_between(v, i + 1, i + 2) if e.end <= stop]
            named, end = _with_apposition(v, np, stop, hi)
            if end > stop and end < hi and v.texts[end] == ",":
                # "Menurut Juru Bicara KPK, Febri Diansyah, banding …": role, name, then content
                return named, False, i, end
            if stop >= hi or v.texts[stop] != ",":
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


def _content(v: View, region: QuoteRegion) -> Span | None:
    span = v.doc.char_span(region.start, region.end, alignment_mode="contract")
    if span is None or not len(span):
        span = v.doc.char_span(region.start, region.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _words(span: Span) -> int:
    return sum(1 for t in span if not t.is_punct and not t.is_space)


def _region_candidates(v: View) -> list[Candidate]:
    """One candidate per attributed quoted stretch; unattributed short stretches are dropped."""
    out: list[Candidate] = []
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
        hi = post_window(v, after)
        if region.open == region.start or v.region_of[open_tok] != n:
            open_tok = content.start  # no opening mark: the quote began with its paragraph
        lo, prev_region = pre_window(v, open_tok)
        cand = _frame_region(v, content, lo, open_tok, after, hi, prev_region, by_region, out)
        if cand is not None:
            cand.paragraph = v.para_of[content.start]
            by_region[n] = len(out)
            out.append(cand)
    return out


def _frame_region(v: View, content: Span, lo: int, open_tok: int, after: int, hi: int,
                  prev_region: int | None, by_region: dict[int, int],
                  done: list[Candidate]) -> Candidate | None:
    """Decide whether a quoted stretch is a quote, of which kind, and who frames it."""
    doc = v.doc
    if open_tok > 0 and v.lowers[open_tok - 1] in rv.TERM_NOUNS:
        return None  # frasa 'orang lain', program "Makan Bergizi": a cited term or a name
    statement = _words(content) >= rv.MIN_FREE_QUOTE_TOKENS
    pre = doc[lo:open_tok]
    pre_words = [t for t in pre if not t.is_punct and not t.is_space]
    after_frame = _cue_after(v, after, hi)
    before_frame: _Frame | None = None
    partial = False
    if pre_words:
        last = pre[-1].text if len(pre) else ""
        first_cue, first_nya = stem_cue(pre_words[0].text)
        menurut = _menurut(v, lo, open_tok)
        verb = _verb_before(v, lo, open_tok)
        if last == ":" and verb is None:
            before_frame = _Frame(np_before(v, open_tok - 1, lo), None)
        elif first_cue and pre_words[0].i == lo:
            # '…," kata X, "…"': the cue between two parts of one quote
            if first_nya:
                before_frame = _Frame(doc[lo:lo + 1], doc[lo:lo + 1], True)
            else:
                np, _ = np_after(v, lo + 1, open_tok)
                before_frame = _Frame(np, doc[lo:lo + 1],
                                      np is not None and bool(np) and np[0].lower_ in rv.PRONOUNS)
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
                return Candidate(content, "partial", prev.speaker_span, prev.cue,
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
        return Candidate(content, "direct", inherit=True)
    kind: QuoteKind = "partial" if partial else "direct"
    return Candidate(content, kind, frame.speaker_span, frame.cue, frame.addressee,
                      frame.date, frame.pronoun)


def _introduces(v: View, verb: int, open_tok: int) -> bool:
    """Whether a verb directly introduces the quote: 'X mengatakan, "…"' / 'X mengatakan: "…"'."""
    between = [t for t in v.doc[verb + 1:open_tok] if not t.is_space]
    if not between:
        return True
    if between[-1].text in {",", ":"}:
        return True
    return len(between) == 1 and between[0].lower_ in rv.COMPLEMENTIZERS


def _tail_between(v: View, lo: int, hi: int) -> str | None:
    for i in range(lo, hi):
        if v.lowers[i] in rv.ADDRESSEE_PREPS:
            return _attribution_tail(v, i, hi)[0]
    return None


# ---------------------------------------------------------------- indirect quotes


def _indirect_candidates(v: View, direct: list[Candidate], *,
                         bahwa_reach: int = BAHWA_REACH) -> list[Candidate]:
    """Reported clauses without marks: 'X mengatakan (bahwa) …', 'menurut X, …'."""
    doc = v.doc
    out: list[Candidate] = []
    i = 0
    seen: set[int] = set()
    while i < len(doc):
        lo, hi = sentence_bounds(v, i)
        if lo not in seen:
            seen.add(lo)
            cand = _indirect_in(v, lo, hi, direct, bahwa_reach=bahwa_reach)
            if cand is not None:
                cand.paragraph = v.para_of[cand.content.start]
                out.append(cand)
        i = max(hi, i + 1)
    return out


def _clause_end(v: View, lo: int, hi: int) -> int:
    end = hi
    while end > lo and (v.doc[end - 1].is_punct or v.doc[end - 1].is_space) \
            and not v.mark[end - 1]:
        end -= 1
    return end


def _indirect_in(v: View, lo: int, hi: int, direct: list[Candidate], *,
                 bahwa_reach: int) -> Candidate | None:
    doc = v.doc
    verbs = [j for j in range(lo, hi)
             if v.region_of[j] < 0 and (v.lowers[j] in rv.INDIRECT_VERBS
                                        or v.lowers[j] in rv.FEELING_VERBS
                                        or _verb_of_bahwa(v, j, lo, hi))
             and not _negated(doc, j, lo) and not _bare_order(v, j, hi)]
    with_bahwa = [j for j in verbs
                  if any(v.lowers[k] in rv.COMPLEMENTIZERS
                         for k in range(j + 1, min(hi, j + bahwa_reach)))]
    verbs = [j for j in verbs if j in with_bahwa or _takes_clause(v, j, hi, bahwa_reach)
             or _parsed_clause(v, j, lo, hi, bahwa_reach)]
    for j in sorted(with_bahwa + [j for j in verbs if j not in with_bahwa],
                    key=lambda j: _relative(v, j, lo)):
        subj = subject_of(v, j, lo)
        if subj is None:
            continue
        start = _clause_start(v, j, hi, bahwa_reach)
        end = _clause_end(v, start, hi)
        if start == j + 1 and _takes_object(v, j) and _object_phrase(v, start, end):
            continue
        cand = _clause(v, start, end, direct)
        if cand is None:
            continue
        cand.speaker_span, cand.cue = subj, doc[j:j + 1]
        cand.pronoun = len(subj) == 1 and subj[0].lower_ in rv.PRONOUNS
        cand.addressee = _tail_between(v, j + 1, start)
        cand.date = _date_in(v, lo, start)  # the frame's date, not one the reported clause names
        return cand
    return (_menurut_indirect(v, lo, hi, direct) or _passive_nya_lead(v, lo, hi, direct)
            or _cue_final(v, lo, hi, direct)
            or _cue_parenthetical(v, lo, hi, direct) or _agentless(v, lo, hi, direct)
            or _passive_agent(v, lo, hi, direct))


_OBJECT_HEADS = frozenset({"NOUN", "DET", "NUM"})
_MODIFIER_TAGS = frozenset({"ADP", "SCONJ"})


def _takes_object(v: View, j: int) -> bool:
    """Whether a reporting verb may take an object noun phrase: a transitive meN- verb
    ("menyampaikan apresiasi"); a ber- verb is intransitive ("berharap …"), and the pure verb
    of saying and the verbs of belief take a proposition (``rv.CLAUSE_ONLY_VERBS``)."""
    low = v.lowers[j]
    return low.startswith("me") and low not in rv.CLAUSE_ONLY_VERBS


def _object_phrase(v: View, start: int, end: int) -> bool:
    """Whether the words right after a reporting verb (no "bahwa", comma or colon between) are
    its object noun phrase rather than a reported clause: "menyampaikan apresiasi kepada
    warga", "melaporkan kejadian itu ke polisi", "menjelaskan mekanisme pelaporan". A reported
    clause has a predicate of its own ("menjelaskan pemerintah memberi …", "menilai kepala
    daerah penting …", "mengingatkan warga untuk …"); a noun phrase has verbs only inside its
    modifiers, right after a "yang", a preposition or a subordinator ("isu yang sempat memicu
    …", "capaian dalam mewujudkan …"), and adjectives only right after its head ("dukungan
    penuh", "masalah serupa")."""
    doc = v.doc
    if doc[start].pos_ not in _OBJECT_HEADS or v.region_of[start] >= 0:
        return False
    state = "head"  # the noun phrase's own words; "opened": a modifier's opener just read,
    # its verb may come; "taken": that verb read; "inner": the noun phrase inside a modifier
    closed = False  # a demonstrative ends the noun phrase: what follows it predicates
    for k in range(start, end):
        t, low = doc[k], v.lowers[k]
        opener = low in rv.MODIFIER_OPENERS or t.pos_ in _MODIFIER_TAGS
        if low in rv.PREDICATE_MARKERS or (closed and not opener and not t.is_punct
                                           and t.pos_ != "CCONJ"):
            return False  # "ledakan itu murni kecelakaan"
        closed = low in rv.DEMONSTRATIVES
        if state == "head" and low in rv.DIRECTIVE_COMPLEMENTIZERS and k > start:
            return False  # "mengingatkan masyarakat untuk memakai …": a request's content
        if opener:
            state = "opened"
        elif low in rv.LEADING_VERBS or t.pos_ in ("ADV", "PART"):
            continue
        elif t.pos_ in ("VERB", "AUX"):
            if state != "opened":
                return False  # the clause's own predicate
            state = "taken"
        elif t.pos_ == "ADJ":
            if state == "head" and k > start + 1:
                return False  # an adjective after a whole noun phrase predicates
            state = "taken" if state == "opened" else state
        elif state != "head":
            state = "inner"
    return True


def _verb_of_bahwa(v: View, j: int, lo: int, hi: int) -> bool:
    """An active verb no list names, right before "bahwa", with someone named as its subject:
    "X mencuitkan bahwa …", "netizen berspekulasi bahwa …". "bahwa" after a verb opens what
    the subject says, thinks or claims, whatever the verb (the lists cannot name every verb of
    saying); a passive ("tertulis bahwa", "disebutkan bahwa") names no speaker here, and
    evidence with no one behind it ("Hasil survei menunjukkan bahwa …") is the narrator's."""
    if j + 1 >= hi or v.lowers[j + 1] not in rv.THAT:
        return False
    word = v.texts[j]
    if not (word.islower() and len(word) > 5 and word.startswith(rv.ACTIVE_PREFIXES)):
        return False
    return _someone(v, subject_of(v, j, lo))


def _relative(v: View, j: int, lo: int) -> bool:
    """'Kuasa korban yang melaporkan perkara ini, Sudarso, mengaku …': a verb opening a
    relative clause describes the subject; the sentence's own verb of saying is tried first."""
    return j > lo and v.lowers[j - 1] == "yang"


def _takes_clause(v: View, j: int, hi: int, reach: int) -> bool:
    """Whether a reporting verb without "bahwa" reports a clause rather than an object: a verb
    of request needs "agar"/"untuk" ("meminta polisi untuk …", not "meminta maaf"); either
    kind also reports a clause after a comma or colon ("Fahri mengklaim, …") or an auxiliary
    after at most a short subject ("memastikan pihaknya bakal …", "meminta Budi tidak …"; not
    "memastikan keamanan")."""
    doc = v.doc
    low = v.lowers[j]
    if low not in rv.INDIRECT_NEEDS_BAHWA and low not in rv.DIRECTIVE_VERBS:
        return True
    if j + 1 < hi and v.texts[j + 1] in {",", ":"}:
        return True
    if low in rv.DIRECTIVE_VERBS and _directive_at(v, j, hi) is not None:
        return True
    if low in rv.REQUEST_VERBS and _requested_act(v, j, hi):
        return True
    for k in range(j + 1, min(hi, j + 2 + rv.CLAUSE_SUBJECT_REACH)):
        if v.region_of[k] >= 0 or doc[k].is_punct or v.lowers[k] == "yang":
            return False
        if v.lowers[k] in rv.CLAUSE_AUXILIARIES:
            return True
    return False


def _parsed_clause(v: View, j: int, lo: int, hi: int, reach: int) -> bool:
    """Whether a named speaker's verb that also takes an object reports a clause the parser
    finds: a predicate of its own right after the clause's subject, the verb's clausal
    complement ("Bupati X membenarkan seorang pegawai ditahan", "Rina memastikan logistik siap
    dikirim"; not "memastikan keamanan warga"). Requests keep their "agar"/"untuk" (a verb after
    an addressee is as often an act as a request: "mendorong korban ke halte"), and evidence
    with no one behind it is the narrator's ("Hasil interogasi menunjukkan …")."""
    if v.lowers[j] not in rv.INDIRECT_NEEDS_BAHWA:
        return False
    doc = v.doc
    for k in range(j + 2, min(hi, j + 2 * reach)):  # the subject may be a long name
        t = doc[k]
        if v.region_of[k] >= 0 or (t.is_punct and v.texts[k] not in "()") \
                or v.lowers[k] == "yang":
            return False
        if t.head.i == j and t.dep_ == "ccomp" and t.pos_ in ("VERB", "ADJ", "AUX"):
            return _someone(v, subject_of(v, j, lo))
    return False


def _someone(v: View, np: Span | None) -> bool:
    """A speaker phrase that names someone: a pronoun, or a person or body the entity layer
    found in it."""
    if np is None:
        return False
    if len(np) == 1 and np[0].lower_ in rv.PRONOUNS:
        return True
    return any(TYPE_RANK.get(e.label_, 9) <= 1 and span_actor(e)
               for e in ents_between(v, np.start, np.end) if e.end <= np.end)


def _bare_order(v: View, j: int, hi: int) -> bool:
    """An order whose words are not reported: a verb of command without "agar"/"supaya"
    ("memerintahkan pasukan untuk menyerang …" tells an act; "memerintahkan agar …" reports
    what was ordered)."""
    if v.lowers[j] not in rv.ORDER_VERBS:
        return False
    k = _directive_at(v, j, hi)
    return k is None or v.lowers[k] not in rv.ORDER_COMPLEMENTIZERS


def _requested_act(v: View, j: int, hi: int) -> bool:
    """Whether a verb of request is followed by the act requested, with no "agar": a verb
    after a short addressee, or right after the request verb ("meminta pemerintah segera
    mencairkan …", "meminta jajarannya selalu waspada", "meminta diberlakukan …"), not an
    object ("meminta maaf kepada …", "meminta keterangan saksi")."""
    doc = v.doc
    for k in range(j + 1, min(hi, j + 2 + rv.REQUEST_ADDRESSEE_REACH)):
        t = doc[k]
        if v.region_of[k] >= 0 or (t.is_punct and v.texts[k] not in "()") \
                or v.lowers[k] == "yang" or v.lowers[k] in rv.DIRECTIVE_COMPLEMENTIZERS:
            return False
        if t.pos_ == "VERB" or (t.pos_ == "ADJ" and k > j + 1 and doc[k - 1].pos_ == "ADV"):
            return k > j + 1 or v.lowers[k].startswith((*rv.ACTIVE_PREFIXES, "di"))
    return False


def _directive_at(v: View, j: int, hi: int) -> int | None:
    """Where a request's content opens: its "agar"/"supaya"/"untuk" within
    ``rv.DIRECTIVE_REACH`` words (past a long addressee)."""
    for k in range(j + 1, min(hi, j + rv.DIRECTIVE_REACH)):
        if v.region_of[k] >= 0 or v.texts[k] in SENT_END:
            return None
        if v.lowers[k] in rv.DIRECTIVE_COMPLEMENTIZERS:
            return k
    return None


def _clause_start(v: View, j: int, hi: int, reach: int) -> int:
    """The first token of the clause a reporting verb at ``j`` reports: after its "bahwa", at a
    request's "agar"/"untuk" (the addressee before it is not what was said), else right after
    the verb (commas and colons skipped)."""
    start = j + 1
    for k in range(j + 1, min(hi, j + reach)):
        if v.region_of[k] >= 0:
            break
        if v.lowers[k] == "bahwa":
            start = k + 1
            break
    else:
        if v.lowers[j] in rv.DIRECTIVE_VERBS:
            start = _directive_at(v, j, hi) or start
    while start < hi and v.texts[start] in {",", ":"}:
        start += 1
    return start


def _cue_parenthetical(v: View, lo: int, hi: int,
                       direct: list[Candidate]) -> Candidate | None:
    """'Apalagi, kata Tauhid, dunia melihat …', 'Namun kata dia soal itu …', 'Padahal, kata
    Heri sebelumnya …' — a cue opening the sentence (or after its first word or a comma), its
    speaker, then the clause."""
    doc = v.doc
    for j in range(lo, hi - 2):
        is_cue, nya = stem_cue(v.texts[j])
        if (not is_cue or v.lowers[j] in rv.AMBIGUOUS_CUES or v.region_of[j] >= 0
                or (j > lo + 1 and v.texts[j - 1] != ",")):
            continue
        speaker, stop, known = _parenthetical_speaker(v, j, hi, nya)
        if speaker is None or stop >= hi:
            continue
        if v.texts[stop] == "," and (known or j == lo or v.texts[j - 1] == ","):
            stop += 1
        elif not known:
            continue
        cand = _clause(v, stop, _clause_end(v, stop, hi), direct)
        if cand is not None:
            cand.speaker_span, cand.cue = speaker, doc[j:j + 1]
            cand.pronoun = nya or speaker[0].lower_ in rv.PRONOUNS
        return cand
    return None


def _parenthetical_speaker(v: View, j: int, hi: int,
                           nya: bool) -> tuple[Span | None, int, bool]:
    """The speaker after a cue at ``j``, where it stops, and whether it is surely a speaker (a
    -nya, a pronoun or a name the entity layer found) rather than any noun phrase."""
    doc = v.doc
    if nya:
        return doc[j:j + 1], j + 1, True
    if v.lowers[j + 1] in rv.PRONOUNS:
        return doc[j + 1:j + 2], j + 2, True
    speaker, stop = np_after(v, j + 1, hi)
    named = next((e for e in ents_between(v, j + 1, j + 2) if e.text[:1].isupper()), None)
    if named is not None and (stop >= hi or v.texts[stop] != ","):
        return doc[named.start:named.end], named.end, True
    return speaker, stop, named is not None


def _negated(doc: Doc, verb: int, lo: int) -> bool:
    """'KPK belum mengungkapkan …', 'Pemerintah ingin memastikan …': a speech act that did not
    (or not yet) happen reports nothing."""
    j = verb - 1
    while (j >= lo and doc[j].lower_ in rv.SUBJECT_ADVERBS and doc[j].lower_ not in rv.NEGATORS
           and doc[j].lower_ not in rv.UNREALISED):
        j -= 1
    if j >= lo and doc[j].lower_ in rv.NEGATORS and doc[verb].lower_ in rv.DENIALS \
            and doc[j].lower_ in rv.NOT:
        return False  # "tak memungkiri, …", "tidak menampik bahwa …": a concession, said
    return j >= lo and (doc[j].lower_ in rv.NEGATORS or doc[j].lower_ in rv.UNREALISED)


def _agentless(v: View, lo: int, hi: int, direct: list[Candidate]) -> Candidate | None:
    """'Diungkapkan, tujuan utama …' continues the last speaker; '… disebutkan bahwa …' (a
    document or an unnamed source) has no speaker."""
    doc = v.doc
    if hi - lo >= 3 and v.lowers[lo] in rv.PASSIVE_CUES and v.texts[lo + 1] == ",":
        cand = _clause(v, lo + 2, _clause_end(v, lo + 2, hi), direct)
        if cand is not None:
            cand.cue, cand.inherit = doc[lo:lo + 1], True
        return cand
    cited = _cited(v, lo, hi, direct)
    if cited is not None:
        return cited
    for j in range(lo, hi - 1):
        if (v.lowers[j] in rv.PASSIVE_CUES and v.lowers[j + 1] == "bahwa"
                and v.region_of[j] < 0):
            cand = _clause(v, j + 2, _clause_end(v, j + 2, hi), direct)
            if cand is not None:
                cand.cue = doc[j:j + 1]
            return cand
    return None


def _passive_agent(v: View, lo: int, hi: int, direct: list[Candidate]) -> Candidate | None:
    """'Sistem ini diakui Tinia bisa …', 'Pemerintah, disebut Erwan, memiliki …', 'Namun,
    seperti diklaim oleh pihak Kemenpora, pertemuan itu …': a passive of saying with a named
    agent right after it (and "oleh"). The agent speaks the clause after it; when the cue and
    its agent stand between commas, the longer part of the sentence (the guideline's rule for
    an interrupting cue). An agent the entity layer does not name is no speaker found here,
    and "Hal itu disampaikan X" (the speech told before it) is ``_passive_next``'s."""
    doc = v.doc
    if v.lowers[lo] in rv.PASSIVE_SUBJECTS:
        return None
    for j in range(lo, hi - 3):
        if (v.region_of[j] >= 0 or v.lowers[j] not in rv.PASSIVE_REPORTS
                or (j > lo and v.lowers[j - 1] == "yang")):
            continue
        start = j + 1 + (v.lowers[j + 1] == "oleh")
        np, stop = np_after(v, start, hi)
        names = [e for e in ents_between(v, start, stop)
                 if e.end <= stop and e.text[:1].isupper() and e.label_ in TYPE_RANK]
        if np is None or not names:
            continue
        if stop < hi and v.texts[stop] == ",":  # the cue interrupts: "X, disebut Erwan, …"
            opening = j - 1 - (j - 1 > lo and v.lowers[j - 1] in rv.CITING_LEADS)
            before = opening - lo if opening > lo and v.texts[opening] == "," else 0
            np_end = stop
            first, end = ((lo, opening) if before > hi - stop - 1
                          else (stop + 1, _clause_end(v, stop + 1, hi)))
        else:  # "diakui Tinia bisa …": the clause runs on after the name
            np_end = first = names[-1].end
            end = _clause_end(v, first, hi)
        if first >= end or not _opens_clause(v, first, end):
            continue
        cand = _clause(v, first, end, direct)
        if cand is not None:
            cand.cue, cand.speaker_span = doc[j:j + 1], doc[start:np_end]
        return cand
    return None


def _opens_clause(v: View, first: int, end: int) -> bool:
    """Whether [first, end) reads as a clause: not a prepositional phrase ("di Jakarta, Senin",
    "ke polisi", "sebagai …") and with a predicate in it."""
    if v.lowers[first] in rv.PASSIVE_NOT_CLAUSE or v.lowers[first] in rv.VENUE_PREPS \
            or v.lowers[first] in rv.ADDRESSEE_PREPS:
        return False
    return any(verb_like(v.doc[k]) or v.lowers[k] in rv.CLAUSE_AUXILIARIES
               for k in range(first, end))


def _cited(v: View, lo: int, hi: int, direct: list[Candidate]) -> Candidate | None:
    """'Dijelaskan Veronica, …', 'Melansir Reuters, …', 'Seperti dikutip dari BBC, Rabu (3/5),
    …': a passive cue or a citation opening the sentence, its source, a comma, then the clause
    the source speaks."""
    doc = v.doc
    at = lo + (lo + 1 < hi and v.lowers[lo] in rv.CITING_LEADS)
    if hi - at < 4 or (v.lowers[at] not in rv.PASSIVE_CUES and v.lowers[at] not in rv.CITING):
        return None
    start = at + 1 + (v.lowers[at + 1] in rv.AGENT_PREPS)
    np, stop = np_after(v, start, hi)
    if np is None or stop >= hi or v.texts[stop] != "," \
            or not any(t.text[:1].isupper() for t in np):
        return None  # "Diberitakan sebelumnya, …" cites no one
    cand = _clause(v, stop + 1, _clause_end(v, stop + 1, hi), direct)
    if cand is not None:
        cand.cue, cand.speaker_span = doc[at:at + 1], np
        cand.pronoun = np[0].lower_ in rv.PRONOUNS
    return cand


def _clause(v: View, start: int, end: int, direct: list[Candidate]) -> Candidate | None:
    """A reported clause [start, end) unless it is too short or is itself a direct quote."""
    if end - start < rv.MIN_INDIRECT_TOKENS:
        return None
    span = v.doc[start:end]
    if _words(span) < rv.MIN_INDIRECT_TOKENS or span[0].lower_ in ("nya", "-nya"):
        return None  # "menyebut|nya sebagai …": the clitic is an object, not a clause
    for d in direct:
        if d.kind == "direct" and d.content.start <= start + 1 and d.content.end >= end - 1:
            return None
    if v.mark[start] and v.region_of[start] >= 0:
        return None  # 'X mengatakan "…"' is a direct quote, not a reported clause
    return Candidate(span, "indirect")


def _menurut_indirect(v: View, lo: int, hi: int,
                      direct: list[Candidate]) -> Candidate | None:
    found = _menurut(v, lo, hi)
    if found is None:
        return None
    span, pron, cue_i, stop = found
    doc = v.doc
    cue = doc[cue_i:cue_i + 1]
    after_start = stop
    while after_start < hi and v.texts[after_start] in {",", ":"}:
        after_start += 1
    tail_end = _clause_end(v, after_start, hi)
    if tail_end - after_start >= rv.MIN_INDIRECT_TOKENS:
        cand = _clause(v, after_start, tail_end, direct)
    else:  # "Harga akan naik, menurut Tito."
        cand = _clause(v, lo, _clause_end(v, lo, cue.start), direct)
    if cand is not None:
        cand.speaker_span, cand.cue, cand.pronoun = span, cue, pron
    return cand


def _passive_nya_lead(v: View, lo: int, hi: int,
                      direct: list[Candidate]) -> Candidate | None:
    """'Dikatakannya, …', 'Ditambahkannya, …': a passive of saying whose agent is its "-nya"
    opens the sentence before a comma and reports the clause after it (said by the clitic's
    antecedent, as "Menurutnya, …"). The tokenizer may split the clitic off."""
    if hi - lo < 3:
        return None
    joined = v.lowers[lo] if v.lowers[lo].endswith(rv.NYA_SUFFIX) else None
    if joined is None and v.lowers[lo + 1] in ("nya", "-nya") \
            and not v.doc[lo].whitespace_:
        joined = v.lowers[lo] + rv.NYA_SUFFIX
    if joined not in rv.PASSIVE_NYA or v.region_of[lo] >= 0:
        return None
    comma = lo + 1 if v.lowers[lo].endswith(rv.NYA_SUFFIX) else lo + 2
    if comma >= hi or v.texts[comma] != ",":
        return None
    cand = _clause(v, comma + 1, _clause_end(v, comma + 1, hi), direct)
    if cand is not None:
        cand.speaker_span = cand.cue = v.doc[lo:comma]
        cand.pronoun = True
    return cand


def _demikian_at(v: View, i: int, hi: int) -> bool:
    """Whether a closing attribution opens at ``i``: "demikian (pernyataan) X", or "bunyi"
    before a statement noun ("bunyi pernyataan X", "bunyi keterangan pers KPK": the wording of
    X's statement; "bunyi Pasal 2" cites a law, no one's words)."""
    if i >= hi:
        return False
    return v.lowers[i] in rv.DEMIKIAN or (v.lowers[i] in rv.BUNYI and i + 1 < hi
                                          and v.lowers[i + 1] in rv.DEMIKIAN_NOUNS)


def _demikian(v: View, i: int, hi: int) -> _Frame | None:
    """'…, demikian pernyataan penerbit X.' / '…," bunyi pernyataan X.' — the speaker after
    "demikian" or "bunyi" (+ a noun or cue)."""
    doc = v.doc
    if not _demikian_at(v, i, hi):
        return None
    k = i + 1
    while k < hi and v.lowers[k] in rv.DEMIKIAN_NOUNS:
        k += 1
    np, stop = np_after(v, k, hi)
    if np is None:
        return None
    tail, _ = _attribution_tail(v, stop, hi)
    return _Frame(np, doc[i:k], np[0].lower_ in rv.PRONOUNS, tail, _date_in(v, i, hi))


def _noun_use(cue: Token, speaker: Span | None) -> bool:
    """'…, nilai tukar dolar AS berada …': an ambiguous cue stem followed by a common word is a
    noun ("nilai tukar", exchange rate), not a speech verb with its speaker."""
    return cue.lower_ in rv.AMBIGUOUS_CUES and speaker is not None and speaker[0].is_lower \
        and speaker[0].lower_ not in rv.PRONOUNS


def _cue_final(v: View, lo: int, hi: int, direct: list[Candidate]) -> Candidate | None:
    """'Harga akan naik, kata Tito.' — a cue after an unquoted clause."""
    doc = v.doc
    for j in range(hi - 1, lo, -1):
        if v.texts[j] == "," and v.region_of[j] < 0 and j + 1 < hi:
            frame = _demikian(v, j + 1, hi) or _cue_after(v, j + 1, hi)
            is_cue = stem_cue(v.texts[j + 1])[0] or _demikian_at(v, j + 1, hi)
            if frame is None or not is_cue or _noun_use(doc[j + 1], frame.speaker_span):
                return None
            cand = _clause(v, lo, _clause_end(v, lo, j), direct)
            if cand is not None:
                cand.speaker_span, cand.cue, cand.pronoun = frame.speaker_span, frame.cue, \
                    frame.pronoun
                cand.addressee, cand.date = frame.addressee, frame.date
            return cand
    return None



# ---------------------------------------------------------------- public API


def extract_quotes(doc: Doc, *, bahwa_reach: int = BAHWA_REACH,
                   speaker_model: SpeakerModel | Literal["shipped"] | None = "shipped",
                   choices: list[Choice] | None = None) -> list[Quote]:
    """All quotes of a Doc, direct, partial and indirect, in document order.

    ``speaker_model`` picks each speaker among the rules' candidates (default: the shipped
    model; None: the rules' own pick); ``choices`` collects the candidates (training data)."""
    if not len(doc):
        return []
    model = load_speaker_model() if speaker_model == "shipped" else speaker_model
    v = make_view(doc)
    direct = _region_candidates(v)
    indirect = _indirect_candidates(v, direct, bahwa_reach=bahwa_reach)
    quotes = _once(resolve_speakers(v, direct + indirect, model, choices))
    day, published = dates.article_day(doc), dates.parse_anchor(doc._.published)
    for q in quotes:  # said on the day of the report unless the attribution dates it
        q.date = dates.reported_date(q.date, day, latest=published)
    return quotes


def _once(quotes: list[Quote]) -> list[Quote]:
    """Each quote once: a reported clause holding a quoted phrase ('ia memperingatkan bahwa
    Bumi bisa menjadi "bola api raksasa" akibat …') is told by its partial quote, the
    speaker's own words, as the guideline has it ("a partial quote: a quoted phrase inside
    reported speech"; "mark each quote once"); the clause is not told again beside it."""
    phrases = [q.content for q in quotes if q.kind == "partial"]
    return [q for q in quotes if q.kind != "indirect" or not any(
        q.content.start <= p.start and p.end <= q.content.end for p in phrases)]


def direct_quotes(doc: Doc) -> list[Quote]:
    """Quotes in quote marks: kind ``direct`` or ``partial``."""
    return [q for q in extract_quotes(doc) if q.kind != "indirect"]


def indirect_quotes(doc: Doc) -> list[Quote]:
    """Reported clauses without quote marks."""
    return [q for q in extract_quotes(doc) if q.kind == "indirect"]


# ---------------------------------------------------------------- spaCy stage


class QuotesStage:
    """spaCy component: ``doc._.quotes = extract_quotes(doc)`` for Indonesian documents."""

    def __init__(self, nlp: Language, name: str, *, bahwa_reach: int = BAHWA_REACH,
                 speaker_model: str = "") -> None:
        self.name = name
        self.bahwa_reach = bahwa_reach
        self.speaker_model = load_speaker_model(speaker_model or None)

    def __call__(self, doc: Doc) -> Doc:
        if skip_unsupported(doc, STAGE, VERSION):
            return doc
        doc._.quotes = extract_quotes(doc, bahwa_reach=self.bahwa_reach,
                                      speaker_model=self.speaker_model)
        mark_stage(doc, STAGE, VERSION, "ok")
        return doc


@Language.factory(FACTORY, requires=["doc.sents", "doc.ents"], assigns=["doc._.quotes"],
                  default_config={"bahwa_reach": BAHWA_REACH, "speaker_model": ""})
def make_quotes_stage(nlp: Language, name: str, bahwa_reach: int,
                      speaker_model: str) -> QuotesStage:
    """Factory for the quotes stage (registered under its versioned name); ``bahwa_reach`` is
    how many words after a reporting verb its "bahwa" may stand; ``speaker_model`` a speaker
    model file other than the shipped one (``warta train extract`` scores its dev run so)."""
    return QuotesStage(nlp, name, bahwa_reach=bahwa_reach, speaker_model=speaker_model)
