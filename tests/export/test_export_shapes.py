"""Export shapes a reader relies on (issue 16, items 12 and 13): Parquet columns carry real types,
``--out x.parquet`` is refused rather than turned into a folder, GraphML keeps every edge."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner
from export_helpers import week_record

from warta.cli import cli


def _export(db: Path, fmt: str, out: Path) -> CliRunner:
    return CliRunner().invoke(cli, ["export", "--db", str(db), "--format", fmt, "--out",
                                    str(out), "--no-progress"])


@pytest.fixture(scope="module")
def parquet_dir(tmp_path_factory: pytest.TempPathFactory, fixture_store: ModuleType) -> Path:
    from warta.store.db import connect
    from warta.store.write import save_record

    folder = tmp_path_factory.mktemp("pq")
    conn = connect(folder / "store.db")
    try:
        for record in [*fixture_store.records(), week_record(fixture_store)]:
            save_record(conn, record)
    finally:
        conn.close()
    result = _export(folder / "store.db", "parquet", folder / "out")
    assert result.exit_code == 0, result.output
    return folder / "out"


def test_parquet_dates_are_dates(parquet_dir: Path) -> None:
    import pandas as pd
    import pyarrow.parquet as pq

    events = pq.read_table(parquet_dir / "events.parquet")
    assert str(events.schema.field("date").type) == "string"  # the ISO value, kept as stated
    assert str(events.schema.field("date_first").type) == "date32[day]"
    by_date = {r["date"]: (r["date_first"], r["date_last"]) for r in events.to_pylist()}
    assert by_date["2025-W44"] == (date(2025, 10, 27), date(2025, 11, 2))
    assert by_date["2025"] == (date(2025, 1, 1), date(2025, 12, 31))
    assert by_date["2024-04-16"] == (date(2024, 4, 16), date(2024, 4, 16))
    articles = pd.read_parquet(parquet_dir / "articles.parquet")
    assert str(articles["ingested_at"].dtype).startswith("datetime64")
    assert pd.to_datetime(articles["published_first"]).notna().any()
    quotes = pq.read_table(parquet_dir / "quotes.parquet")
    assert str(quotes.schema.field("date_last").type) == "date32[day]"


def test_parquet_structs_lists_and_bools(parquet_dir: Path) -> None:
    import pyarrow.parquet as pq

    events = pq.read_table(parquet_dir / "events.parquet")
    schema = events.schema
    assert str(schema.field("negated").type) == "bool"  # was int64
    assert str(schema.field("symmetric").type) == "bool"
    assert schema.field("location").type.num_fields == 7  # was JSON text
    assert str(schema.field("evidence").type) == "list<element: struct<start: int64, end: int64>>"
    visit = next(r for r in events.to_pylist() if r["cameo"] == "043")
    assert visit["location"]["name"] == "Jakarta" and visit["location"]["lat"] == -6.2146
    assert visit["evidence"][0]["end"] > visit["evidence"][0]["start"]
    assert visit["negated"] is False
    articles = pq.read_table(parquet_dir / "articles.parquet").to_pylist()
    assert all(isinstance(a["agencies"], list) for a in articles)


def test_parquet_out_file_name_is_refused(db_path: Path, tmp_path: Path) -> None:
    result = _export(db_path, "parquet", tmp_path / "x.parquet")
    assert result.exit_code == 2
    assert "x.parquet" in result.output and "directory" in result.output
    assert not (tmp_path / "x.parquet").exists()  # no directory silently named x.parquet


def test_graphml_keeps_every_cooccurrence_edge(tmp_path: Path) -> None:
    """151 actors in one article make 11,325 pairs: more than the explorer's 10,000."""
    import networkx as nx

    from warta.store.db import connect

    db = tmp_path / "big.db"
    conn = connect(db)
    actors = [f"org:lembaga-{i}" for i in range(151)]
    text = " ".join(f"L{i}" for i in range(151))
    conn.execute("INSERT INTO articles(id, text, source_format, record) VALUES "
                 "('a1', ?, 'text', '{}')", (text,))
    conn.executemany("INSERT INTO actors(id, name, type) VALUES (?, ?, 'ORG')",
                     [(a, a) for a in actors])
    conn.executemany("INSERT INTO mentions(article_id, start, end, text, label, actor_id, stage)"
                     " VALUES ('a1', ?, ?, 'L', 'ORG', ?, 'fixture@1')",
                     [(i * 10, i * 10 + 2, a) for i, a in enumerate(actors)])
    conn.close()
    result = _export(db, "graphml", tmp_path / "g.graphml")
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(tmp_path / "g.graphml")
    assert graph.number_of_edges() == 151 * 150 // 2 == 11_325
    from warta.store import analytics

    conn = connect(db, read_only=True)
    try:
        assert analytics.actor_network(conn, limit=100).cut  # a caller that caps is told
        assert not analytics.actor_network(conn, limit=None).cut
    finally:
        conn.close()
