"""The ``actors`` stage: entity mentions → canonical actors with type, country, roles and aliases.

Runs after the gazetteer stage. It decides metonymy (a capital acting is its state's
government; "di Beijing" stays a location), reads titles and ranks around person names, links
name variants, role-only mentions and pronouns to the person they mean (``warta.resolve.coref``),
and applies the user's actors file, which wins over everything learned. Actor ids are stable
across articles: ``gpe:RUS``, ``org:kpk``, ``person:vladimir-putin``.

``resolve_speaker(doc, span)`` is the helper the quotes stage calls to name who a span means.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from warta.kb.gazetteer import (
    GazEntry,
    by_kb,
    label_for,
    lookup,
    lookup_outlet,
    lookup_person,
    match_at,
)
from warta.kb.lexicon import common_english_words, common_words
from warta.names import slug
from warta.nlp.extensions import (
    doc_text,
    factory_name,
    mark_stage,
    set_span_actor,
    skip_unsupported,
    span_actor,
    span_text,
    token_spaces,
    token_texts,
)
from warta.nlp.lang.id.conjunctions import LIST_SEPARATORS as COORDINATORS
from warta.nlp.lang.id.locatives import (
    AGENT_DEPS,
    CURRENCY_BEFORE,
    LANGUAGE_BEFORE,
    LOCATIVE_BEFORE,
    LOCATIVE_CASES,
    SOURCE_NOUNS,
    WEEKDAYS,
)
from warta.nlp.lang.id.non_names import (
    CHANNEL_BEFORE,
    MAKER_NOUNS,
    PLATFORMS,
    PRODUCT_NOUNS,
    lone_non_name,
    thing_acronym,
)
from warta.nlp.lang.id.org_patterns import (
    BODY_HEAD_SHORT_FORMS,
    BODY_WORDS,
    DOMESTIC_ORG_PREFIXES,
    GOVERNMENT_HEAD,
    ORG_PREFIXES,
    PARTY_BOARDS,
    REGION_LEVEL_WORDS,
)
from warta.nlp.lang.id.place_units import ADMIN_UNITS, ELECTORAL_DISTRICTS, PLACE_UNIT_WORDS
from warta.nlp.lang.id.pronouns import CLITIC, PERSON_PRONOUNS
from warta.nlp.lang.id.reporting_verbs import CLITIC_HOSTS, CUE_AFTER
from warta.nlp.stage_data import save_file, saved_file
from warta.resolve import actor_model, coref, generic_actors, roles, span_repairs
from warta.resolve.gazetteer import initials_tokens
from warta.resolve.user_actors import UserActor, UserActors, load_user_actors
from warta.types import Actor

STAGE = "actors"
VERSION = "21"  # 21: acronyms of programmes, securities, gases, AI and meetings ("MBG", "JKN",
# "SUN", "CO", "RDG") are no actor (non_names.THING_ACRONYMS); a regional office's bracketed
# short form is the office, never a body inside its name, and its bare short form elsewhere is
# the office even when the gazetteer knows it as the national body ("Komisi Pemilihan Umum
# (KPU) Kabupaten Bogor" … "KPU"); "Pemprov NTB" is "Pemerintah Provinsi (Pemprov) NTB"
# (_written_forms); a name the gazetteer does not know between commas right before a region or a
# place unit is a part of an address, a place ("Kampung X, [Antapani], Kota Bandung":
# _address_parts); a name right after a product's class noun is a product or brand ("mobil
# sedan [Toyota] Crown", "merek [FIN Komodo]": _product); a gazetteer name opening a body's
# span is read whole, no country inside it proposed ("Majelis Ulama Indonesia (MUI) Kota
# Sukabumi": _inner_pieces; s13 aspur)
# and missed actors (s13 amiss): the body that closes the name of a body
# the gazetteer knows whole is an actor of its own ("Bareskrim [Polri]": _known_parent), as the
# annotation guidelines read a named sub-unit; a body's head and its known parent with the
# words between left out is the longer name's body ("Pansus KPK" … "Pansus Hak Angket KPK":
# _same_parent); the gazetteer stage's v13 spans and titles
# 20: English phrases the NER tags PERSON ("Foreign Direct Investment",
# "Fuel Surcharge") are no actor: _common_phrase counts common English words (data/lexicon/
# common-en.txt, scripts/build_common_english.py)
# 19: organisation names (s12 org): a body's name written with its short
# form in brackets inside it is named without the bracket, and the short form elsewhere is
# that body ("Ikatan Keluarga Alumni (IKA) Unpad" … "IKA": _place_actor, _link_acronyms); a
# news outlet its house style writes in lower case is an actor, one id for its spellings
# ("kepada detikcom")
# 18: one person, one actor; junk persons (s12 dup): "A atau B" with B one
# name word after a full name that no other full name holds ("Immanuel Ebenezer atau Noel"),
# "A (B)" ("Saifullah Yusuf (Gus Ipul)") and a quoted nickname inside a full name ("Munafri
# 'Appi' Arifuddin": one person "Munafri Arifuddin" called Appi) give one person's names
# (coref._alias_partners); capital initials spelling one full name of the article are that
# person ("Nikita Mirzani" … "tersangka NM": coref._initials_owner); "Eng" of "Dr. Eng." is a
# degree; a PERSON span opening with a region's level word, "Dapil" or "Pemerintah", or of
# common lower-case words ("Keluarga Penerima Manfaat") is no person, an acronym the gazetteer
# knows as a body or country ("MPR") not written as initials is that body, and a capitalised
# reporting verb after a quotation is cut off a name ('"…," Jelas Gus Ipul': _not_persons).
# 17: spurious actors on fresh news (s11 spur): a one-word entity capitalised
# for another reason than naming is no actor: a weekday ("dikutip Senin (20/10)"), an
# exhortation ("Yuk"), a form of address ("Bu"), a legal form ("(Persero)", "Tbk"), a
# sentence-opening conjunction ("Kendati"), an acronym of a thing, status, document, law or
# meeting ("ASN", "KTP", "UU ITE", "IGD", "KTT") unless written as initials
# (nlp.lang.id.non_names; _non_name); an ORG span that runs on into a person the article names
# elsewhere, after words that end a body's name, is the body and the person ("pimpinan [FPI]
# [Rizieq Shihab]": _split_person_tails); a social platform named only as a post's channel is
# no actor, and one opening a body's span is cut off (_without_channels); a body's head written
# short is its long form ("Kejagung RI" / "Kejaksaan Agung", "RS" / "Rumah Sakit": _body_keys).
# 16: places that act (s11 places): the home capital in a sentence naming no
# foreign state is the province DKI Jakarta, proposed as a region, not Indonesia
# (_home_capital_region; "DKI Jakarta" is the province's name in the gazetteer); a region's level
# word ("Provinsi Riau, Jambi, …") is part of its name, not a locative (_region_located); a
# locative right before an address's comma ("dalam waktu dekat, Riau …") is no venue (_venue); a
# title ending on the level word inside a region's span ("Wali [Kota Bogor]") is an office's
# region (_after_title); a country after a currency word ("dolar AS") is no actor.
# 15: one body, one actor (issue 19): an acronym that spells the capitalised
# words of exactly one longer body name of the article is that body without brackets ("PDIP" …
# "Partai Demokrasi Indonesia Perjuangan": _acronym_groups), and a gazetteer body's own name is
# one more written form of it ("KAI" … "PT Kereta Api Indonesia"; "Polri" … a bare
# "Kepolisian") in _link_body_variants; a capital that is a region reads as one in a regional
# body's name, "DKI" naming it ("Pemprov DKI" / "Pemerintah Provinsi DKI Jakarta" / "Pemprov
# Jakarta": _canonical_body).
# 14: a region that is the subject of a verb is an actor whatever the decision
# model says ("Kota Tangerang Selatan menyerahkan …": actor_model.acting_region, issue 19).
# 13: one person, one actor (issue 19): an age glued to a name by a comma is no
# part of it ("Saini,35" is Saini: coref._name_words); an unknown ORG of two or three name words
# ending in the surname the article gives one person alone is that person's full name ("Cal
# Crutchlow" … "Crutchlow": coref.persons_typed_as_bodies, relabelled PERSON in propose).
# 12: one entity, one actor (issue 19): a later person name with a typing slip
# joins the one person it misspells (coref._misspelt_of); a regional body written with a short
# head or a short region ("PN Jakut", "Pemkot Bekasi", "Dinas PUPR Kota Bekasi") is the long
# name's body (_canonical_body), and a bare head joins the one body written both ways.
# 11: the decision model reads whether the article also writes a candidate's
# capitalised words in lower case ("Hutan" … "hutan adat": actor_model.lowered_words) or the
# whole name as a lower-case phrase ("Organisasi Massa" … "organisasi massa"), and
# sees gazetteer v8's bodies joined with their place; an organ of a stateless international
# body ("Dewan Hak Asasi Manusia PBB") has no country (actor_model.stated_country); retrained.
# 10: two long body names with the same initials are two bodies (the initials
# link only a name written short: "Dinas LH"); a tie between merged ids goes the same way in
# every process (it followed the hash seed).
# 9: a country the candidate's own words or the gazetteer state decides it:
# a person's office title naming a country, none for an international body, a cited news
# outlet's own (data/gazetteer/outlets.tsv) (actor_model.stated_country); a plain regional
# government word ("pemprov", "pemerintah daerah") is the government of the region the article
# names most, plain "polisi" in a foreign story the police of its country (generic_actors).
# 8: one body written several ways in an article is one actor ("Kementerian
# Sosial RI" / "Kementerian Sosial", "PT Pos Indonesia" / "PT Pos", "Dinas Lingkungan Hidup" /
# "Dinas LH", "Polda" / "Polda Riau": _link_body_variants); a name the NER typed a body once
# and a person elsewhere is the body (_link_typed_twice); retrained decision model.
# 7: the merge of two v6 changes, both below.
# 6 (a): 6: a single word opening one longer person name is that person ("Sandi" for
# Sandiaga Uno), and "X alias Y" / "X atau Gus Y" give one person's two names; an invisible
# format character glued to a name leaves it the same name (coref).
# 6 (b): 6: the bodies and countries named only inside a body's name ("Komisi IX
# [DPR]", "Badan Geologi [Kementerian ESDM]") are proposed too, the decision model (retrained,
# with a "nested" feature) keeps them or not; a person named by one initial has an id
# ("berinisial H": person:h) and initials are a person whatever the model says.
# 5: the gazetteer stage's bodies, ranks and names (v3) with the decision model
# retrained on them; a rank's corps is part of the rank before a name; plain "pemerintah" and
# "polisi" are role mentions of the article's government and police (generic_actors); a region
# not used as a place is proposed as an actor of its own.
# 4: initials after an honorific or suspect word are a person ("saudara AS");
# a public figure's gazetteer country is a proposal of the model; a relational title before a
# name and an appositive name is the appositive's ("kuasa hukum X, Y": Y is the lawyer)
FACTORY = factory_name(STAGE, VERSION)
REGION_KINDS = actor_model.REGION_KINDS
# The province the home capital names when it does not stand for the state (_home_capital_region)
HOME_CAPITAL_REGION = "prov:dki-jakarta"
_SAVED_ACTORS = "user_actors.toml"  # the copy ``ActorsStage.to_disk`` keeps


@dataclass
class Resolution:
    """What the stage attaches to a Doc, computed without touching it."""

    ents: list[Span]
    ent_actor: dict[tuple[int, int], str | None]
    actors: list[Actor]
    mentions: list[tuple[Span, str | None]] = field(default_factory=list)


class _Actors:
    """Ordered actor table that merges surface forms, roles and countries by id."""

    def __init__(self, user: UserActors | None) -> None:
        self.by_id: dict[str, Actor] = {}
        self.user = user

    def add(self, actor_id: str, *, name: str, type_: str, country: str | None = None,
            kb: str | None = None, alias: str | None = None,
            roles_: Sequence[str] = ()) -> str:
        actor = self.by_id.get(actor_id)
        if actor is None:
            # type_ is a str here; Actor.type is the Literal of the labels it always is
            actor = Actor(id=actor_id, name=name, type=type_, country=country, kb=kb)  # type: ignore[arg-type]
            self.by_id[actor_id] = actor
        actor.country = actor.country or country
        for role in roles_:
            if role not in actor.roles:
                actor.roles.append(role)
        if alias and alias not in actor.aliases:
            actor.aliases.append(alias)
        return actor_id

    def add_user(self, user: UserActor, alias: str | None, roles_: Sequence[str] = ()) -> str:
        """A user actor: its fields win; learned roles are kept after the user's."""
        actor_id = self.add(user.id, name=user.name, type_=user.type, country=user.country,
                            kb=f"user:{user.id}", alias=alias, roles_=[*user.roles, *roles_])
        actor = self.by_id[actor_id]
        # user.type is a str, checked against the actor types when the user file is read
        actor.name, actor.type, actor.kb = user.name, user.type, f"user:{user.id}"  # type: ignore[assignment]
        actor.country = user.country or actor.country
        return actor_id


