"""Build warta's spaCy pipeline: the shipped trained model plus warta's own registered stages.

``load()`` is the one entry point (``nlp = warta.load(); doc = nlp(text)``). Build it once per
process: loading takes seconds, processing a document milliseconds.
"""

from __future__ import annotations

import importlib
import logging
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from warta.errors import ConfigError, Errors
from warta.nlp import extensions

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

        return spacy.load(path)
    log.warning(Errors.E022.format(path=path))
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    return nlp


def build(path: Path | None = None, *, stages: bool = True) -> Language:
    """A fresh pipeline: the trained model at ``path`` (default: shipped) plus warta's stages."""
    extensions.register()
    nlp = _base(path)
    if stages:
        for name, factory in _register_stages():
            if name not in nlp.pipe_names:
                nlp.add_pipe(factory, name=name)
    _check_contracts(nlp)
    return nlp


def _check_contracts(nlp: Language) -> None:
    """Fail when the pipeline is built, not halfway through a batch, if a stage lacks its input."""
    analysis = nlp.analyze_pipes(pretty=False)
    for name, missing in analysis["problems"].items():
        if missing:
            raise ConfigError(Errors.E020.format(name=name, missing=missing))


@lru_cache(maxsize=1)
def load() -> Language:
    """The shared, process-wide pipeline (built on first use)."""
    return build()
