"""Repairs of the statistical NER's spans, before the gazetteer adds what the model missed.

Indonesian news stacks title, body, region and name ("Kadis PUPR Sumut Topan Ginting", "Ketua
Komisi XI DPR RI Mukhamad Misbakhun"), and the model often tags such a run as one span, or tags
a title, a rank or a heading as an entity. ``repair`` cuts, retypes or drops the model's spans
only where the text shows why (a known region or body, an acronym, a rank, a title chain, a
name the article uses again); without such evidence a span stays as the model made it.
``join_body_places`` and ``places_in_lists`` run last, on the merged entity list. Pure
functions over a Doc; the gazetteer stage (``warta.resolve.gazetteer.recognise``) calls them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from warta.errors import ConfigError, Errors
from warta.kb.gazetteer import (
    MAX_ALIAS_TOKENS,
    MAX_NAME_TOKENS,
    GazEntry,
    by_kb,
    label_for,
    lookup,
    match_at,
)
from warta.kb.lexicon import common_words
from warta.nlp.extensions import span_text, token_lowers, token_spaces, token_texts
from warta.nlp.lang.id.conjunctions import AND, LIST_JOINERS
from warta.nlp.lang.id.dates import MONTHS, WEEKDAYS
from warta.nlp.lang.id.honorifics import HONORIFICS, NAME_FUNCTION_WORDS
from warta.nlp.lang.id.interjections import EXCLAMATIONS, HORTATIVES
from warta.nlp.lang.id.org_patterns import (
    BODY_WORDS,
    BUILDING_HEADS,
    GOVERNMENT_HEAD,
    GOVERNMENT_NOT_BODY,
    ORG_HEAD_PAIRS,
    ORG_PREFIXES,
    ORG_SUFFIXES,
    ORG_WORDS_EN,
    PARTY_BOARDS,
    REGION_LEVEL_WORDS,
    REGIONAL_COURTS,
    REGIONAL_OFFICE_WORDS,
    SENTENCE_OPENERS,
)
from warta.nlp.lang.id.place_units import ADMIN_UNITS, NAMED_AFTER, PLACE_UNIT_WORDS
from warta.nlp.lang.id.titles import (
    ENGLISH_OFFICE_FIELDS,
    ENGLISH_OFFICES,
    NAME_LIKE_TITLES,
    NUMBERING_WORDS,
    PORTFOLIO_WORDS,
    RANK_SUFFIXES,
)
from warta.resolve import coref, roles


@dataclass
class _Repairing:
    """What the passes share: the Doc, the spans so far, the bodies a holder cut made (no title
    splits them again) and the persons a title split found (neither trimmed nor retyped)."""

    doc: Doc
    ents: list[Span]
    disabled: frozenset[str] = frozenset()
    bodies: set[tuple[int, int]] = field(default_factory=set)
    titled: set[tuple[int, int]] = field(default_factory=set)


RepairPass = Callable[[_Repairing], list[Span]]


def _split_holders_pass(r: _Repairing) -> list[Span]:
    ents, r.bodies = _split_holders(r.doc, r.ents)
    return ents


def _split_titled_pass(r: _Repairing) -> list[Span]:
    out = []
    for ent in r.ents:
        person = None if (ent.start, ent.end) in r.bodies else _split_titled(r.doc, ent)
        if person is not None:
            r.titled.add((person.start, person.end))
        out.append(person or ent)
    return out


def _untitled(r: _Repairing, ent: Span) -> bool:
    return (ent.start, ent.end) not in r.titled


def _check_person_pass(r: _Repairing) -> list[Span]:
    checked = (_check_person(e, disabled=r.disabled) for e in r.ents)
    return [e for e in checked if e is not None]


# The repairs in the order they run, by name: ``repair(doc, disabled={"split_holders"})`` (or
# the gazetteer stage's ``disabled_repairs`` in config.cfg) leaves one out to measure what it does.
REPAIRS: tuple[tuple[str, RepairPass], ...] = (
    ("cut_at_line_breaks", lambda r: _cut_at_line_breaks(r.ents)),
    ("drop_openers", lambda r: _drop_openers(r.ents)),
    ("cut_numbering", lambda r: _cut_numbering(r.ents)),
    ("cut_trailing_rank", lambda r: _cut_trailing_rank(r.ents)),
    ("body_heads", lambda r: [_body_place(e) for e in r.ents]),
    ("building_bodies", lambda r: [_building_body(e) for e in r.ents]),
    ("body_lists", lambda r: extend_body_lists(r.doc, r.ents)),
    ("split_at_inner_rank", lambda r: _split_at_inner_rank(r.ents)),
    ("ranks_across_spans", lambda r: _ranks_across_spans(r.doc, r.ents)),
    ("split_place_heads", lambda r: _split_place_heads(r.doc, r.ents)),
    ("split_holders", _split_holders_pass),
    ("split_brackets", lambda r: _split_brackets(r.ents)),
    ("join_person_parts", lambda r: join_person_parts(r.doc, r.ents)),
    ("split_titled", _split_titled_pass),
    ("trim_person", lambda r: [_trim_person(r.doc, e) if e.label_ == "PERSON" and _untitled(r, e)
                               else e for e in r.ents]),
    ("retype", lambda r: [_retype(e) if _untitled(r, e) else e for e in r.ents]),
    ("ranked_person", lambda r: [_ranked_person(e) for e in r.ents]),
    ("titled_person", lambda r: [_titled_person(e) for e in r.ents]),
    ("check_person", _check_person_pass),
    ("extend_person", lambda r: _extend_persons(r.doc, r.ents)),
    ("head_before_name", lambda r: _head_before_name(r.doc, r.ents)),
    ("bare_title", lambda r: [e for e in r.ents if not _bare_title(e)]),
    ("phrase_short_form", lambda r: [e for e in r.ents if not phrase_short_form(e, r.ents)]),
)


def repair(doc: Doc, *, disabled: Collection[str] = ()) -> list[Span]:
    """The model's entities with their spans repaired (pure: returns spans, sets nothing).

    ``disabled`` names repairs (``REPAIRS``) or person checks (``PERSON_CHECKS``, as
    ``check_person.<name>``) to leave out, for ablation; ``check_repair_names`` validates them.
    """
    r = _Repairing(doc, list(doc.ents), frozenset(disabled))
    for name, run in REPAIRS:
        if name not in r.disabled:
            r.ents = run(r)
    return r.ents


def repair_names() -> tuple[str, ...]:
    """Every name ``repair(disabled=...)`` accepts, in the order the repairs run."""
    return (*(name for name, _ in REPAIRS),
            *(f"check_person.{name}" for name, _ in PERSON_CHECKS))


def check_repair_names(names: Collection[str]) -> None:
    """Raise a coded ConfigError for a name ``repair`` does not know: a typo would ablate
    nothing and look like a pass that does not matter."""
    known = repair_names()
    for name in names:
        if name not in known:
            raise ConfigError(Errors.E023.format(kind="repair", name=name, known=", ".join(known)))


def _text(ent: Span) -> str:
    """``ent.text`` from the Doc's word lists: the repairs look up most spans' texts, and a
    Span's text makes a Token per word."""
    return span_text(ent.doc, ent.start, ent.end)


def _trim_person(doc: Doc, ent: Span) -> Span:
    """Drop titles and ranks and a leading country ("Cina Putin" in a headline) a model put
    inside a person span. Honorifics stay in the span ("Ir. Soprijanto" is how the text names
    him); the actor's name leaves them out."""
    start = max(roles.title_end(doc, ent.start, ent.end), _rank_end_inside(doc, ent))
    country = match_at(doc, start, end_limit=ent.end)
    if country is not None and country[1].kind == "country" and country[0] < ent.end:
        start = country[0]
    if start == ent.start or start >= ent.end:
        return ent
    return Span(doc, start, ent.end, label=ent.label_, kb_id=ent.kb_id_)