# --- metonymy ----------------------------------------------------------------------------------


def is_location_use(span: Span, *, located: set[int] | None = None) -> bool:
    """Whether a place name is where something happens rather than an actor.

    Uses the parse when there is one (an oblique/nominal with a locative case marker), and
    surface patterns always: a locative word right before it ("di", "ke", "perjalanan ke"),
    "dari" unless it follows a source noun ("dukungan dari Beijing"), a dateline opener, or
    coordination with a place already judged a location ("di Moskow dan Beijing").
    """
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is None or prev.is_space or "\n" in prev.text:
        return _dateline(span)
    if _venue(span) or _after_title(span) or span.text.endswith(("-", "–", "—")):
        return True  # ... or a dateline glued to its dash ("Jakarta-")
    low = prev.lower_
    if low == "dari":
        before = doc[span.start - 2].lower_ if span.start > 1 else ""
        return before not in SOURCE_NOUNS
    if low in LOCATIVE_BEFORE:
        return True
    if low in COORDINATORS and located:
        k = span.start - 1
        while k >= 0 and doc[k].lower_ in COORDINATORS:
            k -= 1
        return k in located
    if doc.has_annotation("DEP"):
        root = span.root
        if any(c.dep_ == "case" and c.lower_ in LOCATIVE_CASES for c in root.children):
            return True
        if root.dep_ in AGENT_DEPS:
            return False
    return False


def _after_title(span: Span) -> bool:
    """'Gubernur Jakarta', 'Wali Kota London': the place qualifies an office."""
    doc = span.doc
    # "Wali [Kota Bogor]": the title may end on the region's level word inside the span
    ends = {span.start, span.start + 1} if doc[span.start].lower_ in REGION_LEVEL_WORDS else {
        span.start}
    for k in range(max(0, span.start - roles.MAX_TITLE_TOKENS), span.start):
        found = roles.match_title(doc, k)
        if found is not None and found[0] in ends:
            return True
    return False


def _venue(span: Span) -> bool:
    """'di Kantor DJP, Jakarta, Senin': a place in an address after a locative, or before a
    comma and a weekday."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "," and (
        doc[span.end + 1].lower_ in WEEKDAYS
    ):
        return True
    if span.start == 0 or doc[span.start - 1].text != ",":
        return False
    k = span.start - 2
    named = False  # a name stands between the locative and the comma ("di Kantor DJP, …")
    while k >= 0 and span.start - k < 12:
        tok = doc[k]
        if tok.lower_ in REGION_LEVEL_WORDS and tok.text[:1].isupper():
            named = True  # "Provinsi Sumatera Utara, Riau, …": the level word is a name's
        elif tok.lower_ in LOCATIVE_BEFORE:
            return named  # not "dalam waktu dekat, Jawa Tengah akan …"
        elif not (tok.text[:1].isupper() or tok.is_punct or tok.like_num) or tok.is_sent_start:
            return False
        else:
            named = named or tok.text[:1].isupper()
        k -= 1
    return False


def _dateline(span: Span) -> bool:
    """'JAKARTA, KOMPAS.com -' or 'Jakarta -' at a paragraph start names where it was filed."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.text in {",", "-", "—", "–"} and (
        span.text.isupper() or nxt.text != ","
    )


# --- entity → actor -----------------------------------------------------------------------------


def _entry(span: Span) -> GazEntry | None:
    return (by_kb(span.kb_id_) if span.kb_id_ else None) or lookup(span.text)


def _inner_country(span: Span) -> str | None:
    """A country named inside an organisation name ('Kementerian Luar Negeri Rusia')."""
    doc = span.doc
    for i in range(span.start, span.end):
        found = match_at(doc, i, end_limit=span.end, words=_words(doc))
        if found is not None and found[1].kind == "country":
            return found[1].kb
    return None


def _place_actor(span: Span, table: _Actors, located: set[int],
                 foreign: frozenset[int] = frozenset()) -> str | None:
    """The actor a place-like entity stands for, or None for a place (``located`` gathers the
    places judged so, for the lists that go on from them; ``foreign``: the starts of the
    sentences that name a foreign state)."""
    entry = _entry(span)
    if entry is None:
        # "Ikatan Keluarga Alumni (IKA) Unpad": the body's name leaves its short form out
        short = span_repairs.bracketed_short_form(span) if span.label_ == "ORG" else None
        name = span.text if short is None else short[0]
        outlet = lookup_outlet(name) if span.label_ == "ORG" else None
        # "kepada detikcom", "kumparan.com" … "kumparan": one outlet, however its house style
        # writes it (in lower case, as its address)
        key = coref.name_slug(name) if outlet is None else (
            coref.name_slug(outlet.name) or slug(outlet.kb))
        if span.label_ == "ORG" and key is not None:
            country = _inner_country(span) or (
                "IDN" if span[0].lower_ in DOMESTIC_ORG_PREFIXES else None)
            return table.add(f"org:{key}", name=name, type_="ORG", country=country,
                             alias=span.text)
        return None
    if entry.kind == "country" and span.start > 0 and (
        span.doc[span.start - 1].lower_ in LANGUAGE_BEFORE | CURRENCY_BEFORE
    ):
        return None  # "bahasa Inggris" is a language, "dolar AS" a currency
    if entry.kind == "country":
        return table.add(f"gpe:{entry.kb}", name=entry.name, type_="GPE", country=entry.kb,
                         kb=entry.kb, alias=span.text)
    seat = entry.actor_type == "ORG" and entry.kind == "seat"
    if seat and is_location_use(span, located=located):
        located.add(span.end - 1)  # "di Istana Negara", "di Kremlin": where, not who
        return None
    if entry.actor_type == "ORG":
        return table.add(f"org:{entry.kb}", name=entry.name, type_="ORG", country=entry.country,
                         kb=entry.kb, alias=span.text)
    home = _home_capital_region(span, entry, foreign)
    if home is not None:
        entry = home
    elif entry.kind in {"seat", "capital"} and entry.country:
        if is_location_use(span, located=located):
            located.add(span.end - 1)
            return None
        state = by_kb(entry.country)
        name = state.name if state else entry.country
        return table.add(f"gpe:{entry.country}", name=name, type_="GPE", country=entry.country,
                         kb=entry.country, alias=span.text)
    if entry.kind in REGION_KINDS and not _region_located(span, located):
        # "Bandung punya angkot", "Pemprov … bersama Banten": a region acting or acted upon
        # stands for its government; the decision model keeps it or not
        return table.add(f"gpe:{entry.kb}", name=entry.name, type_="GPE", country=entry.country,
                         kb=entry.kb, alias=span.text)
    located.add(span.end - 1)
    return None


