"""Helpers shared by warta's evaluation commands: loading the pipeline and scoring sets."""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable
from pathlib import Path

from spacy.language import Language


def load_pipeline(model: Path | None, *, stages: bool = True) -> Language:
    """warta's shared pipeline, or a fresh one over another model directory (e.g. a dev run)."""
    if model is None and stages:
        import warta

        return warta.load()
    from warta.nlp.pipeline import build

    return build(model, stages=stages)


def prf(gold: set[Hashable], pred: set[Hashable]) -> dict[str, float | int]:
    """Precision, recall and F1 of predicted items against gold ones (exact match)."""
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "gold": len(gold), "predicted": len(pred)}


def json_line(result: dict) -> str:
    """The one JSON line an eval command prints."""
    return json.dumps(result, ensure_ascii=False, sort_keys=False)


def accuracy(pairs: Iterable[tuple[object, object]]) -> float:
    """Share of (gold, predicted) pairs that agree; 0.0 for none."""
    n = hits = 0
    for gold, pred in pairs:
        n += 1
        hits += gold == pred
    return round(hits / n, 4) if n else 0.0
