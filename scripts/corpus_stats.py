"""Print how much of the gold corpus is annotated: articles and items per split and layer."""

from __future__ import annotations

from collections import Counter

from warta.eval.corpus import SPLITS, load_articles, load_double, load_gold

if __name__ == "__main__":
    print("split  articles  annotated  double  actors  quotes  events")
    for split in SPLITS:
        arts = load_articles([split])
        counts: Counter[str] = Counter()
        for art in arts:
            gold = load_gold(art.id)
            if gold is not None:
                counts["annotated"] += 1
                for layer in ("actors", "quotes", "events"):
                    counts[layer] += len(gold[layer])
            counts["double"] += len(load_double(art.id)) >= 2
        print(f"{split:6} {len(arts):8} {counts['annotated']:10} {counts['double']:7} "
              f"{counts['actors']:7} {counts['quotes']:7} {counts['events']:7}")
