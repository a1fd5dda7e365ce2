"""Event triggers beyond the lexicon: a trained model reads every content word as a possible
event and gives it a PLOVER type, or none.

A third of the gold triggers of the corpus's train split (462 of 1,344) have no lexicon match
("mengamankan", "mengusut", "diinterogasi", "eksekusi"); listing such words by hand or mining
them has reached its end. Rules propose and describe, a model decides: every content token of
an article (UPOS VERB, NOUN or ADJ, outside entity names; proper nouns are names, not events) is
a candidate, described by

- the word, each root the lexicon's own affix rules can strip it to (``event_lexicon.analyses``:
  "diamankan" and "mengamankan" share "aman") with the affix pattern and the voice it gives,
  UPOS, the dependency arc and the head's UPOS, and the type of the lexicon trigger its head is;
- whether it has a subject, an object or an "oleh" agent among its children;
- its static vector (the pipeline's 100-dimension word vectors, unit length: words of a kind
  lie near each other, so an unseen word is read by the company it keeps) and how near it is
  to the lexicon's words of each type;
- the lexicon's type, mode and voice when a lexicon trigger covers it;
- the words before and after it, a negator, a modal or planning cue or a "yang" just before it,
  a quote around it, the kinds of actors its sentence names, whether it is in the lead sentence;

and a multinomial logistic regression (``warta train extract --model event_triggers``, the
train split's gold triggers as labels) gives P(type) with "NONE" for words that are no event.
A word whose P(NONE) falls below ``1 - threshold`` becomes a trigger of its most likely type;
the mode stays open and the CAMEO code is the type's root code (``plover.TYPE_CAMEO``), the
prepositions and the symmetric flag those most lexicon entries of that type take (the events
stage keeps it only when the party decision names both its source and its target). A file
with a ``lexicon_threshold`` also drops the lexicon matches whose P(event) falls below it (the
shipped file has none: the party model's trigger decision keeps judging lexicon matches).

The file is JSON (labels, feature list, one weight row per feature, one per vector dimension,
intercepts, threshold), read without pickle; one Doc is scored in one gather-and-sum over its
candidates' feature columns and one product with their vectors. No feature reads lemmas: the
shipped model's lemmatizer stays off.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, cast

import numpy as np
from spacy.tokens import Doc, Span, Token

from warta.extract.event_lexicon import PATTERNS, Entry, Form, Voice, analyses, lexicon
from warta.nlp.extensions import span_actor, token_lowers
from warta.nlp.lang.id.modality import FUTURE, HYPOTHETICAL
from warta.nlp.lang.id.morphology import PREFIX_VOICES
from warta.nlp.lang.id.negation import BRIDGES, NEGATORS
from warta.plover import PLOVER_TYPES, TYPE_CAMEO

MODEL_FILE = "event_triggers.json"
NONE = "NONE"
LABELS: tuple[str, ...] = (NONE, *PLOVER_TYPES)
CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ"})
MIN_CHARS = 3
CUE_REACH = 3  # words before a candidate searched for a negator or modal cue (bridges skipped)
_CLAUSE_ENDS = frozenset({",", ".", ";", ":", "(", ")", '"'})
_CHILD_ARCS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "xcomp", "ccomp",
                         "advcl", "nmod", "compound"})


def shipped_model_path() -> Path:
    """Where the trained model ships inside the package."""
    return Path(str(resources.files("warta") / "models" / "decisions" / MODEL_FILE))


@dataclass(frozen=True)
class TriggerModel:
    """Multinomial logistic regression over sparse binary features (``labels[0]`` is NONE)."""

    labels: tuple[str, ...]
    vocabulary: dict[str, int]
    weights: np.ndarray  # (features, labels)
    intercepts: np.ndarray  # (labels,)
    threshold: float
    lexicon_threshold: float | None = None  # gate lexicon matches too (None: they all pass)
    vector_weights: np.ndarray | None = None  # (dims, labels): the word's unit static vector

    def probabilities(self, rows: Sequence[Iterable[str]],
                      vectors: np.ndarray | None = None) -> np.ndarray:
        """P(label | features), one row per candidate: the candidates' feature columns are
        gathered and summed in one numpy call; ``vectors`` (one unit static vector per
        candidate, zeros for a word without one) adds one matrix product."""
        vocab = self.vocabulary
        cols: list[int] = []
        owner: list[int] = []
        n = 0
        for n, feats in enumerate(rows, start=1):
            for f in feats:
                j = vocab.get(f)
                if j is not None:
                    cols.append(j)
                    owner.append(n - 1)
        z = np.tile(self.intercepts, (n, 1))
        if cols:  # sum each candidate's weight rows: one gather, one reduceat over the runs
            owners = np.asarray(owner)
            firsts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
            z[owners[firsts]] += np.add.reduceat(self.weights[np.asarray(cols)], firsts, axis=0)
        if self.vector_weights is not None and vectors is not None and n:
            z += vectors @ self.vector_weights
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        probs: np.ndarray = e / e.sum(axis=1, keepdims=True)
        return probs

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TriggerModel:
        labels = tuple(data["labels"])
        if labels[:1] != (NONE,) or not set(labels[1:]) <= set(PLOVER_TYPES):
            raise ValueError(f"labels must be {NONE} and PLOVER types, not {labels}")
        features = list(data["features"])
        weights = np.asarray(data["weights"], dtype=np.float64).reshape(len(features),
                                                                         len(labels))
        intercepts = np.asarray(data["intercepts"], dtype=np.float64)
        if intercepts.shape != (len(labels),):
            raise ValueError("one intercept per label")
        gate = data.get("lexicon_threshold")
        dense = data.get("vector_weights")
        vector_weights = None if dense is None else np.asarray(dense, dtype=np.float64)
        if vector_weights is not None and (vector_weights.ndim != 2
                                           or vector_weights.shape[1] != len(labels)):
            raise ValueError("one vector weight per dimension and label")
        return cls(labels, {f: i for i, f in enumerate(features)}, weights, intercepts,
                   float(data["threshold"]), None if gate is None else float(gate),
                   vector_weights)


def load_model(path: Path | None = None) -> TriggerModel | None:
    """The model at ``path`` (default: the shipped file), or None when the file is absent."""
    path = path or shipped_model_path()
    if not path.exists():
        return None
    return TriggerModel.from_json(json.loads(path.read_text(encoding="utf-8")))


# --- candidates and features -------------------------------------------------------------------


def is_candidate(tok: Token, lower: str) -> bool:
    """A content word that may name an event: by its UPOS, or (a Doc without tags) any word."""
    if len(lower) < MIN_CHARS or not lower.isalpha():
        return False
    return tok.pos_ in CONTENT_POS if tok.pos_ else True


@lru_cache(maxsize=65536)
def morphology(word: str) -> tuple[tuple[str, ...], tuple[str, ...], Voice | None]:
    """(roots, affix patterns, voice) of a word by the lexicon's affix rules run backwards;
    the voice is the prefix's (di-/ter- passive, ber- intransitive, meN- active), the suffix
    -an's (nominal) when there is no prefix, else unknown."""
    every = analyses(word)
    found = [(base, pat) for base, pat in every if pat != "0"]
    roots = tuple(sorted({base for base, _ in every}))  # the bare word is its own root too
    patterns = tuple(sorted({pat for _, pat in found}))
    longest = max(found, key=lambda x: len(x[1]), default=None)
    voice: Voice | None = PATTERNS[longest[1]][2] if longest else None
    if voice is None:
        voice = next((cast(Voice, v) for p, v in PREFIX_VOICES
                      if word.startswith(p) and len(word) > 5), None)
    return roots, patterns, voice


