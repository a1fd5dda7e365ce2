"""Titles, ranks and honorifics around person names: "Presiden Rusia Vladimir Putin",
"Kapolri Jenderal Listyo Sigit Prabowo", "Retno Marsudi, Menteri Luar Negeri RI,".

Pure functions over a Doc. A title chain is: title [ (abbreviation) ] [qualifier: country or
institution] [rank] [honorifics]; the name starts where the chain ends. Words come from
``warta.nlp.lang.id.titles`` and ``honorifics``; countries and institutions from the
knowledge base (``warta.kb.gazetteer``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IS_PUNCT, SENT_START
from spacy.tokens import Doc, Span

from warta.kb.gazetteer import match_at
from warta.nlp.extensions import doc_memo, span_text, token_lowers, token_texts
from warta.nlp.lang.id.conjunctions import LIST_JOINERS
from warta.nlp.lang.id.honorifics import HONORIFICS, NAME_LIKE
from warta.nlp.lang.id.org_patterns import ORG_PREFIXES
from warta.nlp.lang.id.reporting_verbs import RELATIONAL_ROLES
from warta.nlp.lang.id.titles import (
    IDN,
    NAME_LIKE_TITLES,
    NUMBERING_WORDS,
    PORTFOLIO_WORDS,
    RANK_SUFFIXES,
    RANKS,
    REGIONAL_TITLES,
    TITLE_COUNTRY_WORDS,
    TITLES,
    UNIT_TITLES,
)

MAX_TITLE_TOKENS = max(len(t.split()) for t in TITLES)
MAX_RANK_TOKENS = max(len(r.split()) for r in RANKS)
# First words of every title and rank: most tokens start neither, and checking that first saves
# building every candidate phrase (the titles pass was the slowest part of the actor stages).
# Public for the scans that ask at every token: a lower-cased word outside TITLE_FIRST opens no
# title (``match_title`` and ``title_chain`` answer None), one outside RANK_FIRST no rank.
TITLE_FIRST = frozenset(t.split()[0] for t in TITLES)
RANK_FIRST = frozenset(r.split()[0] for r in RANKS)
MAX_NAME_TOKENS = 5
LOOKBACK = 12


@dataclass(frozen=True)
class Title:
    """A parsed title chain: tokens [start, end) of the doc; the name (if any) starts at end."""

    start: int
    end: int
    role: str  # normalised English role, e.g. "foreign minister"
    surface: str  # the Indonesian title as written, e.g. "Menteri Luar Negeri"
    scope: str | None  # "IDN", "default" or None (see warta.nlp.lang.id.titles)
    country: str | None  # from the qualifier ("Rusia" → RUS), None when not stated
    rank: str | None = None  # normalised rank ("general")
    qualifier: str | None = None  # gazetteer kb of a qualifying institution ("kpk")

    def default_country(self) -> str | None:
        """Country implied by the title itself when the text states none."""
        if self.country:
            return self.country
        return IDN if self.scope in {IDN, "default"} else None


def same_role(held: str, mentioned: str) -> bool:
    """Whether a role-only mention names a role a person holds: "menteri" covers "foreign
    minister", "presiden" does not cover "vice president"."""
    if held == mentioned:
        return True
    return held.endswith(" " + mentioned) and not held.startswith(("vice ", "deputy "))


def match_title(doc: Doc, i: int) -> tuple[int, str] | None:
    """Longest title starting at token i: (end, title key); None past the end of the doc."""
    lowers = token_lowers(doc)  # the candidate phrases, without a Span per length
    if i >= len(lowers) or lowers[i] not in TITLE_FIRST:  # asked at nearly every token
        return None
    for end in range(min(len(lowers), i + MAX_TITLE_TOKENS), i, -1):
        key = " ".join(lowers[i:end])
        if key in TITLES:
            return None if key in NAME_LIKE_TITLES and _held_office_before(doc, i) else (end, key)
    return None


def _held_office_before(doc: Doc, i: int) -> bool:
    """Whether a domestic office's title chain ends right before token ``i`` (or before a comma
    there): "Wali Kota Palembang, | Ratu Dewa", "Menteri Kehutanan | Raja Juli Antoni". A royal
    word ("Ratu", "Raja", "Sultan") is also an Indonesian given name, and one who holds an
    Indonesian office is no king or queen: after such a title the word opens the name. After a
    foreign title it stays a title ("Putra Mahkota Arab Saudi | Pangeran Mohammed")."""
    chain = title_before(doc, i)
    return chain is not None and chain.default_country() == IDN


