"""Regenerate the reference tables in docs/ from the code, so the docs cannot drift from it.

Each generated block sits between markers; everything outside them is hand-written prose:

    <!-- BEGIN GENERATED cli:warta analyze -->   options of a command (click metadata)
    <!-- BEGIN GENERATED cli-index -->            every command with its one-line help
    <!-- BEGIN GENERATED schema:fields -->        top-level fields of warta.article/1
    <!-- BEGIN GENERATED schema:events -->        the sub-fields of one top-level field
    <!-- BEGIN GENERATED config:ingest -->        the keys of one default_config.toml section
    <!-- BEGIN GENERATED stages -->               warta's stages in the shipped config.cfg
    <!-- END GENERATED -->

    .venv/bin/python scripts/gen_cli_docs.py           # rewrite the blocks in place
    .venv/bin/python scripts/gen_cli_docs.py --check   # exit 1 when a block is stale

tests/test_docs.py imports this module and runs the same check.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "docs" / "cli.md", ROOT / "docs" / "record.md", ROOT / "docs" / "configuration.md"]
SCHEMA = ROOT / "src" / "warta" / "schema" / "article-1.schema.json"
CONFIG = ROOT / "src" / "warta" / "default_config.toml"

BLOCK = re.compile(
    r"(?P<begin><!-- BEGIN GENERATED (?P<key>[^>]+?) -->\n)(?P<body>.*?)"
    r"(?P<end><!-- END GENERATED -->)",
    re.DOTALL,
)
HELP_OPTIONS = {"--help", "-h"}
UNBOUNDED = 2**53  # an IntRange maximum this large (SQLite's integer limit) is no limit to a reader


# --- the click app -----------------------------------------------------------------------------

def iter_commands() -> Iterator[tuple[str, click.Command, click.Context]]:
    """Every command of the app, depth first, as ("warta eval ner", command, its context)."""
    from warta.cli import cli

    root = click.Context(cli, info_name="warta")
    yield from _walk("warta", cli, root)


def _walk(path: str, cmd: click.Command,
          ctx: click.Context) -> Iterator[tuple[str, click.Command, click.Context]]:
    yield path, cmd, ctx
    if isinstance(cmd, click.Group):
        for name in cmd.list_commands(ctx):
            sub = cmd.get_command(ctx, name)
            if sub is not None:
                yield from _walk(f"{path} {name}", sub,
                                 click.Context(sub, info_name=name, parent=ctx))


def documented_params(cmd: click.Command) -> list[click.Parameter]:
    """The parameters a reader must find in the option tables: all but --help and the hidden
    deprecated names (listed by hand under "Deprecated names" in docs/cli.md)."""
    return [p for p in cmd.params
            if not set(p.opts) & HELP_OPTIONS and not getattr(p, "hidden", False)]


def deprecated_params(cmd: click.Command) -> list[click.Parameter]:
    """The hidden options of a command: old names kept working so scripts don't break."""
    return [p for p in cmd.params if getattr(p, "hidden", False)]


def param_names(param: click.Parameter) -> list[str]:
    """How a parameter is written on the command line: its option strings, or its metavar."""
    if isinstance(param, click.Argument):
        dots = "..." if param.nargs == -1 else ""
        return [(param.name or "").upper() + dots]
    return [*param.opts, *param.secondary_opts]


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _value(param: click.Parameter) -> str:
    if isinstance(param, click.Option) and param.is_flag:
        return "flag"
    kind = param.type
    if isinstance(kind, click.Choice):
        any_case = "" if kind.case_sensitive else " (any case)"
        return ", ".join(f"`{c}`" for c in kind.choices) + any_case
    if isinstance(kind, click.Path):
        if not kind.file_okay:
            return "DIRECTORY"
        return "FILE" if not kind.dir_okay else "PATH"
    if isinstance(kind, click.IntRange):
        if kind.max is not None and kind.max >= UNBOUNDED:
            kind = click.IntRange(kind.min, None)
        if kind.min is not None and kind.max is not None:
            return f"INTEGER {kind.min}–{kind.max}"
        low = "" if kind.min is None else f" ≥ {kind.min}"
        high = "" if kind.max is None else f" ≤ {kind.max}"
        return f"INTEGER{low}{high}"
    return kind.name.upper()


def _default(param: click.Parameter) -> str:
    if param.required:
        return "required"
    default = param.default
    if isinstance(param, click.Option) and param.secondary_opts and isinstance(default, bool):
        return f"`{param.opts[0] if default else param.secondary_opts[0]}`"
    if isinstance(param, click.Option) and param.is_flag:
        return {True: "on", False: "off"}.get(default, "—") if isinstance(default, bool) else "—"
    if default is None or callable(default) or default == ():
        return "—"
    if isinstance(param, click.Option) and param.show_default is False:
        return "see meaning"
    return f"`{_portable(default)}`"


