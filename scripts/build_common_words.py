"""Build src/warta/data/lexicon/common-lowercase-id.txt from the IndoSum articles in shared/data.

A word the news writes in lower case nearly everywhere except at a sentence start ("tujuan",
"harapan") is a common word, so a capitalised sentence opener of that form is not a name. The
list is derived from IndoSum (CC BY-SA 4.0), so the file is CC BY-SA 4.0 like the models.

    python scripts/build_common_words.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "warta" / "data" / "lexicon" / "common-lowercase-id.txt"
MIN_COUNT = 5  # occurrences away from a sentence start
MIN_LOWER_SHARE = 0.9


def counts(path: Path) -> tuple[Counter[str], Counter[str]]:
    """Per lower-cased word: occurrences away from sentence starts, and how many were lower."""
    seen: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            for paragraph in json.loads(line).get("paragraphs", []):
                for sentence in paragraph:
                    for token in sentence[1:]:
                        if token.isalpha() and len(token) > 2:
                            seen[token.lower()] += 1
                            lower[token.lower()] += token.islower()
    return seen, lower


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    seen, lower = counts(args.data / "indosum-news" / "indosum-devfolds-shared.jsonl")
    words = sorted(w for w, n in seen.items()
                   if n >= MIN_COUNT and lower[w] / n >= MIN_LOWER_SHARE)
    header = ("# Indonesian words written in lower case >= 90% of the time away from sentence\n"
              "# starts in IndoSum (CC BY-SA 4.0); built by scripts/build_common_words.py.\n"
              "# Licence: CC BY-SA 4.0.\n")
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words → {OUT}")


if __name__ == "__main__":
    main()
