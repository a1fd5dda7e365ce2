"""Capitalised words that, written alone, never name an actor in Indonesian news.

The NER model types a lone capitalised word a person or a body from its shape; these words
are capitalised for another reason: a weekday in a dateline or a citation ("dikutip Senin
(20/10/2025)"), an exhortation or exclamation opening speech ("Yuk, menabung …"), a form of
address standing for a name the sentence gives beside it ("kata Bu Titik": the person is
Titik), a company's legal form after its name ("PT Pos Indonesia (Persero)"), a conjunction
opening a sentence ("Kendati demikian, …"). The gold annotation of train, dev and dev2 names
no actor by any of them.
"""

from __future__ import annotations

from warta.nlp.lang.id import subset
from warta.nlp.lang.id.dates import WEEKDAYS
from warta.nlp.lang.id.honorifics import HONORIFICS
from warta.nlp.lang.id.interjections import EXCLAMATIONS, HORTATIVES
from warta.nlp.lang.id.org_patterns import LEGAL_FORMS, SENTENCE_OPENERS

# Forms of address that are words, not initials-like abbreviations ("H", "KH", "MS" alone can
# be a person's initials: "berinisial H"), nor honorifics that are also given names ("Andi").
ADDRESS_WORDS: frozenset[str] = subset(HONORIFICS, (
    "bapak ibu pak bu saudara saudari tuan nyonya nona mbak mas bang kak sang almarhum "
    "almarhumah mendiang haji hajjah kiai kyai ustaz ustad ustadz syekh romo pastor pendeta"))

# Concessive conjunctions ("Kendati demikian, …", "Walau begitu, …"), which the gazetteer
# stage's SENTENCE_OPENERS lacks (adding them there changes that stage's spans: a later bump).
CONCESSIVES: frozenset[str] = frozenset({"kendati", "walau"})

# Sentence-opening conjunctions and adverbs: a clause, never a name ("Kendati", "Namun").
CLAUSE_OPENERS: frozenset[str] = CONCESSIVES | subset(SENTENCE_OPENERS, (
    "meski meskipun walaupun namun sementara sedangkan adapun bahkan sehingga selain kemudian "
    "lalu"))

LONE_NON_NAMES: frozenset[str] = (
    frozenset(WEEKDAYS) | HORTATIVES | frozenset(w for w in EXCLAMATIONS if " " not in w)
    | ADDRESS_WORDS | LEGAL_FORMS | CLAUSE_OPENERS)


def lone_non_name(text: str) -> bool:
    """Whether a one-word span's text is one of ``LONE_NON_NAMES`` (an all-capitals form is an
    acronym or initials, which these rules leave to the model: "BU", "PAK")."""
    return text.lower() in LONE_NON_NAMES and not (len(text) > 1 and text.isupper())


# Acronyms Indonesian news uses for things, statuses, documents, laws, figures and meetings,
# never for one body: a civil servant ("ASN"), an identity card ("KTP"), a budget ("APBN"),
# fuel ("BBM"), a law ("UU ITE"), a hospital ward ("IGD"), a summit ("KTT"), a class of
# companies or of regional offices ("UMKM", "OPD"). The NER types them ORG from their shape.
# Lower case; the stage compares an all-capitals (or "PPh"-like) word's lower case.
THING_ACRONYMS: frozenset[str] = frozenset({
    # people's status
    "asn", "pns", "cpns", "pppk", "wni", "wna", "tki", "tkw", "lgbt",
    # documents and case files
    "ktp", "stnk", "bpkb", "npwp", "nik", "spdp", "sp3", "dpo", "amdal", "iup", "iupk",
    # a condition of people: "orang dengan gangguan jiwa"
    "odgj",
    # budgets, taxes, economic figures
    "apbn", "apbd", "rapbn", "rapbd", "pdb", "gdp", "ihsg", "ppn", "pph", "thr", "umr", "ump",
    "csr", "ipo", "umkm", "phk",
    # state securities and market instruments: "Surat Utang Negara", "Non-Deliverable Forward"
    "sun", "sbn", "sbsn", "ndf", "dndf",
    # government programmes, which their ministry or agency runs: free meals ("Makan Bergizi
    # Gratis"), national health insurance (run by BPJS Kesehatan), people's business credit,
    # cash aid, family hope, food aid, national strategic projects
    "mbg", "jkn", "kur", "blt", "pkh", "bpnt", "psn",
    # fuel, gases and pollutants
    "bbm", "lpg", "co2", "co", "no2", "so2",
    # laws
    "uu", "perppu", "kuhp", "kuhap", "ite",
    # health
    "igd", "icu", "dbd", "tbc", "hiv", "aids",
    # devices and technology: artificial intelligence ("kecerdasan buatan (AI)")
    "gps", "cctv", "iot", "nfc", "uav", "sms", "ai",
    # meetings, operations, agreements: a central bank's board meeting ("Rapat Dewan
    # Gubernur"), a public hearing ("rapat dengar pendapat umum")
    "ktt", "rdp", "rdpu", "rdg", "rups", "hut", "ott", "mou",
    # classes of things, vehicles, places and regional offices
    "sop", "vip", "vvip", "suv", "mpv", "spbu", "opd", "skpd",
})


def thing_acronym(text: str) -> bool:
    """Whether a one-word span is one of ``THING_ACRONYMS`` written as an acronym ("ASN",
    "PPh", "MoU"): a word in lower case or title case ("Hut") is another word."""
    return text.lower() in THING_ACRONYMS and sum(c.isupper() for c in text) >= 2


# Social platforms. The annotation guidelines leave a platform out when the article names it
# only as the channel of a post ("unggahan Instagram @akun", "lewat akun Twitter-nya"), and
# keep it when it acts ("Twitter menangguhkan akun itu").
PLATFORMS: frozenset[str] = frozenset({
    "instagram", "twitter", "facebook", "youtube", "tiktok", "whatsapp", "telegram", "threads",
    "linkedin", "snapchat",
})

# Words right before a platform that make it the channel of a post, not an actor.
CHANNEL_BEFORE: frozenset[str] = frozenset({
    "di", "lewat", "melalui", "via", "akun", "unggahan", "postingan", "laman", "kanal",
    "cuitan", "grup", "pengguna", "aplikasi", "platform", "sosial", "story", "instastory",
})

# Nouns for a class of products right before a brand or model's name ("mobil sedan Toyota
# Crown", "merek FIN Komodo", "film Angry Birds", "ponsel Samsung"): the name after one names
# the product, and the annotation guidelines make products and brands that are not companies
# no actor. The maker acting elsewhere ("Toyota menarik …") is one.
PRODUCT_NOUNS: frozenset[str] = frozenset({
    "mobil", "sedan", "motor", "sepeda", "truk", "merek", "merk", "ponsel", "smartphone",
    "laptop", "gawai", "varian", "tipe", "film", "lagu", "album", "gim", "minuman",
})
# ... unless one of these names the maker right before the class noun ("produsen mobil Toyota",
# "perusahaan film Disney"): then the name is the company.
MAKER_NOUNS: frozenset[str] = frozenset({
    "produsen", "pabrikan", "perusahaan", "pembuat", "industri", "dealer", "diler",
    "distributor", "rumah", "studio", "label",
})
