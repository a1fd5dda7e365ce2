"""`warta train extract --model actor_class`: the actor type, country and keep model.

For each article of the gold corpus's train split, warta's pipeline runs up to the gazetteer
stage and the actors stage's rules propose candidates (``warta.resolve.actors.propose``); each
candidate is labelled from the gold by the scorer's own name matching
(``warta.eval.scoring.match_actors``): matched → an actor, with the gold type and country;
unmatched → not an actor. Three logistic regressions (scikit-learn) are fit and written as one
JSON file of feature weights, which ``warta.resolve.actor_model`` scores without scikit-learn.
"""

from __future__ import annotations

import json
import os
import random
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warta.train.registry import Trainer, register

NAME = "actor_class"
C = 0.5  # inverse regularisation of the three regressions (0.25 and 1 no better on dev)
MIN_COUNT = 2  # a feature seen fewer times in train is left out of the model
DIGITS = 4  # weights are rounded: a small, stable, diffable file
KEEP_THRESHOLD = 0.3  # below it a candidate is no actor (chosen on dev: best actors F1)


@dataclass
class TrainingSet:
    keep: list[tuple[dict[str, float], int]] = field(default_factory=list)
    type_: list[tuple[dict[str, float], str]] = field(default_factory=list)
    country: list[tuple[dict[str, float], int]] = field(default_factory=list)


def _gold_side(gold: dict[str, Any], text: str) -> list[Any]:
    from warta.eval import scoring

    return scoring.from_gold(gold, text).actors


def _candidate_names(doc: Any, cand: Any) -> frozenset[str]:
    """The names the scorer would see for a candidate: its name, its mentions, and its name
    without a leading title (what a retype to PERSON would store)."""
    from warta.eval.scoring import normalise
    from warta.resolve import roles

    forms = [cand.name] + [s.text for s in cand.spans]
    for span in cand.spans:
        start = roles.name_start(doc, span.start, span.end)
        forms.append(doc[start:span.end].text)
    return frozenset(n for f in forms if (n := normalise(f)))


def article_rows(doc: Any, gold_actors: Sequence[Any], out: TrainingSet) -> None:
    """Label one article's candidates from its gold actors and add their features to ``out``."""
    from warta.eval import scoring
    from warta.resolve import actor_model, actors

    proposal = actors.propose(doc)
    cands = actors.candidates(proposal)
    pred = [scoring.Actor(str(n), _candidate_names(doc, c), c.type, c.country)
            for n, c in enumerate(cands)]
    pairs = scoring.match_actors(list(gold_actors), pred)
    by_id = {g.id: g for g in gold_actors}
    sent_of = actor_model.sentence_index(doc)
    ctx = actor_model.context(doc, sent_of)
    for n, cand in enumerate(cands):
        feats = actor_model.actor_features(doc, cand, ctx)
        gold = by_id.get(pairs.get(str(n), ""))
        out.keep.append((feats, int(gold is not None)))
        if gold is None:
            continue
        out.type_.append((feats, scoring.TYPE_CLASS.get(gold.type or "", "ORG")))
        if actor_model.stated_country(cand) is not None:
            continue  # its country is stated, the country model is never asked
        for code, opt in actor_model.country_options(doc, cand, ctx, sent_of).items():
            out.country.append((opt, int(code == gold.country)))


def _docs(split: str, data: Path, fraction: float, seed: int) -> Iterator[tuple[Any, Any]]:
    """(Doc after the gazetteer stage, gold actors) for a share of one split's articles."""
    from warta.eval.corpus import document_meta, iter_documents
    from warta.nlp.pipeline import build
    from warta.process import make_doc, prepare
    from warta.settings import load_settings
    from warta.types import RawArticle, Source

    settings = load_settings()
    rows = [(a, t, g) for a, t, g, _ in iter_documents([split], data)
            if t is not None and g is not None]
    if fraction < 1.0:
        keep = max(1, round(len(rows) * fraction))
        rows = sorted(random.Random(seed).sample(rows, keep), key=lambda r: r[0].id)
    nlp = build()
    later = [name for name in nlp.pipe_names
             if name in {"actors", "dates", "quotes", "events", "tone"}]
    for art, text, gold in rows:
        meta = document_meta(art.corpus, art.key, data)
        raw = RawArticle(Source(path=f"{art.corpus}/{art.key}", format="text",
                                native_id=art.key), text, title=meta["title"],
                         published=meta["published"])
        doc = make_doc(nlp, prepare(raw, settings), settings)
        with nlp.select_pipes(disable=later):
            doc = nlp(doc)
        yield doc, _gold_side(gold, text)


