"""`warta eval ...`: evaluation commands, one module per task under ``warta.eval``.

Each prints one JSON line of figures, so scripts and CI logs can read them.
"""

from __future__ import annotations

import shlex
from typing import Any

import click

from warta.cli.common import fail
from warta.errors import InputError

# The evaluations `warta eval` offers (its --help lists them sorted).
EVALS: tuple[str, ...] = (
    "ner", "ud", "actors", "quotes", "events", "all", "agreement", "coref", "tone",
    "duplicates", "stories", "cross-events", "search", "links-agreement",
)


def _command(name: str) -> click.Command | None:
    """One evaluation's click command, its module imported only when asked for: most of them
    load spaCy and a pipeline, which `warta eval tone` and the other commands do not need."""
    match name:
        case "ner":
            from warta.eval import ner
            return ner.ner
        case "ud":
            from warta.eval import ud
            return ud.ud
        case "actors" | "quotes" | "events" | "all" | "agreement":
            from warta.eval import gold
            return {"actors": gold.actors, "quotes": gold.quotes, "events": gold.events,
                    "all": gold.all_layers, "agreement": gold.agreement_cmd}[name]
        case "coref":
            from warta.eval import coref
            return coref.coref
        case "tone":
            from warta.eval import tone
            return tone.tone
        case "duplicates" | "stories" | "cross-events" | "search" | "links-agreement":
            from warta.eval import links
            return {"duplicates": links.duplicates_cmd, "stories": links.stories_cmd,
                    "cross-events": links.cross_events_cmd, "search": links.search_cmd,
                    "links-agreement": links.agreement_cmd}[name]
    return None


class _LazyEvals(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(EVALS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return _command(cmd_name)

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
