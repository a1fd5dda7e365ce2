"""warta's gazetteer: countries, cities, seats of government, provinces, organisations and
Indonesian institutions, with a lookup API and a spaCy stage that adds and retypes entities.

The data are TSV files under ``warta/data/gazetteer/`` (each says where its facts come from);
``lookup`` is what other stages (events, places, dates) use to turn a surface form into a place or
organisation with a country code. The ``gazetteer`` stage runs after the statistical NER: it adds
entities the model missed (countries, institutions, abbreviations, "Kementerian X", "Polda X",
persons after a title) and retypes LOC to GPE for countries/provinces/cities, without clobbering
the model's person names; the model's own spans are first repaired by
``warta.resolve.span_repairs`` (titles, regions and bodies run into names, ranks, headings).
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from warta.nlp.extensions import factory_name, mark_stage, skip_unsupported
from warta.nlp.lang.id.locatives import LANGUAGE_BEFORE
from warta.nlp.lang.id.org_patterns import (
    ORG_PREFIXES,
    ORG_SUFFIXES,
    SENTENCE_OPENERS,
)
from warta.resolve import roles

STAGE = "gazetteer"
VERSION = "1"
FACTORY = factory_name(STAGE, VERSION)
MAX_ALIAS_TOKENS = 7
MAX_NAME_TOKENS = 6  # "Mohammed bin Salman Al Saud" has five

# Hand-curated files first: the first file to define an alias owns it; later rows with a known
# kb only add aliases (country_variants.tsv extends the generated countries.tsv).
FILES: tuple[str, ...] = (
    "country_variants.tsv", "seats.tsv", "institutions.tsv", "organisations.tsv",
    "provinces.tsv", "regions.tsv", "countries.tsv", "cities.tsv", "us_states.tsv",
    "regencies.tsv",
)

# Administrative words before a place name that lookup may drop ("Kota Bandung").
ADMIN_PREFIXES = frozenset({"kota", "kabupaten", "kab.", "kab", "provinsi", "prov.", "pulau"})


@dataclass(frozen=True)
class GazEntry:
    """One gazetteer fact: a place or organisation and its country (ISO-3166 alpha-3)."""

    kb: str
    name: str
    kind: str  # country|capital|city|province|regency|org|institution|seat|island|sea|region
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
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().replace("-", " ").split())


def _is_abbreviation(alias: str) -> bool:
    """All-caps short forms (AS, MA, UE, PBB) would match ordinary words in lower case."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def _rows(name: str) -> Iterator[dict[str, str]]:
    path = resources.files("warta") / "data" / "gazetteer" / name
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _entry(row: dict[str, str]) -> GazEntry:
    return GazEntry(
        kb=row["kb"], name=row["name"], kind=row["kind"], country=row["country"] or None,
        lat=float(row["lat"]) if row["lat"] else None,
        lon=float(row["lon"]) if row["lon"] else None, actor_type=row["actor_type"],
    )


@lru_cache(maxsize=1)
def _index() -> _Index:
    """Load every gazetteer file once per process."""
    by_alias: dict[str, GazEntry] = {}
    abbreviations: dict[str, set[str]] = {}
    by_kb: dict[str, GazEntry] = {}
    for name in FILES:
        for row in _rows(name):
            entry = by_kb.setdefault(row["kb"], _entry(row))
            for alias in filter(None, [row["name"], *row["aliases"].split("|")]):
                key = normalize(alias)
                if _is_abbreviation(alias):
                    abbreviations.setdefault(key, set()).add(alias)
                by_alias.setdefault(key, entry)
    frozen = {k: frozenset(v) for k, v in abbreviations.items()}
    # an alias that is an abbreviation in one entry and a word in another: keep it case-checked
    return _Index(by_alias, frozen, by_kb)


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
def _single_names() -> frozenset[str]:
    """One-word aliases of public figures, spelled exactly ("Xi" but not "XI" of Komisi XI)."""
    names = set()
    for row in _rows("people.tsv"):
        names.update(a for a in row["aliases"].split("|") if a and " " not in a)
    return frozenset(names)


