"""The ``Doc``/``Span`` extension attributes warta's stages read and write.

Registered once, on import; every stage module imports this so the attributes exist before a
pipeline is built.

The values are warta's dataclasses holding spaCy ``Span`` views, which msgpack cannot write, so
``Doc.to_bytes`` (and with it ``nlp.pipe(texts, n_process=2)``, whose workers send Docs as
bytes) used to fail with "can not serialize 'StageStatus'". They are made serialisable here, once:
msgpack encoders registered with srsly write each dataclass as a tagged map and each Span as its
token offsets and label; the decoder rebuilds the dataclasses with offset placeholders, and the
attribute's getter binds those to the Doc they arrived in on first read.
"""

from __future__ import annotations

import dataclasses
import weakref
from typing import Any, Literal

import srsly
from spacy.attrs import LOWER, ORTH, SPACY
from spacy.tokens import Doc, Span

from warta.types import (
    Actor,
    Article,
    Byline,
    Dateline,
    DateMention,
    Embedding,
    Event,
    Place,
    Quote,
    Source,
    StageStatus,
    TextVector,
    Tone,
)

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
    "embedding": None,  # Embedding: vectors of the title + lead (and paragraphs), embed stage
    "stages": None,  # list[StageStatus]
    "headline": None,  # list[Actor] the article's title names (warta.process.attach_headlines)
    "article": None,  # warta.types.Article the Doc was made from (warta.process), for its record
}

# The types extension values are built from, by name: the tag their serialised form carries.
_CODEC: dict[str, type] = {cls.__name__: cls for cls in (
    Actor, Article, Byline, Dateline, DateMention, Embedding, Event, Place, Quote, Source,
    StageStatus, TextVector, Tone)}
_TAG = "__warta__"


@dataclasses.dataclass(frozen=True)
class _SpanRef:
    """A Span read back from bytes, before it is bound to its Doc."""

    start: int
    end: int
    label: str
    kb_id: str


class _Held:
    """An attribute value as a stage set it (kept in ``doc.user_data``)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class _Unbound(_Held):
    """An attribute value read back from bytes: its Spans are still ``_SpanRef``s."""

    __slots__ = ()


class _Memo:
    """Values several stages derive from one Doc, computed once (see ``doc_memo``).

    It belongs to the Doc it was made for (a weak reference, so the two do not keep each other
    alive): a copy of the Doc's ``user_data`` (``Doc.copy``, ``Span.as_doc``, pickling) starts
    empty rather than carrying another Doc's values, and bytes never carry it (``_encode``).
    """

    __slots__ = ("doc", "values")

    def __init__(self, doc: Doc | None = None) -> None:
        self.doc = weakref.ref(doc) if doc is not None else None
        self.values: dict[object, Any] = {}

    def __copy__(self) -> _Memo:
        return _Memo()

    def __deepcopy__(self, memo: dict[int, Any]) -> _Memo:
        return _Memo()

    def __reduce__(self) -> tuple[type[_Memo], tuple[()]]:
        return (_Memo, ())


_MEMO_KEY: Any = ("warta", "memo", None, None)  # a tuple, as spaCy's own (its stub: str)


def doc_memo(doc: Doc) -> dict[object, Any]:
    """A per-Doc store for values that stages would otherwise recompute from the same Doc.

    Only for values that cannot go stale while the pipeline runs: the text (retokenizing keeps
    it), or values keyed by everything they are computed from. ``doc.text`` alone rebuilds the
    string from a Token object per token, and five stages read it.
    """
    memo = doc.user_data.get(_MEMO_KEY)
    if not isinstance(memo, _Memo) or memo.doc is None or memo.doc() is not doc:
        memo = doc.user_data[_MEMO_KEY] = _Memo(doc)
    return memo.values


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc."""
    values = doc_memo(doc)
    text = values.get("text")
    if text is None:  # doc.text reads every token's text_with_ws, which is slower than these
        text = values["text"] = "".join(
            [x for pair in zip(token_texts(doc), token_spaces(doc), strict=True) for x in pair])
    return str(text)


