"""Turn an annotator's working file (spans given as the exact text they cover) into standoff gold.

Aliases and event places are stored as the offsets of their first occurrence (the whole word
first), never as text; an actor's canonical ``name`` and ``roles`` are the annotator's own words.

Annotators write spans as the text they see, which is easy to get right; this script finds each
span's character offsets in the article's rebuilt text, checks labels and references, and writes
the corpus's standoff form (offsets, labels and names only: never the article's text).

    python scripts/import_annotations.py --check work/is-2f567b4a53.json     # report problems
    python scripts/import_annotations.py work/*.json --to gold               # write gold/<id>.json
    python scripts/import_annotations.py work/*.json --to double --annotator B

Working file (one article):
    {"id": "is-…", "actors": [{"id": "a1", "name": "…", "type": "PERSON|ORG|GPE",
      "country": "IDN"|null, "roles": […], "aliases": […], "first": "text of first mention",
      "acts_for": "a2"|null}],
     "quotes": [{"text": "…", "nth": 0, "kind": "direct|partial|indirect",
      "speaker": "a1"|null, "cue": "kata"|null}],
     "events": [{"type": "COERCE", "mode": "arrest"|null, "cameo": "173"|null,
      "source": "a1"|null, "target": "a2"|null, "trigger": "menangkap",
      "evidence": "text of the sentence", "evidence_nth": 0, "date": "2025-10-20"|null,
      "place": "Bogor"|null, "negated": false, "modality": "asserted"}]}
``nth`` picks the n-th occurrence (0-based) when the same text occurs more than once; the
trigger is looked for inside the evidence, the cue nearest the quote.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from warta.eval.corpus import corpus_dir, load_articles, verified_text
from warta.plover import PLOVER_MODES, PLOVER_TYPES

ACTOR_TYPES = ("PERSON", "ORG", "GPE")
QUOTE_KINDS = ("direct", "partial", "indirect")
MODALITIES = ("asserted", "future", "hypothetical", "historical")
_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_ISO3 = re.compile(r"[A-Z]{3}")


class Problems(list[str]):
    def add(self, where: str, what: str) -> None:
        self.append(f"{where}: {what}")


def _nth(text: str, needle: str, nth: int) -> int:
    """Start of the nth occurrence of needle as whole words ("H" is not the H of "Hulu"),
    else of the nth occurrence anywhere; -1 when there is none."""
    edge_l = r"(?<!\w)" if needle[:1].isalnum() else ""
    edge_r = r"(?!\w)" if needle[-1:].isalnum() else ""
    for pattern in (edge_l + re.escape(needle) + edge_r, re.escape(needle)):
        hits = [m.start() for m in re.finditer(pattern, text)]
        if len(hits) > nth:
            return hits[nth]
    return -1


def _span(text: str, needle: Any, nth: Any, where: str, probs: Problems) -> list[int] | None:
    if not isinstance(needle, str) or not needle.strip():
        probs.add(where, "empty span text")
        return None
    needle = needle.strip()
    start = _nth(text, needle, int(nth or 0))
    if start < 0:
        count = text.count(needle)
        probs.add(where, f"text not found{f' (occurs {count} times)' if count else ''}: "
                         f"{needle[:60]!r}")
        return None
    return [start, start + len(needle)]


def _near(text: str, needle: str, anchor: list[int], window: int = 300) -> list[int] | None:
    """The occurrence of needle nearest to the anchor span, within a window."""
    best: tuple[int, int] | None = None
    for m in re.finditer(re.escape(needle), text):
        dist = max(anchor[0] - m.end(), m.start() - anchor[1], 0)
        if dist <= window and (best is None or dist < best[0]):
            best = (dist, m.start())
    return None if best is None else [best[1], best[1] + len(needle)]


def _place(text: str, name: Any, evidence: list[int] | None) -> list[int] | None:
    """An event's place as the offsets of its name nearest the evidence (standoff: the name is
    not stored); None when the text does not spell it so (a place the annotator normalised)."""
    if not isinstance(name, str) or not name.strip():
        return None
    if evidence:
        near = _near(text, name.strip(), evidence, window=len(text))
        if near:
            return near
    start = _nth(text, name.strip(), 0)
    return [start, start + len(name.strip())] if start >= 0 else None


def convert(work: dict[str, Any], text: str) -> tuple[dict[str, Any], Problems]:
    probs = Problems()
    actors, ids = [], set()
    for i, a in enumerate(work.get("actors", [])):
        where = f"actor {a.get('id', i)}"
        if a.get("type") not in ACTOR_TYPES:
            probs.add(where, f"type {a.get('type')!r} not in {ACTOR_TYPES}")
        country = a.get("country")
        if country is not None and not _ISO3.fullmatch(str(country)):
            probs.add(where, f"country {country!r} is not ISO-3 or null")
        if not a.get("name"):
            probs.add(where, "no name")
        ids.add(a.get("id"))
        mention = _span(text, a.get("first"), a.get("first_nth"), where + " first", probs)
        # an alias the text never spells is no surface form: dropped with a note, not an error
        aliases = [_span(text, alias, 0, f"{where} alias (dropped)", Problems())
                   for alias in sorted({s.strip() for s in a.get("aliases") or [] if s})]
        actors.append({"id": a.get("id"), "name": a.get("name"), "type": a.get("type"),
                       "country": country, "roles": list(a.get("roles") or []),
                       "aliases": [span for span in aliases if span],
                       "mention": mention, "acts_for": a.get("acts_for")})
    for a in actors:
        if a["acts_for"] is not None and a["acts_for"] not in ids:
            probs.add(f"actor {a['id']}", f"acts_for {a['acts_for']!r} is no actor")
    quotes = []
    for i, q in enumerate(work.get("quotes", [])):
        where = f"quote {i}"
        span = _span(text, q.get("text"), q.get("nth"), where, probs)
        if q.get("kind") not in QUOTE_KINDS:
            probs.add(where, f"kind {q.get('kind')!r} not in {QUOTE_KINDS}")
        if q.get("speaker") is not None and q.get("speaker") not in ids:
            probs.add(where, f"speaker {q.get('speaker')!r} is no actor")
        cue = None
        if q.get("cue") and span:
            cue = _near(text, q["cue"].strip(), span)
            if cue is None:
                probs.add(where, f"cue {q['cue']!r} not found near the quote")
        quotes.append({"span": span, "kind": q.get("kind"), "speaker": q.get("speaker"),
                       "cue": cue})
    events = []
    for i, e in enumerate(work.get("events", [])):
        where = f"event {i}"
        if e.get("type") not in PLOVER_TYPES:
            probs.add(where, f"type {e.get('type')!r} is not a PLOVER type")
        mode = e.get("mode") or None
        if mode is not None and mode not in PLOVER_MODES.get(e.get("type"), ()):
            probs.add(where, f"mode {mode!r} is not a mode of {e.get('type')}")
        for side in ("source", "target"):
            if e.get(side) is not None and e.get(side) not in ids:
                probs.add(where, f"{side} {e.get(side)!r} is no actor")
        evidence = _span(text, e.get("evidence"), e.get("evidence_nth"), where + " evidence",
                         probs)
        trigger = None
        if evidence and e.get("trigger"):
            inside = text[evidence[0]:evidence[1]].find(e["trigger"].strip())
            if inside < 0:
                probs.add(where, f"trigger {e['trigger']!r} not inside the evidence")
            else:
                trigger = [evidence[0] + inside, evidence[0] + inside + len(e["trigger"].strip())]
        date = e.get("date")
        if date is not None and not _ISO.fullmatch(str(date)):
            probs.add(where, f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if e.get("modality", "asserted") not in MODALITIES:
            probs.add(where, f"modality {e.get('modality')!r} not in {MODALITIES}")
        events.append({"type": e.get("type"), "mode": mode, "cameo": e.get("cameo"),
                       "source": e.get("source"), "target": e.get("target"),
                       "trigger": trigger, "evidence": evidence, "date": date,
                       "place": _place(text, e.get("place"), evidence),
                       "negated": bool(e.get("negated", False)),
                       "modality": e.get("modality", "asserted")})
    gold = {"id": work.get("id"), "actors": actors, "quotes": quotes, "events": events}
    return gold, probs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2]
                    / "shared" / "data")
    ap.add_argument("--check", action="store_true", help="only report problems")
    ap.add_argument("--to", choices=("gold", "double"), default="gold")
    ap.add_argument("--annotator", default=None, help="with --to double: the annotator's name")
    args = ap.parse_args()
    by_id = {a.id: a for a in load_articles()}
    failed = 0
    for path in args.files:
        work = json.loads(path.read_text(encoding="utf-8"))
        art = by_id.get(work.get("id"))
        if art is None:
            print(f"{path}: id {work.get('id')!r} is not in the corpus")
            failed += 1
            continue
        gold, probs = convert(work, verified_text(art, args.data))
        for p in probs:
            print(f"{path}: {p}")
        failed += bool(probs)
        if args.check or probs:
            print(f"{path}: {'ok' if not probs else f'{len(probs)} problem(s)'} "
                  f"({len(gold['actors'])} actors, {len(gold['quotes'])} quotes, "
                  f"{len(gold['events'])} events)")
            continue
        if args.to == "double":
            gold["annotator"] = args.annotator
            out = corpus_dir() / "double" / f"{art.id}.{args.annotator}.json"
        else:
            out = corpus_dir() / "gold" / f"{art.id}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
