"""Drop what is not article content: comment forms, "Baca juga" links, share prompts, ads,
copyright and photo-credit lines, and web navigation (as in CommonCrawl WET text)."""

from __future__ import annotations

from warta.clean import patterns
from warta.nlp.lang.id import news_page

# A "short" paragraph in a run of navigation or footer lines, and how long such a run must be.
SHORT_WORDS = 4
EDGE_RUN = 3
# A related-articles heading is followed by at most this many link titles.
RELATED_MAX_LINKS = 8
_SENTENCE_END = (".", "!", "?", "\"", "”", "’", ":")


def strip_inline(paragraph: str) -> str:
    """Remove scraping leftovers that sit inside a paragraph."""
    removed = 0
    for pattern in patterns.INLINE:
        paragraph, n = pattern.subn(" ", paragraph)
        removed += n
    if not removed:
        return paragraph
    return patterns.SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(paragraph.split()))


def is_boilerplate(paragraph: str) -> bool:
    """A whole paragraph that is never article content."""
    lowered = paragraph.lower().strip(" :|-–—•·")
    if lowered in news_page.NAVIGATION:
        return True
    if _is_menu(paragraph) or patterns.COMMENT_SECTION.match(paragraph):
        return True
    return any(p.match(paragraph) for p in patterns.BOILERPLATE)


def _is_menu(paragraph: str) -> bool:
    """"Home » Nasional » Hukum", "Beranda | Berita | Kontak": items between separators."""
    separators = patterns.MENU_SEPARATORS.findall(paragraph)
    if len(separators) < patterns.MENU_MIN_SEPARATORS:
        return False
    items = patterns.MENU_SEPARATORS.split(paragraph)
    return all(len(i.split()) <= patterns.MENU_MAX_WORDS_PER_ITEM for i in items)


def cut_comments(paras: list[str]) -> list[str]:
    """Everything from the start of a comment section on is not the article."""
    for i, para in enumerate(paras):
        if i > 0 and patterns.COMMENT_SECTION.match(para):
            return paras[:i]
    return paras


def _is_short(paragraph: str) -> bool:
    """A menu-like line: a few words, no digits (list items are numbered), no sentence end."""
    return (len(paragraph.split()) <= SHORT_WORDS and not paragraph.endswith(_SENTENCE_END)
            and not any(ch.isdigit() for ch in paragraph))


def _is_link_title(paragraph: str) -> bool:
    return len(paragraph.split()) <= 20 and not paragraph.endswith((".", ":"))


def drop_related(paras: list[str]) -> list[str]:
    """A "Baca Juga" / "Berita Terkait" heading alone on its line takes its link titles along."""
    out: list[str] = []
    skipping = 0
    for para in paras:
        if skipping and _is_link_title(para):
            skipping -= 1
            continue
        skipping = 0
        if para.lower().rstrip(" :") in news_page.RELATED_HEADINGS:
            skipping = RELATED_MAX_LINKS
            continue
        out.append(para)
    return out


def trim_edges(paras: list[str]) -> list[str]:
    """Drop runs of ``EDGE_RUN`` or more menu-like lines at the start and end of web-extracted
    text (menus, footers). Only for plain text and WET: other formats carry no page chrome."""
    start = 0
    while start < len(paras) and _is_short(paras[start]):
        start += 1
    if start < EDGE_RUN:
        start = 0
    end = len(paras)
    while end > start and _is_short(paras[end - 1]):
        end -= 1
    if len(paras) - end < EDGE_RUN:
        end = len(paras)
    return paras[start:end]


def strip_boilerplate(paras: list[str]) -> list[str]:
    """The paragraphs that are article content, in order."""
    paras = cut_comments(paras)
    paras = drop_related(paras)
    kept = []
    for para in paras:
        if is_boilerplate(para):
            continue
        para = strip_inline(para)
        if para and not is_boilerplate(para):
            kept.append(para)
    return kept
