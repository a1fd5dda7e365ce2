"""Issue 20: workers read and write part files; a rerun resumes; loading is idempotent."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from types import SimpleNamespace

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from warta.batch import dask, plan
from warta.batch.run import execute
from warta.batch.task import read_piece, run_task
from warta.cli import cli
from warta.ingest import read_inputs
from warta.store import parts
from warta.store.db import connect
from warta.types import Failure

# Invented articles; the same actor (Sri Mulyani) in several, so actors must merge by id.
LINES = [
    {"judul": "Menkeu Bahas APBN", "isi": "Menteri Keuangan Sri Mulyani membahas APBN di Jakarta."},
    {"judul": "Banjir di Bekasi", "isi": "Banjir merendam ratusan rumah di Bekasi, Senin."},
    {"judul": "Harga Beras", "isi": "Harga beras di Pasar Induk naik dua persen pekan ini."},
    {"judul": "Sri Mulyani ke Bali", "isi": "Sri Mulyani menghadiri rapat di Denpasar, Bali."},
    {"judul": "KPK Periksa Pejabat", "isi": "KPK memeriksa seorang pejabat di Surabaya, Selasa."},
    {"judul": "Gempa Cianjur", "isi": "Gempa mengguncang Cianjur, Jawa Barat, Rabu pagi."},
    {"judul": "Menkeu Bahas APBN", "isi": "Menteri Keuangan Sri Mulyani membahas APBN di Jakarta."},
]


def _jsonl(tmp_path: Path, *, blank_and_bad: bool = False) -> Path:
    rows = [json.dumps(r, ensure_ascii=False) for r in LINES]
    if blank_and_bad:
        rows[3:3] = ["", "{bukan json"]
    path = tmp_path / "berita.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def small_split(monkeypatch):
    monkeypatch.setattr(plan, "SPLIT_MIN_BYTES", 0)


@pytest.fixture
def client():
    with dask.cluster(workers=1, processes=False) as c:  # threads: starts in a blink
        yield c


def test_byte_ranges_read_exactly_what_the_whole_file_gives(tmp_path, settings, small_split):
    """Line numbers (records, messages) of a range are the file's, not the range's."""
    path = _jsonl(tmp_path, blank_and_bad=True)
    partitions, failures = plan.plan([str(path)], settings, partition_size=2)
    assert failures == [] and len(partitions) == 4  # nine lines; no cut before the bad one
    assert all(len(p.pieces) == 1 and p.pieces[0].start is not None for p in partitions)
    pieces = [i for p in partitions for i in read_piece(p.pieces[0], settings)]
    whole = list(read_inputs([str(path)], settings))
    assert [i for i in pieces if not isinstance(i, Failure)] == \
           [i for i in whole if not isinstance(i, Failure)]
    assert [f.message for f in pieces if isinstance(f, Failure)] == \
           [f.message for f in whole if isinstance(f, Failure)]
    assert "line 5" in next(f.message for f in pieces if isinstance(f, Failure))


def test_json_lines_ranges_keep_the_whole_files_date_order(tmp_path, settings, small_split):
    """Only the first line settles M/D/Y (21 > 12); a range without it read 05/06 as 5 June."""
    rows = [{"judul": f"Berita {i}", "isi": f"Harga beras naik di pasar nomor {i}.",
             "tanggal": "10/21/2025" if i == 0 else "05/06/2025"} for i in range(6)]
    path = tmp_path / "tanggal.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    partitions, _ = plan.plan([str(path)], settings, partition_size=2)
    assert len(partitions) == 3
    pieces = [i for p in partitions for i in read_piece(p.pieces[0], settings)]
    assert pieces == list(read_inputs([str(path)], settings))
    assert [a.published for a in pieces] == ["2025-10-21"] + ["2025-05-06"] * 5


def test_a_json_document_is_never_cut(tmp_path, settings, small_split):
    doc = tmp_path / "dok.json"
    doc.write_text(json.dumps(LINES, indent=1), encoding="utf-8")
    piece = plan.Piece(str(doc), doc.stat().st_size)
    assert plan.split_piece(piece, 2, settings=settings) == [piece]


def _article_rows(root: Path) -> list[str]:
    return [r["id"] for f in sorted((root / "articles").glob("*.parquet"))
            for r in pq.read_table(f, columns=["id"]).to_pylist()]


def test_a_crash_between_partitions_loses_nothing_and_a_rerun_adds_no_duplicate(
        tmp_path, settings, small_split, client):
    path = _jsonl(tmp_path)
    out = str(tmp_path / "parts")
    partitions, _ = plan.plan([str(path)], settings, partition_size=2)
    assert len(partitions) == 4
    crash_on = partitions[2].id

    def crashing(partition, **kwargs):
        if partition.id == crash_on:  # parts written, then killed before the manifest entry
            from warta.batch.parts import write_partition

            write_partition(kwargs["out"], partition.id, [])
            raise RuntimeError("kill -9")
        return run_task(partition, **kwargs)

    with pytest.raises(RuntimeError, match="kill -9"):
        list(dask.run_partitions(client, partial(crashing, settings=settings, out=out),
                                 partitions, max_in_flight=1))
    finished = parts.finished(out)
    assert crash_on not in finished and set(finished) == {p.id for p in partitions[:2]}

    tally = execute(client, partitions, settings, out)
    assert (tally.partitions, tally.resumed) == (4, 2)
    assert len(list(Path(out, "articles").glob("*"))) == 4  # no temporary file left over
    ids = _article_rows(Path(out))
    # seven lines, one part row each: the redone partition was written once; line 7 repeats
    # line 1 in another partition, which loading merges
    assert len(ids) == 7 and len(set(ids)) == 6 and tally.articles == 7

    conn = connect(tmp_path / "w.db")
    first = parts.load_parts(conn, out)
    again = parts.load_parts(conn, out)
    assert (first.new, first.stored, again.new, again.stored) == (6, 1, 0, 7)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 6


def test_a_kill_mid_write_leaves_no_half_file_in_the_table_folders(
        tmp_path, settings, small_split, client, monkeypatch):
    """A file being written sits in OUT/_tmp/, never in a table folder that pandas or DuckDB
    read whole; a rerun finishes the partition and clears what the killed attempt left."""
    import fsspec.implementations.local as local
    import pandas as pd

    path = _jsonl(tmp_path)
    out = tmp_path / "parts"
    partitions, _ = plan.plan([str(path)], settings, partition_size=2)
    real_mv = local.LocalFileSystem.mv

    def killed_before_rename(self, source, target, **kwargs):
        if "part-" in target and "/mentions/" in target:
            raise RuntimeError("kill -9")
        return real_mv(self, source, target, **kwargs)

    monkeypatch.setattr(local.LocalFileSystem, "mv", killed_before_rename)
    with pytest.raises(RuntimeError, match="kill -9"):
        run_task(partitions[0], settings, str(out))
    monkeypatch.undo()
    for table in ("articles", "actors", "mentions"):  # written (or cut short) before the kill
        assert all(f.suffix == ".parquet" for f in (out / table).iterdir())
        pd.read_parquet(out / table)  # a whole-folder read meets only whole part files
    assert len(list((out / parts.TEMPORARY).iterdir())) == 1 and parts.finished(str(out)) == {}

    tally = execute(client, partitions, settings, str(out))
    assert tally.partitions == 4 and not (out / parts.TEMPORARY).exists()
    assert sorted(parts.finished(str(out))) == sorted(p.id for p in partitions)


def test_a_partition_whose_task_fails_is_reported_and_the_others_finish(
        tmp_path, settings, small_split, client):
    """A task that raises, or whose workers all died (Dask's KilledWorker after its retries),
    fails its partition alone with one E050 line; the job goes on and a rerun redoes it."""
    from distributed import KilledWorker

    path = _jsonl(tmp_path)
    out = str(tmp_path / "parts")
    partitions, _ = plan.plan([str(path)], settings, partition_size=2)
    last_worker = SimpleNamespace(address="tcp://127.0.0.1:1")
    errors = {partitions[1].id: KilledWorker("run_task-1", last_worker, 3),
              partitions[2].id: OSError("Permission denied\non the bucket")}

    def failing(partition, **kwargs):
        if partition.id in errors:
            raise errors[partition.id]
        return run_task(partition, **kwargs)

    lines: list[str] = []
    tally = execute(client, partitions, settings, out, task=failing, report=lines.append)
    assert (tally.partitions, tally.unfinished, tally.failed) == (4, 2, 2)
    assert set(parts.finished(out)) == {partitions[0].id, partitions[3].id}
    assert sorted(lines) == sorted([
        f"E050 {path} bytes {partitions[1].pieces[0].start}-{partitions[1].pieces[0].end}: "
        f"partition {partitions[1].id} was not finished (the workers running it died, killed or "
        "out of memory); run the same command again to redo it",
        f"E050 {path} bytes {partitions[2].pieces[0].start}-{partitions[2].pieces[0].end}: "
        f"partition {partitions[2].id} was not finished (OSError: Permission denied on the "
        "bucket); run the same command again to redo it"])
    again = execute(client, partitions, settings, out)
    assert (again.resumed, again.unfinished, again.failed) == (2, 0, 0)
    assert len(set(_article_rows(Path(out)))) == 6


def test_loaded_parts_equal_what_ingest_stores(tmp_path, settings, small_split, client):
    """Actors merge by id across partitions; mentions, quotes and events are the same rows."""
    path = _jsonl(tmp_path)
    args = ["--text-column", "isi", "--title-column", "judul"]
    runner = CliRunner()
    ingested = runner.invoke(cli, ["ingest", str(path), "--db", str(tmp_path / "a.db"),
                                   "--workers", "1", *args])
    assert ingested.exit_code == 0, ingested.output
    out = str(tmp_path / "parts")
    partitions, _ = plan.plan([str(path)], settings, partition_size=2)
    execute(client, partitions, settings, out)
    loaded = runner.invoke(cli, ["load", out, "--db", str(tmp_path / "b.db")])
    assert loaded.exit_code == 0 and "6 new, 1 already stored" in loaded.stderr
    again = runner.invoke(cli, ["load", out, "--db", str(tmp_path / "b.db")])
    assert "0 new, 7 already stored" in again.stderr
    a, b = connect(tmp_path / "a.db"), connect(tmp_path / "b.db")
    for sql in ["SELECT id FROM articles ORDER BY id",
                "SELECT id, name, type, first_seen FROM actors ORDER BY id",
                "SELECT actor_id, alias FROM actor_aliases ORDER BY 1, 2",
                "SELECT article_id, start, label, actor_id FROM mentions ORDER BY 1, 2, 3",
                "SELECT article_id, seq, type FROM events ORDER BY 1, 2",
                "SELECT key, article_id FROM inputs ORDER BY 1",
                # both commands link at their end, to the same events and stories
                "SELECT article_id, seq, cluster_id FROM event_cluster_mentions ORDER BY 1, 2",
                "SELECT article_id, story_id FROM story_articles ORDER BY 1"]:
        assert [tuple(r) for r in a.execute(sql)] == [tuple(r) for r in b.execute(sql)], sql
    assert b.execute("SELECT count(*) FROM story_articles").fetchone()[0] == 6
    assert b.execute("SELECT count(*) FROM actors WHERE id LIKE 'person:sri-mulyani%'"
                     ).fetchone()[0] == 1


def test_ingest_with_workers_takes_the_partitioned_path_and_stays_idempotent(
        tmp_path, small_split, monkeypatch):
    monkeypatch.setattr(dask, "cluster", partial(dask.cluster, processes=False))
    calls = []

    def counted(client, partitions, *args, **kwargs):
        calls.extend(p.id for p in partitions)
        return execute(client, partitions, *args, **kwargs)

    monkeypatch.setattr("warta.batch.run.execute", counted)
    monkeypatch.setattr("warta.cli.ingest.PARTITION", 2)
    path = _jsonl(tmp_path)
    db = tmp_path / "w.db"
    cmd = ["ingest", str(path), "--db", str(db), "--workers", "2", "--text-column", "isi",
           "--title-column", "judul"]
    first = CliRunner().invoke(cli, cmd)
    assert first.exit_code == 0, first.output
    assert len(calls) == 4 and "6 new, 1 already stored, 0 failed" in first.stderr, first.stderr
    assert not Path(f"{db}.parts").exists()
    again = CliRunner().invoke(cli, cmd)
    assert "0 new, 7 already stored, 0 failed" in again.stderr


def test_batch_out_folder_reruns_skip_finished_partitions(tmp_path):
    path = _jsonl(tmp_path)
    out = tmp_path / "parts"
    cmd = ["batch", str(path), "--out", str(out), "--workers", "1", "--partition-size", "2",
           "--text-column", "isi", "--title-column", "judul"]
    first = CliRunner().invoke(cli, cmd)
    assert first.exit_code == 0, first.output
    assert "6 articles" in first.stderr and not (tmp_path / "warta.db").exists()
    for table in parts.TABLES:
        assert list((out / table).glob("part-*.parquet"))
    again = CliRunner().invoke(cli, cmd)
    assert "1 finished before" in again.stderr


def test_batch_says_which_partitions_a_rerun_must_finish(tmp_path, small_split, monkeypatch):
    monkeypatch.setattr(dask, "cluster", partial(dask.cluster, processes=False))
    real = run_task

    def first_fails(partition, *args, **kwargs):  # pickled to the worker: no shared state
        if partition.pieces[0].start == 0:
            raise MemoryError
        return real(partition, *args, **kwargs)

    monkeypatch.setattr("warta.batch.task.run_task", first_fails)
    path = _jsonl(tmp_path)
    cmd = ["batch", str(path), "--out", str(tmp_path / "parts"), "--partition-size", "2",
           "--text-column", "isi", "--title-column", "judul"]
    first = CliRunner().invoke(cli, cmd)
    assert first.exit_code == 1 and "Traceback" not in first.output, first.output
    assert first.stderr.count("E050") == 1 and f"E050 {path} bytes 0-" in first.stderr
    assert "was not finished (MemoryError); run the same command again" in first.stderr
    assert "3 failed" not in first.stderr and "1 not finished: run again" in first.stderr
    monkeypatch.setattr("warta.batch.task.run_task", real)
    again = CliRunner().invoke(cli, cmd)
    assert again.exit_code == 0 and "3 finished before)" in again.stderr, again.stderr


def test_load_after_a_killed_job_names_the_partitions_not_finished(
        tmp_path, settings, small_split, client):
    path = _jsonl(tmp_path)
    out = str(tmp_path / "parts")
    partitions, _ = plan.plan([str(path)], settings, partition_size=2)
    killed = {partitions[1].id, partitions[3].id}

    def killed_twice(partition, **kwargs):
        if partition.id in killed:
            raise MemoryError
        return run_task(partition, **kwargs)

    execute(client, partitions, settings, out, task=killed_twice)
    db = str(tmp_path / "w.db")
    loaded = CliRunner().invoke(cli, ["load", out, "--db", db])
    assert loaded.exit_code == 1, loaded.output
    for p in (partitions[1], partitions[3]):
        piece = p.pieces[0]
        assert (f"warta: E051 {out}: partition {p.id} ({path} bytes {piece.start}-{piece.end}) "
                "is not finished; it was not loaded") in loaded.stderr
    assert loaded.stderr.count("E051") == 2
    assert "4 new, 0 already stored, from 2 partitions" in loaded.stderr
    assert "2 of 4 partitions not finished: run the batch command again" in loaded.stderr

    execute(client, partitions, settings, out)
    again = CliRunner().invoke(cli, ["load", out, "--db", db])
    assert again.exit_code == 0 and "E051" not in again.stderr and "not finished" not in \
        again.stderr and "2 new, 5 already stored" in again.stderr, again.stderr


def _housekeeping(dask_worker) -> tuple[bool, float]:
    """(samples its task's stack for a profile, its event-loop check interval in s)."""
    return "profile" in dask_worker.periodic_callbacks, dask_worker._tick_interval


@pytest.mark.parametrize("processes", [False, True])
def test_a_local_cluster_skips_the_dashboards_housekeeping(processes):
    """Issue 20, fifth round: a local cluster (no dashboard) had its workers sample their task's
    stack every 10 ms and every server check its event loop every 20 ms, CPU taken from the
    workers' cores; a worker process gets the setting too, not only the client's process."""
    import dask as dask_config

    with dask.cluster(workers=1, processes=processes) as c:
        (seen,) = c.run(_housekeeping).values()
        scheduler_tick = c.run_on_scheduler(lambda dask_scheduler: dask_scheduler._tick_interval)
    assert tuple(seen) == (False, 1.0) and scheduler_tick == 1.0
    assert dask_config.config.get("distributed", {}).get("worker", {}).get(
        "profile", {}).get("enabled") is True  # the process's own setting is left as it was


def test_a_partitions_scratch_store_skips_the_search_index_that_loading_builds(
        tmp_path, nlp, settings):
    """Issue 20, fifth round: the throwaway in-memory store a task writes its part files from
    indexed every article's text for searches nobody runs there (a quarter of storing it);
    the store that loads the parts indexes them, so search finds them there."""
    from warta.batch.parts import write_entry, write_partition
    from warta.process import analyze_many
    from warta.types import RawArticle, Source

    raw = RawArticle(Source(path="beras.txt", format="text"),
                     "Harga beras di Pasar Induk Cipinang naik dua persen pekan ini.")
    (record,) = analyze_many([raw], nlp, settings)
    out = str(tmp_path / "parts")
    scratch = write_partition(out, "p1", [(record, "kunci-1")])
    try:
        assert scratch.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert scratch.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH "
                               "'beras'").fetchone()[0] == 0
    finally:
        scratch.close()
    write_entry(out, "p1", {"id": "p1", "articles": 1})
    store = connect(tmp_path / "w.db")
    assert parts.load_parts(store, out).new == 1
    assert store.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'beras'"
                         ).fetchone()[0] == 1
