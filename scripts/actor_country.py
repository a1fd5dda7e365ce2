"""What the actors stage's wrong countries are: counts by kind and direction (train and dev).

    python scripts/actor_country.py train dev [--data-dir ../shared/data] [--list]

A found actor (aligned with a gold actor under the scorer's own name matching,
``scoring.match_actors``, what ``warta eval actors`` counts) has a wrong country when its
country is not the gold's. Each one gets a kind, the first that fits:

- ``international body``: the gold gives it no country (a body of several states, a movement);
- ``outlet``: a news outlet (its country is world knowledge the article rarely states);
- ``office holder``: a person with a role read from a title ("Presiden", "Duta Besar");
- ``person``: any other person;
- ``state body``: a body whose name opens with a state body's head ("Kementerian", "Polda");
- ``org``: any other body;
- ``place``: a country or region;

and a direction: ``foreign→IDN`` (a foreign actor stored as Indonesian), ``IDN→foreign``,
``foreign→foreign`` (another foreign country, mostly the article's most named), ``→none``
(warta gives none), ``none→`` (the gold gives none). The test split is refused.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

_OUTLET = re.compile(r"(detik|kompas|tempo|antara|cnn|liputan6|tribun|okezone|kumparan|"
                     r"republika|viva|suara|jpnn|reuters|afp|\bap\b|bbc|\.com|daily|post|"
                     r"times|telegraph|independent|interfax|xinhua|tass|arabiya|jazeera)",
                     re.IGNORECASE)
IDN = "IDN"


def direction(gold: str | None, pred: str | None) -> str:
    """Which way a country is wrong."""
    if gold is None:
        return "none→"
    if pred is None:
        return "→none"
    if gold == IDN:
        return "IDN→foreign"
    return "foreign→IDN" if pred == IDN else "foreign→foreign"


def country_kind(raw: dict[str, Any], gold_country: str | None) -> str:
    """The module's kind of one found actor with a wrong country (``raw``: the record's actor)."""
    from warta.nlp.lang.id.org_patterns import DOMESTIC_ORG_PREFIXES

    name = raw.get("name") or ""
    type_ = raw.get("type")
    if gold_country is None:
        return "international body"
    if _OUTLET.search(name):
        return "outlet"
    if type_ == "PERSON":
        return "office holder" if raw.get("roles") else "person"
    if type_ in {"GPE", "LOC"}:
        return "place"
    first = name.split()[0].lower() if name.split() else ""
    return "state body" if first in DOMESTIC_ORG_PREFIXES else "org"


def diagnose(split: str, data: Path, listing: bool) -> Counter[tuple[str, str]]:
    """The wrong countries of one split, counted by (kind, direction)."""
    import warta
    from warta.eval import scoring
    from warta.eval.corpus import iter_documents
    from warta.eval.gold import predict
    from warta.settings import load_settings

    nlp = warta.load()
    settings = load_settings()
    counts: Counter[tuple[str, str]] = Counter()
    for art, text, gold, _ in iter_documents([split], data):
        if text is None or gold is None:
            continue
        record = predict(nlp, settings, art, text, data)
        g_side = scoring.from_gold(gold, text)
        pairs = scoring.match_actors(g_side.actors, scoring.from_record(record, text).actors)
        by_id = {g.id: g for g in g_side.actors}
        for raw in record["actors"]:
            gid = pairs.get(raw["id"])
            if gid is None or by_id[gid].country == raw.get("country"):
                continue
            g_country = by_id[gid].country
            key = (country_kind(raw, g_country), direction(g_country, raw.get("country")))
            counts[key] += 1
            if listing:
                print(f"{split}\t{key[0]}\t{key[1]}\t{art.key}\t{raw['name']!r}/{raw['type']}\t"
                      f"gold {g_country} warta {raw.get('country')}\troles {raw.get('roles')}")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("splits", nargs="+", choices=["train", "dev", "test", "dev2"])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--list", action="store_true", help="print each wrong country too")
    args = parser.parse_args(argv)
    if "test" in args.splits:
        print("actor_country: the test split is never looked at while tuning", file=sys.stderr)
        return 2
    for split in args.splits:
        counts = diagnose(split, args.data_dir, args.list)
        print(f"== {split}: {sum(counts.values())} wrong countries")
        kinds: Counter[str] = Counter()
        for (kind, _), n in counts.items():
            kinds[kind] += n
        for kind, n in kinds.most_common():
            ways = ", ".join(f"{d} {c}" for (k, d), c in counts.most_common() if k == kind)
            print(f"{n:4d}  {kind}: {ways}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
