"""The Indonesian event lexicon: data files → surface forms → PLOVER entries.

The lexicon (``data/events/lexicon.tsv``, written by hand, and ``data/events/mined.tsv``, mined
from the gold corpus's train split by ``scripts/mine_triggers.py``; a hand row wins over a mined
form it shares) lists a base word once with the affix patterns it takes;
``inflect`` generates the surface forms with meN-/peN- nasal assimilation, so "kunjung" yields
*mengunjungi*, *dikunjungi*, *berkunjung* and *kunjungan*, each tagged with its voice. The voice
tells the argument rules where the agent is (subject of an active verb, "oleh" phrase of a passive,
follower of a nominalisation).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from warta.nlp.lang.id.morphology import R_PREFIXES
from warta.plover import quad_class

Voice = Literal["active", "passive", "intrans", "nominal"]

_VOWELS = frozenset("aiueo")
_CLUSTER_SECOND = frozenset("rlsy")  # "kritik", "protes", "transfer": cluster keeps its onset

# affix pattern → (prefix kind, suffix, voice). Prefix kinds: "" none, "meN", "peN", or a literal.
PATTERNS: dict[str, tuple[str, str, Voice]] = {
    "0": ("", "", "active"),
    "-i": ("", "i", "active"),
    "-kan": ("", "kan", "active"),
    "meN-": ("meN", "", "active"),
    "meN-kan": ("meN", "kan", "active"),
    "meN-i": ("meN", "i", "active"),
    "memper-kan": ("memper", "kan", "active"),
    "memper-i": ("memper", "i", "active"),
    "di-": ("di", "", "passive"),
    "di-kan": ("di", "kan", "passive"),
    "di-i": ("di", "i", "passive"),
    "diper-kan": ("diper", "kan", "passive"),
    "diper-i": ("diper", "i", "passive"),
    "ter-": ("ter", "", "passive"),
    "ber-": ("ber", "", "intrans"),
    "ber-an": ("ber", "an", "intrans"),
    "-an": ("", "an", "nominal"),
    "peN-an": ("peN", "an", "nominal"),
    "per-an": ("per", "an", "nominal"),
    "pe-an": ("pe", "an", "nominal"),
    "ke-an": ("ke", "an", "nominal"),
}
LITERALS: dict[str, Voice] = {"=v": "active", "=p": "passive", "=i": "intrans", "=n": "nominal"}

# the flags the lexicon may set (see the header of lexicon.tsv)
FLAGS = frozenset({"sym", "recv", "noposs", "needtarget", "needboth", "aux", "nodirect", "host",
                   "patient", "placetarget"})


@dataclass(frozen=True)
class Entry:
    """One lexicon row: what a trigger means and how its arguments are found."""

    lemma: str
    type: str  # PLOVER type, or "NONE" for a blocking idiom
    mode: str | None
    cameo: str | None
    preps: frozenset[str]
    flags: frozenset[str]


@dataclass(frozen=True)
class Form:
    """A surface form of an entry: the words to match and the voice they carry."""

    words: tuple[str, ...]
    voice: Voice
    entry: Entry


@dataclass(frozen=True)
class Score:
    goldstein: float
    quad_class: int


def _nasal(base: str, prefix: str) -> str:
    """meN-/peN- + base with Indonesian nasal assimilation (me+ / pe+ the nasal part)."""
    head = prefix[:-1]  # "me" or "pe"
    first, second = base[0], base[1:2]
    cluster = second and second not in _VOWELS and second in _CLUSTER_SECOND
    if _syllables(base) == 1:
        return f"{head}nge{base}"
    if first in _VOWELS or first in "gh":
        return f"{head}ng{base}"
    if first == "k":
        return f"{head}ng{base}" if cluster else f"{head}ng{base[1:]}"
    if first == "p":
        return f"{head}m{base}" if cluster else f"{head}m{base[1:]}"
    if first in "bfv":
        return f"{head}m{base}"
    if first == "t":
        return f"{head}n{base}" if cluster else f"{head}n{base[1:]}"
    if first == "s":
        return f"{head}n{base}" if cluster or second == "y" else f"{head}ny{base[1:]}"
    if first in "dcjz":
        return f"{head}n{base}"
    return f"{head}{base}"  # l, m, n, r, w, y


def analyses(word: str) -> list[tuple[str, str]]:
    """Every (base, affix pattern) whose ``inflect`` gives ``word``, the bare word itself
    included: the lexicon's own form generation run backwards ("mengamankan" → ("aman",
    "meN-kan"), ("kamankan", "meN-") ...), so a mined base takes exactly the forms it was seen
    in. Callers choose among them (a known base, the most affixes stripped)."""
    word = word.lower()
    found = {(word, "0")}
    for pattern, (prefix, suffix, _) in PATTERNS.items():
        if pattern == "0" or not word.endswith(suffix):
            continue
        stem = word[:len(word) - len(suffix)] if suffix else word
        for base in _unprefixed(stem, prefix):
            if len(base) >= 3 and inflect(base, pattern) == word:
                found.add((base, pattern))
    return sorted(found)


def _unprefixed(stem: str, prefix: str) -> set[str]:
    """Bases a prefix may have been put before (meN-/peN-: each nasal with its lost onset)."""
    if not prefix:
        return {stem}
    if prefix in ("meN", "peN"):
        head = prefix[:-1]
        if not stem.startswith(head):
            return set()
        rest = stem[len(head):]
        out = {rest}
        for nasal, onset in (("nge", ""), ("ng", ""), ("ng", "k"), ("ny", "s"), ("m", ""),
                             ("m", "p"), ("n", ""), ("n", "t")):
            tail = rest[len(nasal):]
            # a k/p/t/s onset is lost only before a vowel ("menolak", not "mentraktir")
            if rest.startswith(nasal) and (not onset or tail[:1] in _VOWELS):
                out.add(onset + tail)
        return out
    out = {stem[len(prefix):]} if stem.startswith(prefix) else set()
    if prefix in R_PREFIXES and stem.startswith(prefix[:-1] + "r"):
        out.add(stem[len(prefix) - 1:])  # "berunding" ← "runding"
    return out


def _syllables(word: str) -> int:
    count, prev_vowel = 0, False
    for ch in word:
        vowel = ch in _VOWELS
        if vowel and not prev_vowel:
            count += 1
        prev_vowel = vowel
    return count


def inflect(base: str, pattern: str) -> str:
    """The surface form of ``base`` under an affix pattern ("meN-kan" + "jatuh" → "menjatuhkan")."""
    prefix, suffix, _ = PATTERNS[pattern]
    if prefix in ("meN", "peN"):
        stem = _nasal(base, prefix)
    elif prefix in R_PREFIXES and base.startswith("r"):
        stem = prefix[:-1] + base  # "berunding", "perundingan", not "berrunding"
    else:
        stem = prefix + base
    return stem + suffix


def _entry(row: dict[str, str]) -> Entry:
    def opt(value: str) -> str | None:
        return None if value in ("", "-") else value

    preps = frozenset(p for p in row["preps"].split(",") if p and p != "-")
    flags = frozenset(f for f in row["flags"].split(",") if f and f != "-")
    unknown = flags - FLAGS
    if unknown:
        raise ValueError(f"lexicon.tsv: unknown flags {sorted(unknown)} for {row['trigger']!r}")
    return Entry(row["trigger"], row["type"], opt(row["mode"]), opt(row["cameo"]), preps, flags)


def _forms(row: dict[str, str], entry: Entry) -> list[Form]:
    """Surface forms of a row; a "..." word in the trigger is a gap of a few tokens."""
    words = row["trigger"].lower().split()
    out = []
    for pattern in row["forms"].split():
        if pattern in LITERALS:
            out.append(Form(tuple(words), LITERALS[pattern], entry))
        elif pattern in PATTERNS:
            first = inflect(words[0], pattern)
            out.append(Form((first, *words[1:]), PATTERNS[pattern][2], entry))
        else:
            raise ValueError(f"lexicon.tsv: unknown form {pattern!r} for {row['trigger']!r}")
    return out


def _rows(name: str) -> list[dict[str, str]]:
    return parse_rows((resources.files("warta") / "data" / "events" / name)
                      .read_text(encoding="utf-8"))


def parse_rows(text: str) -> list[dict[str, str]]:
    """The rows of a lexicon file's text, comment lines left out."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def row_forms(row: dict[str, str]) -> list[Form]:
    """The surface forms of one lexicon row (the miner checks a draft row's forms)."""
    return _forms(row, _entry(row))


