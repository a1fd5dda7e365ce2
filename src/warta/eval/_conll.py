"""Readers for the column formats of the Indonesian corpora (CoNLL-U and NER token-per-line).

Training (``warta.train``) and evaluation (``warta.eval``) read through the same functions, so a
label mapping or a tokenization convention cannot drift between what is learned and what is scored.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# Corpus NER label → warta label. GPE is not learned: the gazetteer stage derives it from LOC.
NER_LABELS: dict[str, str] = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "PPL": "PERSON",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "IND": "ORG",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "PLACE": "LOC",
    "PLC": "LOC",
    "GPE": "LOC",
}
# Types without a counterpart in the other corpora (TIME, QUANTITY, EVT, FNB) map to O.


@dataclass(frozen=True)
class UDWord:
    """One syntactic word of a CoNLL-U sentence."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 0 = root, else 1-based index of the head word
    deprel: str
    space_after: bool


@dataclass
class UDSentence:
    """A CoNLL-U sentence: its raw text and its syntactic words with their surface offsets."""

    text: str
    words: list[UDWord] = field(default_factory=list)
    # (start, end) character offsets of each word in ``text``; None where a multiword token's
    # parts cannot be located in its surface form.
    offsets: list[tuple[int, int] | None] = field(default_factory=list)


@dataclass(frozen=True)
class NERSentence:
    """A sentence of a token-per-line NER corpus with its entity spans in token offsets."""

    words: tuple[str, ...]
    spans: tuple[tuple[int, int, str], ...]  # (start, end exclusive, warta label)
    io: bool = False  # the file is IO-tagged: adjacent entities of one type are one span


def map_ner_label(label: str) -> str | None:
    """The warta label of a corpus entity type, or None for types warta does not learn."""
    return NER_LABELS.get(label.upper())


def _mwt_offsets(surface: str, forms: list[str], start: int) -> list[tuple[int, int] | None]:
    """Locate each part of a multiword token (e.g. menyetujuinya = menyetujui + nya) in its form."""
    if "".join(forms).lower() != surface.lower():
        return [None] * len(forms)
    found: list[tuple[int, int] | None] = []
    pos = start
    for form in forms:
        found.append((pos, pos + len(form)))
        pos += len(form)
    return found


def _parse_sentence(lines: list[str]) -> UDSentence:
    text = ""
    rows: list[list[str]] = []
    for line in lines:
        if line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        elif line and not line.startswith("#"):
            rows.append(line.split("\t"))
    sent = UDSentence(text=text)
    cursor = 0
    mwt_end = 0
    mwt_forms: list[str] = []
    mwt_surface, mwt_start, mwt_space = "", 0, True
    for cols in rows:
        ident = cols[0]
        if "." in ident:  # empty node (enhanced UD only)
            continue
        misc = cols[9] if len(cols) > 9 else "_"
        if "-" in ident:
            last = int(ident.split("-")[1])
            mwt_end, mwt_forms = last, []
            mwt_surface, mwt_space = cols[1], "SpaceAfter=No" not in misc
            mwt_start = _find(text, mwt_surface, cursor)
            cursor = mwt_start + len(mwt_surface) if mwt_start >= 0 else cursor
            continue
        index = int(ident)
        in_mwt = index <= mwt_end
        space = "SpaceAfter=No" not in misc
        if in_mwt:
            space = mwt_space if index == mwt_end else False
        word = UDWord(
            form=cols[1],
            lemma=cols[2],
            upos=cols[3],
            xpos=cols[4],
            feats="" if cols[5] == "_" else cols[5],
            head=int(cols[6]) if cols[6].isdigit() else 0,
            deprel=cols[7],
            space_after=space,
        )
        sent.words.append(word)
        if in_mwt:
            mwt_forms.append(word.form)
            sent.offsets.append(None)
            if index == mwt_end:
                n = len(mwt_forms)
                located = _mwt_offsets(mwt_surface, mwt_forms, mwt_start)
                sent.offsets[-n:] = located if mwt_start >= 0 else [None] * n
            continue
        start = _find(text, word.form, cursor)
        if start >= 0:
            sent.offsets.append((start, start + len(word.form)))
            cursor = start + len(word.form)
        else:
            sent.offsets.append(None)
    return sent


