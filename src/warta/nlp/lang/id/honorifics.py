"""Indonesian honorifics, academic/religious prefixes and degrees: words around a name that are
not part of it. Used by ``warta.resolve.roles`` to strip them off person spans ("Bapak Joko
Widodo" and "Joko Widodo" are one actor). Lower-cased surface forms, with and without the dot.
"""

from __future__ import annotations

HONORIFICS: frozenset[str] = frozenset({
    "bapak", "bpk", "bpk.", "ibu", "pak", "bu", "saudara", "saudari", "sdr", "sdr.", "sdri",
    "sdri.", "tuan", "nyonya", "nona", "tn.", "ny.", "nn.", "mr", "mr.", "mrs", "mrs.", "ms",
    "ms.", "sir", "mbak", "mas", "bang", "kak", "yth", "yth.", "sang", "almarhum", "almarhumah",
    "alm.", "almh.", "mendiang", "yang", "mulia", "dr", "dr.", "drg.", "prof", "prof.", "ir",
    "ir.", "drs", "drs.", "dra", "dra.", "h", "h.", "hj", "hj.", "haji", "hajjah", "k.h.", "kh",
    "kh.", "kiai", "kyai", "ustaz", "ustad", "ustadz", "habib", "gus", "syekh", "romo", "pastor",
    "pendeta", "bhikkhu", "raden", "rd.", "tengku", "teuku", "andi", "datuk",
})

# Honorifics that are also common given names: stripped only when a longer name follows.
NAME_LIKE: frozenset[str] = frozenset({"andi", "gus", "raden", "teuku", "tengku", "habib"})

# Words that give a person's other name right after their name: "Basuki Tjahaja Purnama alias
# Ahok". "atau" does so only before a popular name led by a form of address ("Saifullah Yusuf
# atau Gus Ipul", "Muhaimin Iskandar atau Cak Imin"); between two plain names it is a choice.
ALIAS_WORDS: frozenset[str] = frozenset({"alias"})
POPULAR_NAME_LEADS: frozenset[str] = frozenset({
    "gus", "cak", "kang", "bung", "mas", "mbak", "bang", "abah", "mbah", "kiai", "kyai", "ning",
})

# Academic degrees written after a name ("Joko Widodo, S.H., M.Si."), lower-cased, and the
# engineering doctorate written before it with "Dr." ("Dr. Eng. Ir. Bimastyaji …", "M.Eng.").
DEGREES: frozenset[str] = frozenset({
    "s.h.", "s.e.", "s.t.", "s.sos.", "s.pd.", "s.kom.", "s.ag.", "s.ked.", "s.psi.", "s.si.",
    "s.ip.", "m.si.", "m.sc.", "m.a.", "m.h.", "m.m.", "m.pd.", "m.kom.", "m.t.", "m.hum.",
    "ph.d.", "phd", "mba", "mba.", "lc.", "sh", "se", "msi", "mm", "mh", "eng", "eng.",
    "m.eng", "m.eng.",
})

# Function words that occur inside names ("Bank of America", "Dewan Perwakilan Rakyat dan ...",
# "Madīnat as Sādāt", "Ahmad bin Salim") but say nothing about a name: Indonesian and foreign.
NAME_FUNCTION_WORDS: frozenset[str] = frozenset({
    "dan", "di", "ke", "dari", "untuk", "yang", "the", "of", "and", "for", "de", "la", "el",
    "du", "der", "van", "von", "bin", "binti", "al", "le", "les", "los", "las", "del", "da",
    "do", "dos", "das", "as", "an", "at", "ad", "ar", "az", "ash",
})

# A Balinese name opens with "I" (a man) or "Ni" (a woman), written as its own word before a
# birth-order name ("Wayan", "Made", "Nyoman", "Ketut" …) or a caste title ("Gusti", "Luh"):
# "I Made Rai Sugiarta", "Ni Luh Putu Ayu". The opener belongs to the name.
BALINESE_NAME_OPENERS: frozenset[str] = frozenset({"I", "Ni"})
BALINESE_BIRTH_NAMES: frozenset[str] = frozenset({
    "wayan", "gede", "putu", "luh", "made", "kadek", "nengah", "nyoman", "komang", "ketut",
    "gusti",
})