def match_rank(doc: Doc, i: int) -> tuple[int, str] | None:
    """Longest rank starting at token i: (end, normalised rank); None past the end of the doc
    (a title can close the text: '… papar Menhub')."""
    lowers = token_lowers(doc)  # asked at nearly every token too: no Token per ask
    if i >= len(lowers) or lowers[i] not in RANK_FIRST:
        return None
    for end in range(min(len(lowers), i + MAX_RANK_TOKENS), i, -1):
        key = " ".join(lowers[i:end])
        if key in RANKS and token_texts(doc)[i][:1].isupper():
            return _rank_suffixes_end(doc, end), RANKS[key]
    return None


def _rank_suffixes_end(doc: Doc, i: int) -> int:
    """Past the force, corps and markers written after a rank ("Kolonel [Chk (K)]",
    "Mayor Jenderal [TNI]"): capitalised words or bracketed letters of ``RANK_SUFFIXES``."""
    texts, lowers = token_texts(doc), token_lowers(doc)  # no Token per word
    while i < len(doc):
        if lowers[i] in RANK_SUFFIXES and texts[i][:1].isupper() and len(texts[i]) > 1:
            i += 1
        elif (texts[i] == "(" and i + 2 < len(doc) and texts[i + 2] == ")"
              and lowers[i + 1] in RANK_SUFFIXES):
            i += 3
        else:
            return i
    return i


def is_honorific(doc: Doc, i: int, end: int) -> bool:
    """Whether token i is an honorific (a name-like one only when more name follows)."""
    low = token_lowers(doc)[i]  # doc[i].lower_, no Token
    if low not in HONORIFICS:
        return False
    return low not in NAME_LIKE or i + 2 < end


Qualifier = tuple[int, str | None, str | None, str, bool]


def _qualifier(doc: Doc, i: int) -> Qualifier | None:
    """A country or institution right after a title: (end, country, org kb, surface, whether
    it is an organisation)."""
    if i >= len(doc):
        return None
    low, text = token_lowers(doc)[i], token_texts(doc)[i]  # no Token
    if low in TITLE_COUNTRY_WORDS and text[:1].isupper():
        return i + 1, TITLE_COUNTRY_WORDS[low], None, text, False
    found = match_at(doc, i)
    if found is None:
        ent_end = _org_entity_end(doc, i) if low in ORG_PREFIXES else None
        if ent_end is None:
            return None
        # an organisation the model or a pattern found: "Ketua [Dewan Ekonomi Nasional] Luhut"
        inner = [match_at(doc, k, end_limit=ent_end) for k in range(i, ent_end)]
        country = next((f[1].kb for f in inner if f and f[1].kind == "country"), None)
        return ent_end, country, None, span_text(doc, i, ent_end), True
    end, entry = found
    if entry.kind == "country":
        return end, entry.kb, None, span_text(doc, i, end), False
    if entry.actor_type == "ORG":
        country = entry.country
        after = match_at(doc, end) if end < len(doc) else None
        if after is not None and after[1].kind == "country":  # "Kementerian Luar Negeri Tiongkok"
            end, country = after[0], after[1].kb
            return end, country, None, span_text(doc, i, end), True
        return end, country, entry.kb, span_text(doc, i, end), True
    return end, entry.country, None, span_text(doc, i, end), False  # "Gubernur Jawa Barat"


