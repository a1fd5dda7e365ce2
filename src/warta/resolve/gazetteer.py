"""warta's gazetteer: countries, cities, seats of government, provinces, organisations and
Indonesian institutions, with a lookup API and a spaCy stage that adds and retypes entities.

The data are TSV files under ``warta/data/gazetteer/`` (each says where its facts come from);
``lookup`` is what other stages (events, places, dates) use to turn a surface form into a place or
organisation with a country code. The ``gazetteer`` stage runs after the statistical NER: it adds
entities the model missed (countries, institutions, abbreviations, "Kementerian X", "Polda X",
persons after a title), retypes LOC to GPE for countries/provinces/cities and trims titles off
person spans, without clobbering the model's person names.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from warta.nlp.extensions import mark_stage, skip_unsupported
from warta.nlp.lang.id.locatives import LANGUAGE_BEFORE
from warta.nlp.lang.id.org_patterns import (
    ORG_PREFIXES,
    ORG_SUFFIXES,
    PLACE_UNIT_WORDS,
    SENTENCE_OPENERS,
)
from warta.nlp.lang.id.titles import PORTFOLIO_WORDS
from warta.resolve import coref, roles

STAGE = "gazetteer"
VERSION = "1"
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


def _trim_person(doc: Doc, ent: Span) -> Span:
    """Drop titles and ranks and a leading country ("Cina Putin" in a headline) a model put
    inside a person span. Honorifics stay in the span ("Ir. Soprijanto" is how the text names
    him); the actor's name leaves them out."""
    start = roles.title_end(doc, ent.start, ent.end)
    country = match_at(doc, start, end_limit=ent.end)
    if country is not None and country[1].kind == "country" and country[0] < ent.end:
        start = country[0]
    if start == ent.start or start >= ent.end:
        return ent
    return Span(doc, start, ent.end, label=ent.label_, kb_id=ent.kb_id_)


_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})$")  # "Abdullah II", "Charles III"


def _join_person_parts(doc: Doc, ents: list[Span]) -> list[Span]:
    """Repair a person name the model cut in pieces: two PERSON spans side by side are one name
    ("Listyo Sigit" + "Prabowo"), and a regnal number after it belongs to it ("Abdullah II").
    Indonesian news never writes two persons side by side; titles inside are trimmed later."""
    out: list[Span] = []
    for ent in sorted(ents, key=lambda e: e.start):
        prev = out[-1] if out else None
        if (prev is not None and prev.label_ == ent.label_ == "PERSON" and prev.end == ent.start
                and len(prev) + len(ent) <= MAX_NAME_TOKENS):
            out[-1] = Span(doc, prev.start, ent.end, label="PERSON")
            continue
        out.append(ent)
    taken = {i for e in out for i in range(e.start, e.end)}
    for n, ent in enumerate(out):
        end = ent.end
        if (ent.label_ == "PERSON" and end < len(doc) and end not in taken
                and _ROMAN.match(doc[end].text)):
            out[n] = Span(doc, ent.start, end + 1, label="PERSON", kb_id=ent.kb_id_)
    return out


