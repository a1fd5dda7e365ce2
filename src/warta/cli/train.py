"""`warta train nlp`: convert the corpora, train the shared pipeline, tune it, assemble it.

    warta train nlp --data ../shared/data --out training/run        # every step
    warta train nlp convert --data ../shared/data --out training/run
    warta train nlp vectors --data ../shared/data --out training/run
    warta train nlp news --out training/run
    warta train nlp pretrain --out training/run     # optional; measured, not in the default run
    warta train nlp news-ft --out training/run
    warta train nlp news-corpus --out training/run [--base MODEL]  # the gold corpus's actors
    warta train nlp assemble --out training/run [--ship]
    warta train nlp report --out training/run

Work files go under OUT: ``corpus/`` (DocBins, the held-out GSD part, IndoSum raw text),
``vectors/`` (word2vec on IndoSum), ``pretrain/`` (the tok2vec pretrained on IndoSum),
``news/``, ``news_ft/`` and ``news_corpus/`` (spaCy training output with model-best),
``id_warta_news/`` (the assembled pipeline). ``--ship`` copies the assembled pipeline over the
one shipped in the package. Training uses OUT/vectors and OUT/pretrain when they exist;
``pretrain`` is not part of the default run (measured: +1 NER F1 before tuning, none after).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click

from warta.cli.options import progress_option, show_progress

DirPath = click.Path(file_okay=False, path_type=Path)


@click.group(name="train")
def train() -> None:
    """Train warta's models from the corpora under shared/data."""


def _convert(data: Path, out: Path, csui_dev_share: float = 0.0) -> None:
    from warta.train.convert import convert

    counts = convert(data, out / "corpus", csui_dev_share=csui_dev_share)
    click.echo(json.dumps({"step": "convert", "sentences": counts}))


def _vectors(data: Path, out: Path) -> None:
    from warta.train.vectors import train_vectors

    path = train_vectors(data, out / "vectors")
    click.echo(json.dumps({"step": "vectors", "vectors": str(path)}))


PRETRAINED = "model-last.bin"  # OUT/pretrain's weights that the news step starts from


# The embed layer that adds gazetteer bits (warta.nlp.gazetteer_embed): measured, not shipped.
GAZETTEER_EMBED = {"components.tok2vec.model.embed.@architectures": "warta.GazetteerHashEmbed.v1"}

# The shared tok2vec's width: news.cfg's embed and every listener interpolate this one value.
WIDTH_KEY = "components.tok2vec.model.encode.width"


def _tok2vec_overrides(gazetteer_features: bool, width: int | None) -> dict[str, object]:
    """Overrides of news.cfg's shared tok2vec that `news` and `pretrain` must agree on."""
    overrides: dict[str, object] = dict(GAZETTEER_EMBED) if gazetteer_features else {}
    if width is not None:
        overrides[WIDTH_KEY] = width
    return overrides


def _train(name: str, out: Path, max_steps: int | None, seed: int | None,
           gazetteer_features: bool = False, width: int | None = None) -> None:
    from warta.train.run import train_pipeline

    overrides: dict[str, object] = {}
    vectors = out / "vectors"
    has_vectors = (vectors / "vocab").exists()
    overrides["paths.vectors"] = str(vectors) if has_vectors else None
    if name == "news":
        overrides["components.tok2vec.model.embed.include_static_vectors"] = has_vectors
        weights = out / "pretrain" / PRETRAINED
        overrides["paths.init_tok2vec"] = str(weights) if weights.exists() else None
        overrides.update(_tok2vec_overrides(gazetteer_features, width))
    data_name = None
    if name == "news_ft":
        overrides["paths.base"] = str(out / "news" / "model-best")
        data_name = "news-ft"
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    if seed is not None:
        overrides["system.seed"] = seed
    best = train_pipeline(name, corpus=out / "corpus", out=out / name, data_name=data_name,
                          overrides=overrides)
    click.echo(json.dumps({"step": name, "model": str(best)}))


def _pretrain(out: Path, epochs: int | None, gazetteer_features: bool = False,
              width: int | None = None) -> None:
    from warta.train.convert import PRETRAIN_TEXT
    from warta.train.run import pretrain_tok2vec

    raw = out / "corpus" / PRETRAIN_TEXT
    if not raw.exists() or raw.stat().st_size == 0:
        click.echo(json.dumps({"step": "pretrain", "weights": None,
                               "skipped": f"{raw}: no raw text (IndoSum absent)"}))
        return
    vectors = out / "vectors"
    overrides: dict[str, object] = {"pretraining.max_epochs": epochs} if epochs is not None else {}
    overrides.update(_tok2vec_overrides(gazetteer_features, width))
    weights = pretrain_tok2vec(raw_text=raw, out=out / "pretrain", overrides=overrides,
                               vectors=vectors if (vectors / "vocab").exists() else None)
    last = weights.with_name(PRETRAINED)
    if weights != last:
        last.write_bytes(weights.read_bytes())
    click.echo(json.dumps({"step": "pretrain", "weights": str(last)}))


