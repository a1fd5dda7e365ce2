"""Bad user input on every command: one ``warta:`` line (or click's usage error), the right exit
status, and never a traceback. None of these cases builds the NLP pipeline."""

from __future__ import annotations

import json
import traceback
from pathlib import Path

import pytest
from click.testing import CliRunner

from warta.cli import cli
from warta.errors import WartaError
from warta.store.db import connect

READ_COMMANDS = [["stats"], ["search", "inflasi"], ["actors"], ["quotes"], ["events"],
                 ["export", "--format", "jsonl"]]


def run(*args: str | Path) -> tuple[int, str]:
    """Exit status and stderr, as ``warta.cli.main`` would give them."""
    result = CliRunner().invoke(cli, [str(a) for a in args])
    exc = result.exception
    if isinstance(exc, WartaError):  # main() prints these as one line and exits 2
        return 2, f"warta: {exc}\n"
    if exc is not None and not isinstance(exc, SystemExit):
        pytest.fail("".join(traceback.format_exception(exc)))
    return result.exit_code, result.stderr


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """An empty but valid store (migrated by a writer)."""
    path = tmp_path / "w.db"
    connect(path).close()
    return path


@pytest.fixture
def junk(tmp_path: Path) -> Path:
    path = tmp_path / "junk.bin"
    path.write_bytes(bytes(range(128, 256)) * 8)
    return path


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("db", ["missing", "text", "empty", "foreign"])
def test_read_commands_refuse_a_bad_store_in_one_line(tmp_path: Path, command: list[str],
                                                      db: str) -> None:
    path = tmp_path / "x.db"
    if db == "text":
        path.write_text("bukan basis data\n" * 40, encoding="utf-8")
    elif db == "empty":
        path.touch()
    elif db == "foreign":
        import sqlite3

        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE berita (judul TEXT)")
    code, err = run(*command, "--db", path)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("warta: E030") and str(path) in err


@pytest.mark.parametrize("command", [["search", "x"], ["quotes"], ["events"]],
                         ids=lambda c: c[0])
@pytest.mark.parametrize("value", ["kemarin", "2025-13", "2025-02-30", "20250101", "2025-1-5"])
@pytest.mark.parametrize("option", ["--since", "--until"])
def test_date_bounds_that_are_not_dates_are_usage_errors(store: Path, command: list[str],
                                                         option: str, value: str) -> None:
    code, err = run(*command, "--db", store, option, value)
    assert code == 2
    assert f"Invalid value for '{option}'" in err and repr(value) in err
    assert "is not a date" in err


@pytest.mark.parametrize("value", ["2025", "2025-10", "2025-10-16", "2025-10-16T08:30"])
def test_partial_and_full_dates_are_accepted(store: Path, value: str) -> None:
    for command in (["search", "x"], ["quotes"], ["events"]):
        assert run(*command, "--db", store, "--since", value, "--until", value) == (0, "")


@pytest.mark.parametrize("command", [["search", "x"], ["events"]], ids=lambda c: c[0])
def test_unknown_event_type_is_refused(store: Path, command: list[str]) -> None:
    code, err = run(*command, "--db", store, "--type", "PERANG")
    assert code == 2 and "Invalid value for '--type'" in err and "'PERANG'" in err


def test_event_type_is_case_insensitive(store: Path) -> None:
    assert run("search", "x", "--db", store, "--type", "consult") == (0, "")


@pytest.mark.parametrize("toml, reason", [
    ("[ingest\n", "Expected ']'"),
    ('[ingest]\nmax_bytes = "banyak"\n', "[ingest] max_bytes must be an integer, not 'banyak'"),
    ("[serve]\nport = true\n", "[serve] port must be an integer, not True"),
    ('[language]\ncandidates = "id"\n', "[language] candidates must be a list of strings"),
    ("[language]\ncandidates = [1, 2]\n", "[language] candidates must be a list of strings"),
    ("[berita]\nx = 1\n", "unknown section [berita]"),
    ("[ingest]\nmax_byte = 1\n", "unknown key(s) ['max_byte'] in [ingest]"),
], ids=["syntax", "str-for-int", "bool-for-int", "str-for-list", "ints-for-list", "section",
        "key"])
def test_invalid_settings_file_is_one_line_before_any_input(tmp_path: Path, toml: str,
                                                            reason: str) -> None:
    config = tmp_path / "warta.toml"
    config.write_text(toml, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Judul\n\nIsi berita.\n", encoding="utf-8")
    code, err = run("analyze", article, "--config", config)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"warta: E021 settings file {config}")
    assert reason in err