def training_set(split: str, data: Path, *, fraction: float = 1.0, seed: int = 0,
                 ) -> TrainingSet:
    out = TrainingSet()
    for doc, gold in _docs(split, data, fraction, seed):
        article_rows(doc, gold, out)
    return out


def _vocabulary(rows: Sequence[tuple[dict[str, float], Any]]) -> list[str]:
    counts = Counter(k for feats, _ in rows for k in feats)
    return sorted(k for k, n in counts.items() if n >= MIN_COUNT)


def _fit(rows: Sequence[tuple[dict[str, float], Any]], *, seed: int,
         ) -> tuple[list[str], list[str], list[list[float]]]:
    """A logistic regression over the features of ``rows``: (classes, vocabulary, weights per
    class); a binary model has one row of weights (the positive class)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    vocab = _vocabulary(rows)
    index = {k: n for n, k in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab)))
    for r, (feats, _) in enumerate(rows):
        for k, v in feats.items():
            if k in index:
                x[r, index[k]] = v
    y = [label for _, label in rows]
    classes = sorted(set(y), key=str)
    if len(classes) < 2:
        return [str(c) for c in classes], vocab, [[0.0] * len(vocab)]
    model = LogisticRegression(C=C, fit_intercept=False, max_iter=2000, random_state=seed)
    model.fit(x, y)
    return [str(c) for c in model.classes_], vocab, model.coef_.tolist()


def _binary(rows: Sequence[tuple[dict[str, float], int]], seed: int) -> dict[str, float]:
    _, vocab, coef = _fit(rows, seed=seed)
    return {k: round(w, DIGITS) for k, w in zip(vocab, coef[0], strict=True)
            if round(w, DIGITS) != 0.0}


def _multiclass(rows: Sequence[tuple[dict[str, float], str]], seed: int) -> dict[str, Any]:
    classes, vocab, coef = _fit(rows, seed=seed)
    if len(coef) == 1 and len(classes) == 2:  # scikit-learn gives one row for two classes
        coef = [[-w for w in coef[0]], coef[0]]
    weights = {k: [round(row[n], DIGITS) for row in coef] for n, k in enumerate(vocab)}
    return {"classes": classes,
            "weights": {k: ws for k, ws in weights.items() if any(w != 0.0 for w in ws)}}


def fit_model(data: TrainingSet, *, seed: int = 0) -> dict[str, Any]:
    """The model file's content for a training set."""
    return {"format": "warta.actor_class/1", "keep": _binary(data.keep, seed),
            "keep_threshold": KEEP_THRESHOLD, "type": _multiclass(data.type_, seed),
            "country": _binary(data.country, seed)}


def write_model(model: dict[str, Any], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model, sort_keys=True, ensure_ascii=False, indent=0) + "\n",
                   encoding="utf-8")


@contextmanager
def _model_file(path: Path) -> Iterator[None]:
    """Make the actors stage read ``path`` while a pipeline is built in this block."""
    from warta.resolve.actor_model import MODEL_ENV

    before = os.environ.get(MODEL_ENV)
    os.environ[MODEL_ENV] = str(path)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(MODEL_ENV, None)
        else:
            os.environ[MODEL_ENV] = before


def dev_figures(model_file: Path, data: Path) -> dict[str, Any]:
    """The actors layer's dev figures with the model at ``model_file``."""
    from warta.eval.gold import evaluate
    from warta.nlp.pipeline import model_path

    with _model_file(model_file):
        figures: dict[str, Any] = evaluate("dev", ("actors",), data=data,
                                           model=model_path())["actors"]
        return figures


def fit(*, data: Path, out: Path, seed: int = 0, fraction: float = 1.0) -> dict[str, Any]:
    """Train on the train split (a ``fraction`` of it), write ``out``, score dev with it."""
    started = time.perf_counter()
    with _model_file(Path("none")):  # the rules alone propose, whatever model ships
        rows = training_set("train", data, fraction=fraction, seed=seed)
    write_model(fit_model(rows, seed=seed), out)
    seconds = round(time.perf_counter() - started, 1)
    dev = dev_figures(out, data)
    keys = ("f1", "f1_ci", "found", "found_ci", "precision", "precision_ci",
            "country_accuracy", "country_accuracy_ci", "type_accuracy", "errors")
    return {"train_candidates": len(rows.keep), "train_seconds": seconds,
            "bytes": out.stat().st_size, "dev": {k: dev[k] for k in keys}}


register(Trainer(NAME, "actor_class.json", fit))
