"""Mine event triggers from the gold corpus's train split into ``data/events/mined.tsv``.

    python scripts/mine_triggers.py [--data-dir ../shared/data] [--min-precision P]
        [--min-support N] [--min-articles N] [--out PATH]
    python scripts/mine_triggers.py --check [lexicon.tsv] [--data-dir ../shared/data]

Each word of the train texts is reduced to its base with the lexicon's own form generation run
backwards (``event_lexicon.analyses``; among the analyses, a base news writes as a word of its
own, then the most affixes stripped). For every base, the miner counts how often its words
stand inside a gold event trigger of each PLOVER type, and proposes a lexicon row for a base
the hand lexicon lacks: its forms are the affix patterns seen inside triggers, with each
active's passive and back (*menyerang* ↔ *diserang*), and its precision is counted over every
occurrence of exactly those surface forms in the train texts, as the events stage would match
them. A row is written when its precision, its number of trigger occurrences and the number
of articles they come from reach the thresholds (chosen on dev: the rows are read by the
events stage and the trigger model learns which of their matches are events).

The type is the gold's majority type, the mode the majority mode of those triggers (when two
or more carry it); the CAMEO code is the gold's when the hand lexicon codes that type and mode
with it, else the least specific code the hand lexicon gives that type and mode (the data do
not say more), so a mined row never codes a type and mode differently from the hand lexicon
(``tests/extract/test_events_plover.py`` holds both to CAMEO2PLOVER). Only the train split is
read.

``--check`` reports, for each row of a lexicon file (the hand lexicon by default), the same kind
of figure for a row a lexicographer wrote: how often its surface forms occur in the train texts,
how many of those occurrences lie inside a gold trigger of the row's type or of any type, and the
precision (of the type); a row whose forms mostly occur where the gold has no event is one to
drop or to narrow.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MIN_PRECISION = 0.15
MIN_SUPPORT = 2
MIN_ARTICLES = 2
MIN_MODE_SUPPORT = 2  # one trigger's mode is an instance, not what the word means
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# an active pattern and its passive: a verb seen in one voice is matched in both
COUNTERPARTS = {"meN-": "di-", "meN-kan": "di-kan", "meN-i": "di-i", "memper-kan": "diper-kan",
                "memper-i": "diper-i"}
COUNTERPARTS |= {v: k for k, v in COUNTERPARTS.items()}
OUT = Path(__file__).resolve().parent.parent / "src" / "warta" / "data" / "events" / "mined.tsv"


@dataclass
class Root:
    """What the train split says of one base: its trigger occurrences by type."""

    hits: Counter[tuple[str, str]] = field(default_factory=Counter)  # (type, pattern) → count
    modes: dict[str, Counter[str | None]] = field(default_factory=lambda: defaultdict(Counter))
    cameos: dict[str, Counter[str | None]] = field(default_factory=lambda: defaultdict(Counter))
    articles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def choose(word: str, vocabulary: AbstractSet[str]) -> tuple[str, str]:
    """The analysis of a word the miner keeps: a base written as a word of its own, else one
    attested in another of its forms (*bahas* in *membahas*), else the word itself; among
    those, the most affixes stripped, then a base whose first sound meN-/peN- replaced (the
    common case), then the shorter base."""
    from warta.extract.event_lexicon import PATTERNS, analyses, inflect

    def attested(base: str) -> bool:
        return any(
            inflect(base, p) in vocabulary for p in PATTERNS if p != "0"
            and inflect(base, p) != word)

    def rank(a: tuple[str, str]) -> tuple[int, int, bool, int]:
        base, pattern = a
        parts = sum(1 for p in pattern.split("-") if p and p != "0")
        tier = 1 if pattern == "0" else 3 if base in vocabulary else 2 if attested(base) \
            else 0
        onset = base not in word  # meN- dropped its k/p/t/s: "menipu" is "tipu", not "nipu"
        return (tier, parts, onset, -len(base))

    return max(analyses(word), key=rank)


def _skipped() -> frozenset[str]:
    """Words that are not a trigger's head: light and request verbs, auxiliaries, modals,
    negators ("melakukan pembahasan", "akan bertemu", "sangat mendukung")."""
    from warta.nlp.lang.id.event_markers import AUX_SKIP, LIGHT_VERBS, REQUEST_VERBS
    from warta.nlp.lang.id.modality import FUTURE, HYPOTHETICAL
    from warta.nlp.lang.id.negation import BRIDGES, NEGATORS

    return LIGHT_VERBS | REQUEST_VERBS | AUX_SKIP | FUTURE | HYPOTHETICAL | NEGATORS | BRIDGES


def heads(text: str, events: list[dict[str, Any]], covered: AbstractSet[str]
          ) -> dict[int, list[dict[str, Any]]]:
    """Start offset of each gold trigger's head word → its events (one per type). A trigger
    with a word the hand lexicon already matches is left out: what it lacks is not a word."""
    skip = _skipped()
    out: dict[int, dict[str, dict[str, Any]]] = defaultdict(dict)
    for event in events:
        start, end = event["trigger"]
        words = list(WORD.finditer(text, start, end))
        if any(m.group().lower() in covered for m in words):
            continue
        head = next((m for m in words if m.group().lower() not in skip), None)
        if head is not None:
            out[head.start()].setdefault(event["type"], event)
    return {k: list(v.values()) for k, v in out.items()}


def count(data: Path) -> tuple[dict[str, Root], Counter[str]]:
    """(per base: its trigger occurrences, per surface word: its occurrences) over train."""
    from warta.eval.corpus import iter_documents
    from warta.extract.event_lexicon import file_forms
    from warta.kb.lexicon import common_words

    covered = {w for f in file_forms("lexicon.tsv") for w in f.words}
    docs = [(art.id, text, gold) for art, text, gold, _ in iter_documents(["train"], data)
            if text is not None and gold is not None]
    words: Counter[str] = Counter(m.group().lower() for _, text, _ in docs
                                  for m in WORD.finditer(text))
    vocabulary = common_words() | set(words)
    roots: dict[str, Root] = defaultdict(Root)
    cache: dict[str, tuple[str, str]] = {}
    for art_id, text, gold in docs:
        at = heads(text, gold.get("events", []), covered)
        for m in WORD.finditer(text):
            hits = at.get(m.start())
            if not hits:
                continue
            word = m.group().lower()
            base, pattern = cache.setdefault(word, choose(word, vocabulary))
            root = roots[base]
            for event in hits:
                root.hits[(event["type"], pattern)] += 1
                root.modes[event["type"]][event.get("mode")] += 1
                root.cameos[event["type"]][event.get("cameo")] += 1
                root.articles[event["type"]].add(art_id)
    return roots, words


def _coding(type_: str, root: Root, codings: Counter[tuple[str, str | None, str | None]]
            ) -> tuple[str | None, str | None] | None:
    """(mode, CAMEO code) of a mined row, as the hand lexicon codes that type and mode; a mode
    needs MIN_MODE_SUPPORT triggers, else the type's own coding is taken."""
    modes = [m for m, n in root.modes[type_].most_common() if n >= MIN_MODE_SUPPORT or m is None]
    for mode in [*modes, None] if None not in modes else modes:
        same = Counter({c: n for (t, m, c), n in codings.items() if t == type_ and m == mode})
        if not same:
            continue
        gold = next((c for c, _ in root.cameos[type_].most_common() if c in same), None)
        return mode, gold or _general(same)
    typed = {(m, c) for (t, m, c) in codings if t == type_}
    return min(typed, key=lambda mc: _code_order(mc[1])) if typed else None


