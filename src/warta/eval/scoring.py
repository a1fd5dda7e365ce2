"""Scoring against the gold corpus: actors, quotes and events, with bootstrap intervals.

Both sides are first brought to one plain form (:class:`Side`): actors with their names, type
and country; quotes as character spans in the annotated text with a speaker; events as
(source, type, target). A side is either a warta record (its offsets mapped back onto the
annotated text, since cleaning may drop lines) or another annotator's annotation, so the same
code scores warta and measures inter-annotator agreement. The rules are those of
``docs/annotation.md`` ("How warta is scored").
"""

from __future__ import annotations

import difflib
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
TYPE_CLASS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE"}
BOOTSTRAP = 1000
SEED = 20261204


@cache
def _titles() -> frozenset[str]:
    """Honorifics and titles dropped before names are compared (the scorer's own list)."""
    text = (resources.files("warta") / "eval" / "corpus" / "scoring_titles.txt").read_text(
        encoding="utf-8")
    return frozenset(w for line in text.splitlines() if (w := line.strip())
                     and not w.startswith("#"))


@dataclass
class Actor:
    id: str
    names: frozenset[str]
    type: str | None
    country: str | None


@dataclass
class Quote:
    span: tuple[int, int]
    speaker: str | None
    kind: str | None = None


@dataclass
class Event:
    source: str | None
    type: str
    target: str | None
    negated: bool = False
    modality: str = "asserted"
    mode: str | None = None


