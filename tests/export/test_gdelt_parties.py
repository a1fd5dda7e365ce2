"""The GDELT event export writes only events with at least one actor (issue 19): an event whose
parties the text does not give stays in the record and the store, not in the GDELT rows."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from click.testing import CliRunner

from warta.cli import cli
from warta.export import gdelt

TEXT = "Polisi menangkap dua orang di Bandung. Kemudian KPK memeriksa Budi Santoso."


def test_gdelt_export_leaves_out_events_without_actors(tmp_path: Path,
                                                       fixture_store: ModuleType) -> None:
    from warta.store.db import connect
    from warta.store.write import save_record

    fs = fixture_store
    entities = [fs._entity(TEXT, "KPK", "ORG", "org:kpk"),
                fs._entity(TEXT, "Budi Santoso", "PERSON", "person:budi-santoso")]
    events = [fs._event(TEXT, "menangkap", "Polisi menangkap dua orang", type="COERCE",
                        cameo="173"),  # no named party on either side
              fs._event(TEXT, "memeriksa", "KPK memeriksa Budi Santoso", type="ACCUSE",
                        cameo="112", source=None, target="person:budi-santoso")]
    record = fs._record(title="Dua penangkapan", text=TEXT, published="2025-10-23",
                        url="https://berita.example/dua", language="id", site="Contoh",
                        authors=[], entities=entities, quotes=[], events=events, dates=[],
                        tone=None)
    db = tmp_path / "store.db"
    conn = connect(db)
    try:
        save_record(conn, record)
        stored = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    finally:
        conn.close()
    assert stored == 2  # the store keeps both
    out = tmp_path / "events.tsv"
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "gdelt-events",
                                      "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    rows = [dict(zip(gdelt.COLUMNS, line.split("\t"), strict=True))
            for line in out.read_text("utf-8").splitlines()]
    assert len(rows) == 1
    assert rows[0]["Actor1Code"] == "" and rows[0]["Actor2Name"] == "BUDI SANTOSO"
