"""`warta eval events`: (source, type, target) precision/recall/F1 against hand-annotated events.

The gold files (``eval/data/events_gold.jsonl``, the development set the rules were tuned on, and
``events_heldout.jsonl``, written afterwards and never tuned on) hold texts the team wrote and
references to shared articles (path, sha256, character offsets and labels — never their text;
read at run time and skipped with a message when absent). Actors are compared by ISO-3166
country code, or by actor id for actors without a country (PBB, NATO); symmetric gold events
match either direction.

Two settings: ``--actors pipeline`` (default) runs the whole shipped pipeline on the text, so
entity, actor and date errors count; ``--actors oracle`` gives the events stage the gold entities,
actors and dates, measuring event coding alone. Mode, date, location, modality and negation are
scored on matched events; "reversed" counts predicted events whose direction contradicts a
directed gold event (the one error warta must not make).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import click

from warta.cli.options import deprecated_alias
from warta.eval._common import gold_lines, json_line, read_gold_text

SETS = {"dev": "events_gold.jsonl", "heldout": "events_heldout.jsonl",
        "heldout2": "events_heldout2.jsonl"}


@dataclass(frozen=True)
class Coded:
    """One event reduced to what the evaluation compares."""

    source: str | None
    type: str
    target: str | None
    mode: str | None = None
    date: str | None = None
    location: str | None = None
    modality: str = "asserted"
    negated: bool = False
    sym: bool = False


def load_gold(path: Path | None = None, *, name: str = "dev") -> list[dict[str, Any]]:
    """The gold items of a file or a shipped set (the leading ``_comment`` line skipped)."""
    if path is not None:
        text, where = read_gold_text(path), str(path)
    else:
        text, where = (resources.files("warta") / "eval" / "data" / SETS[name]).read_text(
            encoding="utf-8"), SETS[name]
    items = gold_lines(text, where, required=("id", "events"), either=("text", "ref"))
    return [i for i in items if "_comment" not in i]


def item_text(item: dict[str, Any], shared: Path) -> tuple[str | None, str | None]:
    """(text, why it is missing): the item's own text, or the referenced shared file's."""
    if "text" in item:
        return item["text"], None
    ref = item["ref"]
    path = shared / ref["corpus"] / ref["path"]
    if not path.exists():
        return None, f"{item['id']}: {path} absent"
    text = _csv_cell(path, ref) if "key" in ref else path.read_text(encoding="utf-8")
    if text is None:
        return None, f"{item['id']}: no row {ref['key']} in {path}"
    if ref.get("sha256") and hashlib.sha256(text.encode()).hexdigest() != ref["sha256"]:
        return None, f"{item['id']}: {path} differs from the annotated version"
    return text, None


def _csv_cell(path: Path, ref: dict[str, Any]) -> str | None:
    """The text cell of the CSV row whose key columns match (e.g. Detik's ``id``)."""
    import csv
    import sys

    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if all(row.get(k) == v for k, v in ref["key"].items()):
                return row[ref["column"]]
    return None


def oracle_doc(item: dict[str, Any], text: str) -> Any:
    """A Doc carrying the gold entities, actors and dates, for the events stage alone."""
    from spacy.tokens import Span

    from warta.nlp import extensions
    from warta.types import Actor, Dateline, DateMention

    extensions.register()
    nlp = _blank()
    doc = nlp(text)
    spans, actors = [], {}
    for start, end, label, actor_id, country in item["entities"]:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is None or any(s.start < span.end and span.start < s.end for s in spans):
            continue
        span = Span(doc, span.start, span.end, label=label)
        span._.actor = actor_id
        if actor_id:
            actors[actor_id] = Actor(actor_id, text[start:end], label, country)
        spans.append(span)
    doc.ents = sorted(spans, key=lambda s: s.start)
    doc._.actors = list(actors.values())
    doc._.dates = [DateMention(doc.char_span(s, e, alignment_mode="expand"), v)
                   for s, e, v in item["dates"]]
    doc._.published = item.get("published")
    doc._.dateline = Dateline(item["dateline"], None) if item.get("dateline") else None
    doc._.language = "id"
    return doc


_BLANK: list[Any] = []


def _blank() -> Any:
    if not _BLANK:
        import spacy

        nlp = spacy.blank("id")
        nlp.add_pipe("sentencizer")
        _BLANK.append(nlp)
    return _BLANK[0]


def pipeline_doc(nlp: Any, item: dict[str, Any], text: str) -> Any:
    """Run the shipped pipeline with the article's metadata set before the stages."""
    from warta.types import Dateline

    doc = nlp.make_doc(text)
    doc._.published = item.get("published")
    doc._.dateline = Dateline(item["dateline"], None) if item.get("dateline") else None
    doc._.language = "id"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _key(doc: Any, actor_id: str | None) -> str | None:
    if actor_id is None:
        return None
    for actor in doc._.actors or []:
        if actor.id == actor_id and actor.country:
            return actor.country
    return actor_id


def predicted(doc: Any) -> list[Coded]:
    """The events stage's output on a Doc, coded for comparison."""
    from warta.extract.events import extract_events

    events = doc._.events if doc._.events is not None else extract_events(doc)
    return [Coded(_key(doc, e.source), e.type, _key(doc, e.target), e.mode, e.date,
                  e.location.name if e.location else None, e.modality, e.negated,
                  _symmetric(e.trigger)) for e in events]


def _symmetric(trigger: Any) -> bool:
    """Whether the trigger's lexicon entry is undirected (a meeting is never "reversed")."""
    from warta.extract.event_lexicon import lexicon

    form = lexicon().get(tuple(t.lower_ for t in trigger))
    return form is not None and "sym" in form.entry.flags


def gold_events(item: dict[str, Any]) -> list[Coded]:
    return [Coded(e["source"], e["type"], e["target"], e.get("mode"), e.get("date"),
                  e.get("location"), e.get("modality", "asserted"), e.get("negated", False),
                  e.get("sym", False)) for e in item["events"]]


def _same(g: Coded, p: Coded) -> bool:
    if g.type != p.type:
        return False
    if (g.source, g.target) == (p.source, p.target):
        return True
    return g.sym and (g.source, g.target) == (p.target, p.source)


def _reversed(g: Coded, p: Coded) -> bool:
    return (not g.sym and not p.sym and g.type == p.type and g.source is not None
            and g.target is not None and (g.source, g.target) == (p.target, p.source)
            and g.source != g.target)


def score_item(gold: list[Coded], pred: list[Coded]) -> dict[str, Any]:
    """Greedy one-to-one matching of predicted to gold events; counts and matched pairs."""
    free = list(pred)
    pairs = []
    for g in gold:
        hits = [p for p in free if _same(g, p)]
        hit = max(hits, key=lambda p: (p.mode == g.mode) + (p.date == g.date)
                  + (p.modality == g.modality), default=None)
        if hit is not None:
            free.remove(hit)
            pairs.append((g, hit))
    rev = sum(1 for p in free if any(_reversed(g, p) for g in gold))
    return {"tp": len(pairs), "gold": len(gold), "pred": len(pred), "reversed": rev,
            "pairs": pairs, "missed": [g for g in gold if all(g is not a for a, _ in pairs)],
            "spurious": free}


def _acc(pairs: list[tuple[Coded, Coded]], attr: str) -> float | None:
    if not pairs:
        return None
    hits = sum(getattr(g, attr) == getattr(p, attr) for g, p in pairs)
    return round(hits / len(pairs), 4)


def _place_key(name: str | None) -> str | None:
    """A place name as the gazetteer knows it ("Kairo" and "Cairo" are one place)."""
    if name is None:
        return None
    from warta.resolve.places import resolve

    place = resolve(name)
    return place.kb or name.lower()


def _loc_acc(pairs: list[tuple[Coded, Coded]]) -> float | None:
    if not pairs:
        return None
    hits = sum(_place_key(g.location) == _place_key(p.location) for g, p in pairs)
    return round(hits / len(pairs), 4)


def evaluate(items: list[dict[str, Any]], *, shared: Path, oracle: bool,
             model: Path | None = None, verbose: bool = False) -> dict[str, Any]:
    """Score every available gold item; returns the figures the command prints."""
    nlp = None
    if not oracle:
        from warta.eval._common import load_pipeline

        nlp = load_pipeline(model)
    tp = n_gold = n_pred = rev = 0
    pairs: list[tuple[Coded, Coded]] = []
    skipped = []
    for item in items:
        text, why = item_text(item, shared)
        if text is not None and oracle and "entities" not in item:
            text, why = None, f"{item['id']}: no gold entities (scored with --actors pipeline)"
        if text is None:
            skipped.append(why)
            click.echo(f"skipped {why}", err=True)
            continue
        doc = oracle_doc(item, text) if oracle else pipeline_doc(nlp, item, text)
        result = score_item(gold_events(item), predicted(doc))
        tp, n_gold, n_pred = tp + result["tp"], n_gold + result["gold"], n_pred + result["pred"]
        rev += result["reversed"]
        pairs.extend(result["pairs"])
        if verbose:
            for g in result["missed"]:
                click.echo(f"{item['id']} MISSED   {g.source} {g.type} {g.target}", err=True)
            for p in result["spurious"]:
                click.echo(f"{item['id']} SPURIOUS {p.source} {p.type} {p.target}", err=True)
            for g, p in result["pairs"]:
                for attr in ("mode", "date", "location", "modality"):
                    gold, pred = getattr(g, attr), getattr(p, attr)
                    if (_place_key(gold) if attr == "location" else gold) != \
                            (_place_key(pred) if attr == "location" else pred):
                        click.echo(f"{item['id']} {attr.upper()} {g.type}: gold {gold!r}, "
                                   f"predicted {pred!r}", err=True)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"task": "events", "actors": "oracle" if oracle else "pipeline",
            "articles": len(items) - len(skipped), "skipped": len(skipped),
            "gold": n_gold, "predicted": n_pred, "matched": tp,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "reversed": rev, "mode_accuracy": _acc(pairs, "mode"),
            "date_accuracy": _acc(pairs, "date"), "location_accuracy": _loc_acc(pairs),
            "modality_accuracy": _acc(pairs, "modality"),
            "negation_accuracy": _acc(pairs, "negated")}