def _portable(default: object) -> str:
    """A default as the docs show it: paths inside this checkout's parent folder made relative,
    so the generated text is the same on every machine."""
    if isinstance(default, str | Path) and Path(default).is_absolute():
        path = Path(default)
        if path.is_relative_to(ROOT):
            return path.relative_to(ROOT).as_posix()
        if path.is_relative_to(ROOT.parent):
            return "../" + path.relative_to(ROOT.parent).as_posix()
    return str(default)


def _meaning(param: click.Parameter) -> str:
    if isinstance(param, click.Argument):
        repeat = "one or more" if param.nargs == -1 else "one"
        return f"Argument ({repeat}); see below."
    return _cell(getattr(param, "help", None) or "")


def render_command(path: str) -> str:
    """The generated block of one command: usage, one-line help, options table, subcommands."""
    found = {p: (c, x) for p, c, x in iter_commands()}
    if path not in found:
        raise KeyError(f"no command {path!r} in the click app")
    cmd, ctx = found[path]
    usage = " ".join([path, *cmd.collect_usage_pieces(ctx)])
    lines = [f"`{usage}`", "", _cell(cmd.get_short_help_str(limit=300)), ""]
    params = documented_params(cmd)
    if params:
        lines += ["| Option | Value | Default | Meaning |", "|---|---|---|---|"]
        for p in params:
            names = " / ".join(f"`{n}`" for n in param_names(p))
            lines.append(f"| {names} | {_value(p)} | {_default(p)} | {_meaning(p)} |")
        lines.append("")
    if isinstance(cmd, click.Group):
        lines += ["| Subcommand | Does |", "|---|---|"]
        for name in cmd.list_commands(ctx):
            sub = cmd.get_command(ctx, name)
            if sub is not None:
                lines.append(f"| `{path} {name}` | {_cell(sub.get_short_help_str(limit=300))} |")
        lines.append("")
    return "\n".join(lines)


def render_cli_index() -> str:
    """Every command and subcommand with its one-line help, linked to its section."""
    lines = ["| Command | Does |", "|---|---|"]
    for path, cmd, _ in iter_commands():
        if path == "warta":
            continue
        anchor = path.replace(" ", "-")
        lines.append(f"| [`{path}`](#{anchor}) | {_cell(cmd.get_short_help_str(limit=300))} |")
    return "\n".join(lines) + "\n"


def render_deprecated() -> str:
    """Every old option name or --format value still accepted, with what replaced it."""
    lines = ["| Command | Old name (still works, warns) | Use instead |", "|---|---|---|"]
    for path, cmd, _ in iter_commands():
        for p in deprecated_params(cmd):
            new = (getattr(p, "help", "") or "").removeprefix("Deprecated name of ").rstrip(".")
            lines.append(f"| `{path}` | `{p.opts[0]}` | `{new}` |")
        for p in cmd.params:
            for old, new in getattr(p.type, "aliases", {}).items():
                lines.append(f"| `{path}` | `{p.opts[0]} {old}` | `{p.opts[0]} {new}` |")
    return "\n".join(lines) + "\n"


# --- the record schema -------------------------------------------------------------------------

def load_schema() -> dict[str, Any]:
    return json.loads(SCHEMA.read_text("utf-8"))


