"""Who did it to whom: source and target actors of an event trigger.

Surface rules over the tokens and the actors stage's mentions, so they work on a pipeline without a
dependency parse; when a parse is present, ``nsubj``/``obj`` arcs of a verb trigger are preferred.
Indonesian voice decides the direction:

- active meN- verb: subject (left) → source; direct object or prepositional object → target;
- passive di-/ter- verb: subject → target; "oleh X" (or a name right after the verb) → source;
- ber- verb: subject → source; "dengan/ke X" → target;
- nominalisation: a following name ("kunjungan Putin") or the subject of a light verb
  ("Putin melakukan kunjungan") → source; "ke/terhadap/dengan X" → target.

Direction is never guessed: an argument the rules cannot place stays None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.attrs import IS_PUNCT
from spacy.tokens import Doc, Span, Token

from warta.extract.event_lexicon import Form
from warta.nlp.extensions import token_lowers, token_texts
from warta.nlp.lang.id.conjunctions import (
    CONTRASTIVE,
    COORDINATORS,
    SAME_SUBJECT,
    SPAN_OPENERS,
)
from warta.nlp.lang.id.event_markers import (
    CLAUSE_OPENERS,
    CLAUSE_VERBS,
    NOMINAL_PATIENT,
    PAIR_PREPOSITIONS,
    PREPOSITIONS,
    REPORTING_OPENERS,
    SUBORDINATORS,
    TITLE_WORDS,
    UNNAMED_AGENTS,
)
from warta.nlp.lang.id.morphology import VERB_PREFIXES
from warta.nlp.lang.id.negation import BRIDGES, NEGATORS
from warta.nlp.lang.id.pronouns import ANAPHORIC_DETERMINERS, SUBJECT_PRONOUNS

QUOTE_MARKS = frozenset({"“", "”", '"', "'", "‘", "’", "«", "»", "(", ")"})
HARD_STOPS = frozenset({".", ";", ":", "!", "?"})
DIRECT_OBJECT_GAP = 4  # tokens between an active verb and its object ("mengecam keputusan Putin")
POSSESSOR_GAP = 3  # tokens between a noun and its agent ("kunjungan kenegaraan Putin")
RIGHT_WINDOW = 14
PREP_OBJECT_GAP = 1  # content words between a preposition and its name ("kepada rakyat Ukraina")
FAR = "~far"  # a name too deep inside a prepositional phrase to be its object


@dataclass(frozen=True)
class Mention:
    """An actor mention: token offsets, the actor id (or a place's country) and its span."""

    start: int
    end: int
    actor: str | None  # actor id from the actors stage
    country: str | None  # for place-only entities: the gazetteer's country code
    span: Span
    person: bool = False

    @property
    def agent(self) -> bool:
        """Whether the mention can act: actors can, places (no actor id) cannot."""
        return self.actor is not None


class Context:
    """Per-document lookups the argument rules share (mentions by position, skipped tokens)."""

    def __init__(self, doc: Doc, mentions: list[Mention], modifiers: set[int], *,
                 ents: Sequence[Span] | None = None) -> None:
        self.doc = doc
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]  # for bisection: a window's mentions
        self.by_end = {m.end: m for m in self.mentions}
        self.by_start = {m.start: m for m in self.mentions}
        self.modifiers = modifiers  # token indices of dropped title-modifier mentions
        # ``doc.ents`` builds a new tuple of new Spans at each read, and the per-trigger rules
        # (an event's place) read them: read once, as the events stage never changes them
        self.ents = tuple(doc.ents if ents is None else ents)
        self.texts, self.lowers = token_texts(doc), token_lowers(doc)
        # ``Token.is_punct`` of every token from the Doc's array (the rules ask it per token)
        self.punct = [bool(x) for x in doc.to_array(IS_PUNCT).tolist()] \
            if len(doc) else []

    def skippable(self, i: int) -> bool:
        """Tokens transparent to argument search: quote marks, titles, title modifiers."""
        return self.texts[i] in QUOTE_MARKS or self.lowers[i] in TITLE_WORDS \
            or i in self.modifiers

    def left_word(self, i: int, floor: int) -> int | None:
        """Index of the first non-skippable token at or before ``i`` (not below ``floor``)."""
        while i >= floor and self.skippable(i):
            i -= 1
        return i if i >= floor else None

    def prep_of(self, m: Mention, floor: int, depth: int = 0) -> str | None:
        """The preposition governing a mention, through coordination and apposition."""
        j = self.left_word(m.start - 1, floor)
        if j is None or depth > 4:
            return None
        word = self.lowers[j]
        if word in PREPOSITIONS:
            return word
        if word in COORDINATORS or word == "," or word == "/":
            k = self.left_word(j - 1, floor)
            prev = self.by_end.get(k + 1) if k is not None else None
            if prev is not None:
                return self.prep_of(prev, floor, depth + 1) if word != "," else None
            before = self.doc[k] if k is not None else None
            if word == "," and before is not None and before.is_lower and before.is_alpha \
                    and before.lower_ not in ANAPHORIC_DETERMINERS:
                # apposition after a common noun: "dari sekutunya, Tiongkok"
                for back in range(j - 1, max(floor, j - 3) - 1, -1):
                    w = self.doc[back]
                    if w.is_punct and w.text not in QUOTE_MARKS:
                        break
                    if w.lower_ in PREPOSITIONS:
                        return w.lower_
        return None

    def partner(self, m: Mention, floor: int) -> Mention | None:
        """The mention coordinated before ``m`` ("Putin dan Xi" → Putin for Xi)."""
        j = self.left_word(m.start - 1, floor)
        if j is None or self.doc[j].lower_ not in COORDINATORS:
            return None
        k = self.left_word(j - 1, floor)
        return self.by_end.get(k + 1) if k is not None else None

    def next_partner(self, m: Mention, ceiling: int) -> Mention | None:
        """The mention coordinated after ``m`` ("antara Xi dan Blinken" → Blinken for Xi)."""
        i = m.end
        while i < ceiling and self.skippable(i):
            i += 1
        if i >= ceiling or self.doc[i].lower_ not in COORDINATORS:
            return None
        i += 1
        while i < ceiling and self.skippable(i) and i not in self.by_start:
            i += 1
        return self.by_start.get(i)


