"""`warta export`: write the store in a format other tools load (see docs/exports.md)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from warta.cli.common import fail, reading
from warta.cli.options import db_option, progress_option, show_progress
from warta.errors import Errors
from warta.export import BINARY_FORMATS, DIRECTORY_FORMATS, FORMATS, exporter


def run_export(conn: Any, fmt: str, out: str | None, *, progress: bool) -> int:
    """Export to ``out`` (a file, a directory for parquet, stdout when None); return the count.

    Files are written beside their target and renamed at the end, so a failed export never
    leaves a half-written file under the requested name.
    """
    fn = exporter(fmt)
    if fmt in DIRECTORY_FORMATS:
        if out is None:  # the command refuses this first, as a usage error
            raise ValueError(f"--format {fmt} writes a directory: give one")
        return fn(conn, Path(out), progress=progress)
    if out is None or out == "-":
        stream = sys.stdout.buffer if fmt in BINARY_FORMATS else sys.stdout
        count = fn(conn, stream, progress=progress)
        stream.flush()
        return count
    target = Path(out)
    partial = target.with_name(target.name + ".part")
    mode = "wb" if fmt in BINARY_FORMATS else "w"
    kwargs: dict[str, Any] = {} if fmt in BINARY_FORMATS else {"encoding": "utf-8", "newline": ""}
    try:
        with partial.open(mode, **kwargs) as stream:
            count = fn(conn, stream, progress=progress)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return count


@click.command()
@db_option
@click.option("--format", "fmt", required=True, type=click.Choice(list(FORMATS)),
              help="jsonl: records; parquet: one table per kind; gdelt-events / "
                   "gdelt-mentions / gdelt-gkg: GDELT 2.0 TSV; graphml: actor network; "
                   "csv: events.")
@click.option("--out", default=None, type=click.Path(),
              help="Output file (default: stdout); for parquet, an output directory.")
@progress_option
def export(db_path: str, fmt: str, out: str | None, progress: bool | None) -> None:
    """Export the store for pandas, GDELT tools, Gephi or spreadsheets.

    The store is opened read-only and read in batches, so memory stays flat.

    Example:

        warta export --db warta.db --format gdelt-events --out events.tsv
    """
    if fmt in DIRECTORY_FORMATS and not out:
        raise click.UsageError(f"--format {fmt} writes one file per table: give --out DIRECTORY")
    if fmt in DIRECTORY_FORMATS and out and Path(out).suffix.lower() == f".{fmt}":
        raise click.UsageError(f"--out {out} names a file; --format {fmt} writes one file per "
                               f"table (articles.{fmt}, events.{fmt}, ...) into a directory: "
                               f"give the directory, e.g. --out {Path(out).with_suffix('')}")
    if fmt in DIRECTORY_FORMATS and out and Path(out).exists() and not Path(out).is_dir():
        raise click.UsageError(f"--out {out} is a file; --format {fmt} writes a directory")
    if fmt not in DIRECTORY_FORMATS and out and Path(out).is_dir():
        raise click.UsageError(f"--out {out} is a directory; --format {fmt} writes one file")
    show = show_progress(progress)
    with reading(db_path) as conn:
        try:
            count = run_export(conn, fmt, out, progress=show)
        except BrokenPipeError:  # the reader stopped early (`| head`): nothing to report
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except OSError as e:  # a missing folder, a full disk, no permission: nothing half-written
            fail(Errors.E013.format(path=out or "stdout", reason=e.strerror or e))
    unit = "edges" if fmt == "graphml" else "records" if fmt in {"jsonl", "gdelt-gkg"} else "rows"
    click.echo(f"warta: exported {count} {unit} as {fmt} to {out or 'stdout'}", err=True)
