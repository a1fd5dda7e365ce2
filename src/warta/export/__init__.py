"""Exports of the store into files other tools load: one module per format.

Every exporter reads through ``warta.store.queries`` / ``warta.store.analytics`` in batches, so
memory stays flat on large stores, and reports progress through ``warta.export.progress``.
"""

from __future__ import annotations

from collections.abc import Callable

# The --format names. Each exporter is ``fn(conn, out, *, progress) -> int`` (number of
# rows/records written); ``out`` is a text stream, a binary one for graphml, or a directory for
# parquet.
FORMATS: tuple[str, ...] = ("jsonl", "parquet", "gdelt-events", "gdelt-mentions", "gdelt-gkg",
                            "graphml", "csv")
# Formats whose --out is a directory rather than a file.
DIRECTORY_FORMATS = frozenset({"parquet"})
# Formats written as bytes by their library (not through a text stream).
BINARY_FORMATS = frozenset({"graphml"})



def exporter(fmt: str) -> Callable[..., int]:
    """The export function of a --format name, its module imported only now: pyarrow and
    networkx take longer to import than most exports take to run."""
    match fmt:
        case "jsonl":
            from warta.export.jsonl import export_jsonl
            return export_jsonl
        case "parquet":
            from warta.export.parquet import export_parquet
            return export_parquet
        case "gdelt-events":
            from warta.export.gdelt import export_events
            return export_events
        case "gdelt-mentions":
            from warta.export.gdelt import export_mentions
            return export_mentions
        case "gdelt-gkg":
            from warta.export.gkg import export_gkg
            return export_gkg
        case "graphml":
            from warta.export.graphml import export_graphml
            return export_graphml
        case "csv":
            from warta.export.csv import export_csv
            return export_csv
    raise KeyError(fmt)


__all__ = ["BINARY_FORMATS", "DIRECTORY_FORMATS", "FORMATS", "exporter"]
