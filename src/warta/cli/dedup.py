"""`warta dedup`: fold copies already stored as separate articles into versions of the first."""

from __future__ import annotations

import sys
import time

import click

from warta.cli.common import fail
from warta.cli.options import config_option, db_option
from warta.errors import WartaError


@click.command()
@db_option
@config_option
def dedup(db_path: str, config_path: str | None) -> None:
    """Find copies among the stored articles and keep each as a version of the first (idempotent).

    `warta ingest`, `warta load` and `warta batch` store a copy of a stored text as a version
    as they go; this re-checks the whole store, in storing order: for a store filled before
    versions existed, with dedup switched off, or after a change of the `[dedup]` settings. A
    copy's quotes, events and mentions are removed (they are the original's, counted once); its
    source, URL, date and input id are kept as the version. Running it again changes nothing.
    Exit status: 0 done, 2 an unusable store or settings file.

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
    except WartaError as e:
        fail(e)
    finally:
        conn.close()
    off = "" if settings.dedup.enabled else " ([dedup] enabled = false: nothing is a copy)"
    click.echo(f"{tally.articles} articles checked: {tally.exact} exact and {tally.near} near "
               f"copies ({tally.sentences} of them re-edited) kept as versions in "
               f"{time.perf_counter() - started:.1f} s{off}", err=True)
    sys.exit(0)
