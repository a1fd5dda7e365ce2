"""`warta batch` runs the same job as `warta analyze`, on a real (local) Dask cluster."""

from __future__ import annotations

import json

from click.testing import CliRunner

from helpers import crash_stage_on
from warta.batch.job import partitions, run_partition
from warta.cli import cli
from warta.types import Failure, RawArticle, Source

ARTICLES = {
    "a.txt": "Banjir Rendam Bekasi\n\nBEKASI - Banjir merendam ratusan rumah di Bekasi, Senin.",
    "b.txt": "Harga Beras Naik\n\nHarga beras di Pasar Induk naik dua persen pekan ini.",
    "c.txt": "KPK Periksa Pejabat\n\nKPK memeriksa seorang pejabat Kemenkeu, Selasa (14/10/2025).",
}


def test_partitions_keep_order_and_size():
    assert list(partitions(range(5), 2)) == [[0, 1], [2, 3], [4]]


def test_failures_pass_through_a_partition_in_place(settings):
    raw = RawArticle(Source(path="x.txt", format="text"), "Gempa mengguncang Cianjur, Senin.")
    failure = Failure("y.bin", "E002 y.bin: binary content")
    out = run_partition([failure, raw], settings)
    assert out[0] is failure
    assert out[1]["text"].startswith("Gempa") and out[1]["schema"] == "warta.article/1"


def _corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, "utf-8")
    return corpus


def test_batch_on_dask_matches_analyze(tmp_path):
    corpus = _corpus(tmp_path)
    (corpus / "bad.txt").write_bytes(b"")
    runner = CliRunner()
    out = tmp_path / "records.jsonl"
    batched = runner.invoke(cli, ["batch", str(corpus), "--workers", "1",
                                  "--partition-size", "2", "--out", str(out)])
    assert batched.exit_code == 1, batched.output  # the empty file failed, the rest went on
    assert "bad.txt" in batched.stderr and "E001" in batched.stderr
    analyzed = runner.invoke(cli, ["analyze", *sorted(str(corpus / n) for n in ARTICLES),
                                   "--format", "jsonl"])
    assert analyzed.exit_code == 0, analyzed.output
    expected = [json.loads(line) for line in analyzed.stdout.splitlines()]
    got = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["id"] for r in got] == [r["id"] for r in expected]
    assert got == expected


def test_batch_into_store_is_idempotent(tmp_path, monkeypatch):
    import warta.progress

    bars = []  # issue 16: batch showed no progress at all; now the same bar as ingest
    real = warta.progress.progress

    def bar(description, *, total, enabled):
        bars.append((description, total, enabled))
        return real(description, total=total, enabled=False)

    monkeypatch.setattr("warta.progress.progress", bar)
    corpus = _corpus(tmp_path)
    db = tmp_path / "w.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["batch", str(corpus), "--db", str(db), "--workers", "1",
                                "--progress"])
    again = runner.invoke(cli, ["batch", str(corpus), "--db", str(db), "--workers", "1"])
    assert first.exit_code == again.exit_code == 0, first.output + again.output
    assert "3 new" in first.stderr and "0 new" in again.stderr
    assert bars[0] == ("batch", 3, True)


def test_a_stage_crash_in_a_partition_fails_only_its_article(settings, monkeypatch):
    """Before, one crashing article raised out of the worker and ended the whole batch run."""
    crash_stage_on(monkeypatch, lambda raw: "Cianjur" in raw.text)
    bad = RawArticle(Source(path="x.jsonl", format="jsonl", record=3),
                     "Gempa mengguncang Cianjur, Senin.")
    good = RawArticle(Source(path="y.txt", format="text"), "Harga beras naik dua persen.")
    out = run_partition([bad, good], settings)
    assert out[0] == Failure("x.jsonl record 3", "E012 x.jsonl record 3: analysis failed "
                                                 "(RuntimeError: stage bug)")
    assert out[1]["text"] == "Harga beras naik dua persen."


def test_a_text_over_the_pipeline_limit_fails_alone_and_plainly(nlp, settings, monkeypatch):
    from warta.batch.job import analyze_isolated

    monkeypatch.setattr(nlp, "max_length", 60)
    short = RawArticle(Source(path="a.txt", format="text"), "Harga beras naik dua persen.")
    long = RawArticle(Source(path="b.csv", format="csv", record=4), "Banjir melanda. " * 5)
    out = analyze_isolated([long, short], nlp, settings)
    assert out[0] == Failure("b.csv record 4", "E012 b.csv record 4: analysis failed (80 "
                                               "characters, over the pipeline's limit of 60)")
    assert out[1]["text"] == "Harga beras naik dua persen."


def test_worker_processes_settle_the_collector_once_the_pipeline_is_loaded(monkeypatch):
    """Only a worker process (it has a parent) moves what the pipeline holds out of the garbage
    collector's walks (gc.freeze, once) and raises its thresholds; the main process, as
    warta.load() leaves it, never does."""
    import gc
    import multiprocessing

    from warta.batch import job
    from warta.nlp import pipeline

    built = object()
    monkeypatch.setattr(pipeline, "load", lambda settings: built)
    assert gc.get_freeze_count() == 0
    thresholds = gc.get_threshold()
    assert thresholds != job.COLLECTOR_THRESHOLDS
    try:
        assert job.worker_pipeline(None) is built  # type: ignore[arg-type]
        assert gc.get_freeze_count() == 0  # the test's own process: no parent
        assert gc.get_threshold() == thresholds
        monkeypatch.setattr(multiprocessing, "parent_process", lambda: object())
        assert job.worker_pipeline(None) is built  # type: ignore[arg-type]
        frozen = gc.get_freeze_count()
        assert frozen > 0
        assert gc.get_threshold() == job.COLLECTOR_THRESHOLDS
        job.worker_pipeline(None)  # type: ignore[arg-type]  # frozen once per process
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