def _rank_end_inside(doc: Doc, ent: Span) -> int:
    """Where a rank that opens before or at a person span ends inside it ("Kolonel [Kum
    Sarifuddin Tarigan]": the corps word is the rank's), else the span's start."""
    lowers = token_lowers(doc)
    for k in range(max(0, ent.start - roles.MAX_RANK_TOKENS), ent.start + 1):
        found = roles.match_rank(doc, k) if lowers[k] in roles.RANK_FIRST else None
        if found is not None and ent.start < found[0] < ent.end:
            return found[0]
    return ent.start


_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})$")  # "Abdullah II", "Charles III"


def join_person_parts(doc: Doc, ents: list[Span], *, names_only: bool = False) -> list[Span]:
    """Repair a person name the model cut in pieces: two PERSON spans side by side are one name
    ("Listyo Sigit" + "Prabowo"), and a regnal number after it belongs to it ("Abdullah II").
    Indonesian news never writes two persons side by side; titles inside are trimmed later.
    ``names_only`` joins only a given name or two to a span, all of name words (after the
    gazetteer added its own persons: "Purbaya" + the model's "Yudhi Sadewa", not "Sosial" +
    "Saifullah Yusuf" or "International Fantastic Festival" + "Choi Yong")."""
    out: list[Span] = []
    for ent in sorted(ents, key=lambda e: e.start):
        prev = out[-1] if out else None
        if (prev is not None and prev.label_ == ent.label_ == "PERSON" and prev.end == ent.start
                and len(prev) + len(ent) <= MAX_NAME_TOKENS
                and (not names_only or (len(prev) <= 2
                                        and all(map(_name_word, doc[prev.start:ent.end]))))):
            out[-1] = Span(doc, prev.start, ent.end, label="PERSON")
            continue
        out.append(ent)
    taken = {i for e in out for i in range(e.start, e.end)}
    for n, ent in enumerate(out):
        end = ent.end
        if (ent.label_ == "PERSON" and end < len(doc) and end not in taken
                and _ROMAN.match(doc[end].text)):
            out[n] = Span(doc, ent.start, end + 1, label="PERSON", kb_id=ent.kb_id_)
    return out


def _extend_persons(doc: Doc, ents: list[Span]) -> list[Span]:
    """'[Dedi] Mulyadi harusnya …', 'kuasa hukum korban, Putri [Maya Rumanti]', 'Gubernur NTB
    Lalu [Muhamad Iqbal]': Indonesian capitalises a word inside a sentence only when it is a
    name or a title, so a capitalised word touching a model PERSON span that is no title,
    rank, honorific, body, place or date is the rest of the person's name."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    for ent in ents:
        if ent.label_ == "PERSON":
            start, end = ent.start, ent.end
            while end < len(doc) and end - start < MAX_NAME_TOKENS and end not in taken \
                    and _inner_name_word(doc, end):
                end += 1
            while start > 0 and end - start < MAX_NAME_TOKENS and start - 1 not in taken \
                    and _inner_name_word(doc, start - 1) and not _after_title(doc, start):
                start -= 1
            if (start, end) != (ent.start, ent.end):
                ent = Span(doc, start, end, label="PERSON", kb_id=ent.kb_id_)
        out.append(ent)
    return out


def _inner_name_word(doc: Doc, i: int) -> bool:
    """A capitalised word inside a sentence that can only be part of a name (see
    ``_extend_persons``): not at a sentence's or a quote's start, not an acronym or a number,
    and neither a title, rank, honorific, body head, place, weekday nor month."""
    tok = doc[i]
    text, low = tok.text, tok.lower_
    if not text[:1].isupper() or tok.is_punct or tok.like_num or _opens_sentence(tok) \
            or "\n" in doc[i - 1].text or (len(text) > 1 and text.isupper()) \
            or _ROMAN.match(text):
        return False
    if low in HONORIFICS or low in WEEKDAYS or low in MONTHS or low in ORG_PREFIXES \
            or low in PLACE_UNIT_WORDS or low in PORTFOLIO_WORDS or _english_office_at(doc, i):
        return False
    if _nominalisation(tok) or low in RANK_SUFFIXES:
        return False
    return (lookup(text) is None and roles.match_title(doc, i) is None
            and roles.match_rank(doc, i) is None and not _in_place_name(doc, i))


def _in_place_name(doc: Doc, i: int) -> bool:
    """Whether token i ends or sits inside a gazetteer name or a rank that opens before it
    ("Jawa [Tengah]", "Komisaris [Besar]")."""
    for k in range(max(0, i - MAX_ALIAS_TOKENS + 1), i):
        found = match_at(doc, k) or roles.match_rank(doc, k)
        if found is not None and found[0] > i:
            return True
    return False


def _check_person(ent: Span, *, disabled: frozenset[str] = frozenset()) -> Span | None:
    """Model PERSON spans that cannot be names: lower-case words ("amal") and bare titles
    ("Menkeu", left to the role mentions) are dropped; a name right after "di"/"ke" is a place.
    The checks run in ``PERSON_CHECKS`` order; the first that decides wins."""
    if ent.label_ != "PERSON":
        return ent
    for name, check in PERSON_CHECKS:
        if f"check_person.{name}" in disabled:
            continue
        out = check(ent)
        if out is not ent:
            return out
    return ent


def _cut_lower_tail(ent: Span) -> Span:
    """A person span without its trailing lower-case words: Indonesian names are capitalised,
    and the particles inside foreign and Arabic names ("bin", "van", "al") stay."""
    doc, end = ent.doc, ent.end
    while end - ent.start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha \
            and (end < ent.end or doc[end - 1].lower_ not in NAME_FUNCTION_WORDS):
        end -= 1  # once a word is cut, a particle before it goes too ("Budi dan adik")
    if end == ent.end:
        return ent
    return Span(doc, ent.start, end, label=ent.label_, kb_id=ent.kb_id_)


def _drop_if(test: Callable[[Span], bool]) -> Callable[[Span], Span | None]:
    """A person check that drops the span when ``test`` holds and otherwise leaves it be."""
    return lambda ent: None if test(ent) else ent


def _not_capitalised(ent: Span) -> bool:
    texts = token_texts(ent.doc)  # the span's first letter, without building its text
    first = next((c for k in range(ent.start, ent.end) for c in texts[k] if c.isalpha()), "")
    return not first.isupper() or len(ent) > MAX_NAME_TOKENS


def _common_opener(ent: Span) -> bool:
    return len(ent) == 1 and _opens_sentence(ent[0]) and ent[0].lower_ in common_words()


def _hortative(ent: Span) -> bool:
    return len(ent) == 1 and ent[0].lower_ in HORTATIVES and _next_is_lower(ent)


def _org_prefix(ent: Span) -> Span:
    head_end = opens_body(ent.doc, ent.start)
    if head_end is not None and head_end < ent.end:
        return Span(ent.doc, ent.start, ent.end, label="ORG")  # "Pemprov Jateng": a body
    return ent


# Every lower-cased word ``opens_body`` can return a head for: a caller scanning every token
# tests this set first (a word outside it opens no body, whatever follows).
BODY_OPENERS: frozenset[str] = frozenset(
    {*ORG_PREFIXES, *(first for first, _ in ORG_HEAD_PAIRS), GOVERNMENT_HEAD})


def opens_body(doc: Doc, i: int) -> int | None:
    """Where the head word(s) of a body's name that opens at token ``i`` end ("Polresta",
    "Rumah Sakit", "Pemerintah" before a region but not before a country), or None; None for
    every word outside ``BODY_OPENERS``."""
    lowers = token_lowers(doc)  # asked at many words: no Token for them
    low = lowers[i]
    if low in ORG_PREFIXES:
        return i + 1
    if i + 1 >= len(lowers):
        return None
    nxt_low = lowers[i + 1]
    if (low, nxt_low) in ORG_HEAD_PAIRS:
        return i + 2
    if low == GOVERNMENT_HEAD and token_texts(doc)[i + 1][:1].isupper() \
            and nxt_low not in GOVERNMENT_NOT_BODY:
        found = match_at(doc, i + 1)
        return None if found is not None and found[1].kind == "country" else i + 1
    return None


_MAX_LIST_WORDS = 4  # words in one item of a body's list ("Sumber Daya Mineral")


def extend_body_lists(doc: Doc, ents: list[Span]) -> list[Span]:
    """'[Kementerian Haji] dan Umrah', '[Kementerian Pendidikan Tinggi], Sains, dan Teknologi':
    Indonesian bodies name their portfolio as a list closed by "dan", and the model (or a
    pattern) stops at the first comma or "dan". An ORG span that opens with a body's head goes
    on over such a list of capitalised words when no item opens a body or a gazetteer name of
    its own ("Kemenkeu dan [Bank Indonesia]" are two bodies); spans inside the list give way."""
    person = {i for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    out = list(ents)
    for n, ent in enumerate(ents):
        if ent.label_ != "ORG" or opens_body(doc, ent.start) is None:
            continue
        end = body_list_end(doc, ent.end, person)
        inside = [e for e in ents if e is not ent and e.start < end and ent.end < e.end]
        if end == ent.end or any(e.start < ent.end or e.end > end for e in inside):
            continue
        out[n] = Span(doc, ent.start, end, label="ORG", kb_id=ent.kb_id_)
        out = [e for e in out if not any(e is i for i in inside)]
    return out


def body_list_end(doc: Doc, i: int, blocked: Collection[int] = ()) -> int:
    """Where a list that continues a body's name from token i ends (", X, dan Y" or "dan Y"),
    or i when none does."""
    k, closed = i, False
    while not closed:
        comma = k < len(doc) and doc[k].text == ","
        k += comma
        closed = k < len(doc) and doc[k].lower_ in AND
        k += closed
        if not (comma or closed):
            return i
        run_end = _list_item_end(doc, k, blocked)
        if run_end == k:
            return i
        k = run_end
    return k


def _list_item_end(doc: Doc, k: int, blocked: Collection[int]) -> int:
    """Where one item of a body's portfolio list ends; an item opening with a title ends the
    list ("Dewan Keamanan dan [Sekretaris Jenderal] PBB": a second subject, not a portfolio)."""
    end = k
    while (end < len(doc) and end - k < _MAX_LIST_WORDS and end not in blocked
           and doc[end].text[:1].isupper() and doc[end].is_alpha
           and opens_body(doc, end) is None and match_at(doc, end) is None
           and not (end == k and roles.match_title(doc, end) is not None)):
        end += 1
    return end


def _body_place(ent: Span) -> Span:
    """'[RSUD Sekarwangi]', '[Polres Jakarta Utara]', '[Pemerintah Kota Bogor]' tagged LOC or
    GPE: a place span that opens with a body's head word names the body (the NER reads the
    place inside it), unless the gazetteer knows the whole span or the head also names a
    building ("di [Kantor Gubernur]")."""
    if ent.label_ not in {"LOC", "GPE"} or ent[0].lower_ in BUILDING_HEADS:
        return ent
    head_end = opens_body(ent.doc, ent.start)
    if head_end is None or head_end >= ent.end or lookup(_text(ent)) is not None:
        return ent
    return Span(ent.doc, ent.start, ent.end, label="ORG")


def _building_body(ent: Span) -> Span:
    """'di [Kantor Bappeda]', '[gedung Dewan Dakwah …]', '[Gedung BEI]' tagged as a place: the
    building is named after the body that sits in it, and Indonesian news names a body this way
    when it acts there ("demo di depan kantor Bappeda"). The body after the building word is
    kept as an ORG of its own (the decision model judges it) when it opens with a body's head,
    is an acronym or a body the gazetteer knows; "Gedung Sate" stays a place."""
    if ent.label_ not in {"LOC", "GPE"} or len(ent) < 2 or ent[0].lower_ not in BUILDING_HEADS:
        return ent
    doc, start = ent.doc, ent.start + 1
    entry = lookup(doc[start:ent.end].text)
    if (opens_body(doc, start) is not None or _acronym(doc[start])
            or (entry is not None and entry.actor_type == "ORG")):
        return Span(doc, start, ent.end, label="ORG")
    return ent


def _acronym(token: Token) -> bool:
    return len(token.text) >= 2 and token.text.isalpha() and token.text.isupper()


def _head_before_name(doc: Doc, ents: list[Span]) -> list[Span]:
    """'[Polda] [Papua]', 'Pemkot [Bima]', 'Perkumpulan [Pemida Muslimin]' with the name tagged
    PERSON: a body's head word is followed by the body's name, not a person's (a person after a
    head is introduced by a title: "Kepala Dinas Budi", "anggota Komisi Budi"). A PERSON span
    right after a head (outside any title chain) becomes the body, head included; a PERSON span
    that is the head word alone is dropped, so the pattern of the body's name can take it."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out: list[Span] = []
    for ent in ents:
        if ent.label_ != "PERSON":
            out.append(ent)
            continue
        if opens_body(doc, ent.start) == ent.end:
            continue  # "Polda" alone
        head = _head_right_before(doc, ent.start, taken)
        out.append(ent if head is None else Span(doc, head, ent.end, label="ORG"))
    return out


