"""`warta actors`: the actors in the store, with countries, roles and aliases.

With ``--load actors.toml`` it first writes the user's actors file into the store (those actors
then win over what later articles teach it; see docs/actors.md).
"""

from __future__ import annotations

import sqlite3
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from warta.cli.common import echo_json_lines, fail, reading
from warta.cli.options import (
    actor_option,
    db_option,
    deprecated_alias,
    format_option,
    page_options,
    report_page,
)
from warta.errors import WartaError


def _load_user_file(db_path: str, path: str) -> int:
    """Write every actor of the user's file to the store; returns how many."""
    from dataclasses import asdict

    from warta.resolve.user_actors import load_user_actors
    from warta.store.db import connect
    from warta.store.write import save_user_actor

    actors = load_user_actors(path).actors
    conn = connect(db_path)
    try:
        for actor in actors:
            row = asdict(actor)
            row["kb"] = f"user:{actor.id}"
            save_user_actor(conn, row)
    finally:
        conn.close()
    return len(actors)


def _query(db_path: str, *, limit: int, offset: int,
           **filters: Any) -> tuple[list[dict[str, Any]], int]:
    from warta.store.queries import count_actors, list_actors

    with reading(db_path) as conn:
        rows = list_actors(conn, limit=limit, offset=offset, **filters)
        return rows, count_actors(conn, **filters) if rows or offset else 0


@click.command()
@db_option
@click.option("--country", default=None, help="Only actors of this ISO-3166 alpha-3 country.")
@actor_option("Only actors whose id, name or alias contains this (any case).")
@deprecated_alias("--search", "--actor", "actor")
@click.option("--type", "type_", type=click.Choice(["PERSON", "ORG", "GPE", "LOC"],
              case_sensitive=False), default=None, help="Only actors of this type.")
@page_options("actors")
@click.option("--load", "load_path", default=None, type=click.Path(exists=True, dir_okay=False),
              help="First write this actors.toml into the store (user actors win).")
@format_option("table", "jsonl", help="A rich table, or JSON Lines for scripts.")
def actors(db_path: str, country: str | None, actor: str | None, type_: str | None,
           limit: int, offset: int, load_path: str | None, fmt: str) -> None:
    """List stored actors, most mentioned first: id, name, type, country, roles, aliases.

    Example:

        warta actors --db warta.db --country RUS --actor putin
    """
    if load_path:
        try:
            count = _load_user_file(db_path, load_path)
        except (WartaError, sqlite3.Error) as err:
            fail(err)
        click.echo(f"loaded {count} user actors from {load_path}", err=True)
    rows, total = _query(db_path, country=country, search=actor, type=type_, limit=limit,
                         offset=offset)
    if fmt == "jsonl":
        echo_json_lines(rows)
    else:
        _print_table(rows)
    report_page(len(rows), offset, total, "actors")


def _roles_cell(roles: list[Any]) -> str:
    out = []
    for role in roles:
        if isinstance(role, dict):
            seen = " – ".join(x for x in (role.get("first_seen"), role.get("last_seen")) if x)
            out.append(f"{role['role']} ({seen})" if seen else role["role"])
        else:
            out.append(str(role))
    return "\n".join(out)


def _print_table(rows: list[dict[str, Any]]) -> None:
    console = Console()
    if not rows:
        console.print(Text("No actors match."))
        return
    table = Table()
    table.add_column("id", no_wrap=True)
    for name in ("name", "type", "country", "roles", "aliases", "articles"):
        table.add_column(name)
    for row in rows:
        table.add_row(row["id"], row["name"], row["type"], row.get("country") or "",
                      _roles_cell(row.get("roles") or []), ", ".join(row.get("aliases") or []),
                      str(row.get("articles", "")))
    console.print(table)
