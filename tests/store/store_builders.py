"""Builders of schema-valid records for store tests: offsets are computed, never typed."""

from __future__ import annotations

from typing import Any

from warta.record import SCHEMA_ID, article_id, validate

STAGES = [{"name": "ner", "version": "1", "status": "ok"},
          {"name": "actors", "version": "2", "status": "ok"},
          {"name": "quotes", "version": "1", "status": "ok"},
          {"name": "events", "version": "3", "status": "ok"}]


def actor(id: str, name: str, type: str = "PERSON", *, country: str | None = None,
          roles: list[str] | None = None, aliases: list[str] | None = None) -> dict[str, Any]:
    return {"id": id, "name": name, "type": type, "country": country, "roles": roles or [],
            "aliases": aliases or [], "kb": None}


def mention(text: str, needle: str, label: str, actor_id: str | None) -> dict[str, Any]:
    """An entity for the first occurrence of ``needle`` in ``text``."""
    start = text.index(needle)
    return {"text": needle, "label": label, "start": start, "end": start + len(needle),
            "actor": actor_id}


def quote(text: str, needle: str, speaker: str | None, *, kind: str = "direct",
          cue: str | None = "kata", date: str | None = None) -> dict[str, Any]:
    start = text.index(needle)
    return {"text": needle, "start": start, "end": start + len(needle), "kind": kind,
            "speaker": speaker, "speaker_text": None, "cue": cue, "addressee": None,
            "date": date}


def event(text: str, trigger: str, type: str, source: str | None, target: str | None, *,
          date: str | None = None, location: dict[str, Any] | None = None) -> dict[str, Any]:
    start = text.index(trigger)
    return {"type": type, "mode": None, "cameo": None, "source": source, "target": target,
            "date": date, "location": location, "negated": False, "modality": "asserted",
            "start": start, "end": start + len(trigger), "trigger": trigger,
            "evidence": [[start, start + len(trigger)]], "goldstein": None, "quad_class": None}


def make_record(text: str, *, title: str | None = "Judul", published: str | None = "2024-05-16",
                language: str | None = "id", url: str | None = None,
                site_name: str | None = None, **fields: Any) -> dict[str, Any]:
    """A record that passes ``warta.record.validate``; extra fields (actors, quotes, …) override."""
    record: dict[str, Any] = {
        "schema": SCHEMA_ID, "id": article_id(title, text),
        "source": {"path": "uji.txt", "url": url, "format": "text", "site_name": site_name,
                   "record": None},
        "title": title, "text": text, "language": language, "published": published,
        "byline": {"authors": [], "agencies": []}, "dateline": None,
        "sentences": [[0, len(text)]], "entities": [], "actors": [], "quotes": [],
        "events": [], "dates": [], "tone": None, "stages": STAGES,
    }
    record.update(fields)
    validate(record)
    return record
