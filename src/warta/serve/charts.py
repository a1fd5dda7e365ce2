"""Geometry for the server-rendered SVG charts (templates draw it; no JavaScript, no CDN).

Each function returns plain numbers and labels; the Jinja templates turn them into ``<svg>``
elements, so every label goes through autoescaping like the rest of the page.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from warta.extract.plover import PLOVER_TYPES

WIDTH, HEIGHT, PAD = 720, 180, 28
MAX_BAR = 36  # a lone day should not become one wall-to-wall bar
TIMELINE_HEIGHT, TIMELINE_MID = 200, 100
NET_WIDTH, NET_HEIGHT = 760, 520  # wide enough for labels left and right of the circle
LABEL_CHARS = 22
# PLOVER types in a fixed order, so a type keeps its colour class and stacking position.
EVENT_TYPES = PLOVER_TYPES


@dataclass
class Bar:
    x: float
    y: float
    w: float
    h: float
    label: str
    value: int
    css: str = ""


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    bars: list[Bar] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)  # x, day label
    max_value: int = 0
    legend: list[str] = field(default_factory=list)


def _days(first: str, last: str, *, limit: int = 366) -> list[str]:
    """Every day from first to last (a gap shows as an empty slot); capped at ``limit`` days."""
    try:
        start, end = date.fromisoformat(first), date.fromisoformat(last)
    except ValueError:
        return sorted({first, last})
    span = min((end - start).days, limit - 1)
    return [(start + timedelta(days=i)).isoformat() for i in range(span + 1)]


def _ticks(days: list[str], slot: float) -> list[tuple[float, str]]:
    step = max(1, math.ceil(len(days) / 8))
    return [(PAD + i * slot + slot / 2, d) for i, d in enumerate(days) if i % step == 0]


def day_bars(counts: list[tuple[str, int]]) -> Chart:
    """One bar per day (articles per day)."""
    chart = Chart()
    if not counts:
        return chart
    by_day = dict(counts)
    days = _days(counts[0][0], counts[-1][0])
    slot = (WIDTH - 2 * PAD) / len(days)
    chart.max_value = max(by_day.values())
    plot_h = HEIGHT - 2 * PAD
    for i, day in enumerate(days):
        value = by_day.get(day, 0)
        h = plot_h * value / chart.max_value if chart.max_value else 0
        w = min(slot * 0.8, MAX_BAR)
        chart.bars.append(Bar(PAD + i * slot + (slot - w) / 2, HEIGHT - PAD - h, w, h,
                              day, value, "bar"))
    chart.ticks = _ticks(days, slot)
    return chart


def stacked_day_bars(counts: list[tuple[str, str, int]]) -> Chart:
    """Bars per day stacked by event type (events per day by type)."""
    chart = Chart()
    if not counts:
        return chart
    per_day: dict[str, dict[str, int]] = defaultdict(dict)
    for day, kind, n in counts:
        per_day[day][kind] = n
    days = _days(min(per_day), max(per_day))
    slot = (WIDTH - 2 * PAD) / len(days)
    chart.max_value = max(sum(v.values()) for v in per_day.values())
    plot_h = HEIGHT - 2 * PAD
    for i, day in enumerate(days):
        y = HEIGHT - PAD
        for kind in EVENT_TYPES:
            value = per_day.get(day, {}).get(kind, 0)
            if not value:
                continue
            h = plot_h * value / chart.max_value
            y -= h
            w = min(slot * 0.8, MAX_BAR)
            chart.bars.append(Bar(PAD + i * slot + (slot - w) / 2, y, w, h,
                                  f"{day} {kind}", value, f"ev-{kind}"))
    chart.ticks = _ticks(days, slot)
    chart.legend = [k for k in EVENT_TYPES if any(k in v for v in per_day.values())]
    return chart


def timeline(counts: list[tuple[str, bool, str, int]], *,
             max_dates: int = 40) -> Chart:
    """An actor's events per stated date: bars up for events it is the source of, down for
    events it is the target of, stacked by type and scaled to the busiest date.

    The axis is the ordered list of dates as stated, so partial dates ("2024-04", "2022") get
    their own slot instead of being dropped or pinned to an invented day; only the latest
    ``max_dates`` dates are drawn.
    """
    chart = Chart(height=TIMELINE_HEIGHT)
    labels = sorted({day for day, _, _, _ in counts})[-max_dates:]
    if not labels:
        return chart
    slot = (WIDTH - 2 * PAD) / len(labels)
    index = {d: i for i, d in enumerate(labels)}
    totals: dict[tuple[str, bool], int] = defaultdict(int)
    for day, as_source, _, n in counts:
        totals[(day, as_source)] += n
    chart.max_value = max(totals.values())
    half = TIMELINE_HEIGHT / 2 - PAD
    offset: dict[tuple[str, bool], float] = defaultdict(float)
    order = {t: i for i, t in enumerate(EVENT_TYPES)}
    for day, as_source, kind, n in sorted(counts, key=lambda c: order.get(c[2], 99)):
        if day not in index:
            continue
        h = half * n / chart.max_value
        w = min(slot * 0.6, MAX_BAR)
        x = PAD + index[day] * slot + (slot - w) / 2
        start = offset[(day, as_source)]
        offset[(day, as_source)] += h
        y = TIMELINE_MID - start - h if as_source else TIMELINE_MID + start
        arrow = "as source" if as_source else "as target"
        chart.bars.append(Bar(x, y, w, h, f"{day} {kind} {arrow}", n, f"ev-{kind}"))
    step = max(1, math.ceil(len(labels) / 8))
    chart.ticks = [(PAD + i * slot + slot / 2, d) for i, d in enumerate(labels) if i % step == 0]
    chart.legend = [k for k in EVENT_TYPES if any(c[2] == k for c in counts)]
    return chart


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
    if focus in net.nodes:
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
