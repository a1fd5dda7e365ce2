"""`warta analyze`: print the record of every article in PATH... (JSON Lines or a rich report).

Read failures go to stderr as one line each (``warta: E00x path: reason``) and the batch goes on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import click

from warta.batch.job import analyze_isolated
from warta.cli.options import config_option, format_option, input_options
from warta.errors import SchemaError, WartaError
from warta.settings import Settings, load_settings
from warta.types import Failure, RawArticle

CHUNK = 16  # articles analysed together through nlp.pipe


@click.command()
@input_options
@config_option
@format_option("jsonl", "text", help="jsonl: one record per line (JSON Lines); text: a report.")
@click.option("--validate/--no-validate", default=True, show_default=True,
              help="Check every record against the warta.article/1 JSON Schema.")
def analyze(paths: tuple[str, ...], config_path: str | None, fmt: str, validate: bool,
            **columns: str | int | None) -> None:
    """Analyse articles and print their records.

    PATH may be files of any supported format (text, WET, HTML, WARC, RSS/Atom, JSON Lines,
    CSV/TSV), directories (read recursively) or - for stdin. Exit status: 0 all fine, 1 some
    inputs failed, 2 usage error.

    Example:

        warta analyze examples/articles/berita-kunjungan.txt --format text
        warta analyze berita.csv --text-column isi_berita --title-column judul
    """
    from warta.ingest import read_inputs

    try:
        settings = load_settings(config_path).with_ingest(**columns)
    except WartaError as e:
        click.echo(f"warta: {e}", err=True)
        sys.exit(2)
    show = _json_printer() if fmt == "jsonl" else _text_printer()
    failed = 0
    for outcome in _records(read_inputs(paths, settings), settings):
        if isinstance(outcome, dict) and validate:
            outcome = _validated(outcome)
        if isinstance(outcome, Failure):
            failed += 1
            click.echo(f"warta: {outcome.message}", err=True)
        else:
            show(outcome)
    sys.exit(1 if failed else 0)


def _validated(record: dict[str, Any]) -> dict[str, Any] | Failure:
    from warta.record import validate

    try:
        validate(record)
    except SchemaError as e:
        return Failure(record.get("source", {}).get("path") or "-", str(e))
    return record


def _records(items: Iterable[RawArticle | Failure],
             settings: Settings) -> Iterator[dict[str, Any] | Failure]:
    """Records and failures in input order; the pipeline is built once, at the first article."""
    nlp = None
    chunk: list[RawArticle] = []
    for item in items:
        if isinstance(item, RawArticle):
            chunk.append(item)
            if len(chunk) < CHUNK:
                continue
        if chunk:
            nlp = nlp or _load(settings)
            yield from analyze_isolated(chunk, nlp, settings)
            chunk = []
        if isinstance(item, Failure):
            yield item
    if chunk:
        yield from analyze_isolated(chunk, nlp or _load(settings), settings)


def _load(settings: Settings) -> Any:
    from warta.cli.common import analysis_pipeline

    return analysis_pipeline(settings)


def _json_printer() -> Any:
    def show(record: dict[str, Any]) -> None:
        click.echo(json.dumps(record, ensure_ascii=False))

    return show


def _text_printer() -> Any:
    from rich.console import Console

    console = Console(highlight=False)

    def show(record: dict[str, Any]) -> None:
        _render(console, record)

    return show


EXCERPT_CHARS = 600
ROWS_SHOWN = 15


def _render(console: Any, record: dict[str, Any]) -> None:
    """One article as a readable report: header, excerpt, and a table per filled field."""
    from rich.panel import Panel
    from rich.rule import Rule

    console.print(Rule(f"[bold]{_escape(record.get('title') or '(untitled)')}"))
    console.print(_metadata(record))
    text = record["text"]
    excerpt = text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS].rstrip() + " …"
    console.print(Panel(_escape(excerpt), title="text", title_align="left"))
    for title, columns, rows in _sections(record):
        if rows:
            console.print(_table(title, columns, rows))
    console.print()


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _metadata(record: dict[str, Any]) -> Any:
    from rich.table import Table

    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan")
    table.add_column()
    source = record["source"]
    where = source.get("url") or source.get("path") or "-"
    if source.get("record") is not None:
        where = f"{where} (record {source['record']})"
    byline = record["byline"]
    dateline = record.get("dateline") or {}
    rows = [
        ("source", f"{where} [{source['format']}]"),
        ("published", record.get("published") or "-"),
        ("language", record.get("language") or "-"),
        ("authors", ", ".join(byline["authors"]) or "-"),
        ("agencies", ", ".join(byline["agencies"]) or "-"),
        ("dateline", ", ".join(v for v in (dateline.get("place"), dateline.get("source")) if v)
         or "-"),
        ("id", record["id"]),
    ]
    for key, value in rows:
        table.add_row(key, _escape(str(value)))
    return table


def _sections(record: dict[str, Any]) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, columns, rows) for each list field of the record."""
    def cell(value: Any) -> str:
        return "" if value is None else str(value)

    tone = record.get("tone")
    return [
        ("entities", ["text", "label", "actor"],
         [[e["text"], e["label"], cell(e.get("actor"))] for e in record["entities"]]),
        ("actors", ["id", "name", "type", "country", "roles"],
         [[a["id"], a["name"], a["type"], cell(a.get("country")), ", ".join(a.get("roles", []))]
          for a in record["actors"]]),
        ("quotes", ["kind", "speaker", "cue", "text"],
         [[q["kind"], cell(q.get("speaker_text") or q.get("speaker")), cell(q.get("cue")),
           q["text"]] for q in record["quotes"]]),
        ("events", ["type", "source", "target", "date", "trigger"],
         [[e["type"], cell(e.get("source")), cell(e.get("target")), cell(e.get("date")),
           cell(e.get("trigger"))] for e in record["events"]]),
        ("dates", ["text", "value"], [[d["text"], cell(d.get("value"))] for d in record["dates"]]),
        ("tone", ["score", "positive", "negative"],
         [[f"{tone['score']:.2f}", f"{tone['positive']:.2f}", f"{tone['negative']:.2f}"]]
         if tone else []),
        ("stages", ["name", "version", "status"],
         [[s["name"], s["version"], s["status"] + (f" ({s['reason']})" if s.get("reason") else "")]
          for s in record["stages"]]),
    ]


def _table(title: str, columns: list[str], rows: list[list[str]]) -> Any:
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows[:ROWS_SHOWN]:
        table.add_row(*(_escape(c) for c in row))
    if len(rows) > ROWS_SHOWN:
        table.caption = f"{len(rows) - ROWS_SHOWN} more in --format json"
    return table
