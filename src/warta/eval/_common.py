"""Helpers shared by warta's evaluation commands: loading the pipeline and scoring sets."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Hashable, Iterable
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warta.errors import Errors, InputError

if TYPE_CHECKING:
    from spacy.language import Language


def load_pipeline(model: Path | None, *, stages: bool = True) -> Language:
    """warta's shared pipeline, or a fresh one over another model directory (e.g. a dev run)."""
    if model is None and stages:
        import warta

        return warta.load()
    from warta.nlp.pipeline import build

    return build(model, stages=stages)


def trained_on(nlp: Language, path: Path) -> str | None:
    """How the model was trained on ``path``, if its meta lists it (``warta_trained_on``), so
    an evaluation on training data is flagged rather than read as a held-out score."""
    resolved = path.resolve().as_posix()
    for entry in nlp.meta.get("warta_trained_on", []):
        if resolved.endswith("/" + entry["file"]):
            return str(entry["part"])
    return None


def warn_if_trained_on(nlp: Language, paths: Iterable[Path]) -> None:
    import click

    for path in paths:
        part = trained_on(nlp, path)
        if part:
            click.echo(f"warning: {path}: the model was trained on {part}; these figures are "
                       "not held-out", err=True)


def gold_lines(text: str, name: str, *, required: tuple[str, ...] = (),
               either: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The JSON objects of a gold JSON Lines text; a broken line is one coded error (E006)
    naming the file and the line, not a traceback in the middle of an evaluation.

    ``required`` keys must be in every object (``_comment`` lines excepted); of ``either``, at
    least one.
    """
    items = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as e:
            raise InputError(_malformed(name, lineno, getattr(e, "msg", str(e))), path=name) from e
        if not isinstance(item, dict):
            raise InputError(_malformed(name, lineno, f"a JSON {type(item).__name__}, not an "
                                                     "object"), path=name)
        if "_comment" not in item:
            missing = [k for k in required if k not in item]
            if either and not any(k in item for k in either):
                missing.append(" or ".join(either))
            if missing:
                raise InputError(_malformed(name, lineno, f"no {', '.join(missing)}"), path=name)
        items.append(item)
    return items


def read_gold_text(path: Path) -> str:
    """A gold file's text; unreadable or undecodable is a coded error (E011/E004)."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise InputError(Errors.E004.format(path=path, reason=e), path=str(path)) from e
    except OSError as e:
        raise InputError(Errors.E011.format(path=path, reason=e.strerror or e),
                         path=str(path)) from e


def parse_xml(path: Path) -> ET.Element:
    """The root of an XML corpus file; malformed XML is one coded error (E006)."""
    try:
        return ET.parse(path).getroot()
    except ET.ParseError as e:
        raise InputError(Errors.E006.format(path=path, kind="XML", reason=e),
                         path=str(path)) from e
    except OSError as e:
        raise InputError(Errors.E011.format(path=path, reason=e.strerror or e),
                         path=str(path)) from e


def _malformed(name: str, lineno: int, reason: str) -> str:
    return Errors.E006.format(path=name, kind="gold JSON Lines", reason=f"line {lineno}: {reason}")


def prf(gold: AbstractSet[Hashable], pred: AbstractSet[Hashable]) -> dict[str, float | int]:
    """Precision, recall and F1 of predicted items against gold ones (exact match)."""
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "gold": len(gold), "predicted": len(pred)}


def json_line(result: dict[str, Any]) -> str:
    """The one JSON line an eval command prints."""
    return json.dumps(result, ensure_ascii=False, sort_keys=False)


def accuracy(pairs: Iterable[tuple[object, object]]) -> float:
    """Share of (gold, predicted) pairs that agree; 0.0 for none."""
    n = hits = 0
    for gold, pred in pairs:
        n += 1
        hits += gold == pred
    return round(hits / n, 4) if n else 0.0
