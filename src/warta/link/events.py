"""One real-world event in many reports: event mentions of different articles joined by rule.

Two event mentions are one event when they agree on what happened and who did it (the same
PLOVER type, negation and parties), do not disagree on where (no two different places), and
were reported close together: their days (the event's own day, else its article's publication
day) are at most ``event_window_days`` apart, and all the reports of one event span at most
``event_max_span_days`` (so a weekly meeting of the same two ministers stays one event a week
instead of one chain over months).

The method is blocking then greedy grouping bounded in time, so every link can be explained by
the rule it passed: mentions are blocked by (type, negation, parties); inside a block, in date
order, a mention joins the open group whose latest report is nearest in time among those it
fits (window, span, place), else starts a group. A mention missing its source or its target
is an event of its own; with ``event_missing_party`` (off by default) it joins the one group
of its type whose known side agrees and that it fits, unless that side is a place (a country
alone says little); with none, or two or more candidates, it stays alone, since guessing
would merge events ("KPK arrested ..." twice in a week is often two arrests).
A mention with no party at all is an event of its own: nothing says which other report it is.

Inside one story (``stories``: record id → story id, from ``warta.link.stories``; a near copy
is in its original's story) the reports are already known to be about one development, so a
side may be missing there (``event_story_partial``): two events of two articles of one story
join when they have the same type, negation, modality and trigger word (its lexicon lemma:
"ditangkap" and "menangkap" are one; PLOVER's CONSULT covers a meeting and a phone call
alike) and no two modes, at least one party in common and none in conflict (any order for an
event without direction; a person agrees with the body a role of theirs names, "spokesperson,
KPK" with KPK), no two places, days at most ``event_story_window_days`` apart, and each is the
only such event of its article for the other — "KPK arrested ..." twice in one article, or in
two stories, or a week apart, stays two arrests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from warta.extract.event_lexicon import lexicon
from warta.names import slug
from warta.partial_date import PartialDate
from warta.settings import LinkSettings, Settings

VERSION = 2  # bump when the grouping of the same mentions changes
MentionKey = tuple[str, int]  # (record id, index of the event in record["events"])
_PLACE_ACTORS = ("gpe:", "loc:")  # actor id prefixes of countries, provinces, cities, regions


@dataclass(frozen=True)
class Mention:
    """What linking reads of one event mention."""

    key: MentionKey
    type: str
    negated: bool
    source: str | None
    target: str | None
    symmetric: bool
    day: date | None
    place: str | None  # a comparable place key (kb id, else country + name), None if unknown
    lemma: str | None = None  # the trigger's lexicon lemma (else its folded words), if known
    modality: str = "asserted"  # asserted | future | historical | hypothetical
    mode: str | None = None  # PLOVER's mode of the type ("arrest"), if known

    @property
    def record(self) -> str:
        return self.key[0]

    @property
    def parties(self) -> tuple[str | None, str | None]:
        """(source, target), in a fixed order when the event has no direction (a meeting)."""
        if self.symmetric and self.source and self.target:
            a, b = sorted((self.source, self.target))
            return a, b
        return self.source, self.target

    @property
    def complete(self) -> bool:
        return bool(self.source and self.target)


@dataclass
class Group:
    """Mentions taken for one event so far, with what the next one must fit."""

    mentions: list[Mention] = field(default_factory=list)
    first: date | None = None
    last: date | None = None
    place: str | None = None

    def fits(self, m: Mention, rules: LinkSettings) -> bool:
        """Whether ``m`` may join: no place conflict, near the latest report, span kept."""
        if self.place and m.place and self.place != m.place:
            return False
        if m.day is None or self.first is None or self.last is None:
            return m.day is None and self.first is None  # undated joins only undated
        gap = min(abs((m.day - self.last).days), abs((m.day - self.first).days))
        span = (max(self.last, m.day) - min(self.first, m.day)).days
        return gap <= rules.event_window_days and span <= rules.event_max_span_days

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.place = self.place or m.place
        if m.day is not None:
            self.first = min(self.first or m.day, m.day)
            self.last = max(self.last or m.day, m.day)

    def distance(self, m: Mention) -> int:
        if m.day is None or self.last is None:
            return 0
        return abs((m.day - self.last).days)


def link_event_mentions(records: Sequence[Mapping[str, Any]],
                        settings: Settings | None = None,
                        stories: Mapping[str, str] | None = None,
                        actors: Iterable[Mapping[str, Any]] | None = None,
                        ) -> dict[MentionKey, str]:
    """(record id, index in record["events"]) → real-world event id; every event gets one and
    mentions of one real-world event share it. Ids are stable for the same grouping: the
    hash of the group's earliest mention. ``stories`` (record id → story id) lets the events
    of one story join with a side missing, and there a person agrees with the body a role of
    theirs names (``actors``: id, type, name, aliases, roles; default: the records'; see the
    module's docstring)."""
    rules = (settings or Settings()).link
    mentions = [m for record in records for m in _mentions(record)]
    groups = _group_complete(mentions, rules)
    groups += _attach_partial([m for m in mentions if not m.complete], groups, rules)
    if stories and rules.event_story_partial:
        known = actors if actors is not None else (
            a for record in records for a in record.get("actors") or [])
        groups = _join_in_stories(groups, stories, rules, Parties.of(known))
    out: dict[MentionKey, str] = {}
    for group in groups:
        gid = group_id(_earliest(group.mentions).key)
        for m in group.mentions:
            out[m.key] = gid
    return out


def group_id(key: MentionKey) -> str:
    """A real-world event's id: 16 hex digits of the hash of its earliest mention's key."""
    digest = hashlib.sha1(f"{key[0]}#{key[1]}".encode()).hexdigest()[:16]
    return f"ev{digest}"


def _earliest(mentions: Sequence[Mention]) -> Mention:
    return min(mentions, key=lambda m: (m.day or date.max, m.key))


def _mentions(record: Mapping[str, Any]) -> list[Mention]:
    published = _day(record.get("published"))
    out = []
    for seq, event in enumerate(record.get("events") or []):
        stated = PartialDate.parse(event.get("date"))
        # a day stated in the text wins; a month or a year says too little to tell reports apart
        day = stated.first if stated is not None and stated.precision == "day" else published
        out.append(Mention(key=(str(record["id"]), seq), type=str(event["type"]),
                           negated=bool(event.get("negated")), source=event.get("source"),
                           target=event.get("target"), symmetric=bool(event.get("symmetric")),
                           day=day, place=place_key(event.get("location")),
                           lemma=trigger_lemma(event.get("trigger")),
                           modality=str(event.get("modality") or "asserted"),
                           mode=event.get("mode")))
    return out


@lru_cache(maxsize=4096)
def trigger_lemma(trigger: str | None) -> str | None:
    """The lexicon lemma of an event's trigger words ("ditangkap" → "tangkap"), else the
    folded words themselves; None when the event names no trigger."""
    words = tuple(str(trigger or "").casefold().split())
    if not words:
        return None
    form = lexicon().get(words)
    return form.entry.lemma if form is not None else " ".join(words)


def _day(value: str | None) -> date | None:
    parsed = PartialDate.parse(value)
    return parsed.first if parsed is not None and parsed.precision == "day" else None


def place_key(place: Mapping[str, Any] | None) -> str | None:
    """A place as linking compares it: its knowledge-base id, else country and folded name."""
    if not place:
        return None
    if place.get("kb"):
        return str(place["kb"])
    name = " ".join(str(place.get("name") or "").casefold().split())
    return f"{place.get('country') or ''}:{name}" if name else None


def _sorted(mentions: Sequence[Mention]) -> list[Mention]:
    return sorted(mentions, key=lambda m: (m.day is None, m.day or date.min, m.key))


def _group_complete(mentions: Sequence[Mention], rules: LinkSettings) -> list[Group]:
    """Group the mentions that name both parties (or neither: each alone) block by block."""
    blocks: dict[tuple[Any, ...], list[Group]] = {}
    groups: list[Group] = []
    for m in _sorted(mentions):
        if not m.complete:
            if not (m.source or m.target):
                groups.append(Group())
                groups[-1].add(m)
            continue
        block = blocks.setdefault((m.type, m.negated, m.parties), [])
        _place(m, block, groups, rules)
    return groups


def _place(m: Mention, block: list[Group], groups: list[Group], rules: LinkSettings) -> None:
    """Add ``m`` to the nearest group of ``block`` it fits, else to a new one."""
    fitting = [g for g in block if g.fits(m, rules)]
    if fitting:
        min(fitting, key=lambda g: g.distance(m)).add(m)
        return
    group = Group()
    group.add(m)
    block.append(group)
    groups.append(group)


def _attach_partial(partial: Sequence[Mention], groups: Sequence[Group],
                    rules: LinkSettings) -> list[Group]:
    """Mentions with one side known: into the only complete group they fit, else each an event
    of its own (one side says too little to join two such reports); returns the new groups."""
    by_side: dict[tuple[str, bool, str, str], list[Group]] = {}
    for g in groups:
        m = g.mentions[0]
        if m.complete:
            for side, actor in (("source", m.source), ("target", m.target)):
                by_side.setdefault((m.type, m.negated, side, str(actor)), []).append(g)
                if m.symmetric:  # an undirected event's parties may stand on either side
                    other = "target" if side == "source" else "source"
                    by_side.setdefault((m.type, m.negated, other, str(actor)), []).append(g)
    new: list[Group] = []
    for m in _sorted(partial):
        side, actor = ("source", m.source) if m.source else ("target", m.target)
        if not actor:
            continue  # no party at all: already an event of its own
        candidates = by_side.get((m.type, m.negated, side, actor), [])
        # a country or region alone ("Indonesia visited") says too little to pick an event
        specific = rules.event_missing_party and not actor.startswith(_PLACE_ACTORS)
        fitting = [g for g in candidates if g.fits(m, rules)] if specific else []
        if len(fitting) == 1:
            fitting[0].add(m)
            continue
        group = Group()  # alone: "KPK arrested" twice in a week may be two arrests
        group.add(m)
        new.append(group)
    return new


# --- one story: a side may be missing ----------------------------------------------------------


@dataclass(frozen=True)
class Parties:
    """How the one-story rule compares two parties: the same actor id, or a person and a body
    one of their roles names ("spokesperson, KPK": ``person:budi-prasetyo`` speaks for
    ``org:kpk``), since one report names the spokesperson and another the body."""

    acts_for: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, actors: Iterable[Mapping[str, Any]]) -> Parties:
        """From actors as records and the store list them (a role is "title, body, ...": every
        part after the title names a body, matched to an organisation by name or alias, else
        taken as ``org:`` + its slug, the id of an organisation no alias names)."""
        actors = list(actors)
        bodies: dict[str, set[str]] = {}
        for a in actors:
            if a.get("type") == "ORG":
                for name in (a.get("name"), *(a.get("aliases") or [])):
                    if name and (key := slug(str(name))):
                        bodies.setdefault(key, set()).add(str(a["id"]))
        acts_for: dict[str, set[str]] = {}
        for a in actors:
            if a.get("type") != "PERSON":
                continue
            for role in a.get("roles") or []:
                for part in str(role).split(",")[1:]:
                    if key := slug(part):
                        acts_for.setdefault(str(a["id"]), set()).update(
                            bodies.get(key) or {f"org:{key}"})
        return cls({k: frozenset(v) for k, v in acts_for.items()})

    def same(self, x: str, y: str) -> bool:
        return x == y or y in self.acts_for.get(x, ()) or x in self.acts_for.get(y, ())

    def distinct(self, parties: Iterable[str]) -> int:
        """How many actors ``parties`` name, a person and the body they act for as one (each
        new party must agree with every party of the actor it joins)."""
        classes: list[list[str]] = []
        for p in parties:
            home = next((c for c in classes if all(self.same(p, q) for q in c)), None)
            if home is None:
                classes.append([p])
            else:
                home.append(p)
        return len(classes)


