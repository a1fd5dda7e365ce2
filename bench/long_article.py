"""Time and peak memory of analysing one very long article (issue 16: bounded memory).

Joins N IndoSum articles into one text (700 ≈ 200,000 words) and analyses it as one article;
prints one JSON line with its size, the seconds, the process's peak RSS and what was found.

    .venv/bin/python bench/long_article.py [--data ../shared/data] [--articles 700]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

INDOSUM = Path("indosum-news") / "indosum-devfolds-shared.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared"
                    / "data")
    ap.add_argument("--articles", type=int, default=700)
    args = ap.parse_args()

    import warta
    from warta.eval.corpus import indosum_text
    from warta.process import analyze
    from warta.settings import load_settings
    from warta.types import RawArticle, Source

    with (args.data / INDOSUM).open(encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(args.articles), fh, strict=False)]
    text = "\n\n".join(indosum_text(r["paragraphs"]) for r in rows)
    nlp, settings = warta.load(), load_settings()
    start = time.perf_counter()
    record = analyze(RawArticle(Source(path="long.txt", format="text"), text), nlp, settings)
    print(json.dumps({
        "chars": len(text), "words": len(text.split()),
        "seconds": round(time.perf_counter() - start, 1),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "chunk_chars": settings.ingest.chunk_chars, "quotes": len(record["quotes"]),
        "events": len(record["events"]), "actors": len(record["actors"])}))


if __name__ == "__main__":
    main()
