"""Indonesian word classes live in ``warta/nlp/lang/id`` once, not as copies in the stages.

A copy drifts: pronouns and administrative units once existed in four copies each. This reads
the source with ``ast`` and fails on any set, tuple or list literal of three or more lower-case
words outside ``nlp/lang`` and ``eval/`` (the eval scorer keeps its own list on purpose), at
module level or inline in a function, unless ALLOWED names it as a vocabulary that is not
Indonesian words (record fields, file formats, PLOVER modes ...); the values of a
``Literal[...]`` type are not word sets. A stage that needs fewer words takes a named subset from
``nlp/lang/id``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from helpers import ROOT
from warta.nlp.lang.id import subset

PACKAGE = ROOT / "src" / "warta"
EXEMPT = ("nlp/lang/", "eval/")
MIN_WORDS = 3
WORD = re.compile(r"[a-z]+(?:[-' .][a-z]+)*\.?")

# (module path under warta/, the top-level name or function that holds the literal): why it is
# not a word class of Indonesian.
ALLOWED: dict[tuple[str, str], str] = {
    ("batch/run.py", "JobTally"): "tally fields",
    ("clean/patterns.py", "OUTLETS"): "newsroom brand names",
    ("cli/actors.py", "_print_table"): "table columns",
    ("cli/analyze.py", "_sections"): "record fields",
    ("cli/eval.py", "EVALS"): "command names",
    ("cli/events.py", "WORLD_COLUMNS"): "CSV columns",
    ("cli/stories.py", "SORTS"): "sort orders of a listing",
    ("export/__init__.py", "FORMATS"): "export formats",
    ("extract/event_parties.py", "LABELS"): "the party model's class names",
    ("extract/quote_speakers.py", "DEPS"): "Universal Dependencies relation names",
    ("extract/event_triggers.py", "_CHILD_ARCS"): "Universal Dependencies relation names",
    ("extract/event_parties.py", "_PHRASE_ARCS"): "Universal Dependencies relation names",
    ("extract/event_parties.py", "_UP_ARCS"): "Universal Dependencies relation names",
    ("extract/event_parties.py", "_CLAUSE_ARCS"): "Universal Dependencies relation names",
    ("extract/event_parties.py", "_ROLE_ARCS"): "Universal Dependencies relation names",
    ("extract/events.py", "_NAME_ARCS"): "Universal Dependencies relation names",
    ("extract/quote_speakers.py", "_type"): "actor type names",
    ("export/csv.py", "COLUMNS"): "CSV columns",
    ("export/parquet.py", "TABLES"): "table names",
    ("extract/event_lexicon.py", "PATTERNS"): "the lexicon file's affix-pattern notation",
    ("extract/event_lexicon.py", "FLAGS"): "the lexicon file's flags",
    ("ingest/columns.py", "TEXT"): "CSV/JSONL header names, a file-format vocabulary",
    ("ingest/columns.py", "TITLE"): "CSV/JSONL header names",
    ("ingest/columns.py", "DATE"): "CSV/JSONL header names",
    ("ingest/columns.py", "URL"): "CSV/JSONL header names",
    ("kb/gazetteer.py", "FILES"): "file names",
    ("nlp/gazetteer_embed.py", "FEATURES"): "feature names",
    ("nlp/pipeline.py", "build"): "spaCy pipe names",
    ("plover.py", "PLOVER_MODES"): "PLOVER's English mode names",
    ("process.py", "TRAINED"): "spaCy pipe names",
    ("record.py", "merge_records"): "record fields",
    ("resolve/actor_model.py", "REGION_KINDS"): "gazetteer kinds",
    ("resolve/actors.py", "_ADDRESS_END_KINDS"): "gazetteer kinds",
    ("resolve/gazetteer.py", "_PERSON_LIKE_KINDS"): "gazetteer kinds",
    ("resolve/span_repairs.py", "_PLACE_KINDS"): "gazetteer kinds",
    ("resolve/user_actors.py", "_ACTOR_KEYS"): "file keys",
    ("settings.py", "LanguageSettings"): "language codes",
    ("store/migrations.py", "_rename_article"): "table names",
    ("store/parts.py", "TABLES"): "table names",
    ("store/queries.py", "TABLES"): "table names",
    ("store/places.py", "PLACE_ORDER"): "column names",
    ("store/queries.py", "count_matches"): "filter names",
    ("store/queries.py", "get_article"): "column names",
    ("store/write.py", "_STAGE_OF"): "stage names",
    ("train/actor_class.py", "_docs"): "stage names",
    ("train/actor_class.py", "fit"): "figure names",
    ("train/convert.py", "convert"): "corpus names",
    ("train/quote_speakers.py", "fit"): "figure names",
}


def _owner(top: ast.stmt) -> str:
    """What a top-level statement defines: the assigned name, or the function or class."""
    if isinstance(top, ast.Assign) and isinstance(top.targets[0], ast.Name):
        return top.targets[0].id
    if isinstance(top, (ast.AnnAssign, ast.AugAssign)) and isinstance(top.target, ast.Name):
        return top.target.id
    if isinstance(top, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return top.name
    return "<module>"


def _words(node: ast.AST) -> list[str]:
    if not isinstance(node, (ast.Set, ast.Tuple, ast.List)):
        return []
    return [e.value for e in node.elts
            if isinstance(e, ast.Constant) and isinstance(e.value, str) and WORD.fullmatch(e.value)]


def _in_literal_types(tree: ast.AST) -> set[int]:
    """Nodes inside ``Literal[...]``: a type's values ("ok", "skipped", "failed"), not words."""
    return {id(inner) for node in ast.walk(tree)
            if isinstance(node, ast.Subscript) and getattr(node.value, "id", None) == "Literal"
            for inner in ast.walk(node.slice)}


