"""Benchmark and acceptance check: ingest the shared Detik CSV twice through the real CLI.

Checks that the second run adds nothing (idempotence), that every distinct article is stored
once, that no stored text keeps the "SCROLL TO CONTINUE WITH CONTENT" scraping leftover, and that
`warta search inflasi` returns ranked hits; prints the articles/second of the first ingest.
Then it kills an ingest (SIGKILL) midway into a second store and checks that re-running the same
command stores exactly the rest.

The CSV holds 900 rows: 826 distinct texts, 68 of them listed two or three times under different
dataset ids (same URL, title and text; the topic label, keywords and sometimes the date differ).
The dataset's own `id` column is part of warta's article id (`--id-column`, default `id`), so
every row the dataset lists as a record is stored once: 900 articles, and re-ingesting adds none.
The expected count is computed from the CSV itself.

Uses ../shared/data (not redistributable), so it is a script, not a unit test:

    .venv/bin/python bench/ingest_detik.py [--csv PATH] [--keep DB]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSV = ROOT.parent / "shared" / "data" / "detik-news-2025-summ" / "data_berita-shared.csv"
COLUMNS = ["--text-column", "isi_berita", "--title-column", "judul", "--date-column", "tanggal",
           "--url-column", "tautan"]
LEFTOVER = "SCROLL TO CONTINUE WITH CONTENT"
SUMMARY = re.compile(r"(\d+) new, (\d+) already stored, (\d+) failed in ([\d.]+) s")


def warta(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real command line, as a user would."""
    return subprocess.run([sys.executable, "-m", "warta", *args], capture_output=True,
                          text=True, check=False)


def csv_figures(path: Path) -> tuple[int, int]:
    """Rows in the CSV and distinct (dataset id, title, text) records among them."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    texts = len({(r["judul"].strip(), r["isi_berita"].strip()) for r in rows})
    print(f"CSV: {texts} distinct texts (title + text) among the rows")
    return len(rows), len({(r["id"], r["judul"].strip(), r["isi_berita"].strip()) for r in rows})


def ingest(csv_path: Path, db: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.perf_counter()
    result = warta("ingest", str(csv_path), "--db", str(db), *COLUMNS)
    return result, time.perf_counter() - started


def summary(result: subprocess.CompletedProcess[str]) -> tuple[int, int, int, float]:
    match = SUMMARY.search(result.stderr)
    if match is None:
        sys.exit(f"no summary line in ingest output:\n{result.stderr[-2000:]}")
    new, stored, failed, seconds = match.groups()
    return int(new), int(stored), int(failed), float(seconds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", type=Path, default=CSV)
    parser.add_argument("--keep", type=Path, default=None, help="Keep the store at this path.")
    args = parser.parse_args()
    if not args.csv.exists():
        print(f"skipped: {args.csv} absent (shared data not staged)")
        return 0
    rows, distinct = csv_figures(args.csv)
    print(f"CSV: {rows} rows, {distinct} distinct records (dataset id + title + text)")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or Path(tmp) / "detik.db"
        if db.exists():
            sys.exit(f"{db} exists; pass a new path to --keep")
        problems = run_checks(args.csv, db, rows, distinct)
    for problem in problems:
        print(f"FAIL: {problem}")
    print("OK" if not problems else f"{len(problems)} check(s) failed")
    return 1 if problems else 0


def run_checks(csv_path: Path, db: Path, rows: int, distinct: int) -> list[str]:
    problems: list[str] = []
    first, wall = ingest(csv_path, db)
    new, _, failed, seconds = summary(first)
    print(f"first ingest:  {first.stderr.strip().splitlines()[-1]}")
    print(f"               wall {wall:.1f} s incl. start-up and model load: "
          f"{new / wall:.2f} articles/s; pipeline loop {new / seconds:.2f} articles/s")
    second, wall2 = ingest(csv_path, db)
    new2, stored2, _, _ = summary(second)
    print(f"second ingest: {second.stderr.strip().splitlines()[-1]} (wall {wall2:.1f} s)")
    if failed or first.returncode != 0:
        problems.append(f"first ingest: exit {first.returncode}, {failed} failed")
    if new2 != 0 or stored2 != rows - failed:
        problems.append(f"second ingest: {new2} new, {stored2} skipped of {rows} rows")
    with sqlite3.connect(db) as conn:
        count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        leftovers = conn.execute(
            "SELECT count(*) FROM articles WHERE instr(upper(text), ?) OR instr(upper(title), ?)",
            (LEFTOVER, LEFTOVER)).fetchone()[0]
    print(f"stored articles: {count} (expected {distinct}: the CSV's distinct records)")
    print(f"articles containing {LEFTOVER!r}: {leftovers}")
    if count != distinct:
        problems.append(f"{count} articles stored, expected {distinct}")
    if leftovers:
        problems.append(f"{leftovers} stored texts still contain {LEFTOVER!r}")
    hits = warta("search", "inflasi", "--db", str(db), "--limit", "5")
    print("warta search inflasi --limit 5:")
    print(hits.stdout)
    ranked = warta("search", "inflasi", "--db", str(db), "--limit", "20", "--format", "json")
    scores = [json.loads(line)["score"] for line in ranked.stdout.splitlines()]
    if hits.returncode != 0 or not scores or scores != sorted(scores, reverse=True):
        problems.append(f"search inflasi: exit {hits.returncode}, scores {scores[:5]}")
    return problems + kill_and_resume(csv_path, db.with_name("killed.db"), distinct)


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def kill_and_resume(csv_path: Path, db: Path, distinct: int, *, after: int = 150) -> list[str]:
    """SIGKILL an ingest once ``after`` articles are stored; the re-run must store the rest."""
    command = [sys.executable, "-m", "warta", "ingest", str(csv_path), "--db", str(db), *COLUMNS]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while proc.poll() is None and _stored(db) < after and time.monotonic() < deadline:
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    before = _stored(db)
    with sqlite3.connect(db) as conn:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    resumed, _ = ingest(csv_path, db)
    new, _, failed, _ = summary(resumed)
    after_count = _stored(db)
    print(f"killed ingest: {before} stored at SIGKILL, integrity {integrity}; re-run: "
          f"{resumed.stderr.strip().splitlines()[-1]}; now {after_count}")
    problems = []
    if integrity != "ok" or after_count != distinct or new != distinct - before or failed:
        problems.append(f"resume after kill: {before} + {new} new = {after_count}, "
                        f"expected {distinct}; integrity {integrity}")
    return problems


if __name__ == "__main__":
    sys.exit(main())
