"""Which words warta takes for events, against the gold triggers: aligned by trigger span only.

    python scripts/trigger_audit.py train dev [--data-dir ../shared/data] [--folds 5]
        [--rows 15] [--threshold P]

The party decision is left aside: every lexicon match (and every gold event) is aligned by
trigger span (overlap in the analysed text), whatever the parties. Each gold event is counted
once as

- ``no_match``: no lexicon match overlaps its trigger;
- ``blocked``: a match, dropped by a rule before any model (a NONE idiom, a helping verb, a
  light verb, a word of a capitalised title, the complement of a request);
- ``rejected``: the trigger model (``event_parties``' trigger decision) says no event;
- ``wrong_type``: kept, of another PLOVER type than the gold's;
- ``right_type``: kept, of the gold's type.

and every kept match that overlaps no gold trigger is a spurious trigger, counted by lexicon
row and by kind (first that applies): ``negated``, ``hypothetical``/``future`` (the clause's
modality), ``relative`` (in a "yang" clause), ``quoted`` (inside a quote), ``speech`` (a verb
of saying or judging: reported speech), ``nominal_anaphor`` (a noun with "tersebut"/"itu":
an earlier event mentioned again), ``nominal`` (any other noun form), ``verb`` (an asserted
verb: a statement of fact, a policy described …).

With ``--missed``, the gold triggers with no match are listed by why the lexicon misses them
(``miss_kind``), and those the trigger decision rejects by the features that pushed them down
(``pushed_down``: each rejected match's lowest-weighted features under the model that decided
it, summed over the rejected gold triggers, beside how often the rejected non-events carry
them).

For the kept matches on a gold trigger, the audit also sets warta's modality and negation
(the clause's cues, ``historical`` when the trigger's date lies well before the article's, as
``events.finalize`` does) beside the gold's.

On dev the shipped trigger model decides. On train, which the shipped model was fit on, the
decision is out of fold: the trigger model is refit on the other folds' articles (``--folds``,
grouped by article) and decides the held-out fold's matches, at the shipped threshold or
``--threshold``. The test split is refused: it is never looked at while tuning.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KINDS = ("negated", "hypothetical", "future", "relative", "quoted", "speech",
         "nominal_anaphor", "nominal", "verb")
SWEEP = (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
_RULE_DROPS = frozenset({"blocked", "aux", "light_verb", "title", "complement"})


@dataclass
class Match:
    """One lexicon match of an article, what the stage did with it and what the gold says."""

    article: str
    words: str
    row: str  # lexicon lemma and type
    type: str
    features: list[str]
    rule_drop: str | None  # dropped by a rule before the trigger model
    kind: str
    gold_types: tuple[str, ...]  # types of the gold events whose trigger it overlaps
    sentence: str = ""
    p_event: float = 1.0
    reading: str = ""  # warta's modality (its clause's, historical when dated well before the
    # article), "+negated" when negated
    gold_readings: tuple[str, ...] = ()  # the same of the gold events it overlaps
    # the features that pulled its P(event) down most, with their weights, from the model
    # that decided it (``pushed_down``)
    pushed: tuple[tuple[str, float], ...] = ()


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _reading(modality: str, negated: bool) -> str:
    return modality + ("+negated" if negated else "")


def kind_of(doc: Any, trigger: Any, form: Any, sent: Any) -> str:
    """The kind of a trigger's use (module docstring), the first that applies."""
    from warta.extract import events
    from warta.nlp.lang.id.pronouns import ANAPHORIC_DETERMINERS

    if events.is_negated(doc, trigger, sent):
        return "negated"
    modality = events.modality_of(doc, trigger, sent)
    if modality in ("hypothetical", "future"):
        return str(modality)
    if doc[events.clause_start(doc, trigger.start, sent)].lower_ == "yang":
        return "relative"
    if any(q.content.start <= trigger.start < q.content.end
           for q in doc._.quotes or []):
        return "quoted"
    if trigger.text.lower() in events.REPORTING_VERBS:
        return "speech"
    if form.voice == "nominal":
        nxt = doc[trigger.end].lower_ if trigger.end < len(doc) else ""
        nxt2 = doc[trigger.end + 1].lower_ if trigger.end + 1 < len(doc) else ""
        return "nominal_anaphor" if ANAPHORIC_DETERMINERS & {nxt, nxt2} else "nominal"
    return "verb"


