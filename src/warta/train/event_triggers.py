"""Trainer of the event-trigger model (``warta train extract --model event_triggers``).

Every content word of a train article (``warta.extract.event_triggers.candidates``) is one
example, labelled with the PLOVER type of the gold event trigger it falls in, or NONE. A
multinomial logistic regression is fit on the binary features and the word's unit static
vector (features seen in fewer than ``MIN_COUNT`` examples, or whose weights all stay under
``KEEP_WEIGHT``, are left out: they cannot generalise and would swell the file); the model is
written as JSON (labels, features, weight rows, vector weight rows, intercepts, threshold) and
scored on dev with the events stage using it. ``cv_curve`` gives, out of fold (grouped by
article), how many words outside the lexicon each threshold proposes and how many at the gold's
type.
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
# a word outside the lexicon is a trigger when P(event) reaches it: chosen by events F1 on the
# train split, each article's words proposed by a model fit on the other folds (event_triggers.md)
THRESHOLD = 0.3
LEXICON_THRESHOLD: float | None = None  # gate lexicon matches too (None: event_parties decides)
C = 0.3  # inverse regularisation strength (chosen on dev in events v8)
MIN_COUNT = 5  # a feature seen in fewer train words is left out (the file stays < 1 MB)
EVENT_WEIGHT = 1.0  # weight of an event example against a NONE one (chosen on dev)
MAX_ITER = 3000
FOLDS = 5
SWEEP = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
DIGITS = 3
KEEP_WEIGHT = 0.03  # a feature none of whose weights reaches it is left out (the file < 1 MB)
Example = tuple[list[str], str]


def examples(text: str, gold: dict[str, Any], doc: Any) -> tuple[list[Example], Any]:
    """(features, PLOVER type or NONE) for each candidate word of one analysed article, and
    the words' unit static vectors (one row each; None without vectors)."""
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
    words = [doc[i].lower_ for i in index]
    return out, event_triggers.word_vectors(doc, words)


def fit_model(data: list[Example], *, seed: int, threshold: float = THRESHOLD, c: float = C,
              min_count: int = MIN_COUNT, event_weight: float = EVENT_WEIGHT,
              lexicon_threshold: float | None = LEXICON_THRESHOLD,
              vectors: Any = None) -> dict[str, Any]:
    """The logistic regression on the examples, as the JSON the events stage reads;
    ``vectors`` (one unit static vector per example) adds a weight row per dimension."""
    clf, features, labels = _fit(data, seed=seed, c=c, min_count=min_count,
                                 event_weight=event_weight, vectors=vectors)
    return _as_json(clf, features, labels, threshold=threshold,
                    lexicon_threshold=lexicon_threshold, dense=vectors is not None)


def _matrix(data: list[Example], vocab: dict[str, int], vectors: Any) -> Any:
    import numpy as np
    from scipy.sparse import csr_matrix, hstack

    rows, cols = [], []
    for i, (feats, _) in enumerate(data):
        for j in sorted({vocab[f] for f in feats if f in vocab}):
            rows.append(i)
            cols.append(j)
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(data), len(vocab)))
    return x if vectors is None else hstack([x, csr_matrix(np.asarray(vectors))]).tocsr()