SAME_IDS = Parties()


def story_compatible(a: Mention, b: Mention, rules: LinkSettings,
                     parties: Parties = SAME_IDS) -> bool:
    """Whether two events of two articles of one story may be one event with a side missing:
    same type, negation, trigger lemma and modality (no two modes), days known and close, and
    parties that share one actor and contradict in none."""
    if a.record == b.record or (a.type, a.negated) != (b.type, b.negated):
        return False
    if a.lemma is None or a.lemma != b.lemma or a.modality != b.modality:
        return False  # "akan disalurkan" (a plan) is not "telah disalurkan" (a fact)
    if a.mode and b.mode and a.mode != b.mode:
        return False
    if a.day is None or b.day is None or abs((a.day - b.day).days) > rules.event_story_window_days:
        return False
    if a.place and b.place and a.place != b.place:
        return False
    return parties_agree(a, b, parties)


def parties_agree(a: Mention, b: Mention, parties: Parties = SAME_IDS) -> bool:
    """At least one actor in common and no side in conflict: for directed events side by side
    (source with source), for an event without direction as sets of at most two actors."""
    if a.symmetric or b.symmetric:
        mine = [p for p in (a.source, a.target) if p]
        theirs = [p for p in (b.source, b.target) if p]
        shared = any(parties.same(x, y) for x in mine for y in theirs)
        return shared and parties.distinct(dict.fromkeys(mine + theirs)) <= 2
    shared = conflict = False
    for x, y in ((a.source, b.source), (a.target, b.target)):
        if x and y:
            agree = parties.same(x, y)
            shared, conflict = shared or agree, conflict or not agree
    return shared and not conflict