@lru_cache(maxsize=1)
def _people() -> dict[str, GazEntry]:
    """people.tsv: public figures and their country (kept apart: persons are not places)."""
    index: dict[str, GazEntry] = {}
    for row in _rows("people.tsv"):
        entry = _entry(row)
        for alias in filter(None, [row["name"], *row["aliases"].split("|")]):
            index.setdefault(normalize(alias), entry)
    return index


def lookup_person(name: str) -> GazEntry | None:
    """A well-known person by full name or common alias ("Jokowi"), with their country."""
    return _people().get(normalize(name))


def by_kb(kb: str) -> GazEntry | None:
    """The entry with this gazetteer id (``RUS``, ``kpk``, ``seat:beijing``), or None."""
    return _index().by_kb.get(kb)


@lru_cache(maxsize=1)
def _alias_first_words() -> frozenset[str]:
    return frozenset(key.split(" ", 1)[0] for key in _index().by_alias)


@lru_cache(maxsize=1)
def _people_first_words() -> frozenset[str]:
    return frozenset(key.split(" ", 1)[0] for key in _people())


def could_start(doc: Doc, start: int, limit: int, first_words: frozenset[str]) -> bool:
    """Whether a span from ``start`` could normalise to a key with one of ``first_words``.

    A cheap filter before trying every span length: a span's first normalised word comes from
    the tokens up to the first space, so only those prefixes need normalising (usually one).
    """
    end = start
    text = ""  # doc[start : end + 1].text, built without making a Span per step
    while True:
        token = doc[end]
        text += token.text
        if normalize(text).split(" ", 1)[0] in first_words:
            return True
        if token.whitespace_ or end + 1 >= limit:
            return False
        end += 1


def match_at(doc: Doc, start: int, *, end_limit: int | None = None) -> tuple[int, GazEntry] | None:
    """Longest gazetteer alias starting at token ``start`` that the text spells as a name.

    Returns (end, entry). The first token must be capitalised (or a digit: G20), and
    abbreviations must match letter case exactly ("AS", not "as" or "As").
    """
    first = doc[start].text
    if not (first[:1].isupper() or first[:1].isdigit()):
        return None
    index = _index()
    limit = min(len(doc), end_limit if end_limit is not None else len(doc))
    if not could_start(doc, start, limit, _alias_first_words()):
        return None
    for end in range(min(limit, start + MAX_ALIAS_TOKENS), start, -1):
        span = doc[start:end]
        if any(t.is_space or (t.is_punct and t.text not in {"-", "."}) for t in span):
            continue
        if span[-1].is_punct:  # "Israel -": the dash belongs to the dateline, not the name
            continue
        key = normalize(span.text)
        entry = index.by_alias.get(key)
        if entry is None:
            continue
        exact = index.abbreviations.get(key)
        if exact and not _spelled_as(span.text, exact):
            continue
        return end, entry
    return None


def _spelled_as(text: str, surfaces: frozenset[str]) -> bool:
    folded = normalize(text)
    return any(normalize(s) == folded and _same_case(text, s) for s in surfaces) or text.isupper()


def _same_case(a: str, b: str) -> bool:
    return [c.isupper() for c in a if c.isalpha()] == [c.isupper() for c in b if c.isalpha()]


def label_for(entry: GazEntry) -> str:
    """NER label for a gazetteer entry: ORG for organisations and seats acting as bodies."""
    if entry.actor_type == "ORG":
        return "ORG"
    if entry.actor_type == "LOC":
        return "LOC"
    return "GPE"


# --- recognition -----------------------------------------------------------------------------


def _gazetteer_spans(doc: Doc, blocked: set[int]) -> list[Span]:
    spans = []
    i = 0
    while i < len(doc):
        if i in blocked:
            i += 1
            continue
        found = match_at(doc, i)
        if found is None:
            i += 1
            continue
        end, entry = found
        if any(k in blocked for k in range(i, end)) or (
            entry.kind == "country" and i > 0 and doc[i - 1].lower_ in LANGUAGE_BEFORE
        ):
            i = end
            continue
        spans.append(Span(doc, i, end, label=label_for(entry), kb_id=entry.kb))
        i = end
    return spans


def _is_name_token(token: object) -> bool:
    text = token.text  # type: ignore[attr-defined]
    return bool(text[:1].isupper() or (text[:1].isdigit() and len(text) > 1)) and not (
        token.is_punct  # type: ignore[attr-defined]
    )


