"""The one place where an analysed ``Doc`` becomes the versioned JSON record (``warta.article/1``).

The record's shape is fixed by ``schema/article-1.schema.json``; fields whose stage did not run
are present and empty, so later stages fill them without changing the shape.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from warta.errors import Errors, SchemaError
from warta.types import Article, Embedding, Place, Source, TextVector

if TYPE_CHECKING:  # annotations only: the store and the CLI use article_id without spaCy
    from spacy.tokens import Doc, Span

SCHEMA_ID = "warta.article/1"


def article_id(title: str | None, text: str) -> str:
    """An article's identity: a fingerprint of its cleaned (normalised) title and text.

    The same story always gets the same id, whatever input, row or dataset id it came under, so
    a re-ingest of the same text under another input id adds a reference to the stored article
    (``source.native_id``, kept in the store's ``article_refs``) instead of a second copy. This
    is the only place the id is computed.
    """
    key = f"{title or ''}\n\n{text}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _offsets(span: Span | None) -> tuple[int | None, int | None]:
    return (span.start_char, span.end_char) if span is not None else (None, None)


def _place(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    start, end = _offsets(place.span)
    return {"name": place.name, "country": place.country, "kb": place.kb,
            "lat": place.lat, "lon": place.lon, "start": start, "end": end}


def _entities(doc: Doc) -> list[dict[str, Any]]:
    spans = list(doc.ents) + list(doc._.mentions or [])
    spans.sort(key=lambda s: (s.start_char, s.end_char))
    return [{"text": s.text, "label": s.label_, "start": s.start_char, "end": s.end_char,
             "actor": s._.actor} for s in spans]


def _actors(doc: Doc) -> list[dict[str, Any]]:
    return [{"id": a.id, "name": a.name, "type": a.type, "country": a.country,
             "roles": list(a.roles), "aliases": list(a.aliases), "kb": a.kb}
            for a in doc._.actors or []]


def _quotes(doc: Doc) -> list[dict[str, Any]]:
    return [{"text": q.content.text, "start": q.content.start_char, "end": q.content.end_char,
             "kind": q.kind, "speaker": q.speaker,
             "speaker_text": q.speaker_span.text if q.speaker_span is not None else None,
             "cue": q.cue.text if q.cue is not None else None,
             "addressee": q.addressee, "date": q.date}
            for q in doc._.quotes or []]


def _sent(span: Span) -> Span:
    """The sentence holding an event's trigger: the event's evidence span in the record."""
    return span.sent if span.doc.has_annotation("SENT_START") else span


def _events(doc: Doc) -> list[dict[str, Any]]:
    out = []
    for e in doc._.events or []:
        out.append({
            "type": e.type, "mode": e.mode, "cameo": e.cameo, "source": e.source,
            "target": e.target, "date": e.date, "location": _place(e.location),
            "negated": e.negated, "modality": e.modality, "symmetric": e.symmetric,
            "start": _sent(e.trigger).start_char,
            "end": _sent(e.trigger).end_char,
            "trigger": e.trigger.text,
            "evidence": [[s.start_char, s.end_char] for s in e.evidence] or
                        [[e.trigger.start_char, e.trigger.end_char]],
            "goldstein": e.goldstein, "quad_class": e.quad_class,
        })
    return out


def _sentences(doc: Doc) -> list[list[int]]:
    if not doc.has_annotation("SENT_START"):
        return [[0, len(doc.text)]] if doc.text else []
    return [[s.start_char, s.end_char] for s in doc.sents]


# Vectors travel in the record as base64 of little-endian float16: half the bytes of float32
# and, for unit vectors, a cosine that differs by less than 1e-3 (docs/record.md).
VECTOR_DTYPE = "float16"


def encode_vector(vector: Any) -> str:
    """A vector as the record carries it (base64 of little-endian float16)."""
    import numpy as np

    return base64.b64encode(np.asarray(vector, dtype="<f2").tobytes()).decode("ascii")


def decode_vector(text: str) -> Any:
    """The float32 numpy vector a record's base64 float16 string stands for."""
    import numpy as np

    return np.frombuffer(base64.b64decode(text), dtype="<f2").astype(np.float32)


def _text_vector(v: TextVector) -> dict[str, Any]:
    return {"start": v.start, "end": v.end, "vector": encode_vector(v.vector)}


def embedding_field(embedding: Embedding) -> dict[str, Any]:
    """The record's ``embedding`` field for the embed stage's result."""
    return {"model": embedding.model, "dim": len(embedding.lead.vector), "dtype": VECTOR_DTYPE,
            "lead": _text_vector(embedding.lead),
            "paragraphs": [_text_vector(p) for p in embedding.paragraphs]}


def record_vectors(record: dict[str, Any]) -> list[tuple[int, int, int, Any]]:
    """A record's vectors as (seq, start, end, float32 vector): 0 is the title + lead, then
    the paragraphs in text order; [] when the embed stage did not run."""
    embedding = record.get("embedding")
    if not embedding:
        return []
    items = [embedding["lead"], *embedding.get("paragraphs", [])]
    return [(seq, v["start"], v["end"], decode_vector(v["vector"]))
            for seq, v in enumerate(items)]


def to_record(doc: Doc, article: Article | None = None) -> dict[str, Any]:
    """Turn a processed Doc plus its article metadata into the JSON record.

    This is also the public way from a Doc to its record (``warta.to_record(doc)``;
    ``doc.to_json()`` knows nothing of actors, quotes or events). Without ``article``, the one
    the Doc was made from (``doc._.article``, set by ``warta.process``) is used, else the
    metadata the Doc carries: a Doc from ``nlp(text)`` gets a record without title or source.
    """
    from warta.nlp.extensions import doc_text  # spaCy's layer: not for article_id's users

    article = article or doc._.article or _bare_article(doc)
    tone = doc._.tone
    record = {
        "schema": SCHEMA_ID,
        "id": article_id(article.title, article.text),
        "source": {"path": article.source.path, "url": article.source.url,
                   "format": article.source.format, "site_name": article.source.site_name,
                   "record": article.source.record, "native_id": article.source.native_id},
        "title": article.title,
        "text": doc_text(doc),
        "language": article.language,
        "published": article.published,
        "byline": {"authors": list(article.byline.authors),
                   "agencies": list(article.byline.agencies)},
        "dateline": ({"place": article.dateline.place, "source": article.dateline.source}
                     if article.dateline else None),
        "sentences": _sentences(doc),
        "entities": _entities(doc),
        "actors": _actors(doc),
        "quotes": _quotes(doc),
        "events": _events(doc),
        "dates": [{"text": d.span.text, "start": d.span.start_char, "end": d.span.end_char,
                   "value": d.value} for d in doc._.dates or []],
        "tone": ({"score": tone.score, "positive": tone.positive, "negative": tone.negative,
                  "polarity": tone.polarity, "word_count": tone.word_count} if tone else None),
        "stages": [_stage(s) for s in doc._.stages or []],
    }
    if doc._.embedding is not None:  # only when the embed stage ran: the field is optional
        record["embedding"] = embedding_field(doc._.embedding)
    return record


def _bare_article(doc: Doc) -> Article:
    """The article a bare ``nlp(text)`` Doc stands for: its text and what the Doc knows."""
    return Article(source=Source(path=None, format="text"), text=doc.text,
                   published=doc._.published, dateline=doc._.dateline, language=doc._.language)


def _stage(s: Any) -> dict[str, Any]:
    out = {"name": s.name, "version": s.version, "status": s.status}
    if s.reason:
        out["reason"] = s.reason
    return out


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The record's JSON Schema, as shipped in the package."""
    text = resources.files("warta").joinpath("schema/article-1.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def validate(record: dict[str, Any]) -> None:
    """Raise SchemaError when a record breaks the contract."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    error = jsonschema.exceptions.best_match(validator.iter_errors(record))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        raise SchemaError(Errors.E040.format(id=record.get("id"), schema=SCHEMA_ID,
                                             reason=f"{where}: {error.message}"))


# --- long articles: records of consecutive pieces merged into one ----------------------------


def _shifted(item: dict[str, Any], by: int) -> dict[str, Any]:
    """An entity, quote, date or event with its offsets moved by ``by`` characters."""
    out = dict(item)
    for key in ("start", "end"):
        if isinstance(out.get(key), int):
            out[key] += by
    if out.get("evidence"):
        out["evidence"] = [[s + by, e + by] for s, e in out["evidence"]]
    if isinstance(out.get("location"), dict):
        out["location"] = _shifted(out["location"], by)
    return out


def _merged_actors(parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Actors of all pieces, one per id: the first piece's fields, every piece's aliases/roles."""
    by_id: dict[str, dict[str, Any]] = {}
    for record in parts:
        for actor in record["actors"]:
            kept = by_id.setdefault(actor["id"], dict(actor, aliases=[], roles=[]))
            for key in ("aliases", "roles"):
                kept[key] += [v for v in actor[key] if v not in kept[key]]
    return list(by_id.values())


def _merged_tone(parts: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Tone over the whole text: the pieces' percentages weighted by their word counts."""
    tones = [r["tone"] for r in parts if r.get("tone")]
    words = sum(t["word_count"] for t in tones)
    if not tones or not words:
        return tones[0] if tones else None
    pos = sum(t["positive"] * t["word_count"] for t in tones) / words
    neg = sum(t["negative"] * t["word_count"] for t in tones) / words
    return {"score": round(pos - neg, 4), "positive": round(pos, 4), "negative": round(neg, 4),
            "polarity": round(pos + neg, 4), "word_count": words}


def merge_records(article: Article, parts: list[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """One article's record from the records of its pieces (``(start, record)``, in order).

    A very long article is analysed piece by piece so that its memory stays bounded
    (``process.analyze``); this puts the pieces back together: offsets moved into the whole
    text, actors joined by id. What crosses a piece boundary (a pronoun whose antecedent is in
    the piece before) is the price of the bound.
    """
    record = dict(parts[0][1])
    record["id"] = article_id(article.title, article.text)
    record["text"] = article.text
    for key in ("entities", "quotes", "dates", "events"):
        record[key] = [_shifted(item, start) for start, part in parts for item in part[key]]
    record["sentences"] = [[s + start, e + start] for start, part in parts
                           for s, e in part["sentences"]]
    record["actors"] = _merged_actors([part for _, part in parts])
    record["tone"] = _merged_tone([part for _, part in parts])
    if record.get("embedding"):  # the lead is the first piece's; paragraphs come from all
        record["embedding"] = dict(record["embedding"], paragraphs=[
            _shifted(p, start) for start, part in parts
            for p in (part.get("embedding") or {}).get("paragraphs", [])])
    return record
