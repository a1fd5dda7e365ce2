"""Where quote attribution loses each gold quote, on train by cross-validation: counts by kind.

    python scripts/quote_speakers_diag.py train [dev] [--data-dir ../shared/data] [--folds 5]
                                          [--seed 0] [--seeds 0,1,2,3,4] [--show KIND]
                                          [--model FILE] [--corpus detik|indosum]

``train`` is scored honestly: its articles are cut into ``--folds`` seeded folds, the speaker
model is fit (``warta.train.quote_speakers.fit_model``) on the quotes of the other folds and
picks the speakers of the held-out fold (the threshold of the shipped model, or of ``--model``).
``dev`` is scored with the shipped model (or ``--model``). Every gold quote is followed through
the scorer's own alignment (``scoring.score_quotes``: spans overlapping by half the shorter,
actors by ``scoring.match_actors``), and each error is counted by kind:

- ``span missed``: by the gold's form: ``multi-paragraph`` (the span crosses a paragraph),
  ``indirect bahwa`` (a reported clause opened by *bahwa*), ``indirect`` (without *bahwa*),
  ``no marks`` (direct or partial but no quote mark around it), ``direct`` / ``partial``;
- ``speaker wrong`` / ``speaker missing``: by the gold cue (``kata``, ``ujar``, ``-nya``,
  ``menurut``, ``colon``, ``verb``, ``none``) and whether it stands before or after the span; by
  the speaker phrase warta read (``pronoun``, ``-nya``, ``apposition`` "kuasa hukum X, Y",
  ``title only`` (no name in it), ``name``, ``none``); and by why the right actor was not picked:
  ``no warta actor`` (the actors stage has no actor the scorer matches to the gold speaker),
  ``split actor`` (the pick shares a name word with the gold speaker: one person, two actors),
  ``not a candidate`` (with where the gold speaker's actor is named: ``same sentence``,
  ``previous paragraph`` ...), ``ranked below`` (a candidate, another scored higher) or
  ``under threshold``; and both together under ``speaker error kind``, one kind per error
  (``error_kind``: the cause a fix would address, e.g. ``follows a wrong last speaker``);
- ``spurious``: by the predicted quote's kind.

``--seeds 0,1,2,3,4`` also prints train's attributed quotes under each of several fold shuffles
(the articles analysed once): a change to the features is kept only when it rises beyond what
the shuffles alone move (issue 19, round 10: one shuffle moves it by some seven quotes).

``--show KIND`` prints the quotes counted under every key containing KIND. The test split is
refused: it is never looked at while tuning.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PRONOUNS = frozenset({"ia", "dia", "beliau", "mereka", "kami", "saya", "aku", "kita"})


@dataclass
class Article:
    """One analysed corpus article, read once for every fold."""

    text: str  # the annotated text
    gold: dict[str, Any]
    doc: Any
    examples: list[Any]  # the trainer's labelled quotes (rules' pick as the last speaker)


def load(split: str, data: Path, nlp: Any, corpus: str | None = None) -> list[Article]:
    """Every article of a split with gold (of the corpora named ``corpus…``), analysed by the
    shipped pipeline."""
    from warta.train.quote_speakers import doc_examples, documents

    return [Article(text, gold, doc, doc_examples(doc, text, gold))
            for text, gold, doc in documents(split, data, nlp, corpus=corpus)]


def cue_kind(cue: str) -> str:
    """The gold cue in one word."""
    low = cue.lower().strip()
    if not low:
        return "none"
    if low.startswith("menurut"):
        return "menurut"
    if low in (":",) or low.endswith(":"):
        return "colon"
    if low.endswith("nya"):
        return "-nya"
    if low.startswith("kata"):
        return "kata"
    if "ujar" in low:
        return "ujar"
    return "verb"


def speaker_form(speaker_text: str | None, cue_text: str | None, has_person: bool) -> str:
    """The speaker phrase warta read, in one word."""
    if speaker_text is None:
        return "none"
    low = speaker_text.lower().strip()
    if low in PRONOUNS:
        return "pronoun"
    if low in ("nya", "-nya") or ((cue_text or "").lower().endswith("nya") and not has_person):
        return "-nya"
    if "," in speaker_text and has_person:
        return "apposition"
    return "name" if has_person else "title only"


def span_form(text: str, span: tuple[int, int], kind: str | None) -> str:
    """The form of a gold quote the rules missed."""
    inside = text[span[0]:span[1]]
    if "\n" in inside:
        return "multi-paragraph"
    if kind == "indirect":
        before = text[max(0, span[0] - 8):span[0]].lower()
        return "indirect bahwa" if inside.lower().startswith("bahwa") or "bahwa" in before \
            else "indirect"
    near = text[max(0, span[0] - 2):span[0]] + text[span[1]:span[1] + 2]
    return (kind or "direct") if re.search(r"[\"“”'‘’]", near) else "no marks"


def where_named(doc: Any, actor: str, at: int) -> str:
    """Where the gold speaker's actor is named, relative to a quote starting at token ``at``."""
    from warta.extract.quote_view import make_view, sentence_bounds
    from warta.nlp.extensions import span_actor

    v = make_view(doc)
    spans = [e for e in v.ents if span_actor(e) == actor]
    if not spans:
        return "headline only"
    lo, hi = sentence_bounds(v, at)
    para = v.para_of[at]
    if any(lo <= e.start < hi for e in spans):
        return "same sentence"
    if any(v.para_of[e.start] == para for e in spans):
        return "same paragraph"
    if any(v.para_of[e.start] == para - 1 for e in spans):
        return "previous paragraph"
    return "earlier" if any(e.start < at for e in spans) else "later"