def _check_person(ent: Span) -> Span | None:
    """Model PERSON spans that cannot be names: lower-case words ("amal") and bare titles
    ("Menkeu", left to the role mentions) are dropped; a name right after "di"/"ke" is a place."""
    if ent.label_ != "PERSON":
        return ent
    doc = ent.doc
    first = next((c for c in ent.text if c.isalpha()), "")
    if not first.isupper() or len(ent) > MAX_NAME_TOKENS:
        return None  # "(Jokowi)" is fine; "amal" or a whole upper-case sentence is not a name
    title = roles.match_title(doc, ent.start)
    if title is not None and title[0] >= ent.end:
        return None
    if all(_nominalisation(t) for t in ent):
        return None  # "Penyuluhan", "Kebijakan Ekonomi": derived nouns, not names
    if len(ent) == 1 and _opens_sentence(ent[0]) and ent[0].lower_ in common_words():
        return None  # "Tujuan mencari …": a capitalised common word, not a name
    if ent.text.lower() in _EXCLAMATIONS:
        return None  # "Alhamdulillah, …"
    if _holds_body(ent):
        return None  # "Alternate Governor Bank Dunia": an office of a body, not a name
    if ent[0].lower_ in ORG_PREFIXES and len(ent) > 1:
        return Span(doc, ent.start, ent.end, label="ORG")  # "Pemprov Jateng": a body
    cut = next((t.i for t in ent[1:] if t.text[:1].isupper() and (
        t.lower_ in ORG_PREFIXES | ADMIN_UNITS or _office_title_at(doc, t.i))), None)
    if cut is not None:  # "Fathurrahman Pemprov NTB", "… Kecamatan Manonjaya", "… Direktur":
        # a body, a region or an office begins where the name ends
        name = Span(doc, ent.start, cut, label="PERSON")
        return name if any(map(_name_word, name)) else None
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if before in {"di", "ke"} or before in PLACE_UNIT_WORDS:  # "Desa Cemagi", "Jalan Sudirman"
        return Span(doc, ent.start, ent.end, label="LOC")
    return ent


_NAME_LIKE_TITLES = frozenset({"raja", "ratu", "pangeran", "sultan", "emir", "paus", "hakim",
                               "putra mahkota"})


def _office_title_at(doc: Doc, i: int) -> bool:
    """An office title inside a person span ends the name ("Joseph Sulistijo | Direktur …");
    royal titles and "Hakim" are left alone, since they also occur inside names."""
    found = roles.match_title(doc, i)
    return found is not None and found[1] not in _NAME_LIKE_TITLES


def _cut_at_line_breaks(ents: tuple[Span, ...] | list[Span]) -> list[Span]:
    """A name never runs across a line break: "Lantai Empat" (a subheading) and "Sebelumnya"
    (the paragraph after it) are not one entity. Each piece stays, unless it is a lone
    capitalised common word opening its line."""
    out = []
    for ent in ents:
        breaks = [t.i for t in ent if "\n" in t.text or "\n" in t.whitespace_]
        if not breaks:
            out.append(ent)
            continue
        doc, start = ent.doc, ent.start
        for i in [*breaks, ent.end - 1]:
            end = i if doc[i].is_space else i + 1
            piece = [t for t in doc[start:end] if not t.is_space]
            if piece and not (len(piece) == 1 and piece[0].lower_ in common_words()):
                out.append(Span(doc, piece[0].i, piece[-1].i + 1, label=ent.label_))
            start = i + 1
    return out


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Words news writes in lower case away from sentence starts (data/lexicon, from IndoSum)."""
    path = resources.files("warta") / "data" / "lexicon" / "common-lowercase-id.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


def _opens_sentence(token: object) -> bool:
    """First word of a sentence, also after an opening quote or bracket."""
    doc, i = token.doc, token.i  # type: ignore[attr-defined]
    while i > 0 and doc[i - 1].is_punct and doc[i - 1].text in {"“", '"', "‘", "'", "(", "«"}:
        i -= 1
    return i == 0 or bool(doc[i].is_sent_start)


_NOMINAL = re.compile(r"^(?:pe|per|pem|pen|peng|peny|ke)\w{3,}an$")


def _nominalisation(token: object) -> bool:
    """A derived noun (pe-/per-/ke- … -an) that the tagger does not call a proper noun."""
    return token.pos_ != "PROPN" and bool(_NOMINAL.match(token.lower_))  # type: ignore[attr-defined]


def _holds_body(ent: Span) -> bool:
    """Whether a span contains an organisation's name of two or more words ("Bank Dunia");
    countries and one-word names are left alone (a person may be called "Haiti")."""
    if len(ent) < 3:
        return False
    for i in range(ent.start, ent.end):
        found = match_at(ent.doc, i, end_limit=ent.end)
        if found is not None and found[1].actor_type == "ORG" and found[0] - i >= 2:
            return True
    return False


def _drop_openers(ents: tuple[Span, ...] | list[Span]) -> list[Span]:
    """'Kemudian Musim Mas Group': a sentence-opening word is not part of a name."""
    out = []
    for ent in ents:
        start = ent.start
        while start < ent.end - 1 and ent.doc[start].lower_ in SENTENCE_OPENERS:
            start += 1
        out.append(ent if start == ent.start else
                   Span(ent.doc, start, ent.end, label=ent.label_, kb_id=ent.kb_id_))
    return out


_NUMBERING = frozenset({"nomor", "no", "no.", "nomer"})
# Religious exclamations quoted speech opens with; capitalised, never a person.
_EXCLAMATIONS = frozenset({
    "alhamdulillah", "insyaallah", "insya allah", "astagfirullah", "astaghfirullah",
    "masyaallah", "masya allah", "subhanallah", "bismillah", "assalamualaikum", "wallahualam",
    "innalillahi", "naudzubillah", "inshaallah",
})
# Administrative units: never inside a person's name.
ADMIN_UNITS = frozenset({"kabupaten", "kecamatan", "kelurahan", "desa", "provinsi", "kota",
                         "dusun"})


def _cut_trailing_rank(ents: list[Span]) -> list[Span]:
    """'[Polda Kaltim AKBP] Joko Santoso': a rank closing a model ORG/LOC span is the next
    person's, not part of the body."""
    out = []
    for ent in ents:
        doc = ent.doc
        cut = next((k for k in range(ent.start + 1, ent.end)
                    if (found := roles.match_rank(doc, k)) is not None and found[0] == ent.end),
                   None)
        if ent.label_ == "PERSON" or cut is None:
            out.append(ent)
        else:
            out.append(Span(doc, ent.start, cut, label=ent.label_, kb_id=ent.kb_id_))
    return out