def _org_entity_end(doc: Doc, i: int) -> int | None:
    """The end of the ORG entity that begins at token ``i``, or None: what ``doc.ents`` would
    give, read off the entity tags of its own tokens (``doc.ents`` builds a Span for every
    entity of the Doc, a tenth of a millisecond, and this is asked inside title chains)."""
    token = doc[i]
    if token.ent_iob_ != "B" or token.ent_type_ != "ORG":
        return None
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def title_chain(doc: Doc, i: int) -> Title | None:
    """Parse a title chain starting at token i, or None when no title starts there."""
    found = match_title(doc, i)
    if found is None:
        return None
    pos, key = found
    role, scope = TITLES[key]
    texts, lowers = token_texts(doc), token_lowers(doc)  # the words, no Token per ask
    pos = _skip_parenthetical(doc, pos)
    country = org = None
    qualifier_text = ""
    body = False
    qual = _qualifier(doc, pos)
    if qual is not None:
        pos, country, org, qualifier_text, body = qual
        pos = _skip_parenthetical(doc, pos)
    elif pos < len(doc) and lowers[pos] in PORTFOLIO_WORDS:
        end = pos
        while end < len(doc) and (lowers[end] in PORTFOLIO_WORDS or (
                lowers[end] == "dan" and end + 1 < len(doc)
                and lowers[end + 1] in PORTFOLIO_WORDS)):
            end += 1
        role = f"{role}, {span_text(doc, pos, end)}"  # "minister, Perumahan Rakyat"
        pos = end
        qual = _qualifier(doc, pos)  # "Menteri Perumahan Rakyat RI"
        if qual is not None:
            pos, country, org, qualifier_text, body = qual
    elif key in REGIONAL_TITLES or key in UNIT_TITLES:
        unit_end = _skip_region(doc, pos)
        if unit_end > pos and key in UNIT_TITLES and scope is None:
            role = f"{role}, {span_text(doc, pos, unit_end)}"  # "director general, Pajak"
        pos = unit_end
    if not body and pos > found[0] and pos < len(doc) and texts[pos] in {"Kota", "Kabupaten"}:
        pos += 1  # "Kapolres Tasikmalaya Kota": the precinct's name ends with its unit
    if body and scope is None and role not in _QUALIFIED_ROLES:
        role = f"{role}, {qualifier_text}"  # "juru bicara Kremlin" → "spokesperson, Kremlin"
    rank = None
    ranked = match_rank(doc, pos)
    if ranked is not None:
        pos, rank = ranked
    return Title(i, pos, role, span_text(doc, i, found[0]), scope, country, rank, org)


def _skip_region(doc: Doc, pos: int) -> int:
    """An unlisted region after a regional title: up to a rank ("Kapolda Metro Jaya | Irjen
    Karyoto"), else one word when three or more capitalised words follow ("Bupati Sukamaju |
    Ahmad Rifai"); a two-word run is the holder's name ("Bupati Ahmad Rifai")."""
    run = _capitalised_run(doc, pos)
    for j in range(pos + 1, pos + run):
        if match_rank(doc, j) is not None:
            return j
    return pos + 1 if run >= 3 else pos


def _capitalised_run(doc: Doc, i: int) -> int:
    n = 0
    texts = token_texts(doc)  # a Token only for a capitalised word, to ask is_punct
    while i + n < len(doc) and texts[i + n][:1].isupper() and not doc[i + n].is_punct:
        n += 1
    return n


_QUALIFIED_ROLES = frozenset({"UN secretary-general", "NATO secretary-general"})


def _skip_parenthetical(doc: Doc, pos: int) -> int:
    """Skip "(Menlu)" or "(RI)" right after a title."""
    texts = token_texts(doc)
    if pos + 2 < len(doc) and texts[pos] == "(" and texts[pos + 2] == ")":
        return pos + 3
    return pos


def skip_honorifics(doc: Doc, i: int, end: int) -> int:
    while i < end - 1 and is_honorific(doc, i, end):
        i += 1
    return i


def title_before(doc: Doc, name_start: int) -> Title | None:
    """The title chain ending right before a name ("Presiden Rusia | Vladimir Putin"), or
    before a comma and the name ("Kepala Bappenas, | Paskah Suzetta"). A relational title
    followed by a name and an appositive name ("Kuasa hukum Joko Santoso, | Budi Hartono") is
    the appositive's: Budi is the lawyer, Joko the client."""
    found = _title_ending_at(doc, name_start)
    if found is not None and _relational(found) and (
            _apposed_name_after(doc, name_start) or _after_a_name(doc, found.start)):
        return None  # the client's name: the title is the appositive's, after or before it
    if found is None and name_start > 1 and doc[name_start - 1].text == ",":
        found = _title_ending_at(doc, name_start - 1) or _relational_over(doc, name_start - 1)
        if found is not None and not doc[found.start].text[:1].isupper():
            return None
    return found


def _relational(chain: Title) -> bool:
    """A title naming someone by whom they stand for ("kuasa hukum", "istri", "juru bicara")."""
    return chain.surface.lower() in RELATIONAL_ROLES


