"""PLOVER's sixteen event types, in the codebook's order (cooperative first, then conflictual),
and the modes each may carry.

One tuple for every place that lists or validates types — the event extractor, the CLI's
``--type`` choices, the explorer's filter and colour order, the GDELT export — so they can never
disagree. A vocabulary, not a stage: it sits in the lowest layer (docs/ARCHITECTURE.md), so the
store side (CLI, explorer, exports) reads it without importing the NLP stages.
"""

from __future__ import annotations

# GDELT's QuadClass of each CAMEO root code (GDELT event codebook): 01-05 verbal cooperation,
# 06-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict.
VERBAL_COOPERATION, MATERIAL_COOPERATION, VERBAL_CONFLICT, MATERIAL_CONFLICT = 1, 2, 3, 4
_QUAD_BY_ROOT: dict[int, int] = {
    **dict.fromkeys(range(1, 6), VERBAL_COOPERATION),
    **dict.fromkeys(range(6, 9), MATERIAL_COOPERATION),
    **dict.fromkeys(range(9, 14), VERBAL_CONFLICT),
    **dict.fromkeys(range(14, 21), MATERIAL_CONFLICT),
}

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

# The CAMEO root code a type is coded with when nothing finer is known (a trigger the trained
# model proposes outside the lexicon): the root the most lexicon entries of the type carry.
TYPE_CAMEO: dict[str, str] = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "CONCEDE": "080", "COOPERATE": "060",
    "AID": "070", "RETREAT": "080", "REQUEST": "020", "ACCUSE": "110", "REJECT": "120",
    "THREATEN": "130", "PROTEST": "140", "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170",
    "ASSAULT": "180",
}

# What an appeal, a demand or a refusal is about gives it its mode and CAMEO code: the act asked
# for or refused (its PLOVER type and mode; None matches any mode) → (mode, code of an appeal (02),
# of a demand (10), of a rejection (12)). The demand and rejection codes are CAMEO2PLOVER-2021
# rows with that mode; appeals are coded REQUEST although PLOVER drops them (see
# data/events/plover_deviations.tsv). "menuntut Israel menarik pasukannya" → REQUEST/yield, 1056.
ASKED_FOR: dict[tuple[str, str | None], tuple[str, str, str, str]] = {
    ("RETREAT", "release"): ("yield", "025", "1053", "1243"),
    ("RETREAT", "return"): ("yield", "025", "1053", "1243"),
    ("RETREAT", "withdraw"): ("yield", "025", "1056", "1246"),
    ("RETREAT", "ceasefire"): ("yield", "025", "1056", "1246"),
    ("RETREAT", "disarm"): ("yield", "025", "1056", "1246"),
    ("RETREAT", "access"): ("yield", "025", "1055", "1245"),
    ("RETREAT", None): ("yield", "025", "1054", "1244"),  # lifting sanctions (085)
    ("RETREAT", "resign"): ("change", "024", "1041", "1231"),
    ("CONCEDE", None): ("change", "024", "104", "123"),
    ("CONSULT", None): ("meet", "026", "106", "125"),
    ("AID", None): ("assist", "023", "103", "122"),
    ("COOPERATE", None): ("assist", "021", "101", "121"),
}


def quad_class(cameo: str | None) -> int | None:
    """GDELT's QuadClass of a CAMEO code, by its root (the first two digits); None without one.

    QuadClass is defined by the root, so an appeal to yield (025) is verbal cooperation while a
    demand to yield (1056) is verbal conflict, though both are PLOVER's REQUEST/yield.
    """
    root = cameo[:2] if cameo else ""
    return _QUAD_BY_ROOT.get(int(root)) if root.isdigit() else None
