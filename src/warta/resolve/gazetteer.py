"""The gazetteer stage: adds and retypes entities with warta's knowledge base.

It runs after the statistical NER: it adds entities the model missed (countries, institutions,
abbreviations, "Kementerian X", "Polda X", persons after a title, a person's initials) and
retypes LOC to GPE for countries/provinces/cities, without clobbering the model's person names;
the model's own spans are first repaired by ``warta.resolve.span_repairs`` (titles, regions and
bodies run into names, ranks, headings). The look-ups it uses (``lookup``, ``match_at``, the
people list) are the read-only ``warta.kb.gazetteer``, which every other stage reads too.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from warta.kb import gazetteer as kb
from warta.kb.gazetteer import (
    MAX_NAME_TOKENS,
    could_start,
    label_for,
    lookup,
    match_at,
    normalize,
    opens_alias,
)
from warta.kb.lexicon import common_words
from warta.nlp.extensions import (
    factory_name,
    mark_stage,
    skip_unsupported,
    span_text,
    token_lowers,
    token_spaces,
    token_texts,
)
from warta.nlp.lang.id.actor_cues import (
    CITING_VERBS,
    INITIALS_CUES,
    MAX_AGE,
    NAME_INTRODUCERS,
    NUMBERED_PARTS,
    OUTLET_CUE_LINKS,
    OUTLET_CUES,
    OUTLET_HEADS,
    SPELLED_INITIALS_CUES,
)
from warta.nlp.lang.id.conjunctions import AND
from warta.nlp.lang.id.honorifics import BALINESE_BIRTH_NAMES, BALINESE_NAME_OPENERS, HONORIFICS
from warta.nlp.lang.id.locatives import LANGUAGE_BEFORE
from warta.nlp.lang.id.morphology import ENCLITICS
from warta.nlp.lang.id.org_patterns import (
    BUILDING_HEADS,
    ORG_SUFFIXES,
    OUTLET_SHAPE,
    SENTENCE_OPENERS,
)
from warta.nlp.lang.id.reporting_verbs import CUE_AFTER, MENURUT
from warta.resolve import roles, span_repairs

STAGE = "gazetteer"
# 2: a title chain opening inside a model span splits off its holder ("[Majelis Hakim Wa Ode
# Sania]" tagged ORG is the judge); a person's initials are a person ("tersangka berinisial YG")
# 3: a place span opening with a body's head is the body ("RSUD X", "Polres X", "Pemerintah Kota
# X"); a rank's corps and force are the rank's ("Kolonel Kum", "Mayor Jenderal TNI"), also
# across two model spans; capitalised words inside a sentence touching a person are its name;
# a body's portfolio listed with "dan" is part of its name ("Kementerian Haji dan Umrah")
# 4 (a): lower-case words closing a person span are cut off ("Fahri [geram] karena …")
# 4 (b): a body named after a building word is the body ("di kantor [KPPN Bima]", "[Gedung BEI]");
# a name right after a body's head is the body's ("Pemkot [Bima]", "[Polda] Papua");
# "komite" and "perkumpulan" open a body's name; initials after a rank ("Bripka DR"), listed
# after initials ("berinisial CD, N dan S") or of one letter after "berinisial" are a person
# 5: both v4 changes above together (merged)
# 6: a news outlet's name right after a word citing it as a source is an ORG ("kata Rina
# kepada [detikJabar]", "dikutip dari [CNNIndonesia.com]"); a citing verb opening a sentence
# is not part of the name after it ("[Melansir] Mirror")
# 7: a person introduced by "bernama" before the name or by their age in brackets after it
# ("warga bernama [Irwan]", "[Marni] (60)") is a PERSON the NER missed (introduced_persons)
# 8: a body's name followed at once by the country or region it belongs to is one body
# ("[Kementerian Luar Negeri] [Rusia]", "[Direktorat Reserse Narkoba Polda] [Jawa Tengah]":
# span_repairs.join_body_places)
# 9: a speaker named right after a speech tag that follows a closing quote mark, or after
# "menurut", is a PERSON the NER missed ('…," kata [Budi Santoso]': tagged_speakers)
# 10: what a citing verb cites or an outlet noun names is a news outlet ("dilansir dari [Metro]",
# "majalah [Men Obsession]": cited_sources); "I"/"Ni" opening a Balinese name is part of it
# ("I [Made Rai]": balinese_openers); large companies named bare are the gazetteer's
# (companies.tsv: "buatan [Boeing]"), never over a model PERSON ("Suzuki"); a person's name
# runs on over a spaced hyphen before a lower-case syllable ("[Kim Jong - un]": hyphenated_names)
# 11: "DKI Jakarta" is the province (prov:dki-jakarta), not the seat of government (seats.tsv)
# 12: organisation spans (s12 org): a party's regional board is one body with its organisation
# and region ("DPD II [Golkar] [Makassar]": span_repairs.join_party_boards); a body's generic
# name, its short form in brackets and the known parent body or roman numeral after it are one
# body ("Ikatan Keluarga Alumni (IKA) Unpad": join_bracketed_acronyms); a body run on into its
# holder after a title and its unit's words is cut ("Direktur Penegakan Pidana Kementerian ESDM
# | Ma'mun"), never inside a gazetteer name; a gazetteer name under a losing body pattern stays;
# a lone letter after a title's unit is the unit's ("Anggota [Komisi C DPRD]"), not a person;
# people.tsv names Saifullah Yusuf's popular name ("Gus Ipul": s12 dup)
# 13: a regional office's name, its short form in brackets and its region are one body ("Dinas
# Sosial (Dinsos) Kota Mataram", "Pengadilan Negeri (PN) Palu": join_bracketed_acronyms with
# _regional_office; s13 aspur)
# and missed actors (s13 amiss): a royal word after a domestic office's title
# is a given name ("Wali Kota Palembang, [Ratu Dewa]": roles._held_office_before); a title after
# a name closed by a second comma is the holder's ("…, Ratu Dewa, mengatakan"); a title in lower
# case names its holder when it names the body and a full name follows ("kata jubir KPK [Tessa
# Mahardhika]"); a parliament's working bodies ("Pansus III", "Panja RUU …") and a regional
# police's units ("Ditsiber Polda Sulteng", also over a model span of "Polda" alone) open a
# body's name; a company office written in English is cut off a person span ("Rully
# Firmansyah [Warehouse Manager]") or, opening it, leaves the body ("[Founder] Greeneration
# Indonesia": span_repairs._english_office); a body's pattern beats a model place span of its
# head word alone ("[Kodim] 0701")
VERSION = "13"
FACTORY = factory_name(STAGE, VERSION)


# --- recognition -----------------------------------------------------------------------------


def _gazetteer_spans(doc: Doc, blocked: set[int]) -> list[Span]:
    spans = []
    texts, spaces = token_texts(doc), token_spaces(doc)
    words = (texts, spaces)
    # a name starts capitalised or with a digit (as match_at checks first): only those words
    # are tried, in order, the ones a name found before covers skipped; a word with a space
    # after it that opens no alias (``could_start``, match_at's next check) is not tried
    i = 0
    for j in [j for j, t in enumerate(texts) if (t[:1].isupper() or t[:1].isdigit())
              and (not spaces[j] or opens_alias(t))]:
        if j < i or j in blocked:
            continue
        i = j
        found = match_at(doc, i, words=words)
        if found is None:
            continue
        end, entry = found
        if any(k in blocked for k in range(i, end)) or (
            entry.kind == "country" and i > 0 and doc[i - 1].lower_ in LANGUAGE_BEFORE
        ):
            i = end
            continue
        spans.append(Span(doc, i, end, label=label_for(entry), kb_id=entry.kb))
        i = end
    return spans


def _is_name_token(token: Token) -> bool:
    text = token.text
    return bool(text[:1].isupper() or (text[:1].isdigit() and len(text) > 1)) and not (
        token.is_punct
    )


def _pattern_orgs(doc: Doc, person_tokens: set[int]) -> list[Span]:
    """'Kementerian Luar Negeri Rusia', 'Polda Metro Jaya', 'China News Agency' → ORG. A body's
    name ends where a person's name, a rank or a title begins ("Polresta Denpasar | Komisaris
    Besar Hadi Purnomo", "Pangkalan Udara Ngurah Rai | Kolonel …")."""
    spans = []
    openers = span_repairs.BODY_OPENERS  # the words ``opens_body`` answers for: no Token else
    for i, (text, low) in enumerate(zip(token_texts(doc), token_lowers(doc), strict=True)):
        head_end = span_repairs.opens_body(doc, i) if (
            low in openers and _is_name_token(doc[i])) else None
        if head_end is not None and all(map(_is_name_token, doc[i:head_end])):
            end = head_end
            while end < len(doc) and _is_name_token(doc[end]) and end - i < 8 \
                    and not _holder_starts(doc, end, person_tokens):
                end += 1
            if end > head_end:  # "Kementerian Energi [dan Sumber Daya Mineral]"
                spans.append(Span(doc, i, span_repairs.body_list_end(doc, end), label="ORG"))
        elif text in ORG_SUFFIXES and i > 0 and _is_name_token(doc[i - 1]):
            start = i
            while start > 0 and _is_name_token(doc[start - 1]) and i - start < 6:
                if doc[start - 1].lower_ in SENTENCE_OPENERS:
                    break
                start -= 1
                if doc[start].is_sent_start:
                    break
            spans.append(Span(doc, start, i + 1, label="ORG"))
    return spans


