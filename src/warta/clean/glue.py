"""Put back the spaces a scraped page lost at the edges of its links and italics.

A news page marks an outlet's name, a cited source or a foreign word with a link or italics; a
scraper that joins the page's text nodes drops the spaces around them ("ujar Budi
kepadadetikcom", "Pantauandetikcomdi lokasi", "dilansirAFP", "Jumat(17/10)"). Such a word is one
junk token to the tokenizer: a junk actor, a lost date, a broken sentence. A seam is put back
only where it is certain: at a name that is part of no word (``news_page.DETIK_SECTIONS``,
``CITED_OUTLETS``, ``LEGAL_CONNECTIVES``), after a function word before a capital letter
(``GLUE_CUES``; no Indonesian word has a capital inside it), before a bracket that opens an
acronym or a number, and at a quote mark whose side the marks around it settle. Words such as
"detikan", "sedetik", "detikers" or brand names ("webOS", "idAAA", "microSD") stay whole.

    >>> unglue('"Sudah selesai,"ujarnya kepadadetikcom, Jumat(17/10).')
    '"Sudah selesai," ujarnya kepada detikcom, Jumat (17/10).'
"""

from __future__ import annotations

import re

from warta.clean import patterns

_STRAIGHT = '"'
_CURLY = "“”„"
# What an opening mark may follow without a space ("(", "[", "/", or a space already); a
# closing one gets a space only before a letter or a digit.
_OPEN_AFTER = frozenset("([/ ")
_INSIDE = re.compile(r"\S")


def unglue(paragraph: str) -> str:
    """The paragraph with the seams its page's markup lost put back as spaces."""
    paragraph = patterns.GLUED_BEFORE_DETIK.sub(" ", paragraph)
    paragraph = patterns.GLUED_AFTER_DETIK.sub(r"\g<name> ", paragraph)
    paragraph = patterns.GLUED_AFTER_OUTLET.sub(r"\g<name> ", paragraph)
    paragraph = patterns.GLUED_BEFORE_OUTLET.sub(" ", paragraph)
    paragraph = patterns.GLUED_CUE.sub(r"\g<cue> ", paragraph)
    paragraph = patterns.GLUED_CUE_WORD.sub(r"\g<cue> ", paragraph)
    paragraph = patterns.GLUED_LEGAL_BEFORE.sub(" ", paragraph)
    paragraph = patterns.GLUED_LEGAL_AFTER.sub(r"\g<name> ", paragraph)
    paragraph = patterns.GLUED_BRACKET.sub(" (", paragraph)
    paragraph = patterns.GLUED_CURLY_OPEN.sub(" “", paragraph)
    paragraph = patterns.GLUED_CURLY_CLOSE.sub("” ", paragraph)
    return _space_straight_quotes(paragraph)


def _space_straight_quotes(paragraph: str) -> str:
    """Straight double quotes pair up within a paragraph: the first of each pair opens, the
    second closes. A mark glued on its outer side gets its space back ('kata dia."Kami' →
    'kata dia. "Kami', 'besar,"ujarnya' → 'besar," ujarnya'). Only in a paragraph whose marks
    all agree with that reading, each with text on its inner side, and no curly double mark;
    otherwise (an odd count: a quote running on into the next paragraph; an inch mark; a
    straight mark closing a curly one, as IndoSum's text has) the side is not certain."""
    marks = [i for i, ch in enumerate(paragraph) if ch == _STRAIGHT]
    if not marks or len(marks) % 2 or any(ch in paragraph for ch in _CURLY):
        return paragraph
    size = len(paragraph)
    for n, i in enumerate(marks):
        inner = i + 1 if n % 2 == 0 else i - 1
        if not 0 <= inner < size or not _INSIDE.match(paragraph[inner]):
            return paragraph
    out: list[str] = []
    last = 0
    for n, i in enumerate(marks):
        if n % 2 == 0 and i > 0 and paragraph[i - 1] not in _OPEN_AFTER:
            out.append(paragraph[last:i])
            out.append(" ")
            last = i
        elif n % 2 == 1 and i + 1 < size and paragraph[i + 1].isalnum():
            out.append(paragraph[last:i + 1])
            out.append(" ")
            last = i + 1
    out.append(paragraph[last:])
    return "".join(out)
