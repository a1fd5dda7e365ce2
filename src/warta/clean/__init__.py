"""Cleaning: ``RawArticle`` → ``Article`` (boilerplate removed, glued words parted, byline,
dateline, normalised text).

Indonesian-aware and applied after trafilatura too. Every edit happens here, before any offset
exists: the cleaned ``Article.text`` is what every offset in the record points into.

    >>> from warta.types import RawArticle, Source
    >>> raw = RawArticle(Source(None, "text"), "Jakarta - Hujan turun.\\n\\nBaca juga: Banjir\\n")
    >>> article = clean_article(raw)
    >>> article.text, article.dateline.place
    ('Hujan turun.', 'Jakarta')
"""

from __future__ import annotations

from warta.clean.boilerplate import strip_boilerplate, trim_edges
from warta.clean.credits import take_credits
from warta.clean.dateline import split_dateline, take_date_line, take_dateline
from warta.clean.glue import unglue
from warta.clean.normalize import join, normalize, normalize_line, paragraphs
from warta.errors import Errors, InputError
from warta.ingest.text import looks_like_headline
from warta.types import Article, Byline, RawArticle, Source

__all__ = ["clean_article", "clean_title"]

# Formats whose text may still carry a page's menus and footers (extracted without trafilatura).
WEB_TEXT_FORMATS = ("text", "wet")


def clean_title(title: str | None, source: Source) -> str | None:
    """A one-line title without the site name appended to it ("… - Warta Kita")."""
    if not title:
        return None
    title = normalize_line(title)
    site = source.site_name
    if site:
        for sep in (" - ", " | ", " – ", " — ", " :: "):
            if title.endswith(f"{sep}{site}") and len(title) > len(sep) + len(site):
                title = title[: -len(sep) - len(site)].rstrip()
    return title or None


def _drop_title_line(paras: list[str], title: str | None) -> list[str]:
    """trafilatura (and some feeds) repeat the headline as the first line of the body."""
    if title and paras and paras[0].casefold() == title.casefold():
        return paras[1:]
    return paras


def _headline(paras: list[str]) -> tuple[str | None, list[str]]:
    """In web-extracted text the headline shows once the menus are gone: take it as the title."""
    if len(paras) >= 2 and looks_like_headline(paras[0]) and split_dateline(paras[0])[0] is None:
        return paras[0], paras[1:]
    return None, paras


def _web_text(paras: list[str], title: str | None) -> tuple[list[str], str | None, str | None]:
    """Page chrome of web-extracted text: (paragraphs, title, published date) once it is gone."""
    paras = trim_edges(paras)
    paras, published = take_date_line(paras)  # before the headline: a date line looks like one
    if title is None:
        title, paras = _headline(paras)
    return paras, title, published


def clean_article(raw: RawArticle) -> Article:
    """Clean one article: normalise, drop boilerplate, take byline and dateline out of the body.

    Raises InputError (E008) when nothing is left: an input of boilerplate only is no article.
    """
    title = clean_title(raw.title, raw.source)
    paras = _drop_title_line(paragraphs(normalize(raw.text)), title)
    paras = [unglue(p) for p in strip_boilerplate(paras)]
    paras, byline = take_credits(paras, raw.authors)
    published = raw.published
    if raw.source.format in WEB_TEXT_FORMATS:
        paras, title, found = _web_text(paras, title)
        published = published or found
        paras, more = take_credits(paras, [])  # credits the menus and footers hid
        byline = Byline(_merge(byline.authors, more.authors),
                        _merge(byline.agencies, more.agencies))
    paras, dateline = take_dateline(paras)
    text = join(paras)
    if not text:
        where = raw.source.path or raw.source.url or "-"
        if raw.source.record is not None:
            where = f"{where} record {raw.source.record}"
        raise InputError(Errors.E008.format(path=where, reason="nothing left after cleaning"),
                         path=raw.source.path or "-")
    return Article(source=raw.source, text=text, title=title, published=published,
                   byline=byline, dateline=dateline)


def _merge(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*first, *second)))