def _home_capital_region(span: Span, entry: GazEntry,
                         foreign: frozenset[int]) -> GazEntry | None:
    """The region the home capital names where it does not stand for the state.

    Indonesian news names its own state "Indonesia", "RI" or "pemerintah"; "Jakarta" acting
    ("warga Jakarta", "Pilkada Jakarta", "Jakarta lebih macet") is the province DKI Jakarta.
    Only beside a foreign state in the same sentence is it the metonym of the state ("Jakarta
    dan Kuala Lumpur telah memiliki mekanisme kerja sama")."""
    if entry.kind not in {"seat", "capital"} or entry.country != actor_model.IDN:
        return None
    if _sentence_start(span) in foreign:
        return None
    return by_kb(HOME_CAPITAL_REGION)


def _sentence_start(span: Span) -> int:
    return span.sent.start if span.doc.has_annotation("SENT_START") else 0


def _foreign_sentences(ents: Iterable[Span]) -> frozenset[int]:
    """The starts of the sentences naming a foreign country or a foreign capital."""
    out: set[int] = set()
    for ent in ents:
        entry = _entry(ent)
        if entry is None or entry.actor_type != "GPE":
            continue
        country = entry.kb if entry.kind == "country" else (
            entry.country if entry.kind in {"seat", "capital"} else None)
        if country is not None and country != actor_model.IDN:
            out.add(_sentence_start(ent))
    return frozenset(out)


def _region_located(span: Span, located: set[int]) -> bool:
    """Whether a region is used as a place. The level word before its name is part of the
    name, not a locative: "adalah Provinsi Sumatera Utara, Riau, …" lists regions, and the
    word before the level word decides ("di Kabupaten Bogor")."""
    doc = span.doc
    if _after_title(span):
        return True  # "Wali Kota Bogor", "Gubernur Provinsi Riau": an office's region
    if span.start > 0 and doc[span.start - 1].lower_ in REGION_LEVEL_WORDS:
        span = doc[span.start - 1:span.end]
    return is_location_use(span, located=located)


def _stated_nationality(doc: Doc, name_start: int) -> str | None:
    """'diplomat Rusia Sergei Ivanov', 'warga negara Australia John Smith': a country name
    between a lower-case noun and the name."""
    for k in range(max(0, name_start - 3), name_start):
        found = match_at(doc, k, end_limit=name_start, words=_words(doc))
        if found is None or found[0] != name_start or found[1].kind != "country":
            continue
        if k > 0 and doc[k - 1].text[:1].islower() and doc[k - 1].is_alpha:
            return found[1].kb
    return None


def _person_country(titles: Sequence[roles.Title]) -> str | None:
    stated = [t.country for t in titles if t.country]
    if stated:
        return stated[0]
    implied = [t.default_country() for t in titles if t.default_country()]
    return implied[0] if implied else None


def _person_roles(titles: Sequence[roles.Title]) -> list[str]:
    out: list[str] = []
    for t in titles:
        for role in (t.role, t.rank):
            if role and role not in out:
                out.append(role)
    return out


def _persons(doc: Doc, ents: Sequence[Span], table: _Actors,
             ent_actor: dict[tuple[int, int], str | None],
             ctx: actor_model.Context | None = None,
             ) -> tuple[list[coref.Cluster], set[int]]:
    """Cluster person mentions, read their titles, register one actor per cluster (``ctx``:
    where the titles found are kept for the model's features)."""
    before = ctx.title_before if ctx is not None else roles.title_before
    persons = [e for e in ents if e.label_ == "PERSON"]
    clusters = coref.cluster_names(persons)
    initials_at = (ctx.initials_at(doc) if ctx is not None else initials_tokens(doc)) \
        if any(len(p) == 1 for p in persons) else set()
    title_tokens: set[int] = set()
    for cluster in clusters:
        for m in cluster.mentions:
            for t in (before(doc, m.start), roles.title_after(doc, m.end)):
                if t is not None:
                    cluster.titles.append(t)
                    title_tokens.update(range(t.start, t.end))
        texts = [cluster.name] + [m.text for m in cluster.mentions]
        user = _user_for(table.user, texts)
        role_list = _person_roles(cluster.titles)
        known = next(filter(None, map(lookup_person, texts)), None)
        if user is not None:
            actor_id = table.add_user(user, None, role_list)
        elif known is not None:
            actor_id = table.add(f"person:{known.kb}", name=known.name, type_="PERSON",
                                 country=_person_country(cluster.titles) or known.country,
                                 kb=known.kb, roles_=role_list)
        elif (key := coref.name_slug(cluster.name) or _one_letter_initials(
                cluster, initials_at)) is not None:
            stated = next(filter(None, (_stated_nationality(doc, m.start)
                                        for m in cluster.mentions)), None)
            actor_id = table.add(f"person:{key}", name=cluster.name, type_="PERSON",
                                 country=_person_country(cluster.titles) or stated,
                                 roles_=role_list)
        else:
            actor_id = None  # no name: markup or a fragment the model took for a person
        for m in cluster.mentions:
            ent_actor[(m.start, m.end)] = actor_id
            if actor_id is not None:
                table.add(actor_id, name=cluster.name, type_="PERSON", alias=m.text)
    return clusters, title_tokens


def _one_letter_initials(cluster: coref.Cluster, initials_at: set[int]) -> str | None:
    """The id key of a person named by one initial ("berinisial H"), which ``name_slug``
    refuses as too short to be a name: only where every mention is written as initials."""
    letter = cluster.name.rstrip(".")
    if len(letter) == 1 and letter.isupper() and all(m.start in initials_at
                                                      for m in cluster.mentions):
        return letter.lower()
    return None


def _user_for(user: UserActors | None, texts: Sequence[str]) -> UserActor | None:
    if user is None:
        return None
    for text in texts:
        found = user.find(text)
        if found is not None:
            return found
    return None


def _user_spans(doc: Doc, user: UserActors | None, taken: set[int]) -> list[Span]:
    """Spans for user aliases the NER and gazetteer missed."""
    if user is None or not user.by_alias:
        return []
    found = []
    longest = max(len(a.split()) for a in user.by_alias)
    i = 0
    while i < len(doc):
        hit = None
        if i not in taken and doc[i].text[:1].isupper():
            for end in range(min(len(doc), i + longest), i, -1):
                actor = user.find(doc[i:end].text)
                if actor is not None and not any(k in taken for k in range(i, end)):
                    hit = Span(doc, i, end, label=actor.type)
                    break
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = hit.end
    return found


# --- role-only mentions and pronouns -------------------------------------------------------------


def _holder(chain: roles.Title, at: int, clusters: Sequence[coref.Cluster],
            ent_actor: dict[tuple[int, int], str | None], table: _Actors) -> str | None:
    """The person named in the article who holds the role a role-only mention names."""
    holders = []
    for cluster in clusters:
        if not any(roles.same_role(t.role, chain.role) for t in cluster.titles):
            continue
        actor_id = ent_actor[(cluster.mentions[0].start, cluster.mentions[0].end)]
        actor = table.by_id.get(actor_id or "")
        if chain.country and actor is not None and actor.country not in {None, chain.country}:
            continue
        holders.append((cluster.last_before(at), -cluster.mentions[0].start, actor_id))
    if holders:
        return max(holders)[2]
    if chain.role.startswith("spokesperson"):
        if chain.qualifier and (entry := by_kb(chain.qualifier)) is not None:
            return entry.actor_id
        if chain.country:
            return f"gpe:{chain.country}" if f"gpe:{chain.country}" in table.by_id else None
    return None


def _mentions(doc: Doc, ents: Sequence[Span], clusters: Sequence[coref.Cluster],
              title_tokens: set[int], ent_actor: dict[tuple[int, int], str | None],
              table: _Actors) -> list[tuple[Span, str | None]]:
    regions = coref.quoted_chars(doc_text(doc))
    person_ents = [e for e in ents if e.label_ == "PERSON"]
    taken = title_tokens | {i for e in ents for i in range(e.start, e.end)}
    out: list[tuple[Span, str | None]] = []
    for span, chain in coref.role_mentions(doc, taken, regions):
        out.append((span, _holder(chain, span.start, clusters, ent_actor, table)))
    role_actor = {(s.start, s.end): a for s, a in out}
    pool_spans = person_ents + [s for s, _ in out]
    pool = coref.candidates(doc, pool_spans, {**ent_actor, **role_actor}, regions)
    for span in coref.pronoun_mentions(doc):
        actor_id = coref.salient(doc, span.start, pool)
        out.append((span, actor_id))
        if actor_id is not None and not coref.in_quotes(span, regions):
            pool = sorted([*pool, coref.Candidate(span.start, actor_id, True)],
                          key=lambda c: c.start)
    return sorted(out, key=lambda m: m[0].start)


# --- the whole resolution -----------------------------------------------------------------------


@dataclass
class Proposal:
    """The rules' actors before the model decides: what ``propose`` builds."""

    ents: list[Span]
    ent_actor: dict[tuple[int, int], str | None]
    table: _Actors
    clusters: list[coref.Cluster]
    title_tokens: set[int]
    inner: list[Span] = field(default_factory=list)  # bodies named inside a body's name


