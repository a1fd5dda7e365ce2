"""Indonesian interjections: capitalised at the start of quoted speech, never a name."""

from __future__ import annotations

# Religious exclamations quoted speech opens with.
EXCLAMATIONS = frozenset({
    "alhamdulillah", "insyaallah", "insya allah", "astagfirullah", "astaghfirullah",
    "masyaallah", "masya allah", "subhanallah", "bismillah", "assalamualaikum", "wallahualam",
    "innalillahi", "naudzubillah", "inshaallah",
})

# Words that open an exhortation ("Mari kita …", "Ayo kita …").
HORTATIVES = frozenset({"mari", "marilah", "ayo", "ayolah", "yuk"})
