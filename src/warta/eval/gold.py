"""`warta eval actors|quotes|events|all|agreement`: warta against the gold news corpus.

The corpus (``eval/corpus/``, guidelines and scoring rules in ``docs/annotation.md``) holds
standoff annotations of staged news articles in train/dev/test splits. Each command runs the
shipped pipeline on the rebuilt texts of one split and prints one JSON line: precision, recall
and F1 with 95 % bootstrap intervals over articles, and the errors by kind. The test split is
for scoring only; tune on train and dev.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from warta.eval import scoring
from warta.eval._common import json_line
from warta.eval.corpus import (
    SPLITS,
    CorpusArticle,
    TextMismatchError,
    document_meta,
    iter_documents,
    load_articles,
    load_double,
    verified_text,
)

LAYERS = ("actors", "quotes", "events")
SHARED_DATA = Path("../shared/data")


def predict(nlp: Any, settings: Any, article: CorpusArticle, text: str,
            data: Path) -> dict[str, Any]:
    """warta's record for a corpus article, read as a plain-text article with the title and
    date its source gives."""
    from warta.process import analyze
    from warta.types import RawArticle, Source

    meta = document_meta(article.corpus, article.key, data)
    raw = RawArticle(Source(path=f"{article.corpus}/{article.key}", format="text",
                            native_id=article.key), text, title=meta["title"],
                     published=meta["published"])
    return analyze(raw, nlp, settings)


def _scored(split: str, data: Path, model: Path | None, root: Path | None, *,
            nlp: Any = None,
            ) -> Iterator[tuple[CorpusArticle, dict[str, dict[str, Any]] | None, str | None]]:
    from warta.eval._common import load_pipeline
    from warta.settings import load_settings

    settings = load_settings()
    for article, text, gold, why in iter_documents([split], data, root=root):
        if text is None or gold is None:
            yield article, None, why
            continue
        if nlp is None:
            nlp = load_pipeline(model)
        record = predict(nlp, settings, article, text, data)
        yield article, scoring.score_article(scoring.from_gold(gold, text),
                                             scoring.from_record(record, text)), None


def evaluate(split: str, layers: tuple[str, ...], *, data: Path, model: Path | None = None,
             root: Path | None = None, nlp: Any = None, by_corpus: bool = False,
             ) -> dict[str, Any]:
    """Every layer's figures on one split (articles without gold are not counted); ``nlp``, when
    given, is the pipeline scored (a trainer's candidate model), else the shipped one.

    With ``by_corpus`` the same figures are also given per source corpus (``by_corpus``, keyed
    by the corpus name of ``articles.jsonl``): dev and test mix 2017 IndoSum articles, the
    domain train is drawn from, with 2025 Detik ones, and one overall figure hides how warta
    does on the writing it was not trained on.
    """
    rows: dict[str, list[dict[str, Any]]] = {layer: [] for layer in layers}
    per_corpus: dict[str, dict[str, list[dict[str, Any]]]] = {}
    skipped = []
    for article, scores, why in _scored(split, data, model, root, nlp=nlp):
        if scores is None:
            skipped.append(why)
            click.echo(f"skipped {why}", err=True)
            continue
        mine = per_corpus.setdefault(article.corpus, {layer: [] for layer in layers})
        for layer in layers:
            rows[layer].append(scores[layer])
            mine[layer].append(scores[layer])
    out: dict[str, Any] = {"split": split, "articles": len(rows[layers[0]]),
                           "skipped": len(skipped),
                           "in_split": len(load_articles([split], root=root))}
    for layer in layers:
        out[layer] = scoring.summarise(layer, rows[layer])
    if by_corpus:
        out["by_corpus"] = {name: _summaries(layers, mine)
                            for name, mine in sorted(per_corpus.items())}
    return out


def _summaries(layers: tuple[str, ...], rows: dict[str, list[dict[str, Any]]],
               ) -> dict[str, Any]:
    """One group of articles' figures, layer by layer, as :func:`evaluate` gives the whole."""
    out: dict[str, Any] = {"articles": len(rows[layers[0]])}
    for layer in layers:
        out[layer] = scoring.summarise(layer, rows[layer])
    return out


def agreement(*, data: Path, first: str | None = None, root: Path | None = None,
              splits: tuple[str, ...] = SPLITS) -> dict[str, Any]:
    """Inter-annotator F1 per layer on the doubly annotated articles: one annotation scored
    against the other (``first`` names the annotator taken as reference; default: the first
    in name order). ``splits`` keeps a batch apart (dev2's doubles measure its own readers)."""
    rows: dict[str, list[dict[str, Any]]] = {layer: [] for layer in LAYERS}
    pairs = skipped = 0
    for article in load_articles(splits, root=root):
        versions = load_double(article.id, root=root)
        if len(versions) < 2:
            continue
        try:
            text = verified_text(article, data)
        except (OSError, KeyError, TextMismatchError) as e:
            click.echo(f"skipped {e}", err=True)
            skipped += 1
            continue
        names = sorted(versions)
        ref = first if first in versions else names[0]
        other = next(n for n in names if n != ref)
        scores = scoring.score_article(scoring.from_gold(versions[ref], text),
                                       scoring.from_gold(versions[other], text))
        pairs += 1
        for layer in LAYERS:
            rows[layer].append(scores[layer])
    out: dict[str, Any] = {"task": "agreement", "articles": pairs, "skipped": skipped}
    for layer in LAYERS:
        out[layer] = scoring.summarise(layer, rows[layer])
    return out


_split = click.option("--split", type=click.Choice(SPLITS), default="dev", show_default=True,
                      help="Corpus split to score: tune on train, dev and dev2; test is "
                           "scored, never studied.")
_data = click.option("--data", "data_dir", type=click.Path(file_okay=False, path_type=Path),
                     default=SHARED_DATA, show_default=True,
                     help="Folder with the staged corpora the articles are rebuilt from.")
_model = click.option("--model", type=click.Path(exists=True, file_okay=False, path_type=Path),
                      default=None, help="Another trained model directory (default: shipped).")


_by_corpus = click.option("--by-corpus", is_flag=True, default=False,
                          help="Also give the figures per source corpus (a \"by_corpus\" "
                               "block: IndoSum 2017 vs Detik 2025).")


def _command(layers: tuple[str, ...], name: str, summary: str) -> click.Command:
    @click.command(name=name, help=f"{summary}\n\nExample:\n\n    warta eval {name} --split dev"
                                   " --by-corpus")
    @_split
    @_data
    @_model
    @_by_corpus
    def run(split: str, data_dir: Path, model: Path | None, by_corpus: bool) -> None:
        result = evaluate(split, layers, data=data_dir, model=model, by_corpus=by_corpus)
        result["task"] = name
        click.echo(json_line(result))

    return run


actors = _command(("actors",), "actors", "Actors found, right country and type on the gold "
                  "news corpus; one JSON line.")
quotes = _command(("quotes",), "quotes", "Quote spans found with the right speaker on the "
                  "gold news corpus; one JSON line.")
events = _command(("events",), "events", "Event (source, type, target) P/R/F1 and missing "
                  "parties on the gold news corpus; one JSON line.")
all_layers = _command(LAYERS, "all", "Actors, quotes and events on the gold news corpus at "
                      "once; one JSON line.")


@click.command(name="agreement")
@click.option("--reference", default=None, help="Annotator taken as reference (default: first "
              "by name).")
@click.option("--split", "splits", type=click.Choice(SPLITS), multiple=True, default=(),
              show_default=False,
              help="Only the doubly annotated articles of this split (repeatable; default: "
                   "every split).")
@_data
def agreement_cmd(reference: str | None, splits: tuple[str, ...], data_dir: Path) -> None:
    """Inter-annotator agreement (F1 per layer) on the doubly annotated articles.

    Example:

        warta eval agreement --split dev2
    """
    click.echo(json_line(agreement(data=data_dir, first=reference, splits=splits or SPLITS)))
