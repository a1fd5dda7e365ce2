"""Who did it, to whom: a trained model picks an event's source and target among candidates.

The argument rules (``event_args``) propose; this module lists every actor a reader could take
as a party of one trigger and describes it by features, and small boosted trees (``TreeModel``;
a multinomial logistic regression, ``LinearModel``, before events v12; trained by
``warta train extract --model event_parties`` on the gold corpus's train split) score each as
source, target or neither:

- candidates: the actor mentions of the trigger's sentence and of the previous one, the speaker
  of the quote the trigger is in (``"…, kata Purbaya"`` makes Purbaya the one who rejects), the
  speaker of a quote that overlaps the sentence, the actors of the lead sentence and of the
  headline (``doc._.headline``, the title analysed by ``warta.process``), the agent the
  rules read from "serangan tersebut" or "keduanya", and the other one of a person-body pair
  (the body a titled person acts for, the person named acting for a body: ``affiliations``);
- features: position and distance to the trigger, the voice of the trigger (di- passives turn
  the subject into the target), the governing preposition (*oleh, kepada, terhadap, dengan*)
  and what it makes of the mention by the trigger's lexicon row (``case_role``: the row's own
  target prepositions, the agent after "oleh", the giver after "dari", a place or time after
  "di", "sejak" …; a bare name right after the trigger as its voice and row read it),
  the dependency arc to the trigger and where the parse puts the mention's phrase
  (``tree_features``: subject, object or oblique of the trigger or of the verb it hangs under,
  the case marker, path length, same clause), the trigger's own subject and object slots
  (``subject_slot``: none of its own, shared with the verb above, first person …;
  ``object_slot``: a noun, a pronoun such as "-nya", none) crossed with what the candidate
  is, which candidate is the subject of a clause before the trigger's (``clause_features``:
  the one a dropped subject refers back to), which is the subject a trigger without one of
  its own takes from the clause it hangs under, at any depth and across a speech verb
  (``inherited_subject``: "heir_subj"), a title before it, the
  actor's type, whether trigger and mention sit inside a quote, the PLOVER type and the
  lexicon flags, the candidate's rank by distance on its side of the trigger, and what the
  rules proposed (their source and target are features, not the answer);
- decision: source and target are chosen together, the pair of distinct candidates with the
  highest summed log-odds, an open side scored by a bias tuned on train-CV (``decide``).

The model file is JSON (feature vocabulary, the trees as nested lists or the weights, the open
sides' biases), read without pickle; scoring walks a third of the trees per candidate (or a dot
product), so the stage stays fast.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from warta.extract.event_args import (
    QUOTE_MARKS,
    Context,
    Mention,
    is_newline,
    looks_verbal,
    target_prepositions,
)
from warta.extract.event_lexicon import Form
from warta.kb.gazetteer import by_kb
from warta.nlp.extensions import doc_memo, span_actor, token_lowers, token_texts
from warta.nlp.lang.id.conjunctions import PARTY_CLAUSE_WORDS
from warta.nlp.lang.id.event_markers import (
    PREPOSITIONS,
    SETTING_PREPOSITIONS,
    TITLE_WORDS,
    UNNAMED_AGENTS,
)
from warta.nlp.lang.id.modality import FUTURE, HYPOTHETICAL
from warta.nlp.lang.id.negation import BRIDGES, NEGATORS
from warta.nlp.lang.id.pronouns import (
    CLITIC,
    CLITIC_FORMS,
    SPEAKER_SUBJECTS,
    SPEAKER_SUBJECTS_INDIRECT,
    SUBJECT_PRONOUNS,
)
from warta.resolve import roles
from warta.types import Actor

MODEL_FILE = "event_parties.json"
LABELS = ("none", "source", "target")
TRIGGER_LABELS = ("none", "event")
_DISTANCES = (1, 3, 6, 10, 20)
_LEAD_MENTIONS = 4  # actors of the lead sentence offered to every trigger
# actors of the title (``doc._.headline``) offered to every trigger; they are lead actors too,
# whose weights the model learnt (the train split's IndoSum articles come without titles)
_HEADLINE_ACTORS = 4


def shipped_model_path() -> Path:
    """Where the trained model ships inside the package."""
    return Path(str(resources.files("warta") / "models" / "decisions" / MODEL_FILE))


@dataclass(frozen=True)
class LinearModel:
    """A multinomial logistic regression over sparse binary features, read from JSON."""

    labels: tuple[str, ...]
    vocabulary: dict[str, int]
    weights: list[list[float]]  # one row per label, one column per feature
    intercepts: list[float]
    threshold: float = 0.5
    # the party decision's score of leaving (source, target) open, in log-odds against "none"
    # (``decide``): None for a file from before the joint decision, read by the threshold
    none_bias: tuple[float, float] | None = None
    # the open sides' score below which no candidate makes a trigger an event (``choose``):
    # None, the trigger is emitted when the pair at ``none_bias`` names a side
    emit_bias: tuple[float, float] | None = None

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """P(label | features) for each label."""
        vocabulary = self.vocabulary
        # in column order: the same sum to the last bit whatever order a set gives the features
        columns = sorted({vocabulary[f] for f in features if f in vocabulary})
        if len(self.labels) == 2:  # a binary model keeps one row (the second label's)
            row = self.weights[0]
            z = self.intercepts[0] + sum([row[c] for c in columns])
            p = 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0
            return {self.labels[0]: 1.0 - p, self.labels[1]: p}
        scores = [b + sum([row[c] for c in columns])  # a list sums faster, in the same order
                  for row, b in zip(self.weights, self.intercepts, strict=True)]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps, strict=True)}

    @classmethod
    def from_json(cls, data: dict[str, Any], labels: tuple[str, ...]) -> LinearModel:
        if tuple(data.get("labels", ())) != labels:
            raise ValueError(f"labels must be {labels}")
        return cls(labels, dict(data["vocabulary"]), [list(r) for r in data["weights"]],
                   list(data["intercepts"]), float(data.get("threshold", 0.5)),
                   _pair(data.get("none_bias")), _pair(data.get("emit_bias")))


def _pair(value: Any) -> tuple[float, float] | None:
    """A (source, target) pair of floats from JSON, or None."""
    return (float(value[0]), float(value[1])) if value else None


Node = Any  # a tree node: a leaf's float, or [feature column, absent branch, present branch]


@dataclass(frozen=True)
class TreeModel:
    """Gradient-boosted trees over binary features (LightGBM's multiclass softmax, converted
    by the trainer), read from JSON: per label its trees, each a nested list
    ``[column, absent, present]`` down to float leaves; a label's score is its leaves' sum.

    No library at run time, and fast: a tree's walk can leave its all-absent path only at a
    feature the candidate has, so each label starts from the sum of its trees' all-absent
    leaves and only the trees whose all-absent path tests a present feature are walked (about
    a third of them), each adding its leaf's difference."""

    labels: tuple[str, ...]
    vocabulary: dict[str, int]
    trees: list[list[Node]]  # one list of trees per label
    threshold: float = 0.5
    none_bias: tuple[float, float] | None = None
    emit_bias: tuple[float, float] | None = None  # as ``LinearModel.emit_bias``
    _flat: list[tuple[int, Node, float]] = field(init=False, repr=False, compare=False)
    _base: list[float] = field(init=False, repr=False, compare=False)
    _by_column: dict[int, tuple[int, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        flat: list[tuple[int, Node, float]] = []  # (label, tree, its all-absent leaf)
        base = [0.0] * len(self.trees)
        by_column: dict[int, list[int]] = {}
        for label, trees in enumerate(self.trees):
            for tree in trees:
                node = tree
                while isinstance(node, list):
                    by_column.setdefault(node[0], []).append(len(flat))
                    node = node[1]
                flat.append((label, tree, float(node)))
                base[label] += node
        object.__setattr__(self, "_flat", flat)
        object.__setattr__(self, "_base", base)
        object.__setattr__(self, "_by_column", {c: tuple(t) for c, t in by_column.items()})

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """P(label | features) for each label."""
        vocabulary, by_column, flat = self.vocabulary, self._by_column, self._flat
        present = {vocabulary[f] for f in features if f in vocabulary}
        walked: set[int] = set()
        for column in present:
            walked.update(by_column.get(column, ()))
        scores = list(self._base)
        for t in sorted(walked):  # in file order: the same sum to the last bit on every run
            label, node, absent = flat[t]
            while isinstance(node, list):
                node = node[2] if node[0] in present else node[1]
            scores[label] += node - absent
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps, strict=True)}

    @classmethod
    def from_json(cls, data: dict[str, Any], labels: tuple[str, ...]) -> TreeModel:
        if tuple(data.get("labels", ())) != labels or len(data["trees"]) != len(labels):
            raise ValueError(f"labels must be {labels}")
        columns = len(data["vocabulary"])
        for trees in data["trees"]:
            for tree in trees:
                _check_node(tree, columns)
        return cls(labels, dict(data["vocabulary"]), [list(t) for t in data["trees"]],
                   float(data.get("threshold", 0.5)), _pair(data.get("none_bias")),
                   _pair(data.get("emit_bias")))


