"""Trainer of the event-party model (``warta train extract --model event_parties``).

For every lexicon trigger of a train article that the gold marks as an event trigger, the events
stage lists its candidate parties (``warta.extract.event_parties``); each candidate is labelled
source, target or none from the gold event through the scorer's own actor alignment
(``scoring.match_actors``), and a multinomial logistic regression is fit on the binary
features. The model is written as JSON (vocabulary, weights, intercepts, threshold) and scored
on dev with the events stage using it.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warta.train.registry import Trainer, register

NAME = "event_parties"
THRESHOLD = 0.3  # a role is given when the model's probability reaches it (chosen on dev)
C = 0.5  # inverse regularisation strength (chosen on dev)
TRIGGER_THRESHOLD = 0.2  # a lexicon match is kept as an event from this probability (train CV)
TRIGGER_C = 0.5
MAX_ITER = 2000
Example = tuple[list[str], str]


def _documents(split: str, data: Path, nlp: Any, articles: set[str] | None = None
               ) -> Iterator[tuple[str, dict[str, Any], Any]]:
    """(annotated text, gold, analysed Doc) for each article of a split."""
    from warta.eval.corpus import document_meta, iter_documents
    from warta.process import _run, make_doc, prepare
    from warta.settings import load_settings
    from warta.types import RawArticle, Source

    settings = load_settings()
    for art, text, gold, _why in iter_documents([split], data):
        if text is None or gold is None or (articles is not None and art.id not in articles):
            continue
        meta = document_meta(art.corpus, art.key, data)
        raw = RawArticle(Source(path=f"{art.corpus}/{art.key}", format="text",
                                native_id=art.key), text, title=meta["title"],
                         published=meta["published"])
        doc = _run(nlp, make_doc(nlp, prepare(raw, settings), settings), settings)
        yield text, gold, doc


def examples(text: str, gold: dict[str, Any], doc: Any) -> tuple[list[Example], list[Example]]:
    """The labelled examples of one analysed article: (features, label) per candidate party of
    each lexicon trigger that overlaps a gold event trigger, and (features, event or none) per
    lexicon trigger."""
    from warta.eval import scoring
    from warta.extract import events
    from warta.resolve import places

    seen: list[tuple[Any, list[Any], set[str]]] = []

    def observe(trigger: Any, form: Any, sent: Any, cands: list[Any]) -> None:
        seen.append((trigger, cands,
                     events.trigger_features(doc, trigger, form, sent, cands)))

    events.candidates(doc, lookup=places.gazetteer_lookup(), observe=observe)
    back = scoring.offset_map(text, doc.text)
    golds = []
    for e in gold.get("events", []):
        start, end = back(e["trigger"][0]), back(e["trigger"][1])
        if start is not None and end is not None:
            golds.append((start, end, e.get("source"), e.get("target")))
    predicted = [scoring.Actor(a.id, scoring._names([a.name], a.aliases), a.type, a.country)
                 for a in doc._.actors or []]
    known = {a.id for a in predicted}
    for _trigger, cands, _ in seen:
        for c in cands:
            if c.key not in known and c.country:
                entry = places.country_entry(c.country)
                name = getattr(entry, "name", None) or c.country
                predicted.append(scoring.Actor(c.key, scoring._names([name]), "GPE", c.country))
                known.add(c.key)
    to_gold = scoring.match_actors(scoring.from_gold(gold, text).actors, predicted)
    parties: list[Example] = []
    triggers: list[Example] = []
    for trigger, cands, trigger_feats in seen:
        hits = [g for g in golds if g[0] < trigger.end_char and trigger.start_char < g[1]]
        triggers.append((sorted(trigger_feats), "event" if hits else "none"))
        if not hits:
            continue
        sources = {g[2] for g in hits if g[2]}
        targets = {g[3] for g in hits if g[3]}
        for c in cands:
            gid = to_gold.get(c.key)
            label = "source" if gid in sources else "target" if gid in targets else "none"
            parties.append((sorted(c.features), label))
    return parties, triggers


def fit_linear(data: list[Example], labels: tuple[str, ...], *, seed: int, threshold: float,
               c: float) -> dict[str, Any]:
    """A logistic regression on the examples, as the JSON the stage reads (a binary model keeps
    the one row of its second label)."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    vocab: dict[str, int] = {}
    for feats, _ in data:
        for f in feats:
            vocab.setdefault(f, len(vocab))
    rows, cols = [], []
    for i, (feats, _) in enumerate(data):
        for f in feats:
            rows.append(i)
            cols.append(vocab[f])
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(data), len(vocab)))
    y = np.array([labels.index(label) for _, label in data])
    clf = LogisticRegression(C=c, max_iter=MAX_ITER, random_state=seed)
    clf.fit(x, y)
    if len(labels) == 2:
        weights, intercepts = clf.coef_[:1], clf.intercept_[:1]
    else:
        weights = np.zeros((len(labels), len(vocab)))
        intercepts = np.zeros(len(labels))
        for row, cls in enumerate(clf.classes_):
            weights[cls] = clf.coef_[row]
            intercepts[cls] = clf.intercept_[row]
    keep = sorted(f for f, j in vocab.items() if np.abs(weights[:, j]).max() >= 1e-3)
    return {"labels": list(labels), "threshold": threshold,
            "vocabulary": {f: i for i, f in enumerate(keep)},
            "intercepts": [round(float(b), 4) for b in intercepts],
            "weights": [[round(float(row[vocab[f]]), 4) for f in keep] for row in weights]}