def _head_right_before(doc: Doc, start: int, taken: set[int]) -> int | None:
    """Where a body's capitalised head word that ends right at ``start`` begins, or None (also
    when a title chain runs over the head or up to ``start``)."""
    for h in (start - 1, start - 2):
        if h < 0 or any(i in taken for i in range(h, start)) or not doc[h].text[:1].isupper():
            continue
        if opens_body(doc, h) != start:
            continue
        in_title = h > 0 and (found := roles.match_title(doc, h - 1)) is not None and found[0] > h
        if in_title or roles.title_before(doc, start) is not None:
            return None
        return h
    return None


def _org_word(ent: Span) -> Span:
    if len(ent) > 1 and any(t.text in ORG_WORDS_EN or t.text in ORG_SUFFIXES for t in ent):
        return Span(ent.doc, ent.start, ent.end, label="ORG")  # "Gwadar Chamber of Commerce"
    return ent


def _cut_at_office(ent: Span) -> Span | None:
    """"Fathurrahman Pemprov NTB", "… Kecamatan Manonjaya", "… Direktur": a body, a region or an
    office begins where the name ends."""
    doc = ent.doc
    cut = next((t.i for t in ent[1:] if t.text[:1].isupper() and (
        t.lower_ in ORG_PREFIXES | ADMIN_UNITS or _office_title_at(doc, t.i))), None)
    if cut is None:
        return ent
    name = Span(doc, ent.start, cut, label="PERSON")
    return name if any(map(_name_word, name)) else None


def _after_locative(ent: Span) -> Span:
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if before in {"di", "ke"} or before in PLACE_UNIT_WORDS:  # "Desa Cemagi", "Jalan Sudirman"
        return Span(doc, ent.start, ent.end, label="LOC")
    return ent


_LEGAL_FORMS = frozenset({"Pte", "Ltd", "Tbk", "Inc", "Corp", "Co", "LLC", "GmbH", "Bhd", "Sdn",
                          "Limited", "Persero"})


def company_name(ent: Span) -> bool:
    """Whether an ORG span carries a company's legal form ("Pte. Ltd", "Tbk", "Inc")."""
    return ent.label_ == "ORG" and any(t.text.rstrip(".") in _LEGAL_FORMS for t in ent)


def retype_company_short_names(ents: list[Span]) -> list[Span]:
    """'Encore Energy Pte. Ltd' … '[Encore Energy] menyatakan': a model PERSON that opens the
    name of a company the article names with its legal form is that company, by short name."""
    fulls = [token_lowers(e.doc)[e.start:e.end] for e in ents if company_name(e)]
    out = []
    for ent in ents:
        words = token_lowers(ent.doc)[ent.start:ent.end]  # [t.lower_ for t in ent], no Tokens
        if ent.label_ == "PERSON" and any(len(f) > len(words) and f[:len(words)] == words
                                          for f in fulls):
            ent = Span(ent.doc, ent.start, ent.end, label="ORG")
        out.append(ent)
    return out