GAP = "..."
MAX_GAP = 8  # tokens a gapped trigger may span ("menetapkan <name> sebagai tersangka")


LEXICON_FILES = ("mined.tsv", "lexicon.tsv")  # in load order: a later identical form wins


def file_forms(name: str) -> list[Form]:
    """The forms of one lexicon file of ``data/events`` (the miner reads the hand-written one)."""
    return [form for row in _rows(name) for form in _forms(row, _entry(row))]


@lru_cache(maxsize=1)
def _all_forms() -> list[Form]:
    return [form for name in LEXICON_FILES for form in file_forms(name)]


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, ...], Form]:
    """Surface word tuple (lower case) → form; a later row wins over an earlier identical form."""
    return {f.words: f for f in _all_forms() if GAP not in f.words}


@lru_cache(maxsize=1)
def gapped() -> dict[tuple[str, ...], list[tuple[tuple[str, ...], Form]]]:
    """Gapped triggers by their first part: head words → [(words after the gap, form)]."""
    table: dict[tuple[str, ...], list[tuple[tuple[str, ...], Form]]] = {}
    for f in _all_forms():
        if GAP in f.words:
            cut = f.words.index(GAP)
            table.setdefault(f.words[:cut], []).append((f.words[cut + 1:], f))
    return table


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """Every word a trigger (plain or gapped) can start with: a cheap filter per token."""
    return frozenset(k[0] for k in (*lexicon(), *gapped()) if k)


