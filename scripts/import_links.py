"""Turn the annotators' link judgements (outside the repository) into the standoff links gold
under ``src/warta/eval/links``: article refs (corpus, key, sha256), mention offsets, labels and
splits; no article text. Event mentions are located by the exact sentence the annotator copied;
a sentence that is not found is reported and dropped.

    python scripts/import_links.py --work /work/annot-links
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from warta.eval.links import links_dir, split_of, test_digest

REF_KEYS = ("corpus", "key", "sha256")


def _lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _ref(article: dict[str, Any]) -> dict[str, str]:
    return {k: article[k] for k in REF_KEYS}


def _write(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    rows = list(rows)
    path.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n"
                            for r in rows), encoding="utf-8")
    return len(rows)


def pairs(work: Path, out: Path, adjudicated: dict[str, str]) -> None:
    packet = {p["pair"]: p for p in _lines(work / "pairs.jsonl")}
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    for folder in sorted((work / "work").iterdir()):
        for row in _lines(folder / "pairs.jsonl"):
            labels[row["pair"]][folder.name] = row["label"]
    gold, double = [], []
    for pair, by in sorted(labels.items()):
        chosen = set(by.values())
        if len(by) > 1:
            double += [{"pair": pair, "annotator": a, "label": lab}
                       for a, lab in sorted(by.items())]
        if len(chosen) > 1 and pair not in adjudicated:
            print(f"{pair}: annotators disagree ({by}) and no adjudication: left out")
            continue
        label = adjudicated.get(pair) or chosen.pop()
        gold.append({"pair": pair, "a": _ref(packet[pair]["a"]), "b": _ref(packet[pair]["b"]),
                     "label": label, "split": split_of(pair), "annotators": sorted(by)})
    print("pairs:", _write(out / "pairs.jsonl", gold), "double rows:",
          _write(out / "pairs.double.jsonl", double))


def _locate(text: str, sentence: str) -> tuple[int, int] | None:
    start = text.find(sentence)
    if start >= 0:
        return start, start + len(sentence)
    words = [re.escape(w) for w in sentence.split()]
    if not words:
        return None
    match = re.search(r"\s+".join(words), text)
    return (match.start(), match.end()) if match else None


def event_pairs(work: Path, out: Path, annotator: str) -> None:
    packet = {p["pair"]: p for p in _lines(work / "event_pairs.jsonl")}
    gold = []
    for row in _lines(work / "work" / annotator / "events.jsonl"):
        articles = packet[row["pair"]]
        spans: dict[str, dict[str, Any]] = {}
        for side in ("a", "b"):
            for m in row[side]:
                found = _locate(articles[side]["text"], m["sentence"])
                if found is None:
                    print(f"{row['pair']} {m['m']}: sentence not found, dropped")
                    continue
                spans[m["m"]] = {**_ref(articles[side]), "start": found[0], "end": found[1]}
        for link in row["links"]:
            if link["a"] in spans and link["b"] in spans:
                gold.append({"pair": f"{row['pair']}-{link['a']}-{link['b']}",
                             "a": spans[link["a"]], "b": spans[link["b"]],
                             "label": link["label"], "split": split_of(row["pair"]),
                             "annotators": [annotator]})
    print("event pairs:", _write(out / "event_pairs.jsonl", gold))


def story_sets(work: Path, out: Path, annotator: str) -> None:
    items = {}
    for n in (1, 2):
        items.update({i["item"]: (n, _ref(i)) for i in _lines(work / f"story_set{n}.jsonl")})
    gold = []
    for row in _lines(work / "work" / annotator / "stories.jsonl"):
        n, ref = items[row["item"]]
        gold.append({"item": row["item"], "article": ref, "story": f"set{n}:{row['story']}",
                     "split": "dev" if n == 1 else "test", "annotators": [annotator]})
    print("story items:", _write(out / "stories.jsonl", gold))


def queries(work: Path, out: Path, annotators: list[str]) -> None:
    from warta.eval.corpus import DETIK

    pool = {p["qid"]: p for p in _lines(work / "pool.jsonl")}
    refs = {c["doc"]: c for p in pool.values() for c in p["candidates"]}
    gold = []
    written = {q["qid"]: q for q in _lines(work / "work" / annotators[0] / "queries.jsonl")}
    grades: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for annotator in annotators:
        for j in _lines(work / "work" / annotator / "judgements.jsonl"):
            grades[j["qid"]][j["doc"]].append(int(j["grade"]))
    for qid, q in sorted(written.items()):
        if qid not in grades:
            continue
        judged = [{"article": {"corpus": DETIK[0], "key": doc, "sha256": refs[doc]["sha256"]},
                   "grade": round(sum(g) / len(g))} for doc, g in sorted(grades[qid].items())]
        gold.append({"qid": qid, "query": q["query"], "need": q.get("need"),
                     "split": split_of(qid), "judgements": judged})
    print("queries:", _write(out / "queries.jsonl", gold))


def doubles(work: Path, out: Path, second: str, events_by: str, stories_by: str,
            queries_by: str) -> None:
    """Second readings for agreement: event-link labels on the first reader's mentions, story
    groupings of one set, relevance grades of some queries (standoff, by id)."""
    first_links = {(r["pair"], link["a"], link["b"]): link["label"]
                   for r in _lines(work / "work" / events_by / "events.jsonl")
                   for link in r["links"]}
    events = []
    for r in _lines(work / "work" / second / "events.jsonl"):
        for link in r["links"]:
            key = (r["pair"], link["a"], link["b"])
            if key in first_links:
                name = "-".join(key)
                events += [{"pair": name, "annotator": events_by, "label": first_links[key]},
                           {"pair": name, "annotator": second, "label": link["label"]}]
    reread = {x["item"] for x in _lines(work / "work" / second / "stories.jsonl")}
    stories = [{"item": r["item"], "annotator": a, "story": r["story"]}
               for a in (stories_by, second)
               for r in _lines(work / "work" / a / "stories.jsonl") if r["item"] in reread]
    judged = {(j["qid"], j["doc"]) for j in _lines(work / "work" / second / "judgements.jsonl")}
    grades = [{"qid": j["qid"], "doc": j["doc"], "annotator": a, "grade": j["grade"]}
              for a in (queries_by, second)
              for j in _lines(work / "work" / a / "judgements.jsonl")
              if (j["qid"], j["doc"]) in judged]
    print("double event links:", _write(out / "event_pairs.double.jsonl", events) // 2,
          "story items:", _write(out / "stories.double.jsonl", stories) // 2,
          "grades:", _write(out / "queries.double.jsonl", grades) // 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=links_dir())
    parser.add_argument("--adjudicated", type=Path, default=None,
                        help="JSON Lines of {pair, label} settling disagreements")
    parser.add_argument("--events-by", default="ann-c")
    parser.add_argument("--stories-by", default="ann-d")
    parser.add_argument("--queries-by", default="ann-e")
    parser.add_argument("--second", default="ann-f", help="the annotator of the second readings")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    adjudicated = {r["pair"]: r["label"] for r in _lines(args.adjudicated)} \
        if args.adjudicated else {}
    pairs(args.work, args.out, adjudicated)
    event_pairs(args.work, args.out, args.events_by)
    story_sets(args.work, args.out, args.stories_by)
    queries(args.work, args.out, args.queries_by.split(","))
    doubles(args.work, args.out, args.second, args.events_by, args.stories_by, args.queries_by)
    (args.out / "test.sha256").write_text(test_digest(root=args.out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