def _check_node(node: Node, columns: int, depth: int = 0) -> None:
    """Refuse a tree the scorer could not walk (a foreign or damaged file fails at load)."""
    if isinstance(node, float | int) and not isinstance(node, bool):
        return
    if not isinstance(node, list) or len(node) != 3 or not isinstance(node[0], int) \
            or not 0 <= node[0] < columns or depth > 64:
        raise ValueError("a tree node must be a number or [column, absent, present]")
    _check_node(node[1], columns, depth + 1)
    _check_node(node[2], columns, depth + 1)


def read_model(data: dict[str, Any], labels: tuple[str, ...]) -> LinearModel | TreeModel:
    """A decision model from its JSON: trees where ``kind`` says so, else linear."""
    if data.get("kind") == "trees":
        return TreeModel.from_json(data, labels)
    return LinearModel.from_json(data, labels)


@dataclass(frozen=True)
class PartyModel:
    """The two decisions: is a lexicon trigger an event (``triggers``), and which candidates are
    its source and target (``parties``)."""

    parties: LinearModel | TreeModel
    triggers: LinearModel | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PartyModel:
        triggers = data.get("triggers")
        return cls(read_model(data["parties"], LABELS),
                   LinearModel.from_json(triggers, TRIGGER_LABELS) if triggers else None)


def load_model(path: Path | None = None) -> PartyModel | None:
    """The model at ``path`` (default: the shipped file), or None when the file is absent."""
    path = path or shipped_model_path()
    if not path.exists():
        return None
    return PartyModel.from_json(json.loads(path.read_text(encoding="utf-8")))


@dataclass
class PartyCandidate:
    """One actor that may be a party of a trigger, with what describes it."""

    actor: str | None  # actor id; None for a place whose country actor is not created yet
    country: str | None  # a place mention's country (its government is the party)
    mention: Mention | None
    features: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        return self.actor or f"gpe:{self.country}"


@dataclass(frozen=True)
class Proposal:
    """What the rules proposed for a trigger (features for the model)."""

    sources: tuple[str, ...] = ()
    target: str | None = None
    anaphoric: str | None = None  # the agent of the earlier event "serangan tersebut" names
    dual: tuple[str | None, str | None] = (None, None)  # "keduanya": the latest event's pair


def _bucket(n: int) -> str:
    return next((str(d) for d in _DISTANCES if n <= d), "far")


def previous_sentence(doc: Doc, sent: Span, sentence: Any) -> Span | None:
    """The sentence before ``sent`` (``sentence(doc, i)`` cuts at paragraph breaks too)."""
    i = sent.start - 1
    while i >= 0 and (doc[i].is_space or is_newline(doc[i])):
        i -= 1
    return sentence(doc, i) if i >= 0 else None


def _quote_of(doc: Doc, i: int) -> Any:
    """The quote whose content holds token ``i``, if any."""
    for q in doc._.quotes or []:
        if q.content.start <= i < q.content.end:
            return q
    return None


_PREVERBAL = BRIDGES | NEGATORS | FUTURE | HYPOTHETICAL  # "kami tidak akan menolak"


def speaker_subject(doc: Doc, trigger: Span) -> str | None:
    """The speaker of the quote around ``trigger`` when the verb's subject is the speaker
    speaking of themselves ("Kami menolak usulan itu," kata Purbaya: Purbaya rejects), else
    None. Statements said in a quote are coded with the speaker as source."""
    quote = _quote_of(doc, trigger.start)
    if quote is None or not quote.speaker:
        return None
    selves = SPEAKER_SUBJECTS_INDIRECT if quote.kind == "indirect" else SPEAKER_SUBJECTS
    k = trigger.start - 1
    while k >= quote.content.start and doc[k].lower_ in _PREVERBAL:
        k -= 1
    if k < quote.content.start:
        return None
    word = doc[k].lower_
    if word in CLITIC_FORMS and k - 1 >= quote.content.start:  # "pihak" + "nya", split
        word = doc[k - 1].lower_ + CLITIC
    return str(quote.speaker) if word in selves else None


