"""Build warta's spaCy pipeline: the shipped trained model plus warta's own registered stages.

``load()`` is the one entry point (``nlp = warta.load(); doc = nlp(text)``). Build it once per
process: loading takes seconds, processing a document milliseconds.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sys
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.util import load_config, registry
from thinc.api import NumpyOps, get_current_ops, set_current_ops

from warta.errors import ConfigError, Errors
from warta.extract import events, quotes
from warta.nlp import (
    embed,
    extensions,
    tokenizer,  # noqa: F401  (registers the tokenizer, upos and sentence stages)
)
from warta.resolve import actors, dates, gazetteer, tone
from warta.settings import Settings

log = logging.getLogger(__name__)

MODEL_NAME = "id_warta_news"

# warta's rule and resolution stages in pipeline order: (pipe name, factory). The shipped
# model's config.cfg lists them as components with their options; ``build`` adds them to a
# model whose config lacks them (a training run under evaluation). Each factory name comes from
# its module's one ``VERSION`` (``warta_<stage>_v<VERSION>``), which the stage also records in
# ``doc._.stages``; tests/data/factory_registrations.json pins them (CONTRIBUTING.md).
STAGES: tuple[tuple[str, str], ...] = tuple(
    (module.STAGE, module.FACTORY) for module in (gazetteer, actors, dates, quotes, events, tone))
STAGE_NAMES: tuple[str, ...] = tuple(name for name, _ in STAGES)
# Stages the settings switch on or off, added last when ``stage_config`` names them (so the
# shipped model's config.cfg does not list them): the embed stage ([embed] enabled).
OPTIONAL_STAGES: tuple[tuple[str, str], ...] = ((embed.STAGE, embed.FACTORY),)
# Trained components the shipped model lists but leaves disabled (its config.cfg's
# ``[nlp] disabled``), because nothing warta runs by default reads what they assign: the
# lemmatizer's ``token.lemma`` is read only by `warta eval ud` (the event trigger model reads
# no lemma since events v19), the morphologizer's ``token.morph`` by nothing (``token.pos`` is
# the tagger's, copied by ``upos_from_tag``). Together 4 % of the pipeline's CPU
# (docs/scaling.md, twelfth round). A reader asks for the annotation
# (``build(annotations=...)``, ``assigning``, a stage's ``option_requires``) or calls
# ``nlp.enable_pipe(name)``.
ON_REQUEST: tuple[str, ...] = ("morphologizer", "lemmatizer")


def model_path() -> Path:
    """Where the trained pipeline ships inside the package."""
    return Path(str(resources.files("warta") / "models" / MODEL_NAME))


def _overrides(path: Path, stage_config: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """``stage_config`` as spaCy config overrides, for the stages the model's config lists."""
    listed = load_config(path / "config.cfg", interpolate=False).get("components", {})
    return {f"components.{name}.{key}": value for name, options in stage_config.items()
            if name in listed for key, value in options.items()}


class NumpyBlasOps(NumpyOps):  # type: ignore[misc]  # thinc's backends are Cython, no stubs
    """thinc's CPU backend with its matrix products on numpy's BLAS, one thread at a time.

    The network is small (width 96) and spends most of its time in ``gemm``; numpy's OpenBLAS
    picks kernels for the CPU it runs on, blis as shipped often does not (on the development
    machine blis was 2.8 times slower on the tok2vec's shapes, the whole model 22 % slower).
    Only the products' summation order changes: no annotation of the model differed on 150
    IndoSum articles (51,296 tokens), and records are identical on 300 (docs/scaling.md).
    One thread, as blis ran: warta scales by processes (``--workers``), and BLAS threads on top
    of them compete for the same cores.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(use_blis=False, **kwargs)

    def gemm(self, x: Any, y: Any, *, out: Any = None, trans1: bool = False,
             trans2: bool = False) -> Any:
        with _one_blas_thread():
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)


@lru_cache(maxsize=1)
def _blas() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController().select(user_api="blas")


def _one_blas_thread() -> Any:
    return _blas().limit(limits=1)


@contextlib.contextmanager
def _cpu_ops() -> Iterator[None]:
    """Build the model's layers on ``NumpyBlasOps`` when the caller left thinc's CPU default;
    another backend the caller chose (GPU, Apple) is kept."""
    ops = get_current_ops()
    if type(ops) is not NumpyOps or not getattr(ops, "use_blis", False):
        yield
        return
    set_current_ops(NumpyBlasOps())
    try:
        yield
    finally:
        set_current_ops(ops)


def _base(path: Path | None, *, exclude: tuple[str, ...] = (),
          stage_config: Mapping[str, dict[str, Any]] | None = None) -> Language:
    path = path or model_path()
    if (path / "config.cfg").exists():
        try:
            with _cpu_ops():
                return spacy.load(path, exclude=list(exclude),
                                  config=_overrides(path, stage_config or {}))
        except (OSError, ValueError, KeyError) as e:  # a damaged or half-written model directory
            reason = " ".join(str(e).split())[:300]
            raise ConfigError(Errors.E025.format(path=path, reason=reason)) from e
    log.warning(Errors.E022.format(path=path))
    return spacy.blank("id")


def build(path: Path | None = None, *, stages: bool = True,
          stage_config: Mapping[str, dict[str, Any]] | None = None,
          annotations: Iterable[str] = ()) -> Language:
    """A fresh pipeline: the trained model at ``path`` (default: shipped) plus warta's stages.

    The stages and their options come from the model's config.cfg where it lists them; the rest
    are added with their defaults. ``stage_config`` gives a stage's factory options by pipe
    name, e.g. ``{"actors": {"user_file": "actors.toml"}}``, over either. The model's disabled
    components (``ON_REQUEST``) are enabled where an enabled stage's options read what they
    assign (``option_requires``) or the caller names it in ``annotations`` (``"token.lemma"``).
    """
    extensions.register()
    nlp = _base(path, exclude=() if stages else STAGE_NAMES,
                stage_config=stage_config if stages else None)
    if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
        nlp.add_pipe("sentencizer", first=True)  # e.g. an NER-only model under evaluation
    if stages:
        for name, factory in STAGES:
            if name not in nlp.pipe_names:
                nlp.add_pipe(factory, name=name, config=dict((stage_config or {}).get(name, {})))
    for name, factory in OPTIONAL_STAGES:  # they need no rule stage: with or without them
        if name in (stage_config or {}) and name not in nlp.pipe_names:
            nlp.add_pipe(factory, name=name, config=dict((stage_config or {})[name]))
    enable_assigning(nlp, {*annotations, *_option_requires(nlp)})
    _check_contracts(nlp)
    return nlp


def _option_requires(nlp: Language) -> set[str]:
    """What the enabled stages read because of their options (a stage's ``option_requires``,
    e.g. ``token.lemma``): spaCy's ``requires`` is fixed per factory and cannot say it."""
    return {annotation for _, proc in nlp.pipeline
            for annotation in getattr(proc, "option_requires", ())}