@pytest.mark.parametrize("command", [["analyze", "x.txt", "--config"], ["serve", "--config"],
                                     ["actors", "--load"]], ids=lambda c: c[0])
def test_binary_settings_or_actors_file_is_one_line(tmp_path: Path, junk: Path,
                                                    command: list[str]) -> None:
    code, err = run(*command, junk, "--db", tmp_path / "w.db") if command[0] != "analyze" \
        else run(*command, junk)
    assert code == 2
    expected = "E024 actors file" if command[0] == "actors" else "E021 settings file"
    assert err.count("\n") == 1 and err.startswith(f"warta: {expected} {junk}")
    assert "decode" in err


@pytest.mark.parametrize("fmt, name", [("jsonl", "x.jsonl"), ("graphml", "x.graphml"),
                                       ("parquet", "tables")])
def test_export_to_a_missing_folder_writes_nothing(store: Path, tmp_path: Path, fmt: str,
                                                   name: str) -> None:
    out = tmp_path / "tidak-ada" / name
    if fmt == "parquet":  # a folder under a file cannot be made
        blocker = tmp_path / "berkas"
        blocker.touch()
        out = blocker / name
    code, err = run("export", "--db", store, "--format", fmt, "--out", out)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"warta: E013 {out}: cannot write (")
    assert not out.exists() and not out.with_name(out.name + ".part").exists()


def test_parquet_export_onto_a_file_is_a_usage_error(store: Path, tmp_path: Path) -> None:
    target = tmp_path / "sudah-ada.txt"
    target.write_text("isi\n", encoding="utf-8")
    code, err = run("export", "--db", store, "--format", "parquet", "--out", target)
    assert code == 2 and f"--out {target} is a file" in err
    assert target.read_text(encoding="utf-8") == "isi\n"


@pytest.mark.parametrize("args, option", [
    (["batch", "a.txt", "--workers", "0"], "--workers"),
    (["batch", "a.txt", "--partition-size", "0"], "--partition-size"),
    (["analyze", "a.txt", "--max-bytes", "0"], "--max-bytes"),
    (["ingest", "a.txt", "--max-bytes", "-5"], "--max-bytes"),
    (["serve", "--port", "70000"], "--port"),
    (["search", "x", "--limit", "0"], "--limit"),
    (["quotes", "--limit", str(2**64)], "--limit"),
    (["events", "--limit", str(2**63)], "--limit"),
    (["actors", "--limit", "99999999999999999999"], "--limit"),
])
def test_out_of_range_numbers_are_usage_errors(args: list[str], option: str) -> None:
    code, err = run(*args)
    assert code == 2 and f"Invalid value for '{option}'" in err


def test_batch_to_an_unwritable_file_fails_before_any_work(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Judul\n\nIsi berita.\n", encoding="utf-8")
    out = tmp_path / "tidak-ada" / "out.jsonl"
    code, err = run("batch", article, "--out", out)
    assert code == 2 and err == f"warta: E013 {out}: cannot write (No such file or directory)\n"


def test_empty_directory_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "kosong"
    (folder / "sub").mkdir(parents=True)
    (folder / ".tersembunyi").write_text("x", encoding="utf-8")  # hidden files are skipped
    code, err = run("analyze", folder)
    assert code == 1
    assert err == f"warta: E008 {folder}: no article text found (the directory holds no files " \
                  "to read)\n"


def test_empty_query_and_fts_syntax_are_plain_searches(store: Path) -> None:
    for query in ["", '"belum ditutup', "AND OR NOT", "NEAR(", "((", "col:x", "*", "\x00"]:
        result = CliRunner().invoke(cli, ["search", query, "--db", str(store), "--format",
                                          "jsonl"])
        assert (result.exit_code, result.stdout, result.stderr) == (0, "", ""), query


def test_valid_store_lists_nothing_without_error(store: Path) -> None:
    result = CliRunner().invoke(cli, ["stats", "--db", str(store), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["counts"]["articles"] == 0


def test_eval_coref_with_a_corpus_that_is_not_xml(junk: Path) -> None:
    code, err = run("eval", "coref", "--corpus", junk)
    assert code == 1
    assert err.startswith(f"warta: E006 {junk}: malformed XML (") and err.count("\n") == 1


@pytest.mark.parametrize("task", ["ner", "ud"])
def test_eval_of_undecodable_annotations_names_the_command(junk: Path, task: str) -> None:
    code, err = run("eval", task, junk)
    assert code == 1
    assert err.startswith(f"warta: eval {task} {junk}: cannot read the input "
                          "(UnicodeDecodeError: ")