def _code_order(code: str | None) -> tuple[int, str]:
    return (len(code or ""), code or "")


def _general(codes: AbstractSet[str | None]) -> str | None:
    """The least specific CAMEO code: the shortest, then the lowest ("020" appeals before
    "100" demands, "040" consults before "046" negotiates)."""
    return min(codes, key=_code_order)


def propose(roots: dict[str, Root], words: Counter[str], *, min_precision: float,
            min_support: int, min_articles: int) -> list[dict[str, Any]]:
    """The rows to write, best supported first."""
    from warta.extract.event_args import looks_verbal
    from warta.extract.event_lexicon import file_forms

    hand = file_forms("lexicon.tsv")
    taken = {f.words[0] for f in hand}  # any hand form's first word: the hand row decides
    bases = {f.entry.lemma.split()[0] for f in hand}
    codings = Counter((f.entry.type, f.entry.mode, f.entry.cameo) for f in hand
                      if f.entry.type != "NONE")
    rows = []
    for base, root in roots.items():
        if base in bases or not root.hits:
            continue
        by_type: Counter[str] = Counter()
        for (t, _), n in root.hits.items():
            by_type[t] += n
        type_ = by_type.most_common(1)[0][0]
        articles = len(root.articles[type_])
        seen = {p for (t, p) in root.hits if t == type_}
        patterns = {p for p in seen | {COUNTERPARTS[p] for p in seen if p in COUNTERPARTS}
                    if _surface(base, p) not in taken}
        if not patterns:
            continue
        support = sum(n for (t, p), n in root.hits.items() if t == type_ and p in patterns)
        occurrences = sum(words[_surface(base, p)] for p in patterns)
        precision = support / occurrences if occurrences else 0.0
        coding = _coding(type_, root, codings)
        if coding is None or precision < min_precision or support < min_support \
                or articles < min_articles:
            continue
        if "0" in patterns and not looks_verbal(base):  # "rapat", "eksekusi": a noun
            patterns = (patterns - {"0"}) | {"=n"}
        rows.append({"trigger": base, "forms": " ".join(sorted(patterns)), "type": type_,
                     "mode": coding[0] or "-", "cameo": coding[1] or "-", "preps": "-",
                     "flags": "-", "support": support, "articles": articles,
                     "precision": f"{precision:.2f}"})
    return sorted(rows, key=lambda r: (-r["support"], r["trigger"]))


