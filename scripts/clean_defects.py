"""Count the defects scraped text keeps after ``warta.clean``: glued words, page leftovers, quotes.

Cleans each article as ``warta eval`` does (a plain-text article with its source's title) and
counts, in the cleaned text, what a page's markup or chrome left behind:

- glued words: a detik section's name glued to a word ("kepadadetikcom", "detikJatengdi"), a
  cited outlet's ("dilansirAFP"), a function word glued to a capital ("diMuseum"), a bracket
  ("Jumat(17/10)"), a quote mark ('besar,"ujarnya'), a legal connective ("(1)junctoPasal"),
  and, as a rough residue, every token with a capital after two lower-case letters ("webOS" and
  other brand names included);
- page leftovers: scroll and advertisement markers, read/watch-also prompts, a newsroom's own
  TV promotions, separator lines, photo captions, credit lines, closing staff codes ("(asa)",
  "[eko]", "(T.E006/A058)");
- quotes: paragraphs with an odd number of straight double quotes (a quote running on into
  the next paragraph is one, so this is an upper bound of broken ones).

Sets: the unannotated Detik 2025 articles (``detik``: the staged file less every article of
the gold corpus's test split) and the gold corpus's train, dev and dev2 splits (never test).

    python scripts/clean_defects.py [--data ../shared/data] [--show KIND]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from warta.clean import clean_article
from warta.errors import InputError
from warta.eval.corpus import DETIK, document_meta, document_text, load_articles
from warta.nlp.lang.id import news_page
from warta.types import RawArticle, Source

SPLITS = ("train", "dev", "dev2")  # never test

_DETIK = "|".join(sorted(news_page.DETIK_SECTIONS, key=len, reverse=True))
_OUTLETS = "|".join(sorted(news_page.CITED_OUTLETS, key=len, reverse=True))
_CUES = "|".join(sorted(news_page.GLUE_CUES, key=len, reverse=True))

GLUED: dict[str, re.Pattern[str]] = {
    "glued detik name": re.compile(rf"[^\W\d_]detik(?:com|[A-Z])|detik(?>{_DETIK})[^\W\d_]"),
    "glued cited outlet": re.compile(rf"[a-z]{{2}}(?:{_OUTLETS})(?![a-z])|"
                                     rf"(?<![A-Z])(?:{_OUTLETS})(?:{_CUES})\b"),
    "glued function word": re.compile(rf"(?<![\w#@/.-])(?:{_CUES})(?!(?:Nya|Mu|Ku)\b)[A-Z]"),
    "glued bracket": re.compile(r"[^\W\d_]{2}\([A-Z0-9]"),
    "glued quote mark": re.compile(r"[.,!?:;][\"“”][A-Za-z]|[A-Za-z][\"“”][A-Za-z]"),
    "glued juncto": re.compile(r"\Sjuncto|juncto[^\W_]"),
    "camel token (residue)": re.compile(
        rf"(?<![\w#@/.-])(?!detik(?>{_DETIK})\b)[a-z]{{2,}}[A-Z]\w*"),
}
LEFTOVER: dict[str, re.Pattern[str]] = {
    "scroll/advert marker": re.compile(r"SCROLL TO|ADVERTISEMENT", re.I),
    "read/watch-also prompt": re.compile(
        r"^\W*(baca|simak|tonton|lihat|saksikan)( juga)?\s+(video|live|\"|'|berita|artikel)",
        re.I),
    "newsroom TV promotion": re.compile(r"detik ?(pagi|sore)\b", re.I),
    "separator line": re.compile(r"^[-–—_*=~•·]{3,}$"),
    "photo caption": re.compile(r"^\(?(foto|video|ilustrasi)\s*[:/]", re.I),
    "credit line": re.compile(r"^(penulis|editor|reporter|redaktur)\s*:|\bditulis oleh\b", re.I),
    "closing staff code": re.compile(
        r"(^|[.!?\"”’]\s*)[(\[]([a-z]{2,5}|[^()]*\b[A-Z]{1,2}\d{3}\b[^()]*)[)\]][\d\s:/-]{0,25}$"),
}


def detik_articles(data: Path) -> Iterator[tuple[str, str, str | None]]:
    """(key, text, title) of each staged Detik article outside the gold corpus's test split."""
    test = {a.key for a in load_articles(["test"]) if a.corpus == DETIK[0]}
    csv.field_size_limit(sys.maxsize)
    with (data / DETIK[0] / DETIK[1]).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["id"] not in test:
                yield row["id"], row["isi_berita"], row["judul"].strip() or None


def corpus_articles(split: str, data: Path) -> Iterator[tuple[str, str, str | None]]:
    for art in load_articles([split]):
        try:
            text = document_text(art.corpus, art.key, data)
        except (OSError, KeyError):
            continue
        yield art.id, text, document_meta(art.corpus, art.key, data)["title"]


def cleaned(key: str, text: str, title: str | None) -> str | None:
    raw = RawArticle(Source(path=key, format="text", native_id=key), text, title=title)
    try:
        return clean_article(raw).text
    except InputError:
        return None


def count(articles: Iterator[tuple[str, str, str | None]], show: str | None,
          ) -> tuple[int, Counter[str], Counter[str]]:
    """(articles, occurrences per kind, articles per kind)."""
    hits: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    n = 0
    for key, text, title in articles:
        clean = cleaned(key, text, title)
        if clean is None:
            continue
        n += 1
        paras = clean.split("\n\n")
        found: Counter[str] = Counter()
        for kind, pattern in GLUED.items():
            for m in pattern.finditer(clean):
                found[kind] += 1
                if kind == show:
                    print(f"  {key}: …{clean[max(0, m.start() - 30):m.end() + 30]!r}…")
        for para in paras:
            for kind, pattern in LEFTOVER.items():
                if pattern.search(para):
                    found[kind] += 1
                    if kind == show:
                        print(f"  {key}: {para[:120]!r}")
            if para.count('"') % 2:
                found["odd quote marks (paragraphs)"] += 1
                if show == "odd quote marks (paragraphs)":
                    print(f"  {key}: {para[:120]!r}")
        hits.update(found)
        docs.update(found.keys())
    return n, hits, docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--show", help="print the matches of one kind")
    args = parser.parse_args()
    sets = {"detik": detik_articles(args.data)}
    sets.update({s: corpus_articles(s, args.data) for s in SPLITS})
    results = {name: count(arts, args.show) for name, arts in sets.items()}
    kinds = [*GLUED, *LEFTOVER, "odd quote marks (paragraphs)"]
    print(f"{'kind':32}" + "".join(f"{f'{name} ({results[name][0]})':>18}" for name in results))
    for kind in kinds:
        cells = "".join(f"{f'{r[1][kind]} in {r[2][kind]}':>18}" for r in results.values())
        print(f"{kind:32}{cells}")


if __name__ == "__main__":
    main()
