"""A quote view's sentence bounds are worked out once per sentence (docs/scaling.md, twelfth
round): the same bounds as one walk per token, on random columns of sentence ends, space
tokens and paragraph breaks."""

from __future__ import annotations

import random
from types import SimpleNamespace

from warta.extract import quote_view
from warta.extract.quote_view import _sentence_bounds, sentence_bounds


def _columns(rng: random.Random) -> SimpleNamespace:
    n = rng.randint(0, 40)
    para, para_of = 0, []
    for _ in range(n):
        para += rng.random() < 0.08
        para_of.append(para)
    return SimpleNamespace(para_of=para_of, sent_end=[rng.random() < 0.15 for _ in range(n)],
                           space=[rng.random() < 0.1 for _ in range(n)], bounds={})


def test_bounds_per_sentence_equal_the_walk_per_token():
    rng = random.Random(20)
    for _ in range(2000):
        v = _columns(rng)
        n = len(v.space)
        asked = [rng.randrange(n) for _ in range(rng.randint(0, 2 * n))] if n else []
        for i in asked:  # in any order, each token asked any number of times
            assert sentence_bounds(v, i) == _sentence_bounds(v, i)
        assert all(v.bounds[i] == _sentence_bounds(v, i) for i in v.bounds)


def test_one_walk_answers_the_whole_sentence(monkeypatch):
    v = SimpleNamespace(para_of=[0] * 9, bounds={},
                        sent_end=[False, False, False, True, False, False, False, False, True],
                        space=[False] * 9)
    walks = []
    monkeypatch.setattr(quote_view, "_sentence_bounds",
                        lambda view, i: walks.append(i) or _sentence_bounds(view, i))
    assert [sentence_bounds(v, i) for i in range(9)] == [(0, 4)] * 4 + [(4, 9)] * 5
    assert walks == [0, 4]
