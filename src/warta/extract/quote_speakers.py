"""Who is speaking: quote speakers resolved to actor ids, in document order.

The rules propose; a trained model decides (``warta.extract.speaker_model``). For each quote the
rules name candidate actors: the one their own order of preference picks (names through the
actors stage, ``warta.resolve.actors.resolve_speaker``, then the actor ids on entity spans, then
a surname match; pronouns the subject of the narrative sentences since the last attribution, then
a person newly named in the narrative, then the last speaker), every actor mentioned in the
quote's sentence and the sentences around it, the last speaker, the speaker of the last quote in
quote marks and the paragraph's first person.
Each candidate gets named features (cue and its position, distance, ``-nya``, the "role of X, Y"
apposition, the parse, actor type); the model scores them and keeps the best one above its
threshold. Without a model file the rules' own pick stands. The speaker stays ``None`` when no
candidate is good enough: never a guess.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from warta.extract.quote_view import TYPE_RANK, Candidate, View, ents_between, sentence_bounds
from warta.extract.speaker_model import SpeakerModel
from warta.nlp.extensions import span_actor
from warta.nlp.lang.id import pronouns
from warta.nlp.lang.id import reporting_verbs as rv
from warta.resolve.actors import resolve_speaker
from warta.types import Quote


def _actor_of_span(ents: list[Span], span: Span) -> str | None:
    """The actor of the best entity inside a speaker span: persons first, then the first."""
    inside = [e for e in ents
              if e.start < span.end and span.start < e.end and span_actor(e)]
    if not inside:
        return None
    inside.sort(key=lambda e: (TYPE_RANK.get(e.label_, 9), e.start))
    return str(span_actor(inside[0]))


def _surname_actor(ents: list[Span], span: Span) -> str | None:
    """'Tito' → the earlier 'Tito Karnavian' with an actor: a local stand-in for coreference."""
    words = {t.lower_ for t in span if t.is_title}
    if not words:
        return None
    earlier = [e for e in ents if e.start < span.start][::-1]
    later = [e for e in ents if e.start >= span.end and TYPE_RANK.get(e.label_, 9) == 0]
    for e in earlier + later:
        if span_actor(e) and words & {t.lower_ for t in e if t.is_title}:
            return str(span_actor(e))
    return None


def _nearest_person(ents: list[Span], before: int) -> str | None:
    for e in reversed([e for e in ents if e.end <= before]):
        if TYPE_RANK.get(e.label_, 9) == 0 and span_actor(e):
            return str(span_actor(e))
    return None


def _is_pronoun(cand: Candidate) -> bool:
    span = cand.speaker_span
    return cand.pronoun or (span is not None and len(span) == 1
                            and span[0].lower_ in rv.PERSON_PRONOUNS)


def _newcomer(v: View, after: int, before: int, quoted: list[Span],
              speaker: str | None, attributed: set[int]) -> str | None:
    """The last person named in the narrative (outside every quote) between two attributions:
    "… adalah Chen Guangbiao, seorang miliarder … Dia mengatakan …" refers to him — unless the
    last speaker is named there too, or referred to before the newcomer is named ("Hal itu
    disampaikannya di acara … Prabowo-Gibran", "Ia didampingi Made …"): still the topic."""
    ents = v.ents
    between = [e for e in ents if after <= e.start and e.end <= before
               and e.start not in attributed]
    if speaker and any(span_actor(e) == speaker for e in between):
        return None
    if speaker and between and _refers_back(v, after, between[-1].start, attributed):
        return None
    for e in reversed(between):
        if (span_actor(e) and TYPE_RANK.get(e.label_, 9) == 0 and e.text[:1].isupper()
                and not any(q.start <= e.start < q.end for q in quoted)):
            return str(span_actor(e))
    return None


def _refers_back(v: View, lo: int, hi: int, attributed: set[int]) -> bool:
    """A third-person pronoun ("ia", "dia", "beliau") or a passive of saying whose "-nya" is the
    agent ("disampaikannya", "dikatakannya": ``rv.PASSIVE_NYA``) in the narrative between tokens
    ``lo`` and ``hi``: the text still speaks of someone named before. The tokenizer may split
    the clitic off."""
    for i in range(lo, hi):
        if v.region_of[i] >= 0 or i in attributed:
            continue
        low = v.lowers[i]
        if i + 1 < len(v.lowers) and v.lowers[i + 1] in pronouns.CLITIC_FORMS \
                and not v.doc[i].whitespace_:
            low += pronouns.CLITIC
        if low in rv.PASSIVE_NYA or low in pronouns.THIRD_SINGULAR:
            return True
    return False


def _previous_subject(v: View, at: int, attributed: set[int]) -> str | None:
    """The person opening one of the narrative sentences since the last attribution (its
    subject, the preferred antecedent of a pronoun): "Musk berselisih dengan Trump … Dia
    mengatakan …" is Musk. None once a sentence with a quote or an attribution is reached:
    then the last speaker is the antecedent."""
    doc = v.doc
    k = sentence_bounds(v, at)[0]
    for _ in range(3):
        m = k - 1
        while m > 0 and doc[m].is_space:
            m -= 1
        if m <= 0:
            return None
        lo, hi = sentence_bounds(v, m)
        if any(i in attributed or v.region_of[i] >= 0 for i in range(lo, hi)):
            return None
        start = next((c + 1 for c in range(lo, min(lo + 4, hi)) if v.texts[c] == ","), lo)
        if start < hi and doc[start].is_title and v.region_of[start] < 0:
            there = ents_between(v, start, start + 1)
            for e in there:  # "Namun, Musk …" / "Musk …": an entity there, or its surname
                if span_actor(e) and TYPE_RANK.get(e.label_, 9) == 0:
                    return str(span_actor(e))
            if not there:
                found = _surname_actor(v.ents, doc[start:start + 1])
                if found and found.startswith("person:"):
                    return found
        k = lo
    return None


def _resolve(doc: Doc, ents: list[Span], cand: Candidate,
             last: tuple[str | None, int] | None,
             newcomer: str | None = None, subject: str | None = None, *,
             named: Sequence[Span] | None = None) -> str | None:
    """The speaker's actor id: pronouns prefer the last speaker (news convention), names the
    actors stage, then the actor ids on entities, then a surname match. ``named``: ``doc.ents``
    read once for all quotes (see ``resolve_speaker``)."""
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
        return resolve_speaker(doc, span, ents=named) or _nearest_person(ents, span.start)
    if _generic(ents, span):
        return None
    commas = [t.i for t in span if t.text == ","]
    parts = ([doc[commas[-1] + 1:span.end]] if commas and commas[-1] + 1 < span.end else [])
    persons = [e for e in ents if span.start <= e.start and e.end <= span.end
               and TYPE_RANK.get(e.label_, 9) == 0 and e.text[:1].isupper()]
    if persons:  # "Ketua Komisi XI DPR RI Mukhamad Misbakhun": the role comes first, then the name
        parts.append(persons[-1])
    for part in [*parts, span]:  # "Kapolres X, AKBP Nama": the name decides
        actor = (resolve_speaker(doc, part, ents=named) or _actor_of_span(ents, part)
                 or _surname_actor(ents, part))
        if actor:
            return actor
    return None


def _generic(ents: list[Span], span: Span) -> bool:
    """'Sejumlah surat kabar Brasil', 'warga Delhi': a group, not the place it names; 'Ekonom',
    'Hasil survei': a profession or evidence naming no one (``rv.UNNAMED_HEADS``), unless a
    demonstrative makes it refer back ('dokter itu')."""
    head = span[0].lower_
    after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    if head in rv.UNNAMED_HEADS and not {span[-1].lower_, after} & rv.DEMONSTRATIVES:
        return not any(TYPE_RANK.get(e.label_, 9) <= 1 and e.start < span.end
                       and span.start < e.end for e in ents)
    if head not in rv.GENERIC_HEADS:
        return False
    return not any(e.label_ in ("PERSON", "PER") and e.start < span.end and span.start < e.end
                   for e in ents)


# ---------------------------------------------------------------- candidates and features


DEPS = frozenset({"nsubj", "obj", "nmod", "appos", "flat", "compound", "root", "obl"})


@dataclass
class Choice:
    """One quote's candidate speakers with their features, and the rules' own pick."""

    content: Span
    rule: str | None
    features: dict[str, dict[str, float]] = field(default_factory=dict)


def _nya(cand: Candidate) -> bool:
    """'katanya', 'ujarnya', 'menurutnya': the speaker is the clitic's antecedent."""
    parts = [p for p in (cand.cue, cand.speaker_span) if p is not None]
    return any(t.lower_.endswith("nya") or t.lower_ in ("nya", "-nya") for p in parts for t in p)


def _anchor(cand: Candidate) -> int:
    for part in (cand.cue, cand.speaker_span):
        if part is not None:
            return part.start
    return cand.content.start


def _window(v: View, at: int) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    """The sentence around ``at`` and the sentences before and after it."""
    doc = v.doc
    lo, hi = sentence_bounds(v, at)
    p = lo - 1
    while p > 0 and doc[p].is_space:
        p -= 1
    prev = sentence_bounds(v, p) if p >= 0 and p < lo else (lo, lo)
    n = hi
    while n < len(doc) - 1 and doc[n].is_space:
        n += 1
    nxt = sentence_bounds(v, n) if hi < len(doc) else (hi, hi)
    return (lo, hi), prev, nxt


def _type(actor: str) -> str:
    kind = actor.split(":", 1)[0]
    return kind if kind in ("person", "org", "gpe") else "other"


def _role_before(v: View, e: Span) -> bool:
    """'kuasa hukum X', 'istri X': the mention is the one spoken for, not the speaker."""
    words = v.lowers[max(0, e.start - 2):e.start]
    return bool(words) and (words[-1] in rv.RELATIONAL_ROLES
                            or " ".join(words) in rv.RELATIONAL_ROLES)


def _named_after(v: View, e: Span) -> bool:
    """'X, Y': a comma and another person right after the mention (the apposition's name)."""
    doc = v.doc
    if e.end >= len(doc) or v.texts[e.end] != ",":
        return False
    return any(TYPE_RANK.get(o.label_, 9) == 0 for o in ents_between(v, e.end + 1, e.end + 2))


def _mention_facts(v: View, e: Span) -> tuple[bool, bool, str, int]:
    """What a mention's own place says, whichever quote asks: a role before it, a name after
    it, its root's relation (without subtype) and head. Every quote of a window asks about
    every mention in it, so they are worked out once per mention (``View.facts``)."""
    key = (e.start, e.end)
    facts: tuple[bool, bool, str, int] | None = v.facts.get(key)
    if facts is None:
        root = e.root
        dep = root.dep_.split(":")[0] if root.dep_ else ""
        facts = v.facts[key] = (_role_before(v, e), _named_after(v, e), dep, root.head.i)
    return facts


def _dep(dep: str, head: int, cue: Span | None) -> dict[str, float]:
    out = {f"dep:{dep if dep in DEPS else 'other'}": 1.0} if dep else {}
    if cue is not None and head == cue.start and dep == "nsubj":
        out["subj_of_cue"] = 1.0
    return out


def _mention_features(v: View, e: Span, cand: Candidate, sents: tuple[tuple[int, int], ...],
                      anchor: int) -> dict[str, float]:
    """What one mention says about its actor being the speaker."""
    (lo, hi), prev, _next = sents
    if lo <= e.start < hi:
        where = "before" if e.end <= cand.content.start else "after"
        pos = f"same_{where}" if not cand.content.start <= e.start < cand.content.end else "inside"
    elif prev[0] <= e.start < prev[1]:
        pos = "prev"
    else:
        pos = "next"
    f: dict[str, float] = {f"pos:{pos}": 1.0, "dist": math.log1p(abs(e.start - anchor)) / 4}
    if v.region_of[e.start] >= 0:
        f["in_quote"] = 1.0
    if cand.speaker_span is not None and cand.speaker_span.start <= e.start \
            < cand.speaker_span.end:
        f["in_span"] = 1.0
        commas = [k for k in range(cand.speaker_span.start, cand.speaker_span.end)
                  if v.texts[k] == ","]
        if commas:
            f["span_tail" if e.start > commas[-1] else "span_head"] = 1.0
        persons = [o for o in ents_between(v, cand.speaker_span.start, cand.speaker_span.end)
                   if TYPE_RANK.get(o.label_, 9) == 0 and span_actor(o)]
        if persons and persons[-1].start == e.start:  # "Ketua Komisi XI DPR Budi": the name
            f["span_last_person"] = 1.0
    role_before, named_after, dep, head = _mention_facts(v, e)
    if role_before:
        f["role_before"] = 1.0
    if named_after:
        f["named_after"] = 1.0
    f.update(_dep(dep, head, cand.cue))
    return f


def _merge(into: dict[str, float], new: dict[str, float]) -> None:
    """Keep the nearest mention's position and the strongest signal of every other feature."""
    for k, value in new.items():
        if k == "dist":
            into[k] = min(into.get(k, value), value)
        else:
            into[k] = max(into.get(k, 0.0), value)


def candidate_features(v: View, cand: Candidate, rule: str | None,
                       sources: dict[str, str | None], counts: dict[str, int],
                       para_first: str | None) -> dict[str, dict[str, float]]:
    """Every candidate actor of one quote with its features (see the module docstring)."""
    anchor = _anchor(cand)
    sents = _window(v, anchor)
    lo, hi = sents[1][0], sents[2][1]
    out: dict[str, dict[str, float]] = {}
    for e in ents_between(v, lo, hi):  # the window's mentions, by bisection
        actor = span_actor(e)
        if not actor:
            continue
        _merge(out.setdefault(str(actor), {}), _mention_features(v, e, cand, sents, anchor))
    for name, actor in [("rule", rule), *sources.items(), ("para_first", para_first)]:
        if actor:
            out.setdefault(actor, {"pos:far": 1.0})[f"src:{name}"] = 1.0
    context = ({"nya"} if _nya(cand) else set()) | ({"pron"} if _is_pronoun(cand) else set())
    nameless = _nameless_title(v, cand)
    for actor, f in out.items():
        f[f"type:{_type(actor)}"] = 1.0
        f["mentions"] = math.log1p(counts.get(actor, 0)) / 3
        for c in context:  # an antecedent is found by other evidence than a named speaker
            for k in [k for k in f if k.startswith(("src:", "pos:"))
                      or k in ("in_span", "span_tail", "span_last_person", "subj_of_cue",
                               "role_before")]:
                f[f"{c}&{k}"] = f[k]
        if nameless:  # "ujar pria 28 tahun itu": a description refers back, like a pronoun
            for k in [k for k in f if k.startswith(("src:", "pos:"))]:
                f[f"title&{k}"] = f[k]
    return out


def _nameless_title(v: View, cand: Candidate) -> bool:
    """A speaker phrase that describes the speaker without naming a person ("Wakil Ketua
    MPR", "pria 28 tahun itu", "juru bicara partai"): its speaker is someone the article named
    before, found by where the candidates were named and which rule proposed them, not by the
    words of the phrase (a body inside it is whose role it is, not the speaker)."""
    span = cand.speaker_span
    if span is None or _is_pronoun(cand) or _nya(cand):
        return False
    return not any(TYPE_RANK.get(e.label_, 9) == 0
                   for e in ents_between(v, span.start, span.end))


def _person_names(v: View) -> dict[tuple[str, ...], str]:
    """Every person mention's words (lower-cased) → its actor, read once per document."""
    names: dict[tuple[str, ...], str] = {}
    for e in v.ents:
        actor = span_actor(e)
        if actor and TYPE_RANK.get(e.label_, 9) == 0 and e.text[:1].isupper():
            names.setdefault(tuple(v.lowers[e.start:e.end]), str(actor))
    return names


def _name_at_end(v: View, cand: Candidate, names: dict[tuple[str, ...], str]) -> str | None:
    """A speaker phrase ending with a person's name ("Kapuspenkum Kejagung RI Anang Supriatna")
    names that person, even where the recogniser took the whole phrase for a body: a title
    comes before the name in Indonesian news, never after it. The longest tail wins; a
    person named before by the first words of that tail ("Anang") is the same person."""
    span = cand.speaker_span
    if span is None or _is_pronoun(cand):
        return None
    end = span.end
    while end > span.start and v.doc[end - 1].is_punct:
        end -= 1
    for i in range(max(span.start, end - 4), end):  # the longest tail first
        if not all(v.doc[j].is_title for j in range(i, end)):
            continue  # "Anang Supriatna": the tail is one capitalised name
        for n in range(end - i, 0, -1):  # "Anang" named before stands for "Anang Supriatna"
            actor = names.get(tuple(v.lowers[i:i + n]))
            if actor:
                return actor
    return None


def _para_first(v: View, paragraph: int) -> str | None:
    for e in v.ents:
        if v.para_of[e.start] == paragraph and v.region_of[e.start] < 0 \
                and TYPE_RANK.get(e.label_, 9) == 0 and span_actor(e):
            return str(span_actor(e))
    return None


def _decide(model: SpeakerModel | None, choice: Choice) -> str | None:
    """The model's pick: the best candidate when it clears the threshold; the rules' pick
    when no model is shipped."""
    if model is None:
        return choice.rule
    best, score = None, model.threshold
    for actor in sorted(choice.features):
        p = model.probability(choice.features[actor])
        if p >= score:
            best, score = actor, p
    return best


def resolve_speakers(v: View, cands: list[Candidate], model: SpeakerModel | None = None,
                     choices: list[Choice] | None = None) -> list[Quote]:
    """Resolve speakers in document order, so pronouns and run-on quotes see the last speaker.

    ``choices``, when given, collects every quote's candidates and features (training data)."""
    doc, ents = v.doc, v.ents
    named = doc.ents  # read once: no stage after the actors stage changes them
    order = sorted(range(len(cands)), key=lambda k: (cands[k].content.start, cands[k].content.end))
    speakers: dict[int, str | None] = {}
    last: tuple[str | None, int] | None = None
    last_span: Span | None = None
    previous: str | None = None
    last_direct: str | None = None  # the speaker of the last quote in quote marks
    names = _person_names(v)
    quoted = [c.content for c in cands]
    attributed = {t.i for c in cands for part in (c.speaker_span, c.cue) if part is not None
                  for t in part}
    counts: dict[str, int] = {}
    for e in ents:
        actor = span_actor(e)
        if actor:
            counts[str(actor)] = counts.get(str(actor), 0) + 1
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
                newcomer = _newcomer(v, last_span.end, cand.speaker_span.start, quoted,
                                     last[0] if last else None, attributed)
            subject = (_previous_subject(v, cand.speaker_span.start, attributed)
                       if cand.speaker_span is not None and _is_pronoun(cand) else None)
            rule = _resolve(doc, ents, cand, last, newcomer, subject, named=named)
            span = cand.speaker_span
            sources = {
                "last": last[0] if last is not None else None, "previous": previous,
                "newcomer": newcomer, "subject": subject,
                # the actors stage's reading of a pronoun (its salience); names: the rule's
                "span": resolve_speaker(doc, span, ents=named)
                if span is not None and _is_pronoun(cand)
                else None,
                "nearest_person": _nearest_person(ents, _anchor(cand)),
                "name_at_end": _name_at_end(v, cand, names),
                # "ujarnya" after a body's reported clause ("KPK menyebut …") goes back to
                # whoever spoke in quote marks last
                "last_direct": last_direct,
            }
            choice = Choice(cand.content, rule)
            if span is None or not _generic(ents, span):  # 'warga Delhi' names no speaker
                choice.features = candidate_features(v, cand, rule, sources, counts,
                                                     _para_first(v, cand.paragraph))
            if choices is not None:
                choices.append(choice)
            actor = _decide(model, choice)
        speakers[k] = actor
        previous = actor or previous
        if actor and cand.kind != "indirect":
            last_direct = actor
        if cand.speaker_span is not None and not _generic(ents, cand.speaker_span):
            last, last_span = (actor, cand.paragraph), cand.speaker_span
        out.append(Quote(cand.content, cand.kind, actor, cand.speaker_span, cand.cue,
                         cand.addressee, cand.date))
    return out
