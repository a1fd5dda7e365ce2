"""``bench/nlp_speed.py --model``: a candidate model is timed beside the shipped one in the same
runs (issue 20 compares a smaller tok2vec against the shipped model)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from warta.nlp.pipeline import model_path

SCRIPT = Path(__file__).parents[2] / "bench" / "nlp_speed.py"
ARTICLE = {"paragraphs": [[["Gubernur", "Jawa", "Tengah", "meresmikan", "pasar", "baru", "di",
                            "Solo", "pada", "Senin", "."],
                           ["Warga", "menyambut", "pembukaan", "itu", "."]]]}


def _bench(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    data = tmp_path / "indosum-news" / "indosum-devfolds-shared.jsonl"
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    return subprocess.run([sys.executable, str(SCRIPT), "--data", str(tmp_path), "--articles",
                           "1", "--repeat", "1", *extra],
                          capture_output=True, text=True, timeout=300, check=False)


def test_a_candidate_model_gets_its_own_figures_from_the_same_runs(tmp_path):
    run = _bench(tmp_path, "--model", str(model_path()))
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stdout.splitlines()[-1])
    assert report["words"] == 14
    candidate = report["models"][str(model_path())]
    assert candidate.keys() == {"nlp_words_per_s", "ratio_nlp_to_tokenizer",
                                "warta_words_per_s", "ratio_warta_to_tokenizer",
                                "ratio_nlp_to_tokenizer_cpu", "ratio_warta_to_tokenizer_cpu"}
    assert candidate["nlp_words_per_s"] > 0 and candidate["warta_words_per_s"] > 0


def test_a_folder_without_a_model_is_one_usage_line(tmp_path):
    run = _bench(tmp_path, "--model", str(tmp_path / "nothing"))
    assert run.returncode == 2
    assert run.stderr.strip().splitlines()[-1].endswith("no config.cfg (not a spaCy model folder)")
    assert "Traceback" not in run.stderr
