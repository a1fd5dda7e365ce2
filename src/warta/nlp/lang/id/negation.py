"""Indonesian negation cues that cancel the event after them ("tidak menyerang", "batal datang")."""

from __future__ import annotations

NEGATORS = frozenset({
    "tidak", "tak", "tiada", "belum", "bukan", "batal", "gagal", "enggan", "urung", "takkan",
    "jangan", "ogah", "nggak", "gak", "ga", "tdk",
})

# "tidak hanya mengecam" = "not only condemned": the next word lifts the negation
NOT_ONLY = frozenset({"hanya", "cuma", "sekadar", "saja", "sekedar"})

# words that may stand between a negator and its trigger ("tidak akan pernah menyerang")
BRIDGES = frozenset({
    "akan", "pernah", "jadi", "mau", "ingin", "bisa", "dapat", "boleh", "sempat", "lagi",
    "juga", "pula", "segera", "secara", "langsung", "untuk", "mampu", "berhasil", "mencapai",
    "hendak", "bakal", "sedang", "sudah", "telah", "kunjung",
})
