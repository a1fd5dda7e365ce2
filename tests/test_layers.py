"""warta's import graph keeps the layer order docs/ARCHITECTURE.md writes down, without cycles.

The graph is read from the source with ``ast``: every ``import warta...`` and
``from warta... import ...``, at module level and inside functions (a late import is still a
dependency), and any ``importlib`` call that could load warta's own code by name (that would
hide an edge from this test and from every reader).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from helpers import ROOT

SRC = ROOT / "src"
ARCHITECTURE = ROOT / "docs" / "ARCHITECTURE.md"
ROOT_PACKAGE = "__init__"  # how the layer list names warta/__init__.py
DYNAMIC_IMPORTS = frozenset({"import_module", "find_spec", "__import__"})

# Import cycles the test tolerates: none (serve/routes no longer imports serve/app).
# The decision-model registry: ``extract.trainers()`` imports the trainer modules (inside the
# function), and each trainer module imports ``extract.register`` to add itself.
KNOWN_CYCLES: frozenset[frozenset[str]] = frozenset()

Graph = Mapping[str, Iterable[str]]


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted((SRC / "warta").rglob("*.py"))}


def _target(name: str, known: Mapping[str, Path]) -> str | None:
    """The warta module an import names: itself, else its longest known parent."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def _from_base(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".") if is_package else module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports_of(module: str, path: Path, known: Mapping[str, Path]) -> set[str]:
    """The warta modules one module imports anywhere in its source."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _from_base(node, module, path.name == "__init__.py")
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base
                     for a in node.names]
        else:
            continue
        found.update(t for n in names if n.startswith("warta") and (t := _target(n, known)))
    found.discard(module)
    return found


def dynamic_imports(path: Path) -> list[int]:
    """Lines of importlib calls whose target is not a literal outside warta: hidden edges."""
    hidden = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in DYNAMIC_IMPORTS:
            continue
        arg = node.args[0] if node.args else None
        literal = arg.value if isinstance(arg, ast.Constant) else None
        if not isinstance(literal, str) or literal.startswith("warta"):
            hidden.append(node.lineno)
    return hidden


def graph() -> dict[str, set[str]]:
    known = modules()
    return {m: imports_of(m, p, known) for m, p in known.items()}


def layer_order(text: str) -> list[list[str]]:
    """The fenced ```layers block: one layer per line, lowest first; ``#`` starts a comment."""
    block = re.search(r"^```layers\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    assert block, "docs/ARCHITECTURE.md has no ```layers block"
    lines = (line.split("#", 1)[0].split() for line in block.group(1).splitlines())
    return [names for names in lines if names]


def layer_of(module: str, layers: list[list[str]]) -> int | None:
    """Index of the layer whose entry is the longest prefix of ``module``."""
    rel = ROOT_PACKAGE if module == "warta" else module.removeprefix("warta.")
    matches = [(len(name), index) for index, names in enumerate(layers) for name in names
               if rel == name or rel.startswith(name + ".")]
    return max(matches)[1] if matches else None


def upward_imports(edges: Graph, layers: list[list[str]]) -> list[str]:
    """Imports from a lower layer into a higher one."""
    bad = []
    for source, targets in edges.items():
        low = layer_of(source, layers)
        for target in targets:
            high = layer_of(target, layers)
            if low is not None and high is not None and high > low:
                bad.append(f"{source} ({' '.join(layers[low])}) imports {target} "
                           f"({' '.join(layers[high])})")
    return sorted(bad)


def cycles(edges: Graph) -> list[frozenset[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for root in edges:
        if root in index:
            continue
        work = [(root, iter(edges.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(frozenset(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(edges.get(child, ()))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


@pytest.fixture(scope="module")
def edges() -> dict[str, set[str]]:
    return graph()


@pytest.fixture(scope="module")
def layers() -> list[list[str]]:
    return layer_order(ARCHITECTURE.read_text(encoding="utf-8"))


def test_every_module_has_a_layer(edges: dict[str, set[str]], layers: list[list[str]]) -> None:
    assert [m for m in edges if layer_of(m, layers) is None] == []


def test_every_listed_layer_exists(edges: dict[str, set[str]], layers: list[list[str]]) -> None:
    listed = [name for names in layers for name in names]
    assert [n for n in listed if not any(layer_of(m, [[n]]) is not None for m in edges)] == []
    assert len(listed) == len(set(listed))


def test_lower_layers_never_import_higher_ones(edges: dict[str, set[str]],
                                               layers: list[list[str]]) -> None:
    assert upward_imports(edges, layers) == []


def test_no_import_cycles(edges: dict[str, set[str]]) -> None:
    assert [sorted(c) for c in cycles(edges) if c not in KNOWN_CYCLES] == []


def test_warta_loads_its_own_code_with_plain_imports_only() -> None:
    hidden = [f"{p.relative_to(ROOT)}:{line}"
              for p in sorted((SRC / "warta").rglob("*.py")) for line in dynamic_imports(p)]
    assert hidden == []


# --- the checker itself, on invented graphs -----------------------------------------------------


def test_the_checker_finds_cycles_and_upward_imports() -> None:
    edges = {"warta.kb.a": {"warta.resolve.b"}, "warta.resolve.b": {"warta.resolve.c"},
             "warta.resolve.c": {"warta.resolve.b"}, "warta.errors": set()}
    layers = [["errors"], ["kb"], ["resolve"]]
    assert cycles(edges) == [frozenset({"warta.resolve.b", "warta.resolve.c"})]
    assert upward_imports(edges, layers) == ["warta.kb.a (kb) imports warta.resolve.b (resolve)"]
    assert layer_of("warta", [["__init__"], ["nlp"], ["nlp.lang"]]) == 0
    assert layer_of("warta.nlp.lang.id.titles", [["nlp"], ["nlp.lang"]]) == 1
    assert layer_of("warta.nlpx", [["nlp"]]) is None


def test_the_checker_sees_late_relative_and_dynamic_imports(tmp_path: Path) -> None:
    source = tmp_path / "stage.py"
    source.write_text(
        "import importlib\n"
        "def f():\n"
        "    from . import roles\n"
        "    from warta.kb.gazetteer import lookup\n"
        "    x = importlib.import_module('x')\n"
        "    return importlib.import_module('warta.resolve.actors'), x\n",
        encoding="utf-8")
    known = {"warta.resolve": Path(), "warta.resolve.roles": Path(), "warta.kb.gazetteer": Path()}
    assert imports_of("warta.resolve.stage", source, known) == {"warta.resolve.roles",
                                                                "warta.kb.gazetteer"}
    assert dynamic_imports(source) == [6]  # the literal 'x' outside warta is no hidden edge