@click.command()
@click.option("--gold", "gold_path", default=None, type=click.Path(exists=True, dir_okay=False),
              help="Gold JSONL (default: the shipped set chosen by --set).")
@click.option("--set", "set_name", type=click.Choice([*SETS, "all"]), default="all",
              show_default=True, help="dev: the set the rules were tuned on; heldout: texts "
              "written after tuning, never tuned on; all: both.")
@click.option("--data", default="../shared/data", show_default=True,
              type=click.Path(file_okay=False),
              help="Folder of staged corpora (shared/data); referenced articles are read from it "
                   "and from the seeds folder beside it.")
@deprecated_alias("--shared", "--data", "data", convert=lambda shared: str(Path(shared) / "data"),
                  type=click.Path(file_okay=False))
@click.option("--actors", "actors_mode", type=click.Choice(["pipeline", "oracle"]),
              default="pipeline", show_default=True,
              help="Run the whole pipeline, or give the events stage the gold actors and dates.")
@click.option("--model", default=None, type=click.Path(file_okay=False),
              help="Another trained model directory (default: the shipped one).")
@click.option("--verbose", is_flag=True, help="List missed and spurious events on stderr.")
def events(gold_path: str | None, set_name: str, data: str, actors_mode: str,
           model: str | None, verbose: bool) -> None:
    """Event (source, type, target) P/R/F1, reversed directions, and mode/date/place accuracy.

    Example:

        warta eval events --actors oracle --verbose
    """
    if gold_path:
        items = load_gold(Path(gold_path))
    else:
        names = list(SETS) if set_name == "all" else [set_name]
        items = [i for n in names for i in load_gold(name=n)]
    result = evaluate(items, shared=Path(data).parent, oracle=actors_mode == "oracle",
                      model=Path(model) if model else None, verbose=verbose)
    result["set"] = "file" if gold_path else set_name
    click.echo(json_line(result))
