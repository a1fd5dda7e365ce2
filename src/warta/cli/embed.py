"""`warta embed`: give the articles of a store that have no vectors their embeddings.

For a store ingested with ``[embed] enabled = false`` (or by a warta before the embed stage):
the same vectors the stage would have made (``warta.nlp.embed.embed_articles``), written with
the record's ``embedding`` field through the store's write path, one article per transaction.
Articles that have vectors are skipped, so running it again adds nothing and an interrupted run
is continued by running it again.
"""

from __future__ import annotations

import sys
import time

import click

from warta.cli.options import config_option, db_option, progress_option, show_progress
from warta.errors import WartaError

BATCH = 32  # articles per engine call


@click.command()
@db_option
@config_option
@click.option("--again", is_flag=True,
              help="Embed every article again (after changing the [embed] settings or model).")
@progress_option
def embed(db_path: str, config_path: str | None, again: bool, progress: bool | None) -> None:
    """Add the vectors search by meaning needs to articles stored without them (idempotent).

    Uses the [embed] settings (model, paragraphs, max_tokens) as ingest would. Exit status: 0
    fine, 2 usage or store error, 130 interrupted (run it again to continue).

    Example:

        warta embed --db warta.db
    """
    from warta.nlp.embed import STAGE, VERSION, embed_articles
    from warta.nlp.encoder import load_encoder
    from warta.progress import progress as progress_bar
    from warta.record import embedding_field
    from warta.settings import load_settings
    from warta.store import queries, write
    from warta.store.db import connect

    started, done = time.perf_counter(), 0
    try:
        settings = load_settings(config_path).embed
        conn = connect(db_path)
        encoder = load_encoder(settings.model, settings.threads)
        todo = queries.articles_to_embed(conn, model=None if again else encoder.name)
        stage = {"name": STAGE, "version": VERSION, "status": "ok"}
        with progress_bar("embed", total=len(todo), enabled=show_progress(progress)) as bar:
            for start in range(0, len(todo), BATCH):
                batch = todo[start:start + BATCH]
                found = embed_articles(
                    encoder, [(a["title"], a["text"]) for a in batch],
                    paragraphs=settings.paragraphs, max_tokens=settings.max_tokens,
                    min_paragraph_chars=settings.min_paragraph_chars)
                for article, embedding in zip(batch, found, strict=True):
                    write.save_embedding(conn, article["id"], embedding_field(embedding), stage)
                done += len(batch)
                bar.update(completed=done)
    except KeyboardInterrupt:
        click.echo(f"{done} articles embedded; interrupted: run the same command again to "
                   "continue", err=True)
        sys.exit(130)
    except WartaError as e:
        click.echo(f"warta: {e}", err=True)
        sys.exit(2)
    elapsed = max(time.perf_counter() - started, 1e-9)
    click.echo(f"{done} articles embedded in {elapsed:.1f} s ({done / elapsed:.1f} articles/s)",
               err=True)