def _fit(data: list[Example], *, seed: int, c: float, min_count: int, event_weight: float,
         vectors: Any) -> tuple[Any, list[str], list[str]]:
    """(classifier, sparse feature names, labels) fit on the examples."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from warta.extract.event_triggers import LABELS

    counts = Counter(f for feats, _ in data for f in set(feats))
    features = sorted(f for f, n in counts.items() if n >= min_count)
    x = _matrix(data, {f: j for j, f in enumerate(features)}, vectors)
    y = np.array([LABELS.index(label) for _, label in data])
    clf = LogisticRegression(C=c, max_iter=MAX_ITER, random_state=seed)
    clf.fit(x, y, sample_weight=np.where(y == 0, 1.0, event_weight))
    labels = [LABELS[k] for k in clf.classes_]  # a type never seen in train is left out
    if labels[0] != LABELS[0]:
        raise ValueError("the training set has no NONE example")
    return clf, features, labels


def _as_json(clf: Any, features: list[str], labels: list[str], *, threshold: float,
             lexicon_threshold: float | None, dense: bool) -> dict[str, Any]:
    import numpy as np

    coef = clf.coef_ if len(labels) > 2 else np.vstack([-clf.coef_[0] / 2, clf.coef_[0] / 2])
    bias = clf.intercept_ if len(labels) > 2 else np.array(
        [-clf.intercept_[0] / 2, clf.intercept_[0] / 2])
    n = len(features)
    keep = [j for j in range(n) if np.abs(coef[:, j]).max() >= KEEP_WEIGHT]
    def row(j: int) -> list[float]:  # + 0.0: no "-0.0" in the file
        return [round(float(coef[k, j]), DIGITS) + 0.0 for k in range(len(labels))]

    out = {"labels": labels, "threshold": threshold, "lexicon_threshold": lexicon_threshold,
           "features": [features[j] for j in keep],
           "intercepts": [round(float(b), DIGITS) for b in bias],
           "weights": [row(j) for j in keep]}
    if dense:
        out["vector_weights"] = [row(j) for j in range(n, coef.shape[1])]
    return out


def training_set(data: Path, *, seed: int, fraction: float
                 ) -> tuple[list[Example], Any, list[str], int]:
    """The labelled examples of the train split (a seeded share of its articles): examples,
    their unit static vectors (None without vectors), the article of each, articles."""
    import numpy as np

    from warta.eval.corpus import load_articles
    from warta.nlp.pipeline import build
    from warta.train.event_parties import _articles

    ids = sorted(a.id for a in load_articles(["train"]))
    chosen = set(random.Random(seed).sample(ids, max(1, round(len(ids) * fraction))))
    nlp = build(stage_config={"events": {"triggers_model": "none"}})
    out: list[Example] = []
    vectors: list[Any] = []
    groups: list[str] = []
    for article, text, gold, doc in _articles("train", data, nlp, chosen):
        found, vecs = examples(text, gold, doc)
        out.extend(found)
        groups.extend([article] * len(found))
        if vecs is not None:
            vectors.append(vecs)
    dense = np.vstack(vectors) if vectors and sum(len(v) for v in vectors) == len(out) else None
    return out, dense, groups, len(chosen)


def cv_curve(data: list[Example], vectors: Any, groups: list[str], *, seed: int,
             folds: int = FOLDS) -> list[dict[str, float]]:
    """Out-of-fold proposals at each threshold of ``SWEEP`` (folds grouped by article): of the
    words outside the lexicon's matches, how many reach the threshold, and the precision and
    recall of those at the gold's type."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    from warta.extract.event_triggers import LABELS

    probs = np.zeros((len(data), len(LABELS)))
    for train, held in GroupKFold(folds).split(data, groups=groups):
        part = [data[k] for k in train]
        clf, features, labels = _fit(part, seed=seed, c=C, min_count=MIN_COUNT,
                                     event_weight=EVENT_WEIGHT,
                                     vectors=None if vectors is None else vectors[train])
        x = _matrix([data[k] for k in held], {f: j for j, f in enumerate(features)},
                    None if vectors is None else vectors[held])
        probs[np.ix_(held, [LABELS.index(lab) for lab in labels])] = clf.predict_proba(x)
    outside = np.array(["lex=none" in feats for feats, _ in data])
    gold = np.array([LABELS.index(label) for _, label in data])
    event = 1.0 - probs[:, 0]
    best = probs[:, 1:].argmax(axis=1) + 1
    positives = int(((gold > 0) & outside).sum())
    curve = []
    for t in SWEEP:
        chosen = outside & (event >= t)
        right = int((chosen & (best == gold) & (gold > 0)).sum())
        n = int(chosen.sum())
        curve.append({"threshold": t, "proposed": n, "right_type": right,
                      "precision": round(right / n, 3) if n else 0.0,
                      "recall": round(right / positives, 3) if positives else 0.0})
    return curve


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
    train, vectors, groups, articles = training_set(data, seed=seed, fraction=fraction)
    curve = cv_curve(train, vectors, groups, seed=seed)
    model = fit_model(train, seed=seed, vectors=vectors)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    trained_s = round(time.monotonic() - began, 1)
    dev = dev_figures(data, out)
    return {"train_articles": articles, "train_candidates": len(train),
            "train_events": sum(1 for _, label in train if label != "NONE"),
            "features": len(model["features"]), "bytes": out.stat().st_size,
            "train_seconds": trained_s, "train_cv": curve, "dev": dev}


register(Trainer(NAME, "event_triggers.json", fit))
