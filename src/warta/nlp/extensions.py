"""The ``Doc``/``Span`` extension attributes warta's stages read and write.

Registered once, on import; every stage module imports this so the attributes exist before a
pipeline is built.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from warta.types import StageStatus

_DOC_ATTRS: dict[str, object] = {
    "language": None,  # ISO 639-1, decided per document before the pipeline runs
    "supported_languages": None,  # settings.language.supported, set with the language
    "published": None,  # ISO 8601 publication date, context for relative dates
    "dateline": None,  # warta.types.Dateline
    "actors": None,  # list[Actor], keyed lookups via warta.nlp.extensions.actor_index
    "mentions": None,  # list[Span] beyond doc.ents that point to actors (pronouns, roles)
    "quotes": None,  # list[Quote]
    "events": None,  # list[Event]
    "dates": None,  # list[DateMention]
    "places": None,  # list[Place]
    "tone": None,  # Tone
    "stages": None,  # list[StageStatus]
}


def register() -> None:
    """Define warta's extensions; safe to call more than once."""
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Span.has_extension("actor"):
        Span.set_extension("actor", default=None)  # actor id of an entity mention


def mark_stage(doc: Doc, name: str, version: str, status: str, reason: str | None = None) -> None:
    """Record that a stage ran (or why it did not) on this document."""
    if doc._.stages is None:
        doc._.stages = []
    doc._.stages.append(StageStatus(name, version, status, reason))  # type: ignore[arg-type]


def skip_unsupported(doc: Doc, name: str, version: str) -> bool:
    """Mark a language-specific stage skipped (one wording everywhere) when the document's
    language is not supported; True when the stage should return the Doc untouched."""
    if language_supported(doc):
        return False
    mark_stage(doc, name, version, "skipped", unsupported_reason(doc))
    return True


def unsupported_reason(doc: Doc) -> str:
    return f"language {doc._.language!r} is not supported"


def language_supported(doc: Doc, supported: tuple[str, ...] = ("id",)) -> bool:
    """Whether a language-specific stage should run: unknown language counts as supported.

    The settings' ``[language] supported`` list, when the caller put it on the Doc, wins over
    the stage's own default.
    """
    lang = doc._.language
    return lang is None or lang in (doc._.supported_languages or supported)


register()
