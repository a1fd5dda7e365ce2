"""`warta train extract`: the trained decision models of the rule stages, fit on the gold news
corpus's train split (and scored on dev), seeded and reproducible.

Rules propose candidates and compute features; small models decide (issue "Decisions that hold
on unseen news"). Each model has a trainer module under ``warta.train`` that registers one
:class:`Trainer` in ``warta.train.registry``: its name, the file it writes under
``src/warta/models/decisions/`` and a ``fit(data, out, seed, fraction)`` that returns its dev
figures. The shipped files and their card (``models/decisions/MODEL_CARD.md``) are what the
stages load at run time.
"""

from __future__ import annotations

from pathlib import Path

from warta.train import registry
from warta.train.registry import Trainer

DECISIONS = Path(__file__).resolve().parents[1] / "models" / "decisions"


def trainers() -> dict[str, Trainer]:
    """Every registered decision model (importing the trainer modules registers them)."""
    from warta.train import decision_models  # noqa: F401  (the list of trainer modules)

    return dict(registry.TRAINERS)


__all__ = ["DECISIONS", "Trainer", "trainers"]