def _join_in_stories(groups: list[Group], stories: Mapping[str, str], rules: LinkSettings,
                     parties: Parties) -> list[Group]:
    """Merge groups whose events of two articles of one story are ``story_compatible`` and
    each the other's only compatible group in its article; nearest days first, a merge that
    would break a group's span, place or parties kept out."""
    group_of = {id(m): n for n, g in enumerate(groups) for m in g.mentions}
    buckets: dict[tuple[str, str, bool, str], list[Mention]] = {}
    for g in groups:  # only events of one story, type, negation and trigger can be compatible
        for m in g.mentions:
            if m.record in stories and m.lemma and (m.source or m.target):
                key = (stories[m.record], m.type, m.negated, m.lemma)
                buckets.setdefault(key, []).append(m)
    links = []
    for members in buckets.values():
        pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1:]
                 if story_compatible(a, b, rules, parties)]
        # the groups of each article that each mention is compatible with
        fits: dict[tuple[int, str], set[int]] = {}
        for a, b in pairs:
            fits.setdefault((id(a), b.record), set()).add(group_of[id(b)])
            fits.setdefault((id(b), a.record), set()).add(group_of[id(a)])
        for a, b in pairs:
            ga, gb = group_of[id(a)], group_of[id(b)]
            if ga != gb and fits[(id(a), b.record)] == {gb} and fits[(id(b), a.record)] == {ga}:
                gap = abs((a.day - b.day).days) if a.day and b.day else 0
                links.append((gap, min(a.key, b.key), max(a.key, b.key), ga, gb))
    parent = list(range(len(groups)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for _, _, _, ga, gb in sorted(links):
        ra, rb = root(ga), root(gb)
        if ra != rb and _mergeable(groups[ra], groups[rb], rules, parties):
            for m in groups[rb].mentions:
                groups[ra].add(m)
            groups[rb].mentions.clear()
            parent[rb] = ra
    return [g for g in groups if g.mentions]


def _mergeable(g: Group, h: Group, rules: LinkSettings, parties: Parties) -> bool:
    """Two groups may become one: no two places, one source and one target at most (two
    parties in any order for an event without direction; no chain through a report that names
    one side only), and all their reports within the span."""
    if g.place and h.place and g.place != h.place:
        return False
    mentions = g.mentions + h.mentions
    if any(m.symmetric for m in mentions):
        if parties.distinct(dict.fromkeys(p for m in mentions for p in (m.source, m.target)
                                          if p)) > 2:
            return False
    elif parties.distinct(dict.fromkeys(m.source for m in mentions if m.source)) > 1 or \
            parties.distinct(dict.fromkeys(m.target for m in mentions if m.target)) > 1:
        return False
    days = [d for d in (g.first, g.last, h.first, h.last) if d is not None]
    return not days or (max(days) - min(days)).days <= rules.event_max_span_days
