"""Rewrite tests/data/factory_registrations.json, the snapshot of warta's spaCy factories.

tests/core/test_factories.py fails when the registered factories (name, stage, version, default
options) differ from the snapshot. Run this after bumping a stage's ``VERSION`` or changing its
factory, and commit the snapshot with the change (CONTRIBUTING.md):

    .venv/bin/python scripts/factory_registrations.py
"""

from __future__ import annotations

import json
from pathlib import Path

from warta.nlp.pipeline import factory_registrations

SNAPSHOT = Path(__file__).resolve().parent.parent / "tests" / "data" / "factory_registrations.json"


def main() -> None:
    SNAPSHOT.write_text(json.dumps(factory_registrations(), indent=2) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT}")


if __name__ == "__main__":
    main()
