"""Plain "pemerintah", "pemprov" and "polisi": the government or the police body an article means.

Indonesian news writes "pemerintah akan …" for the national government, "dikelola oleh pemprov"
or "pemerintah daerah" for a regional one and "polisi menangkap …" for the police without
naming them. The annotation guidelines (docs/annotation.md, "The government") read plain
*pemerintah* as the country the article is about (a GPE), a plain regional government word as
the government of the region the article is about, and plain *polisi* as the police body the
article names, else the national police (Polri) in Indonesian news and the police of the
country a foreign story is about. Pure functions over a Doc; the actors stage
(``warta.resolve.actors``) adds what they find as role-only mentions of those actors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from warta.kb.gazetteer import GazEntry, by_kb, lookup, match_at
from warta.nlp.extensions import token_lowers
from warta.nlp.lang.id.org_patterns import (
    GOVERNMENT_NOT_NATIONAL,
    GOVERNMENT_WORDS,
    NATIONAL_POLICE_KB,
    POLICE_HEADS,
    POLICE_LEADS,
    POLICE_WORDS,
    REGIONAL_GOVERNMENT_HEADS,
    REGIONAL_GOVERNMENT_LEVELS,
    REGIONAL_GOVERNMENT_NAMES,
    REGIONAL_GOVERNMENT_WORDS,
)
from warta.resolve.coref import name_slug
from warta.types import Actor

IDN = "IDN"


@dataclass(frozen=True)
class GenericMention:
    """A plain government or police word and the actor it means."""

    span: Span
    actor_id: str
    name: str
    type: str
    country: str | None
    kb: str | None


def home_country(counts: Mapping[str, int]) -> str:
    """The country an article is about: the one its places and bodies name most (Indonesia on
    a tie or when it names none: warta reads Indonesian news)."""
    if not counts:
        return IDN
    top = max(counts.values())
    return IDN if counts.get(IDN, 0) == top else max(counts, key=lambda c: (counts[c], c))


def generic_mentions(doc: Doc, taken: set[int], actors: Sequence[Actor],
                     counts: Mapping[str, int]) -> list[GenericMention]:
    """The plain government and police words of ``doc`` outside entities (``taken``), each
    with the actor it means; none where the article gives no actor to mean."""
    home = home_country(counts)
    police = [a for a in actors if a.type == "ORG" and _police_body(a)]
    out = []
    lowers = token_lowers(doc)  # the words, without a Token object per token
    regions: dict[tuple[str, ...], _Found | None] = {}  # kinds → their government, once
    # only a government, regional or police word opens a mention: the others are not tried
    for i in [k for k, w in enumerate(lowers) if w in _CUE_WORDS]:
        low = lowers[i]
        if i in taken:
            continue
        if low in GOVERNMENT_WORDS and _national(doc, i):
            state = by_kb(home)
            name = state.name if state is not None else home
            pusat = i + 1 < len(lowers) and lowers[i + 1] == "pusat"
            end = i + 2 if pusat else i + 1
            out.append(GenericMention(Span(doc, i, end, label="ROLE"), f"gpe:{home}", name,
                                      "GPE", home, home))
        elif (regional := _regional_word(lowers, i)) is not None:
            kinds, end = regional
            if _plain(doc, end - 1) and end - 1 not in taken:
                if kinds not in regions:  # the same answer for each word of the article
                    regions[kinds] = _regional_government(doc, kinds, actors)
                government = regions[kinds]
                if government is not None:
                    out.append(GenericMention(Span(doc, i, end, label="ROLE"), *government))
        elif low in POLICE_WORDS and _plain(doc, i):
            found = _police_for(police, home)
            if found is not None:
                start = i - 1 if i > 0 and lowers[i - 1] in POLICE_LEADS else i
                out.append(GenericMention(Span(doc, start, i + 1, label="ROLE"), *found))
    return out


def _plain(doc: Doc, i: int) -> bool:
    """No name follows the word: "polisi [Turki]", "Pemerintah [Kota Bogor]" name a body."""
    return i + 1 >= len(doc) or not doc[i + 1].text[:1].isupper() or bool(doc[i + 1].is_sent_start)


def _national(doc: Doc, i: int) -> bool:
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "pusat":
        return True
    if nxt is not None and nxt.lower_ in GOVERNMENT_NOT_NATIONAL:
        return False
    return _plain(doc, i) and (nxt is None or match_at(doc, nxt.i) is None)


def _regional_word(lowers: Sequence[str], i: int) -> tuple[tuple[str, ...], int] | None:
    """The region kinds a plain regional government word at ``i`` can mean and where the word
    ends ("pemprov"; "pemerintah daerah"), or None."""
    kinds = REGIONAL_GOVERNMENT_WORDS.get(lowers[i])
    if kinds is not None:
        return kinds, i + 1
    if lowers[i] in GOVERNMENT_WORDS and i + 1 < len(lowers):
        kinds = REGIONAL_GOVERNMENT_LEVELS.get(lowers[i + 1])
        if kinds is not None:
            return kinds, i + 2
    return None


_Found = tuple[str, str, str, str | None, str | None]  # id, name, type, country, kb
# the words a generic mention starts at (``_regional_word``: a regional word, or a government
# word before a level)
_CUE_WORDS = frozenset(GOVERNMENT_WORDS) | frozenset(POLICE_WORDS) \
    | frozenset(REGIONAL_GOVERNMENT_WORDS)


def _regional_government(doc: Doc, kinds: Sequence[str],
                         actors: Sequence[Actor]) -> _Found | None:
    """The regional government a plain word means: the body of that level the article names
    (the first), else the government of the region of those kinds the article names most (the
    first named on a tie; for "pemda" a regency or city before a province); None when it names
    no such region."""
    heads = tuple(h for k in kinds for h in REGIONAL_GOVERNMENT_HEADS[k])
    for a in actors:
        if a.type == "ORG" and a.name.lower().startswith(heads):
            return a.id, a.name, "ORG", a.country, a.kb
    named: dict[str, tuple[int, int, GazEntry]] = {}
    for ent in doc.ents:
        if ent.label_ not in {"GPE", "LOC"}:
            continue
        entry = (by_kb(ent.kb_id_) if ent.kb_id_ else None) or lookup(ent.text)
        if entry is not None and entry.kind in kinds:
            n, first, _ = named.get(entry.kb, (0, ent.start, entry))
            named[entry.kb] = (n + 1, first, entry)
    tiers = (kinds[:2], kinds[2:]) if len(kinds) > 2 else (kinds,)
    for tier in tiers:
        found = [v for v in named.values() if v[2].kind in tier]
        if found:
            entry = max(found, key=lambda v: (v[0], -v[1]))[2]
            name = f"{REGIONAL_GOVERNMENT_NAMES[entry.kind]} {entry.name}"
            key = name_slug(name)
            if key is not None:
                return f"org:{key}", name, "ORG", entry.country, None
    return None


def _police_body(actor: Actor) -> bool:
    words = actor.name.lower().split()
    return actor.kb == NATIONAL_POLICE_KB or bool(words and words[0] in POLICE_HEADS)


def _police_for(police: Sequence[Actor], home: str) -> _Found | None:
    """The police body the article names (the first), else Polri in Indonesian news, else the
    police of the country a foreign story is about ("Kepolisian Turkey")."""
    if police:
        a = police[0]
        return a.id, a.name, "ORG", a.country, a.kb
    if home != IDN:
        state = by_kb(home)
        name = f"Kepolisian {state.name if state is not None else home}"
        key = name_slug(name)
        return (f"org:{key}", name, "ORG", home, None) if key is not None else None
    entry = by_kb(NATIONAL_POLICE_KB)
    if entry is None or entry.actor_id is None:
        return None
    return entry.actor_id, entry.name, "ORG", entry.country, entry.kb
