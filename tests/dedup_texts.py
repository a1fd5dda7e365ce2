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

# The original re-edited by another desk: every sentence reworded, the quote kept word for word.
# Its 5-word shingles overlap the original's far below [dedup] threshold.
REEDITED = "\n\n".join([
    "Ratusan rumah di Kabupaten Sukamaju terendam banjir sejak Senin malam setelah hujan deras "
    "mengguyur daerah itu enam jam lamanya.",
    "Menurut Kepala Badan Penanggulangan Bencana Daerah Sukamaju Wiryo Hartono, air mulai naik "
    "kira-kira pukul 21.00 hingga setinggi satu meter di Desa Cikaret.",
    "“Kami sudah mengevakuasi 412 warga ke balai desa dan dua sekolah,” ujar Wiryo di posko "
    "pengungsian pada Selasa pagi.",
    "Ia menyebut tanggul Sungai Cibeureum jebol sepanjang dua puluh meter, membuat air meluap ke "
    "permukiman di tiga kecamatan.",
    "Beras, selimut, dan obat-obatan sudah disalurkan Dinas Sosial ke lokasi pengungsian, dan "
    "petugas kesehatan membuka pos layanan untuk anak-anak serta lansia.",
    "Saat meninjau lokasi banjir, Bupati Sukamaju Ratna Dewi meminta dinas pekerjaan umum "
    "memperbaiki tanggul yang rusak sebelum puncak musim hujan.",
    "Warga meminta pemerintah membangun kolam retensi supaya banjir tidak terulang tiap tahun di "
    "kawasan padat penduduk itu.",
    "Sampai Selasa siang hujan ringan masih turun, dan sebagian warga belum bisa kembali ke rumah.",
])

# Two outlets at one press conference: the same three quotes, word for word, each report's own
# sentences around them. Another write-up, not a copy.
_QUOTES = [
    "“Stok beras di gudang kami cukup untuk empat bulan ke depan,” kata Kepala Bulog Sukamaju "
    "Hendra Saputra.",
    "“Harga di pasar akan turun paling lambat dua minggu lagi setelah operasi pasar dimulai,” "
    "ujar Hendra.",
    "“Kami minta pedagang tidak menimbun karena petugas akan memeriksa setiap gudang,” "
    "tegasnya.",
]
PRESS_A = "\n\n".join([
    "Bulog Sukamaju memastikan pasokan beras aman menjelang akhir tahun meski harga di pasar "
    "tradisional naik sejak awal bulan.", _QUOTES[0],
    "Dalam jumpa pers di kantornya pada Rabu siang, Hendra menjelaskan operasi pasar akan "
    "digelar di sebelas kecamatan mulai pekan depan.", _QUOTES[1],
    "Menurut catatan dinas perdagangan, harga beras medium kini mencapai Rp 14.500 per "
    "kilogram, naik hampir sepuluh persen.", _QUOTES[2],
    "Pedagang di Pasar Baru mengaku pembeli mulai mengurangi belanja mereka sejak harga naik.",
])
PRESS_B = "\n\n".join([
    "Pemerintah daerah bersama Bulog menyiapkan operasi pasar untuk meredam lonjakan harga "
    "beras yang dikeluhkan ibu rumah tangga di Sukamaju.", _QUOTES[0],
    "Gudang Bulog di Jalan Veteran saat ini menyimpan lebih dari delapan ribu ton beras hasil "
    "serapan panen petani setempat.", _QUOTES[1],
    "Satgas pangan kepolisian juga dilibatkan untuk mengawasi distribusi dari penggilingan ke "
    "pengecer.", _QUOTES[2],
    "Sejumlah warga berharap operasi pasar tidak hanya digelar di pusat kota tetapi juga di desa "
    "terpencil.",
])