def propose(doc: Doc, *, user: UserActors | None = None,
            ents: Sequence[Span] | None = None,
            ctx: actor_model.Context | None = None) -> Proposal:
    """The rules' actors of ``doc``: entities resolved by the gazetteer, titles, name variants,
    acronyms and the user's file (pure: returns, does not set). ``ents``: ``doc.ents`` as the
    caller read them; ``ctx``: the article's context, which keeps the titles found."""
    ents = [e for e in (doc.ents if ents is None else ents)
            if not _non_name(e, ctx) and not _product(e)]
    ents = _not_persons(ents, ctx)
    ents = _address_parts(ents)
    ents = _without_channels(doc, ents)
    taken = {i for e in ents for i in range(e.start, e.end)}
    extra = _user_spans(doc, user, taken)
    if extra:
        ents = filter_spans(sorted(ents + extra, key=lambda s: s.start))
    for k in coref.persons_typed_as_bodies(ents):  # "Cal Crutchlow" (ORG) … "Crutchlow"
        ents[k] = Span(doc, ents[k].start, ents[k].end, label="PERSON")
    ents = _split_person_tails(doc, ents)
    table = _Actors(user)
    ent_actor: dict[tuple[int, int], str | None] = {}
    clusters, title_tokens = _persons(doc, ents, table, ent_actor, ctx)
    located: set[int] = set()
    foreign = _foreign_sentences(ents)
    for ent in ents:
        if ent.label_ == "PERSON":
            continue
        user_actor = _user_for(user, [ent.text])
        if user_actor is not None:
            ent_actor[(ent.start, ent.end)] = table.add_user(user_actor, ent.text)
        else:
            ent_actor[(ent.start, ent.end)] = _place_actor(ent, table, located, foreign)
    _link_acronyms(doc, ents, ent_actor, table)
    _link_short_names(ents, ent_actor, table)
    _link_typed_twice(doc, ents, ent_actor, table)
    _link_body_variants(ents, ent_actor, table)
    _link_initials(doc, ents, ent_actor, table)
    inner = _inner_bodies(doc, ents, ent_actor, table)
    return Proposal(ents, ent_actor, table, clusters, title_tokens, inner)


def _non_name(ent: Span, ctx: actor_model.Context | None) -> bool:
    """A one-word entity that is a weekday, an exhortation, a form of address, a legal form
    or a sentence-opening conjunction ("Senin", "Yuk", "Bu", "Persero", "Kendati"), capitalised
    for a reason other than naming, or an acronym of a thing ("ASN", "KTP", "UU") not written
    as a person's initials ("berinisial SIM"): no actor (``warta.nlp.lang.id.non_names``)."""
    if len(ent) != 1:
        return False
    text = ent.text
    return lone_non_name(text) or (
        thing_acronym(text) and not actor_model.initials(ent.doc, [ent], ctx))


def _product(ent: Span) -> bool:
    """A PERSON or ORG span right after a product's class noun ("mobil sedan [Toyota] Crown",
    "merek [FIN Komodo]", ``non_names.PRODUCT_NOUNS``): a product or a brand, no actor at this
    mention; after a maker's noun and the class noun ("produsen mobil Toyota") the company."""
    doc = ent.doc
    k = ent.start - 1
    return (ent.label_ in {"PERSON", "ORG"} and k >= 0 and doc[k].lower_ in PRODUCT_NOUNS
            and not (k > 0 and doc[k - 1].lower_ in MAKER_NOUNS))


# Words that open a region's or a government's name, never a person's: "Provinsi" alone
# ("Ketua DPD Partai Golkar [Provinsi] NTT"), "Dapil Jawa Barat III", "Pemerintah Daerah Bangli".
_NOT_PERSON_OPENERS = ADMIN_UNITS | REGION_LEVEL_WORDS | ELECTORAL_DISTRICTS | {GOVERNMENT_HEAD}


def _not_persons(ents: Sequence[Span], ctx: actor_model.Context | None) -> list[Span]:
    """PERSON spans that cannot be a person: one opening with a region's level word, an
    electoral district or "Pemerintah" is dropped (a region, a constituency, a government the
    generic mentions find again), and so is a phrase of common words (``_common_phrase``);
    a span opening with the capitalised reporting verb of a quotation loses it; an acronym
    the gazetteer knows as a body or a country ("MPR", "KPK", "RI"), written as a person's
    initials at no mention ("berinisial MA"), is that body or country."""
    out = []
    same_text: dict[str, list[Span]] = {}
    for ent in ents:
        same_text.setdefault(ent.text, []).append(ent)
    for ent in ents:
        if ent.label_ == "PERSON" and _cue_opens(ent):  # '…," Jelas Gus Ipul.'
            ent = Span(ent.doc, ent.start + 1, ent.end, label="PERSON")
        if ent.label_ != "PERSON":
            out.append(ent)
        elif ent[0].lower_ in _NOT_PERSON_OPENERS or _common_phrase(ent):
            continue
        elif (entry := _known_acronym(ent)) is not None and not actor_model.initials(
                ent.doc, same_text.get(ent.text, [ent]), ctx):  # "berinisial MA" … "MA mengaku"
            out.append(Span(ent.doc, ent.start, ent.end, label=label_for(entry), kb_id=entry.kb))
        else:
            out.append(ent)
    return out


# Gazetteer kinds of the region or country that closes an address ("…, Cilangkap, Jakarta").
_ADDRESS_END_KINDS = frozenset({"city", "regency", "province", "capital", "seat", "country"})


def _address_parts(ents: Sequence[Span]) -> list[Span]:
    """A name the gazetteer does not know, set between commas right before a region, a country
    or a place unit's name ("Kampung Jajawai, [Antapani], Kota Bandung", "di Mabes TNI,
    [Cilangkap], Jakarta"), is a part of an address: a district or a neighbourhood, however the
    NER typed it (``LOC``; not an actor). A body's name ("…, [Polres Bogor], Kota Bogor")
    stays."""
    starts = {e.start: e for e in ents}
    out = []
    for ent in ents:
        if ent.label_ in {"PERSON", "ORG"} and _in_address(ent, starts.get(ent.end + 1)):
            ent = Span(ent.doc, ent.start, ent.end, label="LOC")
        out.append(ent)
    return out


def _in_address(ent: Span, after: Span | None) -> bool:
    doc = ent.doc
    if ent.start < 1 or ent.end + 1 >= len(doc) or ent.kb_id_ or lookup(ent.text) is not None:
        return False
    if doc[ent.start - 1].text != "," or doc[ent.end].text != ",":
        return False
    if ent[0].lower_ in BODY_WORDS or ent[0].lower_ in ORG_PREFIXES:
        return False
    if doc[ent.end + 1].lower_ in PLACE_UNIT_WORDS:
        return True
    entry = None if after is None else _entry(after)
    return entry is not None and entry.kind in _ADDRESS_END_KINDS


_QUOTE_CLOSERS = frozenset({'"', "”", "’", "'", "»"})


def _cue_opens(ent: Span) -> bool:
    """A person span that opens with the reporting verb after a quotation, the verb written
    with a capital ('"…," Jelas Gus Ipul.'): the verb is no part of the name."""
    doc, i = ent.doc, ent.start
    before = doc[i - 1].text if i > 0 else ""
    after_quote = before in _QUOTE_CLOSERS or (
        before == "," and i > 1 and doc[i - 2].text in _QUOTE_CLOSERS)
    return len(ent) > 1 and after_quote and ent[0].lower_ in CUE_AFTER


def _common_phrase(ent: Span) -> bool:
    """A heading or a programme's name capitalised word by word ("Keluarga Penerima Manfaat",
    "Soal Artis Ramai Dijadikan Duta", "Sekadar Diketahui"): every word, or every word but one
    of three or more, is a word news writes in lower case (``kb.lexicon``); a person's name has
    at most one such word ("Budi Santoso"). An English phrase ("Foreign Direct Investment",
    "Fuel Surcharge") is one too: every word is such a word or a common English word that
    names no one, and one of them an everyday English word, far more used in English than in
    other languages, which a name lacks ("Jawaharlal Nehru", "Aaron Carter")."""
    words = [w for w in coref.name_tokens(ent) if w.isalpha()]  # honorifics left out
    if len(words) < 2:
        return False
    common = sum(w in common_words() for w in words)
    if common == len(words) or (len(words) > 2 and common >= len(words) - 1):
        return True
    english = common_english_words()
    return (all(w in common_words() or w in english for w in words)
            and any(english.get(w, False) for w in words))


def _known_acronym(ent: Span) -> GazEntry | None:
    """The gazetteer's body or country a one-word all-capitals span names, if any."""
    text = ent.text
    if len(ent) != 1 or len(text) < 2 or not text.isupper():
        return None
    entry = lookup(text)
    return entry if entry is not None and entry.actor_type in {"ORG", "GPE"} else None


def _without_channels(doc: Doc, ents: list[Span]) -> list[Span]:
    """A social platform named only as the channel of a post is no actor ("dikutip dari
    unggahan Instagram @pemkot", "lewat akun Twitter-nya"): its mentions are dropped when each
    follows a channel word (``non_names.CHANNEL_BEFORE``); one that acts anywhere stays
    ("Twitter menangguhkan akun itu"). A platform opening a longer body span names the body's
    account ("[Instagram] Dinas Perhubungan Kota X"): the platform word is cut off."""
    out: list[Span] = []
    for ent in ents:
        if len(ent) > 1 and ent.label_ == "ORG" and ent[0].lower_ in PLATFORMS \
                and ent[1].text[:1].isupper():
            ent = Span(doc, ent.start + 1, ent.end, label=ent.label_)
        out.append(ent)
    platforms = [e for e in out if len(e) == 1 and e[0].lower_ in PLATFORMS]
    acting = {e[0].lower_ for e in platforms
              if e.start == 0 or doc[e.start - 1].lower_ not in CHANNEL_BEFORE}
    return [e for e in out if e not in platforms or e[0].lower_ in acting]


