"""CPU time of one `warta batch` partition task by step, in this process, without a profiler.

Writes ``--articles`` IndoSum articles (raw text rebuilt as in ``bench/nlp_speed.py``) to a
temporary JSON Lines file, builds the pipeline, runs ``warta.batch.task.run_task`` once to warm
it (on other articles, or with ``--warm-same`` on the same ones: caches and vocabulary full),
then ``--repeat`` times on the partition, each step's process CPU time taken by wrapping the
function that does it. cProfile would slow the Python steps several times more than the
compiled model and skew the shares; these wrappers cost a few microseconds per call. The
fastest run counts. ``nlp`` is the rest of the task (``nlp.pipe`` and its glue), by difference.

    .venv/bin/python bench/task_steps.py [--data ../shared/data] [--articles 200] [--repeat 3]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import functools  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from nlp_speed import INDOSUM, load_texts  # noqa: E402

SPENT: defaultdict[str, float] = defaultdict(float)


def _timed(module: Any, name: str, step: str) -> None:
    """Replace ``module.name`` by a wrapper adding its CPU time to ``SPENT[step]``."""
    fn: Callable[..., Any] = getattr(module, name)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[step] += time.process_time() - start

    setattr(module, name, wrapper)


def _timed_reader(module: Any) -> None:
    """``read_piece`` is a generator: time it read to the end."""
    fn = module.read_piece

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        items = list(fn(*args, **kwargs))
        SPENT["read and parse the input"] += time.process_time() - start
        return iter(items)

    module.read_piece = wrapper


def instrument() -> None:
    from warta import process
    from warta.batch import parts, task

    _timed(process, "clean_article", "clean")
    _timed(process, "detect_language", "language id")
    _timed(process, "make_doc", "make_doc (the tokenizer)")
    _timed(process, "_trained_stages", "trained stages' status")
    _timed(process, "to_record", "to_record")
    _timed(task, "_unseen", "input keys")
    _timed(parts, "save", "records into the in-memory store")
    _timed(parts, "_table_bytes", "Parquet tables")
    _timed(parts, "put", "file writes")
    _timed(parts, "write_entry", "manifest entry")
    _timed_reader(task)


def _partition(folder: Path, name: str, texts: list[str]) -> Any:
    from warta.batch.plan import Partition, Piece

    path = folder / f"{name}.jsonl"
    path.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts),
                    encoding="utf-8")
    return Partition(name, (Piece(str(path), path.stat().st_size),))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--warm-same", action="store_true")
    args = parser.parse_args()
    from warta.batch.job import worker_pipeline
    from warta.batch.task import run_task
    from warta.settings import load_settings

    texts = load_texts(args.data / INDOSUM, 2 * args.articles)
    measured, warm = texts[:args.articles], texts[args.articles:] or texts
    settings = load_settings()
    instrument()
    worker_pipeline(settings)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        partition = _partition(folder, "measured", measured)
        run_task(partition if args.warm_same else _partition(folder, "warm", warm), settings,
                 str(folder / "warm-out"))
        best: dict[str, float] | None = None
        for run in range(args.repeat):
            SPENT.clear()
            start = time.process_time()
            entry = run_task(partition, settings, str(folder / f"out{run}"))
            total = time.process_time() - start
            shutil.rmtree(folder / f"out{run}")
            if best is None or total < best["total"]:
                best = {**SPENT, "total": total}
    assert best is not None
    steps = sum(s for step, s in best.items() if step != "total")
    best["nlp (the rest, by difference)"] = best["total"] - steps
    per_article = {step: round(1000 * s / args.articles, 3)
                   for step, s in sorted(best.items(), key=lambda kv: -kv[1])}
    print(json.dumps({"articles": args.articles, "words": entry["words"],
                      "warm_same": args.warm_same, "ms_per_article": per_article}))


if __name__ == "__main__":
    main()