def _cut_numbering(ents: list[Span]) -> list[Span]:
    """'Keputusan [KPU RI 731 Tahun] 2025': the number of a decree or law ("Nomor 731 Tahun
    2025", "731 Tahun") that a model ORG/LOC span ran into is not part of the body's name."""
    out = []
    for ent in ents:
        cut = next((t.i for t in ent if t.i > ent.start and (
            t.lower_ in _NUMBERING or (t.like_num and t.i + 1 < len(t.doc)
                                       and t.doc[t.i + 1].lower_ == "tahun"))), None)
        if ent.label_ == "PERSON" or cut is None:
            out.append(ent)
        else:
            out.append(Span(ent.doc, ent.start, cut, label=ent.label_, kb_id=ent.kb_id_))
    return out


_PLACE_KINDS = frozenset({"province", "regency", "city", "capital"})


def _split_place_heads(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Kadis PUPR [Sumut Topan Ginting]', '[Kota Padangsidimpuan Ahmad Juni]': after a body or a
    title, a model span that opens with a known region and goes on in capitalised words is the
    region the office belongs to, then the office holder's name."""
    org_ends = {e.end for e in ents if e.label_ == "ORG"}
    out: list[Span] = []
    for ent in ents:
        pieces = _place_head(doc, ent)  # the cheap test first: most spans have no region head
        if pieces is not None and (ent.start in org_ends or _after_title(doc, ent.start)):
            out.extend(pieces)
        else:
            out.append(ent)
    return out


def _place_head(doc: Doc, ent: Span) -> list[Span] | None:
    found = match_at(doc, ent.start, end_limit=ent.end)
    if found is None or found[0] >= ent.end or found[1].kind not in _PLACE_KINDS:
        return None
    end, entry = found
    rest = doc[end : ent.end]
    if not all(t.text[:1].isupper() and not t.is_punct for t in rest) or match_at(doc, end):
        return None
    return [Span(doc, ent.start, end, label=label_for(entry), kb_id=entry.kb),
            Span(doc, end, ent.end, label="PERSON")]


def _ranked_person(ent: Span) -> Span:
    """'AKBP [Rio Wahyu Anggoro]' tagged LOC or ORG: a name right after a police or military
    rank is a person unless the gazetteer knows it as a place or body."""
    doc = ent.doc
    if ent.label_ == "PERSON" or lookup(ent.text) is not None or not any(map(_name_word, ent)):
        return ent  # "UCLG ASPAC": acronyms are a body's
    ranks = [k for k in range(max(0, ent.start - roles.MAX_RANK_TOKENS), ent.start)
             if (found := roles.match_rank(doc, k)) is not None and found[0] == ent.start]
    if not ranks or _in_title(doc, ranks[0]):  # "Sekretaris Jenderal": a title, not a rank
        return ent
    return Span(doc, ent.start, ent.end, label="PERSON")


def _in_title(doc: Doc, i: int) -> bool:
    """Whether token i continues a title that starts before it ("Sekretaris | Jenderal")."""
    return any((found := roles.match_title(doc, k)) is not None and found[0] > i
               for k in range(max(0, i - roles.MAX_TITLE_TOKENS), i))


def _split_holders(doc: Doc, ents: list[Span]) -> tuple[list[Span], set[tuple[int, int]]]:
    """'Ketua [Majelis Hakim Pengadilan Negeri Medan Khamozaro Waruwu]', 'Direktur [PT DNG M
    Akhirun Piliang]': a model ORG/LOC span after a title that runs on into the holder's name is
    cut where the body ends. The cut needs evidence: the name's words are a person elsewhere in
    the article, or the body visibly ends before two or more name words (an acronym, a roman
    numeral, a number, a known place or body)."""
    person_words = {coref.fold(t.text) for e in ents if e.label_ == "PERSON" for t in e}
    out: list[Span] = []
    bodies: set[tuple[int, int]] = set()  # the cut bodies: no title splits them again
    for ent in ents:
        pieces = _holder_cut(doc, ent, person_words)
        if pieces is not None:
            bodies.add((pieces[0].start, pieces[0].end))
        out.extend(pieces or [ent])
    return out, bodies


def _holder_cut(doc: Doc, ent: Span, person_words: set[str]) -> list[Span] | None:
    if ent.label_ in {"PERSON", "GPE"} or len(ent) < 2 or not _name_word(ent[-1]):
        return None
    if lookup(ent.text) is not None or not _titled(doc, ent):
        return None  # a place or body the gazetteer knows whole, or no title before it
    cut = ent.end
    while cut > ent.start + 1 and _name_word(doc[cut - 1]):
        cut -= 1
    tail = doc[cut : ent.end]
    named = next((t.i for t in tail if coref.fold(t.text) in person_words), None)
    head = match_at(doc, ent.start, end_limit=cut)
    bounded = (head is not None and head[0] == cut) or (  # "Ketua [DPR] Puan"
        len(tail) >= 2 and _body_ends_at(doc, ent.start, cut))  # "Komisi XI DPR RI | Mukhamad"
    if named is not None and not bounded:  # "Badan Pengendalian Lingkungan Hidup [Hanif …"
        cut = named
    elif not bounded:
        return None
    return [Span(doc, ent.start, cut, label=ent.label_), Span(doc, cut, ent.end, label="PERSON")]


def _titled(doc: Doc, ent: Span) -> bool:
    """Whether a title chain ends at the span or inside it ("Ketua [Majelis …": the chain takes
    the body's head word as its unit)."""
    for k in range(max(0, ent.start - roles.MAX_TITLE_TOKENS), ent.start):
        chain = roles.title_chain(doc, k)
        if chain is None or chain.end > ent.end:
            continue
        end = chain.end  # "Ketua Komisi | III | [DPR Habiburokhman]": a unit's number between
        while end < ent.start and (_ROMAN.match(doc[end].text) or doc[end].like_num):
            end += 1
        if end >= ent.start:
            return True
    return False


def _name_word(token: object) -> bool:
    """A word that can be part of a person's name: capitalised, not an acronym, numeral or
    roman numeral, not a body's head word, a common word ("Gas") or a gazetteer name."""
    text = token.text  # type: ignore[attr-defined]
    if not text[:1].isupper() or token.is_punct or token.like_num:  # type: ignore[attr-defined]
        return False
    acronym = len(text) > 1 and text.isupper()
    roman = bool(_ROMAN.match(text)) and text != "I"  # "I Ketut Sukadi": Balinese, not one
    if acronym or roman:
        return False
    low = token.lower_  # type: ignore[attr-defined]
    return (low not in ORG_PREFIXES and low not in PLACE_UNIT_WORDS and low not in common_words()
            and low not in PORTFOLIO_WORDS and lookup(text) is None)


def _body_ends_at(doc: Doc, start: int, cut: int) -> bool:
    last = doc[cut - 1]
    if last.lower_ in ORG_PREFIXES:
        return False  # "PT | Amanat Perkasa", "Dinas | Lingkungan Hidup": the name follows
    if not _name_word(last):
        return True  # "PT DNG", "Wilayah V", "Komisi III"
    return any((found := match_at(doc, k, end_limit=cut)) is not None and found[0] == cut
               for k in range(max(start, cut - MAX_ALIAS_TOKENS), cut))


def _after_title(doc: Doc, i: int) -> bool:
    """Whether a title or rank ends right before token i ("Kapolres", "Kadis PUPR")."""
    for k in range(max(0, i - roles.MAX_TITLE_TOKENS), i):
        chain = roles.title_chain(doc, k)
        if chain is not None and chain.end == i:
            return True
    return False


def _split_brackets(ents: tuple[Span, ...] | list[Span]) -> list[Span]:
    """'Komisi Pemberantasan Korupsi (KPK)' tagged as one span is a name and its acronym."""
    out = []
    for ent in ents:
        opens = [t.i for t in ent if t.text == "("]
        closes = [t.i for t in ent if t.text == ")"]
        if len(opens) == 1 and ent.start < opens[0] and (not closes or closes[0] > opens[0] + 1):
            doc, cut = ent.doc, opens[0]
            inner_end = closes[0] if closes else ent.end
            out.append(Span(doc, ent.start, cut, label=ent.label_))
            out.append(Span(doc, cut + 1, inner_end, label=ent.label_))
        else:
            out.append(ent)
    return out


def _split_titled(doc: Doc, ent: Span) -> Span | None:
    """A model span that swallowed the end of a title chain — "[Juru bicara] KPK Tessa
    Mahardhika" tagged ORG, "[Juru bicara] Kremlin Dmitry Peskov" tagged PERSON — becomes the
    person after the chain; the qualifier (KPK, Kremlin) is found again by the gazetteer."""
    for k in range(max(0, ent.start - roles.MAX_TITLE_TOKENS), ent.start + 1):
        chain = roles.title_chain(doc, k)
        if chain is None or not ent.start < chain.end < ent.end:
            continue
        if roles.names_a_body(doc, chain, ent.end):
            return None  # "Kepala [Balai Karantina Hewan], Ikan, …": the body the title heads
        start = roles.skip_honorifics(doc, chain.end, ent.end)
        rest = doc[start : ent.end]
        if (all(t.text[:1].isupper() for t in rest) and any(map(_name_word, rest))
                and not any(t.lower_ in ADMIN_UNITS for t in rest)):  # "… Kecamatan X": a unit
            return Span(doc, start, ent.end, label="PERSON")
    return None


def _bare_title(ent: Span) -> bool:
    """A model ORG/LOC span that is only a rank or title ("AKBP", "Kapolres"): no body, and
    left in place it would hide the name after it from the titled-person search."""
    if ent.label_ == "PERSON":
        return False
    doc = ent.doc
    found = roles.match_rank(doc, ent.start) or roles.match_title(doc, ent.start)
    if found is not None and found[0] == ent.end:
        return True
    chain = roles.title_chain(doc, ent.start)  # "[Kapolres Tasikmalaya Kota (AKBP)] Moch …"
    if chain is None or chain.end < ent.end:
        return False
    rank = roles.match_rank(doc, ent.end) if chain.end > ent.end else None
    return chain.end == ent.end or (rank is not None and rank[0] == chain.end)


def _retype(ent: Span) -> Span:
    """Model LOC/ORG spans that name a gazetteer place or body take the gazetteer's type."""
    entry = lookup(ent.text)
    if entry is None or ent.label_ == "PERSON":
        return ent
    label = label_for(entry)
    if label == ent.label_ and ent.kb_id_ == entry.kb:
        return ent
    return Span(ent.doc, ent.start, ent.end, label=label, kb_id=entry.kb)


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


def recognise(doc: Doc) -> list[Span]:
    """The entity list after gazetteer recognition (pure: returns spans, sets nothing)."""
    given = _drop_openers(_cut_at_line_breaks(doc.ents))
    given = _cut_trailing_rank(_cut_numbering(given))
    given, bodies = _split_holders(doc, _split_place_heads(doc, given))
    given = _join_person_parts(doc, _split_brackets(given))
    model = [(None if (e.start, e.end) in bodies else _split_titled(doc, e))
             or (_trim_person(doc, e) if e.label_ == "PERSON" else _retype(e)) for e in given]
    model = [e for e in map(_check_person, map(_ranked_person, model))
             if e is not None and not _bare_title(e)]
    person_tokens = {i for e in model if e.label_ == "PERSON" for i in range(e.start, e.end)}
    gaz = _gazetteer_spans(doc, set())  # exact matches may still correct a model PERSON
    orgs = [s for s in _pattern_orgs(doc) if not _touches(s, person_tokens)]
    candidates = filter_spans(sorted(gaz + orgs, key=lambda s: (s.start, -len(s))))
    ents = _merge(doc, model, candidates)
    taken = {i for e in ents for i in range(e.start, e.end)}
    titled = [p for p in roles.titled_persons(doc, ents) if not _touches(p, taken)]
    ents = filter_spans(sorted(ents + titled, key=lambda s: (s.start, -len(s))))
    ents = _add(ents, _known_people(doc, _taken(ents)))
    ents = _relabel_variants(doc, ents)
    return _places_in_lists(doc, _add(ents, name_variants(doc, ents)))


_LIST_JOINERS = frozenset({",", "dan", "serta", "atau", "hingga", "sampai", "/"})


def _places_in_lists(doc: Doc, ents: list[Span]) -> list[Span]:
    """'di Timika, [Merauke], Manokwari': a model PERSON that the gazetteer knows as a place and
    that stands in a list beside another place is that place."""
    out = list(ents)
    for n, ent in enumerate(ents):
        if ent.label_ != "PERSON":
            continue
        entry = lookup(ent.text)
        if entry is None or entry.kind not in _PLACE_KINDS:
            continue
        beside = [ents[n - 1]] if n > 0 else []
        beside += [ents[n + 1]] if n + 1 < len(ents) else []
        if any(_listed_with(doc, ent, other) and other.label_ in {"GPE", "LOC"}
               for other in beside):
            out[n] = Span(doc, ent.start, ent.end, label=label_for(entry), kb_id=entry.kb)
    return out


def _listed_with(doc: Doc, a: Span, b: Span) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    return second.start - first.end == 1 and doc[first.end].lower_ in _LIST_JOINERS


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
    "warta_gazetteer_v1",
    requires=[],  # works on the model's entities when there are any, and without a model too
    assigns=["doc.ents"],
)
def make_gazetteer(nlp: Language, name: str) -> GazetteerStage:
    """spaCy factory for the gazetteer stage."""
    return GazetteerStage()


class GazetteerStage:
    """Adds and retypes entities from warta's gazetteer (not a dataclass: spaCy calls it)."""

    def __call__(self, doc: Doc) -> Doc:
        if skip_unsupported(doc, STAGE, VERSION):
            return doc
        _index()  # load before the first doc, not inside a partially processed one
        doc.ents = recognise(doc)
        mark_stage(doc, STAGE, VERSION, "ok")
        return doc