@lru_cache(maxsize=1)
def lexicon_roots() -> dict[str, frozenset[str]]:
    """Base word of every lexicon entry → the types it carries: a word whose root the lexicon
    knows in other forms ("pengamanan" from "aman") shares what the lexicon says of it."""
    out: dict[str, set[str]] = {}
    for form in lexicon().values():
        base = form.entry.lemma.split()[0]
        out.setdefault(base, set()).add(form.entry.type)
    return {k: frozenset(v) for k, v in out.items()}


@dataclass(frozen=True)
class DocContext:
    """What the features of one Doc's candidates share: sentence of each token, actor kinds of
    each sentence, quoted tokens, lexicon matches."""

    sent_of: list[int]
    kinds: list[frozenset[str]]
    quoted: frozenset[int]
    lexical: dict[int, Form]
    in_ent: frozenset[int]
    agents: frozenset[int] = frozenset()  # tokens with an "oleh" among their children


def doc_context(doc: Doc, matches: Sequence[tuple[Span, Form]],
                ents: Sequence[Span] | None = None) -> DocContext:
    """``ents``: the Doc's entities when the caller has read them (each read builds Spans)."""
    sent_of = [0] * len(doc)
    kinds: list[frozenset[str]] = []
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    for k, s in enumerate(sents):
        sent_of[s.start:s.end] = [k] * (s.end - s.start)
        kinds.append(frozenset())
    by_sent: dict[int, set[str]] = {}
    in_ent: set[int] = set()
    for e in doc.ents if ents is None else ents:
        in_ent.update(range(e.start, e.end))
        actor = span_actor(e)
        if actor:
            by_sent.setdefault(sent_of[e.start], set()).add(str(actor).split(":", 1)[0])
    for k, v in by_sent.items():
        kinds[k] = frozenset(v)
    quoted: set[int] = set()
    for q in doc._.quotes or []:
        quoted.update(range(q.content.start, q.content.end))
    lexical = {i: form for span, form in matches for i in range(span.start, span.end)}
    agents = frozenset(doc[k].head.i for k, w in enumerate(token_lowers(doc)) if w == "oleh")
    return DocContext(sent_of, kinds, frozenset(quoted), lexical, frozenset(in_ent), agents)


