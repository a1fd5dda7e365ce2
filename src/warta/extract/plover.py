"""PLOVER's sixteen event types, in the codebook's order (cooperative first, then conflictual).

One tuple for every place that lists or validates types — the CLI's ``--type`` choices, the
explorer's filter and colour order — so they can never disagree. Import-light on purpose: the
CLI reads it without loading the event extractor.
"""

from __future__ import annotations

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