def assigners(nlp: Language, annotations: Iterable[str]) -> list[str]:
    """The disabled components of ``nlp`` that assign one of ``annotations``, in pipeline order."""
    wanted = set(annotations)
    return [name for name in nlp.component_names if name in nlp.disabled
            and wanted & set(nlp.get_pipe_meta(name).assigns)]


def enable_assigning(nlp: Language, annotations: Iterable[str]) -> list[str]:
    """Enable the disabled components that assign ``annotations``; the names enabled."""
    names = assigners(nlp, annotations)
    for name in names:
        nlp.enable_pipe(name)
    return names


@contextlib.contextmanager
def assigning(nlp: Language, *annotations: str) -> Iterator[Language]:
    """``nlp`` with the disabled components that assign ``annotations`` enabled inside the
    block and disabled again after it, so a shared pipeline (``warta.load()``) is left as it
    was: `warta eval ud` reads lemmas, records do not."""
    names = enable_assigning(nlp, annotations)
    try:
        yield nlp
    finally:
        for name in names:
            nlp.disable_pipe(name)


def _check_contracts(nlp: Language) -> None:
    """Fail when the pipeline is built, not halfway through a batch, if a stage lacks its input
    (its factory's ``requires``, or its options' ``option_requires``)."""
    analysis: dict[str, Any] = nlp.analyze_pipes(pretty=False) or {}
    for name, missing in analysis["problems"].items():
        if missing:
            raise ConfigError(Errors.E020.format(name=name, missing=missing))
    assigned: set[str] = set()
    for name, proc in nlp.pipeline:
        missing = [a for a in getattr(proc, "option_requires", ()) if a not in assigned]
        if missing:
            raise ConfigError(Errors.E020.format(name=name, missing=missing))
        assigned.update(nlp.get_pipe_meta(name).assigns)


def stage_config(settings: Settings) -> dict[str, dict[str, Any]]:
    """Stage options that come from settings rather than from the model; an optional stage
    is named here only when the settings switch it on."""
    config: dict[str, dict[str, Any]] = {}
    if settings.actors.user_file:
        config["actors"] = {"user_file": settings.actors.user_file}
    if settings.embed.enabled:
        e = settings.embed
        config[embed.STAGE] = {"model": e.model, "paragraphs": e.paragraphs,
                               "max_tokens": e.max_tokens,
                               "min_paragraph_chars": e.min_paragraph_chars,
                               "threads": e.threads}
    return config


@lru_cache(maxsize=4)
def load(settings: Settings | None = None) -> Language:
    """The shared, process-wide pipeline for these settings (built on first use).

    Without settings, the optional stages stay out (``warta.load()``: no embedding); the
    command line always passes its settings, whose ``[embed] enabled`` is on by default.
    """
    return build(stage_config=stage_config(settings) if settings is not None else None)


def factory_registrations() -> dict[str, dict[str, str]]:
    """Every ``warta_*`` factory spaCy knows, by name: its stage, version, module and a
    fingerprint of what else decides its behaviour (default options, requires, assigns).

    tests/data/factory_registrations.json is a snapshot of this (written by
    ``scripts/factory_registrations.py``): a factory added, removed or renamed, a version bumped
    or a default option changed fails the test until the snapshot is rewritten with it.
    """
    out = {}
    for name in sorted(registry.factories.get_all()):
        if not name.startswith("warta_"):
            continue
        meta = Language.get_factory_meta(name)
        module = sys.modules[registry.factories.get(name).__module__]
        relevant = {"default_config": meta.default_config, "requires": meta.requires,
                    "assigns": meta.assigns, "retokenizes": meta.retokenizes}
        digest = hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()
        out[name] = {"stage": module.STAGE, "version": module.VERSION,
                     "module": module.__name__, "fingerprint": digest[:16]}
    return out
