"""warta's shared data model.

Ingest produces ``RawArticle``; cleaning produces ``Article`` (whose ``text`` every offset
points into); the NLP stages attach ``Actor``, ``Quote``, ``Event``, ``DateMention`` and
``Tone`` objects to the spaCy ``Doc`` (see ``warta.nlp.extensions``). Extracted facts hold
spaCy ``Span`` views into that one Doc, never copies of text; ``warta.record`` turns them
into the JSON record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from warta.errors import one_line

if TYPE_CHECKING:  # annotations only: importing the data model must not import spaCy
    from spacy.tokens import Span

QuoteKind = Literal["direct", "partial", "indirect"]
Modality = Literal["asserted", "future", "hypothetical", "historical"]
ActorType = Literal["PERSON", "ORG", "GPE", "LOC"]
SourceFormat = Literal["text", "wet", "html", "warc", "rss", "jsonl", "csv", "tsv"]


@dataclass(frozen=True)
class Source:
    """Where an article came from."""

    path: str | None
    format: SourceFormat
    url: str | None = None
    site_name: str | None = None
    record: int | None = None  # position inside a multi-article input (feed entry, CSV row, ...)
    native_id: str | None = None  # the input's own id for the article (CSV/JSONL id column)


@dataclass
class RawArticle:
    """An article as read from its input, before cleaning."""

    source: Source
    text: str
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dateline:
    """The "JAKARTA, KOMPAS.com -" opener: where the report was filed and by which outlet."""

    place: str | None
    source: str | None


@dataclass
class Article:
    """A cleaned article: ``text`` is the body every offset in the record points into."""

    source: Source
    text: str
    title: str | None = None
    published: str | None = None
    byline: Byline = field(default_factory=Byline)
    dateline: Dateline | None = None
    language: str | None = None


@dataclass
class Actor:
    """A canonical actor: a person, organisation or country (government) within one article."""

    id: str
    name: str
    type: ActorType
    country: str | None = None  # ISO-3166 alpha-3
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    kb: str | None = None  # identifier in warta's gazetteer or the user's actors file


@dataclass
class Place:
    name: str
    country: str | None = None
    kb: str | None = None
    lat: float | None = None
    lon: float | None = None
    span: Span | None = None


@dataclass
class Quote:
    content: Span
    kind: QuoteKind
    speaker: str | None = None  # actor id; None when truly unknown
    speaker_span: Span | None = None
    cue: Span | None = None
    addressee: str | None = None
    date: str | None = None


@dataclass
class Event:
    type: str  # one of PLOVER's 16 types
    trigger: Span
    mode: str | None = None
    cameo: str | None = None
    source: str | None = None  # actor id
    target: str | None = None  # actor id
    date: str | None = None
    location: Place | None = None
    negated: bool = False
    modality: Modality = "asserted"
    symmetric: bool = False  # undirected (meet, agree): source/target are only in text order
    evidence: list[Span] = field(default_factory=list)  # every mention merged into this event
    goldstein: float | None = None
    quad_class: int | None = None


@dataclass
class DateMention:
    span: Span
    value: str | None  # ISO 8601, partial when the text is partial


@dataclass
class Tone:
    score: float  # positive - negative, in percent of words (GDELT's V2Tone convention)
    positive: float
    negative: float
    polarity: float
    word_count: int


@dataclass(frozen=True)
class TextVector:
    """One embedded stretch of an article: its character offsets and its unit-length vector
    (a float32 numpy array; typed loosely so the data model does not import numpy)."""

    start: int
    end: int
    vector: Any


@dataclass(frozen=True)
class Embedding:
    """What the embed stage attaches: the title + lead vector and, optionally, one per
    paragraph. ``model`` names the model and its version, so vectors of two models never mix."""

    model: str
    lead: TextVector
    paragraphs: tuple[TextVector, ...] = ()


@dataclass(frozen=True)
class StageStatus:
    name: str
    version: str
    status: Literal["ok", "skipped", "failed"]
    reason: str | None = None


@dataclass(frozen=True)
class Failure:
    """An input that could not be read: the one line users see, naming the input and the reason.

    The message is made one short printable line here, whoever built it: reasons quote hostile
    input (binary bytes, control characters, huge lines) and must not reach a terminal as is.
    """

    path: str
    message: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", one_line(self.message))  # frozen: set once, here