def headline_body(doc: Doc, trigger: Span, sent: Span) -> str | None:
    """The body the headline names first when the verb's subject is an officer named by
    function alone ("KPK Tangkap ..." over "Penyidik menangkap ...": KPK arrests), else None."""
    headline: list[Actor] = doc._.headline or []
    body = next((a.id for a in headline if a.type == "ORG"), None)
    if body is None:
        return None
    k = trigger.start - 1
    while k >= sent.start and doc[k].lower_ in _PREVERBAL:
        k -= 1
    if k < sent.start or doc[k].lower_ not in UNNAMED_AGENTS or doc[k].ent_type_:
        return None
    return body


def _sentence_speakers(doc: Doc, sent: Span) -> set[str]:
    return {q.speaker for q in doc._.quotes or [] if q.speaker
            and q.content.start < sent.end and sent.start < q.content.end}


def lead_mentions(doc: Doc, ctx: Context, sentence: Any) -> list[Mention]:
    """The first mentions of the lead sentence (the article's first sentence of prose)."""
    if not ctx.mentions:
        return []
    first = sentence(doc, ctx.mentions[0].start)
    return [m for m in ctx.mentions if first.start <= m.start < first.end][:_LEAD_MENTIONS]


def _between(doc: Doc, lo: int, hi: int) -> set[str]:
    """What separates a mention from the trigger: punctuation, clause words, other verbs."""
    out = set()
    texts, lowers = token_texts(doc), token_lowers(doc)  # no Token object per word
    for k in range(lo, hi):
        word, text = lowers[k], texts[k]
        if word in (",", ";", ":"):
            out.add("btw=punct")
        elif word in PARTY_CLAUSE_WORDS:
            out.add(f"btw={word}")
        elif text in QUOTE_MARKS:
            out.add("btw=quote")
        elif looks_verbal(word):
            out.add("btw=verb")
        elif "\n" in text and text.isspace():  # is_newline
            out.add("btw=para")
    return out


def _mention_features(ctx: Context, m: Mention, trigger: Span, sent: Span, prev: Span | None,
                      form: Form, tree: TriggerTree) -> set[str]:
    doc = ctx.doc
    voice, typ = form.voice, form.entry.type
    if sent.start <= m.start < sent.end:
        where = "left" if m.end <= trigger.start else "right"
    else:
        where = "prev"
    lo, hi = (m.end, trigger.start) if m.end <= trigger.start else (trigger.end, m.start)
    gap = max(hi - lo, 0)
    floor = prev.start if where == "prev" and prev is not None else sent.start
    prep = ctx.prep_of(m, floor) or "none"
    # the words right before and after a mention are not features: seen a few times each,
    # they memorised the train articles (train-CV, issue 19 s6); a preposition or title is kept
    before = ctx.lowers[m.start - 1] if m.start > 0 else "<s>"
    f = {f"pos={where}", f"dist={_bucket(gap)}", f"pos_dist={where}|{_bucket(gap)}",
         f"voice_pos={voice}|{where}", f"prep={prep}", f"voice_prep={voice}|{prep}",
         f"type_pos={typ}|{where}", f"type_prep={typ}|{prep}"}
    if before in PREPOSITIONS:
        f.add(f"voice_pos_prep={voice}|{where}|{before}")
    f |= case_features(prep, form, where, m.start == trigger.end)
    if m.start > 0 and before in TITLE_WORDS:
        f.add("titled")
    f.add("person" if m.person else ("actor" if m.actor else "place"))
    f.add(f"kind={_kind(m)}")
    if where != "prev":
        f.update(f"{where}|{b}" for b in _between(doc, lo, hi))
    root = m.span.root.i
    if where != "prev":
        f |= tree_features(root, tree, voice, where)
    f |= clause_features(root, tree, trigger, where)
    f.update(_arc_features(root, tree, voice))
    return f


def case_role(prep: str, form: Form) -> str:
    """What the preposition before a mention makes of it for this trigger, by the grammar of
    Indonesian case marking: one of the prepositions the trigger's lexicon row names for its
    target ("memberikan bantuan kepada X", "bertemu dengan X", "kecaman terhadap X") marks the
    target; "oleh" the agent (of a di- passive or a noun: "ditangkap oleh X", "penangkapan
    ... oleh X"); "dari" the giver where the subject receives or the trigger is a noun
    ("menerima bantuan dari X", "bantuan dari X untuk Y"), else a point of origin; a
    preposition of place or time (di, dalam, pada, sejak …) a setting, not a party."""
    if prep == "none":
        return "none"
    if prep in target_prepositions(form):
        return "target"
    if prep == "oleh":
        return "agent"
    if prep == "dari":
        return "giver" if "recv" in form.entry.flags or form.voice == "nominal" else "from"
    return "setting" if prep in SETTING_PREPOSITIONS else "other"


def case_features(prep: str, form: Form, where: str, adjacent: bool) -> set[str]:
    """A mention's case role (``case_role``) by its side of the trigger, and what a bare name
    right after the trigger is by its voice and row: a di- passive's agent ("diserang
    Rusia"), an active verb's object, a noun's patient where the row says the name after its
    noun is the one the act is done to ("penangkapan Noel": ``patient``), else the noun's
    agent ("serangan Rusia", "kunjungan Jokowi"). They state the trigger's own case frame,
    which the preposition, voice and type features leave the trees to find as a three-way
    split (crossing the role with voice and type as well scored lower on train-CV)."""
    role = case_role(prep, form)
    voice = form.voice
    f = {f"case={where}|{role}"}
    if adjacent and role == "none":
        if voice == "nominal":
            bare = "patient" if "patient" in form.entry.flags else \
                "topic" if "noposs" in form.entry.flags else "agent"
        else:
            bare = {"passive": "agent", "active": "object"}.get(voice, "other")
        f.add(f"bare_next={bare}")
    return f


