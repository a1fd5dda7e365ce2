"""Words before a name that show it is a person's, as data (``warta.resolve.actor_model``).

News writes suspects, victims and witnesses by their initials after these words ("tersangka
berinisial AS", "pelaku LM"): the letters are a person's even when they spell a country's or a
body's short name.
"""

from __future__ import annotations

PERSON_CUES: frozenset[str] = frozenset({
    "berinisial", "inisial", "inisialnya", "tersangka", "pelaku", "korban", "terdakwa",
    "terpidana", "terlapor", "pelapor", "saksi", "pria", "wanita", "perempuan", "bocah",
    "remaja", "warga", "almarhum", "almarhumah",
})
