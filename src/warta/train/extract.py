"""`warta train extract`: the trained decision models of the rule stages, fit on the gold news
corpus's train split (and scored on dev), seeded and reproducible.

Rules propose candidates and compute features; small models decide (issue "Decisions that hold
on unseen news"). Each model has a trainer module under ``warta.train`` that registers here one
:class:`Trainer`: its name, the file it writes under ``src/warta/models/decisions/`` and a
``fit(articles, out, seed, fraction)`` that returns its dev figures. The shipped files and their
card (``models/decisions/MODEL_CARD.md``) are what the stages load at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DECISIONS = Path(__file__).resolve().parents[1] / "models" / "decisions"


@dataclass(frozen=True)
class Trainer:
    """One decision model: how it is trained and where its file goes."""

    name: str
    filename: str
    fit: Callable[..., dict[str, Any]]  # fit(data=Path, out=Path, seed=int, fraction=float)


TRAINERS: dict[str, Trainer] = {}


def register(trainer: Trainer) -> Trainer:
    """Add a decision model to ``warta train extract`` (trainer modules call this on import)."""
    TRAINERS[trainer.name] = trainer
    return trainer


def trainers() -> dict[str, Trainer]:
    """Every registered decision model (importing the trainer modules registers them)."""
    from warta.train import decision_models  # noqa: F401  (the list of trainer modules)

    return dict(TRAINERS)
