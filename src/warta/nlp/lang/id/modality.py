"""Indonesian modality cues: planned (future) and conditional, possible or obligatory
(hypothetical) events.

A cue governs the triggers after it in the same clause: "Putin dan Xi akan ... bertukar pandangan"
makes the exchange planned, not reported.
"""

from __future__ import annotations

FUTURE = frozenset({
    "akan", "hendak", "berencana", "merencanakan", "direncanakan", "dijadwalkan", "terjadwal",
    "bakal", "segera", "berniat", "bermaksud", "rencananya", "mendatang", "takkan",
})

HYPOTHETICAL = frozenset({
    "jika", "bila", "apabila", "kalau", "seandainya", "andaikan", "andai", "jikalau",
    "mungkin", "kemungkinan", "barangkali", "bisa", "dapat", "boleh", "bisa-bisa",
    "berpotensi", "diperkirakan", "dikhawatirkan", "seolah",
    # obligation and advice: what someone must or should do has not happened
    "harus", "mesti", "wajib", "perlu", "seharusnya", "semestinya", "sebaiknya", "hendaknya",
})

# conditional subordinators open a hypothetical scope for the whole clause they introduce
CONDITIONAL = frozenset({"jika", "bila", "apabila", "kalau", "seandainya", "andaikan", "jikalau"})

# past markers: an event under them happened before the report
HISTORICAL = frozenset({"pernah", "dahulu", "dulu", "silam"})