def trim_common_openers(ents: list[Span]) -> list[Span]:
    """'[Janji Burhanuddin] diucapkan …': a common word opening a sentence before a name the
    article gives elsewhere ("ST Burhanuddin") is the name's noun phrase, not part of it."""
    words: dict[int, set[str]] = {id(e): {t.lower_ for t in e} for e in ents
                                  if e.label_ == "PERSON"}
    out = []
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) >= 2 and _opens_sentence(ent[0]) \
                and ent[0].lower_ in common_words():
            elsewhere = set().union(*(w for k, w in words.items() if k != id(ent)))
            if all(t.lower_ in elsewhere for t in ent[1:]):
                ent = Span(ent.doc, ent.start + 1, ent.end, label="PERSON")
        out.append(ent)
    return out


def _inside_title(ent: Span) -> bool:
    """Whether a title that starts at or before the span also ends at or after it."""
    for k in range(ent.start, max(-1, ent.start - roles.MAX_TITLE_TOKENS), -1):
        title = roles.match_title(ent.doc, k)
        if title is not None and title[0] >= ent.end:
            return True
    return False


def _office_title_at(doc: Doc, i: int) -> bool:
    """An office title inside a person span ends the name ("Joseph Sulistijo | Direktur …");
    royal titles and "Hakim" are left alone, since they also occur inside names."""
    found = roles.match_title(doc, i)
    return found is not None and found[1] not in NAME_LIKE_TITLES


def _cut_at_line_breaks(ents: tuple[Span, ...] | list[Span]) -> list[Span]:
    """A name never runs across a line break: "Lantai Empat" (a subheading) and "Sebelumnya"
    (the paragraph after it) are not one entity. Each piece stays, unless it is a lone
    capitalised common word opening its line."""
    out = []
    for ent in ents:
        texts, spaces = token_texts(ent.doc), token_spaces(ent.doc)  # no Token per word
        breaks = [k for k in range(ent.start, ent.end) if "\n" in texts[k] or "\n" in spaces[k]]
        if not breaks:
            out.append(ent)
            continue
        doc, start = ent.doc, ent.start
        for i in [*breaks, ent.end - 1]:
            end = i if doc[i].is_space else i + 1
            piece = [t for t in doc[start:end] if not t.is_space]
            if piece and not (len(piece) == 1 and piece[0].lower_ in common_words()):
                out.append(Span(doc, piece[0].i, piece[-1].i + 1, label=ent.label_))
            start = i + 1
    return out


_OPENING_MARKS = frozenset({"“", '"', "‘", "'", "(", "«"})


def _opens_sentence(token: Token) -> bool:
    """First word of a sentence or paragraph, also after an opening quote or bracket."""
    doc, i = token.doc, token.i
    while i > 0 and (doc[i - 1].is_space or doc[i - 1].text in _OPENING_MARKS):
        i -= 1
    return i == 0 or bool(doc[i].is_sent_start) or doc[i - 1].text in {".", "!", "?"}


_NOMINAL = re.compile(r"^(?:pe|per|pem|pen|peng|peny|ke)\w{3,}an$")


def _nominalisation(token: Token) -> bool:
    """A derived noun (pe-/per-/ke- … -an) that the tagger does not call a proper noun."""
    return token.pos_ != "PROPN" and bool(_NOMINAL.match(token.lower_))


def _holds_body(ent: Span) -> bool:
    """Whether a span contains an organisation's name of two or more words ("Bank Dunia");
    countries and one-word names are left alone (a person may be called "Haiti")."""
    if len(ent) < 3:
        return False
    for i in range(ent.start, ent.end):
        found = match_at(ent.doc, i, end_limit=ent.end)
        if found is not None and found[1].actor_type == "ORG" and found[0] - i >= 2:
            return True
    return False


def _english_office_at(doc: Doc, i: int) -> bool:
    """Whether an English company office, maybe after its department's words, opens at token
    i ("Warehouse Manager", "Manager")."""
    lowers = token_lowers(doc)
    while i < len(lowers) and lowers[i] in ENGLISH_OFFICE_FIELDS:
        i += 1
    return i < len(lowers) and lowers[i] in ENGLISH_OFFICES


def _english_office(ent: Span) -> Span | None:
    """A person span with a company office written in English: closing it, the office and its
    department are cut off the name ("Rully Firmansyah [Warehouse Manager]"); opening it, the
    rest is the body the office belongs to ("[Founder] Greeneration Indonesia", "[Associate
    Country Manager] Carousell Indonesia"), not a person; an office alone is no one."""
    doc_lowers = token_lowers(ent.doc)
    end = ent.end
    while end < len(doc_lowers) and doc_lowers[end] in ENGLISH_OFFICES:
        end += 1  # "[Rully Firmansyah Warehouse] Manager": the office right after the span
    lowers = doc_lowers[ent.start:end]
    offices = [k for k, w in enumerate(lowers) if w in ENGLISH_OFFICES]
    if not offices:
        return ent
    if offices[-1] == len(lowers) - 1:
        start = offices[-1]
        while start > 0 and (lowers[start - 1] in ENGLISH_OFFICE_FIELDS
                             or lowers[start - 1] in ENGLISH_OFFICES):
            start -= 1
        return Span(ent.doc, ent.start, ent.start + start, label="PERSON") if start else None
    first = offices[0]
    if all(w in ENGLISH_OFFICE_FIELDS or w in ENGLISH_OFFICES for w in lowers[:first]):
        end = first + 1
        while end < len(lowers) and lowers[end] in ENGLISH_OFFICES:
            end += 1
        return Span(ent.doc, ent.start + end, ent.end, label="ORG")
    return ent


def _drop_openers(ents: tuple[Span, ...] | list[Span]) -> list[Span]:
    """'Kemudian Musim Mas Group': a sentence-opening word is not part of a name."""
    out = []
    for ent in ents:
        start = ent.start
        while start < ent.end - 1 and ent.doc[start].lower_ in SENTENCE_OPENERS:
            start += 1
        out.append(ent if start == ent.start else
                   Span(ent.doc, start, ent.end, label=ent.label_, kb_id=ent.kb_id_))
    return out


def _next_is_lower(ent: Span) -> bool:
    doc = ent.doc
    return ent.end < len(doc) and doc[ent.end].is_lower and doc[ent.end].is_alpha


def phrase_short_form(ent: Span, ents: list[Span]) -> bool:
    """'Perjanjian Kerja Sama (PKS)': a bracketed short form spelt by the initials of the words
    before it, which are no entity and name no body, is that phrase's (not the party PKS)."""
    if len(ent) != 1:  # asked for every entity: most are longer, and need no text built
        return False
    doc, short = ent.doc, _text(ent)
    if not short.isupper() or not 2 <= len(short) <= 6 or ent.start < 2 \
            or ent.end >= len(doc) or doc[ent.start - 1].text != "(" or doc[ent.end].text != ")":
        return False
    words = doc[max(0, ent.start - 1 - len(short)):ent.start - 1]
    if len(words) != len(short) or "".join(t.text[:1] for t in words).upper() != short:
        return False
    named = any(e.start < words.end and words.start < e.end for e in ents if e is not ent)
    return not named and not any(map(_names_a_body, words)) and lookup(words.text) is None


def _names_a_body(token: Token) -> bool:
    """A word showing that a phrase names a body ("Lembaga", "Center") or a country's."""
    low = token.lower_
    entry = lookup(token.text)
    return low in ORG_PREFIXES or low in BODY_WORDS or token.text in ORG_SUFFIXES \
        or (entry is not None and entry.kind == "country")


def _defined_abbreviation(ent: Span) -> bool:
    """An upper-case short form in brackets right after a lower-case word names that word's
    thing, not a person: "mikroplastik (MP)" (a person's is after the name: "Susilo Bambang
    Yudhoyono (SBY)")."""
    doc = ent.doc
    if len(ent) != 1 or not ent.text.isupper() or ent.start < 2 or ent.end >= len(doc):
        return False
    return doc[ent.start - 1].text == "(" and doc[ent.end].text == ")" \
        and doc[ent.start - 2].is_lower and doc[ent.start - 2].is_alpha