def _news_corpus(data: Path, out: Path, base: Path | None, max_steps: int | None,
                 seed: int | None, repeat: int, rehearsal: float, freeze: bool,
                 dropout: float | None, gpe: str = "LOC", common_words: bool = False) -> None:
    import spacy

    from warta.nlp.pipeline import model_path
    from warta.nlp.tokenizer import build_tokenizer
    from warta.train.corpus_ner import write_corpus_data
    from warta.train.run import train_pipeline

    if base is None:
        tuned = out / "news_ft" / "model-best"
        base = tuned if tuned.exists() else model_path()
    base = _pipeline_in(base)
    if not (out / "corpus" / "news-ft-train.spacy").exists():
        raise click.UsageError(f"{out / 'corpus'}: run `warta train nlp convert` first")
    blank = spacy.blank("id")
    blank.tokenizer = build_tokenizer(blank)
    counts = write_corpus_data(blank, data, out / "corpus", repeat=repeat, rehearsal=rehearsal,
                               ner_only=freeze, gpe=gpe, common_words=common_words)
    click.echo(json.dumps({"step": "news-corpus", "data": counts}))
    overrides: dict[str, object] = {"paths.base": str(base), "paths.vectors": str(base),
                                    "paths.lemmatizer": _lemmatizer_name(base)}
    if freeze:  # the NER alone learns, over the base's tok2vec (which annotates for it)
        from spacy.util import load_config

        from warta.train.run import config_path

        pipeline = load_config(config_path("news_corpus"), interpolate=False)["nlp"]["pipeline"]
        overrides["training.frozen_components"] = [n for n in pipeline if n != "ner"]
        overrides["training.annotating_components"] = ["tok2vec"]
    if dropout is not None:
        overrides["training.dropout"] = dropout
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    if seed is not None:
        overrides["system.seed"] = seed
    best = train_pipeline("news_corpus", corpus=out / "corpus", out=out / "news_corpus",
                          data_name="news-corpus", overrides=overrides)
    click.echo(json.dumps({"step": "news-corpus", "model": str(best), "base": str(base)}))


RUN_MODELS = ("news_ft/model-best", "news/model-best", "id_warta_news")  # in a run folder


def _pipeline_in(folder: Path) -> Path:
    """``folder`` when it is a pipeline, else the last trained model of the run it is."""
    for candidate in (folder, *(folder / sub for sub in RUN_MODELS)):
        if (candidate / "config.cfg").exists():
            return candidate
    raise click.BadParameter(f"{folder}: neither a spaCy pipeline nor a training run folder "
                             f"(no config.cfg in it or in {', '.join(RUN_MODELS)})",
                             param_hint="'--base'")


def _lemmatizer_name(base: Path) -> str:
    """The edit-tree lemmatizer's name in ``base`` (assembled pipelines rename it)."""
    from spacy.util import load_config

    pipeline = load_config(base / "config.cfg", interpolate=False)["nlp"]["pipeline"]
    return "trainable_lemmatizer" if "trainable_lemmatizer" in pipeline else "lemmatizer"


def _assemble(out: Path, ship: bool) -> None:
    from warta.nlp.pipeline import MODEL_NAME, model_path
    from warta.train.assemble import assemble
    from warta.train.convert import training_files
    from warta.train.corpus_ner import training_file as corpus_file

    target = out / MODEL_NAME
    for step in ("news_corpus", "news_ft", "news"):  # the last step that ran
        trained = out / step / "model-best"
        if trained.exists():
            break
    files = training_files() + ([corpus_file()] if step == "news_corpus" else [])
    meta = {"warta_trained_on": files}
    assemble(trained, target, meta=meta)
    shipped = None
    if ship:
        shipped = model_path()
        assemble(trained, shipped, meta=meta)
    click.echo(json.dumps({"step": "assemble", "model": str(target),
                           "shipped": str(shipped) if shipped else None}))


data_option = click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path),
                           default=Path("../shared/data"), show_default=True,
                           help="Folder of staged corpora (shared/data).")
out_option = click.option("--out", type=DirPath, required=True, help="Work folder for this run.")
steps_option = click.option("--max-steps", type=int, default=None,
                            help="Override training.max_steps of the config (tests, quick runs).")
seed_option = click.option("--seed", type=int, default=None,
                           help="Override the config's seed (default: the config's 20240501).")