def _resolve(node: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref is None:
        return node
    resolved = schema["$defs"][ref.rsplit("/", 1)[-1]]
    return {**resolved, **{k: v for k, v in node.items() if k != "$ref"}}


def _type_of(node: dict[str, Any], schema: dict[str, Any]) -> str:
    node = _resolve(node, schema)
    if "const" in node:
        return f"`{json.dumps(node['const'])}`"
    if "enum" in node:
        return "one of " + ", ".join(f"`{v}`" for v in node["enum"])
    kinds = node.get("type", "any")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    words = []
    for kind in kinds:
        if kind == "array":
            words.append(_array_type(node, schema))
        elif kind == "integer" and node.get("minimum") == 0:
            words.append("integer ≥ 0")
        else:
            words.append(kind)
    return " or ".join(words)


def _array_type(node: dict[str, Any], schema: dict[str, Any]) -> str:
    items = node.get("items", {})
    if "prefixItems" in items or "prefixItems" in node:
        return "array of [start, end] pairs"
    return f"array of {_type_of(items, schema)}"


def _rows(props: dict[str, Any], required: list[str], prefix: str,
          schema: dict[str, Any]) -> Iterator[str]:
    for name, node in props.items():
        full = _resolve(node, schema)
        need = "yes" if name in required else "no"
        desc = _cell(full.get("description", ""))
        yield f"| `{prefix}{name}` | {_type_of(node, schema)} | {need} | {desc} |"
        if "properties" in full:
            yield from _rows(full["properties"], full.get("required", []), f"{prefix}{name}.",
                             schema)


def render_schema(field: str) -> str:
    """The table of the record's top-level fields, or of one field's sub-fields."""
    schema = load_schema()
    head = ["| Field | Type | Required | Schema note |", "|---|---|---|---|"]
    if field == "fields":
        rows = _rows(schema["properties"], schema["required"], "", schema)
        return "\n".join([*head, *rows]) + "\n"
    node = _resolve(schema["properties"][field], schema)
    prefix = f"{field}."
    if node.get("type") == "array" or "array" in node.get("type", []):
        node, prefix = _resolve(node["items"], schema), f"{field}[]."
    if "properties" not in node:
        raise KeyError(f"schema field {field!r} has no sub-fields")
    rows = _rows(node["properties"], node.get("required", []), prefix, schema)
    return "\n".join([*head, *rows]) + "\n"


# --- default_config.toml -----------------------------------------------------------------------

def config_keys() -> dict[str, list[tuple[str, Any, str]]]:
    """Section → [(key, default, the comment above it)], in file order."""
    values = tomllib.loads(CONFIG.read_text("utf-8"))
    sections: dict[str, list[tuple[str, Any, str]]] = {}
    section, comment, after_key = "", [], False
    for line in CONFIG.read_text("utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section, comment, after_key = stripped.strip("[]"), [], False
            sections[section] = []
        elif stripped.startswith("#"):
            # a comment covers the keys right below it, up to a blank line or the next comment
            comment = [*([] if after_key else comment), stripped.lstrip("# ")]
            after_key = False
        elif "=" in stripped and section:
            key = stripped.split("=", 1)[0].strip()
            sections[section].append((key, values[section][key], " ".join(comment)))
            after_key = True
        elif not stripped:
            comment, after_key = [], False
    return sections


def render_config(section: str) -> str:
    keys = config_keys()
    if section not in keys:
        raise KeyError(f"no section [{section}] in {CONFIG.name}")
    lines = ["| Key | Default | Comment in default_config.toml |", "|---|---|---|"]
    for key, default, comment in keys[section]:
        shown = json.dumps(list(default) if isinstance(default, tuple) else default,
                           ensure_ascii=False)
        lines.append(f"| `{section}.{key}` | `{shown}` | {_cell(comment)} |")
    return "\n".join(lines) + "\n"


def render_stages() -> str:
    """warta's stages in the shipped model's config.cfg: factory, version and options."""
    from spacy.util import load_config

    from warta.nlp.pipeline import factory_registrations, model_path

    config = load_config(model_path() / "config.cfg", interpolate=False)
    registered = factory_registrations()
    lines = ["| Pipe | Factory | Version | Options (shipped value) |", "|---|---|---|---|"]
    for pipe in config["nlp"]["pipeline"]:
        section = dict(config["components"][pipe])
        factory = section.pop("factory", "")
        if factory in registered:
            options = ", ".join(f"`{key} = {json.dumps(value)}`" for key, value in section.items())
            lines.append(f"| `{pipe}` | `{factory}` | {registered[factory]['version']} | "
                         f"{options or '—'} |")
    return "\n".join(lines) + "\n"


# --- blocks ------------------------------------------------------------------------------------

def render(key: str) -> str:
    """The text a block with this key must hold (a blank line before the end marker keeps
    Markdown renderers from reading the marker as part of a table)."""
    kind, _, arg = key.partition(":")
    renderers = {"cli": render_command, "cli-index": lambda _: render_cli_index(),
                 "cli-deprecated": lambda _: render_deprecated(),
                 "schema": render_schema, "config": render_config,
                 "stages": lambda _: render_stages()}
    if kind not in renderers:
        raise KeyError(f"unknown generated block {key!r}")
    return renderers[kind](arg).rstrip("\n") + "\n\n"


def block_keys(text: str) -> list[str]:
    return [m.group("key") for m in BLOCK.finditer(text)]


def regenerate(text: str) -> str:
    """The document with every generated block rewritten from the code."""
    def fill(m: re.Match[str]) -> str:
        return f"{m.group('begin')}{render(m.group('key'))}{m.group('end')}"

    return BLOCK.sub(fill, text)


def stale_blocks(path: Path) -> list[str]:
    """Keys of the blocks in a document whose text differs from what the code gives now."""
    text = path.read_text("utf-8")
    return [m.group("key") for m in BLOCK.finditer(text)
            if m.group("body") != render(m.group("key"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="Change nothing; exit 1 when a generated block is stale.")
    parser.add_argument("files", nargs="*", type=Path, default=DOCS)
    args = parser.parse_args(argv)
    stale = 0
    for path in args.files:
        if not path.exists():
            print(f"{path}: missing", file=sys.stderr)
            stale += 1
            continue
        if args.check:
            for key in stale_blocks(path):
                print(f"{path}: block {key!r} is stale; run scripts/gen_cli_docs.py",
                      file=sys.stderr)
                stale += 1
            continue
        text = path.read_text("utf-8")
        new = regenerate(text)
        if new != text:
            path.write_text(new, "utf-8")
            print(f"rewrote {path}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
