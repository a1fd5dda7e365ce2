"""The gazetteer: countries, cities, seats of government, provinces, organisations, large
companies, Indonesian institutions and public figures, with their aliases and a country code
for each.

The data are TSV files under ``warta/data/gazetteer/`` (each says where its facts come from).
Read-only look-ups over them: ``lookup`` turns a surface form into a place or organisation,
``match_at`` finds the longest alias a Doc spells at a token, ``lookup_person`` and ``by_kb``
find a public figure or an entry by id, and ``file_rows`` gives each file's rows to whoever
builds features from them (``warta.nlp.gazetteer_embed``). The ``gazetteer`` stage that adds
and retypes entities with these look-ups is ``warta.resolve.gazetteer``.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from warta.nlp.lang.id.place_units import ADMIN_PREFIXES

if TYPE_CHECKING:  # a Doc is only read here: the look-ups load without spaCy
    from spacy.tokens import Doc

MAX_ALIAS_TOKENS = 7
MAX_NAME_TOKENS = 6  # "Mohammed bin Salman Al Saud" has five

# Hand-curated files first: the first file to define an alias owns it; later rows with a known
# kb only add aliases (country_variants.tsv extends the generated countries.tsv).
FILES: tuple[str, ...] = (
    "country_variants.tsv", "seats.tsv", "institutions.tsv", "organisations.tsv",
    "companies.tsv", "provinces.tsv", "regions.tsv", "countries.tsv", "cities.tsv", "us_states.tsv",
    "regencies.tsv",
)
PEOPLE_FILE = "people.tsv"  # kept apart: persons are not places
OUTLETS_FILE = "outlets.tsv"  # kept apart: an outlet's name alone is mostly a byline

# Administrative words before a place name that lookup may drop ("Kota Bandung").


@dataclass(frozen=True)
class GazEntry:
    """One gazetteer fact: a place or organisation and its country (ISO-3166 alpha-3)."""

    kb: str
    name: str
    # country|capital|city|province|regency|org|institution|company|seat|island|sea|region
    kind: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    actor_type: str = "GPE"  # GPE|LOC|ORG

    @property
    def actor_id(self) -> str | None:
        """The stable actor id this entry stands for as an agent (None for mere places)."""
        if self.kind == "country":
            return f"gpe:{self.kb}"
        if self.actor_type == "ORG":
            return f"org:{self.kb}"
        if self.kind in {"seat", "capital"} and self.country:
            return f"gpe:{self.country}"  # metonymy: the capital acting stands for its state
        return None


@dataclass(frozen=True)
class _Index:
    by_alias: dict[str, GazEntry]
    abbreviations: dict[str, frozenset[str]]  # key → exact surfaces that must match by case
    by_kb: dict[str, GazEntry]


@lru_cache(maxsize=65536)  # called for most tokens of every Doc, on a few thousand words
def normalize(text: str) -> str:
    """Case- and diacritic-insensitive key: 'Türkiye' and 'turkiye' meet; hyphens are spaces."""
    if text.isascii():  # most words: NFKD leaves ASCII as it is, and it has no combining marks
        return " ".join(text.casefold().replace("-", " ").split())
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().replace("-", " ").split())


def is_abbreviation(alias: str) -> bool:
    """All-caps short forms (AS, MA, UE, PBB) would match ordinary words in lower case."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def _read(name: str) -> Iterator[dict[str, str]]:
    path = resources.files("warta") / "data" / "gazetteer" / name
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _entry(row: dict[str, str]) -> GazEntry:
    return GazEntry(
        kb=row["kb"], name=row["name"], kind=row["kind"], country=row["country"] or None,
        lat=float(row["lat"]) if row["lat"] else None,
        lon=float(row["lon"]) if row["lon"] else None, actor_type=row["actor_type"],
    )


def file_rows(name: str) -> Iterator[tuple[GazEntry, tuple[str, ...]]]:
    """Each row of one gazetteer file as (the row's own entry, its aliases column as written).

    A row whose kb an earlier file defined still yields its own kind and type here; ``by_kb``
    keeps the first.
    """
    for row in _read(name):
        yield _entry(row), tuple(a for a in row["aliases"].split("|") if a)