def _holder_starts(doc: Doc, i: int, person_tokens: set[int]) -> bool:
    return i in person_tokens or roles.match_rank(doc, i) is not None or (
        roles.match_title(doc, i) is not None)


def _merge(doc: Doc, model: list[Span], extra: list[Span]) -> list[Span]:
    """Model spans win unless a gazetteer span covers them exactly or strictly contains them."""
    kept: list[Span] = []
    replaced: set[int] = set()
    for span in extra:
        overlaps = [m for m in model if m.start < span.end and span.start < m.end]
        if not overlaps:
            kept.append(span)
            continue
        if all(_gaz_wins(m, span) for m in overlaps):
            kept.append(span)
            replaced.update(id(m) for m in overlaps)
    ents = [m for m in model if id(m) not in replaced] + kept
    return filter_spans(sorted(ents, key=lambda s: (s.start, -len(s))))


def _gaz_wins(model: Span, gaz: Span) -> bool:
    if model.label_ == "PERSON":
        # "Rusia" tagged PERSON is a model slip; a person named like a city or a company
        # keeps its name ("Suzuki", "Ford")
        entry = kb.by_kb(gaz.kb_id_)
        same = model.start == gaz.start and model.end == gaz.end
        return same and entry is not None and entry.kind not in _PERSON_LIKE_KINDS
    if not gaz.kb_id_:  # a pattern ("Dewan ... Partai Golkar") only fills gaps the model left,
        # but a body named after its place beats the place ("Polres [Jakarta Utara]"), and a
        # body named after the body it belongs to beats that body ("Komisi III [DPR RI]",
        # "Fraksi [Golkar]": the parent closes the name; ``actors`` proposes it apart)
        inside = gaz.start < model.start and model.end <= gaz.end \
            and gaz[0].lower_ not in BUILDING_HEADS  # "di Kantor [KPPN Bima]": a place
        if model.label_ == "ORG":  # ... also where the model tagged the parent's head
            # alone: "Ditsiber [Polda] Sulteng", a unit before its regional police
            return inside and (model.end == gaz.end
                               or span_repairs.opens_body(model.doc, model.start) is not None)
        head_only = model.start == gaz.start and model.end < gaz.end \
            and span_repairs.opens_body(model.doc, model.start) == model.end
        # "[Kodim] 0701" tagged a place: the model took the body's head word alone
        return model.label_ in {"LOC", "GPE"} and (inside or head_only)
    return gaz.start <= model.start and model.end <= gaz.end  # covers exactly or contains