# Two daily forecasts written from one template: the same sentence frames, another city, day,
# date and figures. Two reports, not a copy of one another.
WEATHER_SUKAMAJU = "\n\n".join([
    "Bagaimana prakiraan cuaca Kota Sukamaju hari ini, Rabu, 22 Oktober 2025? Berdasarkan data "
    "Stasiun Meteorologi Sukamaju, langit pagi diperkirakan cerah berawan di sebagian besar "
    "wilayah.",
    "Pada siang hari, hujan ringan berpotensi turun di Kecamatan Cikaret dan Kecamatan Babakan "
    "dengan suhu udara antara 24 hingga 31 derajat Celsius.",
    "Pada malam hari, hujan dengan intensitas sedang diperkirakan mengguyur Kecamatan Cikaret, "
    "sementara wilayah lainnya berawan.",
    "Kelembapan udara berkisar 70 sampai 90 persen dan angin bertiup dari arah barat dengan "
    "kecepatan 10 kilometer per jam.",
    "Warga diimbau membawa payung atau jas hujan bila beraktivitas di luar ruangan pada siang "
    "dan sore hari.",
])
WEATHER_MEKARSARI = "\n\n".join([
    "Bagaimana prakiraan cuaca Kota Mekarsari besok, Kamis, 23 Oktober 2025? Berdasarkan data "
    "Stasiun Meteorologi Mekarsari, langit pagi diperkirakan cerah berawan di sebagian besar "
    "wilayah.",
    "Pada siang hari, hujan ringan berpotensi turun di Kecamatan Sindang dan Kecamatan Pasirluhur "
    "dengan suhu udara antara 22 hingga 29 derajat Celsius.",
    "Pada malam hari, hujan dengan intensitas sedang diperkirakan mengguyur Kecamatan Sindang, "
    "sementara wilayah lainnya berawan.",
    "Kelembapan udara berkisar 65 sampai 95 persen dan angin bertiup dari arah timur dengan "
    "kecepatan 15 kilometer per jam.",
    "Warga diimbau membawa payung atau jas hujan bila beraktivitas di luar ruangan pada siang "
    "dan sore hari.",
])
# The Sukamaju forecast lightly edited by another desk: a few words changed in four of its five
# sentences, the year of the date dropped, the same places and figures.
WEATHER_SUKAMAJU_EDITED = "\n\n".join([
    "Seperti apa prakiraan cuaca Kota Sukamaju hari ini, Rabu, 22 Oktober? Menurut data "
    "Stasiun Meteorologi Sukamaju, langit pagi diperkirakan cerah berawan di sebagian besar "
    "wilayah.",
    "Siang hari, hujan ringan berpotensi turun di Kecamatan Cikaret dan Kecamatan Babakan "
    "dengan suhu antara 24 hingga 31 derajat Celsius.",
    "Malam harinya, hujan dengan intensitas sedang diperkirakan mengguyur Kecamatan Cikaret, "
    "sedangkan wilayah lainnya berawan.",
    "Kelembapan udara berkisar 70 sampai 90 persen, angin bertiup dari arah barat dengan "
    "kecepatan 10 kilometer per jam.",
    "Warga diimbau membawa payung atau jas hujan bila beraktivitas di luar ruangan pada siang "
    "dan sore hari.",
])