def _split_person_tails(doc: Doc, ents: list[Span]) -> list[Span]:
    """'pimpinan [FPI Rizieq Shihab]', 'Ketua Umum DPP [Partai Amanat Nasional Zulkifli Hasan]',
    'pendiri grup [Barito Pacific Prayogo Pangestu]': Indonesian news writes a body right
    before the name of the person who leads or speaks for it, and the NER may take both as one
    body. An ORG span that ends in two or more name words, the first of which the article gives
    a person elsewhere, is the body followed by that person (the gazetteer stage cuts such a
    span only after a title: ``span_repairs._split_holders``)."""
    person_words = {coref.fold(t.text) for e in ents if e.label_ == "PERSON" for t in e}
    if not person_words:
        return ents
    out: list[Span] = []
    for ent in ents:
        cut = _person_tail(doc, ent, person_words)
        if cut is None:
            out.append(ent)
        else:
            out += [Span(doc, ent.start, cut, label=ent.label_),
                    Span(doc, cut, ent.end, label="PERSON")]
    return out


def _person_tail(doc: Doc, ent: Span, person_words: set[str]) -> int | None:
    """Where the person's name starts in an ORG span, or None: the name-word run at the span's
    end (``span_repairs.name_word``: not an acronym, a body's head, a common word or a place),
    from its first word that names a person elsewhere, at least two words long, after words
    that visibly end a body's name (``span_repairs.body_ends_at``)."""
    if ent.label_ != "ORG" or len(ent) < 3:
        return None
    run = ent.end
    while run > ent.start + 1 and span_repairs.name_word(doc[run - 1]):
        run -= 1
    cut = next((k for k in range(run, ent.end - 1) if coref.fold(doc[k].text) in person_words),
               None)
    if cut is None or not span_repairs.body_ends_at(doc, ent.start, cut):
        return None  # "Sutrisno Bachir Foundation", "Polda Metro Jaya": no body ends there
    return cut


# --- bodies named inside a body's name --------------------------------------------------------


def _inner_bodies(doc: Doc, ents: Sequence[Span], ent_actor: dict[tuple[int, int], str | None],
                  table: _Actors) -> list[Span]:
    """'Komisi IX [DPR]', 'Badan Pelapor Khusus [PBB]', 'Pusat Vulkanologi [Badan Geologi]
    [Kementerian ESDM]', 'Angkatan Laut [Amerika Serikat]': an Indonesian body's name chains
    the bodies it belongs to, and a reader counts each as an actor of the article. The bodies
    and countries inside a body's name that no other mention of the article names are proposed
    as actors of their own; their spans are kept apart from the entities (``Proposal.inner``)
    and the decision model judges them (``Candidate.nested``). A name the gazetteer knows
    whole ("Bank Indonesia") is not split, save for another body that closes it: the parent
    of a known unit ("Bareskrim [Polri]", ``_known_parent``)."""
    out: list[Span] = []
    for ent in ents:
        if ent.label_ != "ORG" or ent_actor.get((ent.start, ent.end)) is None:
            continue
        known = _entry(ent) if ent.kb_id_ else lookup(ent.text)
        own = _own_short_form(doc, ent)
        pieces = _inner_pieces(doc, ent) if known is None else _known_parent(doc, ent, known)
        for piece in pieces:
            actor_id = _piece_id(piece)
            if actor_id is None or actor_id in table.by_id or piece.start == own:
                continue
            ent_actor[(piece.start, piece.end)] = _place_actor(piece, table, set())
            out.append(piece)
    return out


def _own_short_form(doc: Doc, ent: Span) -> int | None:
    """The token of the short form a body's span defines in brackets inside it for the body
    itself ("Komisi Pemilihan Umum (KPU) Kabupaten Intan Jaya": the office's "KPU"), which
    names no body inside it; a party board's bracket names the party ("DPD Front Pembela Islam
    (FPI) DKI Jakarta"), which is one."""
    if span_repairs.bracketed_short_form(ent) is None or ent[0].lower_ in PARTY_BOARDS:
        return None
    texts = [t.text for t in ent]
    return ent.start + texts.index("(") + 1


def _inner_pieces(doc: Doc, ent: Span) -> list[Span]:
    """The bodies and countries named inside ``ent`` after its first word: each body's head
    opens a piece that runs to the next head; a body or country the gazetteer knows is a piece
    of its own, except inside a gazetteer name that opens ``ent``."""
    heads = [j for j in range(ent.start + 1, ent.end) if doc[j].text[:1].isupper()
             and doc[j].lower_ in span_repairs.BODY_OPENERS
             and span_repairs.opens_body(doc, j) is not None]
    pieces = [Span(doc, h, nxt, label="ORG")
              for h, nxt in zip(heads, [*heads[1:], ent.end], strict=False)
              if span_repairs.opens_body(doc, h) < nxt]  # type: ignore[operator]
    # a name the gazetteer knows opening the span is read whole: the country in "[Majelis Ulama
    # Indonesia] (MUI) Kota Sukabumi" or "[Bank Indonesia] Jawa Barat" names no actor
    opening = match_at(doc, ent.start, end_limit=ent.end, words=_words(doc))
    for j in range(ent.start + 1 if opening is None else opening[0], ent.end):
        found = match_at(doc, j, end_limit=ent.end, words=_words(doc))
        if found is None:
            continue
        end, entry = found
        if entry.kind == "country" or entry.actor_type == "ORG":
            pieces.append(Span(doc, j, end, label="GPE" if entry.kind == "country" else "ORG",
                               kb_id=entry.kb))
    unique = {(p.start, p.end): p for p in pieces}
    return [unique[k] for k in sorted(unique)]


def _known_parent(doc: Doc, ent: Span, own: GazEntry) -> list[Span]:
    """The body that closes the name of a body the gazetteer knows whole, when it is another
    body of the gazetteer: "Bareskrim [Polri]", "Puspenkum [Kejagung]". A unit's name ends
    with the body it belongs to, and the reader counts that body as an actor too
    (docs/annotation.md); a country closing the name ("Bank Indonesia") is part of it."""
    for j in range(ent.start + 1, ent.end):
        entry = lookup(span_text(doc, j, ent.end)) if doc[j].text[:1].isupper() else None
        if entry is not None and entry.actor_type == "ORG" and entry.kind != "country" \
                and entry.kb != own.kb:
            return [Span(doc, j, ent.end, label="ORG", kb_id=entry.kb)]
    return []


def _piece_id(piece: Span) -> str | None:
    """The id ``_place_actor`` gives a piece, worked out without registering it."""
    entry = _entry(piece)
    if entry is None:
        key = coref.name_slug(piece.text)
        return f"org:{key}" if key is not None else None
    if entry.kind == "country":
        return f"gpe:{entry.kb}"
    return f"org:{entry.kb}" if entry.actor_type == "ORG" else None


def resolve(doc: Doc, *, user: UserActors | None = None,
            model: actor_model.ActorModel | None = None) -> Resolution:
    """Resolve every entity of ``doc`` to an actor (pure: returns, does not set): the rules
    propose, the model (when there is one) decides each actor's type, country and whether it
    is one at all, then role-only mentions and pronouns are linked to the actors kept."""
    ents = doc.ents  # read once for the rules and the context
    sent_of = actor_model.sentence_index(doc)
    ctx = actor_model.context(doc, sent_of, ents=ents)
    p = propose(doc, user=user, ents=ents, ctx=ctx)
    if model is not None:
        for cand in candidates(p):
            _apply(doc, p, cand, model.decide(doc, cand, ctx, sent_of))
    mentions = _mentions(doc, p.ents, p.clusters, p.title_tokens, p.ent_actor, p.table)
    mentions = _with_generic(doc, p, ctx.counts, mentions)
    return Resolution(p.ents, p.ent_actor, list(p.table.by_id.values()), mentions)


def _with_generic(doc: Doc, p: Proposal, counts: Mapping[str, int],
                  mentions: list[tuple[Span, str | None]]) -> list[tuple[Span, str | None]]:
    """Add plain "pemerintah" and "polisi" (``warta.resolve.generic_actors``) as role-only
    mentions of the government and police they mean, registering those actors."""
    taken = {i for e in p.ents for i in range(e.start, e.end)}
    taken |= {i for s, _ in mentions for i in range(s.start, s.end)}
    found = generic_actors.generic_mentions(doc, taken, list(p.table.by_id.values()), counts)
    for g in found:
        p.table.add(g.actor_id, name=g.name, type_=g.type, country=g.country, kb=g.kb,
                    alias=g.span.text)
    if not found:
        return mentions
    return sorted([*mentions, *((g.span, g.actor_id) for g in found)], key=lambda m: m[0].start)


# --- the model's decisions ----------------------------------------------------------------------


