"""A small, schema-valid store for the explorer and export tests (self-written Indonesian text).

Offsets are computed with ``str.find`` on the text, so the records stay consistent when a
sentence is edited. One hostile article carries HTML/script payloads in its title, text and
quote: the explorer must show them as text. Loaded by path from tests/serve and tests/export.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from warta.record import SCHEMA_ID, article_id, validate

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

ACTORS: dict[str, dict[str, Any]] = {
    "person:joko-widodo": {"name": "Joko Widodo", "type": "PERSON", "country": "IDN",
                           "roles": ["Presiden"], "aliases": ["Jokowi"], "kb": None},
    "person:anwar-ibrahim": {"name": "Anwar Ibrahim", "type": "PERSON", "country": "MYS",
                             "roles": ["Perdana Menteri"], "aliases": [], "kb": None},
    "gpe:IDN": {"name": "Indonesia", "type": "GPE", "country": "IDN", "roles": [],
                "aliases": ["RI"], "kb": "IDN"},
    "gpe:MYS": {"name": "Malaysia", "type": "GPE", "country": "MYS", "roles": [],
                "aliases": [], "kb": "MYS"},
    "org:kpk": {"name": "Komisi Pemberantasan Korupsi", "type": "ORG", "country": "IDN",
                "roles": [], "aliases": ["KPK"], "kb": None},
    "person:budi-santoso": {"name": "Budi Santoso", "type": "PERSON", "country": "IDN",
                            "roles": ["Bupati"], "aliases": [], "kb": None},
    "org:bem-ui": {"name": "BEM UI", "type": "ORG", "country": "IDN", "roles": [],
                   "aliases": [], "kb": None},
    "org:dpr": {"name": "Dewan Perwakilan Rakyat", "type": "ORG", "country": "IDN",
                "roles": [], "aliases": ["DPR"], "kb": None},
}

PLACES = {
    "Jakarta": {"name": "Jakarta", "country": "IDN", "kb": "1642911", "lat": -6.2146,
                "lon": 106.8451},
    "Kuala Lumpur": {"name": "Kuala Lumpur", "country": "MYS", "kb": "1735161", "lat": 3.1412,
                     "lon": 101.6865},
}


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _entity(text: str, needle: str, label: str, actor: str | None, nth: int = 0) -> dict:
    start, end = _at(text, needle, nth)
    return {"text": needle, "label": label, "start": start, "end": end, "actor": actor}


def _quote(text: str, needle: str, speaker: str | None, speaker_text: str | None,
           cue: str | None, date: str | None) -> dict:
    start, end = _at(text, needle)
    return {"text": needle, "start": start, "end": end, "kind": "direct", "speaker": speaker,
            "speaker_text": speaker_text, "cue": cue, "addressee": None, "date": date}


def _event(text: str, trigger: str, sentence: str, **fields: Any) -> dict:
    t_start, t_end = _at(text, trigger)
    s_start, s_end = _at(text, sentence)
    place = fields.pop("place", None)
    location = None
    if place is not None:
        p_start, p_end = _at(text, place)
        location = {**PLACES[place], "start": p_start, "end": p_end}
    base = {"mode": None, "cameo": None, "source": None, "target": None, "date": None,
            "negated": False, "modality": "asserted", "goldstein": None, "quad_class": None}
    return {**base, **fields, "location": location, "start": s_start, "end": s_end,
            "trigger": trigger, "evidence": [[t_start, t_end]]}


def _sentences(text: str) -> list[list[int]]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] in " \n"):
            out.append([start, i + 1])
            start = i + 2
    if start < len(text):
        out.append([start, len(text)])
    return out


def _record(*, title: str, text: str, published: str | None, url: str | None, language: str,
            site: str | None, authors: list[str], entities: list[dict], quotes: list[dict],
            events: list[dict], dates: list[dict], tone: dict | None) -> dict[str, Any]:
    actor_ids = sorted({e["actor"] for e in entities if e["actor"]}
                       | {q["speaker"] for q in quotes if q["speaker"]}
                       | {e[k] for e in events for k in ("source", "target") if e[k]})
    record = {
        "schema": SCHEMA_ID,
        "id": article_id(title, text),
        "source": {"path": "fixture.jsonl", "url": url, "format": "jsonl", "site_name": site,
                   "record": None},
        "title": title, "text": text, "language": language, "published": published,
        "byline": {"authors": authors, "agencies": ["Antara"] if site else []},
        "dateline": {"place": "JAKARTA", "source": site} if site else None,
        "sentences": _sentences(text),
        "entities": sorted(entities, key=lambda e: (e["start"], e["end"])),
        "actors": [{"id": i, **ACTORS[i]} for i in actor_ids],
        "quotes": quotes, "events": events, "dates": dates, "tone": tone,
        "stages": [{"name": "fixture", "version": "1", "status": "ok"}],
    }
    validate(record)
    return record


def _visit() -> dict[str, Any]:
    text = ("JAKARTA - Presiden Joko Widodo menerima Perdana Menteri Malaysia Anwar Ibrahim di "
            "Istana Merdeka, Jakarta, pada 16 April 2024. Kedua pemimpin sepakat memperkuat "
            "kerja sama perbatasan antara Indonesia dan Malaysia. “Kami sepakat mempercepat "
            "perundingan batas laut,” kata Joko Widodo. Anwar Ibrahim mengundang Jokowi ke "
            "Kuala Lumpur bulan depan.")
    entities = [
        _entity(text, "Joko Widodo", "PERSON", "person:joko-widodo"),
        _entity(text, "Presiden", "ROLE", "person:joko-widodo"),
        _entity(text, "Anwar Ibrahim", "PERSON", "person:anwar-ibrahim"),
        _entity(text, "Malaysia", "GPE", "gpe:MYS"),
        _entity(text, "Jakarta", "GPE", None, nth=0),
        _entity(text, "Indonesia", "GPE", "gpe:IDN"),
        _entity(text, "Malaysia", "GPE", "gpe:MYS", nth=1),
        _entity(text, "Joko Widodo", "PERSON", "person:joko-widodo", nth=1),
        _entity(text, "Anwar Ibrahim", "PERSON", "person:anwar-ibrahim", nth=1),
        _entity(text, "Jokowi", "PERSON", "person:joko-widodo"),
        _entity(text, "Kuala Lumpur", "GPE", None),
    ]
    quotes = [_quote(text, "Kami sepakat mempercepat perundingan batas laut",
                     "person:joko-widodo", "Joko Widodo", "kata", "2024-04-16")]
    events = [
        _event(text, "menerima", "Presiden Joko Widodo menerima", type="CONSULT", mode="visit",
               cameo="043", source="person:anwar-ibrahim", target="person:joko-widodo",
               date="2024-04-16", place="Jakarta", goldstein=1.9, quad_class=1),
        _event(text, "sepakat memperkuat", "Kedua pemimpin sepakat", type="AGREE", cameo="030",
               source="gpe:IDN", target="gpe:MYS", date="2024-04-16", goldstein=4.0,
               quad_class=1),
        _event(text, "mengundang", "Anwar Ibrahim mengundang", type="AGREE", cameo="036",
               source="person:anwar-ibrahim", target="person:joko-widodo", date="2024-05",
               place="Kuala Lumpur", modality="future", goldstein=4.0, quad_class=1),
    ]
    d_start, d_end = _at(text, "16 April 2024")
    dates = [{"text": "16 April 2024", "start": d_start, "end": d_end, "value": "2024-04-16"}]
    return _record(title="Jokowi terima Anwar Ibrahim, bahas perbatasan", text=text,
                   published="2024-04-16T10:00:00+07:00",
                   url="https://berita.example/2024/04/16/kunjungan", language="id",
                   site="Berita Contoh", authors=["Siti Rahma"], entities=entities,
                   quotes=quotes, events=events, dates=dates,
                   tone={"score": 1.5, "positive": 3.0, "negative": 1.5, "polarity": 4.5,
                         "word_count": 52})


def _arrest(number: int | None = None, *, event_date: str = "2024-04-17") -> dict[str, Any]:
    prefix = "" if number is None else f"Laporan nomor {number}. "
    text = (f"{prefix}Komisi Pemberantasan Korupsi (KPK) menahan Bupati Budi Santoso di Jakarta "
            "pada 17 April 2024. KPK menuduh Budi Santoso menerima suap proyek jalan. “Kami "
            "punya bukti yang cukup,” ujar juru bicara KPK.")
    entities = [
        _entity(text, "Komisi Pemberantasan Korupsi", "ORG", "org:kpk"),
        _entity(text, "KPK", "ORG", "org:kpk"),
        _entity(text, "Bupati", "ROLE", "person:budi-santoso"),
        _entity(text, "Budi Santoso", "PERSON", "person:budi-santoso"),
        _entity(text, "Jakarta", "GPE", None),
        _entity(text, "KPK", "ORG", "org:kpk", nth=1),
        _entity(text, "Budi Santoso", "PERSON", "person:budi-santoso", nth=1),
        _entity(text, "KPK", "ORG", "org:kpk", nth=2),
    ]
    quotes = [_quote(text, "Kami punya bukti yang cukup", "org:kpk", "juru bicara KPK", "ujar",
                     "2024-04-17")]
    events = [
        _event(text, "menahan", "Komisi Pemberantasan Korupsi (KPK) menahan", type="COERCE",
               mode="arrest", cameo="173", source="org:kpk", target="person:budi-santoso",
               date=event_date, place="Jakarta", goldstein=-5.0, quad_class=4),
        _event(text, "menuduh", "KPK menuduh", type="ACCUSE", cameo="112", source="org:kpk",
               target="person:budi-santoso", date=event_date, goldstein=-2.0, quad_class=3),
    ]
    d_start, d_end = _at(text, "17 April 2024")
    dates = [{"text": "17 April 2024", "start": d_start, "end": d_end, "value": "2024-04-17"}]
    title = "KPK tahan Bupati Budi Santoso" + ("" if number is None else f" ({number})")
    return _record(title=title, text=text,
                   published="2024-04-17T08:30:00+07:00",
                   url="https://kabar.example/hukum/kpk-tahan-bupati", language="id",
                   site="Kabar Contoh", authors=[], entities=entities, quotes=quotes,
                   events=events, dates=dates,
                   tone={"score": -3.2, "positive": 0.8, "negative": 4.0, "polarity": 4.8,
                         "word_count": 31})


def _protest() -> dict[str, Any]:
    text = ("Ribuan mahasiswa dari BEM UI berunjuk rasa di depan gedung DPR pada April 2024. "
            "Mereka menuntut DPR membatalkan revisi undang-undang penyiaran.")
    entities = [
        _entity(text, "BEM UI", "ORG", "org:bem-ui"),
        _entity(text, "DPR", "ORG", "org:dpr"),
        _entity(text, "DPR", "ORG", "org:dpr", nth=1),
    ]
    events = [
        _event(text, "berunjuk rasa", "Ribuan mahasiswa", type="PROTEST", mode="demo",
               cameo="141", source="org:bem-ui", target="org:dpr", date="2024-04",
               goldstein=-6.5, quad_class=3),
        _event(text, "menuntut", "Mereka menuntut", type="REQUEST", cameo="1043",
               source="org:bem-ui", target="org:dpr", date="2024-04-18", goldstein=-4.0,
               quad_class=3),
    ]
    d_start, d_end = _at(text, "April 2024")
    dates = [{"text": "April 2024", "start": d_start, "end": d_end, "value": "2024-04"}]
    return _record(title="Mahasiswa demo tolak revisi UU Penyiaran", text=text,
                   published="2024-04-18", url=None, language="ms", site=None, authors=[],
                   entities=entities, quotes=[], events=events, dates=dates, tone=None)


def _hostile() -> dict[str, Any]:
    text = (f"Pesan aneh {SCRIPT} muncul di laman Komisi Pemberantasan Korupsi. Gambar {IMG} "
            f"juga disisipkan. “Jangan klik {SCRIPT} apa pun,” kata Joko Widodo.")
    entities = [
        _entity(text, "Komisi Pemberantasan Korupsi", "ORG", "org:kpk"),
        _entity(text, "Joko Widodo", "PERSON", "person:joko-widodo"),
    ]
    quotes = [_quote(text, f"Jangan klik {SCRIPT} apa pun", "person:joko-widodo",
                     "Joko Widodo", "kata", None)]
    events = [_event(text, "kata", "kata Joko Widodo", type="REQUEST", cameo="10",
                     source="person:joko-widodo", target="org:kpk", date="2024-04-19",
                     goldstein=-5.0, quad_class=3)]
    return _record(title=f"{SCRIPT} Peringatan {IMG}", text=text,
                   published="2024-04-19T12:00:00Z",
                   url="https://jahat.example/?q=<script>alert(1)</script>", language="id",
                   site=f"Situs {IMG}", authors=[SCRIPT], entities=entities, quotes=quotes,
                   events=events, dates=[], tone={"score": -1.0, "positive": 1.0,
                                                  "negative": 2.0, "polarity": 3.0,
                                                  "word_count": 20})


def arrest_reports(n: int, dates: list[str] | None = None) -> list[dict[str, Any]]:
    """``n`` distinct reports of the arrest (2 events and 1 quote of KPK each): long lists.
    With ``dates``, report ``i`` dates its events ``dates[i % len(dates)]``."""
    return [_arrest(i, event_date=dates[i % len(dates)]) if dates else _arrest(i)
            for i in range(1, n + 1)]


def text_record(title: str, text: str, published: str | None = "2024-04-20") -> dict[str, Any]:
    """A record with only a title and text (no entities, quotes or events)."""
    return _record(title=title, text=text, published=published, url=None, language="id",
                   site=None, authors=[], entities=[], quotes=[], events=[], dates=[], tone=None)


def records() -> list[dict[str, Any]]:
    """The fixture records, in a fixed order (visit, arrest, protest, hostile)."""
    return [_visit(), _arrest(), _protest(), _hostile()]


def build_store(path: Path, recs: list[dict[str, Any]] | None = None, *,
                dedup: bool = False) -> list[dict[str, Any]]:
    """Write ``recs`` (the fixture records by default) into a fresh store at ``path``; return
    them. Each record is its own article unless ``dedup``: the long lists (``arrest_reports``
    and the like) are one template with a number changed, which dedup would rightly keep as
    versions of the first."""
    from warta.settings import DedupSettings
    from warta.store.db import connect
    from warta.store.write import save_record

    recs = records() if recs is None else recs
    conn = connect(path)
    try:
        for record in recs:
            save_record(conn, record, dedup=DedupSettings(enabled=dedup))
    finally:
        conn.close()
    return recs


def quote_reports() -> list[dict[str, Any]]:
    """Two reports whose quotes name actors (the quotes page's "actor mentioned" filter and
    the network's quote edges): Jokowi names Malaysia and Indonesia, Anwar names KPK, then
    Indonesia a month later."""
    text = ("Joko Widodo berbicara di Jakarta. “Malaysia adalah sahabat Indonesia,” kata Joko "
            "Widodo. “KPK harus bekerja keras,” ujar Anwar Ibrahim.")
    first = _record(
        title="Jokowi dan Anwar bicara soal sahabat", text=text, published="2024-05-02",
        url=None, language="id", site=None, authors=[],
        entities=[_entity(text, "Joko Widodo", "PERSON", "person:joko-widodo"),
                  _entity(text, "Jakarta", "GPE", None),
                  _entity(text, "Malaysia", "GPE", "gpe:MYS"),
                  _entity(text, "Indonesia", "GPE", "gpe:IDN"),
                  _entity(text, "KPK", "ORG", "org:kpk"),
                  _entity(text, "Anwar Ibrahim", "PERSON", "person:anwar-ibrahim")],
        quotes=[_quote(text, "Malaysia adalah sahabat Indonesia", "person:joko-widodo",
                       "Joko Widodo", "kata", "2024-05-02"),
                _quote(text, "KPK harus bekerja keras", "person:anwar-ibrahim",
                       "Anwar Ibrahim", "ujar", "2024-05-02")],
        events=[], dates=[], tone=None)
    text = "“Indonesia siap membantu 100% proyek itu,” kata Anwar Ibrahim di Kuala Lumpur."
    second = _record(
        title="Anwar: Indonesia siap membantu", text=text, published="2024-06-10", url=None,
        language="id", site=None, authors=[],
        entities=[_entity(text, "Indonesia", "GPE", "gpe:IDN"),
                  _entity(text, "Anwar Ibrahim", "PERSON", "person:anwar-ibrahim"),
                  _entity(text, "Kuala Lumpur", "GPE", None)],
        quotes=[_quote(text, "Indonesia siap membantu 100% proyek itu", "person:anwar-ibrahim",
                       "Anwar Ibrahim", "kata", None)],
        events=[], dates=[], tone=None)
    return [first, second]
