"""The registry of decision models: trainer modules register here, ``warta train extract`` reads it.

Kept apart from ``warta.train.extract`` (which imports every trainer module) so a trainer module
importing ``register`` makes no import cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


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