gazetteer_option = click.option(
    "--gazetteer-features/--no-gazetteer-features", default=False, show_default=True,
    help="Give the shared tok2vec warta's gazetteer bits as extra input (measured and not "
         "shipped: no gain on idner-news-2k or NER-UGM dev, LAS 0.7-1.4 lower; see the model "
         "card). news and pretrain must agree on it.")
width_option = click.option(
    "--width", type=click.IntRange(min=8), default=None,
    help="Width of the shared tok2vec (embed, encoder and every listener; default: "
         "configs/news.cfg's 96, the shipped model's). news and pretrain must agree on it; "
         "news-ft keeps the width of the model it tunes.")
ship_option = click.option("--ship/--no-ship", default=False, show_default=True,
                           help="Also replace the model shipped inside the package.")


@train.group(name="nlp", invoke_without_command=True)
@click.option("--data", type=click.Path(file_okay=False, path_type=Path),
              default=Path("../shared/data"), show_default=True,
              help="Folder of staged corpora (shared/data); checked when every step runs.")
@click.option("--out", type=DirPath, default=None, help="Work folder for this run.")
@steps_option
@seed_option
@gazetteer_option
@width_option
@ship_option
@progress_option
@click.pass_context
def nlp(ctx: click.Context, data: Path, out: Path | None, max_steps: int | None,
        seed: int | None, gazetteer_features: bool, width: int | None, ship: bool,
        progress: bool | None) -> None:
    """Convert, train the shared pipeline, tune it, and assemble it (or run one step).

    Example:

        warta train nlp --data ../shared/data --out training/run --ship
    """
    if ctx.invoked_subcommand is not None:
        return
    if out is None:
        raise click.UsageError("--out is required")
    if not data.is_dir():  # checked here, not by click: a single step never reads it
        raise click.BadParameter(f"{data}: no such folder", param_hint="'--data'")
    steps: list[tuple[str, Callable[[], None]]] = [
        ("convert", lambda: _convert(data, out)),
        ("vectors", lambda: _vectors(data, out)),
        ("news", lambda: _train("news", out, max_steps, seed, gazetteer_features, width)),
        ("news-ft", lambda: _train("news_ft", out, max_steps, seed)),
        ("assemble", lambda: _assemble(out, ship)),
    ]
    _run_steps(steps, enabled=show_progress(progress))


def _run_steps(steps: list[tuple[str, Callable[[], None]]], *, enabled: bool) -> None:
    """Run the training steps in order under warta's one progress display (step n of N)."""
    from warta.progress import progress

    with progress("train", total=len(steps), enabled=enabled) as bar:
        for name, step in steps:
            bar.update(description=f"train {name}")
            step()
            bar.advance()


@nlp.command(name="convert")
@data_option
@out_option
@click.option("--csui-dev-share", type=click.FloatRange(0.0, 0.5), default=0.0,
              show_default=True,
              help="Hold out this share of CSUI train (whole 10-sentence chunks, seeded) as "
                   "corpus/csui-train-heldout.conllu, to estimate CSUI-convention accuracy. "
                   "The shipped model uses 0.")
def convert_cmd(data: Path, out: Path, csui_dev_share: float) -> None:
    """Convert UD, BaPOS and NER corpora into DocBins under OUT/corpus."""
    _convert(data, out, csui_dev_share)


@nlp.command(name="vectors")
@data_option
@out_option
def vectors_cmd(data: Path, out: Path) -> None:
    """Train word2vec vectors on IndoSum into OUT/vectors (needs gensim: the train extra)."""
    _vectors(data, out)


@nlp.command(name="pretrain")
@out_option
@click.option("--epochs", type=int, default=None,
              help="Override pretraining.max_epochs of configs/news.cfg (tests, quick runs).")
@gazetteer_option
@width_option
def pretrain_cmd(out: Path, epochs: int | None, gazetteer_features: bool,
                 width: int | None) -> None:
    """Pretrain the shared tok2vec on IndoSum raw text (optional; `news` then starts from it)."""
    _pretrain(out, epochs, gazetteer_features, width)


@nlp.command(name="news")
@out_option
@steps_option
@seed_option
@gazetteer_option
@width_option
def news_cmd(out: Path, max_steps: int | None, seed: int | None,
             gazetteer_features: bool, width: int | None) -> None:
    """Train tagger, morphologizer, parser, lemmatizer and NER on one tok2vec (configs/news.cfg)."""
    _train("news", out, max_steps, seed, gazetteer_features, width)


@nlp.command(name="news-ft")
@out_option
@steps_option
@seed_option
def news_ft_cmd(out: Path, max_steps: int | None, seed: int | None) -> None:
    """Tune OUT/news's model on idner-news-2k plus UD gold (configs/news_ft.cfg)."""
    _train("news_ft", out, max_steps, seed)


@nlp.command(name="news-corpus")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("../shared/data"), show_default=True,
              help="Folder of staged corpora the gold news corpus's texts are rebuilt from.")