def _words(names: Any) -> set[str]:
    return {w for n in names for w in n.split() if len(w) > 2}


def _speaker_error(a: Article, q: Any, choice: Any, gold_speaker: str | None,
                   truth: Any, pred_actors: dict[str, Any], actor_map: dict[str, str],
                   model: Any) -> str:
    """Why the right actor was not picked for one matched quote."""
    if gold_speaker is None:
        return "gold names no one"
    back = {g: p for p, g in actor_map.items()}
    mine = back.get(gold_speaker)
    gold_names = next(x.names for x in truth.actors if x.id == gold_speaker)
    if q.speaker and q.speaker in pred_actors and q.speaker not in actor_map \
            and _words(pred_actors[q.speaker].names) & _words(gold_names):
        return f"split actor ({q.speaker} for {mine})"
    if mine is None:
        return "no warta actor"
    feats = choice.features if choice is not None else {}
    if mine not in feats:
        return f"not a candidate / {where_named(a.doc, mine, q.content.start)}"
    if q.speaker is None:
        return "under threshold"
    if model is not None and model.probability(feats[mine]) < model.threshold:
        return "ranked below (and under threshold)"
    return "ranked below"


def error_kind(why: str, form: str, follows_wrong: bool) -> str:
    """One kind per speaker error, the cause a fix would address: the gold or the actors
    stage (no one named, no actor, one person as two actors), an error inherited from a wrong
    last speaker, a pronoun or ``-nya`` sent to the wrong antecedent, an apposition or "role
    of X", a quote without a frame of its own, a speaker named only after the quote, or a named
    speaker that is no candidate or is ranked below another."""
    if why.startswith(("gold names no one", "no warta actor")):
        return why
    if why.startswith("split actor"):
        return "one person as two actors"
    if follows_wrong and form in ("pronoun", "-nya", "none"):
        return "follows a wrong last speaker"
    if form in ("pronoun", "-nya"):
        return "pronoun or -nya to the wrong antecedent"
    if form == "apposition":
        return "apposition or role of X"
    if form == "none":
        return "no frame (continuing quote)"
    if why.startswith("not a candidate"):
        return "named only after the quote" if why.endswith("later") else "not a candidate"
    return "ranked below"


