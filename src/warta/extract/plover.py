"""PLOVER's sixteen event types, in the codebook's order (cooperative first, then conflictual),
and the modes each may carry.

One tuple for every place that lists or validates types — the CLI's ``--type`` choices, the
explorer's filter and colour order — so they can never disagree. Import-light on purpose: the
CLI reads it without loading the event extractor.
"""

from __future__ import annotations

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# The modes each type may carry: the PLOVER manual's mode tables, plus the modes of PLOVER's
# CAMEO2PLOVER-2021 table for types the manual gives none (ACCUSE) or fewer (THREATEN political,
# SANCTION discontinue, COERCE seize, ASSAULT massacre/cleansing/unconventional). A type with an
# empty tuple takes no mode. warta emits only these; tests hold the lexicon to them.
PLOVER_MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": ("economic", "military", "humanitarian", "asylum"),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "allege", "investigate"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "ban", "arrest", "relations", "expel", "territory", "violence",
                 "political"),
    "PROTEST": ("demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"),
    "SANCTION": ("convict", "cancel", "expel", "withdraw", "sever", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police"),
    "COERCE": ("confiscate", "seize", "restrict", "ban", "censor", "curfew", "martial-law",
               "arrest", "deport", "withhold"),
    "ASSAULT": ("abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy",
                "primitive", "firearms", "explosives", "suicide-attack", "heavy-weapons",
                "massacre", "cleansing", "unconventional"),
}
