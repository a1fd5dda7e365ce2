"""warta's command line: a click group with one module per command under ``warta.cli``.

The command modules are imported here, plainly; each imports its heavy dependencies (spaCy, the
store, pyarrow) inside the command function, so `warta --help` and `warta stats` stay quick
(tests/cli/test_startup.py). Exit status: 0 all fine, 1 some inputs failed, 2 usage error,
3 warta itself failed (a bug).
"""

from __future__ import annotations

import sys
from typing import Any

import click

from warta.cli import (
    actors,
    analyze,
    batch,
    common,
    dedup,
    embed,
    events,
    export,
    ingest,
    link,
    load,
    quotes,
    search,
    serve,
    stories,
    train,
)
from warta.cli import eval as evaluation
from warta.errors import Errors, WartaError, one_line

# Every command warta offers; `warta --help` lists them by name.
COMMANDS: tuple[click.Command, ...] = (
    analyze.analyze, ingest.ingest, embed.embed, search.search, search.stats, actors.actors,
    quotes.quotes, events.events, stories.stories, export.export, serve.serve, batch.batch,
    load.load, dedup.dedup, link.link, train.train, evaluation.eval_group,
)


@click.group(commands=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="warta")
def cli() -> None:
    """warta turns Indonesian news into an evidence-backed knowledge base.

    Example:

        warta analyze examples/ --format text
    """


# Exit status 3: warta itself failed (a bug), as opposed to 1, some inputs failed.
EXIT_INTERNAL = 3


def main(argv: list[str] | None = None) -> Any:
    """Console entry point: user errors print one line, never a traceback.

    An exception nothing else caught is a bug in warta, not a bad input (inputs fail alone,
    inside the batch): one line with E090 and exit status 3, so scripts can tell the two apart.
    """
    if argv is None:  # the `warta` command itself, not a program calling main(argv)
        common.own_process()
    try:
        return cli.main(args=argv, prog_name="warta", standalone_mode=True)
    except WartaError as e:
        click.echo(f"warta: {e}", err=True)
        sys.exit(2)
    except Exception as e:  # the last guard: a traceback is no message for users
        reason = one_line(f"{type(e).__name__}: {e}", limit=200)
        click.echo(f"warta: {Errors.E090.format(reason=reason)}", err=True)
        sys.exit(EXIT_INTERNAL)
