"""Invented wire stories for the duplicate tests: an original, its copies, and a different
report on the same flood (same place, people and numbers, other sentences)."""

from __future__ import annotations

LEAD = ("Banjir merendam ratusan rumah di Kabupaten Sukamaju sejak Senin malam setelah hujan "
        "deras mengguyur wilayah itu selama enam jam.")
BODY = [
    "Kepala Badan Penanggulangan Bencana Daerah Sukamaju, Wiryo Hartono, mengatakan air mulai "
    "naik sekitar pukul 21.00 dan mencapai ketinggian satu meter di Desa Cikaret.",
    "“Kami sudah mengevakuasi 412 warga ke balai desa dan dua sekolah,” kata Wiryo kepada "
    "wartawan di posko pengungsian, Selasa pagi.",
    "Menurut dia, tanggul Sungai Cibeureum jebol sepanjang dua puluh meter sehingga air meluap "
    "ke permukiman di tiga kecamatan.",
    "Dinas Sosial menyalurkan beras, selimut, dan obat-obatan ke lokasi pengungsian, sementara "
    "petugas kesehatan membuka pos layanan bagi anak-anak dan lansia.",
    "Bupati Sukamaju Ratna Dewi meninjau lokasi banjir dan meminta dinas pekerjaan umum segera "
    "memperbaiki tanggul yang rusak sebelum musim hujan mencapai puncaknya.",
    "Warga berharap pemerintah membangun kolam retensi agar banjir tidak terulang setiap tahun "
    "di kawasan yang padat penduduk itu.",
]
TAIL = "Hingga Selasa siang, hujan ringan masih turun dan sebagian warga belum bisa pulang."

ORIGINAL = "\n\n".join([LEAD, *BODY, TAIL])
# The same story re-published: spacing, case and a scraping leftover differ, nothing else.
EXACT_COPY = ORIGINAL.upper().replace("\n\n", "\n\nADVERTISEMENT\n\n", 1).replace(". ", ".  ")
# A wire copy with the outlet's own lead and tail.
NEAR_COPY = "\n\n".join([
    "SUKAMAJU — Ratusan rumah warga di Kabupaten Sukamaju terendam banjir sejak Senin malam "
    "akibat hujan deras yang turun berjam-jam.", *BODY,
    "Baca berita selengkapnya dan ikuti perkembangan banjir Sukamaju di kanal daerah kami."])
# Another report of the same flood: the same facts and names, written anew.
SAME_TOPIC = "\n\n".join([
    "Tanggul Sungai Cibeureum di Kabupaten Sukamaju jebol pada Senin malam dan membuat tiga "
    "kecamatan tergenang air setinggi satu meter.",
    "Wiryo Hartono dari BPBD Sukamaju menyebut 412 warga Desa Cikaret kini tinggal di balai desa "
    "dan dua gedung sekolah yang dijadikan tempat pengungsian sementara.",
    "Bupati Ratna Dewi datang ke posko pada Selasa pagi, membagikan bantuan, dan berjanji "
    "memperbaiki tanggul dalam dua pekan.",
    "Sejumlah warga mengeluhkan banjir yang datang hampir setiap tahun dan meminta solusi "
    "permanen, termasuk kolam retensi dan normalisasi sungai.",
    "Petugas kesehatan mencatat belasan anak mengalami demam dan diare di lokasi pengungsian.",
])