def diagnose(a: Article, model: Any, show: str | None = None) -> Counter[str]:
    """The counts of one article with the speakers ``model`` picks."""
    from warta.eval import scoring
    from warta.extract.quote_speakers import Choice
    from warta.extract.quotes import extract_quotes

    choices: list[Choice] = []
    quotes = extract_quotes(a.doc, speaker_model=model, choices=choices)
    by_span = {(c.content.start, c.content.end): c for c in choices}
    to_gold = scoring.offset_map(a.doc.text, a.text)
    truth = scoring.from_gold(a.gold, a.text)
    pred_actors = {x.id: scoring.Actor(x.id, scoring._names([x.name], x.aliases), x.type,
                                       x.country) for x in a.doc._.actors or []}
    actor_map = scoring.match_actors(truth.actors, list(pred_actors.values()))
    mapped = []
    for q in quotes:
        start, end = to_gold(q.content.start_char), to_gold(q.content.end_char)
        if start is not None and end is not None and end > start:
            mapped.append(((start, end), q))
    counts: Counter[str] = Counter()
    free = list(range(len(mapped)))
    last: tuple[str | None, bool] = (None, True)  # the last matched quote's pick, and if right
    for gq, graw in zip(truth.quotes, [g for g in a.gold.get("quotes", []) if g.get("span")],
                        strict=True):
        counts["gold quotes"] += 1
        hit = next((i for i in free if scoring._overlap(gq.span, mapped[i][0])), None)
        if hit is None:
            key = f"span missed / {span_form(a.text, gq.span, gq.kind)}"
            counts[key] += 1
            cue = a.text[graw["cue"][0]:graw["cue"][1]] if graw.get("cue") else ""
            _show(show, key, f"cue {cue!r}: {a.text[max(0, gq.span[0] - 80):gq.span[0]]!r} "
                             f"[{a.text[gq.span[0]:gq.span[1]]}]")
            continue
        free.remove(hit)
        q = mapped[hit][1]
        right = (actor_map.get(q.speaker) if q.speaker else None) == gq.speaker
        follows_wrong = not last[1] and q.speaker is not None and q.speaker == last[0]
        last = (q.speaker, right)
        if right:
            counts["attributed"] += 1
            continue
        kind = "speaker missing" if q.speaker is None else "speaker wrong"
        cue = a.text[graw["cue"][0]:graw["cue"][1]] if graw.get("cue") else ""
        side = "" if not graw.get("cue") else (" before" if graw["cue"][0] < gq.span[0]
                                               else " after")
        has_person = q.speaker_span is not None and any(
            e.label_ in ("PERSON", "PER") and q.speaker_span.start <= e.start
            < q.speaker_span.end for e in a.doc.ents)
        form = speaker_form(q.speaker_span.text if q.speaker_span is not None else None,
                            q.cue.text if q.cue is not None else None, has_person)
        why = _speaker_error(a, q, by_span.get((q.content.start, q.content.end)), gq.speaker,
                             truth, pred_actors, actor_map, model)
        sort = error_kind(why, form, follows_wrong)
        for key in (f"{kind}", f"{kind} / cue {cue_kind(cue)}{side}",
                    f"{kind} / speaker {form}", f"{kind} / why {why}",
                    f"speaker error kind / {sort}"):
            counts[key] += 1
        _show(show, f"{kind} / cue {cue_kind(cue)}{side} / speaker {form} / why {why} "
                    f"/ kind {sort}",
              f"{a.text[max(0, gq.span[0] - 60):gq.span[1] + 60]!r} -> {q.speaker} "
              f"(gold {gq.speaker}, cue {cue!r}, phrase "
              f"{q.speaker_span.text if q.speaker_span is not None else None!r})")
    for i in free:
        key = f"spurious / {mapped[i][1].kind}"
        counts[key] += 1
        cue = mapped[i][1].cue
        lo, hi = mapped[i][0]
        _show(show, key, f"cue {cue.text if cue is not None else None!r}: "
                         f"{a.text[max(0, lo - 80):lo]!r} [{a.text[lo:hi]}]")
    return counts


def _show(show: str | None, key: str, text: str) -> None:
    if show and show in key:
        print(f"    [{key}] {text[:400]}")


