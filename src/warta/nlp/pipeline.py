"""Build warta's spaCy pipeline: the shipped trained model plus warta's own registered stages.

``load()`` is the one entry point (``nlp = warta.load(); doc = nlp(text)``). Build it once per
process: loading takes seconds, processing a document milliseconds.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from warta.errors import ConfigError, Errors
from warta.nlp import extensions
from warta.settings import Settings

log = logging.getLogger(__name__)

MODEL_NAME = "id_warta_news"

# warta's rule and resolution stages in pipeline order: (pipe name, factory, registering module).
# Factory names carry their version (spaCy forbids dots): a behaviour change gets a new factory
# (``warta_quotes_v2``) and the old one stays, so stored runs and old configs still resolve.
STAGES: tuple[tuple[str, str, str], ...] = (
    ("gazetteer", "warta_gazetteer_v1", "warta.resolve.gazetteer"),
    ("actors", "warta_actors_v1", "warta.resolve.actors"),
    ("dates", "warta_dates_v1", "warta.resolve.dates"),
    ("quotes", "warta_quotes_v1", "warta.extract.quotes"),
    ("events", "warta_events_v1", "warta.extract.events"),
    ("tone", "warta_tone_v1", "warta.resolve.tone"),
)


def model_path() -> Path:
    """Where the trained pipeline ships inside the package."""
    return Path(str(resources.files("warta") / "models" / MODEL_NAME))


def _register_stages() -> list[tuple[str, str]]:
    """Import the stage modules so their factories exist; return the (name, factory) pairs."""
    found = []
    for name, factory, module in STAGES:
        if importlib.util.find_spec(module) is None:  # stage not built yet in this checkout
            continue
        importlib.import_module(module)
        found.append((name, factory))
    return found


def _base(path: Path | None) -> Language:
    path = path or model_path()
    if (path / "config.cfg").exists():
        from warta.nlp import tokenizer  # noqa: F401  (registers the custom tokenizer)

        try:
            return spacy.load(path)
        except (OSError, ValueError, KeyError) as e:  # a damaged or half-written model directory
            reason = " ".join(str(e).split())[:300]
            raise ConfigError(Errors.E025.format(path=path, reason=reason)) from e
    log.warning(Errors.E022.format(path=path))
    return spacy.blank("id")


def build(path: Path | None = None, *, stages: bool = True,
          stage_config: Mapping[str, dict[str, Any]] | None = None) -> Language:
    """A fresh pipeline: the trained model at ``path`` (default: shipped) plus warta's stages.

    ``stage_config`` gives a stage's factory options by pipe name, e.g.
    ``{"actors": {"user_file": "actors.toml"}}``.
    """
    extensions.register()
    nlp = _base(path)
    if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
        nlp.add_pipe("sentencizer", first=True)  # e.g. an NER-only model under evaluation
    if stages:
        for name, factory in _register_stages():
            if name not in nlp.pipe_names:
                nlp.add_pipe(factory, name=name, config=dict((stage_config or {}).get(name, {})))
    _check_contracts(nlp)
    return nlp


def _check_contracts(nlp: Language) -> None:
    """Fail when the pipeline is built, not halfway through a batch, if a stage lacks its input."""
    analysis = nlp.analyze_pipes(pretty=False)
    for name, missing in analysis["problems"].items():
        if missing:
            raise ConfigError(Errors.E020.format(name=name, missing=missing))


def stage_config(settings: Settings) -> dict[str, dict[str, Any]]:
    """Stage options that come from settings rather than from the model."""
    if settings.actors.user_file:
        return {"actors": {"user_file": settings.actors.user_file}}
    return {}


@lru_cache(maxsize=4)
def load(settings: Settings | None = None) -> Language:
    """The shared, process-wide pipeline for these settings (built on first use)."""
    return build(stage_config=stage_config(settings) if settings is not None else None)