def _arc_features(root: int, tree: TriggerTree, voice: str) -> list[str]:
    """The arc between a mention's head token ``root`` and the trigger's head: the mention's
    relation to it, the trigger's relation to the mention, or a grandchild's two relations.
    Read from the parse's arrays (``_parse``), not by a Token per step."""
    heads, deps, _ = tree.parse
    head, name = tree.head.i, tree.names
    if heads[root] == head and root != head:
        return [f"arc={name[deps[root]]}", f"voice_arc={voice}|{name[deps[root]]}"]
    if heads[head] == root:
        return [f"arc_up={name[deps[head]]}"]
    if heads[heads[root]] == head:
        return [f"arc2={name[deps[heads[root]]]}|{name[deps[root]]}"]
    return []


# the arcs from a name up to the noun heading its phrase: "Juru bicara KPK" (KPK under
# "juru"), "Menteri Luar Negeri Retno" (Retno under "Menteri"); the head is the argument
_PHRASE_ARCS = frozenset({"flat", "flat:name", "appos", "nmod", "nmod:poss", "compound"})
# the arcs by which a trigger hangs under a verb whose subject or object it shares: "X berencana
# menyerang Y" (xcomp), "X mengecam serangan Y" (obj), "X mengatakan akan menolak" (ccomp)
_UP_ARCS = frozenset({"xcomp", "ccomp", "obj", "obl", "nsubj", "nsubj:pass", "advcl", "conj"})
# the arcs that open a clause of their own
_CLAUSE_ARCS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "acl", "acl:relcl", "parataxis",
                          "csubj", "conj"})
# the arcs of a clause's source slot (a passive's agent) and of its target slot (a passive's
# subject); a subject of either voice is what a later clause's dropped subject refers back to
_SOURCE_ARCS = frozenset({"nsubj", "csubj", "obl:agent"})
_SUBJECT_ARCS = frozenset({"nsubj", "nsubj:pass", "csubj"})
_TARGET_ARCS = frozenset({"obj", "iobj", "nsubj:pass"})
# a previous sentence's mention: its relation to that sentence's verb, else "other"
_ROLE_ARCS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent"})
# the same as ids of the parse's arrays (``_parse``)
_PHRASE_IDS = frozenset(get_string_id(r) for r in _PHRASE_ARCS)
_SUBJECT_IDS = frozenset(get_string_id(r) for r in _SUBJECT_ARCS)
_SOURCE_IDS = frozenset(get_string_id(r) for r in _SOURCE_ARCS)
_TARGET_IDS = frozenset(get_string_id(r) for r in _TARGET_ARCS)
_ROLE_IDS = {get_string_id(r): r for r in _ROLE_ARCS}
_UP_IDS = frozenset(get_string_id(r) for r in _UP_ARCS)
_VERBAL_IDS = frozenset(get_string_id(p) for p in ("VERB", "AUX", "ADJ"))
_ROOT_ID = get_string_id("ROOT")
_CLAUSE_IDS = frozenset(get_string_id(r) for r in _CLAUSE_ARCS)
_CONJ_ID = get_string_id("conj")
_CASE_ID = get_string_id("case")
_VERB_ID = get_string_id("VERB")
_XCOMP_ID = get_string_id("xcomp")
_PATHS = (1, 2, 3, 4, 6)
_MAX_CLIMB = 12  # a parse deeper than this is read as no path


def _ancestors(heads: list[int], i: int) -> list[int]:
    """Token ``i`` and its heads up to the root (at most ``_MAX_CLIMB`` steps), as indices."""
    chain = [i]
    while heads[chain[-1]] != chain[-1] and len(chain) <= _MAX_CLIMB:
        chain.append(heads[chain[-1]])
    return chain


def _clause_of(deps: list[int], upos: list[int], chain: list[int]) -> int:
    """The token index heading the clause of ``chain[0]``: the first token up the chain that
    hangs by a clausal arc (a verb's ``conj`` only)."""
    for i in chain:
        if deps[i] in _CLAUSE_IDS and (deps[i] != _CONJ_ID or upos[i] == _VERB_ID):
            return i
    return chain[-1]


@dataclass(frozen=True)
class TriggerTree:
    """The trigger's place in the parse, worked out once per trigger for all its mentions."""

    head: Any  # the trigger's head token
    depth: dict[int, int]  # its ancestors' token indices → steps up from the trigger
    verb: Any  # the verb it hangs under (``_UP_ARCS``), or None
    clause: int  # the token heading its clause (the matrix verb's for an xcomp)
    subject: str = "none"  # what fills its subject slot (``subject_slot``)
    # whether its clause names an object ("filled"), a pronoun object ("pron": "-nya", "dia",
    # whose actor is named before) or none ("open")
    target: str = "open"
    # the Doc's heads, relation ids and UPOS ids (``_parse``), read once per trigger
    parse: tuple[list[int], list[int], list[int]] = ([], [], [])

    # relation id → its name, for the features that name a relation (the Doc's StringStore)
    names: Any = None
    # the token heading the subject the trigger's clause takes from a clause above it
    # (``inherited_subject``), or -1
    heir: int = -1

    @classmethod
    def of(cls, trigger: Span) -> TriggerTree:
        head = trigger.root
        parse = _parse(trigger.doc)
        heads, deps, upos = parse
        up = _ancestors(heads, head.i)
        verb = trigger.doc[heads[head.i]] \
            if deps[head.i] in _UP_IDS and heads[head.i] != head.i else None
        clause = _clause_of(deps, upos, up[1:] if deps[head.i] == _XCOMP_ID and len(up) > 1
                            else up)
        kids = _children(heads, head.i, head.left_edge.i, head.right_edge.i)
        target = object_slot(trigger.doc, parse, kids)
        return cls(head, {t: k for k, t in enumerate(up)}, verb, clause,
                   subject_slot(trigger.doc, parse, kids, verb), target, parse,
                   trigger.doc.vocab.strings,
                   inherited_subject(trigger.doc, parse, head.i, kids))


# the arcs by which a clause hangs under the clause whose subject it shares: "X mengatakan
# sudah bertemu Y" (ccomp), "X berencana bertemu Y" (xcomp), "X tiba dan bertemu Y" (conj),
# "X datang untuk bertemu Y" (advcl): the clausal arcs among those a trigger hangs under a verb by
_SHARING_IDS = frozenset(get_string_id(r) for r in _CLAUSE_ARCS & _UP_ARCS)
# a subject of either voice, or a passive's agent: a clause with one inherits none
_OWN_SUBJECT_IDS = frozenset(get_string_id(r) for r in _SOURCE_ARCS | _SUBJECT_ARCS)
_MAX_SHARING = 4
_RELATIVE_IDS = frozenset(get_string_id(r) for r in ("acl", "acl:relcl"))


