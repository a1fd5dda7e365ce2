"""INTERNAL EXPERIMENT, nothing it writes ships: would annotated news of dev's Detik 2025 kind
help the decision models, and by more than noise?

    python scripts/in_domain_experiment.py [--data-dir ../shared/data] [--out training/in_domain]
        [--seed 20261205] [--more-splits N] [--controls N] [--train-seed 0]
        [--speaker-threshold T] [--decisions] [--report-only]

Why: the three decision models (actor_class → quote_speakers → event_parties) are trained on the
corpus's train split (126 IndoSum 2017 articles); test's Detik 2025 articles score below dev's,
and train-CV gains have not carried to Detik. Whether more news of the Detik kind would move them is
measured here by cross-fitting on dev's Detik articles. Detik has no licence: its articles may
be used for internal experiments only (its README), so the models this script trains stay under
``--out`` (``/training/`` is git-ignored) and must never be committed or shipped.

Design, seeded and stated:

- dev's Detik articles, sorted by id and shuffled by ``random.Random(seed)``, are cut into
  halves H1 (first 15) and H2 (the rest);
- arms, each the whole chain retrained in order, every later model reading the earlier models'
  decisions through the pipeline as ``warta train extract`` trains it: ``a`` train only (the
  shipped recipe), ``b1`` train + H1 (scored on H2), ``b2`` train + H2 (scored on H1), and the
  size control ``c0``, ``c1``… train less 15 IndoSum train articles (a seeded sample each);
- the quote speaker model's threshold, chosen on dev by the shipped recipe, is chosen here on
  dev's 17 IndoSum articles in every arm, so no arm's threshold sees a Detik article;
- every arm is scored with ``warta eval``'s scorers per article on dev's Detik articles it was
  not trained on; ``b`` pools b1 on H2 with b2 on H1 (each article scored by a model that never
  saw it); (b) − (a) and (c) − (a) get paired bootstrap intervals over articles (the scorer's
  1000 resamples and seed); ``--more-splits`` repeats the halving with other seeds and gives
  the mean (b) − (a) over the halvings;
- ``--decisions`` also judges each model on its own decisions, on the held-out candidates read
  through arm ``a``'s pipeline (actor keep and type, speaker pick, trigger gate, exact source
  and target pairs): finer than the layer figures, and each model apart from the others.

An arm is skipped when its ``scores.json`` exists (runs resume; ``--report-only`` trains nothing).

The corpus the trainers read is a rewritten ``articles.jsonl`` in a folder of its own (its
``train`` split is the arm's training articles, ``dev`` dev's IndoSum articles; gold files
linked), put in place of ``warta.eval.corpus.corpus_dir``; the test split and dev2 are never
listed in it.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pickle
import random
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from warta.eval import corpus as corpus_mod
from warta.eval import scoring
from warta.extract.speaker_model import SpeakerModel

HALF = 15
DETIK = "detik"
ROWS = dict[str, dict[str, Any]]  # article id -> the scorer's per-layer row
STATS: dict[str, tuple[str, Callable[[Sequence[dict[str, Any]]], float]]] = {
    "actors found": ("actors", scoring._prf_stat(1)),
    "actors F1": ("actors", scoring._prf_stat(2)),
    "right country": ("actors", scoring._ratio("country_ok", "tp")),
    "quotes F1": ("quotes", scoring._prf_stat(2)),
    "events F1": ("events", scoring._prf_stat(2)),
}


def halves(seed: int, root: Path | None = None) -> tuple[list[str], list[str]]:
    """Dev's Detik articles, sorted by id, shuffled by ``seed``: (first 15, the rest), sorted."""
    detik = sorted(a.id for a in corpus_mod.load_articles(["dev"], root=root)
                   if a.corpus.startswith(DETIK))
    random.Random(seed).shuffle(detik)
    return sorted(detik[:HALF]), sorted(detik[HALF:])


def plan(seed: int, split_seeds: Sequence[int], controls: int
         ) -> tuple[dict[int, tuple[list[str], list[str]]], dict[str, dict[str, Any]]]:
    """The halves per split seed and each arm's training ids and scored articles: ``a``, then
    ``b1@S`` / ``b2@S`` per split seed S, then the controls ``c0``… (seeds ``seed`` + 1 + k)."""
    train = sorted(a.id for a in corpus_mod.load_articles(["train"]))
    split = {s: halves(s) for s in split_seeds}
    detik = sorted(split[split_seeds[0]][0] + split[split_seeds[0]][1])
    arms: dict[str, dict[str, Any]] = {"a": {"train": train, "scored": detik}}
    for s, (h1, h2) in split.items():
        arms[f"b1@{s}"] = {"train": train + h1, "scored": h2}
        arms[f"b2@{s}"] = {"train": train + h2, "scored": h1}
    for k in range(controls):
        dropped = set(random.Random(seed + 1 + k).sample(train, HALF))
        arms[f"c{k}"] = {"train": [t for t in train if t not in dropped],
                         "scored": detik, "dropped": sorted(dropped)}
    return split, arms


