"""Sentence-boundary repair after the parser, for the quote and dateline patterns of news.

The parser splits sentences, but with little training data it sometimes opens a sentence at a
closing quote, at the final period itself ("... ujarnya." + "”") or at the comma of a dateline
("JAKARTA" + ", KOMPAS.com - ..."), and sometimes runs on past a quotation that ends a sentence
(``"Kami siap." Ia lalu pergi.``, questions). This stage runs after the parser and edits heads
so that ``doc.sents`` follows: after a lone end mark (``.``, ``?``, ``!``; closing quotes may
follow) and a capitalised word the tree is cut in two; a fragment that cannot start a sentence
is attached to the previous sentence's root (merge).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from warta.nlp.extensions import factory_name, token_texts

STAGE = "sentence_fix"
VERSION = "1"
FACTORY = factory_name(STAGE, VERSION)

# Never sentence-initial: sentence-final and clause punctuation, closing quotes and brackets,
# and the dash of a dateline.
NEVER_START = frozenset(
    {".", ",", ";", ":", "?", "!", "...", "…", ")", "]", "}", "”", "’", "»", "-", "–", "—"}
)
STRAIGHT_QUOTES = frozenset({'"', "'"})
SENTENCE_END = frozenset({".", "?", "!", "...", "…"})
CLOSING_QUOTES = frozenset({"”", "’", "»"})


def _closing_quotes(texts: list[str]) -> set[int]:
    """Indices of straight quotes that close a quotation (the 2nd, 4th ... of their kind)."""
    closing, open_ = set(), dict.fromkeys(STRAIGHT_QUOTES, False)
    for i, text in enumerate(texts):
        if text in STRAIGHT_QUOTES:
            if open_[text]:
                closing.add(i)
            open_[text] = not open_[text]
    return closing


def _cannot_start(token: Token, closing: set[int]) -> bool:
    return token.text in NEVER_START or token.i in closing or _lower_mid_sentence(token)


def _lower_mid_sentence(token: Token) -> bool:
    """A lower-case word right after a non-final word ("Amerika Serikat | dan Inggris …")
    continues the sentence: news sentences start capitalised, and the parser's false starts
    at conjunctions are its most common sentence error."""
    if not token.text[:1].islower() or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return not (before.is_space or "\n" in before.whitespace_ or before.text in SENTENCE_END
                or before.text in CLOSING_QUOTES or before.text in STRAIGHT_QUOTES)


def _subtree_size(token: Token) -> int:
    return token.right_edge.i - token.left_edge.i + 1


def _reroot(tokens: list[Token], start: int, end: int) -> None:
    """Make tokens[start:end] one tree: its largest dangling subtree becomes its root."""
    part = tokens[start:end]
    dangling = [t for t in part if not start <= t.head.i < end or t.head.i == t.i]
    root = max(dangling, key=_subtree_size)
    for token in dangling:
        if token is not root:
            token.head = root
    root.head = root
    root.dep_ = "ROOT"


def _boundary_after(texts: list[str], i: int, closing: set[int]) -> int | None:
    """Index of the token that must open a sentence after the end mark at ``i``, if any.

    An end mark (. ? ! ...) that is its own token, optionally followed by closing quotes or
    brackets, then a capitalised word, ends the sentence: abbreviations keep their period
    inside the token, so a lone period is a sentence end, except after a one- or two-letter
    title-case token (an unlisted abbreviation such as "Tb .").
    """
    if texts[i] not in SENTENCE_END or i == 0:
        return None
    before = texts[i - 1]
    if texts[i] == "." and len(before) <= 2 and before.istitle():
        return None
    j = i + 1
    while j < len(texts) and (texts[j] in CLOSING_QUOTES or j in closing
                              or texts[j] in (")", "]")):
        j += 1
    if j < len(texts) and texts[j][:1].isupper():
        return j
    return None


def _split_at_sentence_ends(doc: Doc, closing: set[int]) -> None:
    """Cut the tree wherever ``_boundary_after`` finds a sentence start the parser missed."""
    tokens: list[Token] = []  # made the first time a tree is cut (most Docs need none)
    texts = token_texts(doc)
    for i in range(len(doc) - 1):
        j = _boundary_after(texts, i, closing) if texts[i] in SENTENCE_END else None
        if j is None or doc[j].is_sent_start:
            continue
        tokens = tokens or list(doc)
        sent = doc[j].sent
        _reroot(tokens, sent.start, j)
        _reroot(tokens, j, sent.end)


def fix_sentences(doc: Doc) -> Doc:
    """Split after quoted sentence ends, then merge fragments that cannot begin a sentence."""
    if not doc.has_annotation("DEP"):
        return doc
    closing = _closing_quotes(token_texts(doc))
    _split_at_sentence_ends(doc, closing)
    sents: list[Span] = list(doc.sents)
    previous_root = sents[0].root if sents else None
    for sent in sents[1:]:
        root = sent.root
        if previous_root is not None and _cannot_start(sent[0], closing):
            root.dep_ = "punct" if root.is_punct else "parataxis"
            root.head = previous_root
            continue
        previous_root = root
    return doc


@Language.factory(FACTORY, assigns=["token.head", "token.dep"], requires=["token.dep"])
def create_sentence_fix(nlp: Language, name: str) -> SentenceFix:
    return SentenceFix()


class SentenceFix:
    """Pipeline stage wrapping ``fix_sentences`` (no state, nothing to serialise)."""

    def __call__(self, doc: Doc) -> Doc:
        return fix_sentences(doc)
