"""Where the event-party decision loses each gold source and target: counts by kind.

    python scripts/event_parties_diag.py train dev [--data-dir ../shared/data] [--model FILE]
    python scripts/event_parties_diag.py train --cv [--seeds 0 1 2]   # train out of fold
    python scripts/event_parties_diag.py train --cv --list "quote speaker"   # + the cases

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
  party; for CONSULT, COOPERATE and AGREE, which the scorer reads in either order, counted
  apart), ``body for person`` / ``person for body`` (the gold's ``acts_for`` link between the
  pick and the gold party), ``speaker for name`` / ``name for speaker`` (a quote's speaker
  against a name inside the quote), ``other``.

``pair:`` counts whole events: both gold sides within reach, both picked right (either
order for a symmetric type). The gold's person-or-body policy is counted too: for a party
that is a person acting for a body (``acts_for``) or a body some person of the article acts
for, whether the other is a candidate.
``grammar:`` counts each side decided wrong (and each target picked where the gold leaves it
empty) by what the gold party and the pick are to the trigger: the voice, then the parse
relation with its case marker (``obl|oleh``), the relation to the verb the trigger hangs under
(``up obj|obj``), or the position and preposition (``right kepada``), ``null`` / ``open`` for
an empty side. ``outside:`` counts each side decided wrong whose gold party is a candidate by
where it stands when no grammar link in the trigger's clause names it (``outside_kind``: the
subject carried over from an earlier clause or sentence, the quote's speaker, the headline or
lead, the body a person acts for, a pronoun the actors stage resolved, another clause, the
previous sentence), and each gold party no candidate reaches by the trigger's subject slot;
``fill:`` counts each side filled wrong (``fill_kind``: a side the gold leaves empty, the
swapped sides, the body for the person or back, an actor the gold does not code, another gold
actor; "(gold not a candidate)" where the gold party was out of reach), and the candidate
marks the wrong pick carries (``fill_marks``), to tell which signal could flag it.
``--list WORDS`` prints the sides whose kind contains WORDS (``--list ""``: all; ``--list
fill``: the wrong fills).
``--cv`` decides the train split out of fold (5 folds by article, models fit on the other
four, one run per ``--seeds``), so its figures are not in-sample.
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


def grammar_kind(features: set[str] | None) -> str:
    """What a candidate is to the trigger, in one short phrase: its parse relation and case
    marker, its relation to the verb above, else its position and preposition."""
    if features is None:
        return "open"
    f = sorted(features)
    dep = next((x[9:] for x in f if x.startswith("dep_case=")), None)
    if dep is not None:
        return dep
    up = next((x[7:] for x in f if x.startswith("dep_up=")), None)
    if up is not None:
        return f"up {up}"
    prep = next((x[5:] for x in f if x.startswith("prep=")), "none")
    return f"{candidate_kind(features)} {prep}" if prep != "none" else candidate_kind(features)


def _slot(features: set[str]) -> str:
    """The trigger's own subject slot, as the candidates' common features state it."""
    return next((f[10:] for f in features if f.startswith("subj_slot=") and "&" not in f), "?")


def outside_kind(features: set[str] | None, pronoun: bool) -> str:
    """Where a gold party stands when no grammar link in the trigger's clause names it: the
    subject carried over from an earlier clause or sentence (the trigger's own subject slot
    empty or shared: a dropped subject), the quote's speaker, the headline or lead, the body a
    person acts for (or back), a pronoun the actors stage resolved, another clause or the
    previous sentence otherwise; ``inside`` for a party in the trigger's own clause."""
    if features is None:
        return "not a candidate"
    slot = _slot(features)
    dropped = slot in ("none", "shared")
    where = next((f[4:] for f in features if f.startswith("pos=") and "&" not in f), "none")
    carried = features & {"last_subj", "subj_before"} or (
        where == "prev" and "prev_role=nsubj" in features)
    if pronoun:
        return f"pronoun resolved by coref ({where})"
    if where == "none":
        if features & {"quote_speaker", "sent_speaker"}:
            return "quote speaker" + (" (statement in its quote)" if "in_quote" in features
                                      else "")
        if features & {"headline", "lead"}:
            return "headline / lead actor"
        if features & {"body_of_person", "agent_of_body"}:
            return "body a person acts for / person for a body"
        return "other offer (rules' anaphora, keduanya)"
    if carried:
        return f"subject carried over, trigger subject {'dropped' if dropped else slot}" \
            f" ({where})"
    if where == "prev":
        return "previous sentence, not its subject"
    if any(f.endswith("|other") and f.startswith("clause=") for f in features) \
            or not any(f.startswith("clause=") for f in features):
        return "same sentence, another clause"
    return "inside the trigger's clause"


