"""`warta eval ...`: evaluation commands, one module per task under ``warta.eval``.

Each prints one JSON line of figures, so scripts and CI logs can read them.
"""

from __future__ import annotations

import importlib
import importlib.util

import click

# sub-command → "module:attribute" (a click command); absent modules are not offered.
EVALS: dict[str, str] = {
    "ner": "warta.eval.ner:ner",
    "ud": "warta.eval.ud:ud",
    "actors": "warta.eval.actors:actors",
    "quotes": "warta.eval.quotes:quotes",
    "events": "warta.eval.events:events",
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


@click.group(name="eval", cls=_LazyEvals)
def eval_group() -> None:
    """Measure warta's stages against annotated data; prints one JSON line per run."""