def relative_clauses(doc: Doc, sent: Span) -> list[tuple[int, int]]:
    """Closed ", yang ... ," relative clauses of a sentence, as token ranges (yang .. comma)."""
    out = []
    texts, lowers = token_texts(doc), token_lowers(doc)  # no Token object per word
    for i in range(sent.start + 1, sent.end):
        if lowers[i] == "yang" and texts[i - 1] == ",":
            close = next((j for j in range(i + 1, sent.end) if texts[j] == ","), None)
            if close is not None:
                out.append((i, close))
    return out


def _relative_opener(doc: Doc, i: int, sent: Span) -> int | None:
    """Index of the "yang" opening the relative clause a verb at ``i`` is in (", yang ...")."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    for j in range(i - 1, sent.start, -1):
        if texts[j] in ",;:" or texts[j] in HARD_STOPS:
            return None
        if lowers[j] == "yang":
            return j if texts[j - 1] == "," else None
    return None


def _boundary_between(doc: Doc, lo: int, hi: int, closed: list[tuple[int, int]]) -> bool:
    """Whether a relative or complement clause opens between two token positions."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    for i in range(lo, hi):
        w = lowers[i]
        if w in HARD_STOPS or _newline_text(texts[i]) or w in CLAUSE_VERBS or w in CONTRASTIVE:
            return True
        if w == "yang" and i > 0 and texts[i - 1] == "," and i - 1 != lo \
                and not any(a == i and b < hi for a, b in closed):
            return True  # ", yang ..." whose head is not the candidate right before the comma
        if w == "yang" and i != lo and (i == 0 or texts[i - 1] != ","):
            return True  # "lima pengunjuk rasa yang dituduh": the head is not this candidate
    return False


def _object_before_coordination(ctx: Context, m: Mention, i: int, sent: Span) -> bool:
    """"Erdogan mengunjungi Jakarta ... dan bertemu Prabowo": the object of the first verb is
    not the subject of a coordinated one (which shares the first verb's subject)."""
    j = ctx.left_word(m.start - 1, sent.start)
    if j is None or not looks_verbal(ctx.doc[j].lower_):
        return False
    return any(ctx.doc[k].lower_ in SAME_SUBJECT for k in range(m.end, i))


