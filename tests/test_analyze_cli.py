"""`warta analyze`: JSON Lines records that satisfy the schema, one-line failures, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import crash_stage_on, needs_shared_data
from warta.cli import cli
from warta.record import validate

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "ingest"
EXAMPLES = ROOT / "examples"
SEED = ROOT.parent / "shared" / "seeds" / "000_f7b9f3e334794158.txt"


@pytest.fixture(scope="module")
def run(nlp):  # asking for nlp builds the shared pipeline once, before any command
    runner = CliRunner()

    def invoke(*args: str, stdin: bytes | None = None):
        return runner.invoke(cli, ["analyze", *args], input=stdin, catch_exceptions=False)

    return invoke


def _records(output: str) -> list[dict]:
    records = [json.loads(line) for line in output.splitlines() if line.strip()]
    for record in records:
        validate(record)
    return records


def test_examples_directory(run):
    result = run(str(EXAMPLES / "articles"), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    records = _records(result.stdout)
    formats = sorted({r["source"]["format"] for r in records})
    assert formats == ["html", "jsonl", "rss", "text", "warc"]
    assert len(records) == 1 + 1 + 3 + 3 + 1
    visit = next(r for r in records if r["source"]["format"] == "text")
    assert visit["byline"] == {"authors": ["RDN"], "agencies": ["ANTARA", "Reuters"]}
    assert visit["dateline"] == {"place": "Jakarta", "source": "ANTARA"}
    assert "Tinggalkan Balasan" not in visit["text"] and "Kirim Komentar" not in visit["text"]
    assert all(r["language"] == "id" for r in records)
    html = next(r for r in records if r["source"]["format"] == "html")
    for junk in ("Baca juga", "Bagikan", "ADVERTISEMENT", "Tinggalkan Balasan", "©", "Foto:"):
        assert junk not in html["text"]
    assert html["byline"]["authors"] == ["Siti Rahmawati"]


def test_csv_with_column_options(run):
    result = run(str(EXAMPLES / "csv" / "berita.csv"), "--text-column", "isi_berita",
                 "--title-column", "judul", "--date-column", "tanggal")
    assert result.exit_code == 0, result.stderr
    records = _records(result.stdout)
    assert [r["published"] for r in records] == ["2025-10-24T10:30:00", "2025-10-27T15:00:00"]
    assert not any("SCROLL" in r["text"] for r in records)


def test_json_output_keeps_non_ascii(run):
    result = run(str(DATA / "latin1.txt"))
    assert "kafé" in result.stdout


def test_bad_inputs_fail_one_line_each_and_good_ones_still_print(run):
    bad = ["kosong.txt", "biner.bin", "terpotong.txt.gz", "tidak-ada.txt", "rusak-feed.xml",
           "tanpa-teks.csv"]
    result = run(str(DATA / "artikel.txt"), *(str(DATA / b) for b in bad), str(DATA / "feed.xml"))
    assert result.exit_code == 1
    assert len(_records(result.stdout)) == 3
    lines = result.stderr.splitlines()
    assert len(lines) == len(bad)
    for name, line in zip(bad, lines, strict=True):
        assert line.startswith("warta: E0") and str(DATA / name) in line
    assert "Traceback" not in result.output


def test_stdin(run):
    result = run("-", stdin=(DATA / "artikel.txt").read_bytes())
    assert result.exit_code == 0
    (record,) = _records(result.stdout)
    assert record["source"]["path"] == "-"
    assert record["title"].startswith("Gubernur Jawa Barat")


def test_max_bytes_option(run):
    result = run(str(DATA / "halaman.html"), "--max-bytes", "100")
    assert result.exit_code == 1
    assert result.stderr.startswith("warta: E005")


def test_text_report(run):
    result = run(str(EXAMPLES / "articles" / "berita-kunjungan.txt"), "--format", "text")
    assert result.exit_code == 0
    out = result.stdout
    assert "Prabowo Terima Kunjungan PM Malaysia" in out
    for label in ("language", "authors", "agencies", "dateline", "text"):
        assert label in out
    assert "ANTARA, Reuters" in out


def test_usage_errors_exit_2(run):
    assert run().exit_code == 2  # no PATH
    assert run(str(DATA / "artikel.txt"), "--format", "xml").exit_code == 2


def test_bad_config_exits_2(run, tmp_path: Path):
    config = tmp_path / "warta.toml"
    config.write_text("[ingest]\nno_such_key = 1\n")
    result = run(str(DATA / "artikel.txt"), "--config", str(config))
    assert result.exit_code == 2
    assert result.stderr.startswith("warta: E021")


@needs_shared_data("..", "seeds", "000_f7b9f3e334794158.txt")
def test_seed_acceptance(run):
    result = run(str(SEED), "--format", "jsonl")
    assert result.exit_code == 0
    (record,) = _records(result.stdout)
    assert record["title"] == "Kunjungi Cina Putin Cari Dukungan untuk Upaya Perang Ukraina"
    assert record["language"] == "id"
    assert record["byline"] == {"authors": ["MSc"], "agencies": ["AFP", "AP"]}
    for junk in ("Tinggalkan Balasan", "Alamat email Anda", "Ruas yang wajib ditandai"):
        assert junk not in record["text"]
    assert len(record["text"]) > 2000 and record["text"].count("\n\n") >= 10  # whole body


def test_a_stage_crash_fails_only_its_article(run, monkeypatch: pytest.MonkeyPatch):
    crash_stage_on(monkeypatch, lambda raw: "Cold Storage" in (raw.title or ""))
    result = run(str(DATA / "feed.xml"))
    assert result.exit_code == 1
    assert len(_records(result.stdout)) == 1
    assert result.stderr == (f"warta: E012 {DATA / 'feed.xml'} record 1: analysis failed "
                             "(RuntimeError: stage bug)\n")