def candidates(p: Proposal) -> list[actor_model.Candidate]:
    """One candidate per actor the rules built (the user's actors are not decided), with its
    entity spans and titles; a country's short forms apart (``actor_model.split_short_forms``)."""
    spans_of: dict[str, list[Span]] = {}
    for ent in [*p.ents, *p.inner]:
        actor_id = p.ent_actor.get((ent.start, ent.end))
        if actor_id is not None:
            spans_of.setdefault(actor_id, []).append(ent)
    inner = {(s.start, s.end) for s in p.inner}
    titles_of: dict[str, list[roles.Title]] = {}
    for cluster in p.clusters:
        first = cluster.mentions[0]
        actor_id = p.ent_actor.get((first.start, first.end))
        if actor_id is not None:
            titles_of.setdefault(actor_id, []).extend(cluster.titles)
    out = [actor_model.Candidate(a.id, a.name, a.type, a.country, a.kb, spans_of[a.id],
                                 titles_of.get(a.id, []),
                                 nested=all((s.start, s.end) in inner for s in spans_of[a.id]))
           for a in p.table.by_id.values()
           if a.id in spans_of and not (a.kb or "").startswith("user:")]
    return actor_model.split_short_forms(out)


def _apply(doc: Doc, p: Proposal, cand: actor_model.Candidate,
           decision: actor_model.Decision) -> None:
    """Carry out one decision on the proposal: drop the candidate, retype it (a new id), and
    set its country."""
    table = p.table
    if not decision.keep:
        _unlink(p, cand, None)
        return
    actor_id = cand.actor_id
    if decision.type != cand.type:
        new = _retyped(doc, cand, decision.type)
        if new is not None:
            new_id, name = new
            old = table.by_id[actor_id]
            roles_ = old.roles if cand.split_from is None else ()
            table.add(new_id, name=name, type_=decision.type, country=decision.country,
                      roles_=roles_)
            for span in cand.spans:
                table.add(new_id, name=name, type_=decision.type, alias=span.text)
            _unlink(p, cand, new_id)
            _relabel(doc, p, cand, decision.type)
            actor_id = new_id
    elif cand.split_from is not None:
        return  # a short form kept as the country it was taken from: nothing changes
    table.by_id[actor_id].country = decision.country


def _unlink(p: Proposal, cand: actor_model.Candidate, new_id: str | None) -> None:
    """Point the candidate's spans at ``new_id`` (None: at no actor) and forget the old actor,
    or only its short form, when nothing else refers to it."""
    table = p.table
    for span in cand.spans:
        p.ent_actor[(span.start, span.end)] = new_id
    old = table.by_id.get(cand.actor_id)
    if old is None:
        return
    if cand.split_from is not None:
        old.aliases = [a for a in old.aliases if a != cand.name]
    if not any(v == cand.actor_id for v in p.ent_actor.values()):
        del table.by_id[cand.actor_id]


def _relabel(doc: Doc, p: Proposal, cand: actor_model.Candidate, type_: str) -> None:
    keys = {(s.start, s.end) for s in cand.spans}
    for k, ent in enumerate(p.ents):
        if (ent.start, ent.end) in keys:
            p.ents[k] = Span(doc, ent.start, ent.end, label=type_, kb_id=ent.kb_id_)


def _retyped(doc: Doc, cand: actor_model.Candidate, type_: str) -> tuple[str, str] | None:
    """The id and name of a candidate under another type: a person's name without the title
    the span opened with ("Majelis Hakim Wa Ode Sania" → "Wa Ode Sania"); a GPE only for a
    place the gazetteer knows. None when the type cannot make an id."""
    if type_ == "GPE":
        entry = lookup(cand.name)
        if entry is None or entry.actor_id is None or not entry.actor_id.startswith("gpe:"):
            return None
        return entry.actor_id, entry.name
    name = cand.name
    if type_ == "PERSON":
        span = max(cand.spans, key=len)
        start = actor_model.inner_name_start(doc, span) or roles.name_start(
            doc, span.start, span.end)
        if start < span.end:
            name = doc[start:span.end].text
    key = coref.name_slug(name)
    return (f"{type_.lower()}:{key}", name) if key is not None else None


def _link_acronyms(doc: Doc, ents: Sequence[Span], ent_actor: dict[tuple[int, int], str | None],
                   table: _Actors) -> None:
    """'Badan Pangan Nasional (Bapanas)': the acronym in brackets is the same organisation, also
    where it stands inside the body's name ("Ikatan Keluarga Alumni (IKA) Unpad" … "IKA"), and
    inside a regional office's name even when the gazetteer knows the short form as the
    national body ("Komisi Pemilihan Umum (KPU) Kabupaten Intan Jaya" … "KPU")."""
    for i, ent in enumerate(ents):
        if ent.label_ != "ORG" or i + 1 >= len(ents):
            continue
        nxt = ents[i + 1]
        if nxt.start == ent.end + 1 and doc[ent.end].text == "(" and nxt.text.isupper():
            owner = ent_actor.get((ent.start, ent.end))
            old = ent_actor.get((nxt.start, nxt.end))
            known = old is not None and old in table.by_id and table.by_id[old].kb
            if owner and old != owner and not known and (old is None or old.startswith("org:")):
                _remap(ents, ent_actor, table, nxt.text, old, owner)
    for ent in ents:  # "Ikatan Keluarga Alumni (IKA) Unpad" … "IKA": the short form inside
        short = span_repairs.bracketed_short_form(ent) if ent.label_ == "ORG" else None
        owner = ent_actor.get((ent.start, ent.end))
        if short is None or owner is None or ent[0].lower_ in PARTY_BOARDS:
            continue  # "DPD Front Pembela Islam (FPI) …": the short form is the party's
        olds = {ent_actor.get((e.start, e.end)) for e in ents if e.text == short[1]} - {owner}
        if olds and (all(_unknown_org(old, table) for old in olds)
                     or span_repairs.office_region(ent)):
            for old in olds:
                _remap(ents, ent_actor, table, short[1], old, owner)


def _unknown_org(actor_id: str | None, table: _Actors) -> bool:
    """Whether a mention's actor is none or an organisation the gazetteer does not know."""
    if actor_id is None:
        return True
    actor = table.by_id.get(actor_id)
    return actor_id.startswith("org:") and (actor is None or not actor.kb)


def _link_short_names(ents: Sequence[Span], ent_actor: dict[tuple[int, int], str | None],
                      table: _Actors) -> None:
    """'Encore Energy Pte. Ltd' … 'Encore Energy' … 'Encore': an organisation name that opens
    exactly one company name with its legal form in the article is that company. A body word
    alone ("Bank", "PT") opens many names, and a gazetteer body keeps its own identity."""
    orgs = [e for e in ents if e.label_ == "ORG"
            and (ent_actor.get((e.start, e.end)) or "").startswith("org:")]
    companies = [e for e in orgs if span_repairs.company_name(e)]
    for short in orgs:
        words = [t.lower_ for t in short]
        if words[0] in ORG_PREFIXES or not short[0].text[:1].isupper():
            continue
        owners = {ent_actor[(o.start, o.end)] for o in companies
                  if len(o) > len(short) and [t.lower_ for t in o][:len(words)] == words}
        old = ent_actor.get((short.start, short.end))
        known = old is not None and old in table.by_id and table.by_id[old].kb
        if len(owners) == 1 and old not in owners and not known:
            # ent_actor holds str | None; the ORG spans here carry actor ids (not re-checked)
            _remap(ents, ent_actor, table, short.text, old, owners.pop())  # type: ignore[arg-type]


def _body_keys(words: Sequence[str]) -> tuple[set[tuple[str, ...]], set[tuple[str, ...]]]:
    """The forms of one organisation name that an article's variants of it share: without a
    leading "PT", without a trailing "RI" / "Republik Indonesia" / "Indonesia" (the country
    an Indonesian body belongs to, written or not). Each form keeps two words or more, so
    "Bank Indonesia" is never "Bank", unless "PT" marked the rest a company's name ("PT
    Freeport Indonesia" / "Freeport"); a short head is written out too ("Kejagung RI" /
    "Kejaksaan Agung", "RS Polri" / "Rumah Sakit Polri": ``BODY_HEAD_SHORT_FORMS``). Returned
    apart: the written forms, and a body's head with the rest as its initials ("Dinas
    Lingkungan Hidup" → "Dinas LH"), which only links to a name written that way — two
    long names with the same initials ("Dinas Pariwisata Kabupaten Kebumen", "Dinas
    Pendidikan Kabupaten Kebumen") are two bodies."""
    base = [w.lower() for w in words if any(c.isalnum() for c in w)]
    least = 2
    if base[:1] == ["pt"] and len(base) > 2:
        base, least = base[1:], 1
    written = [base]
    if len(base) > 1 and base[0] in BODY_HEAD_SHORT_FORMS:  # "Kejagung RI", "RS Polri"
        written.append([*BODY_HEAD_SHORT_FORMS[base[0]], *base[1:]])
    forms = list(written)
    for form in written:
        for tail in _COUNTRY_TAILS:
            if len(form) >= len(tail) + least and tuple(form[-len(tail):]) == tail:
                forms.append(form[:-len(tail)])
    keys = {tuple(f) for f in forms}
    initials: set[tuple[str, ...]] = {(f[0], "".join(w[0] for w in f[1:])) for f in forms
                if f[0] in ORG_PREFIXES and len(f) >= 3}
    for form in forms:
        canon = _canonical_body(form)
        if canon is None:
            continue
        keys.add(canon)
        head, region = canon[:-1], canon[-1:]
        if head[0] in ORG_PREFIXES and len(head) >= 3:
            for middle in (head[1:], [w for w in head[1:] if w not in _INITIAL_SKIPS]):
                initials.add((head[0], "".join(w[0] for w in middle), *region))
    return keys, initials - keys


