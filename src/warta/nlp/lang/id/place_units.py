"""Indonesian administrative units and place nouns: the words before a place's name ("Desa
Cemagi", "Kabupaten Bogor", "Jalan Sudirman"). Lower-cased; abbreviations with and without
the dot as news writes them. Every set below is built from the classes at the top.
"""

from __future__ import annotations

# The administrative units, highest first: province, regency and city, district, urban and
# rural village, hamlet.
REGION_UNITS = frozenset({"provinsi", "kabupaten", "kota"})
LOCAL_UNITS = frozenset({"kecamatan", "kelurahan", "desa", "dusun"})
ADMIN_UNITS = REGION_UNITS | LOCAL_UNITS
# Units with regional names: Aceh's and West Sumatra's villages, Yogyakarta's districts and
# villages, Papua's districts, Bali's and the old hamlets.
CUSTOMARY_UNITS = frozenset({"nagari", "gampong", "kapanewon", "kalurahan"})
OTHER_UNITS = frozenset({"distrik", "kampung", "banjar"})

# An electoral district ("Dapil Jawa Barat III"): a constituency of regions, never a person.
ELECTORAL_DISTRICTS = frozenset({"dapil"})

STREETS = frozenset({"jalan", "jl", "jl.", "jln", "gang"})
GEOGRAPHY = frozenset({"pulau", "gunung", "sungai", "danau", "selat", "teluk", "tanjung"})
TRANSPORT = frozenset({"bandara", "pelabuhan", "stasiun", "terminal"})

# Units only Indonesia has: a place so named is in Indonesia even when the gazetteer does not
# know it ("Desa Lebanisuko", "Kecamatan Genuk"). "Kota" and "Provinsi" are not here: news
# writes them of foreign places too ("Kota Gaza", "Provinsi Guangdong").
INDONESIAN_UNITS = (
    (ADMIN_UNITS - {"kota", "provinsi"}) | CUSTOMARY_UNITS | {"kab.", "kec.", "kel."}
)

# Heads the gazetteer strips to look up the name after them ("Kota Bandung", "Kab. Bogor").
ADMIN_PREFIXES = REGION_UNITS | {"kab.", "kab", "prov.", "pulau"}

# Administrative units and place nouns whose capitalised name follows them: the name after one
# of these is a place, even a person's name.
PLACE_UNIT_WORDS = (
    ADMIN_UNITS | (CUSTOMARY_UNITS - {"kapanewon", "kalurahan"}) | OTHER_UNITS
    | (STREETS - {"jln"}) | GEOGRAPHY | TRANSPORT
)

# Places and institutions named after a person: "Jalan Jenderal Sudirman", "Universitas
# Jenderal Soedirman", "Bandara Internasional Jenderal Ahmad Yani", "KRI Usman Harun".
NAMED_AFTER = (STREETS - {"jl.", "gang"}) | {"bandara", "pelabuhan"} | frozenset({
    "universitas", "internasional", "gedung", "stadion", "museum", "rumah", "sakit", "rs",
    "rsud", "rspad", "taman", "lapangan", "yayasan", "sekolah", "akademi", "institut",
    "monumen", "kapal", "km", "kri",
})