def _apposed_name_after(doc: Doc, name_start: int) -> bool:
    """Whether the name at ``name_start`` is followed by a comma and another name (not a
    title): "Joko Santoso, Budi Hartono"."""
    end = name_start + min(_capitalised_run(doc, name_start), MAX_NAME_TOKENS)
    nxt = end + 1
    return (end < len(doc) and doc[end].text == "," and nxt < len(doc)
            and doc[nxt].text[:1].isupper() and not doc[nxt].is_punct
            and title_chain(doc, nxt) is None and match_rank(doc, nxt) is None)


def _after_a_name(doc: Doc, i: int) -> bool:
    """Whether a comma and a capitalised name end right before token ``i`` ("Budi Hartono, |
    kuasa hukum ...")."""
    return i > 1 and doc[i - 1].text == "," and doc[i - 2].text[:1].isupper() \
        and not doc[i - 2].is_punct


def _relational_over(doc: Doc, comma: int) -> Title | None:
    """The relational title before the name that closes at ``comma``: "Kuasa hukum | Joko
    Santoso | ," gives "Kuasa hukum" to the name after the comma."""
    for start in range(max(0, comma - MAX_NAME_TOKENS), comma):
        if start + _capitalised_run(doc, start) != comma:
            continue
        chain = _title_ending_at(doc, start)
        if chain is not None and _relational(chain):
            return chain
    return None


def _title_ending_at(doc: Doc, name_start: int) -> Title | None:
    best = None
    floor = max(0, name_start - LOOKBACK)
    lowers, texts = token_lowers(doc), token_texts(doc)
    punct, starts = _punct_and_starts(doc)
    for k in range(name_start - 1, floor - 1, -1):
        if punct[k] and texts[k] not in {"(", ")", "."}:
            break
        chain = title_chain(doc, k) if lowers[k] in TITLE_FIRST else None
        if chain is not None and (skip_honorifics(doc, chain.end, name_start + 1) == name_start
                                  or _region_between(doc, chain.end, name_start)):
            best = chain
        if starts[k]:
            break
    return best


_FLAGS = "roles.punct_and_starts"  # doc_memo key: (length, is_punct, is_sent_start per token)


def _punct_and_starts(doc: Doc) -> tuple[list[bool], list[bool]]:
    """``Token.is_punct`` and whether ``Token.is_sent_start`` is True, for every token, read
    once per Doc from its arrays: ``_title_ending_at`` made a Token at each step back (27,000
    per 200 articles). Sentence starts are final before a stage reads titles (``sentence_fix``
    runs before the gazetteer); a Doc whose length changed is read again."""
    memo = doc_memo(doc)
    got = memo.get(_FLAGS)
    if got is None or got[0] != len(doc):
        rows = doc.to_array([IS_PUNCT, SENT_START]).tolist() if len(doc) else []
        got = memo[_FLAGS] = (len(doc), [p == 1 for p, _ in rows], [s == 1 for _, s in rows])
    return got[1], got[2]


def _region_between(doc: Doc, start: int, name_start: int) -> bool:
    """'Kadis PUPR | Sumut | Topan Ginting': the region an office belongs to may stand between
    the title and the name."""
    if start >= name_start:
        return False
    found = match_at(doc, start, end_limit=name_start)
    return found is not None and found[0] == name_start and found[1].actor_type == "GPE"


def title_after(doc: Doc, name_end: int) -> Title | None:
    """An appositive title: "Retno Marsudi, Menteri Luar Negeri RI, ..."."""
    if name_end + 1 >= len(doc) or doc[name_end].text != ",":
        return None
    chain = title_chain(doc, name_end + 1)
    if chain is not None and _relational(chain):  # "Budi, kuasa hukum Joko Santoso, ..."
        return chain
    if chain is None or not doc[name_end + 1].text[:1].isupper():
        return None
    if chain.end < len(doc) and not (doc[chain.end].is_punct or doc[chain.end].is_sent_start):
        return None
    return chain


def title_end(doc: Doc, start: int, end: int) -> int:
    """Where the name begins inside a span that opens with a title chain (honorifics kept)."""
    chain = title_chain(doc, skip_honorifics(doc, start, end))
    if chain is not None and chain.end < end:
        return chain.end
    return start


def name_start(doc: Doc, start: int, end: int) -> int:
    """Where the name begins inside a person span that may open with titles and honorifics."""
    i = skip_honorifics(doc, start, end)
    chain = title_chain(doc, i)
    if chain is not None and chain.end < end:
        i = skip_honorifics(doc, chain.end, end)
    return i


