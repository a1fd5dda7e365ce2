"""`warta eval ner FILE...`: entity precision/recall/F1 of warta's pipeline on gold tokens.

Each file is read like the corpora in shared/data (token first column, BIO or IO tag last,
blank line between sentences; a block of over 256 tokens without one is cut after
sentence-final punctuation, and Penn Treebank escapes such as ``-LRB-`` read as the characters);
labels are mapped as in training (PER/PERSON/PPL → PERSON, ORG/ORGANIZATION/IND → ORG,
LOC/LOCATION/PLACE/PLC → LOC; other types dropped). The pipeline runs on Docs built from the
gold tokens, so spans compare by token offsets; GPE predictions (the gazetteer's retyping of LOC)
count as LOC. Scoring is CoNLL style: exact span and label; in an IO-tagged file (wikiner)
adjacent predicted spans of one label are joined first, as its tags are.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click
from spacy.language import Language
from spacy.tokens import Doc

from warta.eval._common import json_line, load_pipeline, prf, warn_if_trained_on
from warta.eval._conll import NERSentence, read_ner

LABELS = ("PERSON", "ORG", "LOC")
PREDICTED_AS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}

Item = tuple[int, int, int, str]  # (sentence index, start, end, label)


def predict_spans(nlp: Language, sentences: list[NERSentence]) -> set[Item]:
    """Entity spans warta predicts on each sentence's gold tokens, labels folded to LABELS."""
    docs = (Doc(nlp.vocab, words=list(s.words)) for s in sentences)
    found: set[Item] = set()
    for i, (sent, doc) in enumerate(zip(sentences, nlp.pipe(docs, batch_size=64), strict=True)):
        spans = [(ent.start, ent.end, PREDICTED_AS.get(ent.label_)) for ent in doc.ents]
        kept = [(s, e, label) for s, e, label in spans if label is not None]
        for start, end, label in (_as_io(kept) if sent.io else kept):
            found.add((i, start, end, label))
    return found


def _as_io(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Predicted spans as an IO-tagged gold file can express them: adjacent spans of one label
    become one, since IO tags cannot mark where the first ends."""
    merged: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans):
        if merged and merged[-1][1] == start and merged[-1][2] == label:
            merged[-1] = (merged[-1][0], end, label)
        else:
            merged.append((start, end, label))
    return merged


def gold_spans(sentences: Iterable[NERSentence]) -> set[Item]:
    return {(i, s, e, label) for i, sent in enumerate(sentences) for s, e, label in sent.spans}


def score(gold: set[Item], pred: set[Item]) -> dict[str, Any]:
    """Overall and per-label precision/recall/F1."""
    result: dict[str, Any] = prf(gold, pred)
    for label in LABELS:
        result[label] = prf({g for g in gold if g[3] == label}, {p for p in pred if p[3] == label})
    return result


def evaluate_ner(nlp: Language, paths: Iterable[Path]) -> dict[str, Any]:
    """Scores over all files together, plus per file when there are several."""
    gold: set[Item] = set()
    pred: set[Item] = set()
    per_file: dict[str, dict[str, Any]] = {}
    offset = 0
    for path in paths:
        sentences = list(read_ner(path))
        file_gold, file_pred = gold_spans(sentences), predict_spans(nlp, sentences)
        per_file[str(path)] = score(file_gold, file_pred)
        gold |= {(i + offset, s, e, label) for i, s, e, label in file_gold}
        pred |= {(i + offset, s, e, label) for i, s, e, label in file_pred}
        offset += len(sentences)
    result = score(gold, pred)
    result["sentences"] = offset
    if len(per_file) > 1:
        result["files"] = {
            name: {k: s[k] for k in ("precision", "recall", "f1")} for name, s in per_file.items()
        }
    return result


@click.command("ner")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--model", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Model directory to score instead of the shipped one.")
@click.option("--stages/--no-stages", default=False, show_default=True,
              help="Also run warta's rule stages (gazetteer, actors) after the trained NER. "
                   "Off by default: they add actor mentions (a country acting as an agent) "
                   "that the corpora's conventions leave unlabelled.")
def ner(files: tuple[Path, ...], model: Path | None, stages: bool) -> None:
    """Score named entities on token-per-line NER files; prints one JSON line.

    Example:

        warta eval ner ../shared/data/idner-news-2k/dev.txt
    """
    nlp = load_pipeline(model, stages=stages)
    warn_if_trained_on(nlp, files)
    click.echo(json_line(evaluate_ner(nlp, files)))
