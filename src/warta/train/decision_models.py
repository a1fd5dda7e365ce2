"""The trainer modules of warta's decision models; importing this registers them all.

One import line per model (kept apart so each model's trainer lives in its own module).
"""

from __future__ import annotations

from warta.train import (
    actor_class,  # noqa: F401  (actor type, country and keep)
    event_parties,  # noqa: F401  (event source and target)
    event_triggers,  # noqa: F401  (event triggers beyond the lexicon)
    quote_speakers,  # noqa: F401  (quote speakers)
)
