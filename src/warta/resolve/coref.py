"""In-document coreference for actors: name variants, role-only mentions and pronouns.

Pure functions over a Doc:

- ``cluster_names``: "Vladimir Putin" … "Putin" … "Presiden Putin" → one person. A shorter name
  joins the nearest earlier person whose full name contains all its tokens (a single word that
  opens one such name and closes another goes to the one it opens: Indonesians are called by
  their first name; a single word opening a word of one longer name only is that person:
  "Sandi" for Sandiaga Uno), "X alias Y", "X atau Gus Y", "X atau Y" (Y one word no other
  full name holds) and "X (Y)" join two names of one person, a quoted nickname inside a full
  name ("Munafri 'Appi' Arifuddin") joins its halves, capitals spelling the initials of one
  full name are that person ("Nikita Mirzani" … "NM"),
  compared by their ``spelling_key`` so that a reporter's variants
  ("Affifuddin", "Afifuddin") and the old spelling ("Soeharto", "Suharto") stay one person;
  a later name with a typing slip (a letter dropped, added or two swapped: "Ayanto" for
  Atyanto, "Yursi" for Yusri) is the one person whose name it misspells.
- ``role_mentions``: "Menlu", "sang presiden", "Presiden Rusia" used without a name.
- ``pronoun_mentions`` and ``salient``: "ia/dia/beliau" and the "-nya" of "ujarnya" point to the
  most recent salient person: a person earlier in the same sentence (outside quotation marks),
  else the subject of the nearest earlier sentence that names a person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

from warta.kb.gazetteer import lookup
from warta.names import fold as fold  # re-exported: the resolve stages fold names with it
from warta.names import slug as slug
from warta.nlp.extensions import token_lowers
from warta.nlp.lang.id.honorifics import (
    ALIAS_WORDS,
    DEGREES,
    NAME_FUNCTION_WORDS,
    POPULAR_NAME_LEADS,
)
from warta.nlp.lang.id.org_patterns import BODY_WORDS, ORG_PREFIXES, ORG_SUFFIXES, ORG_WORDS_EN
from warta.nlp.lang.id.pronouns import (
    CLITIC,
    PERSON_PRONOUNS,
    ROLE_DETERMINERS_AFTER,
    ROLE_DETERMINERS_BEFORE,
)
from warta.nlp.lang.id.reporting_verbs import CLITIC_HOSTS
from warta.nlp.lang.id.titles import REFERRING_TITLES
from warta.resolve import roles

OPENING_QUOTES = "“‘«"
CLOSING_QUOTES = "”’»"
STRAIGHT_QUOTES = '"'
_QUOTE_OR_NEWLINE = re.compile("[" + re.escape(OPENING_QUOTES + CLOSING_QUOTES + STRAIGHT_QUOTES)
                               + "\n]")


# Pre-1972 Indonesian spellings of names and their modern letters; "j" → "y" is left out because
# a modern "j" is far more common than an old one ("Joko" is not "Yoko").
_OLD_SPELLINGS = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("sj", "sy"), ("ch", "kh"))


@lru_cache(maxsize=8192)
def spelling_key(token: str) -> str:
    """A folded name token with old spellings modernised and doubled letters single, the
    variation reporters' copies of one name show (Muhammad/Muhamad, Abdullah/Abdulah)."""
    key = fold(token)
    for old, new in _OLD_SPELLINGS:
        key = key.replace(old, new)
    return "".join(c for i, c in enumerate(key) if i == 0 or c != key[i - 1])


# Markup and code never occur inside a name: tag brackets, braces, '=', a call 'alert(',
# a URL scheme. (A space before a bracket is prose: 'Persero (Tbk)' is not code.)
_CODE = re.compile(r"[<>{}\[\]=\\|`]|\w\(|^[a-z][a-z0-9+.-]*:|://")
MIN_NAME_LETTERS = 2
# A web address names an outlet even in lower case ("merdeka.com", "www.suara.com").
_DOMAIN = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|co\.id|id|net|org|tv)")