_LEVELS = {"kab": "kabupaten", "prov": "provinsi"}  # short level words written out
# A capital city that is also a region ("Pemerintah Provinsi DKI Jakarta", "Pemprov Jakarta"),
# and the special status written before its name: "DKI" (Daerah Khusus Ibukota) alone or before
# "Jakarta" names the one region ("Pemprov DKI" is "Pemprov DKI Jakarta").
_CAPITAL_KINDS = frozenset({"seat", "capital"})
_REGION_STATUS = {"dki": "jakarta"}
_INITIAL_SKIPS = frozenset({"dan"})  # "Pekerjaan Umum dan Penataan Ruang" → "PUPR"


def _canonical_body(words: Sequence[str]) -> tuple[str, ...] | None:
    """A regional body's name with its head's short form written out and its region as the
    gazetteer's place ("PN Jakut", "Pengadilan Negeri Jakarta Utara" → pengadilan negeri
    @jakarta utara; "Pemkot Bekasi", "Pemerintah Kota Bekasi" → pemerintah @kota:bekasi): news
    names one local body both ways. None when the name ends in no region the gazetteer knows.
    The shortest region at the end is read ("Kota Bekasi": Bekasi, with its level word); a
    capital that is a region counts, its "DKI" left out ("Pemprov DKI", "Pemerintah Provinsi
    DKI Jakarta", "Pemprov Jakarta" → pemerintah @provinsi:jakarta)."""
    base = list(BODY_HEAD_SHORT_FORMS.get(words[0], (words[0],))) + list(words[1:])
    if base[-1] in _REGION_STATUS and len(base) > 1:
        base.append(_REGION_STATUS[base[-1]])  # "Pemprov DKI": the status names its capital
    for k in range(len(base) - 1, 0, -1):
        entry = lookup(" ".join(base[k:]))
        if entry is None or not (entry.kind in REGION_KINDS or (
                entry.kind in _CAPITAL_KINDS and entry.actor_type == "GPE")):
            continue
        place = [w for w in coref.fold(entry.name).split()
                 if w not in REGION_LEVEL_WORDS and w not in _REGION_STATUS]
        head = [w for w in base[:k] if w not in _REGION_STATUS] or base[:1]
        level = ""
        if len(head) > 1 and head[-1] in REGION_LEVEL_WORDS:
            level, head = _LEVELS.get(head[-1], head[-1]), head[:-1]
        return (*head, f"@{level}:{' '.join(place)}")
    return None


_COUNTRY_TAILS: tuple[tuple[str, ...], ...] = (("ri",), ("republik", "indonesia"), ("indonesia",))


def _link_body_variants(ents: Sequence[Span], ent_actor: dict[tuple[int, int], str | None],
                        table: _Actors) -> None:
    """'Kementerian Sosial RI' … 'Kementerian Sosial'; 'PT Pos Indonesia' … 'PT Pos';
    'Dinas Lingkungan Hidup' … 'Dinas LH'; 'Polda' … 'Polda Riau'; 'PN Jakut' … 'Pengadilan
    Negeri Jakarta Utara': one article writes one body's name in several forms, and each form
    the rules gave an id of its own is the same actor. Forms are the same body when they share
    a key (``_body_keys``), or when a body's head alone or with its next words opens the longer
    names of exactly one body of the article ("Polda" … "Polda Sumut" … "Polda Sumatera
    Utara"). A gazetteer body's own name counts as one more form of it ("KAI" … "PT Kereta
    Api Indonesia"; "Polri" … a bare "Kepolisian"), and so does an acronym of one long name
    (``_acronym_groups``). The actor the gazetteer knows, else the longest name, keeps its id;
    two gazetteer bodies stay apart."""
    orgs = [e for e in ents if e.label_ == "ORG"
            and (ent_actor.get((e.start, e.end)) or "").startswith("org:")]
    by_key: dict[tuple[str, ...], set[str]] = {}
    abbreviated: list[tuple[str, set[tuple[str, ...]]]] = []
    # ent_actor holds str | None; the ORG spans here carry actor ids
    names: list[tuple[str, list[str]]] = [
        (ent_actor[(e.start, e.end)], words)  # type: ignore[misc]
        for e in orgs for words in _written_forms(e)]
    # a gazetteer body's own name is one more way of writing it ("KAI" … "PT Kereta Api
    # Indonesia": the gazetteer's "Kereta Api Indonesia" is the long name without its "PT")
    names += [(i, table.by_id[i].name.split()) for i in sorted({i for i, _ in names})
              if i in table.by_id and table.by_id[i].kb]
    for actor_id, words in names:
        written, initials = _body_keys(words)
        for key in written:
            by_key.setdefault(key, set()).add(actor_id)
        abbreviated.append((actor_id, initials))
    groups = [ids for ids in by_key.values() if len(ids) > 1]
    groups += _acronym_groups(orgs, ent_actor)
    groups += [{actor_id, *by_key[key]} for actor_id, initials in abbreviated
               for key in initials if key in by_key]
    body_of = {i: frozenset(ids) for ids in _connected(groups) for i in ids}
    for short in orgs:
        words = [t.lower_ for t in short]
        if words[0] not in span_repairs.BODY_OPENERS or not short[0].text[:1].isupper():
            continue
        owners = {body_of.get(i, frozenset({i})) for i, name in names
                  if len(name) > len(short) and ([w.lower() for w in name][:len(words)] == words
                                                 or _same_parent(words, name))}
        if len(owners) == 1:  # one body, maybe written two ways ("Polda Sumut", "… Utara")
            groups.append({*owners.pop(), ent_actor[(short.start, short.end)]})  # type: ignore[arg-type]
    for ids in _connected(groups):
        _merge_ids(ent_actor, table, ids)


def _written_forms(ent: Span) -> list[list[str]]:
    """The words of an ORG span, as the forms ``_link_body_variants`` compares: a name with
    its short form defined in brackets inside it ("Pemerintah Provinsi (Pemprov) NTB") is the
    name without the bracket and the short form with the words after the bracket ("Pemerintah
    Provinsi NTB", "Pemprov NTB"), the two ways the article writes the body elsewhere."""
    words = [t.text for t in ent]
    short = span_repairs.bracketed_short_form(ent)
    if short is None:
        return [words]
    name, abbr = short
    return [name.split(), [abbr, *words[words.index(")") + 1:]]]


def _same_parent(words: Sequence[str], name: Sequence[str]) -> bool:
    """'Pansus KPK' … 'Pansus Hak Angket KPK': a body's head and the known body it belongs
    to, written with the words between left out. Only a parent the gazetteer knows as a body
    ends the short name ("Bank Indonesia" ends in a country: it is no "Bank Rakyat Indonesia")."""
    if len(words) < 2 or words[0] != name[0].lower():
        return False
    tail = [w.lower() for w in name[len(name) - len(words) + 1:]]
    if tail != list(words[1:]):
        return False
    entry = lookup(" ".join(name[len(name) - len(words) + 1:]))
    return entry is not None and entry.actor_type == "ORG" and entry.kind != "country"


MIN_ACRONYM_LETTERS = 3  # "MA", "PT", "AS": two letters stand for too many names


def _acronym_groups(orgs: Sequence[Span],
                    ent_actor: dict[tuple[int, int], str | None]) -> list[set[str]]:
    """'Partai Demokrasi Indonesia Perjuangan' … 'PDIP'; 'PT Kereta Api Indonesia' … 'KAI': an
    acronym the article writes, one letter for each capitalised word of exactly one longer body
    name of the article (without its "PT"), is that body even where no bracket defines it.
    Two long names with the same initials make the acronym no one's."""
    out: list[set[str]] = []
    for short in orgs:
        text = short.text
        if len(short) != 1 or not text.isalpha() or not text.isupper() \
                or len(text) < MIN_ACRONYM_LETTERS:
            continue
        owners = {ent_actor[(o.start, o.end)] for o in orgs
                  if len(o) > 1 and _capital_initials(o) == text}
        if len(owners) == 1:
            out.append({*owners, ent_actor[(short.start, short.end)]})  # type: ignore[arg-type]
    return out


def _capital_initials(name: Span) -> str:
    """The first letters of a body name's capitalised words, a leading "PT" left out; "" when a
    word is neither capitalised nor a lower-case function word ("dan")."""
    words = [t.text for t in name if not t.is_punct]
    if words[:1] and words[0].lower() == "pt":
        words = words[1:]
    letters = []
    for word in words:
        if word[:1].isupper():
            letters.append(word[0])
        elif word.lower() not in _INITIAL_SKIPS:
            return ""
    return "".join(letters)


def _connected(groups: Sequence[set[str]]) -> list[set[str]]:
    """The groups joined wherever they share an id (one body written three ways)."""
    out: list[set[str]] = []
    for group in groups:
        joined = set(group)
        for other in [o for o in out if o & joined]:
            joined |= other
            out.remove(other)
        out.append(joined)
    return out


def _link_typed_twice(doc: Doc, ents: list[Span],
                      ent_actor: dict[tuple[int, int], str | None], table: _Actors) -> None:
    """'bekerja sama dengan Bulog' (ORG) … 'dibeli Bulog' (PERSON): the NER typed one name a
    body in one sentence and a person in another, and the rules built a person and a body of
    the same name. A person the gazetteer does not know whose every written form is a form
    of one body of the article is that body; its spans are relabelled ORG."""
    org_of: dict[str, set[str]] = {}
    for ent in ents:
        actor_id = ent_actor.get((ent.start, ent.end))
        if ent.label_ == "ORG" and actor_id is not None and actor_id.startswith("org:"):
            org_of.setdefault(ent.text.lower(), set()).add(actor_id)
    for person in [a for a in table.by_id.values()
                   if a.id.startswith("person:") and a.aliases and not a.kb]:
        owners = {o for alias in person.aliases for o in org_of.get(alias.lower(), set())}
        if len(owners) != 1 or not all(a.lower() in org_of for a in person.aliases):
            continue
        owner = owners.pop()
        for k, ent in enumerate(ents):
            if ent_actor.get((ent.start, ent.end)) == person.id:
                ents[k] = Span(doc, ent.start, ent.end, label="ORG", kb_id=ent.kb_id_)
        _merge_ids(ent_actor, table, {owner, person.id}, owner)


