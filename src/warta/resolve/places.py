"""Places: where things happened, resolved through warta's gazetteer.

A place is named after a locative preposition ("di Beijing", "ke Kyiv", "menuju Jakarta") or in the
dateline ("JAKARTA, KOMPAS.com -"). The gazetteer (``warta.kb.gazetteer.lookup``) gives the
country code and coordinates; a name it does not know stays a place with only a name, never a
guessed country.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from spacy.tokens import Doc, Span

from warta.kb import gazetteer
from warta.nlp.extensions import span_actor, token_lowers, token_texts
from warta.nlp.lang.id.event_markers import LOCATIVE
from warta.nlp.lang.id.place_units import INDONESIAN_UNITS
from warta.types import Place

PLACE_LABELS = frozenset({"GPE", "LOC"})
PLACE_ACTOR_TYPES = frozenset({"GPE", "LOC"})
_PUNCT_SKIP = frozenset({"“", "”", '"', "'", "‘", "’", "("})

Lookup = Callable[[str], Any]


def gazetteer_lookup() -> Lookup:
    """The knowledge base's ``lookup(text)``: the default of every ``lookup`` parameter here
    (tests pass a small stand-in instead)."""
    return gazetteer.lookup


def country_entry(country: str) -> gazetteer.GazEntry | None:
    """The gazetteer's entry for a country code (its name), or None when it has none."""
    return gazetteer.by_kb(country)




def resolve(name: str, *, span: Span | None = None, lookup: Lookup | None = None) -> Place:
    """A Place for a name: gazetteer facts when known, else the name alone (in Indonesia when
    an Indonesian administrative unit names it)."""
    lookup = lookup if lookup is not None else gazetteer_lookup()
    entry = lookup(name) if lookup is not None else None
    if entry is None and name.isupper() and len(name) > 3:  # "JAKARTA" in a dateline
        entry = lookup(name.title()) if lookup is not None else None
    if entry is None:
        first = name.split(maxsplit=1)[0].lower() if name.split() else ""
        return Place(name=name if not name.isupper() or len(name) <= 3 else name.title(),
                     country="IDN" if first in INDONESIAN_UNITS and " " in name else None,
                     span=span)
    return Place(name=getattr(entry, "name", name), country=getattr(entry, "country", None),
                 kb=getattr(entry, "kb", None), lat=getattr(entry, "lat", None),
                 lon=getattr(entry, "lon", None), span=span)


def is_place_span(doc: Doc, span: Span) -> bool:
    """An entity is a place when labelled GPE/LOC or its actor is a GPE/LOC."""
    if span.label_ in PLACE_LABELS:
        return True
    actor = _actor(doc, span_actor(span))
    return actor is not None and actor.type in PLACE_ACTOR_TYPES


def preposition(doc: Doc, span: Span) -> str | None:
    """The preposition right before a span (skipping quote marks), lower case."""
    texts = token_texts(doc)  # the Doc's words, read once: asked for every place of a trigger
    i = span.start - 1
    while i >= 0 and texts[i] in _PUNCT_SKIP:
        i -= 1
    return token_lowers(doc)[i] if i >= 0 else None


def locative_prep(doc: Doc, span: Span) -> str | None:
    """The locative preposition of a place, also through an apposition: "di Istana Merdeka,
    Jakarta" places the event in Jakarta."""
    prep = preposition(doc, span)
    if prep != ",":
        return prep
    for i in range(span.start - 2, max(-1, span.start - 6), -1):
        word = doc[i].lower_
        if word in LOCATIVE:
            return word
        if doc[i].is_punct:
            break
    return prep


def locative_spans(doc: Doc, *, ents: Sequence[Span] | None = None) -> list[Span]:
    """Place entities introduced by a locative preposition ("di X", "ke X"), in text order
    (``ents``: the Doc's entities when the caller has read them; ``doc.ents`` builds them anew)."""
    # the preposition first: a token look-up, where is_place_span may read the span's actor
    return [e for e in (doc.ents if ents is None else ents)
            if locative_prep(doc, e) in LOCATIVE and is_place_span(doc, e)]


def dateline_place(doc: Doc, *, lookup: Lookup | None = None) -> Place | None:
    """The dateline's place ("JAKARTA, ..."), resolved; None without a dateline."""
    dateline = doc._.dateline
    name = getattr(dateline, "place", None)
    return resolve(name, lookup=lookup) if name else None


def extract_places(doc: Doc, *, lookup: Lookup | None = None,
                   ents: Sequence[Span] | None = None) -> list[Place]:
    """Every located place of the document (dateline first), one per distinct span
    (``ents``: the Doc's entities when the caller has read them)."""
    lookup = lookup if lookup is not None else gazetteer_lookup()
    places = []
    head = dateline_place(doc, lookup=lookup)
    if head is not None:
        places.append(head)
    places.extend(resolve(s.text, span=s, lookup=lookup) for s in locative_spans(doc, ents=ents))
    return places


def _actor(doc: Doc, actor_id: str | None) -> Any:
    if actor_id is None:
        return None
    for actor in doc._.actors or []:
        if actor.id == actor_id:
            return actor
    return None
