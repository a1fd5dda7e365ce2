"""Scaling of `warta batch`: 1 and 2 local workers on the same input, and a no-op cluster.

Writes ``--articles`` IndoSum articles (raw text rebuilt as in ``bench/nlp_speed.py``) to a
temporary JSON Lines file (never to the repository), then, for 1 and 2 worker processes, plans
and runs the job exactly as ``warta batch --out`` does, with warm workers (each builds the
pipeline before the clock starts, and with ``--warm-articles N`` also runs it over N other
articles, as a worker of a day-long job is warm for all but its first minute; startup is
reported apart). Measured: articles/s, words/s,
parallel efficiency (rate with 2 / twice the rate with 1), peak memory per worker, and the
client's CPU time per article against a worker's (the client process also hosts the local
scheduler, so its figure includes the scheduler's).

The simulation replaces workers' tasks by no-ops on ``--sim-partitions`` partitions: the client's
(and scheduler's) CPU per partition for planning and tracking, against the worker time one
partition takes, says how many workers one client can feed. Prints one JSON line.

    .venv/bin/python bench/scale.py [--data ../shared/data] [--articles 600] [--partition-size 32]
                                    [--warm-articles 0]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from nlp_speed import INDOSUM, load_texts  # noqa: E402

GDELT_DAY = 700_000
GDELT_WORDS = 400


def _warm(settings: Any, texts: list[str]) -> None:
    """Build the pipeline and run it over ``texts`` (other articles than the measured ones), so
    the measured rate is a long run's steady state rather than a fresh process's first minute:
    spaCy's vocabulary and tokenizer caches start empty and cost a fresh worker ~10 % at first."""
    from warta.nlp.pipeline import load

    nlp = load(settings)
    for _doc in nlp.pipe(texts, batch_size=32):
        pass


def run_job(source: Path, settings: Any, workers: int, size: int,
            warm: list[str]) -> dict[str, Any]:
    """One timed run of the job on a fresh local cluster of ``workers`` processes, each warmed
    on ``warm`` first."""
    from warta.batch.dask import cluster, mapper
    from warta.batch.plan import plan
    from warta.batch.run import execute

    started = time.perf_counter()
    with cluster(workers=workers) as client, tempfile.TemporaryDirectory() as out:
        client.run(_warm, settings, warm)
        ready = time.perf_counter()
        cpu, wall = time.process_time(), time.perf_counter()
        partitions, _ = plan([str(source)], settings, partition_size=size, mapper=mapper(client))
        tally = execute(client, partitions, settings, out)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        from warta.store import parts

        task_seconds = sum(parts.read_entry(out, p.id)["seconds"] for p in partitions)
    return {"workers": workers, "startup_s": round(ready - started, 1), "wall_s": round(wall, 2),
            "articles": tally.articles, "words": tally.words, "partitions": len(partitions),
            "articles_per_s": round(tally.articles / wall, 2),
            "words_per_s": round(tally.words / wall), "peak_rss_mb": tally.peak_rss_mb,
            "client_cpu_s": round(cpu, 3), "worker_s": round(task_seconds, 2),
            "client_cpu_per_article_ms": round(1000 * cpu / tally.articles, 3),
            "worker_s_per_article_ms": round(1000 * task_seconds / tally.articles, 1)}


def noop_task(partition: Any, **_: Any) -> dict[str, Any]:
    """A partition done in no time: what the client tracks without the work."""
    return {"id": partition.id, "read": 64, "articles": 64, "failures": [], "words": 0}


def simulate(settings: Any, partitions: int) -> dict[str, Any]:
    """Client CPU per partition for tracking no-op tasks (2 workers, threads), and for planning."""
    from warta.batch.dask import cluster
    from warta.batch.plan import Partition, Piece, _pack
    from warta.batch.run import execute

    pieces = [Piece(f"s3://bucket/day/{i:06}.jsonl", 1 << 20, 0, 1 << 20, 1)
              for i in range(partitions)]
    cpu = time.process_time()
    planned = list(_pack(pieces, settings, 64))
    plan_cpu = time.process_time() - cpu
    with cluster(workers=2, processes=False) as client, tempfile.TemporaryDirectory() as out:
        client.submit(noop_task, Partition("warm", ()), pure=False).result()
        cpu, wall = time.process_time(), time.perf_counter()
        execute(client, planned, settings, out, task=noop_task)
        track_cpu, track_wall = time.process_time() - cpu, time.perf_counter() - wall
    return {"partitions": partitions, "plan_cpu_ms_per_partition": round(1000 * plan_cpu
                                                                          / partitions, 3),
            "track_cpu_ms_per_partition": round(1000 * track_cpu / partitions, 3),
            "track_wall_ms_per_partition": round(1000 * track_wall / partitions, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--partition-size", type=int, default=32)
    parser.add_argument("--sim-partitions", type=int, default=2000)
    parser.add_argument("--warm-articles", type=int, default=0,
                        help="articles (after the measured ones) each worker runs before the "
                             "clock starts, for a long job's steady state (default 0: fresh "
                             "workers; 100 measured no faster on 2026-12-05, within noise)")
    args = parser.parse_args()
    from warta.batch import plan
    from warta.settings import load_settings

    plan.SPLIT_MIN_BYTES = 0  # a bench input of any size is cut into partitions
    settings = load_settings()
    loaded = load_texts(args.data / INDOSUM, args.articles + args.warm_articles)
    texts, warm = loaded[:args.articles], loaded[args.articles:]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "indosum.jsonl"
        source.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n"
                                  for t in texts), encoding="utf-8")
        one = run_job(source, settings, 1, args.partition_size, warm)
        two = run_job(source, settings, 2, args.partition_size, warm)
    sim = simulate(settings, args.sim_partitions)
    per_partition_worker_s = two["worker_s"] / two["partitions"]
    client_per_partition_s = (sim["plan_cpu_ms_per_partition"]
                              + sim["track_cpu_ms_per_partition"]) / 1000
    gdelt_hours = GDELT_DAY * GDELT_WORDS / two["words_per_s"] / 3600
    print(json.dumps({
        "articles": len(texts), "warm_articles": len(warm), "one": one, "two": two,
        "parallel_efficiency": round(two["articles_per_s"] / (2 * one["articles_per_s"]), 3),
        "client_cpu_share_of_worker": round(two["client_cpu_per_article_ms"]
                                            / two["worker_s_per_article_ms"], 4),
        "simulation": sim,
        "workers_one_client_can_feed": int(per_partition_worker_s / client_per_partition_s),
        "gdelt_day_hours_on_2_cores": round(gdelt_hours, 1),
    }))


if __name__ == "__main__":
    main()
