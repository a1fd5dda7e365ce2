"""What the embed stage costs `warta ingest`, on the first N articles of the staged Detik CSV.

1. The real command line, as users run it (default --workers), into fresh stores, embedding
   off (the default) and on alternately (``--rounds`` times each, so a busy machine hurts both
   alike): seconds.
2. In one process, the stage's own share: the pipeline over the same articles with the embed
   stage timed apart, then the stage's work alone for other options (32, 64, 128 tokens,
   paragraphs), so the ratio depends little on how busy the machine is.

Uses ../shared/data (not redistributable), so it is a script, not a test:

    python bench/embed_cost.py [--articles 200] [--rounds 2]
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CSV = ROOT.parent / "shared" / "data" / "detik-news-2025-summ" / "data_berita-shared.csv"
COLUMNS = ["--text-column", "isi_berita", "--title-column", "judul", "--date-column", "tanggal",
           "--url-column", "tautan"]


def subset(path: Path, n: int, out: Path) -> Path:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = [r for _, r in zip(range(n), reader, strict=False)]
        fields = reader.fieldnames or []
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return out


def ingest(data: Path, db: Path, config: Path | None) -> float:
    args = [sys.executable, "-m", "warta", "ingest", str(data), "--db", str(db), *COLUMNS,
            "--no-progress"]
    if config is not None:
        args += ["--config", str(config)]
    started = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"ingest failed: {result.stderr[-2000:]}")
    return time.perf_counter() - started


def stage_share(data: Path, settings: Any) -> tuple[float, float, list[Any]]:
    """(seconds in the embed stage, seconds in all the rest, the records) in this process."""
    from warta.ingest import read_inputs
    from warta.nlp.pipeline import build, stage_config
    from warta.process import analyze_many

    nlp = build(stage_config=stage_config(settings))
    stage = nlp.get_pipe("embed")
    spent = [0.0]
    real = stage._embed

    def timed(docs: list[Any]) -> list[Any]:
        started = time.perf_counter()
        out = real(docs)
        spent[0] += time.perf_counter() - started
        return out

    stage._embed = timed
    raws = list(read_inputs([str(data)], settings.with_ingest(
        text_column="isi_berita", title_column="judul", date_column="tanggal",
        url_column="tautan")))
    started = time.perf_counter()
    records = list(analyze_many(raws, nlp, settings))
    total = time.perf_counter() - started
    return spent[0], total - spent[0], records


def variants(records: list[Any], rest: float) -> None:
    """The stage's work alone on the same articles, for other [embed] options."""
    from warta.nlp.embed import embed_articles, load_encoder

    encoder = load_encoder("multilingual-e5-small-q4")
    items = [(r["title"], r["text"]) for r in records if isinstance(r, dict)]
    for label, options in (("title + lead, 32 tokens", {"max_tokens": 32}),
                           ("title + lead, 64 tokens", {"max_tokens": 64}),
                           ("title + lead, 128 tokens", {"max_tokens": 128}),
                           ("+ paragraphs, 128 tokens", {"max_tokens": 128,
                                                         "paragraphs": True})):
        started = time.perf_counter()
        for start in range(0, len(items), 32):
            embed_articles(encoder, items[start:start + 32], **options)
        spent = time.perf_counter() - started
        print(f"  {label}: {spent:.1f} s, +{100 * spent / rest:.0f} % of the rest "
              f"({len(items) / spent:.1f} articles/s)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", type=Path, default=CSV)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--skip-cli", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from warta.settings import load_settings

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = subset(args.csv, args.articles, folder / "detik.csv")
        on = folder / "on.toml"
        on.write_text("[embed]\nenabled = true\n", "utf-8")
        if not args.skip_cli:
            times: dict[str, list[float]] = {"off": [], "on": []}
            for r in range(args.rounds):
                for name, config in (("off", None), ("on", on)):
                    times[name].append(ingest(data, folder / f"{name}{r}.db", config))
                    print(f"ingest embed {name}: {times[name][-1]:.1f} s", flush=True)
            best = {k: min(v) for k, v in times.items()}
            print(f"warta ingest of {args.articles} articles (default workers), best of "
                  f"{args.rounds}: off {best['off']:.1f} s, on {best['on']:.1f} s "
                  f"(+{100 * (best['on'] / best['off'] - 1):.0f} %)")
        embed_s, rest_s, records = stage_share(data, load_settings(on))
        n = len(records)
        print(f"in-process, [embed] enabled: embed stage {embed_s:.1f} s, the rest of the "
              f"analysis {rest_s:.1f} s for {n} articles: +{100 * embed_s / rest_s:.0f} % "
              f"({n / embed_s:.1f} articles/s embedded); the stage alone:", flush=True)
        variants(records, rest_s)


if __name__ == "__main__":
    main()
