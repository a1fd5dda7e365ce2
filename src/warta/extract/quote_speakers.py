"""Who is speaking: quote speakers resolved to actor ids, in document order.

Names go through the actors stage (``warta.resolve.actors.resolve_speaker``) first, then
the actor ids on entity spans, then a surname match. Pronouns and definite descriptions prefer the
subject of the narrative sentences since the last attribution, then a person newly named in the
narrative, then the last speaker (news convention). The speaker stays ``None`` when no actor can be
found: never a guess.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from warta.extract.quote_view import TYPE_RANK, Candidate, View, sentence_bounds
from warta.nlp.lang.id import reporting_verbs as rv
from warta.resolve.actors import resolve_speaker
from warta.types import Quote


def _actor_of_span(ents: list[Span], span: Span) -> str | None:
    """The actor of the best entity inside a speaker span: persons first, then the first."""
    inside = [e for e in ents
              if e._.actor and e.start < span.end and span.start < e.end]
    if not inside:
        return None
    inside.sort(key=lambda e: (TYPE_RANK.get(e.label_, 9), e.start))
    return str(inside[0]._.actor)


def _surname_actor(ents: list[Span], span: Span) -> str | None:
    """'Tito' → the earlier 'Tito Karnavian' with an actor: a local stand-in for coreference."""
    words = {t.lower_ for t in span if t.is_title}
    if not words:
        return None
    earlier = [e for e in ents if e.start < span.start][::-1]
    later = [e for e in ents if e.start >= span.end and TYPE_RANK.get(e.label_, 9) == 0]
    for e in earlier + later:
        if e._.actor and words & {t.lower_ for t in e if t.is_title}:
            return str(e._.actor)
    return None


def _nearest_person(ents: list[Span], before: int) -> str | None:
    for e in reversed([e for e in ents if e.end <= before]):
        if e._.actor and TYPE_RANK.get(e.label_, 9) == 0:
            return str(e._.actor)
    return None


def _is_pronoun(cand: Candidate) -> bool:
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
        if (e._.actor and TYPE_RANK.get(e.label_, 9) == 0 and e.text[:1].isupper()
                and not any(q.start <= e.start < q.end for q in quoted)):
            return str(e._.actor)
    return None


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
        start = next((c + 1 for c in range(lo, min(lo + 4, hi)) if doc[c].text == ","), lo)
        if start < hi and doc[start].is_title and v.region_of[start] < 0:
            for e in v.ents:  # "Namun, Musk …" / "Musk …": an entity there, or its surname
                if e.start == start and e._.actor and TYPE_RANK.get(e.label_, 9) == 0:
                    return str(e._.actor)
            if not any(e.start == start for e in v.ents):
                found = _surname_actor(v.ents, doc[start:start + 1])
                if found and found.startswith("person:"):
                    return found
        k = lo
    return None


def _resolve(doc: Doc, ents: list[Span], cand: Candidate,
             last: tuple[str | None, int] | None,
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
        return resolve_speaker(doc, span) or _nearest_person(ents, span.start)
    if _generic(ents, span):
        return None
    commas = [t.i for t in span if t.text == ","]
    parts = ([doc[commas[-1] + 1:span.end]] if commas and commas[-1] + 1 < span.end else [])
    persons = [e for e in ents if span.start <= e.start and e.end <= span.end
               and TYPE_RANK.get(e.label_, 9) == 0 and e.text[:1].isupper()]
    if persons:  # "Ketua Komisi XI DPR RI Mukhamad Misbakhun": the role comes first, then the name
        parts.append(persons[-1])
    for part in [*parts, span]:  # "Kapolres X, AKBP Nama": the name decides
        actor = (resolve_speaker(doc, part) or _actor_of_span(ents, part)
                 or _surname_actor(ents, part))
        if actor:
            return actor
    return None


def _generic(ents: list[Span], span: Span) -> bool:
    """'Sejumlah surat kabar Brasil', 'warga Delhi': a group, not the place it names."""
    if span[0].lower_ not in rv.GENERIC_HEADS:
        return False
    return not any(e.label_ in ("PERSON", "PER") and e.start < span.end and span.start < e.end
                   for e in ents)


def resolve_speakers(v: View, cands: list[Candidate]) -> list[Quote]:
    """Resolve speakers in document order, so pronouns and run-on quotes see the last speaker."""
    doc, ents = v.doc, v.ents
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
            actor = _resolve(doc, ents, cand, last, newcomer, subject)
        speakers[k] = actor
        if cand.speaker_span is not None and not _generic(ents, cand.speaker_span):
            last, last_span = (actor, cand.paragraph), cand.speaker_span
        out.append(Quote(cand.content, cand.kind, actor, cand.speaker_span, cand.cue,
                         cand.addressee, cand.date))
    return out