def token_features(tok: Token, lower: str, lowers: Sequence[str], ctx: DocContext) -> list[str]:
    """The features of one candidate token (see the module docstring)."""
    i = tok.i
    voice = morphology(lower)[2]
    pos = tok.pos_ or "X"
    f = [f"pos={pos}", f"pos_voice={pos}|{voice}",
         f"p1={lowers[i - 1] if i > 0 else '<s>'}",
         f"n1={lowers[i + 1] if i + 1 < len(lowers) else '</s>'}", *word_features(lower)]
    if tok.dep_:
        head = tok.head
        f.append(f"dep={tok.dep_}")
        f.append(f"pos_dep={pos}|{tok.dep_}")
        if head.i != i:
            f.append(f"hpos={head.pos_}")
        for child in tok.children:
            if child.dep_ in _CHILD_ARCS:
                f.append(f"child={child.dep_}")
                if child.i in ctx.agents:
                    f.append("child=agent")
    form = ctx.lexical.get(i)
    if form is not None:
        f.extend((f"lex={form.entry.type}", f"lexmode={form.entry.type}|{form.entry.mode}",
                  f"lexvoice={form.voice}"))
    else:
        f.append("lex=none")
    k = ctx.sent_of[i]
    if k == 0:
        f.append("lead")
    f.extend(f"actor={kind}" for kind in ctx.kinds[k])
    if not ctx.kinds[k]:
        f.append("actor=none")
    if i in ctx.quoted:
        f.append("in_quote")
    f.extend(cue_features(lowers, i))
    if tok.dep_ and tok.head.i != i:
        head_form = ctx.lexical.get(tok.head.i)
        f.append(f"hlex={head_form.entry.type if head_form is not None else 'none'}")
    return f


@lru_cache(maxsize=65536)
def word_features(word: str) -> tuple[str, ...]:
    """What the word alone says, computed once per word: itself, its roots, the types the
    lexicon gives those roots in other forms, its affix patterns and the voice they give."""
    roots, patterns, voice = morphology(word)
    lex_roots = lexicon_roots()
    return (f"w={word}", f"voice={voice}", *(f"root={r}" for r in roots),
            *(f"lexroot={t}" for r in roots for t in lex_roots.get(r, ())),
            *(f"affix={p}" for p in patterns or ("none",)))


def cue_features(lowers: Sequence[str], i: int) -> list[str]:
    """What the words just before a candidate say of it: a negator ("tidak mengusut"), a
    modal or planning cue ("akan membatalkan", "harus mewajibkan"), each past the words that
    may stand between ("tidak akan pernah"), and a "yang" opening its clause ("yang terlibat":
    a description of a party, seldom an event told)."""
    out = []
    k = i - 1
    while k >= 0 and i - k <= CUE_REACH and lowers[k] not in _CLAUSE_ENDS:
        w = lowers[k]
        if w in NEGATORS:
            out.append("cue=neg")
        elif w in FUTURE:
            out.append("cue=future")
        elif w in HYPOTHETICAL:
            out.append("cue=hypothetical")
        elif w == "yang":
            out.append("cue=yang")
        elif w not in BRIDGES:
            break
        k -= 1
    return out