def _case(side: str, kind: str, trigger: Any, sent: Any, gold: Any, pick: Any) -> str:
    """One side decided wrong, for reading: its kind, the trigger, the gold party and the
    pick, and the sentence."""
    got = "-" if pick is None else pick.key
    key = gold if isinstance(gold, str) else gold.key
    return f"{side} | {kind} | {trigger.text} | gold {key} | picked {got} | {sent.text!r}"


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


def fill_kind(pick: Any, gid: str | None, other: str | None, symmetric: bool,
              to_gold: dict[str, str], acts_for: dict[str, str | None], gold_cand: Any
              ) -> str | None:
    """What a side filled wrong is instead of the gold party (None: not filled, or right): a
    side the gold leaves empty, the other side's gold party (swapped), the body for the person
    or back (the gold's ``acts_for``), a candidate no gold actor aligns with, another gold
    actor, each "… (gold not a candidate)" where the gold party was out of reach."""
    if pick is None:
        return None
    got = to_gold.get(pick.key)
    if got is not None and (got == gid or (symmetric and got == other)):
        return None
    if gid is None:
        kind = "side filled where the gold has none"
    elif got is not None and got == other:
        kind = "swapped sides"
    elif got is not None and acts_for.get(gid) == got:
        kind = "the body for the person"
    elif got is not None and acts_for.get(got) == gid:
        kind = "the person for the body"
    elif got is None:
        kind = "an actor the gold does not code"
    else:
        kind = "another gold actor"
    return kind if gid is None or gold_cand is not None else f"{kind} (gold not a candidate)"


_FILL_MARKS = ("case=left|setting", "case=right|setting", "acts_for", "has_agent",
               "body_of_person", "agent_of_body",
               "quote_speaker", "sent_speaker", "outside_quote", "headline", "lead",
               "heir_subj", "last_subj", "subj_before", "pos=prev", "in_phrase")


