"""The gazetteer's scans for cited outlets and introduced persons try only the words that can
open one (tenth round): the same spans as the word-by-word scans they replaced, on random
sentences of their cue words, and no Token made for a sentence without a cue."""

from __future__ import annotations

import random

import spacy
from spacy.tokens import Doc, Span

from warta.nlp.lang.id.actor_cues import (
    NAME_INTRODUCERS,
    NUMBERED_PARTS,
    OUTLET_CUE_LINKS,
    OUTLET_CUES,
)
from warta.resolve import gazetteer, roles

WORDS = ["kata", "Rina", "kepada", "detikJabar", "dikutip", "dari", "CNNIndonesia.com", "oleh",
         "Dilansir", "Kompas.com", "bernama", "Irwan", "Marni", "(", "60", ")", "Pasal", "340",
         "Ayat", "1", "warga", "Bernama", "Budi", "Santoso", "Menurut", "antara.id", ".", ",",
         "PT", "Sinar", "(", "250", ")", "detikNews", "via", "Tempo.co"]


def _old_cited_outlets(doc: Doc, taken: set[int]) -> list[Span]:
    found = []
    for i, tok in enumerate(doc):
        if i in taken or i == 0 or not gazetteer._OUTLET.fullmatch(tok.text):
            continue
        cue = i - 1
        if doc[cue].lower_ in OUTLET_CUE_LINKS and cue > 0:
            cue -= 1
        if doc[cue].lower_ in OUTLET_CUES:
            found.append(Span(doc, i, i + 1, label="ORG"))
    return found


def _old_introduced_persons(doc: Doc, taken: set[int]) -> list[Span]:
    texts = [t.text for t in doc]
    found = []
    for i, (text, low) in enumerate(zip(texts, [t.lower_ for t in doc], strict=True)):
        if low in NAME_INTRODUCERS:
            start, end = i + 1, gazetteer._name_end(doc, i + 1, taken)
        elif text == "(" and gazetteer._age_at(texts, i) and i > 0 and (
                doc[i - 1].lower_ not in NUMBERED_PARTS):
            start, end = gazetteer._name_start(doc, i, taken), i
            if start > 0 and doc[start - 1].like_num:
                continue
        else:
            continue
        start = roles.name_start(doc, start, end)
        if start < end and gazetteer._plain_name(doc, start, end):
            found.append(Span(doc, start, end, label="PERSON"))
    return found


def _spans(spans: list[Span]) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label_) for s in spans]


def test_the_scans_find_what_the_word_by_word_scans_found() -> None:
    vocab = spacy.blank("id").vocab
    rng = random.Random(10)
    outlets = persons = 0
    for _ in range(500):
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 16))]
        doc = Doc(vocab, words=words)
        taken = {k for k in range(len(doc)) if rng.random() < 0.1}
        old = _spans(_old_cited_outlets(doc, taken))
        assert _spans(gazetteer.cited_outlets(doc, taken)) == old
        outlets += len(old)
        old = _spans(_old_introduced_persons(doc, taken))
        assert _spans(gazetteer.introduced_persons(doc, taken)) == old
        persons += len(old)
    assert outlets > 30 and persons > 30  # the sentences have both to find


class _TokenCountingDoc(Doc):
    """A Doc that counts the Token objects made for it (``doc[i]`` and iterating it)."""

    reads = 0

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, int):
            type(self).reads += 1
        return Doc.__getitem__(self, i)

    def __iter__(self):  # type: ignore[no-untyped-def]
        for i in range(len(self)):
            yield self[i]


def test_a_sentence_without_cues_makes_no_token() -> None:
    doc = _TokenCountingDoc(spacy.blank("id").vocab,
                            words=["Harga", "beras", "naik", "di", "detikJabar", "kemarin", "."])
    _TokenCountingDoc.reads = 0
    assert gazetteer.cited_outlets(doc, set()) == []
    assert gazetteer.introduced_persons(doc, set()) == []
    assert gazetteer.cited_sources(doc, set()) == []
    assert _TokenCountingDoc.reads == 0
