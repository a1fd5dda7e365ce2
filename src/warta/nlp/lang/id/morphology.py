"""Indonesian affixes as surface strings: verb prefixes and enclitics. Lower-cased."""

from __future__ import annotations

# meN-, ber-, di-, ter- verbs: "menyerang", "bertemu", "diserang", "terjadi"
VERB_PREFIXES: tuple[str, ...] = ("me", "ber", "di", "ter")
# the nasal forms of meN- spelled out ("mem-", "men-", "meng-", "meny-")
NASAL_PREFIXES: tuple[str, ...] = ("mem", "men", "meng", "meny")
VERB_PREFIXES_NASAL: tuple[str, ...] = VERB_PREFIXES + NASAL_PREFIXES
# the voice a verb prefix gives when no lexicon form is known: di-/ter- passive, ber-
# intransitive, meN- active ("diinterogasi", "terjerat", "berkoordinasi", "menggeledah")
PREFIX_VOICES: tuple[tuple[str, str], ...] = (
    ("di", "passive"), ("ter", "passive"), ("ber", "intrans"), ("me", "active"))
# prefixes that lose their "r" before a stem in "r": "ber" + "runding" → "berunding"
R_PREFIXES: tuple[str, ...] = ("ber", "ter", "per")

# Enclitics, in the order a word is tried without them ("kerugiannya" → "kerugian").
ENCLITICS: tuple[str, ...] = ("nya", "lah", "kah", "pun", "ku", "mu")
