"""Commands that never analyse text must not pay for spaCy: `import warta` stays light and the
pipeline is built on first use only (``warta.load``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from warta.store.db import connect

PROBE = """
import sys
from warta.cli import main
try:
    main(sys.argv[1:])
except SystemExit as e:
    code = e.code
print("SPACY" if "spacy" in sys.modules else "NO-SPACY", code, file=sys.stderr)
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "w.db"
    connect(path).close()
    return path


@pytest.mark.parametrize("args", [["--help"], ["stats"], ["search", "inflasi"], ["quotes"],
                                  ["events"], ["actors"], ["analyze", "--help"]],
                         ids=lambda a: "-".join(a))
def test_read_commands_do_not_import_spacy(store: Path, args: list[str]) -> None:
    argv = args if "--help" in args else [*args, "--db", str(store)]
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.stderr.splitlines()[-1] == "NO-SPACY 0", done.stderr


def test_import_warta_is_light_and_load_is_lazy() -> None:
    code = ("import sys, warta; light = 'spacy' not in sys.modules; "
            "from warta.nlp.pipeline import load; print(light, warta.load is load)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.split() == ["True", "True"]