def surfaces(entry: GazEntry, aliases: tuple[str, ...]) -> list[str]:
    """The forms a row names its entry by: its name, then its aliases."""
    return [s for s in (entry.name, *aliases) if s]


@lru_cache(maxsize=1)
def _index() -> _Index:
    """Load every gazetteer file once per process."""
    by_alias: dict[str, GazEntry] = {}
    abbreviations: dict[str, set[str]] = {}
    by_kb: dict[str, GazEntry] = {}
    for name in FILES:
        for row_entry, aliases in file_rows(name):
            entry = by_kb.setdefault(row_entry.kb, row_entry)
            for alias in surfaces(row_entry, aliases):
                key = normalize(alias)
                if is_abbreviation(alias):
                    abbreviations.setdefault(key, set()).add(alias)
                by_alias.setdefault(key, entry)
    frozen = {k: frozenset(v) for k, v in abbreviations.items()}
    # an alias that is an abbreviation in one entry and a word in another: keep it case-checked
    return _Index(by_alias, frozen, by_kb)


def load() -> None:
    """Read the gazetteer files now (a stage calls this before its first Doc, not inside one)."""
    _index()
    _alias_prefixes()


def lookup(text: str) -> GazEntry | None:
    """The gazetteer entry for a surface form (case/diacritic-insensitive), or None.

    All-caps abbreviations (AS, MA, UE) are matched only when the query is not all lower case,
    so the word "as" or "ma" does not become the United States or the Supreme Court.
    """
    index = _index()
    key = normalize(text)
    entry = index.by_alias.get(key)
    if entry is None:
        head, _, rest = key.partition(" ")
        if head in ADMIN_PREFIXES and rest:  # "Kota Bandung", "Provinsi Bali", "Kab. Bogor"
            entry = index.by_alias.get(rest)
            return entry if entry is not None and entry.kind != "country" else None
        return None
    if key in index.abbreviations and text.strip().islower():
        return None
    return entry


@lru_cache(maxsize=1)
def single_names() -> frozenset[str]:
    """One-word aliases of public figures, spelled exactly ("Xi" but not "XI" of Komisi XI)."""
    names: set[str] = set()
    for _, aliases in file_rows(PEOPLE_FILE):
        names.update(a for a in aliases if " " not in a)
    return frozenset(names)


@lru_cache(maxsize=1)
def people() -> dict[str, GazEntry]:
    """Public figures and their country by normalised name or alias."""
    index: dict[str, GazEntry] = {}
    for entry, aliases in file_rows(PEOPLE_FILE):
        for alias in surfaces(entry, aliases):
            index.setdefault(normalize(alias), entry)
    return index


def lookup_person(name: str) -> GazEntry | None:
    """A well-known person by full name or common alias ("Jokowi"), with their country."""
    return people().get(normalize(name))


@lru_cache(maxsize=1)
def outlets() -> dict[str, GazEntry]:
    """News outlets and the country each is based in, by normalised name or alias."""
    index: dict[str, GazEntry] = {}
    for entry, aliases in file_rows(OUTLETS_FILE):
        for alias in surfaces(entry, aliases):
            index.setdefault(normalize(alias), entry)
    return index


def lookup_outlet(name: str) -> GazEntry | None:
    """A news outlet by name or alias ("Reuters", "Dailymail", "CNNIndonesia.com")."""
    return outlets().get(normalize(name))


def by_kb(kb: str) -> GazEntry | None:
    """The entry with this gazetteer id (``RUS``, ``kpk``, ``seat:beijing``), or None."""
    return _index().by_kb.get(kb)


@lru_cache(maxsize=1)
def _alias_first_words() -> frozenset[str]:
    return frozenset(key.split(" ", 1)[0] for key in _index().by_alias)


@lru_cache(maxsize=65536)  # asked for every capitalised word of every Doc, on a few thousand
def opens_alias(word: str) -> bool:
    """Whether a span that starts with ``word`` and a space after it could be an alias:
    ``could_start`` for such a span, which ``match_at`` asks first (a scan over every word can
    leave out the others without a call)."""
    return normalize(word).split(" ", 1)[0] in _alias_first_words()


@lru_cache(maxsize=1)
def people_first_words() -> frozenset[str]:
    """First normalised words of the public figures' names and aliases (for ``could_start``)."""
    return frozenset(key.split(" ", 1)[0] for key in people())


