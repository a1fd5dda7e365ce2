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

import json
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from importlib import resources
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


def warm_up() -> None:
    """Start the Vega renderer (its first chart takes about a second), read the gazetteer and
    the world map (the places page needs them) and import networkx (the network page), so no
    visitor waits for them."""
    import networkx  # noqa: F401  # imported for its import time only

    from warta.kb import gazetteer

    _render({"data": {"values": [{"x": 1}]}, "mark": "point",
             "encoding": {"x": {"field": "x", "type": "quantitative"}}})
    gazetteer.load()
    world()


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
    tip: str = ""  # the tooltip where it differs from the label (an unlabelled node)

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


GRAPH_WIDTH, GRAPH_HEIGHT = 1000, 680
GRAPH_LABELS = 24  # the most connected actors get a label; every node has its name as tooltip
GRAPH_SEED = 21  # a fixed seed: the same store draws the same picture on every load


Box = tuple[float, float, float, float]  # left, top, width, height


def _boxes(count: int, width: int, height: int) -> list[Box]:
    """Where each connected group goes: the largest fills the picture, or its left four
    fifths when smaller groups exist; those share the right fifth in two columns."""
    if count == 1:
        return [(0, 0, width, height)]
    main = width * 0.8
    rows = -(-(count - 1) // 2)
    cell_w, cell_h = (width - main) / 2, height / rows
    return [(0, 0, main, height), *((main + (i % 2) * cell_w, (i // 2) * cell_h, cell_w, cell_h)
                                    for i in range(count - 1))]


def _fit(pos: dict[str, Any], box: Box, margin: float) -> dict[str, tuple[float, float]]:
    """Positions scaled into ``box``, ``margin`` kept free at each side (for labels)."""
    left, top, w, h = box
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    inner_w, inner_h = max(w - 2 * margin, 1), max(h - 2 * margin, 1)
    return {n: (left + margin + (p[0] - min(xs)) / span_x * inner_w if len(pos) > 1
                else left + w / 2,
                top + margin + (p[1] - min(ys)) / span_y * inner_h if len(pos) > 1
                else top + h / 2)
            for n, p in pos.items()}


def graph_positions(graph: Any, *, width: int, height: int) -> dict[str, tuple[float, float]]:
    """Actor id → (x, y): networkx's spring layout (seeded, heavier edges pulling harder) of
    each connected group on its own, so a small group far from the rest never squeezes the
    main one into a corner (``_boxes``). Actors without an edge among those drawn are left
    out."""
    import networkx as nx

    g = nx.Graph()
    for e in graph.edges:
        if e.a in graph.nodes and e.b in graph.nodes:
            g.add_edge(e.a, e.b, weight=math.log1p(e.weight))
    groups = sorted((sorted(c) for c in nx.connected_components(g)),
                    key=lambda c: (-len(c), c[0]))
    out: dict[str, tuple[float, float]] = {}
    if not groups:
        return out
    for group, box in zip(groups, _boxes(len(groups), width, height), strict=True):
        sub = g.subgraph(group)
        pos = nx.spring_layout(sub, seed=GRAPH_SEED, weight="weight", iterations=100,
                               k=2 / math.sqrt(len(group)))
        out.update(_fit(pos, box, margin=40 if box[2] > width / 2 else 22))
    return out


def graph_layout(graph: Any, *, width: int = GRAPH_WIDTH,
                 height: int = GRAPH_HEIGHT) -> tuple[list[Node], list[Edge]]:
    """The picture of ``warta.store.graph.Graph``: circles grow with the actor's weighted
    degree (the most connected are named, every one on hover), edges with their weight, in the
    colour of their most frequent event type (grey and dashed: quotes only)."""
    from warta.serve.highlight import actor_href

    pos = graph_positions(graph, width=width, height=height)
    if not pos:
        return [], []
    top_degree = max(graph.nodes[n]["degree"] for n in pos)
    labelled = set(sorted(pos, key=lambda n: (-graph.nodes[n]["degree"], n))[:GRAPH_LABELS])
    nodes = []
    for node_id in sorted(pos):
        node = graph.nodes[node_id]
        x, y = pos[node_id]
        r = 4 + 12 * math.sqrt(node["degree"] / top_degree)
        label = node["name"] if node_id in labelled else ""
        nodes.append(Node(node_id, x, y, r, label, f"node node-{node['type']}",
                          actor_href(node_id), x, y - r - 3, "middle", tip=node["name"]))
    edges = []
    for e in graph.edges:
        if e.a not in pos or e.b not in pos:
            continue
        kind = f"edge ev ev-{e.main_type}" if e.main_type else "edge qt"
        parts = [f"{t} × {n}" for t, n in sorted(e.types.items(), key=lambda kv: (-kv[1], kv[0]))]
        if e.quotes:
            parts.append(f"{e.quotes} quote(s) naming the other")
        label = f"{graph.nodes[e.a]['name']} – {graph.nodes[e.b]['name']}: " + ", ".join(parts)
        edges.append(Edge(*pos[e.a], *pos[e.b], kind, 0.8 + math.log1p(e.weight), label))
    return nodes, edges


MAP_WIDTH, MAP_HEIGHT = 960, 470
MAP_FILE = ("data", "map", "countries-110m.json")  # Natural Earth 1:110m, see its README
# Vega resolves a relative link against its own base URL (an outside site): circles link to
# this absolute stand-in, cut back to a path on this site once the SVG is drawn.
LINK_BASE = "https://warta.invalid"


@lru_cache(maxsize=1)
def world() -> dict[str, Any]:
    """The shipped world map (GeoJSON countries with a point inside each), read once."""
    path = resources.files("warta").joinpath(*MAP_FILE)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def map_point(place: dict[str, Any]) -> tuple[float, float] | None:
    """Where a place is drawn: its own coordinates, or a country's point on the map."""
    if place.get("lat") is not None and place.get("lon") is not None:
        return float(place["lon"]), float(place["lat"])
    if place.get("kind") == "country" and place.get("country"):
        for f in world()["features"]:
            if f["properties"]["iso"] == place["country"]:
                return f["properties"]["lon"], f["properties"]["lat"]
    return None


@dataclass
class PlaceMap:
    svg: Markup = field(default_factory=Markup)
    drawn: int = 0  # places with coordinates, drawn as circles
    undrawn: int = 0  # places without coordinates (only listed)


def place_map(places: list[dict[str, Any]], *, width: int = MAP_WIDTH,
              height: int = MAP_HEIGHT) -> PlaceMap:
    """The world's countries with a circle per place, its area growing with the place's
    mentions plus events; each circle links to a search for the place's name."""
    from urllib.parse import urlencode

    dots = []
    for p in places:
        point = map_point(p)
        if point is None:
            continue
        dots.append({"lon": point[0], "lat": point[1], "name": p["name"],
                     "count": p["mentions"] + p["events"], "mentions": p["mentions"],
                     "events": p["events"],
                     "label": f"{p['name']}: {p['mentions']} mentions, {p['events']} events",
                     "href": f"{LINK_BASE}/?" + urlencode({"q": f'"{p["name"]}"'})})
    dots.sort(key=lambda d: -d["count"])  # small circles drawn last, on top of big ones
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": "Places named in the articles", "width": width, "height": height,
        "projection": {"type": "equalEarth"},
        "layer": [
            {"data": {"values": world(), "format": {"type": "json", "property": "features"}},
             "mark": {"type": "geoshape", "fill": "#e6ebf0", "stroke": "#ffffff",
                      "strokeWidth": 0.6}},
            {"data": {"values": dots},
             "mark": {"type": "circle", "color": ACCENT, "opacity": 0.55, "stroke": "#ffffff",
                      "strokeWidth": 0.5},
             "encoding": {
                 "longitude": {"field": "lon", "type": "quantitative"},
                 "latitude": {"field": "lat", "type": "quantitative"},
                 "size": {"field": "count", "type": "quantitative", "legend": None,
                          "scale": {"type": "sqrt", "range": [12, 900]}},
                 "href": {"field": "href"},
                 "description": {"field": "label"},  # the circle's aria-label
                 "tooltip": [{"field": "name"}, {"field": "mentions"}, {"field": "events"}]}},
        ],
        "config": {"view": {"stroke": None}, "background": None, "font": "sans-serif"},
    }
    svg = _render_map(json.dumps(spec, sort_keys=True)) if dots else Markup()
    return PlaceMap(svg, len(dots), len(places) - len(dots))


@lru_cache(maxsize=16)
def _render_map(spec: str) -> Markup:
    """A map drawn once per set of circles: paging or re-sorting the list below it redraws
    nothing (drawing the world takes a few hundred ms)."""
    svg = _render(json.loads(spec))
    # on the plain string: Markup.replace would escape the quote it puts back
    return Markup(str(svg).replace(f'xlink:href="{LINK_BASE}/', 'xlink:href="/'))