def word_sets(source: str) -> list[tuple[str, int, list[str]]]:
    """(owner, line, words) of every literal with MIN_WORDS or more lower-case words."""
    found = []
    tree = ast.parse(source)
    typed = _in_literal_types(tree)
    for top in tree.body:
        for node in ast.walk(top):
            words = _words(node) if id(node) not in typed else []
            if len(words) >= MIN_WORDS:
                found.append((_owner(top), getattr(node, "lineno", 0), words))
    return found


def stray_word_sets(package: Path) -> list[str]:
    stray = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package).as_posix()
        if rel.startswith(EXEMPT):
            continue
        for owner, line, words in word_sets(path.read_text(encoding="utf-8")):
            if (rel, owner) not in ALLOWED:
                stray.append(f"{rel}:{line} {owner} {words[:4]}")
    return stray


def test_no_word_sets_outside_lang_id() -> None:
    assert stray_word_sets(PACKAGE) == []


def test_the_scan_finds_module_level_and_inline_word_sets(tmp_path: Path) -> None:
    module = tmp_path / "stage.py"
    module.write_text(
        'PRONOUNS = frozenset({"ia", "dia", "beliau"})\n'
        'UNITS: tuple[str, ...] = ("kab.", "kec.", "desa")\n'
        "def f(w):\n"
        '    return w in ("dari", "kepada", "pada") or w in {",", "dan", "/"}\n'
        'Status = Literal["ok", "skipped", "failed"]\n',
        encoding="utf-8",
    )
    found = [(owner, words) for owner, _, words in word_sets(module.read_text())]
    assert found == [("PRONOUNS", ["ia", "dia", "beliau"]), ("UNITS", ["kab.", "kec.", "desa"]),
                     ("f", ["dari", "kepada", "pada"])]
    assert len(stray_word_sets(tmp_path)) == 3


def test_allow_list_entries_still_exist() -> None:
    """An entry whose literal is gone would let a new word list in under its name."""
    present = {(path.relative_to(PACKAGE).as_posix(), owner)
               for path in PACKAGE.rglob("*.py")
               for owner, _, _ in word_sets(path.read_text(encoding="utf-8"))}
    assert set(ALLOWED) - present == set()


def test_a_subset_cannot_drift_from_its_class() -> None:
    assert subset(frozenset({"ia", "dia", "beliau"}), "ia dia") == {"ia", "dia"}
    with pytest.raises(ValueError, match="anda"):
        subset(frozenset({"ia", "dia"}), "ia anda")
