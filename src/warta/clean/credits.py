"""Bylines and credits → ``Byline(authors, agencies)``.

Forms read (see ``patterns``): a closing credit "MSc (AFP, AP)"; a bracketed "(ant/rdn)" or
"[eko]" alone or closing the last paragraph; an agency's desk codes "(T.E006/A058)" (dropped);
"Artikel ini ditulis oleh …" at the end; an opinion piece's note on its writer "*) Rina Sari,
dosen …" and its disclaimer "Tulisan ini merupakan opini pribadi penulis …"; "Oleh Siti
Rahmawati"; "Penulis: …", "Reporter: …", "Editor: …"; "Sumber: ANTARA". Codes in
``patterns.AGENCIES`` become agencies (``ant`` is ANTARA's code); every other initials code is a
person (writer or editor) and goes to ``authors`` as written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from warta.clean import patterns
from warta.types import Byline

# Credits sit in the first or last few paragraphs; never look deeper into the body.
HEAD_PARAGRAPHS = 2
TAIL_PARAGRAPHS = 4


@dataclass
class _Credits:
    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)

    def author(self, name: str) -> None:
        name = patterns.NAME_LABEL.sub("", name.strip(" ."))
        if name and name.casefold() not in {a.casefold() for a in self.authors}:
            self.authors.append(name)

    def agency(self, name: str) -> None:
        name = patterns.AGENCIES.get(name.strip(" .").lower(), name.strip(" ."))
        if name and name not in self.agencies:
            self.agencies.append(name)

    def code(self, token: str, *, inside: bool) -> None:
        """A credit token: agency code, initials (a person), or (inside brackets) an outlet."""
        token = token.strip(" .")
        if not token:
            return
        known = token.lower() in patterns.AGENCIES
        outlet = inside and not (token.islower() and len(token) <= 5)
        if known or outlet:
            self.agency(token)
        else:
            self.author(token)

    def byline(self) -> Byline:
        return Byline(tuple(self.authors), tuple(self.agencies))


def _split(names: str) -> list[str]:
    return [n for n in patterns.NAME_SPLIT.split(names) if n.strip()]


def _read_credit(para: str, credits: _Credits, *, at_end: bool) -> bool:
    """Record the credit ``para`` holds; False when it is not a credit paragraph."""
    if m := patterns.CREDIT_LABEL.match(para):
        for name in _split(m["names"]):
            credits.author(name)
        return True
    if m := patterns.REPORTED_BY.match(para):
        for name in _split(m["names"]):
            credits.author(name)
        return True
    if m := patterns.OLEH.match(para):
        for name in _split(m["names"]):
            credits.author(name)
        return True
    if not at_end:
        return False
    if m := patterns.WRITTEN_BY.match(para):
        for name in _split(m["names"]):
            credits.author(name)
        return True
    if m := patterns.AUTHOR_NOTE.match(para):
        credits.author(m["names"])
        return True
    if patterns.AUTHOR_NOTE_UNNAMED.match(para) or patterns.OPINION_DISCLAIMER.match(para):
        return True  # about the writer or the outlet, no name
    if m := patterns.SOURCE_LABEL.match(para):
        for name in _split(m["names"]):
            credits.agency(name)
        return True
    if m := patterns.CLOSING_CREDIT.match(para):
        for token in _split(m["who"]):
            credits.code(token, inside=False)
        for token in _split(m["inside"]):
            credits.code(token, inside=True)
        return True
    if patterns.STAFF_CODES.match(para):
        return True  # desk codes, no name
    if m := patterns.BRACKET_CREDIT.match(para):
        for token in _split(m["inside"]):
            credits.code(token, inside=True)
        return True
    return False


def _labelled_parts(para: str) -> list[str]:
    """"Penulis: A | Editor: B" holds two credits."""
    parts = [p.strip() for p in para.split("|")]
    return parts if len(parts) > 1 and all(patterns.CREDIT_LABEL.match(p) for p in parts) \
        else [para]


def _is_credit(para: str, credits: _Credits, *, at_end: bool) -> bool:
    parts = _labelled_parts(para)
    if len(parts) > 1:
        return all(_read_credit(p, credits, at_end=at_end) for p in parts)
    return _read_credit(para, credits, at_end=at_end)


def take_credits(paras: list[str], known_authors: list[str]) -> tuple[list[str], Byline]:
    """The paragraphs without their credit lines, and the byline those lines (and the page's
    metadata authors) give."""
    credits = _Credits()
    for name in known_authors:
        for part in _split(name):
            credits.author(part)
    paras = list(paras)
    head = 0
    while head < min(HEAD_PARAGRAPHS, len(paras)) and _is_credit(paras[head], credits,
                                                                 at_end=False):
        head += 1
    paras = paras[head:]
    tail = 0
    while tail < min(TAIL_PARAGRAPHS, len(paras)) and _is_credit(paras[-1 - tail], _Credits(),
                                                                 at_end=True):
        tail += 1
    for para in paras[len(paras) - tail:]:  # read again in document order: writer, then editor
        _is_credit(para, credits, at_end=True)
    paras = paras[: len(paras) - tail]
    if paras and (m := patterns.TRAILING_STAFF_CODES.search(paras[-1])):
        paras[-1] = paras[-1][: m.start()].rstrip()
    if paras and (m := patterns.TRAILING_CREDIT.search(paras[-1])
                  or patterns.TRAILING_INITIALS.search(paras[-1])):
        for token in _split(m["inside"]):
            credits.code(token, inside=True)
        paras[-1] = paras[-1][: m.start()].rstrip()
    return [p for p in paras if p], credits.byline()
