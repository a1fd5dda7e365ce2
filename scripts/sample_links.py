"""Draw the articles and pairs for the links gold (duplicates, events across reports, stories,
search) from the staged news, seeded, and write annotation packets OUTSIDE the repository.

Candidate pairs are drawn by a similarity that is not warta's: TF-IDF cosine over word 1-2 grams
(scikit-learn), stratified in bins so that the sample holds copies, same-story pairs and
unrelated ones; annotators never see the score. Packets carry the texts (rebuilt from
``../shared/data``) and so stay out of the repository; the gold that comes back is standoff
(corpus, key, sha256, offsets) and is imported by ``scripts/import_links.py``.

    python scripts/sample_links.py --data ../shared/data --out /work/annot-links
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from warta.eval.corpus import (
    DETIK,
    INDOSUM,
    _detik_index,
    _indosum_index,
    document_meta,
    document_text,
    sha256,
)

# (low, high, how many) cosine bins for the article pairs of each source.
PAIR_BINS = ((0.85, 1.01, 20), (0.5, 0.85, 30), (0.3, 0.5, 25), (0.15, 0.3, 15), (0.0, 0.15, 10))
EVENT_PAIR_BIN = (0.3, 0.85)
STORY_SETS = 2
STORY_SEEDS = 5
STORY_NEIGHBOURS = 8


def _articles(data: Path) -> list[dict[str, Any]]:
    out = []
    for corpus, index in ((DETIK[0], _detik_index(data / DETIK[0] / DETIK[1])),
                          (INDOSUM[0], _indosum_index(data / INDOSUM[0] / INDOSUM[1]))):
        for key in index:
            text = document_text(corpus, key, data)
            meta = document_meta(corpus, key, data)
            out.append({"corpus": corpus, "key": key, "sha256": sha256(text), "text": text,
                        "title": meta["title"], "published": meta["published"]})
    return out


def _ref(article: dict[str, Any]) -> dict[str, str]:
    return {"corpus": article["corpus"], "key": article["key"], "sha256": article["sha256"]}


def _show(article: dict[str, Any]) -> dict[str, Any]:
    return {**_ref(article), "title": article["title"], "published": article["published"],
            "text": article["text"]}


def _pairs_in_bins(sim: np.ndarray, ids: list[int], rng: random.Random,
                   bins: Iterable[tuple[float, float, int]]) -> list[tuple[int, int]]:
    upper = np.triu_indices(len(ids), k=1)
    values = sim[upper]
    chosen: list[tuple[int, int]] = []
    for low, high, count in bins:
        where = np.nonzero((values >= low) & (values < high))[0].tolist()
        rng.shuffle(where)
        chosen += [(ids[upper[0][w]], ids[upper[1][w]]) for w in where[:count]]
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20261205)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    articles = _articles(args.data)
    vectors = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit_transform(
        [a["text"] for a in articles])
    args.out.mkdir(parents=True, exist_ok=True)
    by_corpus: dict[str, list[int]] = {}
    for i, a in enumerate(articles):
        by_corpus.setdefault(a["corpus"], []).append(i)
    pairs: list[tuple[int, int]] = []
    for corpus in (DETIK[0], INDOSUM[0]):
        ids = by_corpus[corpus]
        sim = (vectors[ids] @ vectors[ids].T).toarray()
        pairs += _pairs_in_bins(sim, ids, rng, PAIR_BINS)
    rng.shuffle(pairs)
    _write(args.out / "pairs.jsonl", ({"pair": f"p{n:03d}", "a": _show(articles[i]),
                                        "b": _show(articles[j])} for n, (i, j) in enumerate(pairs)))
    detik = by_corpus[DETIK[0]]
    dsim = (vectors[detik] @ vectors[detik].T).toarray()
    np.fill_diagonal(dsim, 0.0)
    event_pairs = _pairs_in_bins(dsim, detik, rng, [(*EVENT_PAIR_BIN, 30)])
    _write(args.out / "event_pairs.jsonl", ({"pair": f"e{n:03d}", "a": _show(articles[i]),
                                              "b": _show(articles[j])}
                                             for n, (i, j) in enumerate(event_pairs)))
    used: set[int] = set()
    for s in range(STORY_SETS):
        members: list[int] = []
        for seed in rng.sample([i for i in range(len(detik)) if i not in used], STORY_SEEDS):
            near = np.argsort(-dsim[seed])[:STORY_NEIGHBOURS].tolist()
            members += [m for m in [seed, *near] if m not in used and m not in members]
        members += rng.sample([i for i in range(len(detik)) if i not in used
                               and i not in members], 8)
        used.update(members)
        rng.shuffle(members)
        _write(args.out / f"story_set{s + 1}.jsonl",
               ({"item": f"s{s + 1}-{n:02d}", **_show(articles[detik[m]])}
                for n, m in enumerate(members)))
    titles = rng.sample([articles[i] for i in detik], 200)
    _write(args.out / "query_titles.jsonl",
           ({"title": a["title"], "published": a["published"]} for a in titles))
    print(f"{len(pairs)} article pairs, {len(event_pairs)} event article pairs, "
          f"{STORY_SETS} story sets, 200 titles for queries -> {args.out}")


def _write(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
