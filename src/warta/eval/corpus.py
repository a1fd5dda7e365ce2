"""warta's gold corpus of Indonesian news: standoff annotations over the staged corpora.

The repository holds only ids, fingerprints and offsets (``eval/corpus/``); the article texts
are rebuilt at run time from ``../shared/data`` by :func:`document_text`, and an article whose
rebuilt text no longer matches its fingerprint is refused rather than scored against shifted
offsets. The annotation guidelines and the scoring rules are in ``docs/annotation.md``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

INDOSUM = ("indosum-news", "indosum-devfolds-shared.jsonl")
DETIK = ("detik-news-2025-summ", "data_berita-shared.csv")
# dev2: Detik articles drawn in s11 (scripts/sample_corpus.py --fresh), news no rule was tuned on.
SPLITS = ("train", "dev", "test", "dev2")

# Straight double quotes in IndoSum's tokens open and close in turn; the rebuilt text glues an
# opening one to the next word and a closing one to the previous, as a writer would.
_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?)\]%])")
_NO_SPACE_AFTER = re.compile(r"([(\[]) ")


@dataclass(frozen=True)
class CorpusArticle:
    """One article of the corpus: where its text comes from, its fingerprint and its split."""

    id: str
    corpus: str
    key: str
    sha256: str
    chars: int
    split: str
    annotators: tuple[str, ...] = field(default=())


class TextMismatchError(ValueError):
    """The staged text no longer matches the fingerprint the annotation was made on."""


def detokenize_sentence(tokens: list[str]) -> str:
    """A tokenised sentence as a writer would type it: no space before closing punctuation or
    after an opening bracket, straight double quotes glued to the words they enclose."""
    out: list[str] = []
    quote_open = False
    glue_next = False
    for token in tokens:
        if token == '"':
            if quote_open:
                out.append('"')
            else:
                out.append(' "' if out else '"')
                glue_next = True
            quote_open = not quote_open
            continue
        out.append(token if glue_next or not out else " " + token)
        glue_next = False
    text = "".join(out)
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text))


def indosum_text(paragraphs: list[list[list[str]]]) -> str:
    """An IndoSum article body: sentences joined by a space, paragraphs by a blank line."""
    return "\n\n".join(" ".join(detokenize_sentence(s) for s in p) for p in paragraphs)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@cache
def _indosum_index(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        rows = (json.loads(line) for line in fh if line.strip())
        return {row["id"]: row for row in rows}


@cache
def _detik_index(path: Path) -> dict[str, dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["id"]: row for row in csv.DictReader(fh)}


def source_record(corpus: str, key: str, data: Path) -> dict[str, Any]:
    """The staged row an article comes from (raises KeyError/FileNotFoundError when absent)."""
    if corpus == INDOSUM[0]:
        return _indosum_index(data / INDOSUM[0] / INDOSUM[1])[key]
    if corpus == DETIK[0]:
        return _detik_index(data / DETIK[0] / DETIK[1])[key]
    raise KeyError(f"unknown corpus {corpus!r}")


def document_text(corpus: str, key: str, data: Path) -> str:
    """The annotated text of an article, rebuilt from the staged corpus (see the guidelines)."""
    row = source_record(corpus, key, data)
    if corpus == INDOSUM[0]:
        return indosum_text(row["paragraphs"])
    return str(row["isi_berita"])


def document_meta(corpus: str, key: str, data: Path) -> dict[str, str | None]:
    """Title and publication date (ISO) as the source gives them; IndoSum has no title, and its
    id starts with the Unix time the aggregator took the article."""
    row = source_record(corpus, key, data)
    if corpus == INDOSUM[0]:
        stamp = int(key.split("-", 1)[0])
        return {"title": None, "published": datetime.fromtimestamp(stamp, UTC).date().isoformat()}
    when = datetime.strptime(row["tanggal"].strip(), "%m/%d/%Y %H:%M")
    return {"title": row["judul"].strip() or None, "published": when.isoformat(timespec="minutes")}


def corpus_dir() -> Path:
    return Path(str(resources.files("warta") / "eval" / "corpus"))


def load_articles(splits: Iterable[str] = SPLITS, *, root: Path | None = None,
                  ) -> list[CorpusArticle]:
    """The corpus's articles of the given splits, in file order."""
    wanted = set(splits)
    path = (root or corpus_dir()) / "articles.jsonl"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row["split"] in wanted:
            row["annotators"] = tuple(row.get("annotators", ()))
            out.append(CorpusArticle(**row))
    return out


def load_gold(article_id: str, *, root: Path | None = None) -> dict[str, Any] | None:
    """The adjudicated annotation of an article, or None when it has none yet."""
    path = (root or corpus_dir()) / "gold" / f"{article_id}.json"
    if not path.exists():
        return None
    gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return gold


def load_double(article_id: str, *, root: Path | None = None) -> dict[str, dict[str, Any]]:
    """The independent annotations of an agreement-set article, by annotator."""
    folder = (root or corpus_dir()) / "double"
    out = {}
    for path in sorted(folder.glob(f"{article_id}.*.json")):
        out[path.name[len(article_id) + 1:-len(".json")]] = json.loads(
            path.read_text(encoding="utf-8"))
    return out


def verified_text(article: CorpusArticle, data: Path) -> str:
    """The article's rebuilt text, refused when it differs from the annotated version."""
    text = document_text(article.corpus, article.key, data)
    if sha256(text) != article.sha256:
        raise TextMismatchError(f"{article.id}: the staged text of {article.corpus}/{article.key} "
                           "differs from the annotated version")
    return text


def split_digest(split: str, *, root: Path | None = None) -> str:
    """A digest of one split's content: its article list and every gold file, in id order.

    The test split is pinned by this digest (``test.sha256``): a change to its articles or
    their gold shows up as a digest change in the same commit.
    """
    base = root or corpus_dir()
    h = hashlib.sha256()
    for art in sorted(load_articles([split], root=base), key=lambda a: a.id):
        h.update(f"{art.id}\t{art.corpus}\t{art.key}\t{art.sha256}\n".encode())
        gold = base / "gold" / f"{art.id}.json"
        h.update(gold.read_bytes() if gold.exists() else b"-")
    return h.hexdigest()


Scored = tuple[CorpusArticle, str | None, dict[str, Any] | None, str | None]


def iter_documents(splits: Iterable[str], data: Path, *, root: Path | None = None,
                   ) -> Iterator[Scored]:
    """(article, text, gold, why not) for each annotated article of the splits; ``why not`` is
    set, and text None, when the staged data is absent or changed."""
    for art in load_articles(splits, root=root):
        gold = load_gold(art.id, root=root)
        if gold is None:
            continue
        try:
            yield art, verified_text(art, data), gold, None
        except (OSError, KeyError, TextMismatchError) as e:
            yield art, None, gold, str(e)