_PERSON_LIKE_KINDS = frozenset({"city", "capital", "company"})  # gazetteer kinds a name shares


def recognise(doc: Doc, *, disabled_repairs: Collection[str] = ()) -> list[Span]:
    """The entity list after gazetteer recognition (pure: returns spans, sets nothing).

    ``disabled_repairs`` leaves out repairs of the model's spans by name (ablation; see
    ``warta.resolve.span_repairs.REPAIRS``)."""
    model = span_repairs.repair(doc, disabled=disabled_repairs)
    person_tokens = {i for e in model if e.label_ == "PERSON" for i in range(e.start, e.end)}
    gaz = [s for s in _gazetteer_spans(doc, set())  # exact matches may correct a model PERSON
           if not span_repairs.phrase_short_form(s, model)]  # "Perjanjian Kerja Sama (PKS)"
    orgs = [s for s in _pattern_orgs(doc, person_tokens) if not _touches(s, person_tokens)]
    candidates = filter_spans(sorted(gaz + orgs, key=lambda s: (s.start, -len(s))))
    ents = _merge(doc, model, candidates)
    # a gazetteer name that a losing pattern covered ("Partai Golkar [Jawa Timur]" beside the
    # model's "Partai Golkar") is still a name where nothing else stands
    ents = _add(ents, [s for s in gaz if not _touches(s, _taken(ents))])
    taken = {i for e in ents for i in range(e.start, e.end)}
    titled = [p for p in roles.titled_persons(doc, ents) if not _touches(p, taken)]
    ents = filter_spans(sorted(ents + titled, key=lambda s: (s.start, -len(s))))
    ents = _add(ents, _known_people(doc, _taken(ents)))
    ents = _add(ents, cited_outlets(doc, _taken(ents)))
    ents = _add(ents, cited_sources(doc, _taken(ents)))
    ents = _add(ents, introduced_persons(doc, _taken(ents)))
    ents = _add(ents, tagged_speakers(doc, _taken(ents)))
    ents = _initials(doc, hyphenated_names(doc, balinese_openers(doc, ents)))
    ents = _relabel_variants(doc, ents)
    ents = span_repairs.join_person_parts(doc, _add(ents, name_variants(doc, ents)),
                                          names_only=True)
    ents = span_repairs.retype_company_short_names(span_repairs.trim_common_openers(ents))
    ents = span_repairs.join_body_places(doc, span_repairs.join_party_boards(doc, ents))
    ents = span_repairs.join_bracketed_acronyms(doc, ents)
    return span_repairs.places_in_lists(doc, ents)  # "Purbaya" (known) + "Yudhi Sadewa" (model)


