"""Links gold: duplicate articles, one event in many reports, stories, and search by meaning.

The gold (``eval/links/``, standoff: corpus, key and sha256 of each article, offsets of event
mentions; see its README) was written blind by independent annotators from the staged news.
Each command prints one JSON line with its figures and 95 % bootstrap intervals:

- ``duplicates``: pairwise precision/recall/F1 of "is a copy of" over the judged article pairs;
- ``stories``: pairwise figures over the judged pairs (a copy is the same story) and B-cubed over
  the story sets, whose every article was grouped;
- ``cross-events``: pairwise figures over the judged pairs of event mentions from two reports;
- ``search``: nDCG@10 per search mode over the judged queries, on the Detik collection.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from math import log2
from pathlib import Path
from typing import Any

import click

from warta.eval import scoring
from warta.eval._common import json_line
from warta.eval.corpus import DETIK, TextMismatchError, document_meta, document_text, sha256

SHARED_DATA = Path("../shared/data")
LINK_SPLITS = ("dev", "test")
SEARCH_MODES = ("fts", "semantic", "hybrid")
NDCG_DEPTH = 10


@dataclass(frozen=True)
class Ref:
    """One staged article: where its text comes from and the fingerprint it was judged on."""

    corpus: str
    key: str
    sha256: str

    @property
    def id(self) -> str:
        return f"{self.corpus}/{self.key}"


def links_dir() -> Path:
    return Path(str(resources.files("warta") / "eval" / "links"))


def _ref(obj: Mapping[str, Any]) -> Ref:
    return Ref(str(obj["corpus"]), str(obj["key"]), str(obj["sha256"]))


def read_gold(name: str, *, root: Path | None = None) -> list[dict[str, Any]]:
    """The objects of one gold file of ``eval/links``."""
    path = (root or links_dir()) / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


GOLD_FILES = ("pairs.jsonl", "event_pairs.jsonl", "stories.jsonl", "queries.jsonl")


def test_digest(*, root: Path | None = None) -> str:
    """A digest of the test split's gold, pinned in ``test.sha256``: the test split changes only
    in a gold commit of its own, never silently."""
    digest = hashlib.sha256()
    for name in GOLD_FILES:
        for row in read_gold(name, root=root):
            if row["split"] == "test":
                digest.update(json.dumps(row, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


def split_of(name: str) -> str:
    """A judged item's split, fixed by its id alone: about half dev, half test."""
    return LINK_SPLITS[hashlib.sha1(name.encode()).digest()[0] % 2]


# --- measures -----------------------------------------------------------------------------------


def pair_rows(judged: Iterable[tuple[bool, bool]]) -> list[dict[str, int]]:
    """(gold same, predicted same) per judged pair -> rows that ``scoring`` sums and resamples."""
    return [{"tp": int(g and p), "gold": int(g), "pred": int(p)} for g, p in judged]


def pair_figures(rows: Sequence[dict[str, int]]) -> dict[str, Any]:
    tp, gold, pred = (sum(r[k] for r in rows) for k in ("tp", "gold", "pred"))
    p, r, f = scoring.prf(tp, gold, pred)
    return {"pairs": len(rows), "gold_same": gold, "predicted_same": pred, "matched": tp,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "f1_ci": scoring.interval(rows, _f1)}


def _f1(rows: Sequence[dict[str, int]]) -> float:
    return scoring.prf(*(sum(r[k] for r in rows) for k in ("tp", "gold", "pred")))[2]


