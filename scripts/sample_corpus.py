"""Draw the gold corpus's articles from the staged news (seeded) and write articles.jsonl.

Run once to create the corpus; rerunning with the same seed and data gives the same sample.
IndoSum (CC BY-SA 4.0) goes to all three splits; the Detik 2025 sample (licence unknown) is used
for evaluation only, so its articles go to dev and test. Articles the old gold sets referenced
are left out, since rules were tuned on them.

    python scripts/sample_corpus.py --data ../shared/data --out src/warta/eval/corpus

``--fresh SPLIT --per-aspect N`` appends N more Detik articles per topic aspect, drawn with their
own seed from those the corpus and the links gold do not hold, as a new split (``dev2``: news
no rule was tuned on, annotated blind, to measure and then tune on once dev is worn).
``--fresh train --indosum N`` appends N more IndoSum articles (CC BY-SA, so trainable) in the
first sample's category proportions, drawn the same way, to grow the training split.
"""

from __future__ import annotations

import argparse
import json
import random
from itertools import islice
from pathlib import Path

from warta.eval.corpus import DETIK, INDOSUM, document_text, sha256

SEED = 20261204
INDOSUM_N = {"tajuk utama": 136, "teknologi": 8, "olahraga": 8, "hiburan": 4, "showbiz": 4}
INDOSUM_HELDOUT = 17  # per split (dev, test); the rest is train
DETIK_PER_ASPECT = 12  # 5 aspects; half dev, half test
TUNED_ON = {("detik-news-2025-summ", "143"), ("detik-news-2025-summ", "53")}
MIN_CHARS, MAX_CHARS = 900, 5200


def _row(corpus: str, key: str, data: Path, split: str) -> dict[str, object]:
    text = document_text(corpus, key, data)
    prefix = "is" if corpus == INDOSUM[0] else "dt"
    return {"id": f"{prefix}-{sha256(corpus + ':' + key)[:10]}", "corpus": corpus, "key": key,
            "sha256": sha256(text), "chars": len(text), "split": split}


def _fits(text: str) -> bool:
    return MIN_CHARS <= len(text) <= MAX_CHARS


def sample_indosum(data: Path, rng: random.Random) -> list[dict[str, object]]:
    rows = [json.loads(line) for line in (data / INDOSUM[0] / INDOSUM[1]).open(encoding="utf-8")]
    picked: list[str] = []
    for category, n in INDOSUM_N.items():
        keys = sorted(r["id"] for r in rows if r["category"] == category)
        rng.shuffle(keys)
        picked += [k for k in keys if _fits(document_text(INDOSUM[0], k, data))][:n]
    rng.shuffle(picked)
    splits = ["dev"] * INDOSUM_HELDOUT + ["test"] * INDOSUM_HELDOUT
    splits += ["train"] * (len(picked) - len(splits))
    rows = [_row(INDOSUM[0], k, data, s) for k, s in zip(picked, splits, strict=True)]
    rng.shuffle(rows)  # annotation order mixes the splits
    return rows


def sample_detik(data: Path, rng: random.Random) -> list[dict[str, object]]:
    import csv
    import sys

    csv.field_size_limit(sys.maxsize)
    with (data / DETIK[0] / DETIK[1]).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for aspect in sorted({r["aspek_target"] for r in rows}):
        keys = sorted((r["id"] for r in rows if r["aspek_target"] == aspect
                       and (DETIK[0], r["id"]) not in TUNED_ON and _fits(r["isi_berita"])),
                      key=int)
        rng.shuffle(keys)
        for i, key in enumerate(keys[:DETIK_PER_ASPECT]):
            out.append(_row(DETIK[0], key, data, "dev" if i % 2 == 0 else "test"))
    return out


FRESH_SEED = 20261205


def _used_keys(out: Path) -> set[tuple[str, str]]:
    """(corpus, key) of every article the corpus or the links gold's article pairs already hold.

    The links gold's queries and story sets (relevance and grouping judgements, no facts) are not
    read: dev2 was drawn this way and holds none of their articles (checked when it was drawn),
    and reading them now would change the seeded draw."""
    used = set(TUNED_ON)
    for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        used.add((row["corpus"], row["key"]))
    links = out.parent / "links"
    for path in sorted(links.glob("*.jsonl")) if links.is_dir() else []:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            for side in ("a", "b"):
                if isinstance(row.get(side), dict) and "key" in row[side]:
                    used.add((row[side]["corpus"], row[side]["key"]))
    return used


def sample_fresh(data: Path, out: Path, split: str, per_aspect: int) -> list[dict[str, object]]:
    """Detik articles no split holds yet, per_aspect of each topic aspect (seeded)."""
    import csv
    import sys

    csv.field_size_limit(sys.maxsize)
    with (data / DETIK[0] / DETIK[1]).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    used, rng, picked = _used_keys(out), random.Random(FRESH_SEED), []
    for aspect in sorted({r["aspek_target"] for r in rows}):
        keys = sorted((r["id"] for r in rows if r["aspek_target"] == aspect
                       and (DETIK[0], r["id"]) not in used and _fits(r["isi_berita"])),
                      key=int)
        rng.shuffle(keys)
        picked += [_row(DETIK[0], key, data, split) for key in keys[:per_aspect]]
    rng.shuffle(picked)
    return picked


def sample_fresh_indosum(data: Path, out: Path, split: str, count: int,
                         ) -> list[dict[str, object]]:
    """IndoSum articles no split holds yet, ``count`` in all, in INDOSUM_N's proportions."""
    rows = [json.loads(line) for line in (data / INDOSUM[0] / INDOSUM[1]).open(encoding="utf-8")]
    used, rng, picked = _used_keys(out), random.Random(FRESH_SEED), []
    total = sum(INDOSUM_N.values())
    for category, n in INDOSUM_N.items():
        keys = sorted(r["id"] for r in rows if r["category"] == category
                      and (INDOSUM[0], r["id"]) not in used)
        rng.shuffle(keys)
        want = round(count * n / total)
        fits = (k for k in keys if _fits(document_text(INDOSUM[0], k, data)))
        picked += [_row(INDOSUM[0], k, data, split) for k in islice(fits, want)]
    rng.shuffle(picked)
    return picked


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("src/warta/eval/corpus"))
    ap.add_argument("--fresh", metavar="SPLIT", help="append fresh Detik articles as this split")
    ap.add_argument("--per-aspect", type=int, default=5)
    ap.add_argument("--indosum", type=int, default=0, metavar="N",
                    help="with --fresh: draw N IndoSum articles instead of Detik ones")
    args = ap.parse_args()
    if args.fresh:
        if args.indosum:
            fresh = sample_fresh_indosum(args.data, args.out, args.fresh, args.indosum)
        else:
            fresh = sample_fresh(args.data, args.out, args.fresh, args.per_aspect)
        with (args.out / "articles.jsonl").open("a", encoding="utf-8") as fh:
            for row in fresh:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{len(fresh)} articles appended as {args.fresh}")
        return
    rng = random.Random(SEED)
    indosum, detik = sample_indosum(args.data, rng), sample_detik(args.data, rng)
    # Interleave so that any prefix of the list (annotated first) mixes sources and splits.
    rows, i, d = [], 0, 0
    while i < len(indosum) or d < len(detik):
        take_detik = d < len(detik) and (i >= len(indosum)
                                          or d * len(indosum) < i * len(detik))
        if take_detik:
            rows.append(detik[d])
            d += 1
        else:
            rows.append(indosum[i])
            i += 1
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "articles.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} articles: {len(indosum)} IndoSum, {len(detik)} Detik")


if __name__ == "__main__":
    main()
