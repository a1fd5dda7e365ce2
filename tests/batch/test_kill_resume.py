"""Issue 20: kill -9 of the client or of a worker loses no finished partition, and the job ends
with each article exactly once (``bench/kill_resume.py`` on a small invented CSV)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parents[2] / "bench" / "kill_resume.py"


def test_kill_9_of_the_client_or_a_worker_loses_nothing_and_adds_no_duplicate():
    run = subprocess.run([sys.executable, str(SCRIPT), "--articles", "16", "--partition-size",
                          "2", "--workers", "2", "--timeout", "240"],
                         capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stdout.splitlines()[-1])
    client, worker = report["kill_client"], report["kill_worker"]
    assert client["partitions"] == worker["partitions"] == 8  # CSV byte ranges of two rows
    assert client["partitions_kept"] >= 1 and client["resumed"] >= client["partitions_kept"]
    assert client["orphan_workers"] == 0 and client["workers_killed_with_client"] == 2
    assert client["load_named_not_finished"] >= 1
    for scenario in (client, worker):
        assert (scenario["distinct_articles"], scenario["article_rows"]) == (16, 16)
        assert scenario["temporary_files"] == 0
    assert report["problems"] == []