def fit_model(parties: list[Example], triggers: list[Example], *, seed: int,
              threshold: float = THRESHOLD, c: float = C,
              trigger_threshold: float = TRIGGER_THRESHOLD,
              trigger_c: float = TRIGGER_C) -> dict[str, Any]:
    """Both decisions' models, as the one JSON file the events stage reads."""
    from warta.extract.event_parties import LABELS, TRIGGER_LABELS

    return {"parties": fit_linear(parties, LABELS, seed=seed, threshold=threshold, c=c),
            "triggers": fit_linear(triggers, TRIGGER_LABELS, seed=seed,
                                   threshold=trigger_threshold, c=trigger_c)}


def training_set(data: Path, *, seed: int, fraction: float
                 ) -> tuple[list[Example], list[Example], int]:
    """The labelled examples of the train split (a seeded share of its articles)."""
    from warta.eval.corpus import load_articles
    from warta.nlp.pipeline import build

    ids = sorted(a.id for a in load_articles(["train"]))
    chosen = set(random.Random(seed).sample(ids, max(1, round(len(ids) * fraction))))
    nlp = build(stage_config={"events": {"parties_model": "none"}})  # the rules' history
    parties: list[Example] = []
    triggers: list[Example] = []
    for text, gold, doc in _documents("train", data, nlp, chosen):
        p, t = examples(text, gold, doc)
        parties.extend(p)
        triggers.extend(t)
    return parties, triggers, len(chosen)


def dev_figures(data: Path, model: Path) -> dict[str, Any]:
    """The events layer on dev with the events stage reading ``model``."""
    from warta.eval.gold import evaluate
    from warta.nlp.pipeline import build

    nlp = build(stage_config={"events": {"parties_model": str(model)}})
    figures: dict[str, Any] = evaluate("dev", ("events",), data=data, nlp=nlp)["events"]
    return figures


def fit(data: Path, out: Path, seed: int, fraction: float) -> dict[str, Any]:
    """Build the training set, fit, write ``out``, return the dev figures."""
    began = time.monotonic()
    parties, triggers, articles = training_set(data, seed=seed, fraction=fraction)
    model = fit_model(parties, triggers, seed=seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    trained_s = round(time.monotonic() - began, 1)
    dev = dev_figures(data, out)
    return {"train_articles": articles, "train_candidates": len(parties),
            "train_triggers": len(triggers),
            "features": sum(len(m["vocabulary"]) for m in model.values()),
            "bytes": out.stat().st_size,
            "train_seconds": trained_s, "dev": dev}


register(Trainer(NAME, "event_parties.json", fit))
