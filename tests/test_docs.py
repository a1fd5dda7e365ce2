"""The user docs cannot drift from the code (after sqlite-utils' tests/test_docs.py).

Fails when a command, subcommand or option of the click app is missing from docs/cli.md, when a
generated block in docs/ is stale (``scripts/gen_cli_docs.py --check``), when a field of the
record schema is missing from docs/record.md, when a settings key is missing from
docs/configuration.md, or when the README stops listing the commands and linking the docs.
No NLP pipeline is loaded: the CLI imports command modules only, and those import spaCy lazily.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
import tomllib
from pathlib import Path
from types import ModuleType

import click
import pytest

from helpers import ROOT

DOCS = ROOT / "docs"
CLI_MD = DOCS / "cli.md"
RECORD_MD = DOCS / "record.md"
CONFIG_MD = DOCS / "configuration.md"
README = ROOT / "README.md"
SCHEMA = ROOT / "src" / "warta" / "schema" / "article-1.schema.json"
DEFAULT_CONFIG = ROOT / "src" / "warta" / "default_config.toml"
USER_DOCS = [README, CLI_MD, RECORD_MD, CONFIG_MD]
README_LINKS = ["docs/cli.md", "docs/record.md", "docs/configuration.md", "docs/actors.md",
                "docs/exports.md", "docs/explorer.md", "docs/ARCHITECTURE.md"]


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_cli_docs",
                                                  ROOT / "scripts" / "gen_cli_docs.py")
    if spec is None or spec.loader is None:
        raise ImportError("scripts/gen_cli_docs.py cannot be loaded")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _load_generator()
COMMANDS = [(path, cmd) for path, cmd, _ in GEN.iter_commands()]
OPTIONS = [(path, name) for path, cmd in COMMANDS
           for param in GEN.documented_params(cmd) for name in GEN.param_names(param)]


def _sections(text: str) -> dict[str, str]:
    """Heading text → the text up to the next heading of any level."""
    parts = re.split(r"^(#{1,6} .+)$", text, flags=re.MULTILINE)
    return {head.lstrip("#").strip().strip("`"): body
            for head, body in zip(parts[1::2], parts[2::2], strict=True)}


def _prose(text: str) -> str:
    """The hand-written part of a document: generated blocks removed."""
    return GEN.BLOCK.sub("", text)


@pytest.fixture(scope="module")
def cli_sections() -> dict[str, str]:
    return _sections(CLI_MD.read_text("utf-8"))


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS])
def test_command_has_a_section(cli_sections: dict[str, str], path: str) -> None:
    assert path in cli_sections, f"docs/cli.md has no heading for `{path}`"
    assert f"<!-- BEGIN GENERATED cli:{path} -->" in cli_sections[path], (
        f"the `{path}` section lacks its generated options block")


@pytest.mark.parametrize(("path", "option"), OPTIONS)
def test_option_documented(cli_sections: dict[str, str], path: str, option: str) -> None:
    section = cli_sections.get(path, "")
    assert f"`{option}`" in section, f"`{path} {option}` is not documented in docs/cli.md"


@pytest.mark.parametrize(("path", "cmd"), [
    (p, c) for p, c in COMMANDS
    if not isinstance(c, click.Group) or c.invoke_without_command or p == "warta"])
def test_runnable_command_has_an_example(cli_sections: dict[str, str], path: str,
                                         cmd: click.Command) -> None:
    """Every command that does something shows a hand-written example invoking it."""
    prose = _prose(cli_sections.get(path, ""))
    blocks = re.findall(r"```sh\n(.*?)```", prose, flags=re.DOTALL)
    lines = [line.strip() for block in blocks for line in block.splitlines()]
    assert any(line.startswith(path + " ") or line == path for line in lines), (
        f"the `{path}` section of docs/cli.md has no ```sh example running it")


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS if p.count(" ") == 1])
def test_command_states_exit_status(cli_sections: dict[str, str], path: str) -> None:
    assert "**Exit status" in _prose(cli_sections.get(path, "")), (
        f"the `{path}` section of docs/cli.md does not say its exit status")


def test_docs_mention_no_removed_command() -> None:
    """A documented `warta …` heading whose command is gone fails too."""
    known = {p for p, _ in COMMANDS}
    headings = [h for h in _sections(CLI_MD.read_text("utf-8")) if h.startswith("warta")]
    assert set(headings) <= known, f"documented but not in the app: {set(headings) - known}"


@pytest.mark.parametrize("doc", GEN.DOCS, ids=lambda p: p.name)
def test_generated_blocks_are_fresh(doc: Path) -> None:
    stale = GEN.stale_blocks(doc)
    assert not stale, f"{doc.name}: stale blocks {stale}; run scripts/gen_cli_docs.py"


def test_stale_check_catches_a_changed_block(tmp_path: Path) -> None:
    doc = tmp_path / "x.md"
    doc.write_text("intro\n<!-- BEGIN GENERATED config:serve -->\n| old |\n"
                   "<!-- END GENERATED -->\noutro\n", "utf-8")
    assert GEN.stale_blocks(doc) == ["config:serve"]
    assert GEN.main(["--check", str(doc)]) == 1
    assert GEN.main([str(doc)]) == 0
    assert GEN.stale_blocks(doc) == []
    text = doc.read_text("utf-8")
    assert text.startswith("intro\n") and text.endswith("outro\n") and "`serve.port`" in text


def _schema_paths(node: dict, schema: dict, prefix: str = "") -> list[str]:
    if "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    if "items" in node and "properties" in node["items"]:
        return _schema_paths(node["items"], schema, prefix.rstrip(".") + "[].")
    out = []
    for name, child in node.get("properties", {}).items():
        out.append(prefix + name)
        out += _schema_paths(child, schema, f"{prefix}{name}.")
    return out


SCHEMA_DATA = json.loads(SCHEMA.read_text("utf-8"))


@pytest.mark.parametrize("field", list(SCHEMA_DATA["properties"]))
def test_record_field_explained(field: str) -> None:
    sections = _sections(RECORD_MD.read_text("utf-8"))
    assert field in sections, f"docs/record.md has no `### {field}` section"
    assert _prose(sections[field]).strip(), f"docs/record.md: `{field}` has no prose"


@pytest.mark.parametrize("path", _schema_paths(SCHEMA_DATA, SCHEMA_DATA))
def test_record_subfield_listed(path: str) -> None:
    assert f"`{path}`" in RECORD_MD.read_text("utf-8"), f"docs/record.md does not list `{path}`"


def test_record_example_matches_schema_version() -> None:
    text = RECORD_MD.read_text("utf-8")
    assert f'"schema": "{SCHEMA_DATA["properties"]["schema"]["const"]}"' in text


CONFIG_DATA = tomllib.loads(DEFAULT_CONFIG.read_text("utf-8"))


@pytest.mark.parametrize(("section", "key"),
                         [(s, k) for s, keys in CONFIG_DATA.items() for k in keys])
def test_config_key_documented(section: str, key: str) -> None:
    text = CONFIG_MD.read_text("utf-8")
    assert f"`{section}.{key}`" in text, f"docs/configuration.md lacks `{section}.{key}`"
    assert f"### `[{section}]`" in text, f"docs/configuration.md lacks a `[{section}]` heading"
    assert f"`{key}`" in _prose(text), f"`{section}.{key}` has no hand-written explanation"


@pytest.mark.parametrize("name", [p.split()[1] for p, _ in COMMANDS if p.count(" ") == 1])
def test_readme_lists_command(name: str) -> None:
    assert re.search(rf"^warta {name}\b", README.read_text("utf-8"), flags=re.MULTILINE), (
        f"README.md does not show `warta {name}`")


@pytest.mark.parametrize("link", README_LINKS)
def test_readme_links_doc(link: str) -> None:
    assert f"]({link}" in README.read_text("utf-8"), f"README.md does not link {link}"


@pytest.mark.parametrize("doc", [README, CLI_MD, RECORD_MD, CONFIG_MD], ids=lambda p: p.name)
def test_relative_links_resolve(doc: Path) -> None:
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", doc.read_text("utf-8"))
    missing = [t for t in targets if "://" not in t and not (doc.parent / t).exists()]
    assert not missing, f"{doc.name} links to missing files: {missing}"


def _example_lines() -> list[tuple[str, str]]:
    """(document, command line) for every `warta …` line in a ```sh block of the user docs."""
    out = []
    for doc in USER_DOCS:
        for block in re.findall(r"```sh\n(.*?)```", doc.read_text("utf-8"), flags=re.DOTALL):
            for line in block.splitlines():
                for part in line.split("|"):
                    if part.strip().startswith("warta "):
                        out.append((doc.name, part.strip()))
    return out


def _resolve(words: list[str]) -> tuple[click.Command, list[str], click.Context]:
    """The (sub)command a command line names, and the words after it."""
    from warta.cli import cli

    cmd: click.Command = cli
    ctx = click.Context(cli, info_name="warta")
    rest = words[1:]
    while isinstance(cmd, click.Group) and rest and not rest[0].startswith("-"):
        sub = cmd.get_command(ctx, rest[0])
        if sub is None:
            break
        ctx = click.Context(sub, info_name=rest[0], parent=ctx)
        cmd, rest = sub, rest[1:]
    return cmd, rest, ctx


@pytest.mark.parametrize(("doc", "line"), _example_lines())
def test_example_uses_real_options(doc: str, line: str) -> None:
    """Every option an example passes exists on that command, with an accepted choice."""
    words = shlex.split(line, comments=True)
    cmd, rest, _ = _resolve(words)
    if isinstance(cmd, click.Group) and not cmd.invoke_without_command:
        assert rest and rest[0].startswith("-"), f"{doc}: `{line}` names no command"
    options = {name: p for p in cmd.params if isinstance(p, click.Option)
               for name in [*p.opts, *p.secondary_opts]}
    options.setdefault("--help", click.Option(["--help"], is_flag=True))
    for i, word in enumerate(rest):
        if not word.startswith("--"):
            continue
        name, _, value = word.partition("=")
        assert name in options, f"{doc}: `{line}`: {name} is not an option of that command"
        kind = options[name].type
        if isinstance(kind, click.Choice) and not options[name].is_flag:
            value = value or (rest[i + 1] if i + 1 < len(rest) else "")
            choices = [str(c) for c in kind.choices]
            if not kind.case_sensitive:
                value, choices = value.lower(), [c.lower() for c in choices]
            assert value in choices, f"{doc}: `{line}`: {value!r} is not a {name} choice"
