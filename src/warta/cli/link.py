"""`warta link`: (re)compute the links between stored articles: one real-world event reported
by many articles, and stories. `warta ingest` and `warta load` run it at their end."""

from __future__ import annotations

import sqlite3

import click

from warta.cli.common import fail
from warta.cli.options import F, config_option, db_option
from warta.errors import WartaError
from warta.settings import Settings, load_settings


def run_link(conn: sqlite3.Connection, settings: Settings) -> str:
    """Relink the whole store; the one-line summary for stderr."""
    from warta.store.links import relink

    return relink(conn, settings).summary()


def after_ingest(db_path: str, settings: Settings, enabled: bool | None, *, new: int) -> None:
    """The link step at the end of `warta ingest` / `warta load`, when they stored ``new``
    articles: as ``--link/--no-link`` says, else as ``[link] after_ingest``. A failure is one
    line (exit 2): the articles are stored."""
    if not new or not (settings.link.after_ingest if enabled is None else enabled):
        return
    from warta.store.db import connect

    try:
        conn = connect(db_path)
        try:
            click.echo(f"linked: {run_link(conn, settings)}", err=True)
        finally:
            conn.close()
    except (WartaError, sqlite3.Error) as e:
        fail(f"articles stored, but linking them failed: {e}; run `warta link --db "
             f"{db_path}` again")


def link_option(f: F) -> F:
    """``--link/--no-link``: run `warta link` after storing (default: ``[link] after_ingest``)."""
    return click.option("--link/--no-link", "link", default=None,
                        help="Recompute events across reports and stories afterwards "
                             "(default: [link] after_ingest, true).")(f)


@click.command()
@db_option
@config_option
def link(db_path: str, config_path: str | None) -> None:
    """Join the reports of one real-world event and group articles into stories (idempotent).

    Recomputes both over the whole store and replaces what the last run stored, with the
    thresholds of the [link] settings. `warta ingest` and `warta load` run it at their end
    (--no-link skips it). Exit status: 0 done, 2 unusable store or settings.

    Example:

        warta link --db warta.db
    """
    from warta.store.db import connect

    try:
        settings = load_settings(config_path)
        conn = connect(db_path)
    except WartaError as e:
        fail(e)
    try:
        click.echo(run_link(conn, settings), err=True)
    except (WartaError, sqlite3.Error) as e:
        fail(e)
    finally:
        conn.close()