def inherited_subject(doc: Doc, parse: tuple[list[int], list[int], list[int]], head: int,
                      kids: list[int]) -> int:
    """The token heading the subject a trigger without one of its own takes from the clauses
    above it, or -1. Indonesian drops a subject the clause shares with the one it hangs
    under, at any depth and across a speech verb: in "Deddy mengatakan sudah beberapa kali
    bertemu dengan Zulkifli" the one who met is Deddy, the subject of "mengatakan", which
    stands outside the reported words; a noun trigger takes the subject of the verb it is the
    object of ("X menerima bantuan"). Climbs the sharing arcs (``_SHARING_IDS``; the first
    step also an object's or oblique's, ``_UP_ARCS``) up to the first clause with a subject."""
    heads, deps, _ = parse
    if any(deps[j] in _OWN_SUBJECT_IDS for j in kids):
        return -1
    lowers = token_lowers(doc)
    i, arcs = head, _UP_IDS
    for _ in range(_MAX_SHARING):
        if heads[i] == i or deps[i] not in arcs:
            return -1
        below, i = i, heads[i]
        token = doc[i]
        subject = next((j for j in _children(heads, i, token.left_edge.i, token.right_edge.i)
                        if j != below and deps[j] in _SUBJECT_IDS and not doc[j].is_space),
                       None)
        if subject is not None and lowers[subject] == "yang" and deps[i] in _RELATIVE_IDS:
            subject = heads[i]  # "X yang mengatakan ...": the noun the clause is said of
        if subject is not None:
            return _phrase_head(parse, subject)
        arcs = _SHARING_IDS
    return -1


def _children(heads: list[int], i: int, lo: int, hi: int) -> list[int]:
    """The dependents of token ``i`` (its subtree spans ``lo`` … ``hi``), from the arrays."""
    return [j for j in range(lo, hi + 1) if heads[j] == i and j != i]


def object_slot(doc: Doc, parse: tuple[list[int], list[int], list[int]], kids: list[int]
                ) -> str:
    """What stands in the trigger's object slot (obj, iobj, a passive's subject; ``kids``: its
    head's dependents): a pronoun ("pron": the clitic "-nya" of "menginstruksikannya", "dia",
    "mereka"), a noun ("filled"), or nothing ("open"). A pronoun object names a target the
    text named before (the previous sentence's subject or object, the lead), which no arc
    joins to the trigger; a noun object is the target itself."""
    _, deps, _ = parse
    objects = [j for j in kids if deps[j] in _TARGET_IDS]
    if not objects:
        return "open"
    lowers = token_lowers(doc)
    pronoun = any(lowers[j] in CLITIC_FORMS or lowers[j] in SUBJECT_PRONOUNS for j in objects)
    return "pron" if pronoun else "filled"


def subject_slot(doc: Doc, parse: tuple[list[int], list[int], list[int]], kids: list[int],
                 verb: Any) -> str:
    """What stands in the subject slot of the trigger (``kids``: its head's dependents): a
    first-person pronoun or "pihaknya" ("first": in a quote, the speaker), another pronoun
    ("pron"), a noun ("noun"); none of its own while the verb it hangs under has one
    ("shared": "X tiba dan menemui Y", "X berencana menemui Y"), or none at all ("none").
    Indonesian drops a subject the clause shares with the clause or sentence before ("Ia tiba
    ... Kemudian menemui ..."): the source is then the earlier clause's subject or the quote's
    speaker, which no arc joins to the trigger."""
    heads, deps, _ = parse
    subj = next((j for j in kids if deps[j] in _SOURCE_IDS), None)
    if subj is None:
        shared = verb is not None and any(
            deps[j] in _SOURCE_IDS
            for j in _children(heads, verb.i, verb.left_edge.i, verb.right_edge.i))
        return "shared" if shared else "none"
    word = token_lowers(doc)[subj]
    if word in SPEAKER_SUBJECTS or (word + CLITIC in SPEAKER_SUBJECTS  # "pihak" + "nya"
                                    and any(c.lower_ in CLITIC_FORMS for c in doc[subj].children)):
        return "first"
    return "pron" if word in SUBJECT_PRONOUNS else "noun"


def _phrase_head(parse: tuple[list[int], list[int], list[int]], root: int) -> int:
    """The noun heading the phrase of a mention's head token ``root``, climbing the arcs
    within a noun phrase ("Juru bicara KPK": KPK under "Juru"), as ``tree_features`` does."""
    heads, deps, _ = parse
    arg, k = root, 0
    while k < 4 and deps[arg] in _PHRASE_IDS and heads[arg] != arg:
        arg, k = heads[arg], k + 1
    return arg


def clause_features(root: int, tree: TriggerTree, trigger: Span, where: str) -> set[str]:
    """A mention's role in the clauses before the trigger's (``root``: its head token): the
    subject of an earlier clause or sentence (``subj_before``: the one a dropped subject
    refers back to), and for a mention of the previous sentence its relation to that
    sentence's verb (``prev_role=obj``: a target the trigger's clause leaves unnamed is often
    the previous sentence's object)."""
    heads, deps, upos = tree.parse
    arg, k = root, 0  # the noun heading the mention's phrase, as ``tree_features`` climbs
    while k < 4 and deps[arg] in _PHRASE_IDS and heads[arg] != arg:
        arg, k = heads[arg], k + 1
    f: set[str] = set()
    up = heads[arg]
    if deps[arg] in _SUBJECT_IDS and arg < trigger.start and up != tree.head.i \
            and up != tree.clause:
        f.add("subj_before")
    if where == "prev":
        verbal = upos[up] in _VERBAL_IDS or deps[up] == _ROOT_ID
        f.add(f"prev_role={_ROLE_IDS.get(deps[arg], 'other') if verbal else 'other'}")
    return f


def _parse(doc: Doc) -> tuple[list[int], list[int], list[int]]:
    """Each token's head index, relation id and UPOS id, read once per Doc (the parse does
    not change while the events stage runs): climbing by ``Token.head`` makes a Token object
    at each step."""
    memo = doc_memo(doc)
    got: tuple[list[int], list[int], list[int]] | None = memo.get(_PARSE)
    if got is None or len(got[0]) != len(doc):
        rows = doc.to_array([HEAD, DEP, POS])
        heads = (rows[:, 0].astype(numpy.int64) + numpy.arange(len(doc))).tolist()
        got = memo[_PARSE] = (heads, rows[:, 1].tolist(), rows[:, 2].tolist())
    return got


