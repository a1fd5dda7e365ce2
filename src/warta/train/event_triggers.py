"""Trainer of the event-trigger model (``warta train extract --model event_triggers``).

Every content word of a train article (``warta.extract.event_triggers.candidates``) is one
example, labelled with the PLOVER type of the gold event trigger it falls in, or NONE. A
multinomial logistic regression is fit on the binary features (features seen in fewer than
``MIN_COUNT`` examples are left out: they cannot generalise and would swell the file); the
model is written as JSON (labels, features, weight rows, intercepts, threshold) and scored on
dev with the events stage using it.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

from warta.train.registry import Trainer, register

NAME = "event_triggers"
THRESHOLD = 0.3  # a word outside the lexicon is a trigger when P(event) reaches it (on dev)
LEXICON_THRESHOLD: float | None = None  # gate lexicon matches too (None: event_parties decides)
C = 0.3  # inverse regularisation strength (chosen on dev)
MIN_COUNT = 2
EVENT_WEIGHT = 1.0  # weight of an event example against a NONE one (chosen on dev)
MAX_ITER = 3000
DIGITS = 3
Example = tuple[list[str], str]


def examples(text: str, gold: dict[str, Any], doc: Any) -> list[Example]:
    """(features, PLOVER type or NONE) for each candidate word of one analysed article."""
    from warta.eval import scoring
    from warta.extract import event_triggers, events

    back = scoring.offset_map(text, doc.text)
    spans = []
    for e in gold.get("events", []):
        start, end = back(e["trigger"][0]), back(e["trigger"][1])
        if start is not None and end is not None:
            spans.append((start, end, e["type"]))
    index, rows = event_triggers.candidates(doc, events.match_triggers(doc))
    out = []
    for i, feats in zip(index, rows, strict=True):
        tok = doc[i]
        lo, hi = tok.idx, tok.idx + len(tok)
        label = next((t for s, e, t in spans if s < hi and lo < e), event_triggers.NONE)
        out.append((feats, label))
    return out


def fit_model(data: list[Example], *, seed: int, threshold: float = THRESHOLD, c: float = C,
              min_count: int = MIN_COUNT, event_weight: float = EVENT_WEIGHT,
              lexicon_threshold: float | None = LEXICON_THRESHOLD) -> dict[str, Any]:
    """The logistic regression on the examples, as the JSON the events stage reads."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    from warta.extract.event_triggers import LABELS

    counts = Counter(f for feats, _ in data for f in set(feats))
    features = sorted(f for f, n in counts.items() if n >= min_count)
    vocab = {f: j for j, f in enumerate(features)}
    rows, cols = [], []
    for i, (feats, _) in enumerate(data):
        for j in sorted({vocab[f] for f in feats if f in vocab}):
            rows.append(i)
            cols.append(j)
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(data), len(vocab)))
    y = np.array([LABELS.index(label) for _, label in data])
    clf = LogisticRegression(C=c, max_iter=MAX_ITER, random_state=seed)
    clf.fit(x, y, sample_weight=np.where(y == 0, 1.0, event_weight))
    labels = [LABELS[k] for k in clf.classes_]  # a type never seen in train is left out
    if labels[0] != LABELS[0]:
        raise ValueError("the training set has no NONE example")
    coef = clf.coef_ if len(labels) > 2 else np.vstack([-clf.coef_[0] / 2, clf.coef_[0] / 2])
    bias = clf.intercept_ if len(labels) > 2 else np.array(
        [-clf.intercept_[0] / 2, clf.intercept_[0] / 2])
    keep = [j for j in range(len(features)) if np.abs(coef[:, j]).max() >= 10 ** -DIGITS]
    return {"labels": labels, "threshold": threshold, "lexicon_threshold": lexicon_threshold,
            "features": [features[j] for j in keep],
            "intercepts": [round(float(b), DIGITS) for b in bias],
            "weights": [[round(float(coef[k, j]), DIGITS) for k in range(len(labels))]
                        for j in keep]}


def training_set(data: Path, *, seed: int, fraction: float) -> tuple[list[Example], int]:
    """The labelled examples of the train split (a seeded share of its articles)."""
    from warta.eval.corpus import load_articles
    from warta.nlp.pipeline import build
    from warta.train.event_parties import _documents

    ids = sorted(a.id for a in load_articles(["train"]))
    chosen = set(random.Random(seed).sample(ids, max(1, round(len(ids) * fraction))))
    # the features read lemmas (``event_triggers.token_features``): the lemmatizer is turned on
    nlp = build(stage_config={"events": {"triggers_model": "none"}}, annotations=("token.lemma",))
    out: list[Example] = []
    for text, gold, doc in _documents("train", data, nlp, chosen):
        out.extend(examples(text, gold, doc))
    return out, len(chosen)


def dev_figures(data: Path, model: Path) -> dict[str, Any]:
    """The events layer on dev with the events stage reading ``model``."""
    from warta.eval.gold import evaluate
    from warta.nlp.pipeline import build

    nlp = build(stage_config={"events": {"triggers_model": str(model)}})
    figures: dict[str, Any] = evaluate("dev", ("events",), data=data, nlp=nlp)["events"]
    return figures


def fit(data: Path, out: Path, seed: int, fraction: float) -> dict[str, Any]:
    """Build the training set, fit, write ``out``, return the dev figures."""
    began = time.monotonic()
    train, articles = training_set(data, seed=seed, fraction=fraction)
    model = fit_model(train, seed=seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    trained_s = round(time.monotonic() - began, 1)
    dev = dev_figures(data, out)
    return {"train_articles": articles, "train_candidates": len(train),
            "train_events": sum(1 for _, label in train if label != "NONE"),
            "features": len(model["features"]), "bytes": out.stat().st_size,
            "train_seconds": trained_s, "dev": dev}


register(Trainer(NAME, "event_triggers.json", fit))
