"""Words that mark a place name as the place of an event rather than an actor, as data.

``warta.resolve.actors`` keeps "Beijing" in "perjalanan ke Beijing" / "di Beijing" a location,
while "Beijing menolak" or "dukungan Beijing" is China's government (metonymy). Lower-cased.
"""

from __future__ import annotations

# Prepositions and place nouns right before a place name: the place is a location.
LOCATIVE_BEFORE: frozenset[str] = frozenset({
    "di", "ke", "dari", "menuju", "dekat", "sekitar", "kota", "ibu", "ibukota", "asal",
    "wilayah", "kawasan", "pinggiran", "daerah", "provinsi", "kabupaten", "distrik", "pusat",
    "bandara", "pelabuhan", "jalan", "tiba", "mendarat", "meninggalkan", "mengunjungi",
    "kunjungi", "berkunjung", "melawat", "terbang", "sampai", "hingga",
})

# "dari" after these nouns names a source actor, not an origin place ("dukungan dari Beijing").
SOURCE_NOUNS: frozenset[str] = frozenset({
    "dukungan", "bantuan", "tekanan", "kecaman", "pernyataan", "tanggapan", "ancaman",
    "sanksi", "permintaan", "undangan", "respons", "reaksi", "protes", "kritik", "desakan",
    "peringatan", "jawaban", "balasan", "izin", "restu", "pinjaman", "investasi", "utusan",
    "delegasi", "pejabat", "diplomat",
})

# Parse relations of a place name that make it an agent or addressee when a parser ran.
AGENT_DEPS: frozenset[str] = frozenset({
    "nsubj", "nsubj:pass", "obj", "iobj", "conj", "appos", "nmod:poss", "obl:agent",
})
LOCATIVE_CASES: frozenset[str] = frozenset({"di", "ke", "dari", "menuju", "dekat"})

# A region that is the subject of one of these verbs is described ("Bandung menjadi kota
# termacet"), not acting: ``actor_model.acting_region`` asks for another verb.
LINKING_VERBS: frozenset[str] = frozenset({
    "menjadi", "adalah", "merupakan", "ialah", "yaitu", "yakni",
})
# A place name right after one of these marks qualifies the name before it, an address or a
# route's end ("Dikpora, Kabupaten Dompu, … memastikan", "Tol Jakarta - Cikampek mengalami"),
# whatever the parse says its verb is.
QUALIFYING_MARKS: frozenset[str] = frozenset({",", "-", "–", "—", "/"})

# "… di Kantor DJP, Jakarta, Senin (20/10/2025)": a place followed by a comma and a weekday is
# the venue of a statement.
WEEKDAYS: frozenset[str] = frozenset({
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
})

# "bahasa Inggris", "berbahasa Jepang": a country name after these names a language, not a state.
LANGUAGE_BEFORE: frozenset[str] = frozenset({"bahasa", "berbahasa", "dialek", "aksara"})

# "12 miliar dolar AS", "dolar Singapura", "won Korea Selatan": a country name after a currency
# word names the currency, not the state (economic news writes amounts so all the time).
CURRENCY_BEFORE: frozenset[str] = frozenset({
    "dolar", "dollar", "usd", "yen", "yuan", "renminbi", "won", "ringgit", "peso", "rupee",
    "rupe", "rubel", "rial", "riyal", "lira", "franc", "frank", "pound", "poundsterling",
    "dinar", "baht", "dong", "krona", "krone",
})