def _pattern_orgs(doc: Doc) -> list[Span]:
    """'Kementerian Luar Negeri Rusia', 'Polda Metro Jaya', 'China News Agency' → ORG."""
    spans = []
    for tok in doc:
        low = tok.lower_
        if low in ORG_PREFIXES and _is_name_token(tok):
            end = tok.i + 1
            while end < len(doc) and _is_name_token(doc[end]) and end - tok.i < 8:
                end += 1
            if end > tok.i + 1:
                spans.append(Span(doc, tok.i, end, label="ORG"))
        elif tok.text in ORG_SUFFIXES and tok.i > 0 and _is_name_token(doc[tok.i - 1]):
            start = tok.i
            while start > 0 and _is_name_token(doc[start - 1]) and tok.i - start < 6:
                if doc[start - 1].lower_ in SENTENCE_OPENERS:
                    break
                start -= 1
                if doc[start].is_sent_start:
                    break
            spans.append(Span(doc, start, tok.i + 1, label="ORG"))
    return spans


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words news writes in lower case away from sentence starts (data/lexicon, from IndoSum)."""
    path = resources.files("warta") / "data" / "lexicon" / "common-lowercase-id.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


def _merge(doc: Doc, model: list[Span], extra: list[Span]) -> list[Span]:
    """Model spans win unless a gazetteer span covers them exactly or strictly contains them."""
    kept: list[Span] = []
    replaced: set[int] = set()
    for span in extra:
        overlaps = [m for m in model if m.start < span.end and span.start < m.end]
        if not overlaps:
            kept.append(span)
            continue
        if all(_gaz_wins(m, span) for m in overlaps):
            kept.append(span)
            replaced.update(id(m) for m in overlaps)
    ents = [m for m in model if id(m) not in replaced] + kept
    return filter_spans(sorted(ents, key=lambda s: (s.start, -len(s))))


def _gaz_wins(model: Span, gaz: Span) -> bool:
    if model.label_ == "PERSON":
        # "Rusia" tagged PERSON is a model slip; a person named like a city keeps its name
        entry = _index().by_kb.get(gaz.kb_id_)
        same = model.start == gaz.start and model.end == gaz.end
        return same and entry is not None and entry.kind not in {"city", "capital"}
    if not gaz.kb_id_:  # a pattern ("Dewan ... Partai Golkar") only fills gaps the model left
        return False
    return gaz.start <= model.start and model.end <= gaz.end  # covers exactly or contains


def recognise(doc: Doc, *, disabled_repairs: Collection[str] = ()) -> list[Span]:
    """The entity list after gazetteer recognition (pure: returns spans, sets nothing).

    ``disabled_repairs`` leaves out repairs of the model's spans by name (ablation; see
    ``warta.resolve.span_repairs.REPAIRS``)."""
    from warta.resolve import span_repairs  # late: it reads this module's lookups

    model = span_repairs.repair(doc, disabled=disabled_repairs)
    person_tokens = {i for e in model if e.label_ == "PERSON" for i in range(e.start, e.end)}
    gaz = [s for s in _gazetteer_spans(doc, set())  # exact matches may correct a model PERSON
           if not span_repairs.phrase_short_form(s, model)]  # "Perjanjian Kerja Sama (PKS)"
    orgs = [s for s in _pattern_orgs(doc) if not _touches(s, person_tokens)]
    candidates = filter_spans(sorted(gaz + orgs, key=lambda s: (s.start, -len(s))))
    ents = _merge(doc, model, candidates)
    taken = {i for e in ents for i in range(e.start, e.end)}
    titled = [p for p in roles.titled_persons(doc, ents) if not _touches(p, taken)]
    ents = filter_spans(sorted(ents + titled, key=lambda s: (s.start, -len(s))))
    ents = _add(ents, _known_people(doc, _taken(ents)))
    ents = _relabel_variants(doc, ents)
    ents = span_repairs.join_person_parts(doc, _add(ents, name_variants(doc, ents)),
                                          names_only=True)
    ents = span_repairs.retype_company_short_names(span_repairs.trim_common_openers(ents))
    return span_repairs.places_in_lists(doc, ents)  # "Purbaya" (known) + "Yudhi Sadewa" (model)


def _taken(ents: list[Span]) -> set[int]:
    return {i for e in ents for i in range(e.start, e.end)}


def _add(ents: list[Span], extra: list[Span]) -> list[Span]:
    return filter_spans(sorted(ents + extra, key=lambda s: (s.start, -len(s)))) if extra else ents


def _known_people(doc: Doc, taken: set[int]) -> list[Span]:
    """Public figures from people.tsv by full name or distinctive alias ("Jokowi")."""
    people = _people()
    found = []
    i = 0
    while i < len(doc):
        hit = None
        if (i not in taken and doc[i].text[:1].isupper()
                and could_start(doc, i, len(doc), _people_first_words())):
            for end in range(min(len(doc), i + 5), i, -1):
                if _touches(doc[i:end], taken) or normalize(doc[i:end].text) not in people:
                    continue
                if end - i > 1 or doc[i].text in _single_names():
                    hit = Span(doc, i, end, label="PERSON")
                    break
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = hit.end
    return found


def _person_tokens(doc: Doc, ents: list[Span]) -> set[str]:
    """Folded name tokens of the multi-word persons named in the doc (not place names)."""
    tokens: set[str] = set()
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            start = roles.skip_honorifics(doc, ent.start, ent.end)
            tokens.update(normalize(t.text) for t in doc[start : ent.end] if len(t.text) > 2)
    return {t for t in tokens if lookup(t) is None}


def _relabel_variants(doc: Doc, ents: list[Span]) -> list[Span]:
    """A model LOC/ORG span made only of a named person's name tokens is that person
    ("Putin" tagged LOC after "Vladimir Putin" was tagged PERSON)."""
    tokens = _person_tokens(doc, ents)
    out = []
    for ent in ents:
        if (ent.label_ != "PERSON" and not ent.kb_id_ and lookup(ent.text) is None
                and all(normalize(t.text) in tokens for t in ent)):
            ent = Span(doc, ent.start, ent.end, label="PERSON")
        out.append(ent)
    return out


def name_variants(doc: Doc, ents: list[Span]) -> list[Span]:
    """Later bare mentions of a person already named ("Vladimir Putin" … "Putin") that the
    model missed: capitalised runs of that person's own name tokens."""
    tokens = _person_tokens(doc, ents)
    if not tokens:
        return []
    taken = _taken(ents)
    found = []
    i = 0
    while i < len(doc):
        end = i
        while (end < len(doc) and end not in taken and doc[end].text[:1].isupper()
               and normalize(doc[end].text) in tokens):
            end += 1
        if end > i:
            found.append(Span(doc, i, end, label="PERSON"))
        i = max(end, i + 1)
    return found