def candidates(doc: Doc, matches: Sequence[tuple[Span, Form]],
               ents: Sequence[Span] | None = None
               ) -> tuple[list[int], list[list[str]]]:
    """(token index, features) of every candidate of a Doc, in text order (the words' static
    vectors: ``word_vectors``)."""
    ctx = doc_context(doc, matches, ents)
    lowers = token_lowers(doc)
    index, rows = [], []
    for tok in doc:
        i = tok.i
        if i in ctx.in_ent or not is_candidate(tok, lowers[i]):
            continue
        index.append(i)
        rows.append(token_features(tok, lowers[i], lowers, ctx))
    for row, feats in zip(rows, similarity_features(doc, [lowers[i] for i in index]),
                          strict=True):
        row.extend(feats)
    return index, rows


# --- nearness to the lexicon's words -------------------------------------------------------------

_WORD_CACHE = 200_000
_SIM_STEPS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9)


@dataclass(frozen=True)
class Prototypes:
    """The static vectors of the lexicon's one-word forms, grouped by type (rows sorted by
    type, ``starts`` the first row of each)."""

    types: tuple[str, ...]
    starts: np.ndarray
    matrix: np.ndarray  # (words, dims), unit rows
    cache: dict[str, tuple[str, ...]] = field(default_factory=dict)  # word → its features


_PROTOTYPES: list[tuple[Any, Prototypes | None]] = []  # (vectors table, its prototypes)
_TABLES = 4


def prototypes(vocab: Any) -> Prototypes | None:
    """The lexicon's word vectors in this vocabulary's static vectors (None without vectors);
    computed once per vectors table. The cache holds the table itself and compares by identity:
    an ``id()`` key could be reused by a new table once the old one is freed."""
    vectors = vocab.vectors
    for table, protos in _PROTOTYPES:
        if table is vectors:
            return protos
    protos = _build_prototypes(vocab)
    _PROTOTYPES.append((vectors, protos))
    del _PROTOTYPES[:-_TABLES]
    return protos


def _build_prototypes(vocab: Any) -> Prototypes | None:
    if vocab.vectors.shape[0] == 0:
        return None
    by_type: dict[str, list[np.ndarray]] = {}
    for words, form in lexicon().items():
        if len(words) != 1 or form.entry.type == NONE or not vocab.has_vector(words[0]):
            continue
        v = np.asarray(vocab.get_vector(words[0]), dtype=np.float32)
        norm = float(np.linalg.norm(v))
        if norm > 0:
            by_type.setdefault(form.entry.type, []).append(v / norm)
    if not by_type:
        return None
    types = tuple(sorted(by_type))
    sizes = [len(by_type[t]) for t in types]
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.intp)
    return Prototypes(types, starts, np.vstack([by_type[t] for t in types]))


def _step(x: float) -> str:
    return str(next((s for s in reversed(_SIM_STEPS) if x >= s), 0.0))


def similarity_features(doc: Doc, words: Sequence[str]) -> list[list[str]]:
    """How near each word's static vector is to the lexicon's words of each type: the nearest
    two types and their similarity by steps ("mengamankan" is near "menangkap": COERCE). Each
    word is computed once per vectors table (a 100-dimension product with the lexicon's
    vectors); no features without vectors."""
    protos = prototypes(doc.vocab)
    if protos is None:
        return [[] for _ in words]
    return [list(_word_similarity(protos, doc.vocab, w)) for w in words]


_UNITS: list[tuple[Any, dict[str, np.ndarray]]] = []  # (vectors table, word → unit vector)


def word_vectors(doc: Doc, words: Sequence[str]) -> np.ndarray | None:
    """The unit static vector of each word (zeros for a word without one), one row each;
    None without vectors. Each word is looked up once per vectors table (the cache holds the
    table itself, as ``prototypes`` does)."""
    vectors = doc.vocab.vectors
    if vectors.shape[0] == 0:
        return None
    units = next((u for table, u in _UNITS if table is vectors), None)
    if units is None:
        units = {}
        _UNITS.append((vectors, units))
        del _UNITS[:-_TABLES]
    dims = vectors.shape[1]
    out = np.zeros((len(words), dims), dtype=np.float32)
    for k, w in enumerate(words):
        v = units.get(w)
        if v is None:
            v = _unit(doc.vocab, w, dims)
            if len(units) < _WORD_CACHE:
                units[w] = v
        out[k] = v
    return out