def _name_run(doc: Doc, i: int, taken: set[int]) -> int:
    """End of a run of capitalised name tokens starting at i (no entity, no title)."""
    end = i
    while end < len(doc) and end - i < MAX_NAME_TOKENS:
        tok = doc[end]
        if end in taken or not tok.text[:1].isupper() or tok.is_punct:
            break
        if tok.is_sent_start and end > i:
            break
        if match_at(doc, end) is not None or match_title(doc, end) is not None:
            break
        if tok.lower_ in ORG_PREFIXES:  # "Direktur [RSUD Sekarwangi]": a body, not a name
            break
        end += 1
    return end


def titled_persons(doc: Doc, ents: list[Span]) -> list[Span]:
    """PERSON spans after a title chain or a rank that the NER missed ("Menlu Retno Marsudi",
    "AKBP Moch Faruk Rozi"); a title written in lower case only with its body or country and
    a full name after it ("kata jubir KPK Tessa Mahardhika")."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    found = []
    texts, lowers = token_texts(doc), token_lowers(doc)
    i = 0
    # only a word of TITLE_FIRST or RANK_FIRST opens a title or a rank: the others are skipped
    for j in [j for j, low in enumerate(lowers) if low in TITLE_FIRST or low in RANK_FIRST]:
        if j < i:
            continue
        i = j
        chain = title_chain(doc, i) if i not in taken and lowers[i] in TITLE_FIRST else None
        lower = chain is not None and not texts[i][:1].isupper()
        if lower and chain is not None and chain.qualifier is None and chain.country is None:
            chain = None  # "kepala sekolah", "ketua panitia": a lower-case common noun
        rank = match_rank(doc, i) if chain is None and i not in taken \
            and lowers[i] in RANK_FIRST else None
        if chain is None and rank is None:
            continue
        title_end = chain.end if chain else rank[0] if rank is not None else i
        start = skip_honorifics(doc, title_end, len(doc))
        end = _name_run(doc, start, taken) if start < len(doc) else start
        if end == start and start < len(doc) and doc[start].text == ",":
            start, end = _name_after_comma(doc, start, taken)
        if lower and end - start < 2:  # "kata jubir KPK Tessa Mahardhika": a title in lower
            end = start  # case names its holder when it names the body and a full name follows
        if end in taken:  # the run runs into a recognised name: it described a unit
            end = start
        if chain is not None and names_a_body(doc, chain, end):
            end = start
        if all(t.lower_ in PORTFOLIO_WORDS | NUMBERING_WORDS or t.like_num for t in doc[start:end]):
            end = start  # "Kepala Seksi [Intelijen]": the unit's field; "Permenko … [Nomor] 16"
        if end > start:
            found.append(Span(doc, start, end, label="PERSON"))
        i = max(end, i + 1)
    return found


def names_a_body(doc: Doc, chain: Title, end: int) -> bool:
    """'Kepala Balai [Karantina Hewan], Ikan, dan Tumbuhan (BKHIT) …': after a chain that ends
    in a body's head word, a run that an acronym in brackets or a list of further capitalised
    words continues is the body's name, not the holder's."""
    if doc[chain.end - 1].lower_ not in ORG_PREFIXES | {"balai"} or end >= len(doc):
        return False
    if doc[end].text == "(":
        return True
    return doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].text[:1].isupper() and (
        end + 2 < len(doc) and doc[end + 2].text in {",", "dan", "serta"})


def _name_after_comma(doc: Doc, comma: int, taken: set[int]) -> tuple[int, int]:
    """'Kepala Bappenas, Paskah Suzetta direncanakan …', 'Wali Kota X, Ratu Dewa, mengatakan …':
    a name of two or more words after the comma, followed by a lower-case word or closed by a
    second comma before one (an apposition, not a list of institutions: no "dan" after it)."""
    start = comma + 1
    end = _name_run(doc, start, taken) if start < len(doc) else start
    follows = end
    if follows + 1 < len(doc) and doc[follows].text == "," \
            and token_lowers(doc)[follows + 1] not in LIST_JOINERS:
        follows += 1
    if end - start >= 2 and follows < len(doc) and doc[follows].text[:1].islower():
        return start, end
    return start, start
