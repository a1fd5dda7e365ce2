"""Where the event-party decision loses each gold source and target: counts by kind.

    python scripts/event_parties_diag.py train dev [--data-dir ../shared/data] [--model FILE]

For every lexicon trigger that overlaps a gold event trigger and reaches the party decision
(``warta.extract.events.candidates``' observer), each gold side (source, target) is followed
through the scorer's own actor alignment (``scoring.match_actors``):

- ``no gold party``: the gold leaves the side empty;
- ``no warta actor``: no warta actor aligns with the gold party (the actors stage missed it);
- ``not a candidate``: a warta actor aligns, the candidates never reach it (with where the actor
  is named instead: ``next sentence``, ``later``, ``earlier``, ``headline only``);
- ``candidate``: it is among the candidates, by the kind of candidate it is (its position or
  what points at it: ``left``, ``right``, ``prev``, ``quote_speaker`` ...), and what the model
  picked for that side: ``right``, ``none`` (the side left open), ``swapped`` (the other gold
  party), ``body for person`` / ``person for body`` (the gold's ``acts_for`` link between the
  pick and the gold party), ``speaker for name`` / ``name for speaker`` (a quote's speaker
  against a name inside the quote), ``other``.

``pair:`` counts whole events: both gold sides within reach, both picked right (either
order for a symmetric type). The gold's person-or-body policy is counted too: for a party
that is a person acting for a body (``acts_for``) or a body some person of the article acts
for, whether the other is a candidate.
The test split is refused: it is never looked at while tuning.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

_KINDS = ("quote_speaker", "sent_speaker", "anaphoric", "dual_first", "dual_second",
          "headline", "lead", "outside_quote")


def candidate_kind(features: set[str]) -> str:
    """One word for what a candidate is: its position in the text, or what offered it."""
    pos = next((f[4:] for f in features if f.startswith("pos=")), "none")
    if pos != "none":
        return pos
    return next((k for k in _KINDS if k in features), "other")


def _pick_kind(pick: Any, gold_id: str, other_gold: str | None, to_gold: dict[str, str],
               acts_for: dict[str, str | None], pick_feats: set[str]) -> str:
    """How a chosen party relates to the gold party it should have been."""
    if pick is None:
        return "none"
    got = to_gold.get(pick.key)
    if got == gold_id:
        return "right"
    if got is not None and got == other_gold:
        return "swapped"
    if got is not None and acts_for.get(gold_id) == got:
        return "body for person"
    if got is not None and acts_for.get(got) == gold_id:
        return "person for body"
    speaker = bool(pick_feats & {"quote_speaker", "sent_speaker"})
    if speaker:
        return "speaker for name"
    return "other"


def _where(doc: Any, actor_id: str, trigger: Any, sent_end: int) -> str:
    """Where a warta actor the candidates missed is named, relative to the trigger."""
    from warta.nlp.extensions import span_actor

    spans = [s for s in [*doc.ents, *(doc._.mentions or [])] if span_actor(s) == actor_id]
    if not spans:
        return "headline only"
    after = [s for s in spans if s.start >= sent_end]
    if any(s.start < trigger.start for s in spans) and not after:
        return "earlier"
    if after and min(s.start for s in after) - sent_end < 60:
        return "next sentence"
    return "later" if after else "earlier"


def _pair_counts(gold: tuple[str | None, str | None], symmetric: bool, picks: tuple[Any, Any],
                 by_key: dict[str, Any], from_gold: dict[str, str], to_gold: dict[str, str]
                 ) -> Counter[str]:
    """Whole events: both gold sides within reach of the candidates (an empty gold side is
    within reach), and both picked right (an unaligned pick is wrong, an empty one is right
    where the gold side is empty; a symmetric type's sides in either order, as the scorer)."""
    def reachable(gid: str | None) -> bool:
        return gid is None or from_gold.get(gid) in by_key

    def got(pick: Any) -> str | None:
        return None if pick is None else to_gold.get(pick.key, "unaligned")

    out: Counter[str] = Counter({"pair: events": 1})
    if reachable(gold[0]) and reachable(gold[1]):
        out["pair: both sides within reach"] += 1
    got_pair = (got(picks[0]), got(picks[1]))
    if got_pair == gold or (symmetric and got_pair[::-1] == gold):
        out["pair: both sides picked right"] += 1
    return out


def diagnose(text: str, gold: dict[str, Any], doc: Any, model: Any, *,
             lookup: Any = None) -> Counter[str]:
    """The counts of one analysed article (``lookup``: the place gazetteer, default warta's)."""
    from warta.eval import scoring
    from warta.extract import event_parties, events
    from warta.resolve import places

    seen: list[tuple[Any, Any, list[Any]]] = []
    events.candidates(doc, lookup=lookup or places.gazetteer_lookup(),
                      observe=lambda t, _f, s, c: seen.append((t, s, c)))
    back = scoring.offset_map(text, doc.text)
    golds = []
    for e in gold.get("events", []):
        start, end = back(e["trigger"][0]), back(e["trigger"][1])
        if start is not None and end is not None:
            golds.append((start, end, e.get("source"), e.get("target"), e["type"]))
    predicted = [scoring.Actor(a.id, scoring._names([a.name], a.aliases), a.type, a.country)
                 for a in doc._.actors or []]
    to_gold = scoring.match_actors(scoring.from_gold(gold, text).actors, predicted)
    from_gold = {g: p for p, g in to_gold.items()}
    acts_for = {a["id"]: a.get("acts_for") for a in gold.get("actors", [])}
    counts: Counter[str] = Counter()
    for trigger, sent, cands in seen:
        hits = [g for g in golds if g[0] < trigger.end_char and trigger.start_char < g[1]]
        if not hits:
            continue
        _s, _e, g_src, g_tgt, g_type = hits[0]
        pick_src, pick_tgt = event_parties.decide(model, cands) if model else (None, None)
        by_key = {c.key: c for c in cands}
        counts.update(_pair_counts((g_src, g_tgt), g_type in scoring.SYMMETRIC,
                                   (pick_src, pick_tgt), by_key, from_gold, to_gold))
        for side, gid, other, pick in (("source", g_src, g_tgt, pick_src),
                                       ("target", g_tgt, g_src, pick_tgt)):
            counts[f"{side}: events"] += 1
            if gid is None:
                counts[f"{side}: no gold party"] += 1
                continue
            pid = from_gold.get(gid)
            if pid is None:
                counts[f"{side}: no warta actor"] += 1
                continue
            body = acts_for.get(gid)
            agents = [a for a, b in acts_for.items() if b == gid]
            if body:
                counts[f"{side}: gold is a person acting for a body"] += 1
                if from_gold.get(body) in by_key:
                    counts[f"{side}:   ... and the body is a candidate"] += 1
                    if pid not in by_key:
                        counts[f"{side}:   ... the body is, the person is not"] += 1
            elif agents:
                counts[f"{side}: gold is a body a person acts for"] += 1
                if any(from_gold.get(a) in by_key for a in agents):
                    counts[f"{side}:   ... and the person is a candidate"] += 1
                    if pid not in by_key:
                        counts[f"{side}:   ... the person is, the body is not"] += 1
            cand = by_key.get(pid)
            if cand is None:
                counts[f"{side}: not a candidate / {_where(doc, pid, trigger, sent.end)}"] += 1
                continue
            counts[f"{side}: candidate / {candidate_kind(cand.features)}"] += 1
            feats = pick.features if pick is not None else set()
            kind = _pick_kind(pick, gid, other, to_gold, acts_for, feats)
            if kind == "other" and "mention_in_quote" in cand.features.union(feats) \
                    and cand.features & {"quote_speaker", "sent_speaker"}:
                kind = "name for speaker"
            counts[f"{side}: candidate, picked {kind}"] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("splits", nargs="+", choices=("train", "dev"))
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--model", type=Path, default=None,
                        help="party model file (default: the shipped one)")
    args = parser.parse_args(argv)
    from warta.extract import event_parties
    from warta.nlp.pipeline import build
    from warta.train.event_parties import _documents

    nlp, model = build(), event_parties.load_model(args.model)
    for split in args.splits:
        counts: Counter[str] = Counter()
        for text, gold, doc in _documents(split, args.data_dir, nlp):
            counts.update(diagnose(text, gold, doc, model))
        print(f"{split}:")
        for key in sorted(counts):
            print(f"  {key:58} {counts[key]:5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
