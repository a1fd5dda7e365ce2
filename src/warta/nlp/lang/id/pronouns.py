"""Indonesian third-person pronouns that point back to a person already named in the article.

``warta.resolve.coref`` links them to the most recent salient person. Lower-cased.
"""

from __future__ import annotations

# Free pronouns: "Ia mengatakan ...", "kata dia", "beliau menegaskan".
PERSON_PRONOUNS: frozenset[str] = frozenset({"ia", "dia", "beliau", "dirinya"})

# The enclitic, split off by warta's tokenizer ("ujar" + "nya") or still attached.
CLITIC = "nya"

# Hosts whose "-nya" is the speaker or agent ("ujarnya", "katanya", "menurutnya"), not a
# possessive ("rumahnya"). Only these make a pronoun mention: possessive -nya is left alone.
CLITIC_HOSTS: frozenset[str] = frozenset({
    "kata", "ujar", "ucap", "ungkap", "jelas", "tutur", "tegas", "imbuh", "tambah", "papar",
    "terang", "sebut", "lanjut", "pungkas", "tandas", "tukas", "seru", "timpal", "sambung",
    "kilah", "aku", "klaim", "tanya", "bilang", "urai", "beber", "cetus", "jawab", "tulis",
    "pesan", "harap", "pinta", "ajak", "sahut", "bantah", "keluh", "canda", "desak", "nilai",
    "tutup", "simpul", "kisah", "cerita", "menurut", "sambil", "kepada", "oleh", "dari",
})

# Role-noun mentions introduced by these determiners refer back ("sang presiden", "menteri itu").
ROLE_DETERMINERS_BEFORE: frozenset[str] = frozenset({"sang", "para"})
ROLE_DETERMINERS_AFTER: frozenset[str] = frozenset({"itu", "tersebut", "ini"})