def _coordinated_head(ctx: Context, i: int, sent: Span) -> int | None:
    """The first verb of a coordination whose later verb at ``i`` has no subject of its own
    ("... dan/serta <verb>"); from the parse, so a speech verb's clause boundary between them
    does not hide the shared subject."""
    tok = ctx.doc[i]
    j = i - 1
    while j >= sent.start and ctx.doc[j].lower_ in BRIDGES | NEGATORS:
        j -= 1
    if j < sent.start or ctx.doc[j].lower_ not in SAME_SUBJECT or tok.dep_ != "conj":
        return None
    head = tok.head
    if head.pos_ != "VERB" or not sent.start <= head.i < j:
        return None
    return head.i


def _inside_oblique(ctx: Context, m: Mention, floor: int) -> bool:
    """"... kepada masyarakat Indonesia serta memohon maaf": a name closing a prepositional
    phrase after its common noun is an oblique, not the subject of the next verb."""
    j = ctx.left_word(m.start - 1, floor)
    for _ in range(PREP_OBJECT_GAP):
        if j is None:
            return False
        tok = ctx.doc[j]
        if not (tok.is_alpha and tok.is_lower) or tok.lower_ in PREPOSITIONS \
                or looks_verbal(tok.lower_) or j + 1 in ctx.by_end:
            break
        j = ctx.left_word(j - 1, floor)
    else:
        return j is not None and ctx.doc[j].lower_ in PREPOSITIONS
    return False


def _pronoun_between(ctx: Context, lo: int, hi: int) -> bool:
    """An unresolved pronoun is the nearer subject ("..., kemudian kita berunding")."""
    return any(ctx.doc[k].lower_ in SUBJECT_PRONOUNS and k not in ctx.by_start
               for k in range(lo, hi))


def subject(ctx: Context, i: int, sent: Span) -> list[Mention]:
    """The subject of the clause a verb at token ``i`` belongs to: nearest unmarked name left,
    skipping closed relative clauses ("Prabowo, yang ... mengunjungi Beijing, memuji ...")."""
    closed = relative_clauses(ctx.doc, sent)
    opener = _relative_opener(ctx.doc, i, sent)
    if opener is not None:  # "..., yang <trigger>": the head right before the comma
        k = ctx.left_word(opener - 2, sent.start)
        head = ctx.by_end.get(k + 1) if k is not None else None
        return [head] if head is not None else []
    first = _coordinated_head(ctx, i, sent)
    if first is not None:  # "X menyampaikan ... serta memohon maaf": X's verb, X's subject
        return subject(ctx, first, sent)
    for m in reversed([m for m in ctx.mentions if m.end <= i and m.start >= sent.start]):
        if any(a <= m.start and b < i for a, b in closed if m.end <= b):
            continue
        if _boundary_between(ctx.doc, m.end, i, closed) or _pronoun_between(ctx, m.end, i) \
                or _reporting_frame(ctx, m, i):
            break
        if _object_before_coordination(ctx, m, i, sent) or _inside_oblique(ctx, m, sent.start):
            continue
        if ctx.prep_of(m, sent.start) is None:
            if not m.agent:
                return []  # a place the actors stage kept as a location does not act
            partner = ctx.partner(m, sent.start)
            return [partner, m] if partner is not None and partner.agent else [m]
    return _main_clause_subject(ctx, i, sent)


def _reporting_frame(ctx: Context, m: Mention, i: int) -> bool:
    """"Kata Prabowo, rakyat kecil harus dibela": a speaker after "kata/menurut" and a comma
    frames the clause; it is not the subject of the verb that follows."""
    j = ctx.left_word(m.start - 1, 0)
    return j is not None and ctx.doc[j].lower_ in REPORTING_OPENERS \
        and any(ctx.doc[k].text == "," for k in range(m.end, i))