def bcubed(gold: Mapping[str, str], pred: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering ``pred`` against ``gold`` (item ->
    cluster), over the items of ``gold`` (an item missing from ``pred`` is a cluster alone)."""
    items = list(gold)
    if not items:
        return 0.0, 0.0, 0.0
    g_members: dict[str, set[str]] = defaultdict(set)
    p_members: dict[str, set[str]] = defaultdict(set)
    for item in items:
        g_members[gold[item]].add(item)
        p_members[pred.get(item, "\0" + item)].add(item)
    precision = recall = 0.0
    for item in items:
        g = g_members[gold[item]]
        p = p_members[pred.get(item, "\0" + item)]
        both = len(g & p)
        precision += both / len(p)
        recall += both / len(g)
    precision, recall = precision / len(items), recall / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def ndcg(ranked: Sequence[str], grades: Mapping[str, int], depth: int = NDCG_DEPTH) -> float:
    """nDCG@depth with gains 2^grade - 1; unjudged documents gain nothing."""
    def dcg(gains: Iterable[int]) -> float:
        return float(sum((2.0 ** g - 1) / log2(i + 2) for i, g in enumerate(gains)))

    ideal = dcg(sorted(grades.values(), reverse=True)[:depth])
    if not ideal:
        return 0.0
    return dcg(grades.get(doc, 0) for doc in ranked[:depth]) / ideal


def _mean_ci(values: Sequence[float]) -> list[float]:
    rows = [{"v": v} for v in values]
    return scoring.interval(rows, lambda rs: sum(r["v"] for r in rs) / len(rs) if rs else 0.0)


# --- texts and records --------------------------------------------------------------------------


@cache
def _text(ref: Ref, data: Path) -> str:
    text = document_text(ref.corpus, ref.key, data)
    if sha256(text) != ref.sha256:
        raise TextMismatchError(f"{ref.id}: the staged text no longer matches the gold")
    return text


def _records(refs: Iterable[Ref], data: Path, nlp: Any = None) -> dict[Ref, dict[str, Any]]:
    """warta's record of each article, read as plain text with its source's title and date."""
    from warta.eval._common import load_pipeline
    from warta.process import analyze
    from warta.settings import load_settings
    from warta.types import RawArticle, Source

    settings = load_settings()
    nlp = nlp or load_pipeline(None)
    out = {}
    for ref in sorted(set(refs), key=lambda r: r.id):
        meta = document_meta(ref.corpus, ref.key, data)
        raw = RawArticle(Source(path=ref.id, format="text", native_id=ref.key), _text(ref, data),
                         title=meta["title"], published=meta["published"])
        out[ref] = analyze(raw, nlp, settings)
    return out


def _by_date(refs: Iterable[Ref], data: Path) -> list[Ref]:
    return sorted(set(refs), key=lambda r: (document_meta(r.corpus, r.key, data)["published"]
                                            or "", r.id))


# --- the evaluations ----------------------------------------------------------------------------


def _pairs(split: str, root: Path | None) -> list[tuple[Ref, Ref, str]]:
    return [(_ref(p["a"]), _ref(p["b"]), str(p["label"]))
            for p in read_gold("pairs.jsonl", root=root)
            if p["split"] == split]


def duplicates(split: str, *, data: Path, root: Path | None = None) -> dict[str, Any]:
    """Copies found by ``warta.link.dedup`` among the judged pairs' articles, added in date order
    as a store would receive them."""
    from warta.link.dedup import Deduper

    pairs = _pairs(split, root)
    deduper = Deduper()
    canonical = {}
    for ref in _by_date([r for a, b, _ in pairs for r in (a, b)], data):
        meta = document_meta(ref.corpus, ref.key, data)
        canonical[ref] = deduper.add(ref.id, meta["title"] or "", _text(ref, data))
    rows = pair_rows((label == "duplicate", canonical[a] == canonical[b]) for a, b, label in pairs)
    return {"task": "duplicates", "split": split, **pair_figures(rows)}


def stories(split: str, *, data: Path, root: Path | None = None) -> dict[str, Any]:
    """Stories from ``warta.link.stories`` over the judged pairs (pairwise) and over the story
    set of the split (B-cubed)."""
    from warta.link.stories import group_stories

    pairs = _pairs(split, root)
    members = [(_ref(s["article"]), str(s["story"])) for s in read_gold("stories.jsonl", root=root)
               if s["split"] == split]
    records = _records([r for a, b, _ in pairs for r in (a, b)] + [r for r, _ in members], data)
    pair_story = _story_ids(group_stories([records[r] for a, b, _ in pairs for r in (a, b)]),
                            records)
    rows = pair_rows((label != "different", pair_story[a] == pair_story[b])
                     for a, b, label in pairs)
    set_story = _story_ids(group_stories([records[r] for r, _ in members]), records)
    p, r, f = bcubed({ref.id: story for ref, story in members},
                     {ref.id: set_story[ref] for ref, _ in members})
    return {"task": "stories", "split": split, "pairwise": pair_figures(rows),
            "bcubed": {"articles": len(members), "precision": round(p, 4), "recall": round(r, 4),
                       "f1": round(f, 4)}}


def _story_ids(grouping: Mapping[str, str],
               records: Mapping[Ref, dict[str, Any]]) -> dict[Ref, str]:
    return {ref: grouping.get(record["id"], "\0" + ref.id) for ref, record in records.items()}


def cross_events(split: str, *, data: Path, root: Path | None = None) -> dict[str, Any]:
    """Event mentions joined by ``warta.link.events`` (with the stories of the judged articles,
    as `warta link` joins them): two judged mentions are predicted the same event when warta's
    events aligned with them (``aligned_events``) share a real-world event id."""
    from warta.link.events import link_event_mentions
    from warta.link.stories import group_stories

    judged = [p for p in read_gold("event_pairs.jsonl", root=root) if p["split"] == split]
    spans = [(_ref(side), int(side["start"]), int(side["end"])) for p in judged
             for side in (p["a"], p["b"])]
    records = _records([ref for ref, _, _ in spans], data)
    # as `warta link` does: the events of one story may join with a side missing
    linked = link_event_mentions(list(records.values()),
                                 stories=group_stories(list(records.values())))

    @cache
    def aligned(ref: Ref, start: int, end: int) -> tuple[int, ...]:
        return tuple(aligned_events(records[ref], _text(ref, data), start, end))

    def events_at(side: Mapping[str, Any]) -> set[str]:
        ref = _ref(side)
        record = records[ref]
        return {linked[(record["id"], i)]
                for i in aligned(ref, int(side["start"]), int(side["end"]))
                if (record["id"], i) in linked}

    rows = pair_rows((p["label"] == "same", bool(events_at(p["a"]) & events_at(p["b"])))
                     for p in judged)
    # The linking step alone: the pairs whose two mentions both carry a warta event.
    detected = [p for p in judged if events_at(p["a"]) and events_at(p["b"])]
    linkable = pair_rows((p["label"] == "same", bool(events_at(p["a"]) & events_at(p["b"])))
                         for p in detected)
    found = sum(bool(events_at(side)) for p in judged for side in (p["a"], p["b"]))
    return {"task": "cross-events", "split": split, **pair_figures(rows),
            "mentions_with_a_warta_event": round(found / (2 * len(judged)), 4) if judged else 0.0,
            "both_mentions_detected": pair_figures(linkable)}


def aligned_events(record: Mapping[str, Any], text: str, start: int, end: int) -> list[int]:
    """Indexes of ``record["events"]`` reported by the judged mention ``text[start:end]``.

    warta's offsets are in its cleaned text (paragraph breaks added, boilerplate lines cut),
    the gold's in the staged text, so an event's span is first mapped onto ``text``; it is the
    mention's when the two spans overlap by at least half of the shorter (a sentence that only
    touches the mention's edge, a line break's worth, is another sentence's event). An event
    merged from several sentences of its article is reported by each: its ``evidence`` spans
    align like its own."""
    mapped = _offset_map(str(record.get("text") or ""), text)
    out = []
    for i, event in enumerate(record.get("events") or []):
        for s, e in _event_spans(event):
            span = _mapped_span(mapped, s, e)
            if span is None:
                continue
            shared = min(end, span[1]) - max(start, span[0])
            if shared > 0 and 2 * shared >= min(end - start, span[1] - span[0]):
                out.append(i)
                break
    return out


def _event_spans(event: Mapping[str, Any]) -> list[tuple[int, int]]:
    """Where a record's event is reported: its trigger's sentence, and each evidence span (the
    mentions of it merged from other sentences of the article)."""
    spans = [] if event.get("start") is None or event.get("end") is None \
        else [(int(event["start"]), int(event["end"]))]
    return spans + [(int(s), int(e)) for s, e in event.get("evidence") or []]


@lru_cache(maxsize=64)
def _offset_map(source: str, target: str) -> Callable[[int], int | None]:
    return scoring.offset_map(source, target)


def _mapped_span(mapped: Callable[[int], int | None], start: int,
                 end: int) -> tuple[int, int] | None:
    """``[start, end)`` of the cleaned text in the staged text: its first and last characters
    that the two texts share (None when it shares none)."""
    first = next((m for i in range(start, end) if (m := mapped(i)) is not None), None)
    last = next((m for i in range(end - 1, start - 1, -1) if (m := mapped(i)) is not None), None)
    if first is None or last is None or last < first:
        return None
    return first, last + 1


def search(split: str, *, data: Path, db: Path | None = None, root: Path | None = None,
           modes: Sequence[str] = SEARCH_MODES) -> dict[str, Any]:
    """nDCG@10 of each search mode over the split's judged queries, on a store of the staged
    Detik collection (``db``, else one built with ``warta ingest`` in a temporary folder)."""
    queries = [q for q in read_gold("queries.jsonl", root=root) if q["split"] == split]
    with tempfile.TemporaryDirectory() as tmp:
        path = db or _detik_store(Path(tmp) / "detik.db", data)
        return {"task": "search", "split": split, "queries": len(queries),
                **_search_figures(path, queries, modes)}


def _detik_store(path: Path, data: Path) -> Path:
    source = data / DETIK[0] / DETIK[1]
    config = path.with_suffix(".toml")  # the embed stage is off by default; search needs it
    config.write_text("[embed]\nenabled = true\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "warta", "ingest", str(source), "--db", str(path),
                    "--config", str(config)], check=True, stdout=subprocess.DEVNULL)
    return path


def _search_figures(path: Path, queries: Sequence[Mapping[str, Any]],
                    modes: Sequence[str]) -> dict[str, Any]:
    from warta.store.db import connect
    from warta.store.queries import search as run_search

    conn = connect(path, read_only=True)
    try:
        # A judged copy stored as a version of another article counts for that article.
        article_of = dict(conn.execute(
            "SELECT native_id, article_id FROM article_versions WHERE native_id IS NOT NULL"))
        article_of.update(conn.execute("SELECT native_id, article_id FROM article_refs"))
        out: dict[str, Any] = {}
        for mode in modes:
            scores = []
            for q in queries:
                grades: dict[str, int] = {}
                for j in q["judgements"]:
                    doc = article_of.get(str(j["article"]["key"]))
                    if doc is not None:
                        grades[doc] = max(grades.get(doc, 0), int(j["grade"]))
                hits = run_search(conn, q["query"], mode=mode, limit=NDCG_DEPTH)
                scores.append(ndcg([h["id"] for h in hits], grades))
            mean = sum(scores) / len(scores) if scores else 0.0
            out[mode] = {"ndcg@10": round(mean, 4), "ndcg@10_ci": _mean_ci(scores)}
        return out
    finally:
        conn.close()


def agreement(*, root: Path | None = None) -> dict[str, Any]:
    """Agreement of two independent readings, before adjudication: article-pair labels and
    event-link labels (observed, Cohen's kappa), story groupings (B-cubed F1 of one against the
    other) and relevance grades (kappa on relevant = grade >= 1)."""
    return {"task": "links-agreement",
            "article_pairs": _label_agreement(read_gold("pairs.double.jsonl", root=root)),
            "event_links": _label_agreement(read_gold("event_pairs.double.jsonl", root=root)),
            "stories": _story_agreement(read_gold("stories.double.jsonl", root=root)),
            "relevance": _label_agreement(
                [{"pair": f"{g['qid']}/{g['doc']}", "annotator": g["annotator"],
                  "label": "relevant" if int(g["grade"]) >= 1 else "not"}
                 for g in read_gold("queries.double.jsonl", root=root)])}


def _label_agreement(double: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    labels = sorted({str(d["label"]) for d in double})
    by_pair: dict[str, dict[str, str]] = defaultdict(dict)
    for d in double:
        by_pair[str(d["pair"])][str(d["annotator"])] = str(d["label"])
    both = [v for v in by_pair.values() if len(v) == 2]
    agree = sum(len(set(v.values())) == 1 for v in both)
    firsts, seconds = ([sorted(v.items())[i][1] for v in both] for i in (0, 1))
    return {"items": len(both), "observed": round(agree / len(both), 4) if both else 0.0,
            "kappa": round(_kappa(firsts, seconds, labels), 4)}


def _story_agreement(double: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    readings: dict[str, dict[str, str]] = defaultdict(dict)
    for d in double:
        readings[str(d["annotator"])][str(d["item"])] = str(d["story"])
    if len(readings) != 2:
        return {"items": 0, "bcubed_f1": 0.0}
    first, second = (readings[a] for a in sorted(readings))
    return {"items": len(first), "bcubed_f1": round(bcubed(first, second)[2], 4)}


def _kappa(a: Sequence[str], b: Sequence[str], labels: Sequence[str]) -> float:
    n = len(a)
    if not n:
        return 0.0
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    expected = sum((a.count(label) / n) * (b.count(label) / n) for label in labels)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


# --- commands -----------------------------------------------------------------------------------

_split = click.option("--split", type=click.Choice(LINK_SPLITS), default="dev", show_default=True,
                      help="Gold split to score: tune on dev; test is scored, never studied.")
_data = click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path),
                     default=SHARED_DATA, show_default=True,
                     help="Folder with the staged corpora the articles are rebuilt from.")


def _command(name: str, run: Callable[..., dict[str, Any]], summary: str) -> click.Command:
    @click.command(name=name, help=f"{summary}\n\nExample:\n\n    warta eval {name} --split dev")
    @_split
    @_data
    def command(split: str, data_dir: Path) -> None:
        click.echo(json_line(run(split, data=data_dir)))

    return command


duplicates_cmd = _command("duplicates", duplicates, "Copies and near-copies among judged "
                          "article pairs: pairwise P/R/F1; one JSON line.")
stories_cmd = _command("stories", stories, "Stories: pairwise P/R/F1 over judged article pairs "
                       "and B-cubed over the story set; one JSON line.")
cross_events_cmd = _command("cross-events", cross_events, "One real-world event in many "
                            "reports: pairwise P/R/F1 over judged event-mention pairs; one JSON "
                            "line.")


@click.command(name="search")
@_split
@_data
@click.option("--db", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A store of the staged Detik collection made by `warta ingest` (default: "
                   "build one in a temporary folder, a few minutes).")
@click.option("--mode", "modes", type=click.Choice(SEARCH_MODES), multiple=True,
              help="Search modes to score (default: all).")
def search_cmd(split: str, data_dir: Path, db: Path | None, modes: tuple[str, ...]) -> None:
    """Search quality, nDCG@10 per mode over judged queries on the Detik collection; one JSON
    line.

    Example:

        warta eval search --split dev --db detik.db
    """
    click.echo(json_line(search(split, data=data_dir, db=db, modes=modes or SEARCH_MODES)))


@click.command(name="links-agreement")
def agreement_cmd() -> None:
    """Agreement of two independent annotators on the doubly judged share of the links gold.

    Example:

        warta eval links-agreement
    """
    click.echo(json_line(agreement()))