def _merge_ids(ent_actor: dict[tuple[int, int], str | None], table: _Actors,
               ids: set[str], owner_id: str | None = None) -> None:
    """Every mention of ``ids`` goes to ``owner_id``, else to the gazetteer's or the longest
    name; the others leave the table, their written forms kept as aliases."""
    live = [table.by_id[i] for i in sorted(ids) if i in table.by_id]  # sorted: ties go the same way
    known = {a.kb for a in live if a.kb}
    if len(live) < 2 or len(known) > 1:
        return
    owner = max(live, key=lambda a: (a.id == owner_id, bool(a.kb), len(a.name.split()),
                                     len(a.name)))
    for actor in live:
        if actor is owner:
            continue
        for key, value in ent_actor.items():
            if value == actor.id:
                ent_actor[key] = owner.id
        for alias in actor.aliases:
            table.add(owner.id, name=owner.name, type_=owner.type, alias=alias,
                      roles_=actor.roles)
        owner.country = owner.country or actor.country
        del table.by_id[actor.id]


def _initials(name: Span) -> str:
    return "".join(t.text[0] for t in name if t.text[:1].isupper())


def _bracketed_initials(doc: Doc, ent: Span) -> str | None:
    """The initials of a full person name written in brackets right after it, if any."""
    end = ent.end
    if ent.label_ != "PERSON" or len(ent) < 2 or end + 2 >= len(doc) or doc[end].text != "(" \
            or doc[end + 2].text != ")":
        return None
    short = doc[end + 1].text
    return short if short.isupper() and short == _initials(ent) else None


def _link_initials(doc: Doc, ents: list[Span], ent_actor: dict[tuple[int, int], str | None],
                   table: _Actors) -> None:
    """'Agus Harimurti Yudhoyono (AHY)': initials in brackets after a person's full name are
    that person wherever the article uses them, also where the model took them for an ORG."""
    for ent in list(ents):
        short = _bracketed_initials(doc, ent)
        if short is None:
            continue
        owner = ent_actor.get((ent.start, ent.end))
        if owner is None:
            continue
        olds = set()
        for k, other in enumerate(ents):
            if other.text == short:
                olds.add(ent_actor.get((other.start, other.end)))
                ents[k] = Span(doc, other.start, other.end, label="PERSON")
                ent_actor[(other.start, other.end)] = owner
        table.add(owner, name=ent.text, type_="PERSON", alias=short)
        for old in olds - {owner, None}:
            if old in table.by_id and not any(v == old for v in ent_actor.values()):
                del table.by_id[old]


def _remap(ents: Sequence[Span], ent_actor: dict[tuple[int, int], str | None], table: _Actors,
           acronym: str, old: str | None, owner: str) -> None:
    for ent in ents:
        if ent.text == acronym:
            ent_actor[(ent.start, ent.end)] = owner
    table.add(owner, name=acronym, type_="ORG", alias=acronym)
    if old and old in table.by_id and not any(v == old for v in ent_actor.values()):
        del table.by_id[old]


# --- the stage and the speaker helper ------------------------------------------------------------


@Language.factory(
    FACTORY,
    requires=[],
    assigns=["doc.ents", "doc._.actors", "doc._.mentions", "span._.actor"],
    default_config={"user_file": "", "decision_model": ""},
)
def make_actors(nlp: Language, name: str, user_file: str, decision_model: str) -> ActorsStage:
    """spaCy factory: ``nlp.add_pipe("warta_actors_v19", config={"user_file": "actors.toml"})``.

    ``decision_model``: the actor type/country model file; "" the shipped one (or
    ``$WARTA_ACTOR_MODEL``), "none" the rules alone."""
    return ActorsStage(user_file=user_file, decision_model=decision_model)


class ActorsStage:
    """Attaches actors to a Doc (not a dataclass: spaCy calls it and it loads the user file).

    ``nlp.to_disk`` keeps a copy of the user's actors file with the pipeline
    (``warta.nlp.stage_data``); the file config.cfg names must still exist when loading.
    """

    def __init__(self, *, user_file: str = "", decision_model: str = "") -> None:
        self.user_file = user_file
        self.user = load_user_actors(user_file) if user_file else None
        self.model = actor_model.load_model(actor_model.model_path(decision_model))

    def to_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> None:
        """Keep a copy of the user's actors file with the saved pipeline."""
        save_file(path, self.user_file, _SAVED_ACTORS)

    def from_disk(self, path: Path, *, exclude: Iterable[str] = ()) -> ActorsStage:
        """Read the saved copy back, unless config.cfg now names another actors file."""
        copy = saved_file(path, self.user_file, _SAVED_ACTORS)
        if copy is not None:
            self.user = load_user_actors(str(copy))
        return self

    def __call__(self, doc: Doc) -> Doc:
        if skip_unsupported(doc, STAGE, VERSION):
            return doc
        result = resolve(doc, user=self.user, model=self.model)
        ents = doc.ents  # read once: each read builds a new Span per entity
        if [(e.start, e.end, e.label_) for e in ents] != [
            (e.start, e.end, e.label_) for e in result.ents
        ]:
            doc.ents = ents = tuple(result.ents)  # the spans doc.ents now holds, same offsets
        for ent in ents:
            set_span_actor(ent, result.ent_actor.get((ent.start, ent.end)))
        mentions = []
        for span, actor_id in result.mentions:
            set_span_actor(span, actor_id)
            mentions.append(span)
        doc._.mentions = mentions
        doc._.actors = result.actors
        mark_stage(doc, STAGE, VERSION, "ok")
        return doc


def resolve_speaker(doc: Doc, span: Span, *, ents: Sequence[Span] | None = None) -> str | None:
    """Actor id of the person or organisation a span (a quote's speaker) refers to, or None.

    Looks, in order, at entities and mentions overlapping the span (persons first), a pronoun or
    "-nya" at the span, a role title, a known name variant, and finally the gazetteer. ``ents``:
    ``doc.ents`` as the caller read them once (each read builds a new tuple of new Spans, and
    the quotes stage asks for every quote).
    """
    ents = doc.ents if ents is None else ents
    for group in (
        [e for e in ents if e.label_ == "PERSON"],
        list(doc._.mentions or []),
        [e for e in ents if e.label_ != "PERSON"],
    ):
        hits = [s for s in group if s.start < span.end and span.start < s.end and span_actor(s)]
        if hits:
            actor: str | None = span_actor(hits[0])
            return actor
    low = span.text.strip().lower().lstrip("-")
    if low in PERSON_PRONOUNS or low == CLITIC or (
        low.endswith(CLITIC) and low[: -len(CLITIC)] in CLITIC_HOSTS
    ):
        return resolve_pronoun(doc, span.start)
    return _by_role(doc, span) or _by_name(doc, span) or _by_gazetteer(span)


def resolve_pronoun(doc: Doc, at: int) -> str | None:
    """Actor id of the person a pronoun (or "-nya") at token ``at`` most likely refers to."""
    regions = coref.quoted_chars(doc_text(doc))
    spans = [e for e in doc.ents if e.label_ == "PERSON"] + [
        m for m in (doc._.mentions or []) if m.label_ in {"ROLE", "PRON"}
    ]
    actor_of = {(s.start, s.end): span_actor(s) for s in spans if span_actor(s)}
    return coref.salient(doc, at, coref.candidates(doc, spans, actor_of, regions))


def _by_role(doc: Doc, span: Span) -> str | None:
    chain = roles.title_chain(doc, span.start)
    if chain is None:
        return None
    people = [a for a in doc._.actors or [] if a.type == "PERSON"
              and any(roles.same_role(r, chain.role) for r in a.roles)]
    people = [a for a in people if chain.country in {None, a.country}]
    return people[-1].id if people else None


def _by_name(doc: Doc, span: Span) -> str | None:
    toks = {coref.fold(t.text) for t in span if not t.is_punct}
    people: list[Actor] = [a for a in doc._.actors or [] if a.type == "PERSON"]
    for actor in people:
        if toks and toks <= set(coref.fold(actor.name).split()):
            return actor.id
    text = span.text.strip()
    for actor in people:  # "AHY": initials the article gave in brackets after the name
        if text in actor.aliases:
            return actor.id
    # a reporter's typo ("kata Wesbrook" of Westbrook): one person whose name has a word that
    # near-matches each long word of the span (difflib ratio: no extra dependency for this)
    names = {coref.fold(t.text) for t in span if t.text[:1].isupper()}
    near = [a for a in people if names and all(
        len(t) >= 6 and any(_near(t, w) for w in coref.fold(a.name).split()) for t in names)]
    return near[0].id if len(near) == 1 else None


def _near(a: str, b: str) -> bool:
    return abs(len(a) - len(b)) <= 2 and SequenceMatcher(None, a, b).ratio() >= 0.88


def _by_gazetteer(span: Span) -> str | None:
    entry = lookup(span.text)
    return entry.actor_id if entry is not None else None


def _words(doc: Doc) -> tuple[list[str], list[str]]:
    """The Doc's words and spaces for ``match_at`` (its ``words``): no Token per word read."""
    return token_texts(doc), token_spaces(doc)