def token_texts(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, read once per Doc.

    Reading ``doc[i].text`` makes a Token object and then a string each time (about 0.3 µs; a
    list item costs a thirtieth of that), and the rule stages read the same tokens' texts many
    times over, in loops over every token. No stage retokenizes; a Doc whose length changed
    (a retokenizer run in between) is read again.

    The three readers answer the Doc asked last from ``_last_memo`` themselves (the same tests
    as ``_token_strings``, inline): the rule stages ask 270,000 times per 200 articles, and the
    second Python call was a third of an ask (docs/scaling.md, twelfth round).
    """
    ref, values = _last_memo
    if ref is not None and ref() is doc:
        strings: list[str] | None = values.get("token_texts")
        if strings is not None and len(strings) == len(doc):
            return strings
    return _token_strings(doc, "token_texts")


def token_lowers(doc: Doc) -> list[str]:
    """``[t.lower_ for t in doc]``, read once per Doc (see ``token_texts``)."""
    ref, values = _last_memo
    if ref is not None and ref() is doc:
        strings: list[str] | None = values.get("token_lowers")
        if strings is not None and len(strings) == len(doc):
            return strings
    return _token_strings(doc, "token_lowers")


def token_spaces(doc: Doc) -> list[str]:
    """``[t.whitespace_ for t in doc]``, read once per Doc (see ``token_texts``)."""
    ref, values = _last_memo
    if ref is not None and ref() is doc:
        strings: list[str] | None = values.get("token_spaces")
        if strings is not None and len(strings) == len(doc):
            return strings
    return _token_strings(doc, "token_spaces")


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` without making the Span (which reads every token again)."""
    if end <= start:
        return ""
    texts, spaces = token_texts(doc), token_spaces(doc)
    inner = [x for k in range(start, end - 1) for x in (texts[k], spaces[k])]
    return "".join(inner) + texts[end - 1]


# The memo last asked for a Doc's words: (its Doc, its values). The rule stages ask for the
# words of one Doc at nearly every token (``match_rank``, ``match_title``…), and finding the
# memo in ``doc.user_data`` (a Cython attribute, a tuple key hashed anew) was most of an ask.
_last_memo: tuple[weakref.ref[Doc] | None, dict[object, Any]] = (None, {})


def _token_strings(doc: Doc, key: str) -> list[str]:
    global _last_memo
    ref, values = _last_memo
    if ref is None or ref() is not doc:
        memo = doc.user_data.get(_MEMO_KEY)  # doc_memo's checks inline: asked at every token
        if type(memo) is not _Memo or memo.doc is None or memo.doc() is not doc:
            doc_memo(doc)
            memo = doc.user_data[_MEMO_KEY]
        ref, values = _last_memo = (memo.doc, memo.values)
    strings: list[str] | None = values.get(key)
    if strings is None or len(strings) != len(doc):
        values.update(_read_words(doc))
        strings = values[key]
    return strings


def _read_words(doc: Doc) -> dict[str, list[str]]:
    """The three word lists at once, from the Doc's arrays: a Token object per token and list
    (iterating the Doc) cost three times as much. ``t.orth_`` and ``t.lower_`` are the
    strings of the ORTH and LOWER ids, ``t.whitespace_`` is " " where SPACY is set."""
    if not len(doc):
        return {"token_texts": [], "token_lowers": [], "token_spaces": []}
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, LOWER, SPACY]).tolist()
    return {"token_texts": [strings[orth] for orth, _, _ in rows],
            "token_lowers": [strings[lower] for _, lower, _ in rows],
            "token_spaces": [" " if space else "" for _, _, space in rows]}


_ACTOR = "actor"  # the Span attribute ``register`` defines (a plain ``default=None`` one)


def span_actor(span: Span) -> Any:
    """``span._.actor``, read from where spaCy keeps it, without the ``Underscore`` object.

    ``span._`` builds a new ``Underscore`` per read (about 2 µs, ten times the dict look-up),
    and the quote and event stages read the actor of every entity in loops over the article.
    spaCy keys a Span's plain attribute by the Span's characters (``Span._``), so a Span made
    anew over the same tokens reads the same value, as through ``span._``.
    """
    key: Any = ("._.", _ACTOR, span.start_char, span.end_char)  # a tuple (the stub says str)
    return span.doc.user_data.get(key)


