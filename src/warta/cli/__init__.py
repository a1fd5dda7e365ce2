"""warta's command line: a click group whose commands are imported only when used.

Lazy loading keeps `warta stats` instant (no spaCy import) and lets each command live in its own
module under ``warta.cli``. Exit status: 0 all fine, 1 some inputs failed, 2 usage error,
3 warta itself failed (a bug).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from typing import Any

import click

from warta.errors import Errors, WartaError, one_line

# command name → "module:attribute". A command whose module is absent is not offered.
COMMANDS: dict[str, str] = {
    "analyze": "warta.cli.analyze:analyze",
    "ingest": "warta.cli.ingest:ingest",
    "search": "warta.cli.search:search",
    "stats": "warta.cli.search:stats",
    "actors": "warta.cli.actors:actors",
    "quotes": "warta.cli.quotes:quotes",
    "events": "warta.cli.events:events",
    "export": "warta.cli.export:export",
    "serve": "warta.cli.serve:serve",
    "batch": "warta.cli.batch:batch",
    "train": "warta.cli.train:train",
    "eval": "warta.cli.eval:eval_group",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(n for n, target in COMMANDS.items() if _available(target))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None or not _available(target):
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)


def _available(target: str) -> bool:
    return importlib.util.find_spec(target.split(":")[0]) is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
    try:
        return cli.main(args=argv, prog_name="warta", standalone_mode=True)
    except WartaError as e:
        click.echo(f"warta: {e}", err=True)
        sys.exit(2)
    except Exception as e:  # the last guard: a traceback is no message for users
        reason = one_line(f"{type(e).__name__}: {e}", limit=200)
        click.echo(f"warta: {Errors.E090.format(reason=reason)}", err=True)
        sys.exit(EXIT_INTERNAL)