def _find(text: str, form: str, cursor: int) -> int:
    """Offset of ``form`` at or after ``cursor`` skipping only whitespace; -1 if it is not there."""
    pos = cursor
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos if text.startswith(form, pos) else -1


def read_conllu(path: Path) -> Iterator[UDSentence]:
    """Sentences of a CoNLL-U file, multiword tokens expanded into their syntactic words."""
    lines: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if line.strip():
                lines.append(line)
            elif lines:
                yield _parse_sentence(lines)
                lines = []
    if lines:
        yield _parse_sentence(lines)


def _split_tag(tag: str) -> tuple[str, str]:
    """(prefix, type) of a tag: ``B-PER`` → (B, PER); IO-style ``Person`` → (I, Person)."""
    if tag == "O":
        return "O", ""
    if len(tag) > 2 and tag[1] == "-" and tag[0] in "BIES":
        return tag[0], tag[2:]
    return "I", tag


def _tags_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """CoNLL-style spans from BIO or IO tags: a span starts at B-, at a type change or after O."""
    spans: list[tuple[int, int, str]] = []
    start, current = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, kind = _split_tag(tag)
        if prefix in ("O", "B", "S") or kind != current:
            if current:
                spans.append((start, i, current))
            start, current = (i, kind) if prefix != "O" else (-1, "")
    return spans


# Penn Treebank escapes some corpora write for brackets and quotes (wikiner's Stanford-NER
# files): the model reads the characters a news text has. ``''`` alone is also an ordinary
# token (NERP has a few), so escapes are undone only in a file that has an unambiguous one.
PTB_ESCAPES: dict[str, str] = {
    "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
    "``": '"', "''": '"',
}
PTB_MARKERS = frozenset(PTB_ESCAPES) - {"''"}
# A block longer than this has no sentence breaks (wikiner writes whole files without blank
# lines); it is cut after sentence-final tokens. Every staged corpus's sentences are shorter.
MAX_BLOCK = 256
SENTENCE_FINAL = frozenset({".", "!", "?"})


def read_ner(path: Path) -> Iterator[NERSentence]:
    """Sentences of a token-per-line NER file: token first column, tag last, blank line between.

    Tags may be BIO (``B-PER``) or IO (``Person``, wikiner); types warta does not learn become O.
    A file whose tags carry no B-/S- prefix is IO-tagged: its sentences say so (``io``), because
    IO cannot separate two adjacent entities of one type and scoring must fold predictions alike.
    """
    blocks: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            cols = raw.split()
            if not cols:
                if words:
                    blocks.append((words, tags))
                    words, tags = [], []
                continue
            if cols[0].startswith("-DOCSTART-"):
                continue
            words.append(cols[0])
            tags.append(cols[-1] if len(cols) > 1 else "O")
    if words:
        blocks.append((words, tags))
    if any(w in PTB_MARKERS for block_words, _ in blocks for w in block_words):
        blocks = [([PTB_ESCAPES.get(w, w) for w in block_words], block_tags)
                  for block_words, block_tags in blocks]
    io = not any(_split_tag(t)[0] in "BS" for _, block_tags in blocks for t in block_tags
                 if t != "O")
    for block_words, block_tags in blocks:
        for start, end in _sentence_cuts(block_words, block_tags):
            yield _ner_sentence(block_words[start:end], block_tags[start:end], io=io)


def _sentence_cuts(words: list[str], tags: list[str]) -> list[tuple[int, int]]:
    """(start, end) of the sentences in a block: the block itself unless it is over MAX_BLOCK
    tokens, then cut after each sentence-final token outside an entity."""
    if len(words) <= MAX_BLOCK:
        return [(0, len(words))]
    cuts, start = [], 0
    for i, (word, tag) in enumerate(zip(words, tags, strict=True)):
        if word in SENTENCE_FINAL and tag == "O" and i + 1 < len(words):
            cuts.append((start, i + 1))
            start = i + 1
    cuts.append((start, len(words)))
    return cuts


def _ner_sentence(words: list[str], tags: list[str], *, io: bool = False) -> NERSentence:
    spans = []
    for start, end, kind in _tags_to_spans(tags):
        label = map_ner_label(kind)
        if label is not None:
            spans.append((start, end, label))
    return NERSentence(words=tuple(words), spans=tuple(spans), io=io)
