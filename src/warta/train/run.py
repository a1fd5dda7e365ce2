"""Train one spaCy pipeline from a config kept in ``warta/train/configs``, seeded, one core."""

from __future__ import annotations

import os
from pathlib import Path

CONFIGS = Path(__file__).resolve().parent / "configs"


def config_path(name: str) -> Path:
    """The repository config for ``name`` (``ud`` or ``ner``)."""
    return CONFIGS / f"{name}.cfg"


def train_pipeline(
    name: str,
    *,
    corpus: Path,
    out: Path,
    data_name: str | None = None,
    overrides: dict[str, object] | None = None,
) -> Path:
    """Train config ``name`` on ``corpus``/{data_name}-train|dev.spacy (default: ``name``);
    return the best model's path.

    Thread counts are pinned to one so that runs are reproducible and fit a shared machine.
    """
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    from spacy.cli.train import train

    from warta.nlp import tokenizer  # noqa: F401  (registers warta.id_tokenizer.v1)
    from warta.train import callbacks  # noqa: F401  (registers warta's training callbacks)

    data_name = data_name or name
    settings: dict[str, object] = {
        "paths.train": str(corpus / f"{data_name}-train.spacy"),
        "paths.dev": str(corpus / f"{data_name}-dev.spacy"),
    }
    settings.update(overrides or {})
    out.mkdir(parents=True, exist_ok=True)
    train(config_path(name), out, use_gpu=-1, overrides=settings)
    return out / "model-best"


def pretrain_tok2vec(*, raw_text: Path, out: Path, vectors: Path | None,
                     overrides: dict[str, object] | None = None) -> Path:
    """Pretrain news.cfg's tok2vec on raw text (spaCy's character objective); return the
    weights of the last epoch, which ``news`` loads through ``paths.init_tok2vec``."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    from spacy.training.pretrain import pretrain
    from spacy.util import load_config

    from warta.nlp import tokenizer  # noqa: F401  (registers warta.id_tokenizer.v1)

    settings: dict[str, object] = {"paths.raw_text": str(raw_text),
                                   "paths.vectors": str(vectors) if vectors else None}
    if vectors is None:
        settings["components.tok2vec.model.embed.include_static_vectors"] = False
    settings.update(overrides or {})
    config = load_config(config_path("news"), overrides=settings, interpolate=False)
    out.mkdir(parents=True, exist_ok=True)
    config.to_disk(out / "config.cfg")
    pretrain(config.interpolate(), out, use_gpu=-1, silent=False)
    return max(out.glob("model*.bin"), key=lambda p: p.stat().st_mtime)
