"""warta: Indonesian news into an evidence-backed knowledge base.

    >>> import warta
    >>> nlp = warta.load()
    >>> doc = nlp("Presiden Rusia Vladimir Putin tiba di Beijing, Kamis (16/5/2024).")
"""

from __future__ import annotations

import logging

from warta.errors import WartaError
from warta.nlp.pipeline import load
from warta.settings import Settings, load_settings

__version__ = "0.1.0"
__all__ = ["Settings", "WartaError", "__version__", "load", "load_settings"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
