"""warta's event coding against the PLOVER codebook: the modes it may emit, and every CAMEO code's
type and mode against PLOVER's CAMEO2PLOVER-2021 table, deviations listed with their reasons."""

from __future__ import annotations

import csv
import re
from importlib import resources
from pathlib import Path

import pytest

from helpers import SHARED_DATA, needs_shared_data
from warta.extract.event_lexicon import Entry, Form, lexicon, scores
from warta.extract.events import recode
from warta.nlp.lang.id.event_markers import REQUESTABLE
from warta.plover import ASKED_FOR, PLOVER_MODES, PLOVER_TYPES

TABLE = SHARED_DATA / "plover-gold-standard" / "CAMEO2PLOVER-2021.txt"
Coding = tuple[str, str, str | None]  # CAMEO code, PLOVER type, mode


def _lexicon_codings() -> set[Coding]:
    return {(f.entry.cameo, f.entry.type, f.entry.mode) for f in lexicon().values()
            if f.entry.type != "NONE"}


def _form(type_: str, cameo: str, mode: str | None = None) -> Form:
    return Form(("x",), "active", Entry("x", type_, mode, cameo, frozenset(), frozenset()))


def _derived_codings() -> set[Coding]:
    """The codes ``recode`` makes from lexicon entries: appeals, refusals, promises to sign."""
    out: set[Coding] = set()
    for f in lexicon().values():
        for request, negated, modality in ((True, False, "asserted"), (False, True, "asserted"),
                                           (False, False, "future")):
            type_, mode, cameo, _, _ = recode(f, request=request, negated=negated,
                                              modality=modality)  # type: ignore[arg-type]
            out.add((cameo, type_, mode))
    for mode, appeal, demand, rejection in ASKED_FOR.values():  # what is asked for or refused
        out |= {(appeal, "REQUEST", mode), (demand, "REQUEST", mode), (rejection, "REJECT", mode)}
    return {c for c in out if c[1] != "NONE"}


def _deviations() -> dict[Coding, str]:
    text = resources.files("warta.data.events").joinpath("plover_deviations.tsv").read_text()
    rows = csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")),
                          delimiter="\t")
    return {(r["cameo"], r["type"], None if r["mode"] == "-" else r["mode"]): r["reason"]
            for r in rows}


def _table(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code → (type, mode) from the table's lines "0841: RETREAT, release, legal # ..."."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+),\s*([^,#]*)", line)
        if m:
            out[m.group(1)] = (m.group(2), m.group(3).strip() or None)
    return out


def test_every_type_lists_its_modes() -> None:
    assert set(PLOVER_MODES) == set(PLOVER_TYPES)


def test_every_mode_warta_emits_is_a_codebook_mode() -> None:
    emitted = _lexicon_codings() | _derived_codings()
    stray = {(t, m) for _, t, m in emitted if m is not None and m not in PLOVER_MODES[t]}
    assert stray == set()
    scored = {(t, m) for t, m in scores() if m is not None and m not in PLOVER_MODES[t]}
    assert scored == set()  # no score row for a mode warta no longer has


def test_every_deviation_has_a_reason_and_is_used() -> None:
    emitted = _lexicon_codings() | _derived_codings()
    for coding, reason in _deviations().items():
        assert len(reason) > 20, coding
        assert coding in emitted, f"{coding} is listed but warta never codes it"


@pytest.mark.parametrize(("type_", "cameo", "asks", "negated", "modality", "expected"), [
    # a request verb before a cooperative noun is an appeal (CAMEO 02x)
    ("AID", "070", True, False, "asserted", ("REQUEST", "assist", "023", False, "asserted")),
    ("CONSULT", "040", True, False, "asserted", ("REQUEST", "meet", "026", False, "asserted")),
    ("SUPPORT", "051", True, False, "asserted", ("REQUEST", "assist", "022", False, "asserted")),
    # a refused offer is a rejection; an invitation not extended refuses a meeting
    ("AGREE", "030", False, True, "asserted", ("REJECT", None, "120", False, "asserted")),
    ("AGREE", "036", False, True, "asserted", ("REJECT", "meet", "125", False, "asserted")),
    # signing is SUPPORT, a promise to sign an AGREE; a refusal to sign stays a negated signing
    ("SUPPORT", "057", False, False, "asserted", ("SUPPORT", None, "057", False, "asserted")),
    ("SUPPORT", "057", False, False, "future", ("AGREE", None, "030", False, "future")),
    ("SUPPORT", "057", False, True, "future", ("SUPPORT", None, "057", True, "future")),
])
def test_recode(type_: str, cameo: str, asks: bool, negated: bool, modality: str,
                expected: tuple) -> None:
    assert recode(_form(type_, cameo), request=asks, negated=negated,
                  modality=modality) == expected  # type: ignore[arg-type]


@needs_shared_data("plover-gold-standard", "CAMEO2PLOVER-2021.txt")
def test_codes_follow_cameo2plover_unless_listed() -> None:
    table, listed = _table(TABLE), _deviations()
    assert len(table) > 250  # the table parsed
    unlisted = {c for c in _lexicon_codings() | _derived_codings()
                if table.get(c[0]) != (c[1], c[2]) and c not in listed}
    assert unlisted == set()


@needs_shared_data("plover-gold-standard", "CAMEO2PLOVER-2021.txt")
def test_listed_deviations_still_deviate() -> None:
    table = _table(TABLE)
    agreeing = {c for c in _deviations() if table.get(c[0]) == (c[1], c[2])}
    assert agreeing == set()


def test_requestable_codes_are_appeals() -> None:
    assert {cameo[:2] for _, cameo in REQUESTABLE.values()} == {"02"}