# A Doc's words as lists, ``([t.text …], [t.whitespace_ …])``, for the scans that ask at every
# token (warta.nlp.extensions keeps them per Doc; this layer cannot import it): given, they are
# read instead of a Token object per step.
Words = tuple[Sequence[str], Sequence[str]]


def could_start(doc: Doc, start: int, limit: int, first_words: frozenset[str], *,
                words: Words | None = None) -> bool:
    """Whether a span from ``start`` could normalise to a key with one of ``first_words``.

    A cheap filter before trying every span length: a span's first normalised word comes from
    the tokens up to the first space, so only those prefixes need normalising (usually one).
    """
    end = start
    text = ""  # doc[start : end + 1].text, built without making a Span per step
    while True:
        if words is not None:
            text, space = text + words[0][end], words[1][end]
        else:
            token = doc[end]
            text, space = text + token.orth_, token.whitespace_  # orth_: .text, one call less
        if normalize(text).split(" ", 1)[0] in first_words:
            return True
        if space or end + 1 >= limit:
            return False
        end += 1


def match_at(doc: Doc, start: int, *, end_limit: int | None = None,
             words: Words | None = None) -> tuple[int, GazEntry] | None:
    """Longest gazetteer alias starting at token ``start`` that the text spells as a name.

    Returns (end, entry). The first token must be capitalised (or a digit: G20), and
    abbreviations must match letter case exactly ("AS", not "as" or "As"). ``words``: the
    Doc's words as lists, for a caller asking at every token (see ``Words``).
    """
    if words is not None:
        first, space = words[0][start], words[1][start]
    else:
        token = doc[start]
        first, space = token.orth_, token.whitespace_  # orth_: .text
    if not (first[:1].isupper() or first[:1].isdigit()):
        return None
    index = _index()
    limit = min(len(doc), end_limit if end_limit is not None else len(doc))
    # could_start for a first word with a space after it is its first test, kept per word
    if not (opens_alias(first) if space else could_start(doc, start, limit, _alias_first_words(),
                                                         words=words)):
        return None
    # Longer and longer spans from ``start``, each token read once and only as far as needed
    # (a Span per length re-reads them): a span may not cross a space or punctuation other
    # than "-" and "." (so it stops before them). The longest that is an alias wins. Once a
    # span ends at a space and its key opens no longer alias, no longer span can be one: the
    # words of a longer span's key begin with this key's words.
    prefixes = _alias_prefixes()
    found: tuple[int, GazEntry] | None = None
    text = ""  # the span's text, without making the Span
    for k in range(start, min(limit, start + MAX_ALIAS_TOKENS)):
        token = doc[k]
        orth = token.orth_  # .text
        is_punct = token.is_punct
        if token.is_space or (is_punct and orth not in {"-", "."}):
            break
        text += orth
        space = token.whitespace_
        if is_punct:  # "Israel -": the dash belongs to the dateline, not the name
            text += space
            continue
        key = normalize(text)
        entry = index.by_alias.get(key)
        if entry is not None:
            exact = index.abbreviations.get(key)
            if not exact or _spelled_as(text, exact):
                found = k + 1, entry
        if space and key and key not in prefixes:
            break
        text += space
    return found


@lru_cache(maxsize=1)
def _alias_prefixes() -> frozenset[str]:
    """Every alias key's leading words short of the whole key ("jawa" of "jawa barat"): the
    keys a span can grow into a longer alias from."""
    prefixes: set[str] = set()
    for key in _index().by_alias:
        words = key.split(" ")
        prefixes.update(" ".join(words[:n]) for n in range(1, len(words)))
    return frozenset(prefixes)


def _spelled_as(text: str, spellings: frozenset[str]) -> bool:
    folded = normalize(text)
    return any(normalize(s) == folded and _same_case(text, s) for s in spellings) or text.isupper()


def _same_case(a: str, b: str) -> bool:
    return [c.isupper() for c in a if c.isalpha()] == [c.isupper() for c in b if c.isalpha()]


def label_for(entry: GazEntry) -> str:
    """NER label for a gazetteer entry: ORG for organisations and seats acting as bodies."""
    if entry.actor_type == "ORG":
        return "ORG"
    if entry.actor_type == "LOC":
        return "LOC"
    return "GPE"