# The Bulog press conference re-edited by another desk: its four quotes kept word for word, the
# narration around them written anew (only the quotes' sentences align: half the sentences).
_BULOG_QUOTES = [
    *_QUOTES,
    "“Operasi pasar akan kami gelar setiap hari sampai harga kembali normal,” kata Hendra.",
]
BULOG = "\n\n".join([
    "Bulog Sukamaju memastikan pasokan beras aman menjelang akhir tahun meski harga di pasar "
    "tradisional naik sejak awal bulan.", _BULOG_QUOTES[0],
    "Dalam jumpa pers di kantornya pada Rabu siang, Hendra menjelaskan operasi pasar akan "
    "digelar di sebelas kecamatan mulai pekan depan.", _BULOG_QUOTES[1],
    "Menurut catatan dinas perdagangan, harga beras medium kini mencapai Rp 14.500 per "
    "kilogram, naik hampir sepuluh persen.", _BULOG_QUOTES[2],
    "Pedagang di Pasar Baru mengaku pembeli mulai mengurangi belanja mereka sejak harga naik.",
    _BULOG_QUOTES[3],
])
BULOG_REWRITTEN = "\n\n".join([
    "Kepala Bulog Sukamaju Hendra Saputra menjamin persediaan beras tetap aman hingga tutup "
    "tahun walaupun harganya terus merangkak.", _BULOG_QUOTES[0],
    "Hal itu disampaikannya di hadapan wartawan, Rabu siang, sambil memaparkan rencana operasi "
    "pasar di sebelas kecamatan.", _BULOG_QUOTES[1],
    "Data dinas perdagangan mencatat beras medium sudah dijual Rp 14.500 sekilo atau hampir "
    "sepuluh persen lebih mahal.", _BULOG_QUOTES[2],
    "Sejak kenaikan itu, kata para pedagang Pasar Baru, pembeli mulai berhemat.",
    _BULOG_QUOTES[3],
])

# The original rewritten by another desk sentence by sentence: most words changed ("merendam"
# becomes "terendam", "mengatakan" becomes "ujar", clauses moved), few sentences keep half their
# words, the quote kept word for word, every sentence in its place with its names and numbers.
PARAPHRASED = "\n\n".join([
    "Sejak Senin malam, ratusan rumah warga Kabupaten Sukamaju terendam banjir menyusul hujan "
    "lebat yang mengguyur kawasan tersebut enam jam lamanya.",
    "Air mulai naik kira-kira pukul 21.00 hingga setinggi satu meter di Desa Cikaret, ujar "
    "Kepala BPBD Sukamaju Wiryo Hartono.",
    "“Kami sudah mengevakuasi 412 warga ke balai desa dan dua sekolah,” ujarnya saat ditemui di "
    "posko pengungsian pada Selasa pagi.",
    "Ia menjelaskan, jebolnya tanggul Sungai Cibeureum sepanjang dua puluh meter membuat luapan "
    "air menggenangi permukiman di tiga kecamatan.",
    "Bantuan berupa beras, selimut, serta obat-obatan telah dikirim Dinas Sosial ke pengungsian, "
    "dan tenaga kesehatan menyiapkan pos pelayanan untuk anak-anak dan warga lanjut usia.",
    "Ketika meninjau banjir, Bupati Sukamaju Ratna Dewi menginstruksikan dinas pekerjaan umum "
    "agar secepatnya membenahi tanggul yang rusak sebelum puncak musim hujan tiba.",
    "Para warga meminta pemerintah segera membuat kolam retensi supaya banjir tahunan tidak lagi "
    "melanda kawasan padat penduduk tersebut.",
    "Sampai Selasa siang hujan ringan masih mengguyur, sehingga sebagian pengungsi belum dapat "
    "kembali ke rumahnya.",
])
# Another outlet's own report of the same flood: the same people, places and numbers, the same
# quote word for word, its own sentences in its own order.
SAME_EVENT = "\n\n".join([
    "Tanggul Sungai Cibeureum di Kabupaten Sukamaju jebol sepanjang dua puluh meter pada Senin "
    "malam dan air meluap ke tiga kecamatan.",
    "“Kami sudah mengevakuasi 412 warga ke balai desa dan dua sekolah,” kata Kepala BPBD "
    "Sukamaju Wiryo Hartono.",
    "Ketinggian air di Desa Cikaret sempat mencapai satu meter pada pukul 21.00.",
    "Bupati Sukamaju Ratna Dewi berjanji tanggul yang rusak diperbaiki dalam dua pekan.",
    "Sejumlah pengungsi di balai desa mengeluhkan kurangnya air bersih dan selimut.",
    "Warga meminta pemerintah membangun kolam retensi agar banjir tidak datang setiap tahun.",
    "Petugas kesehatan mencatat belasan anak mengalami demam di lokasi pengungsian.",
])
