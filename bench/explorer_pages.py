"""Benchmark: how long each explorer page takes on the 900-article Detik store (issue 21).

Ingests the shared Detik CSV into a temporary store through the real CLI (or reads the store
given with --db), serves it with the real uvicorn server on a free local port, and requests
every list page — with and without filters and sorts — and the largest real-world event's
page over HTTP, after ``SETTLE_S`` seconds
(the server readies its chart renderer and gazetteer in the background as it starts, as it has
by a person's first click). Prints, per page, the first request and the median and worst of the
following ones; exits 1 when a warm median reaches the budget (1 s). Timings are the server's
answer, HTML complete, not the browser's painting.

Uses ../shared/data (not redistributable), so it is a script, not a unit test:

    .venv/bin/python bench/explorer_pages.py [--db STORE] [--repeat 5] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSV = ROOT.parent / "shared" / "data" / "detik-news-2025-summ" / "data_berita-shared.csv"
COLUMNS = ["--text-column", "isi_berita", "--title-column", "judul", "--date-column", "tanggal",
           "--url-column", "tautan"]
BUDGET_S = 1.0
SETTLE_S = 3.0
PAGES = [
    "/", "/?q=inflasi", "/?q=inflasi&sort=-published", "/?sort=title&page=5",
    "/actors", "/actors?sort=name&page=10", "/actors?type=PERSON&sort=-country",
    "/events", "/events?sort=-type&page=3", "/events?type=CONSULT",
    "/quotes", "/quotes?sort=speaker&page=20", "/quotes?q=harga", "/quotes?mentioned=Indonesia",
    "/quotes?speaker=Prabowo%20Subianto&since=2025-10-01",
    "/network", "/network?country=IDN&type=PERSON", "/network?top=200",
    "/network?since=2025-10-01&until=2025-10-31&min_weight=2",
    "/places", "/places?sort=-events", "/places?country=IDN&page=2", "/places?q=jakarta",
    "/actor/gpe:IDN", "{article}",
    "{event}", "{event}?page=2", "{event_api}",
]


def _most_reported_event(conn: sqlite3.Connection) -> str | None:
    """The real-world event with the most mentions (the largest event page); None before
    `warta link` (the event pages are then left out)."""
    try:
        row = conn.execute("SELECT id FROM event_clusters ORDER BY num_mentions DESC, id"
                           " LIMIT 1").fetchone()
    except sqlite3.OperationalError:  # a store from before migration 0007
        return None
    return None if row is None else str(row[0])


def ingest(db: Path) -> None:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "warta", "ingest", str(CSV), "--db", str(db),
                             *COLUMNS], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"ingest failed ({result.returncode}):\n{result.stderr[-2000:]}")
    print(f"ingested: {result.stderr.strip().splitlines()[-1]} "
          f"(wall {time.perf_counter() - started:.0f} s)")


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The real server over ``db`` on a free port of 127.0.0.1, in a thread."""
    from warta.serve.app import create_app, make_server

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = make_server(create_app(db), host="127.0.0.1", port=port, log_level="error")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    time.sleep(SETTLE_S)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def time_pages(base: str, pages: list[str], repeat: int) -> list[dict[str, object]]:
    import httpx

    rows = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for path in pages:
            times = []
            for _ in range(repeat + 1):
                started = time.perf_counter()
                response = client.get(path)
                times.append(time.perf_counter() - started)
                if response.status_code != 200:
                    sys.exit(f"{path}: HTTP {response.status_code}")
            warm = times[1:]
            rows.append({"page": path, "first_s": round(times[0], 3),
                         "median_s": round(statistics.median(warm), 3),
                         "max_s": round(max(warm), 3), "kb": len(response.content) // 1024})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="An existing store (default: ingest the CSV)")
    parser.add_argument("--repeat", type=int, default=5, help="Warm requests per page")
    parser.add_argument("--json", type=Path, help="Also write the figures here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            if not CSV.exists():
                print(f"skipped: {CSV} absent (shared data not staged)")
                return 0
            db = Path(tmp) / "detik.db"
            ingest(db)
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            article = conn.execute("SELECT id FROM articles ORDER BY rowid LIMIT 1").fetchone()[0]
            event = _most_reported_event(conn)
        pages = [p.replace("{article}", f"/article/{article}") for p in PAGES]
        pages = [p.replace("{event}", f"/events/{event}")
                  .replace("{event_api}", f"/api/events/{event}?limit=1000")
                 for p in pages if event or "{event" not in p]
        with serving(db) as base:
            rows = time_pages(base, pages, args.repeat)
    print(f"store: {articles} articles; {args.repeat} warm requests per page after the first")
    print(f"{'page':58} {'first':>7} {'median':>7} {'max':>7} {'KB':>5}")
    for r in rows:
        print(f"{r['page']:58} {r['first_s']:7.3f} {r['median_s']:7.3f} {r['max_s']:7.3f} "
              f"{r['kb']:5}")
    slow = [r for r in rows if float(r["median_s"]) >= BUDGET_S]  # type: ignore[arg-type]
    if args.json:
        args.json.write_text(json.dumps({"articles": articles, "pages": rows}, indent=1) + "\n")
    print("OK: every page under 1 s warm" if not slow else
          f"SLOW: {', '.join(str(r['page']) for r in slow)}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