def write_root(folder: Path, train_ids: Sequence[str], scored: Sequence[str],
               source: Path | None = None) -> Path:
    """A corpus folder whose ``train`` split is ``train_ids``, ``dev`` dev's IndoSum articles,
    ``heldout`` the articles scored (all from ``source``, default the shipped corpus); only
    their gold files are linked in."""
    real = source or corpus_mod.corpus_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gold").mkdir(exist_ok=True)
    rows = []
    for line in (real / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line) if line.strip() else None
        if row is None or row["split"] not in {"train", "dev"}:
            continue  # test and dev2 are never listed
        if row["id"] in train_ids:
            row["split"] = "train"
        elif row["id"] in scored:
            row["split"] = "heldout"
        elif row["split"] == "dev" and not row["corpus"].startswith(DETIK):
            row["split"] = "dev"
        else:
            continue
        rows.append(row)
        link = folder / "gold" / f"{row['id']}.json"
        if not link.exists():
            link.symlink_to(real / "gold" / f"{row['id']}.json")
    (folder / "articles.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return folder


@contextmanager
def corpus_at(root: Path, actor_model: Path | str) -> Iterator[None]:
    """The trainers read ``root`` as the corpus, and the actors stage ``actor_model``."""
    from warta.resolve.actor_model import MODEL_ENV

    before, env = corpus_mod.corpus_dir, os.environ.get(MODEL_ENV)
    corpus_mod.corpus_dir = lambda: root
    os.environ[MODEL_ENV] = str(actor_model)
    try:
        yield
    finally:
        corpus_mod.corpus_dir = before
        if env is None:
            os.environ.pop(MODEL_ENV, None)
        else:
            os.environ[MODEL_ENV] = env


def train_chain(root: Path, out: Path, data: Path, seed: int,
                threshold: float | None = None) -> dict[str, Any]:
    """The three models fit in order on ``root``'s train split, written under ``out``; the
    speaker model's threshold is ``threshold`` when given, else chosen on ``root``'s dev."""
    from warta.nlp.pipeline import build
    from warta.train import actor_class, event_parties, quote_speakers

    out.mkdir(parents=True, exist_ok=True)
    actor, speaker, parties = (out / f for f in ("actor_class.json", "quote_speakers.json",
                                                 "event_parties.json"))
    info: dict[str, Any] = {}
    with corpus_at(root, "none"):  # the rules alone propose, as ``actor_class.fit`` does
        rows = actor_class.training_set("train", data, seed=seed)
    actor_class.write_model(actor_class.fit_model(rows, seed=seed), actor)
    info["actor_candidates"] = len(rows.keep)
    with corpus_at(root, actor):
        train = quote_speakers.collect("train", data)
        random.Random(seed).shuffle(train)  # as ``quote_speakers.fit`` orders them
        examples = [ex for article in train for ex in article]
        dev = [ex for article in quote_speakers.collect("dev", data) for ex in article]
        model = quote_speakers.fit_model(examples, seed=seed)
        model = (quote_speakers.choose_threshold(model, dev) if threshold is None
                 else SpeakerModel(model.weights, model.bias, threshold))
        speaker.write_text(json.dumps(model.to_json(), indent=1, ensure_ascii=False) + "\n",
                           encoding="utf-8")
        info.update(train_quotes=len(examples), speaker_threshold=model.threshold)
        nlp = build(stage_config={"events": {"parties_model": "none"},
                                  "quotes": {"speaker_model": str(speaker)}})
        groups: list[event_parties.Group] = []
        for article, text, gold, doc in event_parties._articles("train", data, nlp):
            groups.extend(event_parties.trigger_groups(text, gold, doc, article))
        chosen = event_parties.choose_by_cv(groups, seed=seed, cs=(None,))
        model_json = event_parties.fit_model(
            event_parties.parties_of(groups), [g.trigger for g in groups], seed=seed,
            c=chosen.c, none_bias=chosen.none_bias, emit_bias=chosen.emit_bias)
        parties.write_text(json.dumps(model_json, sort_keys=True, separators=(",", ":"))
                           + "\n", encoding="utf-8")
        info.update(triggers=len(groups), none_bias=list(chosen.none_bias),
                    cv_events_f1=chosen.f1)
    return info


def score(root: Path, out: Path, data: Path) -> ROWS:
    """The scorer's per-article rows of ``root``'s heldout articles, with ``out``'s models."""
    from warta.eval.gold import predict
    from warta.nlp.pipeline import build
    from warta.settings import load_settings

    settings = load_settings()
    rows: ROWS = {}
    with corpus_at(root, out / "actor_class.json"):
        nlp = build(stage_config={
            "quotes": {"speaker_model": str(out / "quote_speakers.json")},
            "events": {"parties_model": str(out / "event_parties.json")}})
        for art, text, gold, why in corpus_mod.iter_documents(["heldout"], data):
            if text is None or gold is None:
                raise SystemExit(f"{art.id}: {why}")
            record = predict(nlp, settings, art, text, data)
            rows[art.id] = scoring.score_article(scoring.from_gold(gold, text),
                                                 scoring.from_record(record, text))
    return rows


def paired(bases: Sequence[ROWS], news: Sequence[ROWS], ids: Sequence[str], layer: str,
           stat: Callable[[Sequence[dict[str, Any]]], float]) -> dict[str, Any]:
    """new − base on ``ids`` (each the mean over its arms: e.g. one per split seed) with a
    paired percentile bootstrap over articles (the scorer's resample count and seed), and the
    shares of resamples where new is higher, lower."""

    def mean(arms: Sequence[ROWS], pick: Sequence[str]) -> float:
        return sum(stat([arm[i][layer] for i in pick]) for arm in arms) / len(arms)

    def delta(pick: Sequence[str]) -> float:
        return mean(news, pick) - mean(bases, pick)

    rng = random.Random(scoring.SEED)
    n = scoring.BOOTSTRAP
    diffs = sorted(delta([ids[rng.randrange(len(ids))] for _ in ids]) for _ in range(n))
    return {"diff": round(delta(ids), 4), "ci": [round(diffs[int(0.025 * n)], 4),
                                                 round(diffs[min(n - 1, int(0.975 * n))], 4)],
            "up": round(sum(d > 0 for d in diffs) / n, 2),
            "down": round(sum(d < 0 for d in diffs) / n, 2)}


def diff_cell(d: dict[str, Any]) -> str:
    return (f"{d['diff']:+.3f} [{d['ci'][0]:+.3f}, {d['ci'][1]:+.3f}], "
            f"{d['up']:.2f} / {d['down']:.2f}")


def figure(rows: ROWS, ids: Sequence[str], layer: str,
           stat: Callable[[Sequence[dict[str, Any]]], float]) -> str:
    picked = [rows[i][layer] for i in ids]
    lo, hi = scoring.interval(picked, stat)
    return f"{stat(picked):.3f} [{lo:.3f}, {hi:.3f}]"


def report(split: dict[int, tuple[list[str], list[str]]], scores: dict[str, ROWS],
           stats: dict[str, tuple[str, Callable[[Sequence[dict[str, Any]]], float]]] = STATS,
           ) -> list[str]:
    """The tables: per figure, (a) and (b) on each half and pooled (first split seed), pooled
    for every other split seed and their mean; then the controls against (a)."""
    seeds = list(split)
    pooled = {s: {**{i: scores[f"b1@{s}"][i] for i in h2},
                  **{i: scores[f"b2@{s}"][i] for i in h1}} for s, (h1, h2) in split.items()}
    first = seeds[0]
    h1, h2 = split[first]
    both = sorted(h1 + h2)
    a = scores["a"]
    lines = ["| figure | Detik articles scored | (a) train | (b) train + the other half | "
             "(b) − (a) [paired 95 %], P(b > a) / P(b < a) |", "|---|---|---|---|---|"]
    for name, (layer, stat) in stats.items():
        sets = [(f"H1 ({first})", h1, scores[f"b2@{first}"]),
                (f"H2 ({first})", h2, scores[f"b1@{first}"])]
        sets += [(f"pooled 30 ({s})", both, pooled[s]) for s in seeds]
        for label, ids, new in sets:
            lines.append(f"| {name} | {label} | {figure(a, ids, layer, stat)} | "
                         f"{figure(new, ids, layer, stat)} | "
                         f"{diff_cell(paired([a], [new], ids, layer, stat))} |")
        if len(seeds) > 1:
            mean = paired([a], list(pooled.values()), both, layer, stat)
            lines.append(f"| {name} | mean of {len(seeds)} splits | {figure(a, both, layer, stat)}"
                         f" | | {diff_cell(mean)} |")
    controls = sorted(k for k in scores if k.startswith("c"))
    lines += ["", "| figure | (a) train, 30 Detik | (c) train less 15 IndoSum | "
              "(c) − (a) [paired 95 %], P(c > a) / P(c < a) |", "|---|---|---|---|"]
    for name, (layer, stat) in stats.items():
        for k in controls:
            lines.append(f"| {name} | {figure(a, both, layer, stat)} | {k}: "
                         f"{figure(scores[k], both, layer, stat)} | "
                         f"{diff_cell(paired([a], [scores[k]], both, layer, stat))} |")
    if controls:
        lines += ["", "| figure | mean (c) − (a) | mean (b) − mean (c): 15 Detik added against "
                  "15 IndoSum taken away, P(b > c) / P(b < c) |", "|---|---|---|"]
        cs, bs = [scores[k] for k in controls], list(pooled.values())
        for name, (layer, stat) in stats.items():
            lines.append(f"| {name} | {diff_cell(paired([a], cs, both, layer, stat))} | "
                         f"{diff_cell(paired(cs, bs, both, layer, stat))} |")
    return lines


DECISIONS: dict[str, tuple[str, Callable[[Sequence[dict[str, Any]]], float]]] = {
    "keep accuracy": ("keep", scoring._ratio("ok", "n")),
    "keep log-loss": ("keep", scoring._ratio("loss", "n")),
    "type accuracy": ("type", scoring._ratio("ok", "n")),
    "speaker accuracy": ("speaker", scoring._ratio("ok", "n")),
    "speaker log-loss": ("speaker_ll", scoring._ratio("loss", "n")),
    "trigger accuracy": ("trigger", scoring._ratio("ok", "n")),
    "exact events F1": ("parties", scoring._prf_stat(2)),
}


def _loss(p: float, label: bool) -> float:
    return -math.log(max(1e-9, p if label else 1.0 - p))


def decision_examples(root: Path, base: Path, data: Path) -> dict[str, Any]:
    """Each decision's labelled examples on ``root``'s heldout articles, by article, read
    through the pipeline of ``base``'s models (so each arm's model is judged on the same
    candidates, apart from what the models upstream of it decide)."""
    from warta.nlp.pipeline import build
    from warta.train import actor_class, event_parties, quote_speakers

    out: dict[str, Any] = {"actors": {}, "quotes": {}, "events": {}}
    with corpus_at(root, "none"):
        ids = [a.id for a in corpus_mod.load_articles(["heldout"])]
        for art, (doc, gold) in zip(ids, actor_class._docs("heldout", data, 1.0, 0),
                                    strict=True):
            rows = actor_class.TrainingSet()
            actor_class.article_rows(doc, gold, rows)
            out["actors"][art] = rows
    with corpus_at(root, base / "actor_class.json"):
        for art, examples in zip(ids, quote_speakers.collect("heldout", data), strict=True):
            out["quotes"][art] = examples
        nlp = build(stage_config={"events": {"parties_model": "none"},
                                  "quotes": {"speaker_model": str(base / "quote_speakers.json")}})
        for art, text, gold, doc in event_parties._articles("heldout", data, nlp):
            out["events"][art] = event_parties.trigger_groups(text, gold, doc, art)
    return out


def decision_rows(examples: dict[str, Any], models: Path, ids: Sequence[str]) -> ROWS:
    """Per article, how the models under ``models`` decide ``examples``: counts of right
    decisions and summed log-loss, and the exact-pair events (as the party trainer's CV
    counts them)."""
    from warta.extract import event_parties as ep
    from warta.extract.quote_speakers import Choice, _decide
    from warta.extract.speaker_model import read_model
    from warta.resolve.actor_model import ActorModel
    from warta.train.event_parties import exact

    actor = ActorModel.from_json(json.loads((models / "actor_class.json").read_text("utf-8")))
    speaker = read_model(models / "quote_speakers.json")
    party = ep.load_model(models / "event_parties.json")
    assert party is not None and party.triggers is not None
    rows: ROWS = {}
    for art in ids:
        keep = [(actor.keep_probability(f), y) for f, y in examples["actors"][art].keep]
        types = [(actor.actor_type(f), y) for f, y in examples["actors"][art].type_]
        quotes = examples["quotes"][art]
        speakers = [speaker.probability(ex.features[c]) for ex in quotes for c in ex.features]
        truth = [c == ex.speaker for ex in quotes for c in ex.features]
        row: dict[str, Any] = {
            "keep": {"n": len(keep), "ok": sum((p >= actor.keep_threshold) == bool(y)
                                               for p, y in keep),
                     "loss": sum(_loss(p, bool(y)) for p, y in keep)},
            "type": {"n": len(types), "ok": sum(a == b for a, b in types)},
            "speaker": {"n": len(quotes),
                        "ok": sum(_decide(speaker, Choice(None, None, ex.features)) == ex.speaker  # type: ignore[arg-type]
                                  for ex in quotes)},
            "speaker_ll": {"n": len(speakers), "loss": sum(
                _loss(p, t) for p, t in zip(speakers, truth, strict=True))}}
        groups = examples["events"][art]
        emitted = right = ok = 0
        for g in groups:
            passed = party.triggers.probabilities(g.trigger[0])["event"] >= party.triggers.threshold
            ok += passed == g.event
            if not passed:
                continue
            cands = [ep.PartyCandidate(None, None, None, set(f)) for f, _ in g.examples]
            picks = ep.choose(party.parties, cands,
                              [party.parties.probabilities(f) for f, _ in g.examples])
            if picks == (None, None):
                continue
            emitted += 1
            at = [next((i for i, c in enumerate(cands) if c is p), None) for p in picks]
            right += g.event and exact(g, (at[0], at[1]))
        row["trigger"] = {"n": len(groups), "ok": ok}
        row["parties"] = {"tp": right, "gold": sum(g.event for g in groups), "pred": emitted}
        rows[art] = row
    return rows


def decisions(out: Path, data: Path, arms: dict[str, dict[str, Any]]) -> dict[str, ROWS]:
    """Every arm's decision rows on the articles it is scored on (the candidates read through
    arm ``a``'s pipeline, kept in ``decision_examples.pkl``: a cache of this run's own output)."""
    cache = out / "decision_examples.pkl"
    if cache.exists():
        examples = pickle.loads(cache.read_bytes())
    else:
        root = write_root(out / "a" / "corpus", arms["a"]["train"], arms["a"]["scored"])
        examples = decision_examples(root, out / "a", data)
        cache.write_bytes(pickle.dumps(examples))
    return {name: decision_rows(examples, out / name, arm["scored"])
            for name, arm in arms.items() if (out / name / "event_parties.json").exists()}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--data-dir", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("training/in_domain"))
    ap.add_argument("--seed", type=int, default=20261205,
                    help="the first split seed; the controls' drops use seed + 1 + k")
    ap.add_argument("--more-splits", type=int, default=0,
                    help="further halvings of the Detik articles (seeds seed + 100 + k)")
    ap.add_argument("--train-seed", type=int, default=0, help="the trainers' seed (shipped: 0)")
    ap.add_argument("--controls", type=int, default=1, help="arms with 15 train articles less")
    ap.add_argument("--speaker-threshold", type=float, default=None,
                    help="fix the speaker model's threshold (default: chosen on dev IndoSum)")
    ap.add_argument("--decisions", action="store_true",
                    help="also each model's own decisions on the held-out candidates")
    ap.add_argument("--report-only", action="store_true", help="tables from the saved scores")
    args = ap.parse_args(argv)
    data, out = args.data_dir.resolve(), args.out.resolve()
    seeds = [args.seed] + [args.seed + 100 + k for k in range(args.more_splits)]
    split, arms = plan(args.seed, seeds, args.controls)
    out.mkdir(parents=True, exist_ok=True)
    (out / "plan.json").write_text(json.dumps({
        "halves": {s: {"h1": h1, "h2": h2} for s, (h1, h2) in split.items()},
        "speaker_threshold": args.speaker_threshold, "train_seed": args.train_seed,
        "arms": {k: {"train": len(v["train"]), "scored": v["scored"],
                     "dropped": v.get("dropped")} for k, v in arms.items()}}, indent=1) + "\n",
        encoding="utf-8")
    scores: dict[str, ROWS] = {}
    for name, arm in arms.items():
        done = out / name / "scores.json"
        if not done.exists():
            if args.report_only:
                continue
            root = write_root(out / name / "corpus", arm["train"], arm["scored"])
            info = train_chain(root, out / name, data, args.train_seed, args.speaker_threshold)
            (out / name / "train.json").write_text(json.dumps(info) + "\n", encoding="utf-8")
            done.write_text(json.dumps(score(root, out / name, data)) + "\n", encoding="utf-8")
            print(f"{name}: {info}", file=sys.stderr, flush=True)
        scores[name] = json.loads(done.read_text(encoding="utf-8"))
    if all(k in scores for k in arms if not k.startswith("c")):
        print("\n".join(report(split, scores)))
        if args.decisions:
            print("\n" + "\n".join(report(split, decisions(out, data, arms), DECISIONS)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