def _unit(vocab: Any, word: str, dims: int) -> np.ndarray:
    if not vocab.has_vector(word):
        return np.zeros(dims, dtype=np.float32)
    v = np.asarray(vocab.get_vector(word), dtype=np.float32)
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else np.zeros(dims, dtype=np.float32)


def _word_similarity(protos: Prototypes, vocab: Any, word: str) -> tuple[str, ...]:
    found = protos.cache.get(word)
    if found is not None:
        return found
    if not vocab.has_vector(word):
        found = ("sim=none",)
    else:
        v = np.asarray(vocab.get_vector(word), dtype=np.float32)
        norm = float(np.linalg.norm(v))
        if norm == 0:
            found = ("sim=none",)
        else:
            per_type = np.maximum.reduceat(protos.matrix @ (v / norm), protos.starts)
            first, second = np.argsort(-per_type)[:2]
            t1, s1 = protos.types[first], _step(float(per_type[first]))
            found = (f"sim={s1}", f"simtop={t1}", f"simtop={t1}|{s1}",
                     f"sim2={protos.types[second]}|{_step(float(per_type[second]))}")
    if len(protos.cache) < _WORD_CACHE:
        protos.cache[word] = found
    return found


# --- proposals --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _type_defaults() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Type → (prepositions, flags) most lexicon entries of that type take (only "sym" kept:
    the other flags belong to particular words)."""
    seen: dict[str, Counter[tuple[frozenset[str], frozenset[str]]]] = {}
    for form in lexicon().values():
        e = form.entry
        seen.setdefault(e.type, Counter())[(e.preps, e.flags & {"sym"})] += 1
    return {t: c.most_common(1)[0][0] for t, c in seen.items()}


def proposed_form(word: str, type_: str, voice: Voice | None, pos: str) -> Form:
    """The lexicon-like form of a model trigger: its type with the type's defaults."""
    roots, _, _ = morphology(word)
    preps, flags = _type_defaults().get(type_, (frozenset(), frozenset()))
    entry = Entry(min(roots, key=len) if roots else word, type_, None, TYPE_CAMEO.get(type_),
                  preps, flags)
    if voice is None:
        voice = "active" if pos == "VERB" else "nominal"
    return Form((word,), voice, entry)


def propose(doc: Doc, model: TriggerModel, matches: Sequence[tuple[Span, Form]],
            ents: Sequence[Span] | None = None
            ) -> tuple[list[tuple[Span, Form]], list[float]]:
    """The model's triggers outside the lexicon's matches (each candidate word whose P(event)
    reaches the threshold, a one-word trigger of its most likely type), and P(event) of each
    lexicon match (its most likely word; 1.0 when no word of it is a candidate)."""
    index, rows = candidates(doc, matches, ents)
    if not index:
        return [], [1.0] * len(matches)
    lowers = token_lowers(doc)
    dense = model.vector_weights
    vectors = word_vectors(doc, [lowers[i] for i in index]) if dense is not None else None
    if vectors is not None and dense is not None and vectors.shape[1] != dense.shape[0]:
        vectors = None  # a vocabulary with vectors of another size: the sparse features alone
    probs = model.probabilities(rows, vectors)
    event = 1.0 - probs[:, 0]
    best = probs[:, 1:].argmax(axis=1) + 1
    at = {i: k for k, i in enumerate(index)}
    scores = [max((float(event[at[i]]) for i in range(span.start, span.end) if i in at),
                  default=1.0) for span, _ in matches]
    covered = {i for span, _ in matches for i in range(span.start, span.end)}
    out = []
    for k, i in enumerate(index):
        if i in covered or event[k] < model.threshold:
            continue
        _, _, voice = morphology(lowers[i])
        out.append((doc[i:i + 1], proposed_form(lowers[i], model.labels[best[k]], voice,
                                                doc[i].pos_)))
    return out, scores
