"""What the actors stage's spurious actors are: counts by kind (train and dev).

    python scripts/actor_spurious.py train dev [--data-dir ../shared/data] [--list] [--pairs]

A predicted actor is spurious when it aligns with no gold actor under the scorer's own name
matching (``scoring.match_actors``, what ``warta eval actors`` counts; a ``LOC`` is a place and
never counted). Each spurious actor gets the first kind that fits, in this order:

- ``duplicate``: one of its names equals a name of a gold actor that another predicted actor
  already took (the same entity kept twice, one half counted spurious);
- ``split of found``: a name of it and a name of a found gold actor are one inside the other,
  word for word ("Wahyuni" beside "Sri Wahyuni"; "Polres" beside "Polres Bogor");
- ``misnamed``: the same, with a gold actor that nothing found (a miss and a spurious at once);
- ``credit``: every mention sits in a byline, photo credit, editor or "baca juga" line;
- ``place``: a GPE (or a gazetteer place) the gold does not treat as an actor;
- ``outlet``: a news outlet (the gold counts outlets only when cited as a source);
- ``common noun``: its name has no capitalised word ("warga", "pihak kepolisian");
- ``person`` / ``org``: a named person or body the gold does not list.

With ``--twins``, each ``duplicate`` and ``split of found`` is also counted by how its names
relate to the found actor it copies (``twin_relation``): ``acronym = initials`` ("PDIP" beside
"Partai Demokrasi Indonesia Perjuangan"), ``person part`` (a person's surname or first name
alone), ``nested name`` (one name a run of the other's words: a body written short, or another
entity named inside a name), ``same name, other type``, ``other`` (a nickname, a syllabic
acronym, a translation); and whether the gold lists the spurious actor's name among the found
actor's aliases (``gold alias``) or only the words nest (``nested only``).

The test split is refused.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

_CREDIT = re.compile(r"\b(foto|editor|penulis|reporter|pewarta|baca juga|dok\b|ilustrasi|"
                     r"sumber gambar|kontributor)", re.IGNORECASE)
_OUTLET = re.compile(r"(detik|kompas|tempo|antara|cnn|liputan6|tribun|okezone|kumparan|"
                     r"republika|viva|suara|jpnn|reuters|afp|\bap\b|bbc|\.com)", re.IGNORECASE)
_PLACE_KINDS = {"country", "capital", "city", "province", "regency", "island", "sea", "region"}


def _inside(a: str, b: str) -> bool:
    """``a``'s words are a run of ``b``'s words (or the other way round), not equal."""
    wa, wb = a.split(), b.split()
    if not wa or not wb or wa == wb:
        return False
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    n = len(short)
    return any(long_[i:i + n] == short for i in range(len(long_) - n + 1))


def _line_of(text: str, start: int, end: int) -> str:
    """The line (paragraph) around a mention."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return text[a:b if b >= 0 else len(text)]


def _is_credit(record: dict[str, Any], actor_id: str) -> bool:
    text = record.get("text") or ""
    spans = [(e["start"], e["end"]) for e in record.get("entities", [])
             if e.get("actor") == actor_id and e.get("label") != "PRON"]
    if not spans:
        return False
    for s, e in spans:
        line = _line_of(text, s, e)
        window = text[max(0, s - 40):s] + text[e:e + 10]
        if not (_CREDIT.search(window) or (len(line) < 80 and _CREDIT.search(line))):
            return False
    return True


def gold_partner(pred: Any, gold: list[Any]) -> Any | None:
    """The gold actor a spurious predicted actor is a copy or a piece of: one sharing a name,
    else one a name of which holds one of its names word for word (or is held by it)."""
    for g in gold:
        if pred.names & g.names:
            return g
    for g in gold:
        if any(_inside(a, b) for a in pred.names for b in g.names):
            return g
    return None


def spurious_kind(pred: Any, raw: dict[str, Any], record: dict[str, Any], gold: list[Any],
                  found: set[str]) -> str:
    """The module's kind of one spurious predicted actor."""
    from warta.kb.gazetteer import lookup

    partner = gold_partner(pred, gold)
    if partner is not None:
        if pred.names & partner.names:
            return "duplicate" if partner.id in found else "misnamed"
        return "split of found" if partner.id in found else "misnamed"
    if _is_credit(record, raw["id"]):
        return "credit"
    name = raw.get("name") or ""
    entry = lookup(name)
    if raw.get("type") == "GPE" or (entry is not None and entry.kind in _PLACE_KINDS):
        return "place"
    if _OUTLET.search(name):
        return "outlet"
    if not any(w[:1].isupper() or w[:1].isdigit() for w in name.split()):
        return "common noun"
    return "person" if raw.get("type") == "PERSON" else "org"