_PARSE = object()  # doc_memo key of ``_parse``


def tree_features(root: int, tree: TriggerTree, voice: str, where: str) -> set[str]:
    """Where a mention stands to the trigger in the dependency parse: the relation of the noun
    heading its phrase to the trigger's word (``dep=nsubj``) or to the verb the trigger hangs
    under (``dep_up=xcomp|nsubj``: "X berencana menyerang Y"), that head's case marker
    ("kepada", "oleh", "terhadap"), whether it sits inside another noun's phrase (the body of
    "juru bicara KPK"), the length of the tree path and whether both stand in one clause. The
    linear features (position, preposition to the left) miss the subject of a matrix verb and
    an argument behind a title; the parse states them. ``root`` is the mention's head token;
    the walk reads the parse's arrays (``_parse``), not a Token per step."""
    head, depth, verb, name = tree.head.i, tree.depth, tree.verb, tree.names
    heads, deps, upos = tree.parse
    chain = _ancestors(heads, root)
    f: set[str] = set()
    steps = next((k + depth[t] for k, t in enumerate(chain) if t in depth), None)
    path = "none" if steps is None else next((str(n) for n in _PATHS if steps <= n), "far")
    f.add(f"path={where}|{path}")
    k = 0  # the noun heading the mention's phrase: chain[k]
    while deps[chain[k]] in _PHRASE_IDS and k + 1 < len(chain) and chain[k + 1] != head \
            and k < 4:
        k += 1
    arg = chain[k]
    if k:
        f |= {"in_phrase", f"in_phrase={_phrase_kind(tree.head.doc[arg])}"}
    if arg != head and heads[arg] == head:
        dep = name[deps[arg]]
        case = next((c.lower_ for c in tree.head.doc[arg].children if c.dep == _CASE_ID),
                    "none")
        f |= {f"dep={dep}", f"voice_dep={voice}|{dep}", f"dep_case={dep}|{case}"}
    elif verb is not None and arg != verb.i and heads[arg] == verb.i:
        up, dep = name[deps[head]], name[deps[arg]]
        f |= {f"dep_up={up}|{dep}", f"voice_dep_up={voice}|{up}|{dep}"}
    if steps is not None:
        same = _clause_of(deps, upos, chain[k:]) in (tree.clause, head)
        f.add(f"clause={where}|{'same' if same else 'other'}")
    return f


def _kind(m: Mention) -> str:
    if m.actor is None:
        return "place"
    return m.actor.split(":", 1)[0]


def party_candidates(ctx: Context, trigger: Span, form: Form, sent: Span, prev: Span | None,
                     lead: list[Mention], proposal: Proposal) -> list[PartyCandidate]:
    """Every actor that may be a party of ``trigger``, one candidate per actor, its features
    from its nearest mention plus what else points at it (quote speaker, lead, headline, the
    rules)."""
    doc = ctx.doc
    by_key: dict[str, PartyCandidate] = {}

    def add(actor: str | None, country: str | None, m: Mention | None, feats: set[str]) -> None:
        cand = PartyCandidate(actor, country, m)
        cand = by_key.setdefault(cand.key, cand)
        if m is not None and cand.mention is not None and cand.mention is not m:
            near = _distance(cand.mention, trigger) <= _distance(m, trigger)
            cand.features.add("repeated")
            if near:
                feats = {x for x in feats if not x.startswith(_LOCAL)}
            else:
                cand.features = {x for x in cand.features if not x.startswith(_LOCAL)}
                cand.mention = m
        elif m is not None:
            cand.mention = m
        cand.features |= feats

    lo = prev.start if prev is not None else sent.start
    quote = _quote_of(doc, trigger.start)
    starts = ctx.starts
    tree = TriggerTree.of(trigger)
    last_subject: Mention | None = None  # the nearest subject of a clause before the trigger's
    heir: Mention | None = None  # the subject the trigger's clause takes from the one above
    for m in ctx.mentions[bisect_left(starts, lo):bisect_left(starts, sent.end)]:
        if m.start < trigger.end and trigger.start < m.end:  # lo <= m.start < sent.end
            continue
        if tree.heir >= 0 and heir is None and _phrase_head(tree.parse, m.span.root.i) \
                == tree.heir:
            heir = m
        if quote is not None and not quote.content.start <= m.start < quote.content.end:
            add(m.actor, m.country, None, {"outside_quote"})  # a speaker, not an argument
            continue
        feats = _mention_features(ctx, m, trigger, sent, prev, form, tree)
        if "subj_before" in feats:
            last_subject = m
        add(m.actor, m.country, m, feats)
    if quote is not None and quote.speaker:
        add(quote.speaker, None, None, {"quote_speaker"})
    for speaker in sorted(_sentence_speakers(doc, sent)):  # one order whatever the hash seed
        add(speaker, None, None, {"sent_speaker"})
    for m in lead:
        add(m.actor, m.country, None, {"lead"})
    for actor in (doc._.headline or [])[:_HEADLINE_ACTORS]:
        add(actor.id, None, None, {"lead", "headline"})  # the title leads the story as the lead
    for actor, feats in _partners(ctx, by_key):
        add(actor, None, None, feats)
    for s in proposal.sources:
        if s in by_key:
            by_key[s].features.add("rule_source")
    if proposal.target in by_key:
        by_key[proposal.target].features.add("rule_target")
    if last_subject is not None:  # the one a dropped subject refers back to first
        by_key[PartyCandidate(last_subject.actor, last_subject.country, None).key] \
            .features.add("last_subj")
    if heir is not None:  # a dropped subject: the subject of the clause above, any depth
        by_key[PartyCandidate(heir.actor, heir.country, None).key].features.add("heir_subj")
    elif tree.heir >= 0 and quote is not None and quote.speaker \
            and ctx.lowers[tree.heir] in SPEAKER_SUBJECTS:  # "kami": the quote's speaker
        by_key[str(quote.speaker)].features.add("heir_subj")
    if proposal.anaphoric:
        add(proposal.anaphoric, None, None, {"anaphoric"})
    for actor, label in zip(proposal.dual, ("dual_first", "dual_second"), strict=True):
        if actor:
            add(actor, None, None, {label})
    _rank_features(list(by_key.values()), trigger, form.voice)
    common = {f"ptype={form.entry.type}", f"voice={form.voice}",
              *(f"flag={x}" for x in form.entry.flags)}
    # a noun trigger ("serangan") has no clause slots of its own: its own state
    slots = ("subj_slot=nominal", "obj_slot=nominal") if form.voice == "nominal" \
        else (f"subj_slot={tree.subject}", f"obj_slot={tree.target}")
    if quote is not None:
        common.add("in_quote")
    for cand in by_key.values():
        if cand.mention is None:
            cand.features.add("pos=none")
        if quote is not None and cand.mention is not None \
                and quote.content.start <= cand.mention.start < quote.content.end:
            cand.features.add("mention_in_quote")
        keep = [x for x in cand.features if x.startswith(_CROSSED)]  # tested once, not per c
        crossed = {f"{c}&{x}" for c in common for x in keep}
        # the trigger's open slots crossed with what the candidate is (the speaker, the lead,
        # the earlier clause's subject, the previous sentence's object …): why it fills a side
        # no arc joins it to
        marks = [x for x in keep if x.startswith(_SLOT_CROSSED)]
        marks.extend(cand.features & _CLAUSE_MARKS)
        crossed.update(f"{s}&{x}" for x in marks for s in slots)
        cand.features |= common | crossed
        cand.features.update(slots)
        if len(by_key) == 1:
            cand.features.add("only")
    return list(by_key.values())


