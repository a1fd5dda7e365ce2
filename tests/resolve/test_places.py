"""Places: locative phrases and the dateline, resolved through a gazetteer lookup."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "extract"))
from events_helpers import build, lookup

from warta.resolve import places


@pytest.mark.parametrize(("name", "country", "kb"), [
    ("Tokyo", "JPN", "tokyo"),
    ("JAKARTA", "IDN", "jakarta"),  # dateline capitals
    ("Atlantis", None, None),  # unknown: a name, never a guessed country
    ("Desa Lebanisuko", "IDN", None),  # unknown, but only Indonesia has desa and kecamatan
    ("Kecamatan Genuk", "IDN", None),
    ("Kota Atlantis", None, None),  # "Kota Gaza": a city unit is not Indonesian by itself
    ("Desa", None, None),
])
def test_resolve(name: str, country: str | None, kb: str | None) -> None:
    place = places.resolve(name, lookup=lookup)
    assert (place.country, place.kb) == (country, kb)


def test_locative_spans_only_after_locative_prepositions() -> None:
    doc = build("Prabowo tiba di Tokyo dari Jakarta lalu terbang ke Beijing.")
    assert [s.text for s in places.locative_spans(doc)] == ["Tokyo", "Beijing"]


def test_extract_places_starts_with_the_dateline() -> None:
    doc = build("Prabowo bertemu Fumio Kishida di Tokyo.", dateline="JAKARTA")
    found = places.extract_places(doc, lookup=lookup)
    assert [(p.name, p.country) for p in found] == [("Jakarta", "IDN"), ("Tokyo", "JPN")]
    assert found[0].span is None and found[1].span.text == "Tokyo"


def test_actor_entities_are_places_by_type() -> None:
    doc = build("Kapal itu berlayar ke Jepang.")
    assert places.is_place_span(doc, doc.ents[0])
    assert [s.text for s in places.locative_spans(doc)] == ["Jepang"]


def test_the_knowledge_base_is_the_default_lookup() -> None:
    place = places.resolve("Beijing")
    assert (place.country, place.kb) == ("CHN", "seat:beijing")
    assert places.resolve("Beijing", lookup=places.gazetteer_lookup()) == place


def test_destination_country_actor_is_named_from_the_gazetteer() -> None:
    from warta.extract.events import country_actor

    doc = build("Kapal itu berlayar.")
    assert country_actor(doc, "CHN") == "gpe:CHN"
    added = [a for a in doc._.actors if a.id == "gpe:CHN"]
    assert [(a.name, a.country, a.type) for a in added] == [("China", "CHN", "GPE")]
    assert country_actor(doc, "CHN") == "gpe:CHN" and len(doc._.actors) == 1


def test_locative_spans_read_no_actor_of_an_entity_without_a_preposition(monkeypatch) -> None:
    # issue 20: every entity's ``_.actor`` (a new Underscore object per read) was read before
    # its preposition was looked at; most entities follow none
    from spacy.tokens import underscore

    reads: list[str] = []
    real = underscore.Underscore.__getattr__

    def counting(self, name):
        reads.append(name)
        return real(self, name)

    doc = build("Prabowo bertemu Fumio Kishida dan Joko Widodo, lalu terbang ke Beijing.")
    monkeypatch.setattr(underscore.Underscore, "__getattr__", counting)
    assert [s.text for s in places.locative_spans(doc)] == ["Beijing"]
    assert reads.count("actor") <= 1