Gold = tuple[str, str, str, list[int]]  # article, type, trigger words, overlapping matches
MISS_KINDS = ("unmapped", "in_entity", "other_form", "clitic", "reduplicated", "multiword_part",
              "other_type", "new_word")


@dataclass
class Missed:
    """A gold trigger no lexicon match overlaps, and why the lexicon misses it."""

    article: str
    type: str
    words: str
    kind: str
    detail: str
    sentence: str


def miss_kind(doc: Any, span: tuple[int, int]) -> tuple[str, str]:
    """Why no lexicon match overlaps a gold trigger, the first that applies: ``unmapped`` (its
    offsets are lost in the analysed text), ``in_entity`` (a word of it lies in an entity name:
    matching skips names), ``other_form`` (a word is a form of a lexicon row's base the row
    does not generate: an affix pattern it lacks), ``clitic`` (a word with "-nya" whose bare
    form the lexicon has), ``reduplicated`` (a reduplicated word), ``multiword_part`` (a word
    is a form of a multiword row but the rest of the row is not there), ``other_type`` (never
    reached: kept for the order), ``new_word`` (a base the lexicon lacks); with the detail."""
    from warta.extract.event_lexicon import analyses, lexicon

    if span[0] < 0 or span[1] <= span[0]:
        return "unmapped", ""
    toks = [t for t in doc if t.idx < span[1] and span[0] < t.idx + len(t.text)]
    in_ent = {i for e in doc.ents for i in range(e.start, e.end)}
    words = [t.lower_ for t in toks if t.is_alpha or "-" in t.text]
    table = lexicon()
    if any(t.i in in_ent for t in toks) and any((w,) in table for w in words):
        return "in_entity", " ".join(words)
    bases = {f.entry.lemma.split()[0]: f for f in table.values() if len(f.words) == 1}
    multi = {f.words[0]: f for f in table.values() if len(f.words) > 1}
    for w in words:
        found = [b for b, _ in analyses(w) if b in bases]
        if found:
            return "other_form", f"{w} < {found[0]} ({bases[found[0]].entry.type})"
    for w in words:
        if w.endswith("nya") and ((w[:-3],) in table or any(b in bases
                                                            for b, _ in analyses(w[:-3]))):
            return "clitic", w
    for w in words:
        if "-" in w:
            return "reduplicated", w
    for w in words:
        if w in multi:
            return "multiword_part", f"{w} < {' '.join(multi[w].words)}"
    return "new_word", " ".join(words)


def collect(split: str, data: Path, nlp: Any, parties: Any,
            missed: list[Missed] | None = None) -> tuple[list[Match], list[Gold]]:
    """Every lexicon match of a split's articles, and every gold event (``missed``: gets the
    gold triggers no match overlaps, with why)."""
    from warta.resolve import places
    from warta.train.event_parties import _documents

    lookup = places.gazetteer_lookup()
    matches: list[Match] = []
    golds: list[Gold] = []
    for n, (text, gold, doc) in enumerate(_documents(split, data, nlp)):
        found, spans = article_matches(f"{split}{n}", text, gold, doc, lookup, parties)
        for span, typ, words in spans:
            idx = [len(matches) + j for j, m in enumerate(found) if _overlaps(m[0], span)]
            golds.append((f"{split}{n}", typ, words, idx))
            if not idx and missed is not None:
                kind, detail = miss_kind(doc, span)
                missed.append(Missed(f"{split}{n}", typ, words, kind, detail,
                                     _marked(doc, span)))
        matches.extend(m for _, m in found)
    return matches, golds


def _marked(doc: Any, span: tuple[int, int]) -> str:
    """The sentence around a character span, the span in brackets."""
    if span[0] < 0:
        return ""
    sent = doc.char_span(span[0], span[0] + 1, alignment_mode="expand")
    sent = sent.sent if sent is not None else doc[:]
    return (doc.text[sent.start_char:span[0]] + "[" + doc.text[span[0]:span[1]] + "]"
            + doc.text[span[1]:sent.end_char]).replace("\n", " ")


