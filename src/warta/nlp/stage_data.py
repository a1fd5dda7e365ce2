"""How a rule stage keeps the data file its config names inside a saved pipeline.

A stage whose factory setting names a file (the user's actors file, a tone lexicon) writes a
copy of that file in ``to_disk`` and reads the copy back in ``from_disk``, so
``nlp.to_disk(p); spacy.load(p)`` gives the records it gave when saved even if the file changed
since. The copy is used only while config.cfg still names the same file: switching the setting
in config.cfg loads the new file, as a user expects.
"""

from __future__ import annotations

from pathlib import Path

import srsly

_SOURCE = "source.json"  # the configured path the copy was made from


def save_file(directory: Path, configured: str, name: str) -> None:
    """Write the file at ``configured`` (if any) as ``directory/name``, with where it came from."""
    directory.mkdir(parents=True, exist_ok=True)
    srsly.write_json(directory / _SOURCE, {"path": configured})
    if configured:
        (directory / name).write_bytes(Path(configured).read_bytes())


def saved_file(directory: Path, configured: str, name: str) -> Path | None:
    """The copy ``save_file`` made, when it was made from the file config.cfg still names."""
    source = directory / _SOURCE
    if not configured or not source.exists():  # nothing configured, or saved before copies
        return None
    if srsly.read_json(source).get("path") != configured:
        return None
    copy = directory / name
    return copy if copy.exists() else None