def set_span_actor(span: Span, actor: Any) -> None:
    """``span._.actor = actor``, written where spaCy keeps it (see ``span_actor``): the actors
    stage sets it on every entity and mention, and ``span._`` builds an ``Underscore`` each
    time. Only for the plain attribute ``register`` defines (no setter of its own)."""
    key: Any = ("._.", _ACTOR, span.start_char, span.end_char)  # a tuple (the stub says str)
    span.doc.user_data[key] = actor


def _key(name: str) -> tuple[str, str, None, None]:
    return ("._.", name, None, None)  # where spaCy keeps a plain ``default=`` attribute


def _accessors(name: str) -> dict[str, Any]:
    key: Any = _key(name)  # a tuple, as spaCy's own user_data keys (its stub says str)

    def get(doc: Doc) -> Any:
        held = doc.user_data.get(key)
        if held is None:
            return None
        if isinstance(held, _Unbound):
            held = doc.user_data[key] = _Held(_bind(held.value, doc))
        return held.value

    def set_(doc: Doc, value: Any) -> None:
        doc.user_data[key] = _Held(value)

    return {"getter": get, "setter": set_}


def _bind(value: Any, doc: Doc) -> Any:
    """``value`` with every ``_SpanRef`` in it made a Span of ``doc`` (dataclasses in place)."""
    if isinstance(value, _SpanRef):
        return Span(doc, value.start, value.end, label=value.label, kb_id=value.kb_id)
    if isinstance(value, list):
        return [_bind(v, doc) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            old = getattr(value, f.name)
            new = _bind(old, doc)
            if new is not old:
                object.__setattr__(value, f.name, new)  # frozen ones hold no spans; safe
    return value


def _encode(obj: Any, chain: Any = None) -> Any:
    """srsly msgpack encoder: warta's values as tagged maps (other objects go down the chain)."""
    if isinstance(obj, _Held):
        return {_TAG: "value", "v": obj.value}
    if isinstance(obj, _Memo):
        return None  # recomputed where the bytes are read
    if isinstance(obj, Span):
        return {_TAG: "span", "v": [obj.start, obj.end, obj.label_, obj.kb_id_]}
    cls = _CODEC.get(type(obj).__name__)
    if cls is not None and type(obj) is cls and dataclasses.is_dataclass(obj):
        return {_TAG: cls.__name__,
                "v": {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}}
    return obj if chain is None else chain(obj)


def _decode(obj: Any, chain: Any = None) -> Any:
    """srsly msgpack decoder, the inverse of ``_encode`` (Spans come back as ``_SpanRef``)."""
    kind = obj.get(_TAG) if isinstance(obj, dict) else None
    if kind == "value":
        return _Unbound(obj["v"])
    if kind == "span":
        return _SpanRef(*obj["v"])
    if kind in _CODEC:
        cls = _CODEC[kind]
        fields = {f.name: f for f in dataclasses.fields(cls)}
        return cls(**{k: tuple(v) if isinstance(v, list) and isinstance(fields[k].default, tuple)
                      else v for k, v in obj["v"].items()})
    return obj if chain is None else chain(obj)


def register() -> None:
    """Define warta's extensions and their msgpack codec; safe to call more than once."""
    for name in _DOC_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, **_accessors(name))
    if not Span.has_extension(_ACTOR):
        Span.set_extension(_ACTOR, default=None)  # actor id of an entity mention (span_actor)
    srsly.msgpack_encoders.register("warta", func=_encode)
    srsly.msgpack_decoders.register("warta", func=_decode)


def factory_name(stage: str, version: str) -> str:
    """The spaCy factory a stage registers: ``warta_<stage>_v<version>`` (spaCy forbids dots).

    Every stage derives its factory name, the version it records in ``doc._.stages`` and the
    record's ``stages`` field from its one ``VERSION`` constant, so the three cannot disagree.
    """
    return f"warta_{stage}_v{version}"


def mark_stage(doc: Doc, name: str, version: str, status: Literal["ok", "skipped", "failed"],
               reason: str | None = None) -> None:
    """Record that a stage ran (or why it did not) on this document."""
    if doc._.stages is None:
        doc._.stages = []
    doc._.stages.append(StageStatus(name, version, status, reason))


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
