"""Words per second of warta's NLP pipeline on one core, against spaCy's bare tokenizer.

Reads IndoSum articles (JSON Lines, pre-tokenized paragraphs → sentences → tokens), rebuilds raw
text (tokens joined, punctuation re-attached), then times on the same texts in the same run:
``spacy.blank("id").tokenizer``; the NLP pipeline (``nlp_*``: the shipped model alone — warta's
tokenizer, tagger, parser, sentence repair, NER; its morphologizer and lemmatizer ship disabled);
and
``warta.load()`` (``warta_*``: that plus every extraction stage — gazetteer, actors, dates,
quotes, events, tone). Threads are pinned to one before numpy loads. Prints one JSON line.

The development machines are shared and their speed drifts by a third within an hour, so each
pass runs ``--repeat`` times on fresh objects (cold tokenizer caches), the three kinds
interleaved, and the fastest run of each counts (as ``timeit`` does: noise only ever slows a run
down); the ratio to the tokenizer is the figure that compares across machines and moments.
The same ratios in CPU time (``ratio_*_cpu``, the process's own time, fastest run of each kind)
tell more when other work shares the cores: a long pass is more likely to meet it than the
short tokenizer pass, and loses wall-clock time it does not lose in CPU time.

``--model PATH`` (repeatable) times a candidate model beside the shipped one, its two passes
interleaved with the shipped model's in the same runs (``models``: the same figures per path), so
a comparison does not depend on the moment's machine speed.

    .venv/bin/python bench/nlp_speed.py [--data ../shared/data] [--articles 300] [--repeat 3]
                                        [--model training/run/id_warta_news ...]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

INDOSUM = Path("indosum-news") / "indosum-devfolds-shared.jsonl"
def load_texts(path: Path, limit: int) -> list[str]:
    from warta.train.convert import detokenize

    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            article = json.loads(line)
            paragraphs = [" ".join(detokenize(s) for s in p) for p in article["paragraphs"]]
            texts.append("\n\n".join(paragraphs))
            if len(texts) >= limit:
                break
    return texts


def words_per_second(process, texts: list[str]) -> tuple[float, float, int]:
    """(words per wall-clock second, words per CPU second of this process, words)."""
    start, cpu = time.perf_counter(), time.process_time()
    words = sum(sum(1 for t in doc if not (t.is_space or t.is_punct)) for doc in process(texts))
    return (words / (time.perf_counter() - start), words / (time.process_time() - cpu), words)


def _piped(nlp: Any) -> Callable[[list[str]], Iterator[Any]]:
    """A pass over the texts with ``nlp``, batched as the shipped passes are."""
    return lambda ts: nlp.pipe(ts, batch_size=32)


def _ratios(best: dict[str, float], best_cpu: dict[str, float], key: str) -> dict[str, object]:
    """Rates and ratios to the bare tokenizer of the passes ``nlp<key>`` and ``warta<key>``."""
    nlp_wps, warta_wps, tok_wps = best[f"nlp{key}"], best[f"warta{key}"], best["tokenizer"]
    return {
        "nlp_words_per_s": round(nlp_wps),
        "ratio_nlp_to_tokenizer": round(nlp_wps / tok_wps, 4),
        "warta_words_per_s": round(warta_wps),
        "ratio_warta_to_tokenizer": round(warta_wps / tok_wps, 4),
        "ratio_nlp_to_tokenizer_cpu": round(best_cpu[f"nlp{key}"] / best_cpu["tokenizer"], 4),
        "ratio_warta_to_tokenizer_cpu": round(best_cpu[f"warta{key}"] / best_cpu["tokenizer"],
                                              4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3, help="runs per pass; the fastest counts")
    parser.add_argument("--model", type=Path, action="append", default=[],
                        help="a candidate model folder to time beside the shipped one "
                             "(repeatable)")
    args = parser.parse_args()
    for model in args.model:
        if not (model / "config.cfg").is_file():
            parser.error(f"--model {model}: no config.cfg (not a spaCy model folder)")
    texts = load_texts(args.data / INDOSUM, args.articles)

    import spacy

    start = time.perf_counter()
    import warta

    nlp = warta.load()
    load_s = time.perf_counter() - start
    from warta.nlp.pipeline import build

    candidates = {f":{i}": path for i, path in enumerate(args.model)}
    best = {"tokenizer": 0.0, "nlp": 0.0, "warta": 0.0}
    best.update({f"{kind}{key}": 0.0 for key in candidates for kind in ("nlp", "warta")})
    best_cpu = dict(best)
    words = 0  # as the bare tokenizer counts them (warta's splits clitics off: a few more)
    for run in range(max(1, args.repeat)):
        # Fresh objects each run: a tokenizer caches what it has seen, and a second pass over
        # the same texts would time the cache.
        tokenizer = spacy.blank("id").tokenizer
        model_only = build(stages=False)
        full = nlp if run == 0 else build()
        passes = {
            "tokenizer": lambda ts, tok=tokenizer: (tok(t) for t in ts),
            "nlp": _piped(model_only),
            # candidates built fresh each run as the shipped ones, each kind's passes adjacent
            **{f"nlp{key}": _piped(build(path, stages=False)) for key, path in candidates.items()},
            "warta": _piped(full),
            **{f"warta{key}": _piped(build(path)) for key, path in candidates.items()},
        }
        for name, process in passes.items():
            wps, cpu_wps, counted = words_per_second(process, texts)
            best[name] = max(best[name], wps)
            best_cpu[name] = max(best_cpu[name], cpu_wps)
            words = words or counted
    result: dict[str, object] = {
        "articles": len(texts),
        "repeat": max(1, args.repeat),
        "words": words,
        "tokenizer_words_per_s": round(best["tokenizer"]),
        **_ratios(best, best_cpu, ""),
        "warta_load_s": round(load_s, 2),
        "nlp_pipeline": model_only.pipe_names,
        "pipeline": nlp.pipe_names,
    }
    if candidates:
        result["models"] = {str(path): _ratios(best, best_cpu, key)
                            for key, path in candidates.items()}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