@dataclass
class Side:
    """One article's annotation or prediction in the scorer's form."""

    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def normalise(name: str) -> str:
    """A name folded for comparison: accents, case, punctuation and leading titles dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = re.sub(r"[^\w\s]", " ", text).split()
    titles = _titles()
    while len(words) > 1 and words[0] in titles:
        words = words[1:]
    return " ".join(words)


def _names(*groups: Sequence[str | None]) -> frozenset[str]:
    return frozenset(n for g in groups for s in g if s and (n := normalise(s)))


# --- bringing both sides to one form ------------------------------------------------------------


def from_gold(gold: dict[str, Any], text: str) -> Side:
    """An annotation (gold or an annotator's) in the scorer's form; its aliases are offsets into
    the annotated ``text`` (standoff), read back here."""
    actors = [Actor(a["id"], _names([a.get("name")],
                                    [text[s:e] for s, e in a.get("aliases") or []]),
                    a.get("type"), a.get("country")) for a in gold.get("actors", [])]
    quotes = [Quote(tuple(q["span"]), q.get("speaker"), q.get("kind"))
              for q in gold.get("quotes", []) if q.get("span")]
    events = [Event(e.get("source"), e["type"], e.get("target"), bool(e.get("negated")),
                    e.get("modality", "asserted"), e.get("mode"))
              for e in gold.get("events", [])]
    return Side(actors, quotes, events)


def offset_map(source: str, target: str) -> Callable[[int], int | None]:
    """Maps a character offset in ``source`` (warta's cleaned text) to ``target`` (the annotated
    text), through the blocks the two texts share; None where the source character is new."""
    if source == target:
        return lambda i: i
    blocks = difflib.SequenceMatcher(None, source, target, autojunk=False).get_matching_blocks()

    def to_target(i: int) -> int | None:
        for a, b, size in blocks:
            if a <= i < a + size or (size and i == a + size):
                return b + (i - a)
        return None

    return to_target


def from_record(record: dict[str, Any], text: str) -> Side:
    """A warta record in the scorer's form, its quote spans mapped onto the annotated text."""
    mapped = offset_map(record.get("text") or "", text)
    actors = [Actor(a["id"], _names([a.get("name")], a.get("aliases") or []), a.get("type"),
                    a.get("country")) for a in record.get("actors", [])]
    quotes = []
    for q in record.get("quotes", []):
        start, end = mapped(q["start"]), mapped(q["end"])
        if start is not None and end is not None and end > start:
            quotes.append(Quote((start, end), q.get("speaker"), q.get("kind")))
    events = [Event(e.get("source"), e["type"], e.get("target"), bool(e.get("negated")),
                    e.get("modality", "asserted"), e.get("mode"))
              for e in record.get("events", [])]
    return Side(actors, quotes, events)


# --- matching -----------------------------------------------------------------------------------


def match_actors(gold: list[Actor], pred: list[Actor]) -> dict[str, str]:
    """Predicted actor id → gold actor id, one to one: pairs sharing a normalised name, the
    pairs sharing most names (then the same type class) first."""
    candidates = []
    for g in gold:
        for p in pred:
            shared = len(g.names & p.names)
            if shared:
                same_class = TYPE_CLASS.get(g.type or "") == TYPE_CLASS.get(p.type or "")
                candidates.append((shared, same_class, g.id, p.id))
    candidates.sort(key=lambda c: (-c[0], not c[1]))
    out: dict[str, str] = {}
    used: set[str] = set()
    for _, _, gid, pid in candidates:
        if pid not in out and gid not in used:
            out[pid] = gid
            used.add(gid)
    return out


def score_actors(gold: Side, pred: Side) -> dict[str, Any]:
    pairs = match_actors(gold.actors, pred.actors)
    by_id = {a.id: a for a in gold.actors}
    errors: Counter[str] = Counter()
    country_ok = type_ok = 0
    for p in pred.actors:
        gid = pairs.get(p.id)
        if gid is None:
            if p.type != "LOC":  # a place warta lists as a location, not as an actor
                errors["spurious"] += 1
            continue
        g = by_id[gid]
        if g.country == p.country:
            country_ok += 1
        else:
            errors["wrong country"] += 1
        if TYPE_CLASS.get(g.type or "") == TYPE_CLASS.get(p.type or ""):
            type_ok += 1
        else:
            errors["wrong type"] += 1
    errors["missed"] = len(gold.actors) - len(pairs)
    n_pred = sum(1 for p in pred.actors if p.type != "LOC" or p.id in pairs)
    return {"tp": len(pairs), "gold": len(gold.actors), "pred": n_pred,
            "country_ok": country_ok, "type_ok": type_ok, "errors": errors}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter * 2 >= min(a[1] - a[0], b[1] - b[0])


def score_quotes(gold: Side, pred: Side, actor_map: dict[str, str]) -> dict[str, Any]:
    errors: Counter[str] = Counter()
    free = list(range(len(pred.quotes)))
    tp = 0
    for g in gold.quotes:
        hit = next((i for i in free if _overlap(g.span, pred.quotes[i].span)), None)
        if hit is None:
            errors["span missed"] += 1
            continue
        free.remove(hit)
        speaker = pred.quotes[hit].speaker
        mapped = actor_map.get(speaker) if speaker else None
        if mapped == g.speaker:
            tp += 1
        elif speaker is None:
            errors["speaker missing"] += 1
        else:
            errors["speaker wrong"] += 1
    errors["spurious"] = len(free)
    return {"tp": tp, "gold": len(gold.quotes), "pred": len(pred.quotes),
            "spans": len(gold.quotes) - errors["span missed"], "errors": errors}


def _party(actor_id: str | None, actor_map: dict[str, str]) -> str | None:
    """A predicted party as the gold actor it matches; an unmatched one matches nothing."""
    if actor_id is None:
        return None
    return actor_map.get(actor_id, "unmatched:" + actor_id)


def _same_parties(g: Event, s: str | None, t: str | None) -> bool:
    if (g.source, g.target) == (s, t):
        return True
    return g.type in SYMMETRIC and (g.source, g.target) == (t, s)


def _error_kind(g: Event, s: str | None, t: str | None, typ: str) -> str | None:
    """How a predicted event near a missed gold event got it wrong, or None if unrelated."""
    if typ == g.type:
        sides = {(g.source, s), (g.target, t)}
        if g.type in SYMMETRIC:
            sides_rev = {(g.source, t), (g.target, s)}
            if sum(a == b for a, b in sides_rev) > sum(a == b for a, b in sides):
                sides = sides_rev
        if any(a == b and a is not None for a, b in sides):
            return "party missing" if any(b is None and a is not None for a, b in sides) \
                else "wrong party"
        return None
    return "wrong type" if _same_parties(g, s, t) else None


def _distinct(events: list[Event], key: Callable[[Event], tuple[Any, ...]]) -> list[Event]:
    """One event per (source, type, target): the unit the corpus is scored in."""
    seen: dict[tuple[Any, ...], Event] = {}
    for event in events:
        seen.setdefault(key(event), event)
    return list(seen.values())


def score_events(gold: Side, pred: Side, actor_map: dict[str, str]) -> dict[str, Any]:
    gold_events = _distinct(gold.events, lambda e: (e.source, e.type, e.target))
    pred_events = _distinct(pred.events, lambda e: (_party(e.source, actor_map), e.type,
                                                    _party(e.target, actor_map)))
    coded = [(_party(p.source, actor_map), p.type, _party(p.target, actor_map), p)
             for p in pred_events]
    free = list(range(len(coded)))
    matched: list[tuple[Event, Event]] = []
    missed = []
    for g in gold_events:
        hit = next((i for i in free if coded[i][1] == g.type
                    and _same_parties(g, coded[i][0], coded[i][2])), None)
        if hit is None:
            missed.append(g)
        else:
            free.remove(hit)
            matched.append((g, coded[hit][3]))
    errors: Counter[str] = Counter()
    for g in missed:
        kind = next(((k, i) for i in free
                     if (k := _error_kind(g, coded[i][0], coded[i][2], coded[i][1]))), None)
        if kind is None:
            errors["missed"] += 1
        else:
            errors[kind[0]] += 1
            free.remove(kind[1])
    errors["spurious"] = len(free)
    no_party = sum(1 for p in pred_events if p.source is None or p.target is None)
    # the gold's own events with a side open (an arrest by unnamed police, a protest at no
    # one): the rate ``missing_party_rate`` is read against
    gold_no_party = sum(1 for g in gold_events if g.source is None or g.target is None)
    return {"tp": len(matched), "gold": len(gold_events), "pred": len(pred_events),
            "no_party": no_party, "gold_no_party": gold_no_party, "errors": errors,
            "negated_ok": sum(g.negated == p.negated for g, p in matched),
            "modality_ok": sum(g.modality == p.modality for g, p in matched)}


def score_article(gold: Side, pred: Side) -> dict[str, dict[str, Any]]:
    actors = score_actors(gold, pred)
    actor_map = match_actors(gold.actors, pred.actors)
    return {"actors": actors, "quotes": score_quotes(gold, pred, actor_map),
            "events": score_events(gold, pred, actor_map)}


# --- figures with intervals ---------------------------------------------------------------------


def prf(tp: int, gold: int, pred: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _ratio(num: str, den: str) -> Callable[[Sequence[dict[str, Any]]], float]:
    def f(rows: Sequence[dict[str, Any]]) -> float:
        d = sum(r[den] for r in rows)
        return sum(r[num] for r in rows) / d if d else 0.0
    return f


def _prf_stat(i: int) -> Callable[[Sequence[dict[str, Any]]], float]:
    def f(rows: Sequence[dict[str, Any]]) -> float:
        return prf(sum(r["tp"] for r in rows), sum(r["gold"] for r in rows),
                   sum(r["pred"] for r in rows))[i]
    return f


def interval(rows: Sequence[dict[str, Any]], stat: Callable[[Sequence[dict[str, Any]]], float],
             *, n: int = BOOTSTRAP, seed: int = SEED) -> list[float]:
    """A 95 % percentile bootstrap interval of ``stat`` over articles (resampled whole)."""
    if not rows:
        return [0.0, 0.0]
    rng = random.Random(seed)
    values = sorted(stat([rows[rng.randrange(len(rows))] for _ in rows]) for _ in range(n))
    return [round(values[int(0.025 * n)], 4), round(values[min(n - 1, int(0.975 * n))], 4)]


def summarise(layer: str, rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One layer's figures over articles: P/R/F1 with intervals, extra rates, error counts."""
    tp, gold, pred = (sum(r[k] for r in rows) for k in ("tp", "gold", "pred"))
    p, r, f = prf(tp, gold, pred)
    out: dict[str, Any] = {
        "articles": len(rows), "gold": gold, "predicted": pred, "matched": tp,
        "precision": round(p, 4), "precision_ci": interval(rows, _prf_stat(0)),
        "recall": round(r, 4), "recall_ci": interval(rows, _prf_stat(1)),
        "f1": round(f, 4), "f1_ci": interval(rows, _prf_stat(2)),
    }
    extras = {"actors": [("country_accuracy", "country_ok", "tp"),
                         ("type_accuracy", "type_ok", "tp")],
              "quotes": [("span_recall", "spans", "gold")],
              "events": [("missing_party_rate", "no_party", "pred"),
                         ("gold_missing_party_rate", "gold_no_party", "gold"),
                         ("negation_accuracy", "negated_ok", "tp"),
                         ("modality_accuracy", "modality_ok", "tp")]}[layer]
    for name, num, den in extras:
        stat = _ratio(num, den)
        out[name] = round(stat(rows), 4)
        out[name + "_ci"] = interval(rows, stat)
    if layer == "actors":
        out["found"], out["found_ci"] = out["recall"], out["recall_ci"]
    errors: Counter[str] = Counter()
    for row in rows:
        errors.update(row["errors"])
    out["errors"] = {k: v for k, v in sorted(errors.items()) if v}
    return out
