"""`warta eval quotes`: quote spans and speakers against hand-annotated gold.

The gold (``data/quotes_gold.jsonl``, one document per line) holds quotes we annotated by hand:
in texts we wrote (text included) and in articles of the shared data folder (Detik CSV rows and
sentence ranges of the coreference corpus) as references only — file, row or sentences,
character offsets, kind, speaker names and a digest of the span — never their text. Those texts
are read from ``../shared/data`` at run time; documents whose file is absent are skipped with a
message, and a reference whose digest no longer matches its text is skipped too.

Annotation guideline: direct quotes are the words inside the marks (no marks, no trailing comma);
a quote running over paragraphs is one quote; partial quotes are quoted fragments inside reported
speech; indirect quotes are the reported clause (after the verb, "bahwa" or "menurut X,") without
its final full stop; requests and demands ("meminta agar …"), names, titles and scare quotes are
not quotes. ``speakers`` lists the accepted names (any one is right; empty when the speaker is
unknown or generic, e.g. "para pengamat").

Figures: span precision/recall by overlap (one-to-one, largest overlap first), exact-span
precision/recall (boundaries equal up to surrounding punctuation), speaker accuracy over matched
quotes (the predicted actor's name, aliases or mentions match a gold name; an unknown gold speaker
needs a ``None`` prediction), the same with the speaker's surface text allowed (what attribution
alone achieves without NER), and speaker-attributed quote F1 (matched AND right actor).
"""

from __future__ import annotations

import csv
import hashlib
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from warta.eval._common import gold_lines, parse_xml, read_gold_text

GOLD = Path(__file__).resolve().parent / "data" / "quotes_gold.jsonl"
SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
_EDGE = " \t\r\n.,;:!?\"'“”‘’«»"


@dataclass
class GoldDoc:
    """One annotated document with its text (read from the shared data when referenced)."""

    name: str
    source: str
    split: str
    text: str
    quotes: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    kind: str
    actor_names: frozenset[str]  # the predicted actor's name, aliases and mention texts
    surface: str | None  # the speaker's text in the attribution
    has_actor: bool


