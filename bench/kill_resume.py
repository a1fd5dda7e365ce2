"""kill -9 of the client, or of one worker, during `warta batch`: nothing finished is lost, and
the job ends with every article exactly once (issue 20).

Writes an invented CSV of ``--articles`` short articles (multi-line quoted bodies and a padding
column, so the file is large enough to be cut into byte ranges of ``--partition-size`` rows) to a
temporary folder, then runs two scenarios, each ``python -m warta batch CSV --out DIR`` as a
subprocess on a local cluster of ``--workers`` processes:

* client: SIGKILL the client once the manifest lists a finished partition; check that the
  finished partitions' part files are whole, that the worker processes went with the client and
  that ``warta load`` names the partitions not finished; run the same command again and check
  it skips the finished ones (their files untouched) and completes.
* worker: SIGKILL one worker process (a child of the client) once a partition has finished;
  the job must still complete on its own (Dask redoes the lost tasks).

Either way, the finished job's part files must hold each article exactly once, with no temporary
file left over. Prints one JSON line; exit status 1 when a check fails (each failed check is one
line on stderr).

    .venv/bin/python bench/kill_resume.py [--articles 48] [--partition-size 4] [--workers 2]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import psutil
import pyarrow.parquet as pq

from warta.batch.plan import SPLIT_MIN_BYTES  # a smaller file is one partition

TABLES = ("articles", "actors", "mentions", "quotes", "events")
PLACES = ("Bekasi", "Bogor", "Cianjur", "Depok", "Garut", "Karawang", "Subang", "Tangerang")
SUBJECTS = ("Banjir merendam", "Angin kencang merusak", "Petugas memperbaiki", "Warga membersihkan")


def write_input(folder: Path, articles: int) -> Path:
    """An invented CSV: one distinct article a row, bodies spanning lines, quotes doubled."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["judul", "isi", "catatan"])
    pad = SPLIT_MIN_BYTES // articles + 1  # an unread column: the file is large enough to cut
    for i in range(articles):
        place, subject = PLACES[i % len(PLACES)], SUBJECTS[i // len(PLACES) % len(SUBJECTS)]
        body = (f"{subject} puluhan rumah di {place}, Senin ({i + 1}/3/2025).\n\n"
                f'"Kami mengungsi sejak pagi," kata Siti, warga {place}, nomor {i}.')
        writer.writerow([f"Berita {i}: {place}", body, "x" * pad])
    path = folder / "berita.csv"
    path.write_bytes(out.getvalue().encode("utf-8"))
    return path


def batch_command(source: Path, out: Path, args: argparse.Namespace) -> list[str]:
    return [sys.executable, "-m", "warta", "batch", str(source), "--out", str(out),
            "--workers", str(args.workers), "--partition-size", str(args.partition_size),
            "--text-column", "isi", "--title-column", "judul", "--no-progress"]


def manifest(out: Path) -> dict[str, bytes]:
    """Finished partitions: id → their manifest entry's bytes."""
    folder = out / "_manifest"
    return {p.stem: p.read_bytes() for p in folder.glob("*.json")} if folder.is_dir() else {}


def part_files(out: Path, partition: str) -> dict[str, bytes]:
    return {t: (out / t / f"part-{partition}.parquet").read_bytes() for t in TABLES
            if (out / t / f"part-{partition}.parquet").is_file()}


def wait_for_entries(out: Path, proc: subprocess.Popen[bytes], timeout: float) -> int:
    """Block until the manifest lists a finished partition (or the job ends, or time is up)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if manifest(out):
            return len(manifest(out))
        time.sleep(0.05)
    return len(manifest(out))


def worker_processes(client: int) -> list[psutil.Process]:
    """The local cluster's worker processes: the client's children started by
    multiprocessing's spawn (the resource tracker is a child too, but not a worker)."""
    found = []
    for child in psutil.Process(client).children(recursive=True):
        try:
            if "spawn_main" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.NoSuchProcess:
            continue
    return found


def check_finished(out: Path, problems: list[str], where: str) -> None:
    """Every partition with a manifest entry has its five part files, readable, with the
    entry's article count."""
    for partition, raw in manifest(out).items():
        entry = json.loads(raw)
        files = part_files(out, partition)
        if set(files) != set(TABLES):
            problems.append(f"{where}: partition {partition} is listed but lacks "
                            f"{sorted(set(TABLES) - set(files))}")
            continue
        rows = pq.read_table(out / "articles" / f"part-{partition}.parquet").num_rows
        if rows != entry["articles"]:
            problems.append(f"{where}: partition {partition} holds {rows} article rows, its "
                            f"entry says {entry['articles']}")


def check_complete(out: Path, articles: int, problems: list[str], where: str) -> dict[str, Any]:
    """The union of the listed partitions' articles: each input article exactly once."""
    check_finished(out, problems, where)
    ids: Counter[str] = Counter()
    records: Counter[int] = Counter()
    for partition in manifest(out):
        table = pq.read_table(out / "articles" / f"part-{partition}.parquet",
                              columns=["id", "record"])
        for row in table.to_pylist():
            ids[row["id"]] += 1
            records[json.loads(row["record"])["source"]["record"]] += 1
    twice = sorted(r for r, n in records.items() if n > 1)
    missing = sorted(set(range(articles)) - set(records))
    temporary = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file() and (
        p.parent.name == "_tmp" or (p.parent.name in TABLES and p.suffix != ".parquet")))
    unlisted = sorted(p.stem.removeprefix("part-") for p in (out / "articles").glob("*.parquet")
                      if p.stem.removeprefix("part-") not in manifest(out))
    if twice or missing or len(ids) != articles:
        problems.append(f"{where}: {len(ids)} distinct articles for {articles} rows; rows twice: "
                        f"{twice[:10]}, rows missing: {missing[:10]}")
    if temporary:
        problems.append(f"{where}: temporary files left: {temporary[:5]}")
    if unlisted:
        problems.append(f"{where}: part files without a manifest entry: {unlisted[:5]}")
    return {"distinct_articles": len(ids), "article_rows": sum(ids.values()),
            "rows_twice": len(twice), "rows_missing": len(missing),
            "temporary_files": len(temporary)}