def _main_clause_subject(ctx: Context, i: int, sent: Span) -> list[Mention]:
    """A subject-less subordinate clause ("Setelah melancarkan ..., Putin ...") borrows the
    subject of the main clause that follows it."""
    j = i - 1
    while j >= sent.start and ctx.doc[j].lower_ in BRIDGES | NEGATORS:
        j -= 1
    if j < sent.start or ctx.doc[j].lower_ not in SUBORDINATORS:
        return []
    comma = next((j for j in range(i, sent.end) if ctx.doc[j].text == ","), None)
    if comma is None:
        return []
    for m in ctx.mentions:
        if m.start <= comma or m.start >= sent.end:
            continue
        if m.start - comma > 4:
            break
        if ctx.prep_of(m, sent.start) is None and m.agent:
            return [m]
        break
    return []


def right_mentions(ctx: Context, i: int, sent: Span) -> list[tuple[Mention, str | None, int]]:
    """Mentions after token ``i`` in its clause: (mention, governing prep, content-word gap)."""
    out = []
    gap, j, pending, since_prep = 0, i, None, 0
    limit = min(sent.end, i + RIGHT_WINDOW)
    while j < limit:
        m = ctx.by_start.get(j)
        if m is not None and j not in ctx.modifiers:
            far = pending if since_prep <= PREP_OBJECT_GAP else FAR  # "untuk upaya perang X"
            prep = ctx.prep_of(m, sent.start) or (far if pending else None)
            out.append((m, prep, gap))
            # "di Sumatera Barat (Sumbar)": the abbreviation keeps the preposition
            j = m.end
            pending = prep if j < len(ctx.texts) and ctx.texts[j] == "(" else None
            continue
        text, low = ctx.texts[j], ctx.lowers[j]  # the Doc's words without a Token object
        if text in HARD_STOPS or _newline_text(text):
            break
        if low in PREPOSITIONS:
            pending, since_prep = low, 0
        elif not ctx.skippable(j) and not ctx.punct[j]:
            since_prep += 1
        if text == "," and not _apposition_follows(ctx, j + 1, limit):
            break
        if low in CLAUSE_OPENERS and low not in SPAN_OPENERS:
            break
        if not ctx.skippable(j) and not ctx.punct[j] and low not in PREPOSITIONS:
            gap += 1
        j += 1
    return out


def is_newline(tok: Token) -> bool:
    """A paragraph break: the headline and the first paragraph are different sentences."""
    return tok.is_space and "\n" in tok.text


def _newline_text(text: str) -> bool:
    """``is_newline`` of a token with this text (spaCy's ``is_space`` is ``str.isspace``)."""
    return "\n" in text and text.isspace()


def paragraph_breaks(doc: Doc) -> list[int]:
    """The indices of the tokens ``is_newline`` holds for, from the Doc's word list."""
    return [k for k, text in enumerate(token_texts(doc)) if "\n" in text and text.isspace()]


def _apposition_follows(ctx: Context, j: int, limit: int) -> bool:
    while j < limit and ctx.skippable(j) and j not in ctx.by_start:
        j += 1
    return j in ctx.by_start


def passive_agent(ctx: Context, i: int, sent: Span) -> Mention | None:
    """The agent of a passive verb ending at ``i``: "oleh X", or a name right after the verb,
    also behind an unnamed officer of it ("ditahan penyidik KPK", "diperiksa jaksa Kejagung":
    Indonesian drops "oleh" before a bare agent, and the body acts for its officers)."""
    after = _next_content(ctx, i, sent)
    if after < sent.end and after not in ctx.by_start and ctx.lowers[after] in UNNAMED_AGENTS:
        after, officer = _next_content(ctx, after + 1, sent), 1
    else:
        officer = 0
    for m, prep, gap in right_mentions(ctx, i, sent):
        if prep == "oleh" and m.agent:
            return m
        if prep is None and gap == officer and m.start == after and m.agent:
            return m
    return None


def _next_content(ctx: Context, i: int, sent: Span) -> int:
    while i < sent.end and ctx.skippable(i) and i not in ctx.by_start:
        i += 1
    return i