def _cut_trailing_rank(ents: list[Span]) -> list[Span]:
    """'[Polda Kaltim AKBP] Joko Santoso': a rank closing a model ORG/LOC span is the next
    person's, not part of the body."""
    out = []
    for ent in ents:
        doc = ent.doc
        if ent.label_ == "PERSON":  # kept whatever it holds: no rank to look for
            out.append(ent)
            continue
        lowers = token_lowers(doc)  # a word outside RANK_FIRST opens no rank: no ask there
        cut = next((k for k in range(ent.start + 1, ent.end) if lowers[k] in roles.RANK_FIRST
                    and (found := roles.match_rank(doc, k)) is not None and found[0] == ent.end),
                   None)
        if cut is None:
            out.append(ent)
        else:
            out.append(Span(doc, ent.start, cut, label=ent.label_, kb_id=ent.kb_id_))
    return out


def _split_at_inner_rank(ents: list[Span]) -> list[Span]:
    """'[Kortas Tipikor Polri Kombes Bhakti Eri Nurmansyah]' tagged ORG: a rank inside a body's
    span followed only by name words ends the body; the names after it are the officer (not in
    a name given after a person: "Universitas Jenderal Soedirman")."""
    out = []
    for ent in ents:
        doc = ent.doc
        split = None
        if ent.label_ == "ORG":
            for k in range(ent.start + 1, ent.end - 1):
                found = roles.match_rank(doc, k)
                if found is not None and found[0] < ent.end \
                        and doc[k - 1].lower_ not in NAMED_AFTER \
                        and all(map(_name_word, doc[found[0]:ent.end])):
                    split = (k, found[0])
                    break
        if split is None:
            out.append(ent)
            continue
        out += [Span(doc, ent.start, split[0], label=ent.label_),
                Span(doc, split[1], ent.end, label="PERSON")]
    return out


