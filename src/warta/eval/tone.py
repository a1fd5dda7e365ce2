"""`warta eval tone`: how well warta's tone agrees with InSet on the Detik news articles.

InSet (Koto & Rahmaningtyas 2017) has no licence, so it is never shipped: it is read at run time
from the shared data folder, only to score articles for comparison. The InSet score of an article
is the sum of the InSet weights of its words divided by its word count; warta's is the tone score
(positive % − negative %). Both see the same words (spaCy's Indonesian tokenizer).
"""

from __future__ import annotations

import csv
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path

import click

SHARED_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
ARTICLES = ("detik-news-2025-summ", "data_berita-shared.csv")
INSET = "inset-lexicon"


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r; None when either series is constant or too short."""
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else None


def ranks(xs: Sequence[float]) -> list[float]:
    """1-based ranks, ties sharing their average rank (as Spearman's rho needs)."""
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    out = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            out[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return out


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Spearman's rho: Pearson's r of the ranks."""
    return pearson(ranks(xs), ranks(ys))


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


def sign_agreement(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Share of items whose two scores have the same sign (zero counts as its own sign)."""
    if not xs:
        return None
    return sum(_sign(x) == _sign(y) for x, y in zip(xs, ys, strict=True)) / len(xs)


def read_articles(path: Path, limit: int | None = None) -> list[str]:
    """Article bodies (column ``isi_berita``) of the Detik CSV."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as f:
        texts = [row["isi_berita"] for row in csv.DictReader(f) if row.get("isi_berita")]
    return texts[:limit] if limit else texts


def compare(texts: Sequence[str], inset_dir: Path) -> dict[str, object]:
    """Score every text with warta's lexicon and with InSet; return the agreement figures."""
    import spacy

    from warta.resolve.tone import Lexicon, doc_words, load_lexicon, read_tsv, score_words

    inset_rows = read_tsv(inset_dir / "positive.tsv") + read_tsv(inset_dir / "negative.tsv")
    inset = Lexicon.from_rows(inset_rows)
    ours = load_lexicon()
    tokenizer = spacy.blank("id").tokenizer
    warta_scores, inset_scores, polarities = [], [], []
    for text in texts:
        words = doc_words(tokenizer(text))
        if not words:
            continue
        own = score_words(words, ours)
        warta_scores.append(own.score)
        polarities.append(own.polarity)
        # InSet's weights run −5..+5: the score is their sum per word (no negation rule).
        inset_tone = score_words(words, inset)
        inset_scores.append((inset_tone.positive - inset_tone.negative) / 100.0)
    return {
        "task": "tone",
        "articles": len(warta_scores),
        "pearson": _round(pearson(warta_scores, inset_scores)),
        "spearman": _round(spearman(warta_scores, inset_scores)),
        "sign_agreement": _round(sign_agreement(warta_scores, inset_scores)),
        # InSet leans negative on news (most articles score below zero): agreement of the signs
        # relative to each scorer's own median is the fairer reading of "same direction".
        "sign_agreement_vs_median": _round(sign_agreement(_centred(warta_scores),
                                                          _centred(inset_scores))),
        "warta_mean_score": _round(sum(warta_scores) / len(warta_scores)) if warta_scores else None,
        "warta_mean_polarity": _round(sum(polarities) / len(polarities)) if polarities else None,
        "inset_positive_share": _round(sum(s > 0 for s in inset_scores) / len(inset_scores))
        if inset_scores else None,
        "lexicon_entries": len(ours.weights),
    }


def _centred(xs: Sequence[float]) -> list[float]:
    """Scores minus their median."""
    if not xs:
        return []
    s = sorted(xs)
    mid = len(s) // 2
    median = s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
    return [x - median for x in xs]


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


@click.command(name="tone")
@click.option("--data", "data_dir", type=click.Path(path_type=Path), default=SHARED_DATA,
              show_default=True, help="Folder holding detik-news-2025-summ/ and inset-lexicon/.")
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
def tone(data_dir: Path, limit: int | None) -> None:
    """Agreement of warta's tone score with InSet on the Detik articles (one JSON line).

    Example: warta eval tone --limit 200
    """
    articles, inset_dir = data_dir.joinpath(*ARTICLES), data_dir / INSET
    missing = [str(p) for p in (articles, inset_dir / "positive.tsv") if not p.exists()]
    if missing:
        click.echo(f"skipped: shared data absent ({', '.join(missing)})", err=True)
        click.echo(json.dumps({"task": "tone", "skipped": True, "missing": missing}))
        return
    click.echo(json.dumps(compare(read_articles(articles, limit), inset_dir)))
