"""The trained decision of the quotes stage: which candidate actor speaks a quote.

The rules in ``warta.extract.quote_speakers`` propose candidate actors for each quote and
describe each with named features; this module scores them with a logistic regression trained
by ``warta train extract --model quote_speakers`` (``warta.train.quote_speakers``) and shipped
as plain JSON (feature names, weights, bias, threshold) under ``models/decisions/``. Scoring is a
dot product in pure Python, so the run time needs no machine-learning library.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from warta.errors import ConfigError, Errors

FILENAME = "quote_speakers.json"
FORMAT = "warta.quote_speakers/1"


@dataclass(frozen=True)
class SpeakerModel:
    """A linear scorer over named features; a candidate below ``threshold`` is no speaker."""

    weights: Mapping[str, float]
    bias: float
    threshold: float

    def probability(self, features: Mapping[str, float]) -> float:
        """The chance that a candidate with these features is the quote's speaker."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, object]:
        names = sorted(self.weights)
        return {"format": FORMAT, "bias": self.bias, "threshold": self.threshold,
                "features": names, "weights": [self.weights[n] for n in names]}


def shipped_path() -> Path:
    return Path(str(resources.files("warta") / "models" / "decisions" / FILENAME))


def read_model(path: Path) -> SpeakerModel:
    """A model file as written by the trainer; a damaged one is a coded configuration error."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}, expected {FORMAT!r}")
        weights = dict(zip(data["features"], map(float, data["weights"]), strict=True))
        return SpeakerModel(weights, float(data["bias"]), float(data["threshold"]))
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ConfigError(Errors.E025.format(path=path, reason=str(e)[:300])) from e


@cache
def _shipped() -> SpeakerModel | None:
    path = shipped_path()
    return read_model(path) if path.exists() else None


def load_speaker_model(path: str | Path | None = None) -> SpeakerModel | None:
    """The model at ``path``, or the shipped one (read once); None when none is shipped, and
    the rules' own order decides (the test suite's blank checkouts)."""
    if path:
        return read_model(Path(path))
    return _shipped()