@out_option
@click.option("--base", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None,
              help="Pipeline to tune: a model-best, an assembled pipeline, or a run folder "
                   "(its news_ft/model-best, news/model-best or id_warta_news) "
                   "[default: OUT/news_ft/model-best if it exists, else the shipped model].")
@steps_option
@seed_option
@click.option("--repeat", type=click.IntRange(1, 10), default=2, show_default=True,
              help="Copies of each corpus TRAIN article in the training data.")
@click.option("--rehearsal", type=click.FloatRange(0.0, 1.0), default=1.0, show_default=True,
              help="Share of news-ft's data (idner-news-2k + UD gold, seeded) mixed in.")
@click.option("--freeze/--no-freeze", default=True, show_default=True,
              help="Train the NER alone over the base's frozen tok2vec and UD components "
                   "(rehearsal then keeps only NER docs). Measured: --no-freeze costs 1.6-3.2 "
                   "LAS on the held-out GSD third; frozen leaves every UD score unchanged.")
@click.option("--dropout", type=click.FloatRange(0.0, 0.9), default=None,
              help="Override training.dropout of configs/news_corpus.cfg (0.1).")
@click.option("--gpe", type=click.Choice(["LOC", "missing"]), default="LOC", show_default=True,
              help="What the corpus's GPE names (countries, provinces, cities) become: LOC "
                   "entities, or missing (no supervision: idner-news-2k leaves a country that "
                   "acts unlabelled).")
@click.option("--common-words/--no-common-words", default=False, show_default=True,
              help="Capitalised words outside the gold's names that IndoSum also writes in "
                   "lower case (sentence starts, titles) are O; without: missing like any "
                   "other capitalised word (measured: fewer actors found on corpus dev).")
def news_corpus_cmd(data: Path, out: Path, base: Path | None, max_steps: int | None,
                    seed: int | None, repeat: int, rehearsal: float, freeze: bool,
                    dropout: float | None, gpe: str, common_words: bool) -> None:
    """Tune a pipeline's NER on the gold news corpus's TRAIN actors (configs/news_corpus.cfg).

    Needs OUT/corpus from `convert` (the rehearsal data). Writes OUT/news_corpus; `assemble`
    then builds from it.

    Example:

        warta train nlp news-corpus --data ../shared/data --out training/run
    """
    _news_corpus(data, out, base, max_steps, seed, repeat, rehearsal, freeze, dropout, gpe,
                 common_words)


@nlp.command(name="assemble")
@out_option
@ship_option
def assemble_cmd(out: Path, ship: bool) -> None:
    """Build OUT/id_warta_news from OUT/news_corpus, news_ft or news model-best (the first that
    exists); --ship: the package's."""
    _assemble(out, ship)




@nlp.command(name="report")
@out_option
def report_cmd(out: Path) -> None:
    """Dev scores of OUT's assembled pipeline: NER per corpus, UD on held-out GSD (JSON line)."""
    from warta.nlp.pipeline import MODEL_NAME
    from warta.train.report import ner_dev_scores, ud_dev_scores

    model = out / MODEL_NAME
    result = {"ner": ner_dev_scores(model, out / "corpus"),
              "ud": ud_dev_scores(model, out / "corpus")}
    click.echo(json.dumps(result))


@train.command(name="extract")
@click.option("--data", type=click.Path(file_okay=False, path_type=Path),
              default=Path("../shared/data"), show_default=True,
              help="Folder with the staged corpora the gold news corpus is rebuilt from.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the models (default: the shipped models/decisions/).")
@click.option("--model", "names", multiple=True,
              help="Train only this decision model (repeatable; default: all).")
@click.option("--fraction", type=click.FloatRange(0.01, 1.0), default=1.0, show_default=True,
              help="Share of the train split to fit on (learning curves).")
@seed_option
def extract_cmd(data: Path, out: Path | None, names: tuple[str, ...], fraction: float,
                seed: int | None) -> None:
    """Train the decision models of the rule stages on the gold corpus's train split.

    Prints one JSON line per model with its dev figures.

    Example:

        warta train extract --data ../shared/data
    """
    import json

    from warta.train.extract import DECISIONS, trainers

    available = trainers()
    unknown = [n for n in names if n not in available]
    if unknown:
        raise click.BadParameter(f"unknown model(s) {unknown}; known: {sorted(available)}",
                                 param_hint="--model")
    target = out or DECISIONS
    target.mkdir(parents=True, exist_ok=True)
    for name, trainer in available.items():
        if names and name not in names:
            continue
        figures = trainer.fit(data=data, out=target / trainer.filename,
                              seed=0 if seed is None else seed, fraction=fraction)
        click.echo(json.dumps({"model": name, "fraction": fraction, **figures}))
