"""`warta train extract --model quote_speakers`: the model that picks each quote's speaker.

The quotes stage's rules propose candidate actors for every quote they find, with features
(``warta.extract.quote_speakers``). Here the pipeline runs on the gold corpus's train split,
each candidate is labelled by the gold (the candidate whose actor the scorer matches to the gold
quote's speaker is the speaker; a quote whose gold speaker is none has none), and a logistic
regression is fit on them (scikit-learn, seeded). The threshold under which the best candidate
is no speaker is chosen on dev; the figures returned are the quotes layer of ``warta eval`` on
dev with the new model. The file is plain JSON (``warta.extract.speaker_model``).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warta.eval import scoring
from warta.eval.corpus import iter_documents
from warta.extract.speaker_model import FILENAME, SpeakerModel
from warta.train.registry import Trainer, register

C = 0.5  # inverse regularisation: a few thousand candidates, some hundred features
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 15))  # tried on dev


@dataclass
class Example:
    """One quote's candidates: features per actor and which actor (if any) is the speaker."""

    features: dict[str, dict[str, float]]
    speaker: str | None  # the candidate the gold names; None when the gold names no one
    context: str = ""  # the quote and its attribution, for reading errors


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0 and inter * 2 >= min(a[1] - a[0], b[1] - b[0])


def documents(split: str, data: Path, nlp: Any, *, root: Path | None = None,
              corpus: str | None = None) -> Iterator[tuple[str, dict[str, Any], Any]]:
    """(annotated text, gold, analysed Doc) for each article of a split, read as ``warta
    eval`` reads it (with the title and date its source gives), the pipeline run once.
    ``corpus``: only the articles of the source corpora whose name starts with it ("detik")."""
    from warta.eval.corpus import document_meta
    from warta.process import _run, make_doc, prepare
    from warta.settings import load_settings
    from warta.types import RawArticle, Source

    settings = load_settings()
    for art, text, gold, _why in iter_documents([split], data, root=root):
        if text is None or gold is None or (corpus and not art.corpus.startswith(corpus)):
            continue
        meta = document_meta(art.corpus, art.key, data)
        raw = RawArticle(Source(path=f"{art.corpus}/{art.key}", format="text",
                                native_id=art.key), text, title=meta["title"],
                         published=meta["published"])
        yield text, gold, _run(nlp, make_doc(nlp, prepare(raw, settings), settings), settings)


def doc_examples(doc: Any, text: str, gold: dict[str, Any]) -> list[Example]:
    """The labelled quotes of one analysed corpus article (``text``: its annotated text).
    Quotes the gold lacks are left out, and so are those whose gold speaker is among no
    candidate: nothing to learn from them."""
    from warta.extract.quote_speakers import Choice
    from warta.extract.quotes import extract_quotes
    from warta.nlp.extensions import language_supported

    if not language_supported(doc):
        return []
    truth = scoring.from_gold(gold, text)
    predicted = [scoring.Actor(a.id, scoring._names([a.name], a.aliases), a.type, a.country)
                 for a in doc._.actors or []]
    actor_map = scoring.match_actors(truth.actors, predicted)
    choices: list[Choice] = []
    extract_quotes(doc, speaker_model=None, choices=choices)
    to_gold = scoring.offset_map(doc.text, text)
    out = []
    for choice in choices:
        start, end = to_gold(choice.content.start_char), to_gold(choice.content.end_char)
        if start is None or end is None or end <= start:
            continue
        hit = next((g for g in truth.quotes if _overlap(g.span, (start, end))), None)
        if hit is None or not choice.features:
            continue
        speaker = next((a for a in sorted(choice.features) if actor_map.get(a) == hit.speaker),
                       None) if hit.speaker else None
        if hit.speaker and speaker is None:
            continue
        lo = max(0, choice.content.start - 25)
        out.append(Example(choice.features, speaker,
                           doc[lo:min(len(doc), choice.content.end + 25)].text))
    return out


def collect(split: str, data: Path, *, root: Path | None = None) -> list[list[Example]]:
    """Labelled examples of one split, grouped by article (in corpus order); each article is
    analysed once, with its title and date, as ``warta eval`` reads it."""
    from warta.nlp.pipeline import build

    return [doc_examples(doc, text, gold)
            for text, gold, doc in documents(split, data, build(), root=root)]


def fit_model(examples: list[Example], *, seed: int, threshold: float = 0.5) -> SpeakerModel:
    """A logistic regression over every candidate (speaker or not), seeded."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, labels = [], []
    for ex in examples:
        for actor in sorted(ex.features):
            rows.append(ex.features[actor])
            labels.append(int(actor == ex.speaker))
    if not rows or len(set(labels)) < 2:
        return SpeakerModel({}, 0.0, threshold)
    vec = DictVectorizer(sort=True, sparse=False)
    x = vec.fit_transform(rows)
    clf = LogisticRegression(C=C, max_iter=2000, random_state=seed, solver="lbfgs")
    clf.fit(x, labels)
    weights = {name: round(float(w), 6) for name, w in zip(vec.feature_names_, clf.coef_[0],
                                                          strict=True) if abs(w) > 1e-6}
    return SpeakerModel(weights, round(float(clf.intercept_[0]), 6), threshold)


def _correct(model: SpeakerModel, examples: list[Example]) -> int:
    from warta.extract.quote_speakers import Choice, _decide

    return sum(_decide(model, Choice(None, None, ex.features)) == ex.speaker  # type: ignore[arg-type]
               for ex in examples)


def choose_threshold(model: SpeakerModel, examples: list[Example]) -> SpeakerModel:
    """The threshold that gets most dev quotes right (the lowest of equals)."""
    best = max(THRESHOLDS, key=lambda t: (_correct(SpeakerModel(model.weights, model.bias, t),
                                                   examples), -t))
    return SpeakerModel(model.weights, model.bias, best)


def dev_figures(model_file: Path, data: Path, *, root: Path | None = None) -> dict[str, Any]:
    """The quotes layer of ``warta eval`` on dev, run with the model at ``model_file``."""
    from warta.eval.gold import evaluate
    from warta.nlp.pipeline import build

    nlp = build(stage_config={"quotes": {"speaker_model": str(model_file)}})
    figures: dict[str, Any] = evaluate("dev", ("quotes",), data=data, root=root,
                                       nlp=nlp)["quotes"]
    return figures


def fit(*, data: Path, out: Path, seed: int = 0, fraction: float = 1.0,
        root: Path | None = None) -> dict[str, Any]:
    """Fit on (a seeded ``fraction`` of) train, choose the threshold on dev, write ``out``,
    and return the dev figures."""
    began = time.monotonic()
    train = collect("train", data, root=root)
    random.Random(seed).shuffle(train)
    train = train[:max(1, round(len(train) * fraction))]
    examples = [ex for article in train for ex in article]
    dev = [ex for article in collect("dev", data, root=root) for ex in article]
    model = choose_threshold(fit_model(examples, seed=seed), dev)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model.to_json(), indent=1, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    quotes = dev_figures(out, data, root=root)
    return {"train_articles": len(train), "train_quotes": len(examples),
            "threshold": model.threshold, "features": len(model.weights),
            "dev_quotes": {k: quotes[k] for k in ("f1", "f1_ci", "precision", "recall",
                                                  "span_recall", "errors")},
            "seconds": round(time.monotonic() - began, 1)}


register(Trainer("quote_speakers", FILENAME, fit))