def _taken(ents: list[Span]) -> set[int]:
    return {i for e in ents for i in range(e.start, e.end)}


def _add(ents: list[Span], extra: list[Span]) -> list[Span]:
    return filter_spans(sorted(ents + extra, key=lambda s: (s.start, -len(s)))) if extra else ents


_OUTLET = re.compile(OUTLET_SHAPE)


def cited_outlets(doc: Doc, taken: set[int]) -> list[Span]:
    """'kata Rina kepada [detikJabar]', 'dikutip dari [CNNIndonesia.com]': a news outlet's name
    right after a word that cites it as a source is an ORG, one the statistical NER seldom
    tags (a lower-case first letter, an address). Outside such a cue an outlet's name is most
    often the article's own byline, which is no actor."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    found = []
    # only a word after a cue or a link can be cited: those are tried (one set test per word,
    # in a comprehension), not the outlet pattern at every word
    for i in [k for k in range(1, len(lowers)) if lowers[k - 1] in _CUE_OR_LINK]:
        if i in taken or not _OUTLET.fullmatch(texts[i]):
            continue
        cue = i - 1
        if lowers[cue] in OUTLET_CUE_LINKS and cue > 0:
            cue -= 1
        if lowers[cue] in OUTLET_CUES:
            found.append(Span(doc, i, i + 1, label="ORG"))
    return found


_CUE_OR_LINK = OUTLET_CUES | OUTLET_CUE_LINKS  # a cited outlet's word before it is one of these


def cited_sources(doc: Doc, taken: set[int]) -> list[Span]:
    """'dilansir dari [Metro]', 'majalah [Men Obsession]', 'media Jerman [Deutsche Welle]': what
    a citing verb (``CITING_VERBS``) cites, and what a lower-case outlet noun (``OUTLET_HEADS``)
    names, is a news outlet, whatever the shape of its name; the NER misses such names when
    they are one-off words. The capitalised words right after the cue (after its "dari", or
    after the outlet's country) are an ORG when no entity covers them, none is a common word,
    and they are no place or body the gazetteer knows and no title."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    found = []
    # only a cue word is tried (one set test per word, in a comprehension)
    for i in [k for k, low in enumerate(lowers) if low in _SOURCE_CUES]:
        start = _cited_name_start(doc, texts, lowers, i)
        if start is None or start >= len(doc) or start in taken:
            continue
        end = _name_end(doc, start, taken)
        if start < end and _plain_name(doc, start, end) and roles.match_title(
                doc, start) is None and roles.match_rank(doc, start) is None:
            found.append(Span(doc, start, end, label="ORG"))
    return found


_SOURCE_CUES = CITING_VERBS | {head[0] for head in OUTLET_HEADS}


def _cited_name_start(doc: Doc, texts: list[str], lowers: list[str], i: int) -> int | None:
    """Where the cited name after the cue at token ``i`` starts, or None: after a citing verb
    and its "dari", or after an outlet noun written in lower case and the country it names."""
    if lowers[i] in CITING_VERBS:
        j = i + 1
        return j + 1 if j < len(lowers) and lowers[j] in OUTLET_CUE_LINKS else j
    if not texts[i].islower():
        return None  # "Harian Kompas": the noun opens the name, which the NER tags
    for head in OUTLET_HEADS:
        j = i + len(head)
        if tuple(lowers[i:j]) == head:
            country = match_at(doc, j) if j < len(doc) else None
            return country[0] if country is not None and country[1].kind == "country" else j
    return None


def hyphenated_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """'[Kim Jong] - un', '[Moon Jae] - in': a name written with a hyphen before a lower-case
    syllable (Korean given names) reaches the NER as three words when the text spaces its
    hyphens (as the IndoSum articles do); the syllable is part of the name, and without it two
    brothers are one "Kim Jong". A dash before an Indonesian word ("Joko Widodo - biasa disapa
    Jokowi -") or an enclitic ("-nya") is no such hyphen."""
    texts = token_texts(doc)
    taken = _taken(ents)
    common = common_words()
    out = []
    for ent in ents:
        k = ent.end
        if ent.label_ == "PERSON" and k + 1 < len(doc) and texts[k] == "-" \
                and k + 1 not in taken and _name_syllable(texts[k + 1], common):
            ent = Span(doc, ent.start, k + 2, label="PERSON", kb_id=ent.kb_id)
        out.append(ent)
    return out


def _name_syllable(word: str, common: Collection[str]) -> bool:
    return word.isalpha() and word.islower() and word not in common \
        and word not in ENCLITICS


def balinese_openers(doc: Doc, ents: list[Span]) -> list[Span]:
    """'I [Made Rai Sugiarta]', 'Ni [Luh Putu Ayu]': a Balinese name opens with "I" (a man) or
    "Ni" (a woman) before a birth-order or caste name ("Wayan", "Made", "Gusti"), and the NER
    leaves the one-letter word out; it is part of the person's name."""
    texts = token_texts(doc)
    taken = _taken(ents)
    out = []
    for ent in ents:
        k = ent.start - 1
        if ent.label_ == "PERSON" and k >= 0 and k not in taken \
                and texts[k] in BALINESE_NAME_OPENERS \
                and texts[ent.start].lower() in BALINESE_BIRTH_NAMES:
            ent = Span(doc, k, ent.end, label="PERSON", kb_id=ent.kb_id)
        out.append(ent)
    return out


def introduced_persons(doc: Doc, taken: set[int]) -> list[Span]:
    """'seorang warga bernama [Irwan]', 'mertuanya [Marni] (60)': Indonesian news introduces
    private persons (victims, witnesses, suspects) by "bernama" before the name or by their age
    in brackets after it, and the statistical NER often misses such one-off names. The
    capitalised words right after "bernama", or right before "(NN)", are a person when no
    entity covers them, none of them is a common word, they are not a numbered part of a law
    ("Pasal 340 Ayat (1)"), a place or a body's name ("bernama PT Sinar"); a title or rank
    before the name is left out. On the gold corpus these words are a gold person 26 times in
    27 (train and dev)."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    found = []
    # only an introducer or a "(" opens a name: those words are tried (one set test per word,
    # in a comprehension; "(" is its own lower case)
    for i in [k for k, low in enumerate(lowers) if low in _INTRODUCER_OR_BRACKET]:
        if lowers[i] in NAME_INTRODUCERS:
            start, end = i + 1, _name_end(doc, i + 1, taken)
        elif texts[i] == "(" and _age_at(texts, i) and i > 0 and (
                lowers[i - 1] not in NUMBERED_PARTS):
            start, end = _name_start(doc, i, taken), i
            if start > 0 and doc[start - 1].like_num:
                continue  # "Pasal 340 Ayat (1)": a numbered part, not a name
        else:
            continue
        start = roles.name_start(doc, start, end)
        if start < end and _plain_name(doc, start, end):
            found.append(Span(doc, start, end, label="PERSON"))
    return found


_INTRODUCER_OR_BRACKET = NAME_INTRODUCERS | {"("}


def tagged_speakers(doc: Doc, taken: set[int]) -> list[Span]:
    """'…," kata [Budi Santoso].', 'Menurut [Bahman Taherkhani], …': a speech tag after a
    closing quote mark (``CUE_AFTER``: "kata", "ujar", "tutur" …) or a source cue anywhere
    ("menurut") is followed by who spoke, and in Indonesian news the capitalised words right
    after it are that speaker's name when no entity covers them: a title opening them is left
    out, they stop at punctuation, a lower-case word, an acronym or a title, and they are no
    common word, no place the gazetteer knows and no body's name ("kata Polres Bogor")."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    found = []
    # only a tag word is tried (one set test per word, in a comprehension)
    for i in [k for k, low in enumerate(lowers) if low in _SPEECH_TAGS]:
        if lowers[i] in CUE_AFTER and not _after_closing_quote(texts, i):
            continue
        end = _speaker_end(doc, i + 1, taken)
        start = roles.name_start(doc, i + 1, end)
        if start < end and _plain_name(doc, start, end) and _ends_the_phrase(doc, end, taken) \
                and not any(roles.match_title(doc, k) or roles.match_rank(doc, k)
                            for k in range(start, end)):
            found.append(Span(doc, start, end, label="PERSON"))
    return found


_SPEECH_TAGS = CUE_AFTER | MENURUT
_QUOTE_CHARS = frozenset('"”’\'“‘')


def _after_closing_quote(texts: list[str], i: int) -> bool:
    """A quote mark stands right before token ``i``, or before the comma right before it."""
    before = texts[max(0, i - 2):i]
    return (bool(before) and before[-1][-1:] in _QUOTE_CHARS) or (
        len(before) == 2 and before[-1] == "," and before[0][-1:] in _QUOTE_CHARS)


def _ends_the_phrase(doc: Doc, end: int, taken: set[int]) -> bool:
    """The run closes the speaker phrase: a name or body right after it ("kata Managing Partner
    [East Ventures] …", "Menurut Staf Umum [Turki]") or a list of capitalised words joined to
    it ("Kabag Humas dan Protokol …") shows the run is a role or a body's name, not a name."""
    if end >= len(doc):
        return True
    if end in taken:
        return False
    return not (doc[end].lower_ in AND and end + 1 < len(doc)
                and doc[end + 1].text[:1].isupper())


def _speaker_end(doc: Doc, start: int, taken: set[int]) -> int:
    """The end of the capitalised run after a tag: name words, titles among them (the title
    is cut off later), none an acronym ("kata KPK")."""
    end = start
    while end < len(doc) and end - start < MAX_NAME_TOKENS and _name_word(doc, end, taken) \
            and not (doc[end].text.isupper() and len(doc[end].text) > 1):
        end += 1
    return end


def _age_at(texts: list[str], i: int) -> bool:
    """A person's age in brackets opens at token ``i`` (a "("): a number up to ``MAX_AGE``, ")"."""
    return (i + 2 < len(texts) and texts[i + 2] == ")"
            and texts[i + 1].isdigit() and 0 < int(texts[i + 1]) <= MAX_AGE)


def _name_word(doc: Doc, i: int, taken: set[int]) -> bool:
    tok = doc[i]
    return (i not in taken and tok.is_alpha and tok.text[:1].isupper()
            and tok.lower_ not in common_words())


def _name_end(doc: Doc, start: int, taken: set[int]) -> int:
    end = start
    while end < len(doc) and end - start < MAX_NAME_TOKENS and _name_word(doc, end, taken):
        end += 1
    return end


def _name_start(doc: Doc, end: int, taken: set[int]) -> int:
    start = end
    while start > 0 and end - start < MAX_NAME_TOKENS and _name_word(doc, start - 1, taken):
        start -= 1
    return start


def _plain_name(doc: Doc, start: int, end: int) -> bool:
    """Not a place the gazetteer knows and not a body's name ("PT Sinar", "Polres Bogor")."""
    return lookup(span_text(doc, start, end)) is None and (
        span_repairs.opens_body(doc, start) is None)


def _known_people(doc: Doc, taken: set[int]) -> list[Span]:
    """Public figures from people.tsv by full name or distinctive alias ("Jokowi")."""
    people = kb.people()
    texts = token_texts(doc)
    found = []
    i = 0
    for j in [j for j, t in enumerate(texts) if t[:1].isupper()]:  # a name's first word
        if j < i:
            continue
        i = j
        hit = None
        if (i not in taken
                and could_start(doc, i, len(doc), kb.people_first_words(),
                                words=(texts, token_spaces(doc)))):
            for end in range(min(len(doc), i + 5), i, -1):
                if (any(k in taken for k in range(i, end))
                        or normalize(span_text(doc, i, end)) not in people):
                    continue
                if end - i > 1 or texts[i] in kb.single_names():
                    hit = Span(doc, i, end, label="PERSON")
                    break
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = hit.end
    return found


def _initials(doc: Doc, ents: list[Span]) -> list[Span]:
    """A person's initials ("tersangka berinisial YG", "saudara AS", "Terdakwa RI", "Bripka
    DR", "berinisial CD, N dan S") and the later bare mentions of two or three letters are a
    person, whatever the letters spell or the model made of them: a span of the letters alone,
    or of the cue and the letters, gives way; a longer one stays. A single letter is one only
    where it is written as initials (elsewhere "A" is a class or a grade)."""
    at_cue = initials_tokens(doc)
    if not at_cue:
        return ents
    texts = token_texts(doc)
    letters = {texts[i] for i in at_cue if len(_letters(texts[i])) >= 2}
    people = [doc[i : i + 1] for i, text in enumerate(texts) if text in letters or i in at_cue]
    at = {p.start for p in people}

    def yields(ent: Span) -> bool:  # the letters alone, or "Terdakwa RI"
        return ent.end - 1 in at and (len(ent) == 1 or (
            len(ent) == 2 and (ent[0].lower_ in HONORIFICS or ent[0].lower_ in INITIALS_CUES)))

    kept = [e for e in ents if not yields(e)]
    taken = _taken(kept)
    found = [Span(doc, p.start, p.end, label="PERSON") for p in people if p.start not in taken]
    return _add(kept, found)


def initials_tokens(doc: Doc) -> set[int]:
    """The tokens written as a person's initials: two or three capitals after an honorific, an
    initials cue ("saudara AS", "tersangka RI") or a rank ("Bripka DR"), also one capital right
    after "berinisial" ("berinisial H"), and each item of a list that goes on from one
    ("berinisial CD, N, D dan S": police name several suspects at once)."""
    texts, lowers = token_texts(doc), token_lowers(doc)
    out: set[int] = set()
    # initials are upper case (the dots after them are uncased): one string method per word in
    # a comprehension, the full test only for the few words that pass it
    for i in [k for k, text in enumerate(texts) if text.isupper()]:
        text = texts[i]
        letters = _letters(text)
        if not (i and letters.isalpha() and letters.isupper() and len(letters) <= _INITIALS_MAX):
            continue
        prev = lowers[i - 1]
        cued = prev in HONORIFICS or prev in INITIALS_CUES or _rank_ends_at(doc, i)
        if (cued and len(letters) >= 2) or prev in SPELLED_INITIALS_CUES:
            out.add(i)
            out.update(_listed_initials(texts, lowers, i + 1))
    return out


_INITIALS_MAX = 3  # capitals of a person's initials


def _letters(text: str) -> str:
    return text.rstrip(".")  # "dan S." at the end of a sentence


def _rank_ends_at(doc: Doc, i: int) -> bool:
    return any((found := roles.match_rank(doc, k)) is not None and found[0] == i
               for k in (i - 1, i - 2) if k >= 0)


def _listed_initials(texts: list[str], lowers: list[str], j: int) -> list[int]:
    """The initials listed after one: ", X", "dan X", ", dan X" (one to three capitals)."""
    out = []
    while j < len(texts):
        k = j
        k += k < len(texts) and texts[k] == ","
        k += k < len(texts) and lowers[k] in AND
        letters = _letters(texts[k]) if k < len(texts) else ""
        if k == j or not (letters.isalpha() and letters.isupper()
                          and len(letters) <= _INITIALS_MAX):
            break
        out.append(k)
        j = k + 1
    return out


def _person_tokens(doc: Doc, ents: list[Span]) -> set[str]:
    """Folded name tokens of the multi-word persons named in the doc (not place names)."""
    tokens: set[str] = set()
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            start = roles.skip_honorifics(doc, ent.start, ent.end)
            texts = token_texts(doc)[start : ent.end]  # the words, no Token per word
            tokens.update(normalize(text) for text in texts if len(text) > 2)
    return {t for t in tokens if lookup(t) is None}


def _relabel_variants(doc: Doc, ents: list[Span]) -> list[Span]:
    """A model LOC/ORG span made only of a named person's name tokens is that person
    ("Putin" tagged LOC after "Vladimir Putin" was tagged PERSON)."""
    tokens = _person_tokens(doc, ents)
    out = []
    for ent in ents:
        if (ent.label_ != "PERSON" and not ent.kb_id_
                and lookup(span_text(doc, ent.start, ent.end)) is None
                and all(normalize(text) in tokens for text in token_texts(doc)[ent.start:ent.end])):
            ent = Span(doc, ent.start, ent.end, label="PERSON")
        out.append(ent)
    return out


def name_variants(doc: Doc, ents: list[Span]) -> list[Span]:
    """Later bare mentions of a person already named ("Vladimir Putin" … "Putin") that the
    model missed: capitalised runs of that person's own name tokens."""
    tokens = _person_tokens(doc, ents)
    if not tokens:
        return []
    taken = _taken(ents)
    texts = token_texts(doc)
    found = []
    i = 0
    for j in [j for j, t in enumerate(texts) if t[:1].isupper()]:  # elsewhere no run starts
        if j < i:
            continue
        i = end = j
        while (end < len(doc) and end not in taken and texts[end][:1].isupper()
               and normalize(texts[end]) in tokens):
            end += 1
        if end > i:
            found.append(Span(doc, i, end, label="PERSON"))
        i = max(end, i + 1)
    return found


def _touches(span: Span, tokens: set[int]) -> bool:
    return any(i in tokens for i in range(span.start, span.end))


@Language.factory(
    FACTORY,
    requires=[],  # works on the model's entities when there are any, and without a model too
    assigns=["doc.ents"],
    default_config={"disabled_repairs": []},
)
def make_gazetteer(nlp: Language, name: str, disabled_repairs: list[str]) -> GazetteerStage:
    """spaCy factory for the gazetteer stage; ``disabled_repairs`` (config.cfg) switches repairs
    of the model's spans off by name, for ablation."""
    return GazetteerStage(disabled_repairs=disabled_repairs)


class GazetteerStage:
    """Adds and retypes entities from warta's gazetteer (not a dataclass: spaCy calls it).

    Its data are the package's gazetteer files, read the same way on every load, so it has
    nothing of its own to write in ``nlp.to_disk``."""

    def __init__(self, *, disabled_repairs: Collection[str] = ()) -> None:
        span_repairs.check_repair_names(disabled_repairs)  # a typo fails at build, not silently
        self.disabled_repairs = frozenset(disabled_repairs)

    def __call__(self, doc: Doc) -> Doc:
        if skip_unsupported(doc, STAGE, VERSION):
            return doc
        kb.load()  # before the first doc, not inside a partially processed one
        doc.ents = recognise(doc, disabled_repairs=self.disabled_repairs)
        mark_stage(doc, STAGE, VERSION, "ok")
        return doc
