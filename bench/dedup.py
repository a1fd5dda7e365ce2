"""Measure duplicate detection on the staged news: copies found, similarity of close pairs, cost.

Reads the Detik CSV through warta's own reader and cleaner (the texts the store would hold),
feeds them to ``warta.link.dedup.Deduper`` in file order and prints how many were exact and
near copies, the time per article, and the histogram of the estimated Jaccard similarity of
each text's closest earlier text (from 0.3 up: the range where a threshold could sit). With
``--indosum`` it does the same over IndoSum's articles (tokenised text, joined back).

Uses ../shared/data (not redistributable), so it is a script, not a unit test:

    .venv/bin/python bench/dedup.py [--indosum] [--threshold 0.6] [--pairs]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from warta.clean import clean_article
from warta.ingest import read_inputs
from warta.link import dedup
from warta.settings import Settings, load_settings
from warta.types import RawArticle

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
DETIK = DATA / "detik-news-2025-summ" / "data_berita-shared.csv"
INDOSUM = DATA / "indosum-news" / "indosum-devfolds-shared.jsonl"


def detik_texts(settings: Settings) -> list[tuple[str, str | None, str]]:
    """(id, title, cleaned text) of every Detik row, as `warta ingest` would clean them."""
    settings = settings.with_ingest(text_column="isi_berita", title_column="judul",
                                    date_column="tanggal", url_column="tautan")
    out = []
    for item in read_inputs([str(DETIK)], settings):
        if isinstance(item, RawArticle):
            article = clean_article(item)
            out.append((item.source.native_id or "", article.title, article.text))
    return out


def indosum_texts() -> list[tuple[str, str | None, str]]:
    """(id, None, text) of IndoSum's articles: paragraphs of sentences of tokens, joined."""
    out = []
    with INDOSUM.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            paras = [" ".join(" ".join(sent) for sent in para) for para in row["paragraphs"]]
            out.append((row["id"], None, "\n".join(paras)))
    return out


def closest(index: dedup.MemoryIndex, fp: dedup.Fingerprint, seen: list[str]) -> float:
    """The highest estimated similarity to any earlier text (exhaustive: for the histogram)."""
    assert fp.signature is not None
    best = 0.0
    for other in seen:
        sig = index.signature(other)
        if sig is not None:
            best = max(best, dedup.similarity(fp.signature, sig))
    return best


def run(texts: list[tuple[str, str | None, str]], settings: Settings, *, pairs: bool) -> None:
    deduper = dedup.Deduper(settings)
    kinds: Counter[str] = Counter()
    started = time.perf_counter()
    found = []
    for native_id, title, text in texts:
        match, fp = deduper.match(title, text)
        if match is None:
            deduper.index.insert(native_id, fp)
        else:
            kinds[match.kind] += 1
            found.append((native_id, match))
    elapsed = time.perf_counter() - started
    print(f"{len(texts)} texts: {kinds['exact']} exact copies, {kinds['near']} near copies "
          f"(threshold {settings.dedup.threshold}, num_perm {settings.dedup.num_perm}, "
          f"shingle {settings.dedup.shingle}); {elapsed / len(texts) * 1000:.2f} ms per text")
    if pairs:
        for native_id, match in found:
            print(f"  {native_id} → {match.canonical} {match.kind} {match.similarity:.3f}")
    index = dedup.MemoryIndex()
    seen: list[str] = []
    histogram: Counter[float] = Counter()
    for native_id, title, text in texts:
        fp = dedup.fingerprint(title, text, settings.dedup)
        if index.exact(fp.exact) is None:
            score = closest(index, fp, seen)
            if score >= 0.3:
                histogram[int(score * 20) / 20] += 1
            index.insert(native_id, fp)
            seen.append(native_id)
    print("closest earlier text, estimated Jaccard (texts that are not exact copies):")
    for low in sorted(histogram):
        print(f"  [{low:.2f}, {low + 0.05:.2f}): {histogram[low]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--indosum", action="store_true")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--pairs", action="store_true", help="list every copy found")
    args = parser.parse_args()
    settings = load_settings()
    if args.threshold is not None:
        settings = replace(settings, dedup=replace(settings.dedup, threshold=args.threshold))
    run(indosum_texts() if args.indosum else detik_texts(settings), settings, pairs=args.pairs)


if __name__ == "__main__":
    main()