def name_slug(text: str) -> str | None:
    """``slug`` of a name that can make an actor id, or None when ``text`` is no name.

    The model tags fragments of hostile or broken text as entities ('<', 'javascript',
    'alert(5)', 'PT <b'); an id made of them ('org:', 'org:javascript') would merge garbage
    across the whole store. A name has at least two letters, no markup or code characters,
    and is capitalised somewhere (all-lowercase words are common nouns or code; scripts
    without case pass) unless it is a web address, which names an outlet ("merdeka.com").
    """
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_NAME_LETTERS or _CODE.search(text):
        return None
    if all(c.islower() for c in letters) and not _DOMAIN.fullmatch(text.strip()):
        return None
    return slug(text) or None


# --- quotation marks ----------------------------------------------------------------------------


def quoted_chars(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (typographic pairs or straight-quote toggles)."""
    regions = []
    open_at: int | None = None
    for found in _QUOTE_OR_NEWLINE.finditer(text):  # only where something can change
        i, ch = found.start(), found.group()
        if ch in OPENING_QUOTES and open_at is None:
            open_at = i
        elif ch in CLOSING_QUOTES and open_at is not None:
            regions.append((open_at, i + 1))
            open_at = None
        elif ch in STRAIGHT_QUOTES:
            if open_at is None:
                open_at = i
            else:
                regions.append((open_at, i + 1))
                open_at = None
        elif ch == "\n" and open_at is not None and text[i + 1 : i + 2] == "\n":
            open_at = None  # an unclosed quote ends with its paragraph
    return regions


def in_quotes(span: Span, regions: Sequence[tuple[int, int]]) -> bool:
    return any(a <= span.start_char and span.end_char <= b for a, b in regions)


# --- person names -------------------------------------------------------------------------------


@dataclass
class Cluster:
    """One person within the article: every mention and the titles seen with them."""

    tokens: tuple[str, ...]  # folded tokens of the longest name
    name: str
    mentions: list[Span] = field(default_factory=list)
    titles: list[roles.Title] = field(default_factory=list)
    aliases: list[tuple[str, ...]] = field(default_factory=list)  # "X alias Y": Y's tokens

    def name_keys(self) -> list[set[str]]:
        """The spelling keys of each name the person goes by (the longest, then aliases)."""
        return [{spelling_key(t) for t in toks} for toks in (self.tokens, *self.aliases)]

    def last_before(self, i: int) -> int:
        return max((m.start for m in self.mentions if m.start < i), default=-1)


# News gives a person's age right after the name, between commas ("Saini, 35, warga …"); written
# without the space, the tokenizer keeps the name and the age one word ("Saini,35").
_GLUED_NUMBER = re.compile(r",\d[\d,]*$")


def _name_words(span: Span) -> list[str]:
    """The words of a person's name: honorifics, degrees and punctuation left out, and a
    number glued on by a comma cut off (the same person is named "Saini" further on)."""
    doc = span.doc
    start = roles.skip_honorifics(doc, span.start, span.end)
    words = (_GLUED_NUMBER.sub("", t.text) for t in doc[start : span.end]
             if not t.is_punct and not t.is_space and t.lower_ not in DEGREES)
    return [w for w in words if w]


def name_tokens(span: Span) -> tuple[str, ...]:
    """The folded name tokens of a person span, honorifics and degrees left out."""
    return tuple(fold(w) for w in _name_words(span))


def name_text(span: Span) -> str:
    """The name as written, without honorifics or degrees ("Dr. Ani Yudhoyono, M.Si." → …)."""
    return " ".join(_name_words(span))


def cluster_names(persons: Sequence[Span]) -> list[Cluster]:
    """Group person mentions: full names first, then shorter forms onto the nearest full name;
    a name given as another's alias ("Basuki Tjahaja Purnama alias Ahok") joins that person,
    and so do its later uses."""
    clusters: list[Cluster] = []
    named = [(span, name_tokens(span)) for span in persons]  # once per span: it reads Tokens
    partner = _alias_partners(persons, {span.start: toks for span, toks in named})
    for span, toks in sorted(named, key=lambda st: (-len(st[1]), st[0].start)):
        if not toks:
            continue
        other = partner.get(span.start)
        target = next((c for c in clusters if other is not None and other in c.mentions), None)
        nickname = quoted_nickname(other, span) if other is not None and \
            other.start < span.start else None
        if target is not None and nickname is not None:  # "Munafri 'Appi' Arifuddin"
            target.tokens += toks
            target.name = f"{target.name} {name_text(span)}"
            target.aliases.append((fold(nickname),))
        elif target is not None:
            target.aliases.append(toks)
        else:
            target = _best_cluster(clusters, toks, span.start) or _initials_owner(clusters, span)
        if target is None:
            clusters.append(Cluster(toks, name_text(span), [span]))
        else:
            target.mentions.append(span)
    for cluster in clusters:
        cluster.mentions.sort(key=lambda s: s.start)
    return clusters


def _alias_partners(persons: Sequence[Span],
                    names: dict[int, tuple[str, ...]]) -> dict[int, Span]:
    """Both ways, the person spans that name one person twice: "A alias B"; "A atau B" where
    B is a popular name led by a form of address ("Gus Ipul", "Cak Imin") or one word after a
    full name that no other full name of the article holds ("Immanuel Ebenezer atau Noel");
    and "A (B)", a full name with the name the person goes by in brackets ("Saifullah Yusuf
    (Gus Ipul)"). One way, a full name cut in two by a nickname in quotation marks
    ("Munafri 'Appi' Arifuddin"): the second half joins the first. ``names``: each span's
    name words by its start, read once by the caller."""
    by_start = {p.start: p for p in persons}
    out: dict[int, Span] = {}
    full_words = {spelling_key(w) for p in persons if len(names[p.start]) > 1
                  for w in names[p.start]}
    for a in persons:
        if a.end >= len(a.doc):
            continue
        if (c := _after_quoted_nickname(a, by_start)) is not None:
            out[c.start] = a
            for k in range(a.end, c.start):  # the nickname when the NER tagged it too
                if k in by_start:
                    out[k] = a
            continue
        b = by_start.get(a.end + 1)
        if b is None:
            continue
        word = a.doc[a.end].lower_
        if word in ALIAS_WORDS or (word == "atau" and (
                (b[0].lower_ in POPULAR_NAME_LEADS and len(b) > 1)
                or _plain_nickname(names[a.start], names[b.start], full_words))) \
                or _bracketed_name(a, b, names[a.start]):
            out[a.start], out[b.start] = b, a
    return out


def _plain_nickname(full: tuple[str, ...], short: tuple[str, ...], full_words: set[str]) -> bool:
    """"A atau B" with A a full name and B one name word that no full name of the article
    holds: the name A goes by ("Immanuel Ebenezer atau Noel"), not a second person."""
    return len(full) > 1 and len(short) == 1 and spelling_key(short[0]) not in full_words


def _bracketed_name(a: Span, b: Span, a_name: tuple[str, ...]) -> bool:
    """"A (B)": a person's full name, then another name of theirs alone in brackets."""
    doc = a.doc
    return doc[a.end].text == "(" and b.end < len(doc) and doc[b.end].text == ")" \
        and len(a_name) > 1


# A nickname written between quotation marks inside a full name: "Munafri 'Appi' Arifuddin".
_QUOTED_NICKNAME = re.compile(r"^[\"'‘’“”]\s*[A-Z][\w-]*\s*[\"'‘’“”]$")


def _after_quoted_nickname(a: Span, by_start: dict[int, Span]) -> Span | None:
    """The person span that ends a full name after a quoted nickname ("Munafri [' Appi ']
    Arifuddin"), whether or not the NER tagged the nickname too."""
    doc = a.doc
    for k in range(a.end + 1, min(a.end + 5, len(doc))):
        c = by_start.get(k)
        if c is not None and quoted_nickname(a, c) is not None:
            return c
    return None


def quoted_nickname(a: Span, c: Span) -> str | None:
    """The nickname between two halves of one person's name ("Appi"), if any."""
    doc = a.doc
    between = doc.text[doc[a.end].idx : c.start_char].strip()
    return between.strip("\"'‘’“” ") if _QUOTED_NICKNAME.match(between) else None


def _initials_owner(clusters: list[Cluster], span: Span) -> Cluster | None:
    """The one person whose full name's initials a capitalised short form spells: news names
    a suspect in full and by initials ("Nikita Mirzani" … "tersangka NM"). None when no full
    name or several fit."""
    text = span.text.replace(".", "")
    if not (2 <= len(text) <= 4 and text.isalpha() and text.isupper()):
        return None
    found = [c for c in clusters if len(c.tokens) == len(text)
             and "".join(t[:1] for t in c.tokens) == text.casefold()]
    return found[0] if len(found) == 1 else None


MIN_NICKNAME_CHARS = 4  # "Sandi" for Sandiaga; "Ali" opens too many names to stand for one


def _best_cluster(clusters: list[Cluster], toks: tuple[str, ...], at: int) -> Cluster | None:
    keys = {spelling_key(t) for t in toks}
    matching = [c for c in clusters if any(keys <= names for names in c.name_keys())]
    if not matching and len(toks) == 1:
        matching = _nickname_of(clusters, spelling_key(toks[0]))
    if not matching:
        matching = _misspelt_of(clusters, keys)
    if not matching:
        return None
    if len(toks) == 1 and len(matching) > 1:  # "Prabowo": Prabowo Subianto, not Listyo Sigit
        first = [c for c in matching if spelling_key(c.tokens[0]) in keys]  # Prabowo
        matching = first or matching
    before = [c for c in matching if c.last_before(at) >= 0]
    if before:
        return max(before, key=lambda c: c.last_before(at))
    return min(matching, key=lambda c: c.mentions[0].start)


def _nickname_of(clusters: list[Cluster], key: str) -> list[Cluster]:
    """The one person with a longer name one of whose words this single word opens: Indonesian
    news calls people by the first syllables of a name ("Sandi" for Sandiaga Uno, "Enggar" for
    Enggartiasto Lukita). None when several names open so: then it is no one's nickname."""
    if len(key) < MIN_NICKNAME_CHARS:
        return []
    found = [c for c in clusters if len(c.tokens) > 1
             and any(k.startswith(key) and len(k) > len(key) for k in c.name_keys()[0])]
    return found if len(found) == 1 else []


MIN_MISSPELT_CHARS = 5  # "Yanti"/"Yanto" differ by one letter too: short names stay apart


def _misspelt_of(clusters: list[Cluster], keys: set[str]) -> list[Cluster]:
    """The one person every word of this name is a word of, one of them with a typing slip: a
    letter dropped, added or two swapped ("Ayanto", "Yursi", "Said Iqabl" for Atyanto, Yusri,
    Said Iqbal). Two people's names one letter apart differ by a changed letter ("Wahyudi",
    "Wahyuni"; "Yanto", "Yanti"), so a changed letter never joins, and a word shorter than
    ``MIN_MISSPELT_CHARS`` must be written alike. None when no person or several fit."""
    slips = [k for k in keys if len(k) >= MIN_MISSPELT_CHARS]
    if not slips:
        return []
    found = [c for c in clusters if any(
        all(k in names or (k in slips and any(_one_slip(k, n) for n in names)) for k in keys)
        for names in c.name_keys())]
    return found if len(found) == 1 else []


def _one_slip(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter dropped or added, or two neighbours swapped.
    Written here: a string-distance library would count a changed letter as one edit too, and
    that is the one slip that must not join two names."""
    if a == b or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < MIN_MISSPELT_CHARS - 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
            and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


# --- a person's full name typed as a body ------------------------------------------------------

MAX_TYPED_NAME_WORDS = 3  # "Cal Crutchlow", "Jean Paul Sartre": longer ORG spans are bodies
# Body words, and the function words of foreign names ("The Bragi Dash", "Al Jazeera"): a name
# that holds one is no person's plain full name.
_NOT_NAME_WORDS = ORG_PREFIXES | BODY_WORDS | NAME_FUNCTION_WORDS | {
    w.lower() for w in ORG_WORDS_EN | ORG_SUFFIXES}


def persons_typed_as_bodies(ents: Sequence[Span]) -> list[int]:
    """The indices of ORG spans that are a person's full name ("Pebalap LCR Honda, Cal
    Crutchlow, meyakini …" typed a body, then "Crutchlow mengatakan …" a person).

    Indonesian news names a person in full once and by one part of the name after; the NER may
    type the one full name a body. An ORG span the gazetteer does not know, of two or three
    capitalised words (no punctuation between: "Al - Jazeera" is a body's name) none of which
    is a body word, a function word ("The", "Al"), an acronym, a name the gazetteer knows or an
    entity of the article on its own, whose last word is the name the article gives one person
    alone, more than once (and no longer person span holds that word), is that person's full
    name."""
    alone: dict[str, int] = {}
    in_longer: set[str] = set()
    for e in ents:
        if e.label_ == "PERSON":
            keys = [spelling_key(w) for w in _name_words(e)]
            if len(keys) == 1 and len(keys[0]) >= MIN_NICKNAME_CHARS:
                alone[keys[0]] = alone.get(keys[0], 0) + 1
            elif len(keys) > 1:
                in_longer.update(keys)
    if not alone:
        return []
    entity_words = {fold(e.text) for e in ents if e.label_ != "PERSON"}
    found = []
    for k, e in enumerate(ents):
        words = [t.text for t in e]
        if e.label_ != "ORG" or e.kb_id_ or not 1 < len(words) <= MAX_TYPED_NAME_WORDS:
            continue
        last = spelling_key(words[-1])
        if alone.get(last, 0) > 1 and last not in in_longer and all(
                _could_name(w) and fold(w) not in entity_words for w in words):
            found.append(k)
    return found


def _could_name(word: str) -> bool:
    """A word that may be part of a person's name: capitalised letters, no acronym, no body
    or function word, nothing the gazetteer knows ("Honda", "Jakarta")."""
    return word[:1].isupper() and word.isalpha() and not word.isupper() \
        and word.lower() not in _NOT_NAME_WORDS and lookup(word) is None


# --- role-only mentions -------------------------------------------------------------------------


def role_mentions(doc: Doc, taken: set[int], regions: Sequence[tuple[int, int]]) -> list[
    tuple[Span, roles.Title]
]:
    """Titles used without a name after them: "Kapolri mengatakan", "sang presiden"."""
    found = []
    lowers = token_lowers(doc)  # a word outside TITLE_FIRST opens no title: no call, no Token
    i = 0
    while i < len(doc):
        chain = None if i in taken or lowers[i] not in roles.TITLE_FIRST \
            else roles.title_chain(doc, i)
        if chain is None or not _refers(doc, i, chain):
            i += 1
            continue
        end = chain.end
        if end < len(doc) and doc[end].lower_ in ROLE_DETERMINERS_AFTER:
            end += 1
        span = Span(doc, i, end, label="ROLE")
        title_end = i + len(chain.surface.split())  # the qualifier may be an entity itself
        if any(k in taken for k in range(i, title_end)) or _names_follow(doc, chain.end):
            i = end
            continue
        found.append((span, chain))
        i = end
    return found


def _refers(doc: Doc, i: int, chain: roles.Title) -> bool:
    key = " ".join(t.lower_ for t in doc[i : i + len(chain.surface.split())])
    if key not in REFERRING_TITLES:
        return False
    before = doc[i - 1].lower_ if i > 0 else ""
    if before == "para" or (i + 1 < len(doc) and doc[chain.end - 1].text.endswith("-")):
        return False
    after = doc[chain.end].lower_ if chain.end < len(doc) else ""
    return doc[i].text[:1].isupper() or before in ROLE_DETERMINERS_BEFORE or (
        after in ROLE_DETERMINERS_AFTER
    )


def _names_follow(doc: Doc, i: int) -> bool:
    """A capitalised word right after a title is the (unrecognised) name, not a new clause."""
    if i >= len(doc):
        return False
    tok = doc[i]
    return tok.text[:1].isupper() and not tok.is_sent_start and not tok.is_punct


# --- pronouns -----------------------------------------------------------------------------------


def pronoun_mentions(doc: Doc) -> list[Span]:
    """'ia', 'dia', 'beliau' and the speaker '-nya' of 'ujarnya'/'katanya' as PRON spans."""
    found = []
    lowers = token_lowers(doc)
    for i, low in enumerate(lowers):
        if low in PERSON_PRONOUNS:
            found.append(Span(doc, i, i + 1, label="PRON"))
        elif low == CLITIC and i > 0:
            if not doc[i - 1].whitespace_ and lowers[i - 1] in CLITIC_HOSTS:
                found.append(Span(doc, i, i + 1, label="PRON"))
        elif low.endswith(CLITIC) and low[: -len(CLITIC)] in CLITIC_HOSTS:
            found.append(Span(doc, i, i + 1, label="PRON"))
    return found


@dataclass(frozen=True)
class Candidate:
    """A resolved person mention that a later pronoun may point to."""

    start: int
    actor: str
    subject: bool  # grammatical subject (parse) or first person of its sentence (no parse)


def candidates(doc: Doc, spans: Sequence[Span],
               actor_of: dict[tuple[int, int], str | None],
               regions: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Person mentions outside quotation marks, in text order, with a salience flag."""
    found = []
    seen_sents: set[int] = set()
    for span in sorted(spans, key=lambda s: s.start):
        actor = actor_of.get((span.start, span.end))
        if actor is None or in_quotes(span, regions):
            continue
        sent = span.sent.start if doc.has_annotation("SENT_START") else 0
        if doc.has_annotation("DEP"):
            subject = span.root.dep_.startswith("nsubj")
        else:
            subject = sent not in seen_sents
        seen_sents.add(sent)
        found.append(Candidate(span.start, actor, subject))
    return found


def salient(doc: Doc, i: int, pool: Sequence[Candidate]) -> str | None:
    """The actor a pronoun at token i most likely refers to."""
    before = [c for c in pool if c.start < i]
    if not before:
        return None
    if doc.has_annotation("SENT_START"):
        sent_start = doc[i].sent.start
        same = [c for c in before if c.start >= sent_start]
        if same:
            return same[-1].actor
        prev_sent = doc[before[-1].start].sent.start
        in_prev = [c for c in before if c.start >= prev_sent]
        return _most_mentioned(in_prev, before)
    return before[-1].actor


def _most_mentioned(options: Sequence[Candidate], history: Sequence[Candidate]) -> str:
    """Without a parse, the person the article has named most so far (news keeps its protagonist
    as the topic); ties go to the first named in the sentence."""
    counts: dict[str, int] = {}
    for c in history:
        counts[c.actor] = counts.get(c.actor, 0) + 1
    best = max(options, key=lambda c: (counts[c.actor], -c.start))
    return best.actor
