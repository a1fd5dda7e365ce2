"""Exports of the store into files other tools load: one module per format.

Every exporter reads through ``warta.store.queries`` / ``warta.store.analytics`` in batches, so
memory stays flat on large stores, and reports progress through ``warta.export.progress``.
"""

from __future__ import annotations

# --format name → "module:function"; each function is ``fn(conn, out, *, progress) -> int``
# (number of rows/records written). ``out`` is a text stream, or a directory for parquet.
FORMATS: dict[str, str] = {
    "jsonl": "warta.export.jsonl:export_jsonl",
    "parquet": "warta.export.parquet:export_parquet",
    "gdelt-events": "warta.export.gdelt:export_events",
    "gdelt-gkg": "warta.export.gkg:export_gkg",
    "graphml": "warta.export.graphml:export_graphml",
    "csv": "warta.export.csv:export_csv",
}
# Formats whose --out is a directory rather than a file.
DIRECTORY_FORMATS = frozenset({"parquet"})
# Formats written as bytes by their library (not through a text stream).
BINARY_FORMATS = frozenset({"graphml"})

__all__ = ["BINARY_FORMATS", "DIRECTORY_FORMATS", "FORMATS"]