def object_of(ctx: Context, i: int, sent: Span, form: Form, *,
              direct: bool) -> tuple[Mention | None, str | None]:
    """The target after a verb or noun ending at ``i``: a direct object (when allowed) or a name
    after one of the entry's target prepositions."""
    direct = direct and "nodirect" not in form.entry.flags
    preps = target_prepositions(form)
    for m, prep, gap in right_mentions(ctx, i, sent):
        if prep is None and direct and gap <= DIRECT_OBJECT_GAP \
                and not _punct_between(ctx, i, m.start):
            return m, None
        if prep is not None and prep in preps:
            return m, prep
    if direct:
        return _relative_agent(ctx, i, sent), None
    return None, None


def target_prepositions(form: Form) -> frozenset[str]:
    """The prepositions that introduce a form's target: its entry's, "terhadap" after any
    directed noun (the patient of a nominalised act: "penahanan terhadap X", whatever the row
    lists for its verb), "antara" for any undirected act ("pembahasan antara X dan Y")."""
    preps = form.entry.preps
    if "sym" in form.entry.flags:
        preps = preps | PAIR_PREPOSITIONS
    elif form.voice == "nominal":
        preps = preps | NOMINAL_PATIENT
    return preps


def _relative_agent(ctx: Context, i: int, sent: Span) -> Mention | None:
    """"menolak usulan yang diajukan Hamas": the author of the object is the party addressed."""
    doc = ctx.doc
    for j in range(i, min(sent.end - 1, i + DIRECT_OBJECT_GAP + 2)):
        word = doc[j].lower_
        if doc[j].is_punct and doc[j].text not in QUOTE_MARKS:
            return None
        if word != "yang":
            continue
        verb = doc[j + 1].lower_
        if not (verb.startswith("di") and len(verb) > 4):
            return None
        k = j + 2
        if k < sent.end and doc[k].lower_ == "oleh":
            k += 1
        while k < sent.end and ctx.skippable(k) and k not in ctx.by_start:
            k += 1
        m = ctx.by_start.get(k)
        return m if m is not None and m.agent else None
    return None


def possessor(ctx: Context, i: int, sent: Span) -> Mention | None:
    """The agent right after a nominal trigger ("kunjungan kenegaraan Putin", "invasi Rusia")."""
    for m, prep, gap in right_mentions(ctx, i, sent):
        if prep is None and gap <= POSSESSOR_GAP and not _punct_between(ctx, i, m.start) \
                and m.agent and not _np_ends(ctx, i, m.start):
            return m
        break
    return None


def _np_ends(ctx: Context, lo: int, hi: int) -> bool:
    """A demonstrative or a verb between a noun and a name ends the noun phrase ("pengembalian
    uang tersebut dihadiri Presiden ...")."""
    return any(ctx.doc[k].lower_ in ANAPHORIC_DETERMINERS or
               (not ctx.skippable(k) and looks_verbal(ctx.doc[k].lower_)) for k in range(lo, hi))


def looks_verbal(word: str) -> bool:
    """A meN-/di-/ber-/ter- verb form, by its prefix."""
    return len(word) > 5 and word.startswith(VERB_PREFIXES)


def _punct_between(ctx: Context, lo: int, hi: int) -> bool:
    """Punctuation separates a word from a name, except quote marks and the comma of an apposed
    holder ("bertemu Ketua MPR, Ahmad Muzani": the title's body is a dropped modifier)."""
    doc = ctx.doc
    return any(doc[k].is_punct and doc[k].text not in QUOTE_MARKS
               and not (doc[k].text == "," and k - 1 in ctx.modifiers) for k in range(lo, hi))


def parse_args(doc: Doc, ctx: Context, trigger: Span) -> tuple[Mention | None, Mention | None]:
    """Subject and object from a dependency parse, when the pipeline has one."""
    if not doc.has_annotation("DEP"):
        return None, None
    head = trigger.root
    subj = obj = None
    for child in head.children:
        m = _mention_at(ctx, child)
        if m is None:
            continue
        if child.dep_ in ("nsubj", "nsubj:pass") and subj is None:
            subj = m
        elif child.dep_ in ("obj", "iobj") and obj is None:
            obj = m
    return subj, obj


def _mention_at(ctx: Context, token: Token) -> Mention | None:
    for m in ctx.mentions:
        if m.start <= token.i < m.end:
            return m
    return None
