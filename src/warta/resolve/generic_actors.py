"""Plain "pemerintah" and "polisi": the government or the police body an article means.

Indonesian news writes "pemerintah akan …" for the national government and "polisi menangkap
…" for the police without naming them. The annotation guidelines (docs/annotation.md, "The
government") read plain *pemerintah* as the country the article is about (a GPE) and plain
*polisi* as the police body the article names, else the national police (Polri). Pure functions
over a Doc; the actors stage (``warta.resolve.actors``) adds what they find as role-only
mentions of those actors.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from warta.kb.gazetteer import by_kb, match_at
from warta.nlp.extensions import token_lowers
from warta.nlp.lang.id.org_patterns import (
    GOVERNMENT_NOT_NATIONAL,
    GOVERNMENT_WORDS,
    NATIONAL_POLICE_KB,
    POLICE_HEADS,
    POLICE_LEADS,
    POLICE_WORDS,
)
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
    for i, low in enumerate(lowers):
        if i in taken:
            continue
        if low in GOVERNMENT_WORDS and _national(doc, i):
            state = by_kb(home)
            name = state.name if state is not None else home
            pusat = i + 1 < len(lowers) and lowers[i + 1] == "pusat"
            end = i + 2 if pusat else i + 1
            out.append(GenericMention(Span(doc, i, end, label="ROLE"), f"gpe:{home}", name,
                                      "GPE", home, home))
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


def _police_body(actor: Actor) -> bool:
    words = actor.name.lower().split()
    return actor.kb == NATIONAL_POLICE_KB or bool(words and words[0] in POLICE_HEADS)


def _police_for(police: Sequence[Actor],
                home: str) -> tuple[str, str, str, str | None, str | None] | None:
    """The police body the article names (the first), else Polri in Indonesian news."""
    if police:
        a = police[0]
        return a.id, a.name, "ORG", a.country, a.kb
    entry = by_kb(NATIONAL_POLICE_KB)
    if home != IDN or entry is None or entry.actor_id is None:
        return None
    return entry.actor_id, entry.name, "ORG", entry.country, entry.kb
