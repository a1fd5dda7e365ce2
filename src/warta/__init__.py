"""warta: Indonesian news into an evidence-backed knowledge base.

    >>> import warta
    >>> nlp = warta.load()
    >>> doc = nlp("Presiden Rusia Vladimir Putin tiba di Beijing, Kamis (16/5/2024).")
    >>> record = warta.to_record(doc)  # the warta.article/1 record: actors, quotes, events, ...
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from warta.errors import WartaError
from warta.record import to_record
from warta.settings import Settings, load_settings

if TYPE_CHECKING:
    from warta.nlp.pipeline import load

__version__ = "0.1.0"
__all__ = ["Settings", "WartaError", "__version__", "load", "load_settings", "to_record"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    """``warta.load`` imports spaCy on first use only, so ``import warta`` (and every command
    that never builds the pipeline: --help, stats, search, exports) stays quick."""
    if name == "load":
        from warta.nlp.pipeline import load

        globals()["load"] = load
        return load
    raise AttributeError(f"module 'warta' has no attribute {name!r}")
