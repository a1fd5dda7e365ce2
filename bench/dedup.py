"""Measure duplicate detection on the staged news: copies found, similarity of close pairs, cost.

Reads the Detik CSV through warta's own reader and cleaner (the texts the store would hold),
feeds them to ``warta.link.dedup.Deduper`` in file order and prints how many were exact and
near copies, the time per article, and the histogram of the estimated Jaccard similarity of
each text's closest earlier text (from 0.3 up: the range where a threshold could sit). With
``--indosum`` it does the same over IndoSum's articles (tokenised text, joined back). With
``--store`` it measures the store's write path instead: the Detik texts stored as bare records
(no NLP) with dedup off and on (the difference is dedup's cost per article, SQLite index
included), the index rebuilt from the stored texts, and ``warta dedup``'s fold of the store
filled with dedup off. Times are this process's CPU time (``time.process_time``), so a machine
busy with other work does not inflate them.

Uses ../shared/data (not redistributable), so it is a script, not a unit test:

    .venv/bin/python bench/dedup.py [--indosum | --store] [--threshold 0.6] [--pairs]
        [--no-sentences] [--no-paraphrase] [--paraphrase-share 0.8]
"""

from __future__ import annotations

import argparse
import json
import tempfile
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
    started = time.process_time()
    found = []
    for native_id, title, text in texts:
        match, fp = deduper.match(title, text)
        if match is None:
            deduper.index.insert(native_id, fp)
        else:
            kinds[match.signal] += 1
            found.append((native_id, match))
    elapsed = time.process_time() - started
    print(f"{len(texts)} texts: {kinds['exact']} exact copies, {kinds['shingles']} near copies "
          f"by shingles (threshold {settings.dedup.threshold}, num_perm "
          f"{settings.dedup.num_perm}, shingle {settings.dedup.shingle}), {kinds['sentences']} "
          f"re-edited copies by sentences (aligned share {settings.dedup.aligned_share}, longer "
          f"{settings.dedup.longer_share}), {kinds['paraphrase']} rewritten copies by paraphrase "
          f"(similarity {settings.dedup.paraphrase_similarity}, share "
          f"{settings.dedup.paraphrase_share}); {elapsed / len(texts) * 1000:.2f} ms per text")
    if pairs:
        for native_id, match in found:
            print(f"  {native_id} → {match.canonical} {match.kind} {match.signal} "
                  f"{match.similarity:.3f}")
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


def bare(native_id: str, title: str | None, text: str) -> dict[str, object]:
    """A record with what the store's write path reads, without any analysis."""
    from warta.record import article_id

    return {"id": article_id(title, text), "title": title, "text": text, "language": "id",
            "published": None, "source": {"path": "detik.csv", "format": "csv",
                                          "native_id": native_id}}


def store_costs(texts: list[tuple[str, str | None, str]], settings: Settings) -> None:
    """Time the write path with dedup off and on, the index rebuild, and the fold."""
    from warta.store import dedup as store_dedup
    from warta.store import write
    from warta.store.db import connect

    off = replace(settings.dedup, enabled=False)
    timings = {}
    outcomes: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as folder:
        for name, dedup_settings in (("off", off), ("on", settings.dedup)):
            conn = connect(Path(folder) / f"{name}.db")
            started = time.process_time()
            for native_id, title, text in texts:
                outcome = write.store(conn, bare(native_id, title, text), dedup=dedup_settings)
                if name == "on":
                    outcomes[outcome] += 1
            timings[name] = time.process_time() - started
            if name == "on":
                started = time.process_time()
                with conn:
                    count = store_dedup.rebuild_index(conn, settings.dedup)
                rebuilt = time.process_time() - started
            else:
                started = time.process_time()
                tally = store_dedup.fold_copies(conn, settings.dedup)
                folded = time.process_time() - started
            conn.close()
    per = (timings["on"] - timings["off"]) / len(texts) * 1000
    print(f"store, {len(texts)} bare records: dedup off {timings['off']:.2f} s, on "
          f"{timings['on']:.2f} s ({per:.2f} ms per article); outcomes {dict(outcomes)}")
    print(f"index rebuilt from {count} stored texts in {rebuilt:.2f} s "
          f"({rebuilt / count * 1000:.2f} ms per article)")
    print(f"warta dedup over the store filled with dedup off: {tally.articles} articles, "
          f"{tally.exact} exact and {tally.near} near copies ({tally.sentences} re-edited) "
          f"folded in {folded:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--indosum", action="store_true")
    parser.add_argument("--store", action="store_true", help="measure the store's write path")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--pairs", action="store_true", help="list every copy found")
    parser.add_argument("--no-sentences", action="store_true",
                        help="switch the re-edited copies' signal off (the cost without it)")
    parser.add_argument("--no-paraphrase", action="store_true",
                        help="switch the rewritten copies' signal off (the cost without it)")
    parser.add_argument("--paraphrase-share", type=float, default=None)
    args = parser.parse_args()
    settings = load_settings()
    if args.threshold is not None:
        settings = replace(settings, dedup=replace(settings.dedup, threshold=args.threshold))
    if args.no_sentences:
        settings = replace(settings, dedup=replace(settings.dedup, sentences=False))
    if args.no_paraphrase:
        settings = replace(settings, dedup=replace(settings.dedup, paraphrase=False))
    if args.paraphrase_share is not None:
        settings = replace(settings, dedup=replace(settings.dedup,
                                                   paraphrase_share=args.paraphrase_share))
    texts = indosum_texts() if args.indosum else detik_texts(settings)
    if args.store:
        store_costs(texts, settings)
    else:
        run(texts, settings, pairs=args.pairs)


if __name__ == "__main__":
    main()