def run(cmd: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)


def stop(processes: list[psutil.Process], timeout: float) -> list[int]:
    """Wait for ``processes`` to end; the ones still alive after ``timeout`` are killed (they
    are this script's grandchildren) and their ids returned."""
    _, alive = psutil.wait_procs(processes, timeout=timeout)
    for p in alive:
        p.kill()
    return [p.pid for p in alive]


def kill_client(source: Path, out: Path, args: argparse.Namespace,
                problems: list[str]) -> dict[str, Any]:
    cmd = batch_command(source, out, args)
    started = time.monotonic()
    log = out.with_suffix(".stderr")
    with log.open("wb") as err:  # a file, not a pipe: the workers inherit it and may outlive us
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
    seen = wait_for_entries(out, proc, args.timeout)
    workers = worker_processes(proc.pid)
    if proc.poll() is not None or seen == 0:
        proc.kill()
        problems.append(f"client: the job ended or stalled before a partition finished "
                        f"(exit {proc.wait()}): {_tail(log)}")
        return {}
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    orphans = stop(workers, args.grace)
    if orphans:
        problems.append(f"client: worker processes {orphans} outlived the killed client")
    kept = manifest(out)
    check_finished(out, problems, "client, after the kill")
    files = {p: part_files(out, p) for p in kept}
    loaded = run([sys.executable, "-m", "warta", "load", str(out), "--db",
                  str(out.with_suffix(".db"))], args.timeout)
    named = loaded.stderr.count("E051")
    if loaded.returncode != 1 or not named or "not finished" not in loaded.stderr:
        problems.append(f"client: warta load after the kill did not name the partitions not "
                        f"finished (exit {loaded.returncode}): {loaded.stderr.strip()[-300:]}")
    rerun = run(cmd, args.timeout)
    if rerun.returncode != 0:
        problems.append(f"client: the rerun exited {rerun.returncode}: {rerun.stderr[-400:]}")
    resumed = re.search(r"(\d+) finished before", rerun.stderr)
    if not resumed or int(resumed.group(1)) < len(kept):
        problems.append(f"client: the rerun did not skip the {len(kept)} finished partitions: "
                        f"{rerun.stderr.strip()[-300:]}")
    changed = [p for p in kept if manifest(out).get(p) != kept[p] or part_files(out, p) != files[p]]
    if changed:
        problems.append(f"client: the rerun rewrote finished partitions {changed[:5]}")
    return {"partitions_finished_at_kill": seen, "partitions_kept": len(kept),
            "partitions": len(manifest(out)), "load_named_not_finished": named,
            "workers_killed_with_client": len(workers),
            "orphan_workers": len(orphans), "resumed": int(resumed.group(1)) if resumed else None,
            "seconds": round(time.monotonic() - started, 1),
            **check_complete(out, args.articles, problems, "client")}


