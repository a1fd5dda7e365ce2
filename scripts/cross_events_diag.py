"""Why warta joins or keeps apart the judged event-mention pairs whose two mentions it detected.

    python scripts/cross_events_diag.py dev [--data-dir ../shared/data] [--all]

For every judged pair of ``eval/links/event_pairs.jsonl`` of the split whose two mentions both
overlap a warta event (as ``warta eval cross-events`` aligns them), prints the gold label, the
verdict (linked or not), and for the closest pair of warta events (one per side) what linking
reads of each — type, negation, source, target, day, place — and the first rule of
``warta.link.events`` that keeps them apart: ``type``, ``negation``, ``no party`` (a side with
neither), ``place``, ``parties swapped`` / ``parties differ`` (both complete), ``days``, and for a
mention with a side missing (the one-story rule): ``no party shared``, ``not one story``,
``trigger differs``, ``modality or mode``, ``days``, ``not the only match``. Ends with counts
of the blocking rule by gold label.
``--all`` lists the pairs with a mention undetected too (as ``undetected``).
The test split is refused: it is never looked at while tuning.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def _actor(record: Mapping[str, Any], actor_id: str | None) -> str:
    if not actor_id:
        return "-"
    actor = next((a for a in record.get("actors") or [] if a["id"] == actor_id), None)
    kb = f" kb={actor['kb']}" if actor and actor.get("kb") else ""
    return f"{actor_id}{kb}"


def blocker(a: Any, b: Any, rules: Any, stories: Mapping[str, str], parties: Any) -> str:
    """The first rule of ``warta.link.events`` that keeps mentions ``a`` and ``b`` apart, for
    the strict rule (both parties) and the one-story rule (a side may be missing)."""
    from warta.link.events import Group, parties_agree

    if a.type != b.type:
        return "type"
    if a.negated != b.negated:
        return "negation"
    if not (a.source or a.target) or not (b.source or b.target):
        return "no party"
    if a.place and b.place and a.place != b.place:
        return "place"
    if a.complete and b.complete and a.parties == b.parties:
        group = Group()
        group.add(a)
        return "-" if group.fits(b, rules) else "days"
    if a.complete and b.complete and not parties_agree(a, b, parties):
        swapped = (a.source, a.target) == (b.target, b.source)
        return "parties swapped" if swapped else "parties differ"
    if not parties_agree(a, b, parties):
        return "parties differ" if a.complete and b.complete \
            else "one side missing, no party shared"
    if stories.get(a.record) is None or stories.get(a.record) != stories.get(b.record):
        return "one side missing, not one story"
    if a.lemma != b.lemma:
        return "one side missing, trigger differs"
    if a.modality != b.modality or (a.mode and b.mode and a.mode != b.mode):
        return "one side missing, modality or mode"
    if a.day is None or b.day is None or abs((a.day - b.day).days) > \
            rules.event_story_window_days:
        return "one side missing, days"
    return "one side missing, not the only match"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("split")
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--all", action="store_true")
    args = parser.parse_args(argv)
    if args.split == "test":
        print("cross_events_diag: the test split is never studied; use dev", file=sys.stderr)
        return 2
    from warta.eval import links
    from warta.link import events
    from warta.link.stories import group_stories
    from warta.settings import load_settings

    settings = load_settings()
    judged = [p for p in links.read_gold("event_pairs.jsonl") if p["split"] == args.split]
    if not judged:
        print(f"cross_events_diag: no judged event pairs in split {args.split!r}",
              file=sys.stderr)
        return 2
    refs = [links._ref(s) for p in judged for s in (p["a"], p["b"])]
    records = links._records(refs, args.data_dir)
    stories = group_stories(list(records.values()), settings)
    linked = events.link_event_mentions(list(records.values()), settings, stories)
    parties = events.Parties.of(a for r in records.values() for a in r.get("actors") or [])
    by_id = {r["id"]: r for r in records.values()}
    mentions = {m.key: m for r in records.values() for m in events._mentions(r)}

    def at(side: Mapping[str, Any]) -> list[Any]:
        ref = links._ref(side)
        record = records[ref]
        return [mentions[(record["id"], i)] for i in
                links.aligned_events(record, links._text(ref, args.data_dir),
                                     int(side["start"]), int(side["end"]))]

    tally: Counter[tuple[str, str]] = Counter()
    for p in judged:
        ma, mb = at(p["a"]), at(p["b"])
        if not (ma and mb):
            tally[(p["label"], "undetected")] += 1
            if args.all:
                print(f"{p['pair']} {p['label']}: undetected (a {len(ma)}, b {len(mb)})")
            continue
        same = bool({linked[m.key] for m in ma} & {linked[m.key] for m in mb})
        order = ("-", "days", "one side missing, not the only match", "one side missing, days",
                 "one side missing, modality or mode", "one side missing, trigger differs",
                 "one side missing, not one story",
                 "place", "one side missing, no party shared", "parties swapped",
                 "parties differ", "no party", "negation", "type")
        a, b = min(((x, y) for x in ma for y in mb),
                   key=lambda xy: order.index(blocker(*xy, settings.link, stories, parties)))
        why = "linked" if same else blocker(a, b, settings.link, stories, parties)
        tally[(p["label"], why)] += 1
        print(f"{p['pair']} gold={p['label']} warta={'same' if same else 'apart'} [{why}]")
        for m in (a, b):
            rec = by_id[m.key[0]]
            ev = rec["events"][m.key[1]]
            print(f"    {m.key[0][:8]}#{m.key[1]} {m.type}{' NOT' if m.negated else ''} "
                  f"{_actor(rec, m.source)} -> {_actor(rec, m.target)} "
                  f"day={m.day} place={m.place} trigger={ev.get('trigger')!r} ({m.lemma}) "
                  f"story={stories.get(m.record, '-')[:10]}")
    print("\nby gold label and blocking rule:")
    for (label, why), n in sorted(tally.items()):
        print(f"  {label:9} {why:36} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