def fill_marks(features: set[str]) -> list[str]:
    """The candidate marks a wrong fill carries, for telling which signal could flag it."""
    return [m for m in _FILL_MARKS if m in features]


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
             lookup: Any = None, listing: list[str] | None = None) -> Counter[str]:
    """The counts of one analysed article (``lookup``: the place gazetteer, default warta's)."""
    from warta.eval import scoring
    from warta.extract import event_parties, events
    from warta.nlp.lang.id.pronouns import CLITIC_FORMS, PERSON_PRONOUNS, THIRD_PLURAL
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
        voice = next((f[6:] for f in cands[0].features
                      if f.startswith("voice=") and "&" not in f), "?") if cands else "?"
        for side, gid, pick in (("source", g_src, pick_src), ("target", g_tgt, pick_tgt)):
            got = None if pick is None else to_gold.get(pick.key, "unaligned")
            if got == gid or (g_type in scoring.SYMMETRIC and got in (g_src, g_tgt)
                              and got is not None):
                continue
            gold_cand = by_key.get(from_gold.get(gid, "")) if gid else None
            what = "null" if gid is None else grammar_kind(gold_cand.features) \
                if gold_cand is not None else "no candidate"
            if what == "no candidate" and pick is None:
                continue  # out of the decision's reach either way
            picked = grammar_kind(pick.features if pick is not None else None)
            counts[f"grammar: {side} {voice}: gold {what} / picked {picked}"] += 1
            counts[f"grammar: {side} by gold: {voice} {what}"] += 1
            counts[f"grammar: {side} by pick: {voice} {picked}"] += 1
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
                where = _where(doc, pid, trigger, sent.end)
                counts[f"{side}: not a candidate / {where}"] += 1
                slot = _slot(cands[0].features) if cands else "?"
                counts[f"outside: {side} not a candidate: {where}, trigger subject {slot}"] += 1
                if listing is not None:
                    listing.append(_case(side, f"not a candidate, {where}", trigger, sent,
                                         pid, pick))
                continue
            counts[f"{side}: candidate / {candidate_kind(cand.features)}"] += 1
            feats = pick.features if pick is not None else set()
            kind = _pick_kind(pick, gid, other, to_gold, acts_for, feats)
            if kind == "other" and "mention_in_quote" in cand.features.union(feats) \
                    and cand.features & {"quote_speaker", "sent_speaker"}:
                kind = "name for speaker"
            if kind == "swapped" and g_type in scoring.SYMMETRIC:
                kind = "swapped, direction-free type (scored right)"
            counts[f"{side}: candidate, picked {kind}"] += 1
            if kind != "right" and not kind.startswith("swapped, direction-free"):
                pronoun = cand.mention is not None and cand.mention.span.text.lower() in (
                    PERSON_PRONOUNS | THIRD_PLURAL | CLITIC_FORMS)
                out = outside_kind(cand.features, pronoun)
                counts[f"outside: {side} {'open' if pick is None else 'wrong'}: {out}"] += 1
                counts[f"outside: {side} (all): {out}"] += 1
                if listing is not None:
                    listing.append(_case(side, out, trigger, sent, cand, pick))
        for side, gid, other, pick in (("source", g_src, g_tgt, pick_src),
                                       ("target", g_tgt, g_src, pick_tgt)):
            fill = fill_kind(pick, gid, other, g_type in scoring.SYMMETRIC, to_gold, acts_for,
                             by_key.get(from_gold.get(gid or "", "")))
            if fill is None:
                continue
            counts[f"fill: {side} wrong: {fill}"] += 1
            for mark in fill_marks(pick.features):
                counts[f"fill: {side} wrong: {fill} / {mark}"] += 1
            if listing is not None:
                listing.append(_case(side, f"fill {fill}", trigger, sent, gid or "-", pick))
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("splits", nargs="+", choices=("train", "dev", "dev2"))
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--model", type=Path, default=None,
                        help="party model file (default: the shipped one)")
    parser.add_argument("--cv", action="store_true",
                        help="train: decide each article by models fit on the other folds")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0],
                        help="fold shuffles of --cv (the counts are summed over them)")
    parser.add_argument("--min", type=int, default=1, help="grammar rows seen fewer times: cut")
    parser.add_argument("--list", default=None, metavar="WORDS",
                        help="print each side decided wrong whose 'outside' kind contains WORDS")
    args = parser.parse_args(argv)
    from warta.extract import event_parties
    from warta.nlp.pipeline import build
    from warta.train.event_parties import _documents

    nlp, model = build(), event_parties.load_model(args.model)
    listing: list[str] = []
    for split in args.splits:
        if args.cv and split == "train":
            counts = cross_validated(args.data_dir, model, args.seeds, listing)
            _print(f"{split} (out of fold, fold seeds {args.seeds})", counts, args.min)
            continue
        counts: Counter[str] = Counter()
        for text, gold, doc in _documents(split, args.data_dir, nlp):
            counts.update(diagnose(text, gold, doc, model, listing=listing))
        _print(split, counts, args.min)
    for line in listing:
        if args.list is not None and args.list in line.split(" | ")[1]:
            print(line)
    return 0


def _print(title: str, counts: Counter[str], least: int) -> None:
    print(f"{title}:")
    for key in sorted(counts):
        if not key.startswith("grammar:") or counts[key] >= least:
            print(f"  {key:70} {counts[key]:5}")


def cross_validated(data: Path, shipped: Any, seeds: list[int],
                    listing: list[str] | None = None) -> Counter[str]:
    """The train split's counts with each article decided by party models fit on the other
    folds (5 folds by article, one fit per fold and seed; the shipped open-side biases)."""
    import random
    from dataclasses import replace

    from warta.extract import event_parties
    from warta.nlp.pipeline import build
    from warta.train.event_parties import FOLDS, _articles, fit_parties, parties_of, trigger_groups

    nlp = build(stage_config={"events": {"parties_model": "none"}})  # the trainer's docs
    docs = list(_articles("train", data, nlp))
    groups = {art: trigger_groups(text, gold, doc, art) for art, text, gold, doc in docs}
    bias = shipped.parties.none_bias if shipped is not None else (-2.0, -1.5)
    emit = shipped.parties.emit_bias if shipped is not None else None
    counts: Counter[str] = Counter()
    for seed in seeds:
        arts = sorted(groups)
        fold_of = {a: i % FOLDS for i, a in enumerate(random.Random(seed).sample(arts, len(arts)))}
        for k in range(FOLDS):
            train = [g for a in arts if fold_of[a] != k for g in groups[a]]
            parties = event_parties.read_model(fit_parties(parties_of(train), seed=seed),
                                               event_parties.LABELS)
            model = event_parties.PartyModel(replace(parties, none_bias=bias, emit_bias=emit))
            for art, text, gold, doc in docs:
                if fold_of[art] == k:
                    counts.update(diagnose(text, gold, doc, model, listing=listing))
    return counts


if __name__ == "__main__":
    sys.exit(main())
