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


def _print_pair(split: str, kind: str, key: str, raw: dict[str, Any],
                found: dict[str, Any] | None) -> None:
    """One split: the found actor's name and aliases beside the spurious one's."""
    def names(a: dict[str, Any] | None) -> str:
        if a is None:
            return "-"
        return f"{a['name']!r}/{a['type']} {sorted(set(a.get('aliases') or []))}"

    print(f"PAIR\t{split}\t{kind}\t{key}\tfound: {names(found)}\tsplit: {names(raw)}")


def diagnose(split: str, data: Path, listing: bool, pairs_too: bool = False) -> Counter[str]:
    """The spurious actors of one split, counted by kind."""
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
            if pairs_too and kind in {"split of found", "duplicate"}:
                _print_pair(split, kind, art.key, raw, by_id.get(taken_by.get(
                    (gold_partner(p, g_side.actors) or p).id, "")))
    return kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="+", choices=["train", "dev", "test"])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--list", action="store_true", help="print each spurious actor too")
    parser.add_argument("--pairs", action="store_true",
                        help="print each split or duplicate beside the found actor it copies")
    args = parser.parse_args(argv)
    if "test" in args.splits:
        print("actor_spurious: the test split is never looked at while tuning", file=sys.stderr)
        return 2
    for split in args.splits:
        kinds = diagnose(split, args.data_dir, args.list, args.pairs)
        print(f"== {split}: {sum(kinds.values())} spurious actors")
        for kind, n in kinds.most_common():
            print(f"{n:4d}  {kind}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
