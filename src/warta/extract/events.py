"""PLOVER events coded natively from Indonesian text: who did what to whom, when and where.

``extract_events(doc)`` is a pure function from an analysed Doc (sentences, entities with
``span._.actor``, ``doc._.actors``, ``doc._.dates``) to ``warta.types.Event`` records:

1. triggers: the longest lexicon match at each token (``event_lexicon``: verbs in all their
   meN-/di-/ber-/-kan/-i forms, nominalisations, multiword triggers), light-verb constructions
   ("melakukan kunjungan", "mencari dukungan" → REQUEST, "menerima bantuan" → reversed roles);
2. arguments (``event_args``), negation and modality (cue lists in ``nlp/lang/id``);
3. the date of the clause or sentence, the place ("di X", "ke X", dateline);
4. merging: mentions of one real-world event (same type, compatible mode, arguments and date,
   sharing at least one actor) become one event that keeps every evidence span;
5. the article date for undated present-tense reports, "historical" for events dated before
   the article, Goldstein score and QuadClass from ``data/events/scores.tsv``.

Symmetric events (meetings, talks, agreements, cooperation) are emitted once, source and target
in text order; the lexicon's ``sym`` flag says which triggers are undirected.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from warta.errors import ConfigError, Errors
from warta.extract import event_args as args_
from warta.extract import event_parties, event_triggers
from warta.extract.event_args import (
    QUOTE_MARKS,
    Context,
    Mention,
    looks_verbal,
)
from warta.extract.event_lexicon import (
    MAX_GAP,
    Form,
    Voice,
    bare_verb,
    first_words,
    gapped,
    lexicon,
    max_words,
    score,
)
from warta.extract.event_parties import PartyCandidate, PartyModel, Proposal
from warta.extract.event_triggers import TriggerModel
from warta.nlp.extensions import (
    doc_memo,
    factory_name,
    mark_stage,
    skip_unsupported,
    span_actor,
    span_text,
    token_lowers,
    token_texts,
)
from warta.nlp.lang.id import modality as modal
from warta.nlp.lang.id.event_markers import (
    ANTERIOR,
    CLAUSE_OPENERS,
    ECONOMIC_HEADS,
    LIGHT_VERBS,
    LOCATIVE,
    PASSIVE_LIGHT_VERBS,
    PERSONA_SKIP,
    PREPOSITIONS,
    PURPOSE,
    PURPOSE_PREPOSITIONS,
    RECEIVE_VERBS,
    REQUEST_ADDRESSEE_PREPOSITIONS,
    REQUEST_VERBS,
    REQUESTABLE,
    TITLE_WORDS,
)
from warta.nlp.lang.id.event_markers import AUX_SKIP as _AUX_SKIP
from warta.nlp.lang.id.event_markers import DUAL_NOUNS as _DUAL_NOUNS
from warta.nlp.lang.id.event_markers import EMBEDDING as _EMBEDDING
from warta.nlp.lang.id.event_markers import EVENT_DETERMINERS as _DETERMINERS
from warta.nlp.lang.id.negation import BRIDGES, NEGATORS, NOT_ONLY
from warta.nlp.lang.id.pronouns import ANAPHORIC_DETERMINERS, FIRST_PERSON
from warta.nlp.lang.id.reporting_verbs import CUE_AFTER, INDIRECT_VERBS, VERB_BEFORE
from warta.partial_date import PartialDate, bounds
from warta.plover import ASKED_FOR
from warta.resolve import dates, places
from warta.types import Actor, Event, Modality, Place

STAGE = "events"
# 19: the trigger model (event_triggers) is on by default, retrained on the whole train split
# with each word's static vector, negation, modal and "yang" cues and its head's lexicon type
# (no lemmas: the lemmatizer stays off); a word it proposes makes an event only when the party
# decision names both its source and its target;
# 18: the party decision knows what the noun a mention's phrase hangs under is: an office or a
# body's common name ("pemerintah Malaysia", the name stands for its holder) or any other noun
# ("pengungsi Suriah": whose refugees, no party); the party model retrained;
# 17: the party decision knows the subject a trigger without one of its own takes from the
# clause it hangs under, at any depth and across a speech verb ("Budi mengatakan sudah
# bertemu dengan X": Budi, outside the reported words; "kami" above the trigger: the quote's
# speaker); the party model retrained;
# 16: merged with 15 below: the party decision reads the trigger's case frame (what the
# preposition before a mention makes of it by the trigger's lexicon row: its own target
# prepositions, "oleh" the agent, "dari" the giver, "di", "sejak" ... a setting; a bare name
# right after the trigger by voice and row) and a pronoun in its object slot ("-nya", "dia");
# the party model retrained;
# 15: the trigger decision reads why a lexicon word is no event: whether its clause or sentence
# names any actor, what its object is crossed with the row (the row's sense: "menerima suap"
# against "menerima Presiden"), whether the quote it stands in has a known speaker; a word of
# a capitalised title inside a sentence ("program Bantuan Langsung Tunai") is no act;
# 14: the party decision knows the trigger's subject and object slots (its own subject, a
# first-person one, one shared with the verb it hangs under, none; an object or none), which
# candidate is the subject of a clause before the trigger's, a previous-sentence mention's
# role there, the candidate actor's kind, and the slots crossed with what each candidate is;
# 13: both 12s merged (the trigger side's bare verbs, the party side's parse features and trees),
# the models retrained on the merged stages of s7;
# 12: a lexicon verb written without meN- is matched where Indonesian drops the prefix: after a
# first-person pronoun agent ("kasus ini akan kami selidiki") and as a speech tag after a quote
# ('…," sindir Tomsi'); the trigger model retrained;
# 11: both of 10's changes, merged (the party decision and the trigger decision); a passive's
# bare agent behind an unnamed officer of it is the source ("ditahan penyidik KPK");
# 12 (also): the party decision reads the dependency parse (the mention's phrase head as subject,
# object or oblique of the trigger or of the verb it hangs under, its case marker, tree path,
# same clause) and is made by boosted trees (LightGBM, read from JSON) instead of a linear model;
# 10: the party model chooses source and target together, an open side scored by a bias tuned
# on train-CV; candidates know their rank on their side and a person-body pair's other one;
# 10 (also): the trigger model reads how a lexicon word is used (negated, planned or possible, in a
# relative clause, an earlier event named again or its entry matched earlier in the article, a
# speech verb, a title-like line, the kinds of actors on either side), each crossed with its
# type; its threshold chosen by train CV (0.2);
# 9: common news words of every PLOVER type added to the lexicon (checked on train with
# scripts/mine_triggers.py --check); "terhadap" names the patient of any directed noun,
# "antara X dan Y" the pair of any undirected act, a passive light verb's agent acts for the
# nominal event it follows ("serangan ... dilancarkan Rusia");
# 8: a trained trigger model can propose triggers outside the lexicon (event_triggers; off by
# default: triggers_model = "none");
# 7: triggers mined from the train split (data/events/mined.tsv), the trigger model retrained;
# 6: a quote's speaker is the source when the subject is the speaker ("kami menolak"); the
# headline's actors are candidates, its body acts for an officer unnamed ("Penyidik menangkap");
# 5: general verbs added to the lexicon from the train gold; 4: event_parties
VERSION = "19"
FACTORY = factory_name(STAGE, VERSION)
LOCATION_WINDOW = 12
HISTORICAL_GRACE_DAYS = 7  # "kemarin" is news, not history
# request-like types: a trigger in their complement is what was asked, not what happened
_IRREALIS_HEADS = frozenset({"REQUEST", "THREATEN", "REJECT", "AGREE"})
_IRREALIS_CODES = frozenset({"057"})  # what a signed agreement is about is still to come
_COMPLEMENT_GAP = 6
_PASSIVE_LIGHT_WINDOW = 8  # tokens from a nominal trigger to the passive light verb it heads
_CLAUSE_MARKS = frozenset({",", ";", ":", "bahwa", "yang"})
REPORTING_VERBS = CUE_AFTER | VERB_BEFORE | INDIRECT_VERBS


Observer = Callable[[Span, Form, Span, list[PartyCandidate]], None]
# why a lexicon match made no event: "blocked" (a NONE idiom), "aux", "light_verb", "title"
# (a word of a capitalised title, ``in_title``),
# "complement", "trigger_model", "no_party" (or "needtarget", "needboth", "host",
# "placetarget": an entry's own condition), "one_side" (a trigger model's word with a party
# open)
Dropper = Callable[[Span, Form, str], None]


@dataclass
class Candidate:
    """An event mention before merging (internal: carries what merging and dating need)."""

    form: Form
    type: str
    mode: str | None
    cameo: str | None
    trigger: Span
    source: str | None
    target: str | None
    spans: list[Span]
    negated: bool
    modality: Modality
    date: str | None = None
    location: Place | None = None
    anterior: bool = False
    symmetric: bool = False
    evidence: list[Span] = field(default_factory=list)


# --- mentions -------------------------------------------------------------------------------


def _actor_index(doc: Doc) -> dict[str, Actor]:
    return {a.id: a for a in doc._.actors or []}


def collect_mentions(doc: Doc, *, lookup: Any = None, ents: Sequence[Span] | None = None
                     ) -> Context:
    """Actor mentions (entities and the actors stage's extra mentions) ready for argument rules.

    A country name right before a person ("Menteri Luar Negeri AS Antony Blinken") is part of the
    person's title, not an argument; place entities without an actor carry their country.
    ``ents``: the Doc's entities when the caller has read them (``doc.ents`` builds them anew).
    """
    actors = _actor_index(doc)
    ents = doc.ents if ents is None else tuple(ents)
    spans = sorted({(s.start, s.end): s for s in [*ents, *(doc._.mentions or [])]}.values(),
                   key=lambda s: (s.start, -s.end))
    raw: list[Mention] = []
    last_end = -1
    for span in spans:
        if span.start < last_end:
            continue
        actor_id = span_actor(span)
        actor = actors.get(actor_id) if actor_id else None
        person = span.label_ == "PERSON" or (actor is not None and actor.type == "PERSON")
        country = None
        if actor_id is None:
            if not places.is_place_span(doc, span):
                continue
            country = places.resolve(span.text, lookup=lookup).country if lookup else None
            if country is None:
                continue
        raw.append(Mention(span.start, span.end, actor_id, country, span, person))
        last_end = span.end
    modifiers: set[int] = set()
    kept = []
    lowers = token_lowers(doc)  # the words, not a Token per mention (eleventh round)
    for i, m in enumerate(raw):
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        titled = m.start > 0 and lowers[m.start - 1] in TITLE_WORDS
        if not m.person and titled and nxt is not None and nxt.person \
                and (_adjacent(doc, m.end, nxt.start) or _apposed(doc, m.end, nxt.start)):
            modifiers.update(range(m.start, m.end))
            continue
        if not m.person and m.start > 0 and lowers[m.start - 1] in ECONOMIC_HEADS:
            modifiers.update(range(m.start, m.end))  # "dolar AS": the currency's, not a party
            continue
        kept.append(m)
    return Context(doc, kept, modifiers, ents=ents)


def _adjacent(doc: Doc, end: int, start: int) -> bool:
    """Whether only title words separate two mentions ("AS Antony", "Rusia Vladimir")."""
    lowers = token_lowers(doc)
    return start - end <= 2 and all(lowers[k] in TITLE_WORDS for k in range(end, start))


def _apposed(doc: Doc, end: int, start: int) -> bool:
    """"Ketua MPR, Ahmad Muzani": a titled body and the holder after one comma are one party."""
    return start - end == 1 and token_texts(doc)[end] == ","


# --- triggers -------------------------------------------------------------------------------


def match_triggers(doc: Doc, *, ents: Sequence[Span] | None = None) -> list[tuple[Span, Form]]:
    """Longest lexicon matches, left to right, outside entity names (``ents``: the Doc's
    entities when the caller has read them; ``doc.ents`` builds them anew at each read).

    A multiword trigger also matches with "-nya" on its last word ("menarik pasukannya"); a gapped
    trigger ("menetapkan ... sebagai tersangka") is reported as its head words.
    """
    table, longest, gaps, firsts = lexicon(), max_words(), gapped(), first_words()
    in_ent = {i for e in (doc.ents if ents is None else ents) for i in range(e.start, e.end)}
    lowers = token_lowers(doc)  # read once per Doc: Doc indexing per candidate dominated
    out: list[tuple[Span, Form]] = []
    size = len(lowers)
    # a match starts at a lexicon entry's first word: only those words are tried, in order,
    # the ones a match found before covers skipped (one set test per word, in a comprehension)
    for i in [k for k, w in enumerate(lowers) if w in firsts]:
        if out and i < out[-1][0].end:
            continue
        for n in range(min(longest, size - i), 0, -1):
            if any(k in in_ent for k in range(i, i + n)):
                continue
            words = tuple(lowers[i:i + n])
            form = _gap_match(doc, i + n, gaps[words]) if words in gaps else None
            form = form or table.get(words) or (  # the gapped form is the longer match
                table.get((*words[:-1], words[-1][:-3]))
                if n > 1 and words[-1].endswith("nya") else None)
            if form is not None:
                out.append((doc[i:i + n], form))
                break
    bare = _bare_verbs(doc, lowers, in_ent,
                       {i for span, _ in out for i in range(span.start, span.end)})
    return sorted([*out, *((doc[i:i + 1], f) for i, f in bare)], key=lambda m: m[0].start) \
        if bare else out


_TAG_OPENERS = frozenset({",", "?", "!"})
_CLOSING_QUOTES = frozenset({'"', "\u201d", "'", "\u2019"})


def _bare_verbs(doc: Doc, lowers: list[str], in_ent: AbstractSet[int],
                covered: AbstractSet[int]) -> list[tuple[int, Form]]:
    """Lexicon verbs written without meN- where Indonesian drops it: after a first-person
    pronoun agent, modal and aspect words between ("akan terus kami selidiki", "kita
    sepakati"), and as the speech tag right after a quote ('…," sindir Tomsi': the speaker's
    capitalised name or title follows, which tells a tag from a quote's opening word). The
    pronoun's verb reads its subject as the agent (active); the tag's agent follows it
    (passive)."""
    out: list[tuple[int, Form]] = []
    for i, w in enumerate(lowers):
        if w in FIRST_PERSON:
            j = i + 1
            while j < len(lowers) and lowers[j] in PERSONA_SKIP:
                j += 1
            voice: Voice = "active"
        elif w in _CLOSING_QUOTES and i > 0 and lowers[i - 1] in _TAG_OPENERS \
                and i + 2 < len(lowers) and doc[i + 2].text[:1].isupper():
            j, voice = i + 1, "passive"
        else:
            continue
        if j >= len(lowers) or j in covered or j in in_ent:
            continue
        found = bare_verb(lowers[j])
        if found is not None:
            out.append((j, Form((lowers[j],), voice, found.entry)))
    return out


def _gap_match(doc: Doc, i: int, options: list[tuple[tuple[str, ...], Form]]) -> Form | None:
    """The gapped form whose tail words follow within MAX_GAP tokens of ``i``."""
    for tail, form in options:
        for j in range(i + 1, min(len(doc) - len(tail), i + MAX_GAP) + 1):
            if doc[j - 1].is_punct and doc[j - 1].text not in QUOTE_MARKS:
                break
            if tuple(t.lower_ for t in doc[j:j + len(tail)]) == tail:
                return form
    return None


def _light_verb(doc: Doc, trigger: Span, sent: Span) -> tuple[int, str] | None:
    """A light verb right before a nominal trigger: (its index, kind) with kind
    "light", "request" or "receive"."""
    j = trigger.start - 1
    while j >= sent.start and (doc[j].lower_ in _DETERMINERS or doc[j].text in QUOTE_MARKS):
        j -= 1
    if j < sent.start or doc[j].ent_iob_ in ("B", "I"):  # "Cari" inside a headline name
        return None
    word = doc[j].lower_
    if word in REQUEST_VERBS:
        return j, "request"
    if word in RECEIVE_VERBS:
        return j, "receive"
    if word in LIGHT_VERBS:
        return j, "light"
    return None


# --- arguments ------------------------------------------------------------------------------


def _resolve(doc: Doc, m: Mention | None) -> str | None:
    """The actor id of a mention; a place-only mention stands for its country's government."""
    if m is None:
        return None
    if m.actor is not None:
        return m.actor
    return country_actor(doc, m.country) if m.country else None


def country_actor(doc: Doc, country: str) -> str:
    """The id of a country's actor in this document, added (as ``gpe:<ISO3>``) when missing."""
    actors: list[Actor] = doc._.actors if doc._.actors is not None else []
    wanted = f"gpe:{country}"
    for a in actors:
        if a.id == wanted:
            return a.id
    entry = places.country_entry(country)
    actors.append(Actor(id=wanted, name=getattr(entry, "name", None) or country, type="GPE",
                        country=country, kb=getattr(entry, "kb", None)))
    doc._.actors = actors
    return wanted


def find_arguments(ctx: Context, trigger: Span, form: Form, sent: Span
                   ) -> tuple[list[Mention], Mention | None, str, list[Span]]:
    """(sources, target, effective type marker, argument spans) for one trigger.

    The marker is "" for the lexicon type, "request" when a request verb governs the nominal
    trigger ("mencari dukungan"), "receive" when a receive verb does ("menerima bantuan").
    """
    doc, voice = ctx.doc, form.voice
    sources: list[Mention] = []
    target: Mention | None = None
    kind = ""
    if voice == "active":
        sources = args_.subject(ctx, trigger.start, sent)
        target, _ = args_.object_of(ctx, trigger.end, sent, form, direct=True)
        if not sources or target is None:
            p_subj, p_obj = args_.parse_args(doc, ctx, trigger)
            sources = sources or ([p_subj] if p_subj and p_subj.agent else [])
            if "nodirect" not in form.entry.flags:
                target = target or p_obj
    elif voice == "passive":
        agent = args_.passive_agent(ctx, trigger.end, sent)
        sources = [agent] if agent is not None else []
        before = trigger.start - 1
        purpose = before >= sent.start and doc[before].lower_ in PURPOSE
        patients = [] if purpose else args_.subject(ctx, trigger.start, sent)
        target = patients[-1] if patients else None
    elif voice == "intrans":
        sources = args_.subject(ctx, trigger.start, sent)
        target, _ = args_.object_of(ctx, trigger.end, sent, form,
                                    direct=form.entry.type == "CONSULT")
    else:
        sources, target, kind = _nominal_arguments(ctx, trigger, form, sent)
    if "sym" in form.entry.flags and len(sources) == 2 and target is None:
        sources, target = [sources[0]], sources[1]
    spans = [m.span for m in [*sources, target] if m is not None]
    return sources, target, kind, spans


def _nominal_arguments(ctx: Context, trigger: Span, form: Form, sent: Span
                       ) -> tuple[list[Mention], Mention | None, str]:
    doc = ctx.doc
    light = _light_verb(doc, trigger, sent)
    kind = light[1] if light else ""
    owner = None if "noposs" in form.entry.flags else args_.possessor(ctx, trigger.end, sent)
    target, prep = args_.object_of(ctx, trigger.end, sent, form, direct=False)
    if "patient" in form.entry.flags and owner is not None:  # "penangkapan Noel oleh KPK"
        target = target or owner
        owner = _after_prep(ctx, trigger.end, sent, {"oleh"})
    if prep == "antara" and target is not None:
        other = ctx.next_partner(target, sent.end)
        if "sym" in form.entry.flags and other is not None:
            return [target], other, kind
        target = None  # "perang antara X dan Y" without a partner: no direction to read
    if kind == "request":
        asker = args_.subject(ctx, light[0], sent) if light else []
        addressee = _after_prep(ctx, trigger.end, sent, REQUEST_ADDRESSEE_PREPOSITIONS)
        return asker[-1:], addressee, kind
    if kind == "receive":
        receiver = args_.subject(ctx, light[0], sent) if light else []
        giver = owner or _after_prep(ctx, trigger.end, sent, {"dari"})
        return ([giver] if giver else []), (receiver[-1] if receiver else None), kind
    sources = [owner] if owner is not None else []
    if not sources and "dari" not in form.entry.preps:  # "kecaman dari PBB terhadap ..."
        origin = _after_prep(ctx, trigger.end, sent, {"dari"})
        sources = [origin] if origin is not None and origin.agent else []
    if not sources and light is not None:
        sources = args_.subject(ctx, light[0], sent)
    if not sources and light is None:
        sources = _passive_light_agent(ctx, trigger, sent)
    return sources, target, kind


def _passive_light_agent(ctx: Context, trigger: Span, sent: Span) -> list[Mention]:
    """"Serangan terhadap Ukraina dilancarkan Rusia", "pemeriksaan yang dilakukan KPK": a
    nominal event that is the subject of a passive light verb is done by that verb's agent
    (the passive counterpart of "Rusia melancarkan serangan")."""
    doc = ctx.doc
    tagged = doc.has_annotation("POS")
    for j in range(trigger.end, min(sent.end, trigger.end + _PASSIVE_LIGHT_WINDOW)):
        word = doc[j].lower_
        if word in PASSIVE_LIGHT_VERBS:
            agent = args_.passive_agent(ctx, j + 1, sent)
            return [agent] if agent is not None else []
        if word == "yang" or word in PREPOSITIONS or doc[j].ent_iob_ in ("B", "I"):
            continue
        verb = doc[j].pos_ in ("VERB", "AUX") if tagged else looks_verbal(word)
        if doc[j].text in ",;:" or word in CLAUSE_OPENERS or verb:
            return []  # the noun's own phrase ended: a later verb has another subject
    return []


def _after_prep(ctx: Context, i: int, sent: Span, preps: AbstractSet[str]) -> Mention | None:
    for m, prep, _ in args_.right_mentions(ctx, i, sent):
        if prep in preps:
            return m
    return None


# --- negation, modality, dates, places -------------------------------------------------------


def is_negated(doc: Doc, trigger: Span, sent: Span) -> bool:
    """A negator within a few words before the trigger ("tidak akan menyerang")."""
    j, steps = trigger.start - 1, 0
    lowers = token_lowers(doc)  # the words, not a Token per step
    while j >= sent.start and steps < 4:
        word = lowers[j]
        if word in NEGATORS:
            nxt = lowers[j + 1] if j + 1 < len(doc) else ""
            return nxt not in NOT_ONLY
        if word not in BRIDGES and word not in LIGHT_VERBS and word not in _DETERMINERS:
            return False
        j, steps = j - 1, steps + 1
    return False


def clause_start(doc: Doc, i: int, sent: Span) -> int:
    """Start of the clause that token ``i`` belongs to (after , ; : "bahwa" "yang")."""
    lowers = token_lowers(doc)  # the words, not a Token per step
    for j in range(i - 1, sent.start - 1, -1):
        if lowers[j] in _CLAUSE_MARKS:
            return j + 1 if lowers[j] not in ("bahwa", "yang") else j
    return sent.start


def modality_of(doc: Doc, trigger: Span, sent: Span) -> Modality:
    """Modality from cues earlier in the trigger's clause: conditional/possible > planned > past."""
    lowers = token_lowers(doc)  # the words, not a Token per word
    words = lowers[clause_start(doc, trigger.start, sent):trigger.start]
    first = lowers[sent.start]
    if first in modal.CONDITIONAL and "," not in token_texts(doc)[sent.start:trigger.start]:
        return "hypothetical"
    if any(w in modal.HYPOTHETICAL for w in words):
        return "hypothetical"
    if any(w in modal.FUTURE for w in words):
        return "future"
    if any(w in modal.HISTORICAL for w in words):
        return "historical"
    return "asserted"


def _anterior(doc: Doc, trigger: Span, sent: Span) -> bool:
    """Whether the trigger sits in an "after/since ..." clause (it precedes the report)."""
    start, lowers = clause_start(doc, trigger.start, sent), token_lowers(doc)
    return lowers[start] in ANTERIOR or (start == sent.start and any(
        w in ANTERIOR for w in lowers[sent.start:trigger.start][:1]))


def clause_bounds(doc: Doc, i: int, sent: Span) -> tuple[int, int]:
    """Comma-delimited segment of the sentence around token ``i``."""
    texts = token_texts(doc)  # the words, not a Token per step
    lo = next((j + 1 for j in range(i - 1, sent.start - 1, -1) if texts[j] in ",;:"),
              sent.start)
    hi = next((j for j in range(i, sent.end) if texts[j] in ",;:"), sent.end)
    return lo, hi


def date_of(doc: Doc, trigger: Span, sent: Span) -> str | None:
    """The nearest dated expression of the trigger's clause, else of its sentence."""
    mentions = [d for d in doc._.dates or []
                if d.value and d.span.start >= sent.start and d.span.end <= sent.end
                and not _embedded_after(doc, trigger.end, d.span.start)]
    if not mentions:
        return None
    lo, hi = clause_bounds(doc, trigger.start, sent)

    def distance(d: Any) -> tuple[int, int]:
        same = 0 if d.span.start >= lo and d.span.end <= hi else 1
        gap = max(d.span.start - trigger.end, trigger.start - d.span.end, 0)
        return same, gap

    value: str | None = min(mentions, key=distance).value
    return value


def _embedded_after(doc: Doc, lo: int, hi: int) -> bool:
    """A date after a relative or purpose clause opener belongs to that clause ("batas yang
    disepakati tahun 1973", "untuk berkunjung tahun depan")."""
    return any(doc[k].lower_ in _EMBEDDING for k in range(lo, hi))


def location_of(ctx: Context, trigger: Span, sent: Span, *, lookup: Any,
                form: Form | None = None) -> Place | None:
    """The place of an event: "di X" after it in the clause, "ke X" (or the visited place) for
    a movement, else a "di X" earlier in the sentence."""
    doc = ctx.doc
    visit = form is not None and form.entry.mode == "visit"
    located = [e for e in ctx.ents if e.start >= sent.start and e.end <= sent.end
               and (places.locative_prep(doc, e) in LOCATIVE
                    or (visit and e.start == trigger.end and span_actor(e) is None))
               and places.is_place_span(doc, e)]
    reach = _phrase_end(doc, trigger.end, sent)
    starts = {e.start for e in located}
    if reach < sent.end - 1 and doc[reach].text == "," and reach + 1 in starts:
        reach += 2  # "di Istana Merdeka, Jakarta"
    after = [e for e in located if trigger.end <= e.start < reach]
    before = [e for e in located if e.end <= trigger.start
              and places.locative_prep(doc, e) == "di"]
    chosen = after[0] if after else (before[-1] if before else None)
    return places.resolve(chosen.text, span=chosen, lookup=lookup) if chosen else None


def _phrase_end(doc: Doc, i: int, sent: Span) -> int:
    """Where the trigger's own phrase ends: punctuation, a clause opener or "untuk"/"agar"."""
    for j in range(i, min(sent.end, i + LOCATION_WINDOW)):
        tok = doc[j]
        if (tok.is_punct and tok.text not in QUOTE_MARKS) or tok.lower_ in CLAUSE_OPENERS \
                or tok.lower_ in PURPOSE_PREPOSITIONS:
            return j
    return min(sent.end, i + LOCATION_WINDOW)


# --- merging --------------------------------------------------------------------------------


def _dates_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _real(m: Modality) -> str:
    return "real" if m in ("asserted", "historical") else m


def _pairs(c: Candidate) -> list[tuple[str | None, str | None]]:
    pairs = [(c.source, c.target)]
    if c.symmetric:
        pairs.append((c.target, c.source))
    return pairs


def _same(a: str | None, b: str | None, countries: dict[str, str | None]) -> bool:
    """Same actor, or a country's government and one of its people ("Rusia" / "Putin")."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    ca, cb = countries.get(a), countries.get(b)
    return ca is not None and ca == cb and (a == f"gpe:{ca}" or b == f"gpe:{cb}")


def _args_compatible(a: Candidate, b: Candidate, countries: dict[str, str | None]
                     ) -> tuple[bool, bool]:
    """(compatible, flipped): b's arguments fit a's, possibly in the other direction (symmetric)."""
    for flipped, (s, t) in enumerate(_pairs(b)):
        ok_s = a.source is None or s is None or _same(a.source, s, countries)
        ok_t = a.target is None or t is None or _same(a.target, t, countries)
        shared = _same(a.source, s, countries) or _same(a.target, t, countries)
        if ok_s and ok_t and shared:
            return True, bool(flipped)
    return False, False


def _country_level(place: Place) -> bool:
    return place.kb is not None and place.kb == place.country


def _mergeable(a: Candidate, b: Candidate, countries: dict[str, str | None]
               ) -> tuple[bool, bool]:
    if a.type != b.type or a.negated != b.negated or _real(a.modality) != _real(b.modality):
        return False, False
    if a.mode is not None and b.mode is not None and a.mode != b.mode:
        return False, False
    if a.symmetric != b.symmetric:  # a meeting is not the visit it happened on ("bertemu")
        return False, False
    if not _dates_compatible(a.date, b.date):
        return False, False
    return _args_compatible(a, b, countries)


def merge(candidates: list[Candidate], *, countries: dict[str, str | None] | None = None,
          published: str | None = None) -> list[Candidate]:
    """One event per real-world event: fold each mention into the first compatible event."""
    countries = countries or {}
    merged: list[Candidate] = []
    for c in candidates:
        for m in merged:
            ok, flipped = _mergeable(m, c, countries)
            if not ok:
                continue
            s, t = (c.target, c.source) if flipped else (c.source, c.target)
            if (m.source is None or m.target is None) and s is not None and t is not None:
                m.trigger = c.trigger  # the fullest mention names the event
            m.source = m.source or s
            m.target = m.target or t
            m.mode = m.mode or c.mode
            if c.date and (m.date is None or _finer(c.date, m.date)) \
                    and not _dated_by_article(m, c.date, published):
                m.date = c.date
            if m.location is None or (_country_level(m.location) and c.location is not None
                                      and not _country_level(c.location)):
                m.location = c.location  # "ke Beijing" is more precise than "ke Tiongkok"
            m.anterior = m.anterior and c.anterior
            m.evidence.extend(e for e in c.evidence if e not in m.evidence)
            if m.modality == "asserted" and c.modality == "historical":
                m.modality = "historical"
            break
        else:
            merged.append(c)
    return merged


# --- dating ---------------------------------------------------------------------------------

def _dated_by_article(m: Candidate, date: str, published: str | None) -> bool:
    """An undated present report takes the article's day (``finalize``); a later mention's year
    or month that contains that day ("OTT ... kedua KPK di tahun 2025") must not blur it."""
    if m.date is not None or m.modality != "asserted" or m.anterior:
        return False
    period = PartialDate.parse(date)
    return period is not None and period.precision != "day" and _covers_day(date, published)


_PRECISION_RANK = {"year": 0, "month": 1, "week": 2, "day": 3}


def _finer(value: str, than: str) -> bool:
    """Whether a date is more precise than another ("2024-04-16" than "2024-04" or "2024-W16")."""
    a, b = PartialDate.parse(value), PartialDate.parse(than)
    return a is not None and (b is None or _PRECISION_RANK[a.precision]
                              > _PRECISION_RANK[b.precision])


def _covers_day(value: str | None, day: str | None) -> bool:
    """Whether the (partial) date ``value`` contains the ISO ``day``."""
    period, on = PartialDate.parse(value), PartialDate.parse(day)
    return period is not None and on is not None and period.covers(on.first)


def _bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day an ISO (possibly partial) date covers."""
    return bounds(value)


def article_date(doc: Doc) -> str | None:
    """The day the article reports from: its publication date, else the report date its lead
    gives ("…, Senin (20/10/2025).")."""
    found = dates.article_day(doc)
    return found.isoformat() if found else None


def reference_date(doc: Doc, day: str | None) -> str | None:
    """The article's date ``day``, else the latest date the text names (partial dates allowed)."""
    if day is not None:
        return day
    values = [d.value for d in doc._.dates or [] if d.value and _bounds(d.value)]
    # values holds only dates _bounds reads (filtered above), so it is never None here
    return max(values, key=lambda v: _bounds(v)[1]) if values else None  # type: ignore[index]


def is_before(date: str, reference: str, *, grace_days: int = HISTORICAL_GRACE_DAYS) -> bool:
    """Whether a (partial) date ends well before the reference starts."""
    d, r = _bounds(date), _bounds(reference)
    if d is None or r is None:
        return False
    return d[1] < r[0] - dt.timedelta(days=grace_days)


def dated_modality(modality: Modality, date: str | None, reference: str | None, *,
                   grace_days: int = HISTORICAL_GRACE_DAYS) -> Modality:
    """An asserted event dated well before the article's reference date is historical."""
    if modality == "asserted" and date and reference \
            and is_before(date, reference, grace_days=grace_days):
        return "historical"
    return modality


def finalize(c: Candidate, *, published: str | None, reference: str | None,
             grace_days: int = HISTORICAL_GRACE_DAYS) -> Event:
    """Date fallback, historical modality, scores: the Event the record stores."""
    date = c.date
    modality = c.modality
    if date is None and modality == "asserted" and not c.anterior and published:
        date = published
    elif date is not None and published:  # a target year is no event date: its report's day is
        day = dates.parse_anchor(published)
        date = dates.reported_date(date, day, latest=day)
    modality = dated_modality(modality, date, reference, grace_days=grace_days)
    s = score(c.type, c.mode, c.cameo)
    return Event(type=c.type, trigger=c.trigger, mode=c.mode, cameo=c.cameo, source=c.source,
                 target=c.target, date=date, location=c.location, negated=c.negated,
                 modality=modality, symmetric=c.symmetric, evidence=list(c.evidence),
                 goldstein=s.goldstein if s else None, quad_class=s.quad_class if s else None)


# --- the extractor --------------------------------------------------------------------------


_BOUNDS = "events.sentence_bounds"  # doc_memo key: (length, sentence starts, paragraph breaks)


def _sentence_bounds(doc: Doc) -> tuple[int, list[int] | None, list[int]]:
    """The Doc's sentence starts (None when it has no sentence boundaries) and paragraph
    breaks, read once per stage call (``candidates`` drops them first): ``_sentence`` is asked
    for every trigger and mention, and walking Token objects to the boundaries dominated it."""
    memo = doc_memo(doc)
    got = memo.get(_BOUNDS)
    if got is None or got[0] != len(doc):
        starts = None
        if doc.has_annotation("SENT_START"):  # Token.sent's boundaries: SENT_START == 1
            starts = [k for k, flag in enumerate(doc.to_array(SENT_START).tolist())
                      if flag == 1]
        got = memo[_BOUNDS] = (len(doc), starts, args_.paragraph_breaks(doc))
    return got


def _sentence(doc: Doc, i: int) -> Span:
    """The sentence of token ``i``, also cut at paragraph breaks (a headline has no full stop)."""
    _, starts, breaks = _sentence_bounds(doc)
    if starts is None:
        start, end = 0, len(doc)
    else:  # doc[i].sent: the last start at or before i, the first start after it
        p = bisect_right(starts, i)
        start = starts[p - 1] if p > 0 else 0
        end = starts[p] if p < len(starts) else len(doc)
    q = bisect_left(breaks, i)
    lo = breaks[q - 1] + 1 if q > 0 and breaks[q - 1] >= start else start
    hi = breaks[q] if q < len(breaks) and breaks[q] < end else end
    return doc[lo:hi]


def _unkept(form: Form, source: str | None, target: str | None) -> str | None:
    """Why an event with these parties is not emitted ("no_party" or the entry's flag that
    asks for a party it lacks), None when it is."""
    flags = form.entry.flags
    if source is None and target is None:
        return "no_party"
    if "host" in flags and target is not None \
            and not target.startswith(("person:", "gpe:")):
        return "host"  # one hosts visitors, not "kartu tanda anggota (KTA)"
    if "needtarget" in flags and target is None:
        return "needtarget"
    if "placetarget" in flags and not (target or "").startswith("gpe:"):
        return "placetarget"  # "kursi kepemimpinan G20 diduduki …": a seat, not territory
    return "needboth" if "needboth" in flags and (source is None or target is None) else None



def _aux_blocked(doc: Doc, trigger: Span, form: Form) -> bool:
    """"membantu membangun": a helping verb before another verb is not an aid event."""
    if "aux" not in form.entry.flags or form.voice == "nominal":
        return False
    j = trigger.end
    while j < len(doc) and doc[j].lower_ in _AUX_SKIP:
        j += 1
    return j < len(doc) and looks_verbal(doc[j].lower_)


def trigger_features(doc: Doc, trigger: Span, form: Form, sent: Span,
                     cands: list[PartyCandidate]) -> set[str]:
    """What the trigger model reads of a lexicon match: the word, its entry and neighbours
    (``event_parties.trigger_features``) and how it is used (``use_features``)."""
    return event_parties.trigger_features(doc, trigger, form, sent, cands) \
        | use_features(doc, trigger, form, sent, cands)


def use_features(doc: Doc, trigger: Span, form: Form, sent: Span,
                 cands: list[PartyCandidate]) -> set[str]:
    """How a lexicon word is used, which tells a reported act from a mere mention of one: the
    gold codes what happened, not what is denied, planned, possible, asked about, a relative
    clause's background ("warga yang membantu"), an earlier event named again ("serangan
    tersebut", or its entry matched earlier in the article: the gold marks one telling of an
    act) or a word in a title-like line; reported speech verbs and the kinds of actors on
    either side (a person or body as subject) tell statements from descriptions. Each is also
    crossed with the entry's PLOVER type: a future AGREE is an event, a future ASSAULT not."""
    root = trigger.root  # found once: a Token walk over a phrase
    own = {f"u_modality={modality_of(doc, trigger, sent)}", f"u_upos={root.pos_}",
           f"u_dep={root.dep_}", f"u_len={_size(len(sent))}"}
    if is_negated(doc, trigger, sent):
        own.add("u_negated")
    lowers = token_lowers(doc)  # the words, not a Token per read (eleventh round)
    if lowers[clause_start(doc, trigger.start, sent)] == "yang":
        own.add("u_relative")
    if _anterior(doc, trigger, sent):
        own.add("u_anterior")
    if span_text(doc, trigger.start, trigger.end).lower() in REPORTING_VERBS:
        own.add("u_speech")
    if form.voice == "nominal" and not ANAPHORIC_DETERMINERS.isdisjoint(
            lowers[trigger.end:min(trigger.end + 2, sent.end)]):
        own.add("u_anaphor")
    if not _first_of_row(doc, trigger, form):
        own.add("u_repeat")  # the act told again: the gold marks its clearest telling once
    last_two = token_texts(doc)[max(sent.start, sent.end - 2):sent.end]  # ``sent[-2:]``
    if not any(t in ".!?\"\u201d" for t in last_two):
        own.add("u_unterminated")  # a title, a list item, a caption
    quote = next((q for q in doc._.quotes or []
                  if q.content.start <= trigger.start < q.content.end), None)
    if quote is not None:
        own.add(f"u_quote={quote.kind}")
        if event_parties.speaker_subject(doc, trigger) is not None:
            own.add("u_speaker_subject")
    for c in cands:
        where = next((x for x in c.features if x in ("pos=left", "pos=right")), None)
        if where is not None and c.mention is not None and sent.start <= c.mention.start:
            own.add(f"u_{where[4:]}={_mention_kind(c.mention)}")
    own |= why_features(doc, trigger, form, sent)
    typ = form.entry.type
    return own | {f"{typ}&{x}" for x in own}


def why_features(doc: Doc, trigger: Span, form: Form, sent: Span) -> set[str]:
    """What says why a lexicon word is no event the gold codes: its clause (or its whole
    sentence) names no actor ("masih dalam proses penyidikan", "perlu dukungan"); what its
    object is, crossed with the row, which tells the row's sense from another ("menerima
    Presiden", a visit, against "menerima suap"; "memperingatkan Rusia" against
    "memperingatkan bahwa ..."); whether a quote it stands in has a known speaker (a speech
    act is coded with the speaker as source)."""
    kinds, at = _actor_kinds(doc)
    lo, hi = clause_bounds(doc, trigger.start, sent)
    inside = {kinds[k] for k in at[bisect_left(at, lo):bisect_left(at, hi)]
              if not trigger.start <= k < trigger.end}
    f = {f"w_clause={_party_kinds(inside)}"}
    if bisect_left(at, sent.start) == bisect_left(at, sent.end):
        f.add("w_sent_none")
    if form.voice != "nominal":
        obj = next((_phrase_kind(c, kinds) for c in trigger.root.children
                    if c.dep_ in _OBJECT_ARCS), "none")
        f.add(f"w_row_obj={form.entry.lemma}|{obj}")
    quote = next((q for q in doc._.quotes or []
                  if q.content.start <= trigger.start < q.content.end), None)
    if quote is not None:
        f.add("w_quote_speaker" if quote.speaker else "w_quote_anon")
    return f


def in_title(doc: Doc, trigger: Span, sent: Span) -> bool:
    """Whether a lexicon match is capitalised inside a sentence beside another capitalised
    word: a word of a title, not an act ("program [Bantuan] Langsung Tunai", "Surat Perintah
    Penghentian [Penyidikan]", "Pusat [Peringatan] Tsunami"): Indonesian capitalises the
    names of programmes, documents, laws, offices and meetings, which the entity recogniser
    does not always tag. A word after a quote mark or a dash opens a clause, and an acronym
    (KTT, OTT) is a row of its own."""
    if trigger.start <= sent.start or not _titled(trigger[0].text):
        return False
    before = doc[trigger.start - 1]
    if before.text in QUOTE_MARKS or before.text in _SENTENCE_MARKS:
        return False
    after = doc[trigger.end] if trigger.end < sent.end else None
    return _titled(before.text) or (after is not None and _titled(after.text))


def _titled(word: str) -> bool:
    """A capitalised word that is no acronym ("Bantuan", not "KPK")."""
    return word[:1].isupper() and any(c.islower() for c in word[1:])


_SENTENCE_MARKS = frozenset({"-", "\u2013", "\u2014", "(", "[", ":", ";", ".", "!", "?"})
# the arcs of a name inside a phrase ("Presiden [Jokowi]") and of a verb's object
_NAME_ARCS = frozenset({"flat", "flat:name", "appos", "compound", "nmod"})
_OBJECT_ARCS = frozenset({"obj", "iobj", "nsubj:pass"})
_KINDS = "events.actor_kinds"  # doc_memo key: token index → the kind of party it names


def _actor_kinds(doc: Doc) -> tuple[dict[int, str], list[int]]:
    """Each token inside an entity or actor mention → what it names: "party" (an actor: a
    person, body or country), "place" (a place entity with no actor) or "name" (another
    entity with no actor); and those tokens in order (read once per Doc; ``candidates`` works
    them out from the entities it has read)."""
    memo = doc_memo(doc)
    got: tuple[dict[int, str], list[int]] | None = memo.get(_KINDS)
    if got is None:
        got = memo[_KINDS] = _kinds_of(doc.ents, doc._.mentions or [])
    return got


def _kinds_of(ents: Sequence[Span], mentions: Sequence[Span]
              ) -> tuple[dict[int, str], list[int]]:
    """``_actor_kinds`` of these entities and mentions (``doc.ents`` builds new Spans at each
    read: the stage reads them once)."""
    kinds: dict[int, str] = {}
    for span in [*ents, *mentions]:
        kind = "party" if span_actor(span) else "place" if span.label_ == "LOC" else "name"
        for k in range(span.start, span.end):
            kinds.setdefault(k, kind)
    return kinds, sorted(kinds)


def _party_kinds(kinds: AbstractSet[str]) -> str:
    """A clause's parties in short: none, a person or body (party), or only names or places."""
    if not kinds:
        return "none"
    return "party" if "party" in kinds else "place"


def _phrase_kind(token: Any, kinds: dict[int, str]) -> str:
    """What a subject or object names: an actor (party), a place or name, a pronoun, a thing."""
    for k in (token.i, *(c.i for c in token.children if c.dep_ in _NAME_ARCS)):
        if k in kinds:
            return kinds[k]
    return "pron" if token.pos_ == "PRON" else "name" if token.pos_ == "PROPN" else "thing"


_ROWS = "events.first_of_row"  # doc_memo key: (lemma, type) → its first lexicon match


def _first_of_row(doc: Doc, trigger: Span, form: Form) -> bool:
    """Whether no earlier lexicon match of the article has this trigger's entry."""
    memo = doc_memo(doc)
    firsts: dict[tuple[str, str], int] | None = memo.get(_ROWS)
    if firsts is None:
        firsts = memo[_ROWS] = _first_matches(match_triggers(doc))
    return firsts.get((form.entry.lemma, form.entry.type), trigger.start) >= trigger.start


def _first_matches(matches: list[tuple[Span, Form]]) -> dict[tuple[str, str], int]:
    """Where each lexicon entry, as (lemma, type), first matched."""
    firsts: dict[tuple[str, str], int] = {}
    for span, found in matches:
        firsts.setdefault((found.entry.lemma, found.entry.type), span.start)
    return firsts


def _size(n: int) -> str:
    return next((str(k) for k in (6, 12, 25, 40) if n <= k), "long")


def _mention_kind(m: Mention) -> str:
    """person, a body (org), a country or place: who a party is, by its actor id."""
    if m.actor is None:
        return "place"
    return "person" if m.person else m.actor.split(":", 1)[0]


def all_triggers(doc: Doc, model: TriggerModel | None,
                 matches: list[tuple[Span, Form]] | None = None,
                 ents: Sequence[Span] | None = None
                 ) -> list[tuple[Span, Form, float | None]]:
    """The lexicon's matches (``matches`` when the caller has them) and the trigger model's
    proposals outside them, in text order, each with the model's P(event) for a lexicon match
    it scored (None: a model proposal, or no model)."""
    matches = match_triggers(doc) if matches is None else matches
    if model is None:
        return [(t, f, None) for t, f in matches]
    proposed, scores = event_triggers.propose(doc, model, matches, ents)
    return sorted([*((t, f, p) for (t, f), p in zip(matches, scores, strict=True)),
                   *((t, f, None) for t, f in proposed)], key=lambda x: x[0].start)


def candidates(doc: Doc, *, lookup: Any = None, parties: PartyModel | None = None,
               observe: Observer | None = None, dropped: Dropper | None = None,
               triggers: TriggerModel | None = None,
               ents: Sequence[Span] | None = None) -> list[Candidate]:
    """Every event mention with its arguments, before merging. With a party model, the rules'
    arguments are features and the model picks source and target among every candidate party
    (``event_parties``); ``triggers``, the trained trigger model, adds the words it reads as
    events outside the lexicon (``event_triggers``: its decision stands, the lexicon matches'
    model is not asked); ``observe`` sees each trigger's candidates (the trainer's hook),
    ``dropped`` each match that made no event and why (the diagnostics' hook); ``ents``: the
    Doc's entities when the caller has read them."""

    def drop(trigger: Span, form: Form, reason: str) -> None:
        if dropped is not None:
            dropped(trigger, form, reason)

    memo = doc_memo(doc)  # read afresh: the Doc may have changed since a last call
    memo.pop(_BOUNDS, None)
    ctx = collect_mentions(doc, lookup=lookup, ents=ents)
    memo[_KINDS] = _kinds_of(ctx.ents, doc._.mentions or [])  # the entities ``ctx`` read
    lead = event_parties.lead_mentions(doc, ctx, _sentence)
    # once: the trigger model's repeat feature reads them too; the entities ``ctx`` read
    matches = match_triggers(doc, ents=ctx.ents)
    memo[_ROWS] = _first_matches(matches)
    out: list[Candidate] = []
    heads: list[tuple[Span, Form]] = []  # every trigger so far, for complement detection
    gate = triggers.lexicon_threshold if triggers is not None else None
    for trigger, form, p_event in all_triggers(doc, triggers, matches, ctx.ents):
        proposed = triggers is not None and p_event is None
        sent = _sentence(doc, trigger.start)
        blocked = "blocked" if form.entry.type == "NONE" else "aux" \
            if _aux_blocked(doc, trigger, form) else "light_verb" \
            if _light_use(doc, trigger, form) else "title" \
            if in_title(doc, trigger, sent) else None
        if blocked is not None:
            drop(trigger, form, blocked)
            continue
        head = _complement_head(doc, trigger, sent, heads)
        if not proposed:  # a model's word heads a complement once it is an event (below)
            heads.append((trigger, form))
        if head is not None:
            _code_by_what_is_asked(out, head, form)
            drop(trigger, form, "complement")
            continue
        sources, target, kind, spans = find_arguments(ctx, trigger, form, sent)
        implied = None if sources or form.voice not in ("active", "intrans") \
            else event_parties.speaker_subject(doc, trigger) \
            or event_parties.headline_body(doc, trigger, sent)
        if parties is not None or observe is not None:
            cands = _party_candidates(ctx, trigger, form, sent, sources, target, out, lead,
                                      implied)
            if observe is not None:
                observe(trigger, form, sent, cands)
        if gate is not None and p_event is not None and p_event < gate:
            drop(trigger, form, "trigger_model")
            continue
        if parties is not None and not proposed and gate is None and not event_parties.is_event(
                parties, trigger_features(doc, trigger, form, sent, cands)):
            drop(trigger, form, "trigger_model")
            continue
        if parties is not None:
            source, chosen = event_parties.decide(parties, cands)
            source_ids = [_party_id(doc, source)] if source is not None else []
            target_id = _party_id(doc, chosen)
            spans = [c.mention.span for c in (source, chosen) if c and c.mention]
        else:  # no model file (tests): the argument rules alone
            source_ids = [_resolve(doc, m) for m in sources] or ([implied] if implied else [])
            target_id = _resolve(doc, target)
            if not source_ids and target_id is None and "sym" in form.entry.flags:
                source_ids, target_id = _dual_parties(doc, trigger, sent, out)
            if target_id is None and form.voice == "active":
                target_id = _anaphoric_target(doc, trigger, out)
        type_, mode, cameo, negated, modality = recode(
            form, request=kind == "request", negated=is_negated(doc, trigger, sent),
            modality=modality_of(doc, trigger, sent))
        date = date_of(doc, trigger, sent)
        location = location_of(ctx, trigger, sent, lookup=lookup, form=form)
        if proposed and (not source_ids or target_id is None):
            # a word outside the lexicon is a weaker trigger than a lexicon match: it makes an
            # event only when its source and its target are both named (train-CV, events v19)
            drop(trigger, form, "one_side")
            continue
        if proposed:
            heads.append((trigger, form))
        for source_id in source_ids or [None]:
            tgt = None if target_id == source_id else target_id
            host = "host" in form.entry.flags
            # the model reads the visitor as source already; the rules read the host
            why = _unkept(form, tgt, source_id) if host and parties is not None \
                else _unkept(form, source_id, tgt)
            if why is not None:
                drop(trigger, form, why)
                continue
            if parties is None and host:  # PLOVER's visit: the visitor acts, the host
                source_id, tgt = tgt, source_id  # receives
            evidence = _evidence(doc, trigger, [s for s in spans if s is not None], sent)
            out.append(Candidate(form, type_, mode, cameo, trigger, source_id, tgt, spans,
                                 negated, modality, date, location,
                                 anterior=_anterior(doc, trigger, sent),
                                 symmetric="sym" in form.entry.flags, evidence=[evidence]))
    return out


def _party_candidates(ctx: Context, trigger: Span, form: Form, sent: Span,
                      sources: list[Mention], target: Mention | None, found: list[Candidate],
                      lead: list[Mention], implied: str | None = None
                      ) -> list[PartyCandidate]:
    """The candidate parties of a trigger, the rules' reading among their features; a subject
    that names no actor may imply one, the rules' source: the quote's speaker ("kami
    menolak") or the headline's body ("Penyidik menangkap ...")."""
    doc = ctx.doc
    dual = _dual_parties(doc, trigger, sent, found) if "sym" in form.entry.flags else ([], None)
    proposal = Proposal(
        sources=tuple(_key(m) for m in sources) or ((implied,) if implied else ()),
        target=_key(target) if target is not None else None,
        anaphoric=_anaphoric_target(doc, trigger, found) if form.voice == "active" else None,
        dual=(dual[0][0] if dual[0] else None, dual[1]))
    prev = event_parties.previous_sentence(doc, sent, _sentence)
    return event_parties.party_candidates(ctx, trigger, form, sent, prev, lead, proposal)


def _key(m: Mention) -> str:
    return m.actor or f"gpe:{m.country}"


def _party_id(doc: Doc, cand: PartyCandidate | None) -> str | None:
    """The actor id of a chosen party; a place stands for its country's government."""
    if cand is None:
        return None
    if cand.actor is not None:
        _add_headline_actor(doc, cand.actor)
        return cand.actor
    return country_actor(doc, cand.country) if cand.country else None


def _add_headline_actor(doc: Doc, actor_id: str) -> None:
    """A party only the headline names joins the document's actors, so the event's ids resolve
    in the record."""
    actors: list[Actor] = doc._.actors if doc._.actors is not None else []
    if any(a.id == actor_id for a in actors):
        return
    actor = next((a for a in doc._.headline or [] if a.id == actor_id), None)
    if actor is not None:
        doc._.actors = [*actors, actor]


def recode(form: Form, *, request: bool, negated: bool, modality: Modality
           ) -> tuple[str, str | None, str | None, bool, Modality]:
    """The PLOVER type, mode and CAMEO code a trigger's context makes of its lexicon entry, with
    the negation and modality that remain: a request verb before a cooperative noun is an appeal
    ("meminta bantuan", REQUEST), a refused offer is a rejection ("tidak setuju", REJECT; an
    invitation not extended refuses a meeting, 125), and a promise to sign is an AGREE (the
    PLOVER manual: signing is SUPPORT, "promises to sign or ratify" are AGREE)."""
    type_, mode, cameo = form.entry.type, form.entry.mode, form.entry.cameo
    if request and type_ in REQUESTABLE:
        (mode, cameo), type_ = REQUESTABLE[type_], "REQUEST"
    if negated and type_ == "AGREE":
        mode, cameo = ("meet", "125") if cameo == "036" else (None, "120")
        type_, negated = "REJECT", False
    if type_ == "SUPPORT" and cameo == "057" and modality == "future" and not negated:
        type_, cameo = "AGREE", "030"
    return type_, mode, cameo, negated, modality


def _light_use(doc: Doc, trigger: Span, form: Form) -> bool:
    """"menerima bantuan": a hosting verb before a non-meeting noun is only a light verb."""
    if "host" not in form.entry.flags or form.voice != "active" or trigger.end >= len(doc):
        return False
    nxt = lexicon().get((doc[trigger.end].lower_,))
    return nxt is not None and nxt.voice == "nominal" and nxt.entry.type != "CONSULT"


def _code_by_what_is_asked(found: list[Candidate], head: Span, asked: Form) -> None:
    """A request or refusal without a mode takes the mode and CAMEO code of the act it asks for
    or refuses ("menuntut Israel menarik pasukannya": a demand to yield, 1056)."""
    coded = ASKED_FOR.get((asked.entry.type, asked.entry.mode)) \
        or ASKED_FOR.get((asked.entry.type, None))
    if coded is None:
        return
    mode, appeal, demand, rejection = coded
    for c in found:
        if c.trigger != head or c.mode is not None or not c.cameo:
            continue
        cameo = {"02": appeal, "10": demand, "12": rejection}.get(c.cameo[:2])
        if cameo is not None and c.type in ("REQUEST", "REJECT"):
            c.mode, c.cameo = mode, cameo


def _complement_head(doc: Doc, trigger: Span, sent: Span, heads: list[tuple[Span, Form]]
                     ) -> Span | None:
    """The request, threat, refusal or agreement a trigger is what of ("meminta junta
    membebaskan ...", "membantah tuduhan itu", "sepakat memperkuat kerja sama"), if any: the act
    asked for, refused or promised is not itself an event."""
    for head, form in reversed(heads):
        if head.start < sent.start:
            return None
        if (form.entry.type not in _IRREALIS_HEADS and form.entry.cameo not in _IRREALIS_CODES) \
                or form.voice == "passive":
            continue
        between = doc[head.end:trigger.start]
        if len(between) > _COMPLEMENT_GAP or any(
                t.text in ",;:" or (t.lower_ in CLAUSE_OPENERS and t.lower_ not in
                                    ("agar", "supaya")) for t in between):
            return None
        return head
    return None


def _dual_parties(doc: Doc, trigger: Span, sent: Span, found: list[Candidate]
                  ) -> tuple[list[str | None], str | None]:
    """"Keduanya sepakat", "kerja sama antara kedua negara": the two parties of the latest
    event that had two, when the clause names them only as a pair."""
    start = clause_start(doc, trigger.start, sent)
    window = [t.lower_ for t in doc[start:trigger.start]]  # the pair as subject, not "antara"
    dual = "keduanya" in window or any(
        w == "kedua" and (nxt in _DUAL_NOUNS or nxt == "nya") for w, nxt in pairwise(window))
    if not dual:
        return [], None
    for c in reversed(found):
        if c.source is not None and c.target is not None:
            return [c.source], c.target
    return [], None


@lru_cache(maxsize=1)
def nominal_heads() -> dict[str, frozenset[str]]:
    """First word of every nominal trigger → the types it may head ("latihan" → MOBILIZE,
    COOPERATE), for anaphoric objects such as "latihan itu"."""
    heads: dict[str, set[str]] = {}
    for words, form in lexicon().items():
        if form.voice == "nominal" and form.entry.type != "NONE":
            heads.setdefault(words[0], set()).add(form.entry.type)
    return {k: frozenset(v) for k, v in heads.items()}


def _anaphoric_target(doc: Doc, trigger: Span, found: list[Candidate]) -> str | None:
    """"Iran mengecam serangan tersebut": the agent of the latest event of that kind."""
    heads = nominal_heads()
    for j in range(trigger.end, min(trigger.end + 3, len(doc) - 1)):
        types = heads.get(doc[j].lower_)
        if types is None:
            continue
        if doc[j + 1].lower_ not in ANAPHORIC_DETERMINERS:
            return None
        same = [c for c in found if c.type in types and c.source is not None]
        if not same:
            return None
        first = next(c for c in same if c.trigger == same[-1].trigger)  # "AS dan Inggris ..."
        return first.source
    return None


def _evidence(doc: Doc, trigger: Span, spans: list[Span], sent: Span) -> Span:
    """The smallest span of the sentence covering the trigger and its arguments."""
    inside = [s for s in spans if s.start >= sent.start and s.end <= sent.end]
    start = min([trigger.start, *(s.start for s in inside)])
    end = max([trigger.end, *(s.end for s in inside)])
    return doc[start:end]


def extract_events(doc: Doc, *, lookup: Any = None,
                   grace_days: int = HISTORICAL_GRACE_DAYS,
                   parties: PartyModel | None = None,
                   triggers: TriggerModel | None = None,
                   ents: Sequence[Span] | None = None) -> list[Event]:
    """The document's events: one per real-world event, with evidence, date, place and scores.
    An asserted event dated more than ``grace_days`` before the article is ``historical``;
    ``parties`` is the trained model that picks source and target (None: the rules alone),
    ``triggers`` the trained model that adds triggers beyond the lexicon (None: the lexicon's);
    ``ents``: the Doc's entities when the caller has read them."""
    if lookup is None:
        lookup = places.gazetteer_lookup()
    published = article_date(doc)
    found = merge(candidates(doc, lookup=lookup, parties=parties, triggers=triggers, ents=ents),
                  countries={a.id: a.country for a in doc._.actors or []}, published=published)
    reference = reference_date(doc, published)
    dateline = places.dateline_place(doc, lookup=lookup) if doc._.dateline else None
    events = []
    for c in found:
        if c.location is None and dateline is not None and c.modality == "asserted" \
                and (c.date is None or _covers_day(c.date, published)):
            c.location = dateline
        events.append(finalize(c, published=published, reference=reference,
                               grace_days=grace_days))
    return events


def _parties_model(option: str) -> PartyModel | None:
    """The party model a stage option names: "" the shipped file (the rules alone when it is
    absent), "none" the rules alone, else a model file that must exist."""
    if option == "none":
        return None
    if option and not Path(option).is_file():
        raise ConfigError(Errors.E025.format(path=option, reason="no such file"))
    try:
        return event_parties.load_model(Path(option) if option else None)
    except (ValueError, KeyError, TypeError) as e:  # a damaged or foreign JSON file
        raise ConfigError(Errors.E025.format(path=option or "event_parties.json",
                                             reason=" ".join(str(e).split())[:200])) from e


def _triggers_model(option: str) -> TriggerModel | None:
    """The trigger model a stage option names: "" the shipped file (the lexicon alone when it
    is absent), "none" the lexicon alone, else a model file that must exist."""
    if option == "none":
        return None
    if option and not Path(option).is_file():
        raise ConfigError(Errors.E025.format(path=option, reason="no such file"))
    try:
        return event_triggers.load_model(Path(option) if option else None)
    except (ValueError, KeyError, TypeError) as e:  # a damaged or foreign JSON file
        raise ConfigError(Errors.E025.format(path=option or event_triggers.MODEL_FILE,
                                             reason=" ".join(str(e).split())[:200])) from e


class EventsStage:
    """The ``events`` pipe: attaches ``doc._.events`` (and ``doc._.places`` when unset)."""

    def __init__(self, nlp: Language, name: str, *,
                 historical_grace_days: int = HISTORICAL_GRACE_DAYS,
                 parties_model: str = "", triggers_model: str = "") -> None:
        self.name = name
        self._lookup = places.gazetteer_lookup()
        self.grace_days = historical_grace_days
        self.parties = _parties_model(parties_model)
        self.triggers = _triggers_model(triggers_model)

    def __call__(self, doc: Doc) -> Doc:
        if skip_unsupported(doc, STAGE, VERSION):
            doc._.events = []
            return doc
        ents = doc.ents  # read once for the events and the places: each read builds new Spans
        doc._.events = extract_events(doc, lookup=self._lookup, grace_days=self.grace_days,
                                      parties=self.parties, triggers=self.triggers, ents=ents)
        if doc._.places is None:
            doc._.places = places.extract_places(doc, lookup=self._lookup, ents=ents)
        mark_stage(doc, STAGE, VERSION, "ok")
        return doc


@Language.factory(FACTORY, requires=["doc.sents", "doc.ents", "doc._.actors"],
                  assigns=["doc._.events", "doc._.places"],
                  default_config={"historical_grace_days": HISTORICAL_GRACE_DAYS,
                                  "parties_model": "", "triggers_model": ""})
def make_events(nlp: Language, name: str, historical_grace_days: int,
                parties_model: str, triggers_model: str) -> EventsStage:
    """PLOVER events from the lexicon in ``warta/data/events`` (see module docstring);
    ``historical_grace_days``: how old an asserted event may be and still count as news;
    ``parties_model``: the event-party model file ("" = the one shipped in
    ``models/decisions``, the rules alone when that file is absent; "none" = the rules alone);
    ``triggers_model``: the trigger model file that adds triggers beyond the lexicon ("" = the
    one shipped in ``models/decisions``, the default; "none" = the lexicon alone)."""
    return EventsStage(nlp, name, historical_grace_days=historical_grace_days,
                       parties_model=parties_model, triggers_model=triggers_model)