def report_lost(matches: list[Match], golds: list[Gold], threshold: float,
                rows: int = 15) -> None:
    """Each gold event whose trigger is matched but rejected or kept at another type: the
    match's row, P(event) and sentence; first the features that pushed the rejected ones
    down (``pushed_down``, the top ``rows``)."""
    print("  rejected gold triggers, pushed down by: summed weight, gold triggers / rejected "
          "non-events / kept gold triggers with it")
    for f, w, n, others, right in pushed_down(matches, golds, threshold)[:rows]:
        print(f"    {f:40} {w:7.2f} {n:4} / {others:4} / {right:4}")
    kept, _ = outcomes(matches, golds, threshold)
    for _art, typ, words, idx in golds:
        if not idx or any(kept[j] and matches[j].type == typ for j in idx):
            continue
        if all(matches[j].rule_drop for j in idx):
            continue
        m = matches[idx[0]]
        what = "wrong_type" if any(kept[j] for j in idx) else "rejected"
        print(f"  {what}\t{typ}\t{m.row}\t{m.p_event:.2f}\t{m.kind}\t{words}\t{m.sentence}")


def report_missed(split: str, missed: list[Missed], listing: bool) -> None:
    """The gold triggers with no lexicon match by kind (``listing``: each in its sentence)."""
    by_kind = Counter(m.kind for m in missed)
    print(f"{split}: {len(missed)} gold triggers with no lexicon match, by kind")
    for kind in MISS_KINDS:
        print(f"    {kind:16} {by_kind[kind]:4}")
    if listing:
        for m in sorted(missed, key=lambda m: (MISS_KINDS.index(m.kind), m.detail)):
            print(f"  missed\t{m.kind}\t{m.type}\t{m.detail}\t{m.sentence}")


def article_matches(art: str, text: str, gold: dict[str, Any], doc: Any, lookup: Any,
                    parties: Any) -> tuple[list[tuple[tuple[int, int], Match]],
                                           list[tuple[tuple[int, int], str, str]]]:
    """The lexicon matches of one article (span, match) in text order, and its gold events
    (trigger span in the analysed text, type, words)."""
    from warta.eval import scoring
    from warta.extract import events

    back = scoring.offset_map(text, doc.text)
    spans = []
    readings: list[str] = []
    for e in gold.get("events", []):
        s, t = back(e["trigger"][0]), back(e["trigger"][1])
        spans.append(((s if s is not None else -1, t if t is not None else -1), e["type"],
                      text[e["trigger"][0]:e["trigger"][1]]))
        readings.append(_reading(e.get("modality") or "asserted", bool(e.get("negated"))))
    seen: dict[tuple[int, int], Match] = {}
    reference = events.reference_date(doc, events.article_date(doc))

    def record(trigger: Any, form: Any, feats: list[str], why: str | None, kind: str) -> None:
        key = (trigger.start_char, trigger.end_char)
        types = tuple(typ for span, typ, _ in spans if _overlaps(span, key))
        sent = trigger.sent
        marked = (doc.text[sent.start_char:key[0]] + "[" + trigger.text + "]"
                  + doc.text[key[1]:sent.end_char]).replace("\n", " ")
        seen[key] = Match(art, trigger.text, f"{form.entry.lemma}/{form.entry.type}",
                          form.entry.type, feats, why, kind, types, marked,
                          gold_readings=tuple(r for (span, _, _), r in zip(spans, readings,
                                                                           strict=True)
                                              if _overlaps(span, key)))

    def observe(trigger: Any, form: Any, sent: Any, cands: list[Any]) -> None:
        record(trigger, form, sorted(events.trigger_features(doc, trigger, form, sent, cands)),
               None, kind_of(doc, trigger, form, sent))
        modality = events.dated_modality(events.modality_of(doc, trigger, sent),
                                         events.date_of(doc, trigger, sent), reference)
        seen[(trigger.start_char, trigger.end_char)].reading = _reading(
            modality, events.is_negated(doc, trigger, sent))

    def dropped(trigger: Any, form: Any, why: str) -> None:
        if why in _RULE_DROPS:
            record(trigger, form, [], why, "rule")

    events.candidates(doc, lookup=lookup, parties=parties, observe=observe, dropped=dropped)
    return list(seen.items()), spans


def _fit(matches: list[Match], seed: int, c: float) -> Any:
    from warta.extract.event_parties import TRIGGER_LABELS, LinearModel
    from warta.train.event_parties import TRIGGER_THRESHOLD, fit_linear

    data = [(m.features, "event" if m.gold_types else "none") for m in matches
            if m.rule_drop is None]
    return LinearModel.from_json(fit_linear(data, TRIGGER_LABELS, seed=seed,
                                            threshold=TRIGGER_THRESHOLD, c=c), TRIGGER_LABELS)