_INITIAL_SKIPS = frozenset({"dan", "&", "pt", "dari", "di", "untuk", "of", "the", "and"})


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split()
                   if w.lower() not in _INITIAL_SKIPS and w[:1].isalnum())


def twin_relation(a: dict[str, Any], b: dict[str, Any]) -> str:
    """How a spurious actor's names relate to the names of the found actor it copies."""
    names_a = {a.get("name") or "", *(a.get("aliases") or [])} - {""}
    names_b = {b.get("name") or "", *(b.get("aliases") or [])} - {""}
    for x, y in ((names_a, names_b), (names_b, names_a)):
        for short in (n for n in x if n.isupper() and " " not in n and 2 <= len(n) <= 8):
            if any(len(long_.split()) > 1 and _initials(long_).upper() == short for long_ in y):
                return "acronym = initials"
    low_a = {n.lower() for n in names_a}
    low_b = {n.lower() for n in names_b}
    if low_a & low_b:
        return "same name, other type"
    if a.get("type") == "PERSON" and b.get("type") == "PERSON" and any(
            set(x.lower().split()) <= set(y.lower().split()) or
            set(y.lower().split()) <= set(x.lower().split()) for x in low_a for y in low_b):
        return "person part"
    if any(_inside(x, y) for x in low_a for y in low_b):
        return "nested name"
    return "other"


def _print_pair(split: str, kind: str, key: str, raw: dict[str, Any],
                found: dict[str, Any] | None) -> None:
    """One split: the found actor's name and aliases beside the spurious one's."""
    def names(a: dict[str, Any] | None) -> str:
        if a is None:
            return "-"
        return f"{a['name']!r}/{a['type']} {sorted(set(a.get('aliases') or []))}"

    print(f"PAIR\t{split}\t{kind}\t{key}\tfound: {names(found)}\tsplit: {names(raw)}")


def diagnose(split: str, data: Path, listing: bool, pairs_too: bool = False,
             twins: Counter[str] | None = None) -> Counter[str]:
    """The spurious actors of one split, counted by kind (``twins``: where the duplicates and
    splits are counted by their relation to the found actor, ``twin_relation``)."""
    import warta
    from warta.eval import scoring
    from warta.eval.corpus import iter_documents
    from warta.eval.gold import predict
    from warta.settings import load_settings

    nlp = warta.load()
    settings = load_settings()
    kinds: Counter[str] = Counter()
    for art, text, gold, _ in iter_documents([split], data):
        if text is None or gold is None:
            continue
        record = predict(nlp, settings, art, text, data)
        g_side = scoring.from_gold(gold, text)
        p_side = scoring.from_record(record, text)
        pairs = scoring.match_actors(g_side.actors, p_side.actors)
        found = set(pairs.values())
        taken_by = {g: p for p, g in pairs.items()}
        by_id = {p.id: raw for p, raw in zip(p_side.actors, record["actors"], strict=True)}
        for p, raw in zip(p_side.actors, record["actors"], strict=True):
            if p.id in pairs or p.type == "LOC":
                continue
            kind = spurious_kind(p, raw, record, g_side.actors, found)
            kinds[kind] += 1
            if listing:
                print(f"{split}\t{kind}\t{art.key}\t{raw['name']!r}/{raw['type']}\t"
                      f"{raw.get('aliases')}")
            if kind not in {"split of found", "duplicate"}:
                continue
            partner = gold_partner(p, g_side.actors)
            twin = by_id.get(taken_by.get((partner or p).id, ""))
            if pairs_too:
                _print_pair(split, kind, art.key, raw, twin)
            if twins is not None and twin is not None and partner is not None:
                alias = "gold alias" if p.names & partner.names else "nested only"
                twins[f"{twin_relation(raw, twin)} ({alias})"] += 1
    return kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="+", choices=["train", "dev", "test", "dev2"])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--list", action="store_true", help="print each spurious actor too")
    parser.add_argument("--pairs", action="store_true",
                        help="print each split or duplicate beside the found actor it copies")
    parser.add_argument("--twins", action="store_true",
                        help="count the splits and duplicates by their relation to the found actor")
    args = parser.parse_args(argv)
    if "test" in args.splits:
        print("actor_spurious: the test split is never looked at while tuning", file=sys.stderr)
        return 2
    for split in args.splits:
        twins: Counter[str] | None = Counter() if args.twins else None
        kinds = diagnose(split, args.data_dir, args.list, args.pairs, twins)
        print(f"== {split}: {sum(kinds.values())} spurious actors")
        for kind, n in kinds.most_common():
            print(f"{n:4d}  {kind}")
        for relation, n in sorted((twins or Counter()).items(), key=lambda kv: -kv[1]):
            print(f"{n:4d}  twin: {relation}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
