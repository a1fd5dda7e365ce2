"""The party model's parse features read from the Doc's arrays (``_parse``) are the ones the
Token walks they replace gave: the trigger's tree (``TriggerTree.of``), ``tree_features`` and
the arc between a mention and the trigger, on random projective parses of invented words."""

from __future__ import annotations

import random
from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from warta.extract import event_parties as ep

WORDS = ["Menteri", "bertemu", "Rina", "kepada", "oleh", "menolak", "Ayu", "pihaknya", "dia",
         "KPK", "serangan", "tiba", "di", "Bandung"]
DEPS = ["nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "case", "flat", "flat:name",
        "appos", "nmod", "nmod:poss", "compound", "xcomp", "ccomp", "advcl", "acl", "conj",
        "parataxis", "csubj", "det", "amod"]
POS = ["VERB", "NOUN", "PROPN", "ADP", "AUX", "ADJ", "PRON"]


def _tree(rng: random.Random, lo: int, hi: int, heads: list[int], up: int | None) -> None:
    """A random projective tree over ``lo`` … ``hi - 1`` whose root hangs under ``up``."""
    if lo >= hi:
        return
    r = rng.randrange(lo, hi)
    heads[r] = r if up is None else up
    _tree(rng, lo, r, heads, r)
    _tree(rng, r + 1, hi, heads, r)


def _doc(rng: random.Random, vocab: Any, n: int) -> Doc:
    heads = [0] * n
    _tree(rng, 0, n, heads, None)
    deps = ["ROOT" if h == i else rng.choice(DEPS) for i, h in enumerate(heads)]
    return Doc(vocab, words=[rng.choice(WORDS) for _ in range(n)], heads=heads, deps=deps,
               pos=[rng.choice(POS) for _ in range(n)])


# ---- the Token walks before the arrays (events v14 as merged in s7) ----

def _old_ancestors(tok: Any) -> list[Any]:
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) <= ep._MAX_CLIMB:
        chain.append(chain[-1].head)
    return chain


def _old_clause_of(chain: list[Any]) -> int:
    for tok in chain:
        if tok.dep_ in ep._CLAUSE_ARCS and (tok.dep_ != "conj" or tok.pos_ == "VERB"):
            return int(tok.i)
    return int(chain[-1].i)


def _old_tree(trigger: Any) -> tuple[dict[int, int], int | None, int]:
    head = trigger.root
    up = _old_ancestors(head)
    verb = head.head if head.dep_ in ep._UP_ARCS and head.head.i != head.i else None
    clause = _old_clause_of(up[1:] if head.dep_ == "xcomp" and len(up) > 1 else up)
    return {t.i: k for k, t in enumerate(up)}, None if verb is None else verb.i, clause


def _old_tree_features(root: Any, tree: ep.TriggerTree, voice: str, where: str) -> set[str]:
    head, depth, verb = tree.head, tree.depth, tree.verb
    chain = _old_ancestors(root)
    f: set[str] = set()
    steps = next((k + depth[t.i] for k, t in enumerate(chain) if t.i in depth), None)
    path = "none" if steps is None else next((str(n) for n in ep._PATHS if steps <= n), "far")
    f.add(f"path={where}|{path}")
    k = 0
    while chain[k].dep_ in ep._PHRASE_ARCS and k + 1 < len(chain) and chain[k + 1].i != head.i \
            and k < 4:
        k += 1
    arg = chain[k]
    if k:  # the phrase head's kind reads its word (events v18), the same on both sides
        f |= {"in_phrase", f"in_phrase={ep._phrase_kind(arg)}"}
    if arg.i != head.i and arg.head.i == head.i:
        case = next((c.lower_ for c in arg.children if c.dep_ == "case"), "none")
        f |= {f"dep={arg.dep_}", f"voice_dep={voice}|{arg.dep_}", f"dep_case={arg.dep_}|{case}"}
    elif verb is not None and arg.i != verb.i and arg.head.i == verb.i:
        f |= {f"dep_up={head.dep_}|{arg.dep_}", f"voice_dep_up={voice}|{head.dep_}|{arg.dep_}"}
    if steps is not None:
        same = _old_clause_of(chain[k:]) in (tree.clause, head.i)
        f.add(f"clause={where}|{'same' if same else 'other'}")
    return f


def _old_arcs(root: Any, head: Any, voice: str) -> set[str]:
    f: set[str] = set()
    if root.head.i == head.i and root.i != head.i:
        f.add(f"arc={root.dep_}")
        f.add(f"voice_arc={voice}|{root.dep_}")
    elif head.head.i == root.i:
        f.add(f"arc_up={head.dep_}")
    elif root.head.head.i == head.i:
        f.add(f"arc2={root.head.dep_}|{root.dep_}")
    return f


@pytest.mark.parametrize("seed", range(12))
def test_parse_features_from_arrays_are_the_token_walks(seed: int) -> None:
    vocab = spacy.blank("id").vocab
    rng = random.Random(seed)
    for _ in range(8):
        doc = _doc(rng, vocab, rng.randint(1, 20))
        for t in range(len(doc)):
            trigger = doc[t:min(t + rng.randint(1, 2), len(doc))]
            tree = ep.TriggerTree.of(trigger)
            assert (tree.depth, None if tree.verb is None else tree.verb.i, tree.clause) \
                == _old_tree(trigger)
            for r in range(len(doc)):
                for voice, where in (("active", "left"), ("passive", "right")):
                    assert ep.tree_features(r, tree, voice, where) \
                        == _old_tree_features(doc[r], tree, voice, where), (seed, t, r)
                assert set(ep._arc_features(r, tree, "active")) \
                    == _old_arcs(doc[r], trigger.root, "active"), (seed, t, r)


class _TokenCountingDoc(Doc):
    """A Doc that counts the Token objects made for it with ``doc[i]``."""

    reads = 0

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        if isinstance(i, int):
            type(self).reads += 1
        return Doc.__getitem__(self, i)


def test_parse_features_make_no_token_per_step() -> None:
    """A mention twelve arcs below the trigger: the Token walk made a Token per step up (and
    per arc compared); the arrays make none (no case marker to look up here)."""
    n = 14
    heads = [max(i - 1, 0) for i in range(n)]  # a chain: 0 ← 1 ← 2 … ← 13
    doc = _TokenCountingDoc(spacy.blank("id").vocab, words=["Rina"] * n, heads=heads,
                            deps=["ROOT", *["obj"] * (n - 1)], pos=["VERB"] * n)
    tree = ep.TriggerTree.of(doc[0:1])
    _TokenCountingDoc.reads = 0
    _old_tree_features(doc[n - 1], tree, "active", "right")
    _old_arcs(doc[n - 1], doc[0], "active")
    assert _TokenCountingDoc.reads > 20  # the old walk, counted: the test can fail
    _TokenCountingDoc.reads = 0
    ep.tree_features(n - 1, tree, "active", "right")
    ep._arc_features(n - 1, tree, "active")
    assert _TokenCountingDoc.reads == 0