def affiliations(ctx: Context) -> dict[str, str]:
    """Person actor → the body the article names them acting for: an organisation or country
    named in a title before the person's name ("Juru bicara Kemlu Teuku Faizasyah", "Ketua KPK
    Firli Bahuri", "Menlu AS Antony Blinken"), the institution the title's qualifier is in the
    knowledge base, or the country the title states, when the article has that body as an
    actor. The first titled mention
    of a person decides; worked out once per Doc."""
    memo = doc_memo(ctx.doc)
    cached = memo.get(_AFFILIATIONS)
    if cached is not None and cached[0] is ctx:
        return cached[1]  # type: ignore[no-any-return]
    doc = ctx.doc
    actors = {a.id: a for a in doc._.actors or []}
    bodies: dict[str, str] = {}
    for m in ctx.mentions:
        if not m.person or m.actor is None or m.actor in bodies:
            continue
        title = roles.title_before(doc, m.start)
        if title is None:
            continue
        named = [span_actor(e) for e in ctx.ents if title.start <= e.start and e.end <= m.start]
        body = next((a for a in named if a in actors and actors[a].type in ("ORG", "GPE")), None)
        if body is None and title.qualifier and (entry := by_kb(title.qualifier)) is not None:
            body = entry.actor_id if entry.actor_id in actors else None
        if body is None and title.country and f"gpe:{title.country}" in actors:
            body = f"gpe:{title.country}"  # the country the title states ("Menlu RI")
        if body is not None and body != m.actor:
            bodies[m.actor] = body
    memo[_AFFILIATIONS] = (ctx, bodies)
    return bodies


_AFFILIATIONS = object()  # doc_memo key of ``affiliations``


def _partners(ctx: Context, by_key: dict[str, PartyCandidate]
              ) -> list[tuple[str, set[str]]]:
    """The other one of each person-body pair among the candidates (the gold codes a person
    acting for a body as either, ``acts_for`` in docs/annotation.md): the body a candidate
    person acts for, and the persons the article names acting for a candidate body, each marked
    with where its partner stands; the candidates themselves are marked as having a partner."""
    bodies = affiliations(ctx)
    if not bodies:
        return []
    out: list[tuple[str, set[str]]] = []
    for key, cand in list(by_key.items()):
        where = next((f[4:] for f in cand.features if f.startswith("pos=")), "none")
        body = bodies.get(key)
        if body is not None:
            cand.features.add("acts_for")
            out.append((body, {"body_of_person", f"body_of={where}"}))
        agents = [p for p, b in bodies.items() if b == key and p != key]
        if agents:
            cand.features.add("has_agent")
            out.extend((p, {"agent_of_body", f"agent_of={where}"}) for p in agents)
    return out


def _phrase_kind(head: Token) -> str:
    """What the noun heading a mention's phrase is: ``title`` an office, a body's common name
    or a name ("juru bicara KPK", "pemerintah Myanmar", "Menlu AS"), whose holder the mention
    names and may stand for; ``noun`` any other noun ("pengungsi Suriah", "masyarakat
    Indonesia", "kekerasan di Myanmar"), the thing the act is about, which the guideline
    codes no party: a name modifying it is no argument (issue 19, s9: the largest kind of
    target filled where the gold has none)."""
    word = head.lower_
    return "title" if word in TITLE_WORDS or word in UNNAMED_AGENTS or head.ent_type_ \
        else "noun"


def _rank_features(cands: list[PartyCandidate], trigger: Span, voice: str) -> None:
    """Where a candidate stands among the others on its side of the trigger: its rank by
    distance (the nearest actor left of an active verb is its subject far more often than a
    farther one with the same local features), and whether it is the nearest person or the
    nearest body on that side. The features are read against the other candidates, which the
    per-candidate features cannot see."""
    sides: dict[str, list[tuple[int, PartyCandidate]]] = {}
    for c in cands:
        m = c.mention
        if m is None or "pos=prev" in c.features:
            continue
        side = "left" if m.end <= trigger.start else "right"
        sides.setdefault(side, []).append((_distance(m, trigger), c))
    for side, ranked in sides.items():
        ranked.sort(key=lambda x: x[0])
        kinds_seen: set[bool] = set()
        for rank, (_d, c) in enumerate(ranked, 1):
            bucket = str(rank) if rank < 3 else "3+"
            person = c.mention is not None and c.mention.person
            c.features |= {f"rank={side}|{bucket}", f"voice_rank={voice}|{side}|{bucket}"}
            if person not in kinds_seen:
                kinds_seen.add(person)
                who = "person" if person else "body"
                c.features |= {f"nearest={side}|{who}", f"voice_nearest={voice}|{side}|{who}"}
            if rank == 1 and len(ranked) == 1:
                c.features.add(f"alone={side}")


