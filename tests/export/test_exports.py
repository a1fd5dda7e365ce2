"""Every export format: readable by the tool it is meant for, with the values we promise."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from warta.cli import cli
from warta.export import FORMATS, gdelt, gkg
from warta.record import validate


def _export(db_path: Path, fmt: str, out: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", str(db_path), "--format", fmt,
                                      "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def exported(db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("out")
    paths = {}
    for fmt in FORMATS:
        paths[fmt] = folder / (fmt if fmt == "parquet" else f"out.{fmt}")
        _export(db_path, fmt, paths[fmt])
    return paths


def _record(records: list[dict[str, Any]], word: str) -> dict[str, Any]:
    return next(r for r in records if word in (r["title"] or ""))


def test_jsonl_is_the_record_contract(exported, records) -> None:
    lines = exported["jsonl"].read_text("utf-8").splitlines()
    parsed = [json.loads(line) for line in lines]
    for record in parsed:
        validate(record)
    assert parsed == records


def test_parquet_one_table_per_kind(exported, conn) -> None:
    import pyarrow.parquet as pq

    folder = exported["parquet"]
    for table in ("articles", "actors", "mentions", "quotes", "events"):
        data = pq.read_table(folder / f"{table}.parquet")
        assert data.num_rows == conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    actors = {r["id"]: r for r in pq.read_table(folder / "actors.parquet").to_pylist()}
    assert actors["person:joko-widodo"]["aliases"] == ["Jokowi"]
    assert actors["person:joko-widodo"]["roles"] == ["Presiden"]
    events = pq.read_table(folder / "events.parquet")
    assert str(events.schema.field("goldstein").type) == "double"
    assert str(events.schema.field("seq").type) == "int64"
    assert "record" not in pq.read_table(folder / "articles.parquet").column_names


def test_parquet_writes_in_batches(conn, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from warta.export.parquet import write_table

    n = write_table(conn, "mentions", tmp_path / "m.parquet", batch_rows=5)
    meta = pq.ParquetFile(tmp_path / "m.parquet").metadata
    assert n == meta.num_rows
    assert meta.num_row_groups == -(-n // 5)


def _gdelt_frame(path: Path):
    import pandas as pd

    return pd.read_csv(path, sep="\t", header=None, names=list(gdelt.COLUMNS), dtype=str,
                       keep_default_na=False)


def test_gdelt_events_load_with_gdelt_column_names(exported, records) -> None:
    assert len(gdelt.COLUMNS) == 61 == len(set(gdelt.COLUMNS))
    assert gdelt.COLUMNS[0] == "GLOBALEVENTID" and gdelt.COLUMNS[-1] == "SOURCEURL"
    raw = exported["gdelt-events"].read_text("utf-8").splitlines()
    assert all(len(line.split("\t")) == 61 for line in raw)
    frame = _gdelt_frame(exported["gdelt-events"])
    assert frame.shape == (sum(len(r["events"]) for r in records), 61)
    assert (frame["EventCode"] != "").all()
    assert (frame["Actor1CountryCode"] != "").all() and (frame["Actor2CountryCode"] != "").all()
    assert frame["GLOBALEVENTID"].is_unique


def test_gdelt_event_values(exported) -> None:
    frame = _gdelt_frame(exported["gdelt-events"])
    visit = frame[frame["EventCode"] == "043"].iloc[0]  # hosted: the visitor is Actor1
    assert visit["SQLDATE"] == "20240416" and visit["MonthYear"] == "202404"
    assert visit["Actor2Code"] == "IDNGOV" and visit["Actor2Name"] == "JOKO WIDODO"
    assert visit["Actor2Type1Code"] == "GOV"
    assert visit["Actor1CountryCode"] == "MYS"
    assert (visit["EventBaseCode"], visit["EventRootCode"]) == ("043", "04")
    assert (visit["QuadClass"], visit["GoldsteinScale"]) == ("1", "1.9")
    assert visit["ActionGeo_Type"] == "4"
    assert visit["ActionGeo_FullName"] == "Jakarta, Indonesia"
    assert visit["ActionGeo_CountryCode"] == "ID"  # FIPS in geo fields
    assert visit["ActionGeo_ADM1Code"] == "ID04"
    assert visit["ActionGeo_FeatureID"] == "1642911"
    assert visit["Actor1Geo_CountryCode"] == "MY"
    assert visit["SOURCEURL"] == "https://berita.example/2024/04/16/kunjungan"
    assert visit["AvgTone"] == "1.5"
    request = frame[frame["EventCode"] == "1043"].iloc[0]
    assert (request["EventBaseCode"], request["EventRootCode"]) == ("104", "10")
    invite = frame[frame["EventCode"] == "036"].iloc[0]
    assert invite["SQLDATE"] == "20240501"  # a month-only date: its first day (docs/exports.md)
    assert invite["ActionGeo_CountryCode"] == "MY"


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-04-16", ("20240416", "202404", "2024", "2024.3726")),
    ("2024-04", ("20240401", "202404", "2024", "2024.3315")),
    ("2024", ("20240101", "202401", "2024", "2024.0849")),
    ("2025-W44", ("20251027", "202510", "2025", "2025.8959")),  # a week: its Monday
    ("2024-04-16T10:00:00+07:00", ("20240416", "202404", "2024", "2024.3726")),
    (None, ("", "", "", "")), ("kemarin", ("", "", "", "")),
])
def test_gdelt_date_parts(value: str | None, expected: tuple[str, ...]) -> None:
    assert gdelt.date_parts(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-04-16T10:00:00+07:00", "20240416030000"), ("2024-04-19T12:00:00Z", "20240419120000"),
    ("2024-04-16T10:00:00", "20240416100000"), ("2024-04-16", "20240416000000"),
    ("2024-04", "20240401000000"), ("", ""), (None, ""), ("kemarin", ""),
])
def test_gdelt_timestamps_are_utc(value: str | None, expected: str) -> None:
    assert gdelt.timestamp(value) == expected


@pytest.mark.parametrize(("roles", "code"), [
    (["Presiden"], "GOV"), (["Perdana Menteri"], "GOV"), (["Kapolri"], "COP"),
    (["mahasiswa"], "EDU"), (["Penyanyi"], ""), ([], ""),
    (["president"], "GOV"), (["foreign minister"], "GOV"), (["regent"], "GOV"),
    (["attorney general"], "JUD"), (["brigadier general"], "MIL"),
    (["city police chief"], "COP"), (["head", "KPK chairman"], ""), (["economist"], ""),
    (["head", "member of parliament"], "LEG"), (["ministerial"], ""),
])
def test_actor_type_codes(roles: list[str], code: str) -> None:
    assert gdelt.actor_type_code(roles) == code


def test_gdelt_fields_never_break_rows() -> None:
    event = {"article_id": "0123456789abcdef", "seq": 0, "type": "PROTEST", "cameo": None,
             "source_id": "org:x", "source_name": "A\tB\nC", "source_country": None,
             "source_type": "ORG", "source_roles": [], "target_id": None, "date": None,
             "article_published": None, "location": None, "evidence": [], "url": None,
             "source_path": "in\tput.txt"}
    fields = gdelt.row(event)
    assert len(fields) == 61
    assert all("\t" not in f and "\n" not in f for f in fields)
    assert fields[gdelt.COLUMNS.index("QuadClass")] == "4"  # PROTEST: CAMEO 14, material conflict


def test_gkg_rows(exported, records) -> None:
    lines = exported["gdelt-gkg"].read_text("utf-8").splitlines()
    assert len(lines) == len(records)
    rows = [dict(zip(gkg.COLUMNS, line.split("\t"), strict=True)) for line in lines]
    assert len(gkg.COLUMNS) == 27
    visit_record = _record(records, "Anwar")
    visit = rows[records.index(visit_record)]
    assert visit["Persons"] == "Joko Widodo;Anwar Ibrahim"
    assert visit["V2Tone"].split(",")[0] == "1.5"
    assert visit["SourceCommonName"] == "Berita Contoh"
    assert "4#Jakarta, Indonesia#ID#ID04#" in visit["Locations"]
    offset, length, verb, quote = visit["Quotations"].split("#")
    assert visit_record["text"][int(offset):int(offset) + int(length)] == quote
    assert verb == "kata"
    arrest = rows[records.index(_record(records, "KPK tahan"))]
    assert arrest["Organizations"] == "Komisi Pemberantasan Korupsi"
    for name_offset in arrest["V2Organizations"].split(";"):
        name, at = name_offset.rsplit(",", 1)
        assert int(at) >= 0 and name == "Komisi Pemberantasan Korupsi"
    # resolution 3: a full date (GKG 2.1's 4 is a day and month without a year)
    assert visit["Dates"] == f"3#4#16#2024#{visit_record['dates'][0]['start']}"


def test_graphml_loads_in_networkx(exported, conn) -> None:
    import networkx as nx

    graph = nx.read_graphml(exported["graphml"])
    assert graph.number_of_nodes() == 8
    assert graph.nodes["person:joko-widodo"]["name"] == "Joko Widodo"
    kinds = {(u, v, d["kind"], d.get("event_type")) for u, v, d in graph.edges(data=True)}
    assert ("org:kpk", "person:budi-santoso", "event", "COERCE") in kinds
    assert ("org:kpk", "person:budi-santoso", "cooccurrence", None) in kinds
    events_with_actors = conn.execute(
        "SELECT count(*) FROM events WHERE source_id IS NOT NULL AND target_id IS NOT NULL "
        "AND source_id != target_id").fetchone()[0]
    weights = sum(d["weight"] for _, _, d in graph.edges(data=True) if d["kind"] == "event")
    assert weights == events_with_actors


def test_csv_events(exported, records) -> None:
    with exported["csv"].open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == sum(len(r["events"]) for r in records)
    consult = next(r for r in rows if r["cameo"] == "043")
    assert (consult["source_name"], consult["target_name"]) == ("Anwar Ibrahim", "Joko Widodo")
    assert consult["location"] == "Jakarta" and consult["location_country"] == "IDN"


def test_stdout_and_errors(db_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--db", str(db_path), "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout.startswith("article_id,seq,date,type")
    parquet = runner.invoke(cli, ["export", "--db", str(db_path), "--format", "parquet"])
    assert parquet.exit_code == 2 and "--out" in parquet.output
    into_dir = runner.invoke(cli, ["export", "--db", str(db_path), "--format", "jsonl",
                                   "--out", str(tmp_path)])
    assert into_dir.exit_code == 2 and "is a directory" in into_dir.output
    absent = runner.invoke(cli, ["export", "--db", str(tmp_path / "x.db"), "--format", "csv"])
    assert absent.exit_code != 0
    assert not (tmp_path / "x.db").exists()  # read-only: never created


def test_export_does_not_change_the_store(db_path: Path, tmp_path: Path) -> None:
    import hashlib

    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    _export(db_path, "gdelt-events", tmp_path / "e.tsv")
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    assert not (tmp_path / "e.tsv.part").exists()


def test_progress_goes_to_stderr(conn) -> None:
    from warta.export.jsonl import export_jsonl

    out = io.StringIO()
    assert export_jsonl(conn, out, progress=True) == 4
    assert all(line.startswith("{") for line in out.getvalue().splitlines())


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_an_empty_store_exports_empty_files(fmt: str, tmp_path: Path) -> None:
    from warta.store.db import connect

    empty = tmp_path / "empty.db"
    connect(empty).close()
    out = tmp_path / "out"
    _export(empty, fmt, out)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        assert all(pq.read_table(f).num_rows == 0 for f in out.glob("*.parquet"))
        assert len(list(out.glob("*.parquet"))) == 5
    elif fmt == "graphml":
        import networkx as nx

        assert nx.read_graphml(out).number_of_nodes() == 0
    elif fmt == "csv":
        assert out.read_text("utf-8").count("\n") == 1  # the header only
    else:
        assert out.read_text("utf-8") == ""
