"""`warta dedup`: fold copies already stored as separate articles into versions of the first."""

from __future__ import annotations

import sqlite3
import sys
import time
from typing import TYPE_CHECKING

import click

from warta.cli.common import fail
from warta.cli.options import config_option, db_option
from warta.errors import WartaError

if TYPE_CHECKING:
    from warta.settings import Settings


@click.command()
@db_option
@config_option
def dedup(db_path: str, config_path: str | None) -> None:
    """Find copies among the stored articles and keep each as a version of the first (idempotent).

    `warta ingest`, `warta load` and `warta batch` store a copy of a stored text as a version
    as they go; this re-checks the whole store, in storing order: for a store filled before
    versions existed, with dedup switched off, or after a change of the `[dedup]` settings. A
    copy's quotes, events and mentions are removed (they are the original's, counted once); its
    source, URL, date and input id are kept as the version. On a store `warta link` linked, the
    links are then recomputed (a copy's reports become its version's). Running it again
    changes nothing. Exit status: 0 done, 2 an unusable store or settings file.

    Example:

        warta dedup --db warta.db --config strict.toml
    """
    from warta.settings import load_settings
    from warta.store.db import connect
    from warta.store.dedup import fold_copies

    started = time.perf_counter()
    try:
        settings = load_settings(config_path)
        conn = connect(db_path)
    except WartaError as e:
        fail(e)
    try:
        tally = fold_copies(conn, settings.dedup)
        links = _relink(conn, settings) if tally.exact or tally.near else None
    except WartaError as e:
        fail(e)
    finally:
        conn.close()
    off = "" if settings.dedup.enabled else " ([dedup] enabled = false: nothing is a copy)"
    click.echo(f"{tally.articles} articles checked: {tally.exact} exact and {tally.near} near "
               f"copies ({tally.sentences} of them re-edited) kept as versions in "
               f"{time.perf_counter() - started:.1f} s{off}", err=True)
    if links:
        click.echo(f"links recomputed: {links}", err=True)
    sys.exit(0)


def _relink(conn: sqlite3.Connection, settings: Settings) -> str | None:
    """Recompute a linked store's events and stories (the folded copies' reports went with
    them, and a copy counts in its event's reports as a version); None when never linked."""
    from warta.store.links import is_linked, relink

    return relink(conn, settings).summary() if is_linked(conn) else None