@lru_cache(maxsize=1)
def max_words() -> int:
    return max(len(k) for k in lexicon())


@lru_cache(maxsize=1)
def scores() -> dict[tuple[str, str | None], Score]:
    """(type, mode) → Goldstein-like score and QuadClass; mode None is the type's default."""
    return {(r["type"], r["mode"] or None): Score(float(r["goldstein"]), int(r["quad_class"]))
            for r in _rows("scores.tsv")}


def score(type_: str, mode: str | None, cameo: str | None = None) -> Score | None:
    """The score of a type/mode, falling back to the type's default row. REQUEST's default row is
    an appeal (CAMEO 02, verbal cooperation); a demand without a mode (CAMEO 10: "mendesak",
    "menuntut") is verbal conflict, scored as the codebook's demand for change."""
    table = scores()
    if type_ == "REQUEST" and mode is None and cameo is not None and cameo.startswith("10"):
        mode = "change"
    found = table.get((type_, mode)) or table.get((type_, None))
    quad = quad_class(cameo)
    if found is None or quad is None or quad == found.quad_class:
        return found
    return Score(found.goldstein, quad)  # QuadClass is the CAMEO root's (GDELT's definition)


def plover_types() -> frozenset[str]:
    return frozenset(t for t, _ in scores())


# a bare stem, or a stem with -kan / -i, stands for the meN- verb of the same suffix
_BARE_ACTIVE = {"0": "meN-", "-kan": "meN-kan", "-i": "meN-i"}


@lru_cache(maxsize=16384)
def bare_verb(word: str) -> Form | None:
    """The lexicon's active verb a bare stem writes without meN- ("selidiki" for *menyelidiki*,
    "sindir" for *menyindir*, "sepakati" for *menyepakati*), as a form of that entry; None when
    the word is a lexicon form itself or no active verb of the same suffix is listed. Indonesian
    drops meN- after a pronoun agent ("kasus ini akan kami selidiki") and in a speech tag after
    a quote ('…," sindir Tomsi'); the caller checks that context."""
    table = lexicon()
    if (word,) in table:
        return None
    for base, pattern in analyses(word):
        active = _BARE_ACTIVE.get(pattern)
        found = table.get((inflect(base, active),)) if active else None
        if found is not None and found.voice == "active" and found.entry.type != "NONE":
            return found
    return None