_LOCAL = ("pos=", "dist=", "pos_dist=", "voice_pos=", "prep=", "voice_prep=", "type_pos=",
          "type_prep=", "case=", "bare_next=", "voice_pos_prep=", "titled", "left|", "right|",
          "arc", "voice_arc", "path=", "in_phrase", "dep=", "voice_dep", "dep_case=", "dep_up=",
          "clause=")
_CROSSED = ("pos=", "prep=", "rule_", "quote_speaker", "sent_speaker", "lead", "arc=",
            "outside_quote", "headline", "body_of", "agent_of", "acts_for", "has_agent")
# what a candidate is, crossed with the trigger's subject and object slots: where it stands
# (a subset of ``_CROSSED``: read from the features kept for it) and its clause marks
_SLOT_CROSSED = ("pos=", "quote_speaker", "sent_speaker", "lead", "headline", "outside_quote")
_CLAUSE_MARKS = frozenset({"subj_before", "last_subj",
                           *(f"prev_role={r}" for r in sorted(_ROLE_ARCS | {"other"}))})



def _distance(m: Mention, trigger: Span) -> int:
    return max(m.start - trigger.end, trigger.start - m.end, 0)


def decide(model: PartyModel, cands: list[PartyCandidate]
           ) -> tuple[PartyCandidate | None, PartyCandidate | None]:
    """The source and the target: the best pair the model scores (``choose``), a side it leaves
    open taking the rules' reading; one actor never plays both."""
    parties = model.parties
    return choose(parties, cands, [parties.probabilities(c.features) for c in cands])


def choose(parties: LinearModel | TreeModel, cands: list[PartyCandidate],
           probs: list[dict[str, float]]
           ) -> tuple[PartyCandidate | None, PartyCandidate | None]:
    """``decide`` on the candidates' probabilities already computed (the trainer's CV asks
    for many biases on the same probabilities). The pair is the best at ``none_bias``; where
    the file has an ``emit_bias`` (issue 19, s12), a trigger whose best pair at that stricter
    score names no side is no event (both sides open: the stage drops it), so the one bias
    no longer decides both whether a trigger is an event and how many sides it names."""
    if parties.none_bias is None:  # a file from before the joint decision
        return _with_rules(cands, *_by_threshold(cands, probs, parties.threshold))
    picks = _with_rules(cands, *_best_pair(cands, probs, parties.none_bias))
    emit = parties.emit_bias
    if emit is not None and picks != (None, None) \
            and _with_rules(cands, *_best_pair(cands, probs, emit)) == (None, None):
        return None, None  # no candidate is likely enough a party to make it an event
    return picks


def _with_rules(cands: list[PartyCandidate], source: PartyCandidate | None,
                target: PartyCandidate | None
                ) -> tuple[PartyCandidate | None, PartyCandidate | None]:
    """The rules' reading fills a side the model leaves open."""
    if source is None:
        source = next((c for c in cands if c is not target
                       and c.features & {"rule_source", "dual_first"}), None)
    if target is None:
        target = next((c for c in cands if c is not source
                       and c.features & {"rule_target", "dual_second", "anaphoric"}), None)
    return source, target


def _log_odds(p: float, none: float) -> float:
    return math.log(p + 1e-9) - math.log(none + 1e-9)


def _best_pair(cands: list[PartyCandidate], probs: list[dict[str, float]],
               bias: tuple[float, float]) -> tuple[PartyCandidate | None, PartyCandidate | None]:
    """The source and the target chosen together: the pair of distinct candidates (or an open
    side, scored ``bias``) with the highest summed log-odds against "none". Taking each side's
    best in turn gave the one actor the model liked most for both roles to the first side and
    left the other open; the open side's score is tuned on train-CV (the trainer)."""
    src = [(_log_odds(p["source"], p["none"]), c) for c, p in zip(cands, probs, strict=True)]
    tgt = [(_log_odds(p["target"], p["none"]), c) for c, p in zip(cands, probs, strict=True)]
    best: tuple[float, PartyCandidate | None, PartyCandidate | None] = (sum(bias), None, None)
    for zs, s in [(bias[0], None), *src]:
        for zt, t in [(bias[1], None), *tgt]:
            if (s is None or t is not s) and zs + zt > best[0]:
                best = (zs + zt, s, t)
    return best[1], best[2]


def _by_threshold(cands: list[PartyCandidate], probs: list[dict[str, float]], threshold: float
                  ) -> tuple[PartyCandidate | None, PartyCandidate | None]:
    """Each side's most likely candidate when likely enough, the source first."""
    scored = list(zip(cands, probs, strict=True))
    best_src = max(scored, key=lambda x: x[1]["source"], default=None)
    source = best_src[0] if best_src and best_src[1]["source"] >= threshold else None
    rest = [x for x in scored if x[0] is not source]
    best_tgt = max(rest, key=lambda x: x[1]["target"], default=None)
    target = best_tgt[0] if best_tgt and best_tgt[1]["target"] >= threshold else None
    return source, target


def trigger_features(doc: Doc, trigger: Span, form: Form, sent: Span,
                     cands: list[PartyCandidate]) -> set[str]:
    """What tells an event from a lexicon word used otherwise: the word and its entry, voice,
    neighbours, a quote around it, and what the rules found as its arguments."""
    before = doc[trigger.start - 1].lower_ if trigger.start > sent.start else "<s>"
    after = doc[trigger.end].lower_ if trigger.end < sent.end else "</s>"
    typ, voice = form.entry.type, form.voice
    f = {f"tw={trigger.text.lower()}", f"lemma={form.entry.lemma}", f"ptype={typ}",
         f"voice={voice}", f"ptype_voice={typ}|{voice}", f"before={before}", f"after={after}",
         f"mode={form.entry.mode}", f"ncand={_bucket(len(cands))}",
         *(f"flag={x}" for x in form.entry.flags)}
    if _quote_of(doc, trigger.start) is not None:
        f.add("in_quote")
    for c in cands:
        for x in ("rule_source", "rule_target", "quote_speaker", "anaphoric"):
            if x in c.features:
                f.add(f"has_{x}")
                f.add(f"ptype_has={typ}|{x}")
    if trigger.start == sent.start:
        f.add("sent_first")
    return f


def is_event(model: PartyModel, features: set[str]) -> bool:
    """Whether the trigger model keeps a lexicon match as an event (no model: every match)."""
    if model.triggers is None:
        return True
    return model.triggers.probabilities(features)["event"] >= model.triggers.threshold