def kill_worker(source: Path, out: Path, args: argparse.Namespace,
                problems: list[str]) -> dict[str, Any]:
    started = time.monotonic()
    log = out.with_suffix(".stderr")
    with log.open("wb") as err:
        proc = subprocess.Popen(batch_command(source, out, args), stdout=subprocess.DEVNULL,
                                stderr=err)
    seen = wait_for_entries(out, proc, args.timeout)
    workers = worker_processes(proc.pid)
    if proc.poll() is not None or seen == 0 or not workers:
        proc.kill()
        problems.append(f"worker: the job ended before a worker could be killed "
                        f"(exit {proc.wait()}, {len(workers)} workers): {_tail(log)}")
        return {}
    victim = workers[0]
    victim.send_signal(signal.SIGKILL)
    try:
        proc.wait(timeout=args.timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        problems.append("worker: the job did not finish after a worker was killed")
    stderr = log.read_text("utf-8", "replace")
    if proc.returncode != 0:
        problems.append(f"worker: the job exited {proc.returncode}: {stderr.strip()[-400:]}")
    if "Traceback" in stderr:
        problems.append(f"worker: a traceback on stderr: {stderr.strip()[-400:]}")
    stop([w for w in workers if w.pid != victim.pid], args.grace)
    return {"partitions_finished_at_kill": seen, "partitions": len(manifest(out)),
            "killed_worker_pid": victim.pid, "exit": proc.returncode,
            "seconds": round(time.monotonic() - started, 1),
            **check_complete(out, args.articles, problems, "worker")}


def _tail(log: Path) -> str:
    return " ".join(log.read_text("utf-8", "replace").split())[-300:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=48)
    parser.add_argument("--partition-size", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=300, help="seconds per job run")
    parser.add_argument("--grace", type=float, default=20,
                        help="seconds worker processes get to exit after their client")
    parser.add_argument("--scenario", choices=("client", "worker", "both"), default="both")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    problems: list[str] = []
    report: dict[str, Any] = {"articles": args.articles, "partition_size": args.partition_size,
                              "workers": args.workers}
    with tempfile.TemporaryDirectory(prefix="warta-kill-") as tmp:
        source = write_input(Path(tmp), args.articles)
        if args.scenario in ("client", "both"):
            report["kill_client"] = kill_client(source, Path(tmp, "client"), args, problems)
        if args.scenario in ("worker", "both"):
            report["kill_worker"] = kill_worker(source, Path(tmp, "worker"), args, problems)
    report["problems"] = problems
    print(json.dumps(report))
    for problem in problems:
        print(f"kill_resume: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
