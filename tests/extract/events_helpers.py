"""Hand-built Docs for the event tests: entities, actors and dates set by the test itself."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from warta.nlp import extensions
from warta.types import Actor, Dateline, DateMention

# name → (actor id, type, country); a country code alone marks a place-only entity (no actor)
ACTORS: dict[str, tuple[str, str, str]] = {
    "Joko Widodo": ("person:joko-widodo", "PERSON", "IDN"),
    "Prabowo Subianto": ("person:prabowo-subianto", "PERSON", "IDN"),
    "Prabowo": ("person:prabowo-subianto", "PERSON", "IDN"),
    "Fumio Kishida": ("person:fumio-kishida", "PERSON", "JPN"),
    "Kishida": ("person:fumio-kishida", "PERSON", "JPN"),
    "Anthony Albanese": ("person:anthony-albanese", "PERSON", "AUS"),
    "Xi Jinping": ("person:xi-jinping", "PERSON", "CHN"),
    "Budi Santoso": ("person:budi-santoso", "PERSON", "IDN"),
    "Indonesia": ("gpe:IDN", "GPE", "IDN"),
    "Malaysia": ("gpe:MYS", "GPE", "MYS"),
    "Singapura": ("gpe:SGP", "GPE", "SGP"),
    "Jepang": ("gpe:JPN", "GPE", "JPN"),
    "Tiongkok": ("gpe:CHN", "GPE", "CHN"),
    "Rusia": ("gpe:RUS", "GPE", "RUS"),
    "Ukraina": ("gpe:UKR", "GPE", "UKR"),
    "Korea Utara": ("gpe:PRK", "GPE", "PRK"),
    "Korea Selatan": ("gpe:KOR", "GPE", "KOR"),
    "Australia": ("gpe:AUS", "GPE", "AUS"),
    "Papua Nugini": ("gpe:PNG", "GPE", "PNG"),
    "Amerika Serikat": ("gpe:USA", "GPE", "USA"),
    "AS": ("gpe:USA", "GPE", "USA"),
    "Iran": ("gpe:IRN", "GPE", "IRN"),
    "Israel": ("gpe:ISR", "GPE", "ISR"),
    "Filipina": ("gpe:PHL", "GPE", "PHL"),
    "Vietnam": ("gpe:VNM", "GPE", "VNM"),
    "Inggris": ("gpe:GBR", "GPE", "GBR"),
    "Prancis": ("gpe:FRA", "GPE", "FRA"),
    "India": ("gpe:IND", "GPE", "IND"),
    "NATO": ("org:nato", "ORG", ""),
    "KPK": ("org:kpk", "ORG", "IDN"),
    "Polri": ("org:polri", "ORG", "IDN"),
}


@dataclass(frozen=True)
class Gaz:
    """A stand-in for warta.kb.gazetteer.GazEntry."""

    kb: str
    name: str
    kind: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    actor_type: str = "GPE"


PLACES = {
    "Tokyo": Gaz("tokyo", "Tokyo", "capital", "JPN", 35.69, 139.69),
    "Beijing": Gaz("beijing", "Beijing", "capital", "CHN", 39.9, 116.4),
    "Jakarta": Gaz("jakarta", "Jakarta", "capital", "IDN", -6.2, 106.85),
    "Kuala Lumpur": Gaz("kuala-lumpur", "Kuala Lumpur", "capital", "MYS", 3.14, 101.69),
    "Bandung": Gaz("bandung", "Bandung", "city", "IDN", -6.91, 107.61),
    "Kyiv": Gaz("kyiv", "Kyiv", "capital", "UKR", 50.45, 30.52),
}
COUNTRIES = {"Jepang": Gaz("JPN", "Jepang", "country", "JPN")}


def lookup(text: str) -> Gaz | None:
    return PLACES.get(text) or COUNTRIES.get(text)


@lru_cache(maxsize=1)
def nlp() -> Language:
    extensions.register()
    pipeline = spacy.blank("id")
    pipeline.add_pipe("sentencizer")
    return pipeline


def build(text: str, *, dates: dict[str, str] | None = None, published: str | None = None,
          dateline: str | None = None, language: str | None = None) -> Doc:
    """A Doc with entities for every known name (actors) and place (no actor) in ``text``."""
    doc = nlp()(text)
    spans: list[Span] = []
    taken: set[int] = set()
    actors: dict[str, Actor] = {}
    names = sorted([*ACTORS, *PLACES], key=len, reverse=True)
    for name in names:
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            span = doc.char_span(m.start(), m.end())
            if span is None or taken & set(range(span.start, span.end)):
                continue
            if name in ACTORS:
                actor_id, type_, country = ACTORS[name]
                span = Span(doc, span.start, span.end, label=type_)
                span._.actor = actor_id
                actors[actor_id] = Actor(actor_id, name, type_, country or None)  # type: ignore[arg-type]
            else:
                span = Span(doc, span.start, span.end, label="GPE")
            spans.append(span)
            taken |= set(range(span.start, span.end))
    doc.ents = sorted(spans, key=lambda s: s.start)
    doc._.actors = list(actors.values())
    doc._.dates = [_date(doc, text, k, v) for k, v in (dates or {}).items()]
    doc._.published = published
    doc._.language = language
    doc._.dateline = Dateline(dateline, None) if dateline else None
    return doc


def _date(doc: Doc, text: str, surface: str, value: str) -> DateMention:
    i = text.index(surface)
    return DateMention(doc.char_span(i, i + len(surface)), value)
