"""Where the events stage loses each gold event trigger of a split: counts by stage and reason.

    python scripts/event_triggers.py train dev dev2 [--data-dir ../shared/data] [--list]
        [--lexicon-only]

For every gold event, the trigger that overlaps its trigger (a lexicon match, or a word the
shipped trigger model proposes) is followed through ``warta.extract.events.candidates`` (with
the shipped party and trigger models): ``no_trigger`` (no lexicon match, no model proposal),
a drop reason the stage reports (``blocked``, ``aux``, ``light_verb``,
``complement``, ``trigger_model``, ``no_party``, ``one_side``, an entry flag), or ``emitted``
(a candidate event stands at the trigger; ``emitted/type`` when its PLOVER type differs from
the gold's). ``--lexicon-only`` leaves the trigger model out (events before v19).
``--list`` prints each lost trigger with its reason. The test split is refused: it is never
looked at while tuning.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def stages(text: str, gold: dict[str, Any], doc: Any, model: Any, triggers: Any = None
           ) -> list[tuple[str, str, str]]:
    """(stage, gold type, trigger text) for each gold event of one analysed article."""
    from warta.eval import scoring
    from warta.extract import events
    from warta.resolve import places

    dropped: list[tuple[tuple[int, int], str]] = []
    found = events.candidates(doc, lookup=places.gazetteer_lookup(), parties=model,
                              triggers=triggers,
                              dropped=lambda t, _f, why: dropped.append(
                                  ((t.start_char, t.end_char), why)))
    emitted = [((c.trigger.start_char, c.trigger.end_char), c.type) for c in found]
    matches = [(t.start_char, t.end_char) for t, _, _ in events.all_triggers(doc, triggers)]
    back = scoring.offset_map(text, doc.text)
    out = []
    for e in gold.get("events", []):
        start, end = back(e["trigger"][0]), back(e["trigger"][1])
        span = (start if start is not None else -1, end if end is not None else -1)
        types = [typ for s, typ in emitted if _overlaps(s, span)]
        reasons = [why for s, why in dropped if _overlaps(s, span)]
        if types:
            stage = "emitted" if e["type"] in types else "emitted/type"
        elif reasons:
            stage = reasons[0]
        else:
            stage = "trigger, lost" if any(_overlaps(m, span) for m in matches) \
                else "no_trigger"
        out.append((stage, e["type"], text[e["trigger"][0]:e["trigger"][1]]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("splits", nargs="+", choices=("train", "dev", "dev2"))
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--list", action="store_true", help="print every lost trigger")
    parser.add_argument("--lexicon-only", action="store_true", help="no trigger model")
    args = parser.parse_args(argv)
    from warta.extract import event_parties, event_triggers
    from warta.nlp.pipeline import build
    from warta.train.event_parties import _documents

    nlp = build()
    model = event_parties.load_model()
    triggers = None if args.lexicon_only else event_triggers.load_model()
    for split in args.splits:
        counts: Counter[str] = Counter()
        for text, gold, doc in _documents(split, args.data_dir, nlp):
            for stage, typ, words in stages(text, gold, doc, model, triggers):
                counts[stage] += 1
                if args.list and stage != "emitted":
                    print(f"{split}\t{stage}\t{typ}\t{words}")
        total = sum(counts.values())
        print(f"{split}: {total} gold events")
        for stage, n in counts.most_common():
            print(f"  {stage:16} {n:4}  {n / max(total, 1):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