def _surface(base: str, pattern: str) -> str:
    from warta.extract.event_lexicon import inflect

    return inflect(base, pattern)


HEADER = """\
# Event triggers mined from the gold corpus's TRAIN split by scripts/mine_triggers.py (do not
# edit by hand: rerun the script). Read by warta.extract.event_lexicon before lexicon.tsv, whose
# rows win over a form both give. Columns as in lexicon.tsv, plus what the train split says:
# support (trigger occurrences of the type), articles (how many train articles they come from),
# precision (support / occurrences of the row's surface forms in the train texts).
# Thresholds (chosen on dev): precision >= {p}, support >= {s}, articles >= {a}.
"""
COLUMNS = ("trigger", "forms", "type", "mode", "cameo", "preps", "flags", "support", "articles",
           "precision")


def write(rows: list[dict[str, Any]], out: Path, *, min_precision: float, min_support: int,
          min_articles: int) -> None:
    lines = [HEADER.format(p=min_precision, s=min_support, a=min_articles).rstrip("\n"),
             "\t".join(COLUMNS), *("\t".join(str(r[c]) for c in COLUMNS) for r in rows)]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass
class Check:
    """A lexicon row's record on the train split."""

    occurrences: int = 0
    typed: int = 0  # inside a gold trigger of the row's type
    any_event: int = 0  # inside a gold trigger of any type
    types: Counter[str] = field(default_factory=Counter)  # the gold types it lies inside


def check(data: Path, name: str) -> list[tuple[dict[str, str], Check]]:
    """Each row of a lexicon file (of ``data/events``, or a path to a draft) with its record
    over the train split."""
    from importlib import resources

    from warta.eval.corpus import iter_documents
    from warta.extract.event_lexicon import parse_rows

    path = Path(name)
    if not path.is_file():
        path = Path(str(resources.files("warta") / "data" / "events" / name))
    rows = parse_rows(path.read_text(encoding="utf-8"))
    docs = [(text, gold.get("events", [])) for _, text, gold, _ in iter_documents(["train"], data)
            if text is not None and gold is not None]
    return check_rows(rows, docs)


def check_rows(rows: list[dict[str, str]], docs: list[tuple[str, list[dict[str, Any]]]]
               ) -> list[tuple[dict[str, str], Check]]:
    """Each row with its record over (text, gold events) documents: every occurrence of one
    of its surface forms (a gapped form by the words around its gap), and the gold triggers
    it falls inside."""
    from warta.extract.event_lexicon import GAP, row_forms

    tokenised = []
    for text, events in docs:
        words = [(m.start(), m.group().lower()) for m in WORD.finditer(text)]
        tokenised.append((words, [w for _, w in words], events))
    out = []
    for row in rows:
        rec = Check()
        for form in row_forms(row):
            want = [w for w in form.words if w != GAP]
            for words, lowers, events in tokenised:
                for i in range(len(lowers) - len(want) + 1):
                    if lowers[i:i + len(want)] != want:
                        continue
                    at = words[i][0]
                    types = {e["type"] for e in events if e["trigger"][0] <= at < e["trigger"][1]}
                    rec.occurrences += 1
                    rec.typed += row["type"] in types
                    rec.any_event += bool(types)
                    rec.types.update(types)
        out.append((row, rec))
    return out


def print_check(results: list[tuple[dict[str, str], Check]]) -> None:
    print("trigger\tforms\ttype\toccurrences\ttyped\tany_event\tprecision\tgold_types")
    for row, rec in results:
        trigger, forms, type_ = row["trigger"], row["forms"], row["type"]
        precision = f"{rec.typed / rec.occurrences:.2f}" if rec.occurrences else "-"
        types = ",".join(f"{t}:{n}" for t, n in rec.types.most_common())
        print(f"{trigger}\t{forms}\t{type_}\t{rec.occurrences}\t{rec.typed}\t"
              f"{rec.any_event}\t{precision}\t{types or '-'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--min-precision", type=float, default=MIN_PRECISION)
    parser.add_argument("--min-support", type=int, default=MIN_SUPPORT)
    parser.add_argument("--min-articles", type=int, default=MIN_ARTICLES)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", nargs="?", const="lexicon.tsv", default=None,
                        metavar="FILE", help="report each row's train precision instead of "
                        "mining (a file of data/events or a path; default lexicon.tsv)")
    args = parser.parse_args(argv)
    if args.check is not None:
        print_check(check(args.data_dir, args.check))
        return 0
    roots, words = count(args.data_dir)
    rows = propose(roots, words, min_precision=args.min_precision,
                   min_support=args.min_support, min_articles=args.min_articles)
    write(rows, args.out, min_precision=args.min_precision, min_support=args.min_support,
          min_articles=args.min_articles)
    print(f"{len(rows)} rows → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