PUSHED = 4  # the lowest-weighted features kept per match (``pushed_down``)


def _decide(m: Match, model: Any) -> None:
    """A match's P(event) under ``model``, and the features that pulled it down most."""
    m.p_event = model.probabilities(m.features)["event"]
    row, vocabulary = model.weights[0], model.vocabulary
    weights = sorted((row[vocabulary[f]], f) for f in m.features if f in vocabulary)
    m.pushed = tuple((f, w) for w, f in weights[:PUSHED] if w < 0)


def score_out_of_fold(matches: list[Match], folds: int, seed: int, c: float) -> None:
    """P(event) of each match from a trigger model fit on the other folds' articles."""
    arts = sorted({m.article for m in matches})
    random.Random(seed).shuffle(arts)
    fold_of = {a: k % folds for k, a in enumerate(arts)}
    for k in range(folds):
        model = _fit([m for m in matches if fold_of[m.article] != k], seed, c)
        for m in matches:
            if m.rule_drop is None and fold_of[m.article] == k:
                _decide(m, model)


def score_with(matches: list[Match], model: Any) -> None:
    for m in matches:
        if m.rule_drop is None and model is not None:
            _decide(m, model)


def pushed_down(matches: list[Match], golds: list[Gold], threshold: float
                ) -> list[tuple[str, float, int, int, int]]:
    """What kept the gold triggers the decision rejects under ``threshold``: each feature among
    their lowest-weighted ones (``Match.pushed``) with its summed weight over those gold
    triggers and in how many of them it stands, then how many of the rejected matches on no
    gold trigger and of the kept matches on one carry it (a feature the rejected non-events
    carry as often is what the decision rightly reads, not a gap); the heaviest first."""
    kept, _ = outcomes(matches, golds, threshold)
    lost = []
    for _art, _typ, _words, idx in golds:
        first = next((matches[j] for j in idx if matches[j].rule_drop is None), None)
        if first is not None and not any(kept[j] for j in idx):
            lost.append(first)
    total: dict[str, float] = {}
    count: Counter[str] = Counter()
    for m in lost:
        for f, w in m.pushed:
            total[f] = total.get(f, 0.0) + w
            count[f] += 1
    others = [m for m, k in zip(matches, kept, strict=True)
              if not k and m.rule_drop is None and not m.gold_types]
    right = [m for m, k in zip(matches, kept, strict=True) if k and m.gold_types]
    return [(f, round(w, 2), count[f], sum(f in m.features for m in others),
             sum(f in m.features for m in right))
            for f, w in sorted(total.items(), key=lambda x: (x[1], x[0]))]


def outcomes(matches: list[Match], golds: list[tuple[str, str, str, list[int]]],
             threshold: float) -> tuple[list[bool], Counter[str]]:
    """Which matches are kept at ``threshold``, and each gold event's outcome."""
    kept = [m.rule_drop is None and m.p_event >= threshold for m in matches]
    outcome: Counter[str] = Counter()
    for _art, typ, _words, idx in golds:
        if not idx:
            outcome["no_match"] += 1
        elif any(kept[j] and matches[j].type == typ for j in idx):
            outcome["right_type"] += 1
        elif any(kept[j] for j in idx):
            outcome["wrong_type"] += 1
        elif all(matches[j].rule_drop for j in idx):
            outcome["blocked"] += 1
        else:
            outcome["rejected"] += 1
    return kept, outcome


