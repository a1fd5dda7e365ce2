"""``roles._title_ending_at`` reads punctuation and sentence starts from the Doc's arrays
(tenth round): the same titles as the Token walk it replaced, on random sentences of title
words, names and punctuation, and no Token made for a step back over a plain word."""

from __future__ import annotations

import random

import spacy
from spacy.tokens import Doc

from warta.resolve import roles

WORDS = ["Menteri", "Luar", "Negeri", "Presiden", "Kepala", "Bappenas", "Kapolda", "Jawa",
         "Barat", "Irjen", "Pol", "Budi", "Rina", "Dr.", "H.", "(", ")", ".", ",", "kata",
         "yang", "“", "-", "Bupati", "Bogor", "Ketua", "Umum", "Partai", "Golkar", "\n"]


def _old_title_ending_at(doc: Doc, name_start: int) -> roles.Title | None:
    """The walk before the tenth round: a Token per step back."""
    best = None
    floor = max(0, name_start - roles.LOOKBACK)
    for k in range(name_start - 1, floor - 1, -1):
        tok = doc[k]
        if tok.is_punct and tok.text not in {"(", ")", "."}:
            break
        chain = roles.title_chain(doc, k) if tok.lower_ in roles.TITLE_FIRST else None
        if chain is not None and (
                roles.skip_honorifics(doc, chain.end, name_start + 1) == name_start
                or roles._region_between(doc, chain.end, name_start)):
            best = chain
        if tok.is_sent_start:
            break
    return best


def test_titles_from_the_arrays_are_the_token_walks() -> None:
    vocab = spacy.blank("id").vocab
    rng = random.Random(10)
    found = 0
    for n in range(400):
        words = [rng.choice(WORDS) for _ in range(rng.randint(1, 20))]
        starts = None if n % 3 == 0 else [rng.choice([True, False, None]) for _ in words]
        doc = Doc(vocab, words=words, sent_starts=starts)
        for i in range(len(doc) + 1):
            old = _old_title_ending_at(doc, i)
            assert roles._title_ending_at(doc, i) == old
            found += old is not None
    assert found > 100  # the sentences have titles to find


class _TokenCountingDoc(Doc):
    """A Doc that counts the Token objects made for it with ``doc[i]``."""

    reads = 0

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, int):
            type(self).reads += 1
        return Doc.__getitem__(self, i)


def test_a_walk_over_plain_words_makes_no_token() -> None:
    doc = _TokenCountingDoc(spacy.blank("id").vocab,
                            words=["rumah", "itu", "kata", "warga", "yang", "Budi"])
    _TokenCountingDoc.reads = 0
    assert roles._title_ending_at(doc, 5) is None
    assert _TokenCountingDoc.reads == 0
