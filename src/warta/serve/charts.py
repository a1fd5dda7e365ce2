"""Server-rendered charts: time charts drawn by Vega-Lite (through ``vl-convert``) as inline
SVG, and the geometry of the network picture (drawn by the template). No JavaScript runs in the
browser and nothing loads from elsewhere.

Time charts have a real time axis with years on it. By default they show where the data is: the
twelve months up to the newest dated item (one event dated 1945 no longer squeezes a year of
2025 events off the chart); the caption says how many items lie outside and links to them. Bars
are binned by day, week, month or year to suit the span, and a partial date ("2024-04") spans its
period instead of being pinned to an invented day.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from markupsafe import Markup

from warta.plover import PLOVER_TYPES
from warta.resolve.dates import date_bounds

WIDTH, HEIGHT = 680, 150
TIMELINE_HEIGHT = 180
NET_WIDTH, NET_HEIGHT = 760, 520  # wide enough for labels left and right of the circle
LABEL_CHARS = 22
DEFAULT_WINDOW_DAYS = 366  # the default window: a year up to the newest item
MIN_WINDOW_DAYS = 14  # a lone day should not become one wall-to-wall bar
# PLOVER types in a fixed order, so a type keeps its colour and stacking position.
EVENT_TYPES = PLOVER_TYPES
TYPE_COLOURS = {  # the same colours as the .ev-* classes of style.css
    "AGREE": "#15803d", "CONSULT": "#0e7490", "SUPPORT": "#4d7c0f", "CONCEDE": "#0f766e",
    "COOPERATE": "#1d4ed8", "AID": "#2563eb", "RETREAT": "#7c3aed", "REQUEST": "#a16207",
    "ACCUSE": "#c2410c", "REJECT": "#b45309", "THREATEN": "#be123c", "PROTEST": "#db2777",
    "SANCTION": "#9f1239", "MOBILIZE": "#7f1d1d", "COERCE": "#991b1b", "ASSAULT": "#450a0a",
}
ACCENT = "#1d4ed8"
# Bin width by the span shown: (most days in the window, unit, axis label format).
_UNITS = ((92, "day", "%d %b %Y"), (731, "week", "%d %b %Y"), (3660, "month", "%b %Y"),
          (math.inf, "year", "%Y"))


@dataclass(frozen=True)
class Item:
    """What a time chart counts: ``count`` items dated ``value`` (ISO, possibly partial), of a
    ``series`` (an event type, or "" for one colour), drawn below the axis when ``down``."""

    value: str
    count: int
    series: str = ""
    down: bool = False


@dataclass
class TimeChart:
    """One rendered chart and what its caption says about it."""

    svg: Markup = field(default_factory=Markup)
    start: date | None = None  # first day drawn
    end: date | None = None  # last day drawn
    unit: str = "day"
    shown: int = 0  # items drawn
    before: int = 0  # dated items left of the window (older)
    after: int = 0  # dated items right of it (newer, only when the caller bounded it)
    oldest: date | None = None
    legend: list[str] = field(default_factory=list)
    spec: dict[str, Any] = field(default_factory=dict)

    @property
    def hidden(self) -> int:
        return self.before + self.after


def _bounds(items: Iterable[Item]) -> list[tuple[Item, date, date]]:
    out = []
    for item in items:
        found = date_bounds(item.value)
        if found is not None:
            out.append((item, *found))
    return out


def window(spans: list[tuple[Item, date, date]], *, since: date | None = None,
           until: date | None = None) -> tuple[date, date]:
    """The days to draw: the caller's bounds where given, else the year up to the newest item
    (or the whole span when shorter), at least ``MIN_WINDOW_DAYS`` long."""
    end = until or max(last for _, _, last in spans)
    start = since or max(min(first for _, first, _ in spans),
                         end - timedelta(days=DEFAULT_WINDOW_DAYS - 1))
    if (end - start).days + 1 < MIN_WINDOW_DAYS:
        start = end - timedelta(days=MIN_WINDOW_DAYS - 1)
    return start, end


def _unit(start: date, end: date) -> tuple[str, str]:
    days = (end - start).days + 1
    return next((unit, fmt) for most, unit, fmt in _UNITS if days <= most)


def _bin(day: date, unit: str) -> tuple[date, date]:
    """The bin holding ``day``: [first day, first day of the next bin)."""
    if unit == "day":
        return day, day + timedelta(days=1)
    if unit == "week":
        first = day - timedelta(days=day.weekday())
        return first, first + timedelta(days=7)
    if unit == "month":
        first = day.replace(day=1)
        return first, (first + timedelta(days=32)).replace(day=1)
    return date(day.year, 1, 1), date(day.year + 1, 1, 1)


def _ms(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1000)


def time_chart(items: Iterable[Item], *, label: str, since: str | None = None,
               until: str | None = None, height: int = HEIGHT) -> TimeChart:
    """Counts over time as a stacked bar chart on a time axis (SVG rendered by Vega-Lite).

    ``since``/``until`` (ISO, possibly partial) bound the window as the page's filters do;
    without them the window is the year up to the newest item.
    """
    spans = _bounds(items)
    if not spans:
        return TimeChart()
    lo = date_bounds(since) if since else None
    hi = date_bounds(until) if until else None
    start, end = window(spans, since=lo[0] if lo else None, until=hi[1] if hi else None)
    unit, fmt = _unit(start, end)
    bars: dict[tuple[date, date, str, bool], int] = defaultdict(int)
    chart = TimeChart(start=start, end=end, unit=unit,
                      oldest=min(first for _, first, _ in spans))
    for item, first, last in spans:
        if last < start:
            chart.before += item.count
            continue
        if first > end:
            chart.after += item.count
            continue
        chart.shown += item.count
        b_first, b_next = _bin(first, unit)
        if last >= b_next:  # a partial date longer than a bin spans its own period
            b_first, b_next = max(first, start), min(last, end) + timedelta(days=1)
        bars[(b_first, b_next, item.series, item.down)] += item.count
    chart.legend = [t for t in EVENT_TYPES if any(k[2] == t for k in bars)]
    chart.spec = _spec(bars, start=start, end=end, unit=unit, fmt=fmt, label=label,
                       height=height)
    chart.svg = _render(chart.spec)
    return chart


def _spec(bars: dict[tuple[date, date, str, bool], int], *, start: date, end: date, unit: str,
          fmt: str, label: str, height: int) -> dict[str, Any]:
    """The Vega-Lite spec: one rect per (bin, series), stacked here (bars above the axis count
    up, bars below count down), coloured by PLOVER type; a partial date longer than a bin is
    drawn pale over its period."""
    order = {t: i for i, t in enumerate(EVENT_TYPES)}
    top: dict[tuple[date, date, bool], int] = defaultdict(int)
    values = []
    for (a, b, s, down), n in sorted(bars.items(), key=lambda kv: (
            kv[0][0], kv[0][1], kv[0][3], order.get(kv[0][2], 99), kv[0][2])):
        base = top[(a, b, down)]
        top[(a, b, down)] = base + n
        sign = -1 if down else 1
        values.append({"start": _ms(a), "end": _ms(b), "series": s, "count": n,
                       "y0": sign * base, "y1": sign * (base + n),
                       "partial": _bin(a, unit) != (a, b),
                       "label": f"{a.isoformat()} {s}".strip()})
    series = sorted({s for _, _, s, _ in bars}, key=lambda s: (order.get(s, 99), s))
    colour: dict[str, Any] = {"value": ACCENT}
    if any(series):
        colour = {"field": "series", "type": "nominal", "legend": None,
                  "scale": {"domain": series,
                            "range": [TYPE_COLOURS.get(s, "#64748b") for s in series]}}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": label, "width": WIDTH, "height": height,
        "data": {"values": values},
        "mark": {"type": "rect", "stroke": "white", "strokeWidth": 0.5},
        "encoding": {
            "x": {"field": "start", "type": "temporal", "title": None,
                  "scale": {"type": "utc",  # whole bins at both ends
                            "domain": [_ms(_bin(start, unit)[0]), _ms(_bin(end, unit)[1])]},
                  "axis": {"format": fmt, "labelOverlap": True, "tickCount": 8,
                           "labelFontSize": 11}},
            "x2": {"field": "end"},
            "y": {"field": "y0", "type": "quantitative", "title": None,
                  "axis": {"tickMinStep": 1, "format": "d", "tickCount": 4}},
            "y2": {"field": "y1"},
            "color": colour,
            "opacity": {"condition": {"test": "datum.partial", "value": 0.35}, "value": 1},
            "tooltip": [{"field": "label"}, {"field": "count"}],
        },
        "config": {"view": {"stroke": None}, "background": None, "font": "sans-serif"},
    }


def _render(spec: dict[str, Any]) -> Markup:
    """The spec as an SVG element (Vega escapes every text it draws)."""
    import vl_convert

    svg = vl_convert.vegalite_to_svg(spec)
    return Markup(svg[svg.index("<svg"):])


def article_chart(counts: list[tuple[str, int]], *, since: str | None = None,
                  until: str | None = None) -> TimeChart:
    """Matching articles per published day."""
    return time_chart((Item(d, n) for d, n in counts), label="Matching articles over time",
                      since=since, until=until)


def events_chart(counts: list[tuple[str, str, int]], *, since: str | None = None,
                 until: str | None = None) -> TimeChart:
    """Events per day, stacked by PLOVER type."""
    return time_chart((Item(d, n, t) for d, t, n in counts), label="Events over time by type",
                      since=since, until=until)


def timeline(counts: list[tuple[str, bool, str, int]]) -> TimeChart:
    """An actor's events per stated date: above the axis as source, below as target, stacked by
    type; a month- or year-only date spans its period."""
    return time_chart((Item(d, n, t, down=not as_source) for d, as_source, t, n in counts),
                      label="Events of this actor over time (above: as source; below: as "
                            "target)", height=TIMELINE_HEIGHT)


@dataclass
class Node:
    id: str
    x: float
    y: float
    r: float
    label: str
    css: str
    href: str
    lx: float = 0.0  # label position and anchor: outside the circle, away from the centre
    ly: float = 0.0
    anchor: str = "middle"

    @property
    def short(self) -> str:
        """The label cut to fit beside the circle (the full name is the node's tooltip)."""
        return self.label if len(self.label) <= LABEL_CHARS else self.label[:LABEL_CHARS - 1] + "…"


@dataclass
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    css: str
    width: float
    label: str


def network(net: Any, *, focus: str | None = None, width: int = NET_WIDTH,
            height: int = NET_HEIGHT, max_nodes: int = 30) -> tuple[list[Node], list[Edge]]:
    """A deterministic circular layout: the focus actor in the middle, the most connected
    others (up to ``max_nodes``) on a circle ordered by id, so the picture is the same on every
    load; labels sit outside the circle, anchored away from the centre."""
    from warta.serve.highlight import actor_href

    weight: dict[str, int] = defaultdict(int)
    for e in net.cooccurrence:
        weight[e["a"]] += e["articles"]
        weight[e["b"]] += e["articles"]
    for e in net.interactions:
        weight[e["source"]] += 2 * e["events"]  # an interaction says more than a co-mention
        weight[e["target"]] += 2 * e["events"]
    others = sorted((n for n in net.nodes if n != focus), key=lambda n: (-weight[n], n))
    ring = sorted(others[:max_nodes])
    cx, cy = width / 2, height / 2
    radius = min(cx, cy) - 40
    pos: dict[str, tuple[float, float]] = {}
    nodes: list[Node] = []
    if focus is not None and focus in net.nodes:
        pos[focus] = (cx, cy)
        node = net.nodes[focus]
        nodes.append(Node(focus, cx, cy, 10, node["name"], f"node node-{node['type']} focus",
                          actor_href(focus), cx, cy - 16, "middle"))
    for i, node_id in enumerate(ring):
        angle = 2 * math.pi * i / max(len(ring), 1) - math.pi / 2
        cos, sin = math.cos(angle), math.sin(angle)
        x, y = cx + radius * cos, cy + radius * sin
        pos[node_id] = (x, y)
        anchor = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"
        node = net.nodes[node_id]
        nodes.append(Node(node_id, x, y, 6, node["name"], f"node node-{node['type']}",
                          actor_href(node_id), x + 10 * cos, y + 10 * sin + 4 * (sin >= 0),
                          anchor))
    edges = []
    for e in net.cooccurrence:
        if e["a"] in pos and e["b"] in pos:
            edges.append(Edge(*pos[e["a"]], *pos[e["b"]], "edge co",
                              1 + math.log1p(e["articles"]), f"{e['articles']} shared article(s)"))
    for e in net.interactions:
        if e["source"] in pos and e["target"] in pos:
            edges.append(Edge(*pos[e["source"]], *pos[e["target"]], f"edge ev ev-{e['type']}",
                              1 + math.log1p(e["events"]), f"{e['type']} × {e['events']}"))
    return nodes, edges
