"""Snapshot warta's records on the bundled examples and N IndoSum articles, or compare two.

A refactoring must leave what warta finds unchanged; this makes "unchanged" a command:

    .venv/bin/python bench/records_snapshot.py write /tmp/before.jsonl [--articles 300]
    ... change the code ...
    .venv/bin/python bench/records_snapshot.py write /tmp/after.jsonl
    .venv/bin/python bench/records_snapshot.py compare /tmp/before.jsonl /tmp/after.jsonl

Each line is one record with the fields that depend on the run (stage versions, the analysis
time) left out; ``compare`` prints one JSON line with how many records differ and, per field,
how many records differ in it, and exits 1 when any does.

Records no longer depend on the process's string hash seed (actors v10 fixed the one tie that
did: docs/scaling.md, eighth round); two runs of the same code under PYTHONHASHSEED 1 and 2 give
0 differing records of 309.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INDOSUM = Path("indosum-news") / "indosum-devfolds-shared.jsonl"
VOLATILE = ("stages", "analyzed_at", "ingested_at", "warta_version")


def _raws(data: Path, articles: int) -> Iterator[object]:
    from warta.eval.corpus import indosum_text
    from warta.ingest import read_inputs
    from warta.settings import load_settings
    from warta.types import Failure, RawArticle, Source

    settings = load_settings()
    for item in read_inputs([str(ROOT / "examples" / "articles")], settings):
        if not isinstance(item, Failure):
            yield item
    path = data / INDOSUM
    if not path.exists():
        print(f"{path} absent: examples only", file=sys.stderr)
        return
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= articles:
                break
            row = json.loads(line)
            yield RawArticle(Source(path=row["id"], format="text"), indosum_text(row["paragraphs"]))


def write(out: Path, data: Path, articles: int) -> None:
    import warta
    from warta.process import analyze
    from warta.settings import load_settings

    nlp, settings = warta.load(), load_settings()
    with out.open("w", encoding="utf-8") as fh:
        for raw in _raws(data, articles):
            record = analyze(raw, nlp, settings)  # type: ignore[arg-type]
            for key in VOLATILE:
                record.pop(key, None)
            fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")


def compare(before: Path, after: Path) -> int:
    old = [json.loads(line) for line in before.open(encoding="utf-8")]
    new = [json.loads(line) for line in after.open(encoding="utf-8")]
    fields: Counter[str] = Counter()
    differ = 0
    for a, b in zip(old, new, strict=False):
        keys = {k for k in set(a) | set(b) if a.get(k) != b.get(k)}
        fields.update(keys)
        differ += bool(keys)
    result = {"records": len(old), "records_after": len(new), "differ": differ,
              "fields": dict(fields.most_common())}
    print(json.dumps(result))
    return 1 if differ or len(old) != len(new) else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("out", type=Path)
    w.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    w.add_argument("--articles", type=int, default=300)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.cmd == "write":
        write(args.out, args.data, args.articles)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
