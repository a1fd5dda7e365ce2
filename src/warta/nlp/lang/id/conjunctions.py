"""Indonesian conjunctions and list joiners, by what the rules do with them. Lower-cased."""

from __future__ import annotations

AND = frozenset({"dan", "serta"})
OR = frozenset({"atau"})
# "dari Jakarta hingga Surabaya": the end of a range, also a clause opener ("hingga kini")
RANGE = frozenset({"hingga", "sampai"})
# "sejak X hingga Y": clause openers that begin a time span and so do not end an argument
SPAN_OPENERS = frozenset({"sejak"}) | RANGE

# coordinated arguments of an event ("Rusia dan Tiongkok", "AS & Inggris")
COORDINATORS = AND | {"&"}
# "Jakarta, Bandung dan Bogor": a list of names, with its comma
LIST_SEPARATORS = AND | OR | {","}
# "di Timika, Merauke hingga Manokwari": a list of places, also as a range or with a slash
LIST_JOINERS = LIST_SEPARATORS | RANGE | {"/"}

# a new clause with its own subject starts after these ("..., tapi mayoritas menolak")
CONTRASTIVE = frozenset({
    "bahwa", "tetapi", "tapi", "namun", "sedangkan", "sementara", "padahal", "melainkan",
})
# the next clause keeps the subject: "X tiba di Beijing lalu bertemu Y"
SEQUENCE = frozenset({"lalu", "kemudian", "lantas"})
SAME_SUBJECT = AND | SEQUENCE | {"sebelum", "sesudah", "setelah"}

# clause words between an event's trigger and a candidate party that the party model reads as
# features ("X, yang ..., menolak"; "karena", "untuk", "agar" start a subordinate clause)
PARTY_CLAUSE_WORDS = frozenset({"yang", "bahwa", "dan", "tetapi", "namun", "karena", "untuk",
                                "agar"})