def _ranks_across_spans(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Pangdam [Udayana Mayor] [Jenderal TNI Komaruddin Simanjuntak]': a rank the model cut
    across spans belongs to neither. A span that runs into a rank ends before it; a span that
    opens inside a rank begun before it, and goes on in name words, is the ranked person."""
    out = []
    for ent in ents:
        into = next((k for k in range(ent.start + 1, ent.end)
                     if (found := roles.match_rank(doc, k)) is not None and found[0] > ent.end),
                    None)
        if into is not None:
            ent = Span(doc, ent.start, into, label=ent.label_, kb_id=ent.kb_id_)
        rank_end = _rank_end_inside(doc, ent)
        if rank_end > ent.start and all(map(_name_word, doc[rank_end:ent.end])):
            ent = Span(doc, rank_end, ent.end, label="PERSON")
        out.append(ent)
    return out


def _cut_numbering(ents: list[Span]) -> list[Span]:
    """'Keputusan [KPU RI 731 Tahun] 2025': the number of a decree or law ("Nomor 731 Tahun
    2025", "731 Tahun") that a model ORG/LOC span ran into is not part of the body's name."""
    out = []
    for ent in ents:
        doc = ent.doc
        lowers = token_lowers(doc)  # a Token only where like_num is asked: before "tahun"
        cut = next((k for k in range(ent.start + 1, ent.end) if lowers[k] in NUMBERING_WORDS or (
            k + 1 < len(doc) and lowers[k + 1] == "tahun" and doc[k].like_num)), None)
        if ent.label_ == "PERSON" or cut is None:
            out.append(ent)
        else:
            out.append(Span(ent.doc, ent.start, cut, label=ent.label_, kb_id=ent.kb_id_))
    return out


_PLACE_KINDS = frozenset({"province", "regency", "city", "capital"})


def _split_place_heads(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Kadis PUPR [Sumut Topan Ginting]', '[Kota Padangsidimpuan Ahmad Juni]': after a body or a
    title, a model span that opens with a known region and goes on in capitalised words is the
    region the office belongs to, then the office holder's name."""
    org_ends = {e.end for e in ents if e.label_ == "ORG"}
    person_words = {t.lower_ for e in ents if e.label_ == "PERSON" for t in e}
    out: list[Span] = []
    for ent in ents:
        pieces = _place_head(doc, ent)  # the cheap test first: most spans have no region head
        if pieces is not None and (ent.start in org_ends or _after_title(doc, ent.start)
                                   or (ent.label_ != "PERSON"
                                       and _named_again(pieces[1], person_words))):
            out.extend(pieces)
        else:
            out.append(ent)
    return out


def _named_again(rest: Span, person_words: set[str]) -> bool:
    """'Pengamat … [Sumatera Selatan M Husni Thamrin]' … "ujar Husni": name words after the
    region that the article uses again for a person are that person, without a title before."""
    return len(rest) >= 2 and all(map(_name_word, rest)) \
        and any(t.lower_ in person_words for t in rest)


def _place_head(doc: Doc, ent: Span) -> list[Span] | None:
    found = match_at(doc, ent.start, end_limit=ent.end)
    if found is None or found[0] >= ent.end or found[1].kind not in _PLACE_KINDS:
        return None
    end, entry = found
    rest = doc[end : ent.end]
    if not all(t.text[:1].isupper() and not t.is_punct for t in rest) or match_at(doc, end):
        return None
    return [Span(doc, ent.start, end, label=label_for(entry), kb_id=entry.kb),
            Span(doc, end, ent.end, label="PERSON")]


def _ranked_person(ent: Span) -> Span:
    """'AKBP [Rio Wahyu Anggoro]' tagged LOC or ORG: a name right after a police or military
    rank is a person unless the gazetteer knows it as a place or body."""
    doc = ent.doc
    if ent.label_ == "PERSON" or lookup(_text(ent)) is not None or not any(map(_name_word, ent)):
        return ent  # "UCLG ASPAC": acronyms are a body's
    ranks = [k for k in range(max(0, ent.start - roles.MAX_RANK_TOKENS), ent.start)
             if (found := roles.match_rank(doc, k)) is not None and found[0] == ent.start]
    if not ranks or _in_title(doc, ranks[0]):  # "Sekretaris Jenderal": a title, not a rank
        return ent
    return Span(doc, ent.start, ent.end, label="PERSON")


def _titled_person(ent: Span) -> Span:
    """'Wakil Menteri Ketenagakerjaan (Wamenaker) [Immanuel Ebenezer]' tagged ORG: two or more
    name words right after a title that names its whole office (and its bracketed short form)
    are its holder, unless the gazetteer knows them. After a bare title ("Juru Bicara [Walhi]",
    "pelatih [Borussia Dortmund]") they may be the body, so they are left alone."""
    doc = ent.doc
    if ent.label_ == "PERSON" or len(ent) < 2 or lookup(_text(ent)) is not None \
            or not all(map(_name_word, ent)):
        return ent
    after = ent.end + (ent.end < len(doc) and doc[ent.end].text == ",")
    if after < len(doc) and _name_word(doc[after]):
        return ent  # "Ketua [The Fed], Jerome Powell": the title's body, its holder follows
    start = ent.start
    bracketed = start > 2 and doc[start - 1].text == ")" and doc[start - 3].text == "("
    titled = _after_office(doc, start) or (bracketed and _after_office(doc, start - 3))
    return Span(doc, ent.start, ent.end, label="PERSON") if titled else ent


def _after_office(doc: Doc, i: int) -> bool:
    """Whether a title that names a whole office ends right before token i: a national office
    ("Wapres", "Menkeu", "Ketua KPK") or one that carries its region or body ("Gubernur Jawa
    Barat", "Direktur Utama Pertamina")."""
    for k in range(max(0, i - roles.MAX_TITLE_TOKENS), i):
        chain = roles.title_chain(doc, k)
        if chain is not None and chain.end == i and (
                chain.scope == "IDN" or chain.country is not None or chain.qualifier is not None):
            return True
    return False


def _in_title(doc: Doc, i: int) -> bool:
    """Whether token i continues a title that starts before it ("Sekretaris | Jenderal")."""
    return any((found := roles.match_title(doc, k)) is not None and found[0] > i
               for k in range(max(0, i - roles.MAX_TITLE_TOKENS), i))


def _split_holders(doc: Doc, ents: list[Span]) -> tuple[list[Span], set[tuple[int, int]]]:
    """'Ketua [Majelis Hakim Pengadilan Negeri Medan Khamozaro Waruwu]', 'Direktur [PT DNG M
    Akhirun Piliang]': a model ORG/LOC span after a title that runs on into the holder's name is
    cut where the body ends. The cut needs evidence: the name's words are a person elsewhere in
    the article, or the body visibly ends before two or more name words (an acronym, a roman
    numeral, a number, a known place or body)."""
    person_words = {coref.fold(t.text) for e in ents if e.label_ == "PERSON" for t in e}
    out: list[Span] = []
    bodies: set[tuple[int, int]] = set()  # the cut bodies: no title splits them again
    for ent in ents:
        pieces = _holder_cut(doc, ent, person_words)
        if pieces is not None:
            bodies.add((pieces[0].start, pieces[0].end))
        out.extend(pieces or [ent])
    return out, bodies


def _holder_cut(doc: Doc, ent: Span, person_words: set[str]) -> list[Span] | None:
    if ent.label_ in {"PERSON", "GPE"} or len(ent) < 2 or not _name_word(ent[-1]):
        return None
    if lookup(_text(ent)) is not None:
        return None  # a place or body the gazetteer knows whole
    cut = ent.end
    while cut > ent.start + 1 and _name_word(doc[cut - 1]):
        cut -= 1
    cut = _past_names(doc, ent.start, cut)  # "Provinsi Sumatera Selatan | Nasrun Umar"
    if cut >= ent.end:
        return None
    head = match_at(doc, ent.start, end_limit=cut)
    tail = doc[cut : ent.end]
    bounded = (head is not None and head[0] == cut) or (  # "Ketua [DPR] Puan"
        len(tail) >= 2 and _body_ends_at(doc, ent.start, cut))  # "Komisi XI DPR RI | Mukhamad"
    if not _titled(doc, ent) and not (bounded and _titled_over_unit(doc, ent.start)):
        return None  # no title before it
    named = next((t.i for t in tail if coref.fold(t.text) in person_words), None)
    if named is not None and not bounded:  # "Badan Pengendalian Lingkungan Hidup [Hanif …"
        cut = named
    elif not bounded:
        return None
    return [Span(doc, ent.start, cut, label=ent.label_), Span(doc, cut, ent.end, label="PERSON")]


def _titled(doc: Doc, ent: Span) -> bool:
    """Whether a title chain ends at the span or inside it ("Ketua [Majelis …": the chain takes
    the body's head word as its unit)."""
    for k in range(max(0, ent.start - roles.MAX_TITLE_TOKENS), ent.start):
        chain = roles.title_chain(doc, k)
        if chain is None or chain.end > ent.end:
            continue
        end = chain.end  # "Ketua Komisi | III | [DPR Habiburokhman]": a unit's number between
        while end < ent.start and (_ROMAN.match(doc[end].text) or doc[end].like_num):
            end += 1
        if end >= ent.start:
            return True
    return False


def _past_names(doc: Doc, start: int, cut: int) -> int:
    """``cut`` moved past a gazetteer name that runs over it ("Pemerintah Provinsi Sumatera |
    Selatan Nasrun" → "… Sumatera Selatan | Nasrun"): no holder's name starts inside one."""
    moved = True
    while moved:
        moved = False
        for k in range(max(start, cut - MAX_ALIAS_TOKENS), cut):
            found = match_at(doc, k)
            if found is not None and found[0] > cut:
                cut, moved = found[0], True
                break
    return cut


_MAX_UNIT_WORDS = 6  # capitalised words of a unit between a title and its body


def _titled_over_unit(doc: Doc, start: int) -> bool:
    """'Direktur [Penegakan Pidana] | Kementerian ESDM Ma'mun', 'Kabid [Hubungan Media dan
    Kehumasan Puspenkum] | Kejagung RI Irwan': whether a title chain ends before ``start`` with
    only the capitalised words (and "dan") of the unit it heads between; ``_holder_cut`` takes
    this for a title only when a body the gazetteer knows closes the span's head."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    k = start
    while k > 0 and start - k < _MAX_UNIT_WORDS and (
            texts[k - 1][:1].isupper() or lowers[k - 1] in AND):
        k -= 1
        for j in range(max(0, k - roles.MAX_TITLE_TOKENS), k):
            chain = roles.title_chain(doc, j) if lowers[j] in roles.TITLE_FIRST else None
            if chain is not None and chain.end == k and k < start:
                return True
    return False


def _name_word(token: Token) -> bool:
    """A word that can be part of a person's name: capitalised, not an acronym, numeral or
    roman numeral, not a body's head word, a common word ("Gas") or a gazetteer name."""
    text = token.text
    if not text[:1].isupper() or token.is_punct or token.like_num:
        return False
    acronym = len(text) > 1 and text.isupper()
    roman = bool(_ROMAN.match(text)) and text != "I"  # "I Ketut Sukadi": Balinese, not one
    if acronym or roman:
        return False
    low = token.lower_
    return (low not in ORG_PREFIXES and low not in PLACE_UNIT_WORDS and low not in common_words()
            and low not in PORTFOLIO_WORDS and lookup(text) is None)


def name_word(token: Token) -> bool:
    """``_name_word`` for the actors stage (``actors._person_tail``)."""
    return _name_word(token)


def body_ends_at(doc: Doc, start: int, cut: int) -> bool:
    """Whether a body's name that starts at ``start`` visibly ends right before ``cut``: a
    gazetteer name runs from the start to the cut ("[Partai Amanat Nasional] Zulkifli"), or the
    last word before it closes a name (``_body_ends_at``: "[FPI] Rizieq", "[Kejagung RI]
    Anang"), as ``_holder_cut`` reads it after a title."""
    head = match_at(doc, start, end_limit=cut)
    return (head is not None and head[0] == cut) or _body_ends_at(doc, start, cut)


def _body_ends_at(doc: Doc, start: int, cut: int) -> bool:
    last = doc[cut - 1]
    if last.lower_ in ORG_PREFIXES:
        return False  # "PT | Amanat Perkasa", "Dinas | Lingkungan Hidup": the name follows
    if not _name_word(last):
        return True  # "PT DNG", "Wilayah V", "Komisi III"
    return any((found := match_at(doc, k, end_limit=cut)) is not None and found[0] == cut
               for k in range(max(start, cut - MAX_ALIAS_TOKENS), cut))


def _after_title(doc: Doc, i: int) -> bool:
    """Whether a title or rank ends right before token i ("Kapolres", "Kadis PUPR")."""
    for k in range(max(0, i - roles.MAX_TITLE_TOKENS), i):
        chain = roles.title_chain(doc, k)
        if chain is not None and chain.end == i:
            return True
    return False


def _split_brackets(ents: tuple[Span, ...] | list[Span]) -> list[Span]:
    """'Komisi Pemberantasan Korupsi (KPK)' tagged as one span is a name and its acronym."""
    out = []
    for ent in ents:
        texts = token_texts(ent.doc)[ent.start:ent.end]  # the span's words, no Token per word
        opens = [ent.start + k for k, text in enumerate(texts) if text == "("]
        closes = [ent.start + k for k, text in enumerate(texts) if text == ")"]
        if len(opens) == 1 and ent.start < opens[0] and (not closes or closes[0] > opens[0] + 1):
            doc, cut = ent.doc, opens[0]
            inner_end = closes[0] if closes else ent.end
            out.append(Span(doc, ent.start, cut, label=ent.label_))
            out.append(Span(doc, cut + 1, inner_end, label=ent.label_))
        else:
            out.append(ent)
    return out


def _split_titled(doc: Doc, ent: Span) -> Span | None:
    """A model span that swallowed the end of a title chain — "[Juru bicara] KPK Tessa
    Mahardhika" tagged ORG, "[Juru bicara] Kremlin Dmitry Peskov" tagged PERSON — becomes the
    person after the chain; the qualifier (KPK, Kremlin) is found again by the gazetteer. A
    chain may also open inside the span ("[Majelis Hakim Wa Ode Sania]" tagged ORG): then
    every word after it must be a name word, so a body named after an office stays whole."""
    lowers = token_lowers(doc)
    for k in range(max(0, ent.start - roles.MAX_TITLE_TOKENS), ent.end - 1):
        chain = roles.title_chain(doc, k) if lowers[k] in roles.TITLE_FIRST else None
        if chain is None or not ent.start < chain.end < ent.end:
            continue
        if roles.names_a_body(doc, chain, ent.end):
            return None  # "Kepala [Balai Karantina Hewan], Ikan, …": the body the title heads
        start = roles.skip_honorifics(doc, chain.end, ent.end)
        rest = doc[start : ent.end]
        # "Anggota [Komisi C DPRD]": a lone letter after the unit is the unit's ("Komisi A"–"E"
        # of a regional parliament), not a person's initial, when no longer name word follows
        names = all(map(_name_word, rest)) if k > ent.start else any(
            _name_word(t) and len(t) > 1 for t in rest)
        if (len(rest) and all(t.text[:1].isupper() for t in rest) and names
                and not any(t.lower_ in ADMIN_UNITS for t in rest)):  # "… Kecamatan X": a unit
            return Span(doc, start, ent.end, label="PERSON")
    return None


def _bare_title(ent: Span) -> bool:
    """A model ORG/LOC span that is only a rank or title ("AKBP", "Kapolres"): no body, and
    left in place it would hide the name after it from the titled-person search."""
    if ent.label_ == "PERSON":
        return False
    doc = ent.doc
    found = roles.match_rank(doc, ent.start) or roles.match_title(doc, ent.start)
    if found is not None and found[0] == ent.end:
        return True
    chain = roles.title_chain(doc, ent.start)  # "[Kapolres Tasikmalaya Kota (AKBP)] Moch …"
    if chain is None or chain.end < ent.end:
        return False
    rank = roles.match_rank(doc, ent.end) if chain.end > ent.end else None
    return chain.end == ent.end or (rank is not None and rank[0] == chain.end)


def _retype(ent: Span) -> Span:
    """Model LOC/ORG spans that name a gazetteer place or body take the gazetteer's type."""
    if ent.label_ == "PERSON":  # before the look-up: its text is built from every token
        return ent
    entry = lookup(_text(ent))
    if entry is None:
        return ent
    label = label_for(entry)
    if label == ent.label_ and ent.kb_id_ == entry.kb:
        return ent
    return Span(ent.doc, ent.start, ent.end, label=label, kb_id=entry.kb)


def places_in_lists(doc: Doc, ents: list[Span]) -> list[Span]:
    """'di Timika, [Merauke], Manokwari': a model PERSON that the gazetteer knows as a place and
    that stands in a list beside another place is that place."""
    out = list(ents)
    for n, ent in enumerate(ents):
        if ent.label_ != "PERSON":
            continue
        entry = lookup(_text(ent))
        if entry is None or entry.kind not in _PLACE_KINDS:
            continue
        beside = [ents[n - 1]] if n > 0 else []
        beside += [ents[n + 1]] if n + 1 < len(ents) else []
        if any(_listed_with(doc, ent, other) and other.label_ in {"GPE", "LOC"}
               for other in beside):
            out[n] = Span(doc, ent.start, ent.end, label=label_for(entry), kb_id=entry.kb)
    return out


_BODY_PLACE_KINDS = frozenset({"country", *_PLACE_KINDS})


def join_body_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """'[Kementerian Luar Negeri] [Rusia]', '[Direktorat Reserse Narkoba Polda] [Jawa Tengah]',
    '[Kementerian Investasi, Perdagangan dan Industri] [Malaysia]': Indonesian writes the
    country or region a body belongs to right after the body's name, with no word between,
    and the NER or the gazetteer tags the two apart. An ORG span that opens with a body's head
    and is followed at once by a country or region is one body with it (no longer the
    gazetteer's body: the Russian ministry is not Indonesia's). A gazetteer body followed by
    its own country ("Kementerian Luar Negeri Indonesia") stays as it is."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and _body_then_place(doc, prev, ent):
            out[-1] = Span(doc, prev.start, ent.end, label="ORG")
            continue
        out.append(ent)
    return out


def join_party_boards(doc: Doc, ents: list[Span]) -> list[Span]:
    """'DPD II [Golkar] [Makassar]', '[DPW] [PPP] [Jateng]': a party's (or a mass
    organisation's) regional board is named by its level word (``PARTY_BOARDS``, a roman
    numeral after "DPD" for the regency level) right before the organisation's name, then the
    region it leads; the NER tags the level word apart, as the senate ("DPD"), or not at all.
    An ORG span right after such a word and followed at once by a region the gazetteer knows
    is one body with both (any span over the level word gives way); the organisation itself is
    proposed apart (``actors._inner_bodies``)."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    out: list[Span] = []
    n = 0
    while n < len(ents):
        ent = ents[n]
        start = _board_start(texts, lowers, ent) if ent.label_ == "ORG" else None
        place = ents[n + 1] if n + 1 < len(ents) else None
        if start is None or place is None or not _region_after(doc, ent, place) \
                or any(e.start < start < e.end for e in out):
            out.append(ent)
            n += 1
            continue
        out = [e for e in out if e.end <= start]
        out.append(Span(doc, start, place.end, label="ORG"))
        n += 2
    return out


def _board_start(texts: list[str], lowers: list[str], ent: Span) -> int | None:
    """Where the party board's level word before ``ent`` starts (past a roman numeral), or
    None when none stands right before it or ``ent`` opens with one itself."""
    if lowers[ent.start] in PARTY_BOARDS:
        return None
    k = ent.start - 1
    if k > 0 and _ROMAN.match(texts[k]) and lowers[k - 1] == "dpd":
        k -= 1  # "DPD II Golkar": the regency board
    if k >= 0 and lowers[k] in PARTY_BOARDS and texts[k].isupper():
        return k
    return None


def _region_after(doc: Doc, body: Span, place: Span) -> bool:
    """Whether ``place`` follows ``body`` at once and is a region or country the gazetteer
    knows."""
    if place.start != body.end or place.label_ not in {"GPE", "LOC"}:
        return False
    entry = (by_kb(place.kb_id_) if place.kb_id_ else None) or lookup(_text(place))
    return entry is not None and entry.kind in _BODY_PLACE_KINDS


def join_bracketed_acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    """'[Ikatan Keluarga Alumni] ([IKA]) [Unpad]', 'Panitia Khusus (Pansus) II', 'DPD [Front
    Pembela Islam] ([FPI]) [DKI Jakarta]': Indonesian news defines a body's short form in
    brackets right after the body's generic name, before the parent body or number that
    completes the name, and the NER tags the pieces apart. A body's span (opening with a
    body's head or holding a body word) followed by one bracketed word and then a body the
    gazetteer knows or a roman numeral is one body with them; the actor's name leaves the
    bracket out (``bracketed_short_form``). A region after the bracket completes a party
    board's name (``join_party_boards``) and a regional office's (``_regional_office``:
    "Dinas Sosial (Dinsos) Kota Mataram"), not a national body's: "Komisi Pemilihan Umum (KPU)
    DKI Jakarta" is read as the national body as often as its provincial office (joining it
    did not hold on train)."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    out: list[Span] = []
    n = 0
    while n < len(ents):
        ent = ents[n]
        end = _bracket_close(doc, ent)
        close, skip = None, 1
        if end is not None:
            nxt = ents[n + 1] if n + 1 < len(ents) else None
            skip = 2 if nxt is not None and (nxt.start, nxt.end) == (end - 2, end - 1) else 1
            close = _name_close(doc, end, ents[n + skip] if n + skip < len(ents) else None)
        board = _board_start(texts, lowers, ent) if close is not None and close[2] else None
        if board is not None and any(e.start < board < e.end for e in out):
            board = None
        if close is None or end is None or (
                close[2] and board is None and not _regional_office(doc, ent, end, close[0])):
            out.append(ent)
            n += 1
            continue
        start = ent.start if board is None else board
        out = [e for e in out if e.end <= start]
        out.append(Span(doc, start, close[0], label="ORG"))
        n += skip + close[1]
    return out


def _regional_office(doc: Doc, body: Span, start: int, end: int) -> bool:
    """Whether ``doc[start:end]``, right after a body's bracketed short form, is the region
    whose office the body is: a province, regency or city (not a country: "Kementerian Dalam
    Negeri (Kemendagri) RI" is the national ministry), which the news writes after the short
    form of a region's own office ("Badan Penanggulangan Bencana Daerah (BPBD) Banyumas",
    "Pengadilan Negeri (PN) Palu": ``REGIONAL_OFFICE_WORDS``, ``REGIONAL_COURTS``) or with its
    level word ("Majelis Ulama Indonesia (MUI) Kota Sukabumi")."""
    lowers = token_lowers(doc)
    entry = lookup(span_text(doc, start, end))
    if entry is None or entry.kind not in _PLACE_KINDS:
        return False
    words = lowers[body.start:body.end]
    return (lowers[start] in REGION_LEVEL_WORDS
            or any(w in REGIONAL_OFFICE_WORDS for w in words)
            or any(pair in REGIONAL_COURTS for pair in pairwise(words)))


def _name_close(doc: Doc, end: int, after: Span | None) -> tuple[int, int, bool] | None:
    """Where a body's name that goes on after its bracketed short form ends (at token ``end``),
    how many entity spans it takes in and whether it closes with a place; None when no place,
    known body or roman numeral follows the bracket."""
    if after is not None and after.start == end:
        place = _completes_body(after)
        return None if place is None else (after.end, 1, place)
    known = _known_at(doc, end)  # "(IKA) Unpad" with no entity over the known body
    if known is not None and (after is None or known[0] <= after.start):
        if known[1].kind in _BODY_PLACE_KINDS:
            return known[0], 0, True
        if known[1].kind == "institution":
            return known[0], 0, False
    if _ROMAN.match(doc[end].text):  # "Panitia Khusus (Pansus) II"
        return end + 1, 0, False
    return None


def _bracket_close(doc: Doc, ent: Span) -> int | None:
    """Where the name goes on after "<body> (<word>)": the token after the closing bracket, or
    None when ``ent`` is no body's span followed by one bracketed capitalised word."""
    i = ent.end
    if ent.label_ != "ORG" or i + 3 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")":
        return None
    short = doc[i + 1].text
    if not (short.isalpha() and short[:1].isupper()):
        return None
    if not _board_head(doc, ent.start) and not any(t.lower_ in BODY_WORDS for t in ent):
        return None
    return i + 3


def _board_head(doc: Doc, i: int) -> bool:
    """Whether a body's head word, or a party board's level word, opens a name at token i."""
    return opens_body(doc, i) is not None or token_lowers(doc)[i] in PARTY_BOARDS


def _known_at(doc: Doc, i: int) -> tuple[int, GazEntry] | None:
    """The gazetteer name at token i: ``match_at``'s, else a capitalised word the gazetteer
    knows in any letter case ("Unpad" for its "UNPAD")."""
    found = match_at(doc, i)
    if found is not None or not doc[i].text[:1].isupper() or not doc[i].is_alpha:
        return found
    entry = lookup(doc[i].text)
    return None if entry is None else (i + 1, entry)


def _completes_body(span: Span) -> bool | None:
    """Whether ``span`` can close a body's name: True for a place, False for a body the
    gazetteer knows, None for neither."""
    entry = (by_kb(span.kb_id_) if span.kb_id_ else None) or lookup(_text(span))
    if entry is None:
        return None
    if span.label_ == "PERSON":  # "(IKA) [Unpad]": a known body the NER took for a name
        return False if entry.actor_type == "ORG" and entry.kind == "institution" else None
    if entry.kind in _BODY_PLACE_KINDS and span.label_ in {"GPE", "LOC", "ORG"}:
        return True
    return False if span.label_ == "ORG" and entry.actor_type == "ORG" else None


def bracketed_short_form(span: Span) -> tuple[str, str] | None:
    """A body's name with its short form defined in brackets inside it ("Ikatan Keluarga Alumni
    (IKA) Unpad"): the name without the bracket and the short form, else None."""
    texts = token_texts(span.doc)[span.start:span.end]
    if "(" not in texts[1:-1] or len(texts) < 5:
        return None
    k = texts.index("(")
    if k + 2 >= len(texts) - 1 or texts[k + 2] != ")":
        return None
    spaces = token_spaces(span.doc)[span.start:span.end]
    words = [*range(k), *range(k + 3, len(texts))]
    name = "".join(texts[j] + (" " if spaces[j] else "") for j in words).strip()
    return name, texts[k + 1]


def office_region(span: Span) -> bool:
    """Whether a body's span with its short form in brackets inside it ends with the region
    whose office it is ("Dinas Sosial (Dinsos) Kota Mataram", ``join_bracketed_acronyms``):
    there the bare short form elsewhere in the article names that office too ("Dinsos"), not
    the national body the gazetteer knows by it ("KPU")."""
    texts = token_texts(span.doc)[span.start:span.end]
    if ")" not in texts[2:-1]:
        return False
    start = span.start + texts.index(")", 2) + 1
    entry = lookup(span_text(span.doc, start, span.end))
    return entry is not None and entry.kind in _PLACE_KINDS


def _body_then_place(doc: Doc, body: Span, place: Span) -> bool:
    if body.end != place.start or body.label_ != "ORG" or place.label_ not in {"GPE", "LOC"}:
        return False
    entry = (by_kb(place.kb_id_) if place.kb_id_ else None) or lookup(_text(place))
    if entry is None or entry.kind not in _BODY_PLACE_KINDS:
        return False
    if not _board_head(doc, body.start):
        return False
    own = by_kb(body.kb_id_) if body.kb_id_ else None
    country = entry.kb if entry.kind == "country" else entry.country
    return own is None or own.country != country or entry.kind != "country"


def _listed_with(doc: Doc, a: Span, b: Span) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    return second.start - first.end == 1 and doc[first.end].lower_ in LIST_JOINERS


# ``_check_person``'s checks in order: each returns the span unchanged when it does not apply,
# else its verdict (None drops the span). Named so that one can be switched off for ablation.
PERSON_CHECKS: tuple[tuple[str, Callable[[Span], Span | None]], ...] = (
    # "(Jokowi)" is fine; "amal" or a whole upper-case sentence is not a name
    ("not_capitalised", _drop_if(_not_capitalised)),
    # "Menkeu"; "Menteri [LH]": a portfolio's short form closes the title
    ("inside_title", _drop_if(_inside_title)),
    # "Penyuluhan", "Kebijakan Ekonomi": derived nouns, not names
    ("nominalisation", _drop_if(lambda e: all(_nominalisation(t) for t in e))),
    ("common_opener", _drop_if(_common_opener)),  # "Tujuan mencari …": a capitalised common word
    ("exclamation", _drop_if(lambda e: e.text.lower() in EXCLAMATIONS)),  # "Alhamdulillah, …"
    # "Mari kita mulai …" (but "Mari Elka Pangestu" is a name)
    ("hortative", _drop_if(_hortative)),
    # "Permenko Bidang Perekonomian [Nomor] 16"
    ("numbering", _drop_if(lambda e: all(t.lower_ in NUMBERING_WORDS or t.like_num for t in e))),
    # "mikroplastik (MP)": the short form of a common noun
    ("defined_abbreviation", _drop_if(_defined_abbreviation)),
    # "Alternate Governor Bank Dunia": an office of a body, not a name
    ("holds_body", _drop_if(_holds_body)),
    # "[Rully Firmansyah Warehouse Manager]": the name; "[Founder Greeneration Indonesia]": a body
    ("english_office", _english_office),
    ("org_prefix", _org_prefix),
    ("org_word", _org_word),
    ("cut_at_office", _cut_at_office),
    ("after_locative", _after_locative),
    # "Fahri [geram] karena …", "Anies [hormat] …": a lower-case word after a name is the verb or
    # adjective of the sentence, not a part of the name
    ("lower_tail", _cut_lower_tail),
)