def folds(n: int, k: int, seed: int) -> list[int]:
    """The fold of each of ``n`` articles: a seeded shuffle dealt round."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    out = [0] * n
    for rank, i in enumerate(order):
        out[i] = rank % k
    return out


def cross_validated(articles: list[Article], k: int, seed: int, threshold: float,
                    show: str | None, rows: list[Counter[str]] | None = None) -> Counter[str]:
    """Every article scored by a model fit on the other folds' articles (``rows``, when
    given, collects each article's counts: the bootstrap resamples them)."""
    from warta.train.quote_speakers import fit_model

    fold = folds(len(articles), k, seed)
    counts: Counter[str] = Counter()
    for f in range(k):
        train = [ex for a, g in zip(articles, fold, strict=True) if g != f for ex in a.examples]
        model = fit_model(train, seed=seed, threshold=threshold)
        for a, g in zip(articles, fold, strict=True):
            if g == f:
                one = diagnose(a, model, show)
                counts.update(one)
                if rows is not None:
                    rows.append(one)
    return counts


def seed_spread(articles: list[Article], k: int, seeds: list[int],
                threshold: float) -> dict[int, int]:
    """Train's attributed quotes under each fold shuffle: the noise a change must beat."""
    return {seed: cross_validated(articles, k, seed, threshold, None)["attributed"]
            for seed in seeds}


def _seed_list(text: str) -> list[int]:
    """'0,1,2' → [0, 1, 2] (argparse type: a bad list is a usage error, not a traceback)."""
    try:
        return [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of seeds: {text!r}") \
            from None


def _figures(counts: Counter[str]) -> dict[str, int]:
    """The scorer's tp/gold/pred of some counts (pred: spans found plus spurious quotes)."""
    gold = counts["gold quotes"]
    pred = gold - sum(v for k, v in counts.items() if k.startswith("span missed /")) \
        + sum(v for k, v in counts.items() if k.startswith("spurious /"))
    return {"tp": counts["attributed"], "gold": gold, "pred": pred}


def f1_interval(rows: list[Counter[str]]) -> list[float]:
    """The 95 % bootstrap interval of F1 over articles, as ``warta eval`` gives it (same
    resamples and seed), so a train-CV change can be read against its noise."""
    from warta.eval import scoring

    figures = [_figures(r) for r in rows]

    def f1(sample: Any) -> float:
        return scoring.prf(sum(x["tp"] for x in sample), sum(x["gold"] for x in sample),
                           sum(x["pred"] for x in sample))[2]

    return scoring.interval(figures, f1)


def report(split: str, counts: Counter[str], rows: list[Counter[str]] | None = None) -> None:
    fig = _figures(counts)
    tp, gold, pred = fig["tp"], fig["gold"], fig["pred"]
    p, r = tp / pred if pred else 0.0, tp / gold if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    ci = f" {f1_interval(rows)}" if rows else ""
    print(f"{split}: F1 {f1:.4f}{ci} (P {p:.4f}, R {r:.4f}; {tp} of {gold} gold, "
          f"{pred} predicted)")
    for key in sorted(counts):
        print(f"  {key:64} {counts[key]:5}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("splits", nargs="+", choices=("train", "dev", "dev2"))
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seeds", type=_seed_list, default=None,
                        help="train: also the attributed quotes under each of these fold "
                             "seeds, comma-separated")
    parser.add_argument("--model", type=Path, default=None,
                        help="speaker model file (default: the shipped one)")
    parser.add_argument("--show", default=None, help="print the quotes of keys containing this")
    parser.add_argument("--corpus", default=None,
                        help="only the articles of the source corpora whose name starts with "
                             "this (dev: 'detik' or 'indosum'; train is IndoSum only)")
    args = parser.parse_args(argv)
    from warta.extract.speaker_model import load_speaker_model
    from warta.nlp.pipeline import build

    nlp = build()
    shipped = load_speaker_model(args.model)
    threshold = shipped.threshold if shipped is not None else 0.5
    for split in args.splits:
        articles = load(split, args.data_dir, nlp, args.corpus)
        rows: list[Counter[str]] = []
        if split == "train":
            counts = cross_validated(articles, args.folds, args.seed, threshold, args.show,
                                     rows)
            if args.seeds:
                spread = seed_spread(articles, args.folds, args.seeds, threshold)
                mean = sum(spread.values()) / len(spread)
                print("train attributed by fold seed: "
                      + ", ".join(f"{k} {v}" for k, v in spread.items()) + f"; mean {mean:.1f}")
        else:
            rows = [diagnose(a, shipped, args.show) for a in articles]
            counts = sum(rows, Counter())
        report(split, counts, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