def _touches(span: Span, tokens: set[int]) -> bool:
    return any(i in tokens for i in range(span.start, span.end))


@Language.factory(
    FACTORY,
    requires=[],  # works on the model's entities when there are any, and without a model too
    assigns=["doc.ents"],
    default_config={"disabled_repairs": []},
)
def make_gazetteer(nlp: Language, name: str, disabled_repairs: list[str]) -> GazetteerStage:
    """spaCy factory for the gazetteer stage; ``disabled_repairs`` (config.cfg) switches repairs
    of the model's spans off by name, for ablation."""
    return GazetteerStage(disabled_repairs=disabled_repairs)


class GazetteerStage:
    """Adds and retypes entities from warta's gazetteer (not a dataclass: spaCy calls it).

    Its data are the package's gazetteer files, read the same way on every load, so it has
    nothing of its own to write in ``nlp.to_disk``."""

    def __init__(self, *, disabled_repairs: Collection[str] = ()) -> None:
        from warta.resolve import span_repairs  # late: it reads this module's lookups

        span_repairs.check_repair_names(disabled_repairs)  # a typo fails at build, not silently
        self.disabled_repairs = frozenset(disabled_repairs)

    def __call__(self, doc: Doc) -> Doc:
        if skip_unsupported(doc, STAGE, VERSION):
            return doc
        _index()  # load before the first doc, not inside a partially processed one
        doc.ents = recognise(doc, disabled_repairs=self.disabled_repairs)
        mark_stage(doc, STAGE, VERSION, "ok")
        return doc