def digest(text: str) -> str:
    """A short fingerprint of a span, so references can be checked without storing text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


# ---------------------------------------------------------------- reading texts


def detik_texts(path: Path) -> dict[str, str]:
    """Detik CSV: row id → article body."""
    csv.field_size_limit(1 << 28)
    with path.open(encoding="utf-8", newline="") as f:
        return {row["id"]: row["isi_berita"] for row in csv.DictReader(f)}


def coref_sentences(path: Path) -> dict[int, str]:
    """Coreference corpus XML: sentence id → its words joined by spaces (POS tags dropped)."""
    out: dict[int, str] = {}
    for sentence in parse_xml(path).iter("sentence"):
        words = [w.rsplit("\\", 1)[0] for p in sentence.iter("phrase")
                 for w in (p.text or "").split(" ") if w]
        out[int(sentence.get("id", "0"))] = " ".join(words)
    return out


def coref_text(sentences: dict[int, str], first: int, last: int) -> str:
    """A document of consecutive corpus sentences, joined as one paragraph."""
    return " ".join(sentences[i] for i in range(first, last + 1) if i in sentences)


def _shared_text(entry: dict[str, Any], data: Path, cache: dict[str, Any]) -> str | None:
    path = data / entry["file"]
    if not path.exists():
        return None
    if entry["source"] == "detik":
        texts = cache.setdefault(str(path), None) or detik_texts(path)
        cache[str(path)] = texts
        return texts.get(str(entry["row_id"]))
    sentences = cache.setdefault(str(path), None) or coref_sentences(path)
    cache[str(path)] = sentences
    first, last = entry["sentences"]
    return coref_text(sentences, first, last)


def load_gold(path: Path = GOLD, *, data: Path = SHARED_DATA,
              split: str = "all") -> tuple[list[GoldDoc], list[str]]:
    """The gold documents with their texts, and a message for each one skipped."""
    docs, skipped, cache = [], [], {}
    entries = gold_lines(read_gold_text(path), str(path),
                         required=("doc", "source", "split", "quotes"), either=("text", "file"))
    for entry in entries:
        if split != "all" and entry["split"] != split:
            continue
        text = entry.get("text")
        if text is None:
            text = _shared_text(entry, data, cache)
            if text is None:
                skipped.append(f"{entry['doc']}: {data / entry['file']} absent")
                continue
        bad = [q for q in entry["quotes"]
               if "digest" in q and digest(text[q["start"]:q["end"]]) != q["digest"]]
        if bad:
            skipped.append(f"{entry['doc']}: text differs from the annotated version")
            continue
        docs.append(GoldDoc(entry["doc"], entry["source"], entry["split"], text,
                            entry["quotes"]))
    return docs, skipped


# ---------------------------------------------------------------- predictions


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).casefold()
    return " ".join("".join(c for c in text if c.isalnum() or c.isspace()).split())


def _actor_names(doc: Any, actor_id: str | None) -> frozenset[str]:
    if not actor_id:
        return frozenset()
    names = {actor_id.split(":", 1)[-1].replace("-", " ")}
    for actor in doc._.actors or []:
        if actor.id == actor_id:
            names |= {actor.name, *actor.aliases}
    for span in list(doc.ents) + list(doc._.mentions or []):
        if span._.actor == actor_id:
            names.add(span.text)
    return frozenset(_fold(n) for n in names if n.strip())


def predict(nlp: Any, text: str) -> list[Predicted]:
    """Run the pipeline on one text and flatten its quotes."""
    doc = nlp.make_doc(text)
    doc._.language = "id"
    doc = nlp(doc)
    out = []
    for q in doc._.quotes or []:
        surface = q.speaker_span.text if q.speaker_span is not None else None
        out.append(Predicted(q.content.start_char, q.content.end_char, q.kind,
                             _actor_names(doc, q.speaker), surface, q.speaker is not None))
    return out


# ---------------------------------------------------------------- scoring


def _name_match(gold: str, names: Iterable[str]) -> bool:
    g = _fold(gold)
    gt = set(g.split())
    for name in names:
        nt = set(name.split())
        if name == g or (nt and (gt <= nt or nt <= gt)):
            return True
    return False


def speaker_right(gold: list[str], pred: Predicted, *, surface: bool = False) -> bool:
    """Whether the predicted speaker is one of the gold names (or both are unknown)."""
    names = set(pred.actor_names)
    if surface and pred.surface:
        names.add(_fold(pred.surface))
    if not gold:
        return not pred.has_actor and not (surface and names)
    return any(_name_match(g, names) for g in gold)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def match(gold: list[dict[str, Any]], pred: list[Predicted]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of overlapping spans, largest first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g["end"], p.end) - max(g["start"], p.start)
            if overlap > 0:
                same_kind = (g["kind"] == "indirect") == (p.kind == "indirect")
                pairs.append((same_kind, overlap, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    exact: int = 0
    speaker: int = 0
    speaker_surface: int = 0

    def add(self, doc: GoldDoc, pred: list[Predicted]) -> None:
        self.gold += len(doc.quotes)
        self.predicted += len(pred)
        for gi, pi in match(doc.quotes, pred):
            g, p = doc.quotes[gi], pred[pi]
            self.matched += 1
            self.exact += (_trim(doc.text, g["start"], g["end"])
                           == _trim(doc.text, p.start, p.end))
            self.speaker += speaker_right(g["speakers"], p)
            self.speaker_surface += speaker_right(g["speakers"], p, surface=True)

    def figures(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        p, r = ratio(self.speaker, self.predicted), ratio(self.speaker, self.gold)
        return {
            "gold": self.gold, "predicted": self.predicted,
            "span_precision": ratio(self.matched, self.predicted),
            "span_recall": ratio(self.matched, self.gold),
            "exact_precision": ratio(self.exact, self.predicted),
            "exact_recall": ratio(self.exact, self.gold),
            "speaker_accuracy": ratio(self.speaker, self.matched),
            "speaker_surface_accuracy": ratio(self.speaker_surface, self.matched),
            "attributed_precision": p, "attributed_recall": r,
            "attributed_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        }


def evaluate(nlp: Any, docs: list[GoldDoc]) -> dict[str, Any]:
    """Overall figures plus the same per split and per source."""
    total, by_split, by_source = Tally(), {}, {}
    for doc in docs:
        pred = predict(nlp, doc.text)
        for tally in (total, by_split.setdefault(doc.split, Tally()),
                      by_source.setdefault(doc.source, Tally())):
            tally.add(doc, pred)
    return {**total.figures(), "documents": len(docs),
            "by_split": {k: v.figures() for k, v in sorted(by_split.items())},
            "by_source": {k: v.figures() for k, v in sorted(by_source.items())}}


@click.command()
@click.option("--gold", "gold_path", type=click.Path(exists=True, dir_okay=False,
                                                     path_type=Path),
              default=GOLD, show_default=False, help="Gold JSONL (default: the shipped one).")
@click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path),
              default=SHARED_DATA, show_default=False,
              help="Folder holding the shared datasets the gold refers to.")
@click.option("--split", type=click.Choice(["all", "dev", "test"]), default="all",
              show_default=True, help="Which annotated documents to score.")
@click.option("--model", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Another trained model directory (default: shipped).")
def quotes(gold_path: Path, data_dir: Path, split: str, model: Path | None) -> None:
    """Score quote spans and speakers against the hand-annotated gold; prints one JSON line.

    Example:

        warta eval quotes --split test
    """
    from warta.eval._common import json_line, load_pipeline

    docs, skipped = load_gold(gold_path, data=data_dir, split=split)
    for message in skipped:
        click.echo(f"skipped {message}", err=True)
    nlp = load_pipeline(model)
    result = evaluate(nlp, docs)
    result["skipped"] = len(skipped)
    click.echo(json_line(result))
    sys.stdout.flush()
