"""`warta eval ...`: evaluation commands, one module per task under ``warta.eval``.

Each prints one JSON line of figures, so scripts and CI logs can read them.
"""

from __future__ import annotations

import importlib
import importlib.util
import shlex
from typing import Any

import click

from warta.cli.common import fail
from warta.errors import InputError

# sub-command → "module:attribute" (a click command); absent modules are not offered.
EVALS: dict[str, str] = {
    "ner": "warta.eval.ner:ner",
    "ud": "warta.eval.ud:ud",
    "actors": "warta.eval.gold:actors",
    "quotes": "warta.eval.gold:quotes",
    "events": "warta.eval.gold:events",
    "all": "warta.eval.gold:all_layers",
    "agreement": "warta.eval.gold:agreement_cmd",
    "coref": "warta.eval.coref:coref",
    "tone": "warta.eval.tone:tone",
}


class _LazyEvals(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(n for n, t in EVALS.items() if importlib.util.find_spec(t.split(":")[0]))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = EVALS.get(cmd_name)
        if target is None or importlib.util.find_spec(target.split(":")[0]) is None:
            return None
        module, attr = target.split(":")
        return getattr(importlib.import_module(module), attr)

    def invoke(self, ctx: click.Context) -> Any:
        """Run the evaluation; a gold or corpus file that cannot be read is one line and exit 1.

        Readers raise coded ``InputError``s; undecodable bytes or a malformed line met by a
        reader that does not check (a ``ValueError``) are caught here too, named by the
        command line that met them, rather than ending in a traceback.
        """
        words = [*getattr(ctx, "_protected_args", []), *ctx.args]
        try:
            return super().invoke(ctx)
        except InputError as e:
            fail(e, code=1)
        except ValueError as e:  # UnicodeDecodeError, JSONDecodeError, int("…") on a bad row
            reason = " ".join(f"{type(e).__name__}: {e}".split())
            fail(f"eval {shlex.join(words)}: cannot read the input ({reason})", code=1)


@click.group(name="eval", cls=_LazyEvals)
def eval_group() -> None:
    """Measure warta's stages against annotated data; prints one JSON line per run."""