def trigger_f1(matches: list[Match], golds: list[tuple[str, str, str, list[int]]],
               threshold: float) -> tuple[float, float, float]:
    """(P, R, F1) of the triggers alone: P the share of kept matches on a gold trigger, R the
    share of gold events kept at their type."""
    kept, outcome = outcomes(matches, golds, threshold)
    n = sum(kept)
    p = sum(1 for m, k in zip(matches, kept, strict=True) if k and m.gold_types) / max(n, 1)
    r = outcome["right_type"] / max(len(golds), 1)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def report(split: str, matches: list[Match], golds: list[tuple[str, str, str, list[int]]],
           threshold: float, rows: int, listing: bool = False) -> None:
    """Print the gold events' outcome and the spurious triggers by row and kind (``listing``:
    and each spurious trigger in its sentence, the most likely first)."""
    kept, outcome = outcomes(matches, golds, threshold)
    sweep = "  ".join("{}: P {:.3f} R {:.3f} F1 {:.3f}".format(t, *trigger_f1(matches, golds, t))
                      for t in SWEEP)
    spurious = [m for m, k in zip(matches, kept, strict=True) if k and not m.gold_types]
    true = [m for m, k in zip(matches, kept, strict=True) if k and m.gold_types]
    print(f"{split}: {len(golds)} gold events, {len(matches)} lexicon matches, "
          f"{sum(kept)} kept ({len(true)} on a gold trigger, {len(spurious)} spurious), "
          f"threshold {threshold}")
    print(f"  trigger P/R/F1 by threshold: {sweep}")
    for name in ("no_match", "blocked", "rejected", "wrong_type", "right_type"):
        print(f"  gold {name:12} {outcome[name]:4}  {outcome[name] / max(len(golds), 1):.1%}")
    by_kind = Counter(m.kind for m in spurious)
    true_kind = Counter(m.kind for m in true)
    print("  kept matches by kind: spurious / on a gold trigger")
    for kind in KINDS:
        print(f"    {kind:16} {by_kind[kind]:4} / {true_kind[kind]:4}")
    print(f"  spurious by lexicon row (top {rows}): spurious / on a gold trigger")
    true_row = Counter(m.row for m in true)
    for row, n in Counter(m.row for m in spurious).most_common(rows):
        print(f"    {row:32} {n:4} / {true_row[row]:4}")
    readings = Counter((m.gold_readings[0], m.reading) for m in true)
    right = sum(n for (g, w), n in readings.items() if g == w)
    print(f"  modality and negation of the kept matches on a gold trigger: {right} of "
          f"{len(true)} as the gold's; (gold, warta) otherwise:")
    for (g, w), n in readings.most_common():
        if g != w:
            print(f"    {g:24} {w:24} {n:4}")
    if listing:
        for m in sorted(spurious, key=lambda m: -m.p_event):
            print(f"  spurious\t{m.p_event:.2f}\t{m.kind}\t{m.row}\t{m.sentence}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("splits", nargs="+")
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--rows", type=int, default=15)
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--list", action="store_true", help="print every spurious trigger")
    parser.add_argument("--missed", action="store_true",
                        help="print every gold trigger with no lexicon match, by kind")
    parser.add_argument("--c", type=float, default=None, help="refit's C")
    parser.add_argument("--refit", action="store_true",
                        help="dev: a model refit on all of train decides, not the shipped one")
    parser.add_argument("--without", default="",
                        help="drop the features containing this string (ablation)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    bad = [s for s in args.splits if s not in ("train", "dev", "dev2")]
    if bad:
        print(f"trigger_audit: split {bad[0]!r} refused: only train, dev and dev2 are looked at "
              "while tuning", file=sys.stderr)
        return 2
    from warta.extract import event_parties
    from warta.nlp.pipeline import build

    nlp, parties = build(), event_parties.load_model()
    if parties is None or parties.triggers is None:
        print("trigger_audit: no shipped trigger model (models/decisions/event_parties.json)",
              file=sys.stderr)
        return 1
    from warta.train.event_parties import TRIGGER_C

    c = TRIGGER_C if args.c is None else args.c
    no_gate = event_parties.PartyModel(parties.parties, None)  # every match reaches observe
    threshold = parties.triggers.threshold if args.threshold is None else args.threshold
    collected = {}
    missed: dict[str, list[Missed]] = {}
    for split in sorted(set(args.splits) | ({"train"} if args.refit else set()), reverse=True):
        collected[split] = collect(split, args.data_dir, nlp, no_gate,
                                   missed.setdefault(split, []))
        if args.without:
            for m in collected[split][0]:
                m.features = [f for f in m.features if args.without not in f]
    for split in args.splits:
        matches, golds = collected[split]
        if split == "train":
            score_out_of_fold(matches, args.folds, args.seed, c)
            label = "train (out of fold)"
        elif args.refit:
            score_with(matches, _fit(collected["train"][0], args.seed, c))
            label = "dev (refit on train)"
        else:
            score_with(matches, parties.triggers)
            label = "dev (shipped model)"
        report(label, matches, golds, threshold, args.rows, args.list)
        report_missed(split, missed[split], args.missed)
        if args.missed:
            report_lost(matches, golds, threshold, args.rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
