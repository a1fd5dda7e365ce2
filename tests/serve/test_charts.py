"""SVG chart geometry: gaps between days, stacking, timeline slots, deterministic network."""

from __future__ import annotations

import pytest

from warta.serve import charts
from warta.store.analytics import Network


def test_day_bars_fill_gaps_with_empty_days() -> None:
    chart = charts.day_bars([("2024-04-01", 2), ("2024-04-04", 4)])
    assert [b.label for b in chart.bars] == ["2024-04-01", "2024-04-02", "2024-04-03",
                                            "2024-04-04"]
    assert [b.value for b in chart.bars] == [2, 0, 0, 4]
    assert chart.bars[3].h == pytest.approx(2 * chart.bars[0].h)
    assert all(b.w <= charts.MAX_BAR for b in chart.bars)


def test_stacked_bars_reach_the_day_total() -> None:
    chart = charts.stacked_day_bars([("2024-04-01", "AGREE", 1), ("2024-04-01", "ASSAULT", 3),
                                     ("2024-04-02", "AGREE", 2)])
    first = [b for b in chart.bars if b.label.startswith("2024-04-01")]
    assert sum(b.h for b in first) == pytest.approx(charts.HEIGHT - 2 * charts.PAD)
    assert chart.legend == ["AGREE", "ASSAULT"]  # PLOVER order, not alphabetical by chance


def test_timeline_gives_partial_dates_a_slot() -> None:
    chart = charts.timeline([("2024", True, "ACCUSE", 1), ("2024-04", False, "AGREE", 2),
                             ("2024-04-16", True, "AGREE", 2)])
    assert [d for _, d in chart.ticks] == ["2024", "2024-04", "2024-04-16"]
    up = [b for b in chart.bars if b.y + b.h <= charts.TIMELINE_MID + 1e-9]
    down = [b for b in chart.bars if b.y >= charts.TIMELINE_MID - 1e-9]
    assert {b.label for b in up} == {"2024 ACCUSE as source", "2024-04-16 AGREE as source"}
    assert {b.label for b in down} == {"2024-04 AGREE as target"}


def _net() -> Network:
    names = {"person:a": "A", "person:b": "B", "org:c": "Organisasi Dengan Nama Sangat Panjang",
             "gpe:IDN": "Indonesia"}
    nodes = {k: {"id": k, "name": v, "type": k.split(":")[0].upper(), "country": None,
                 "articles": 1} for k, v in names.items()}
    return Network(nodes=nodes,
                   cooccurrence=[{"a": "gpe:IDN", "b": "person:a", "articles": 2},
                                 {"a": "org:c", "b": "person:a", "articles": 1}],
                   interactions=[{"source": "person:a", "target": "person:b", "type": "AGREE",
                                  "events": 3}])


def test_network_layout_is_deterministic_with_focus_in_the_middle() -> None:
    nodes, edges = charts.network(_net(), focus="person:a")
    again, _ = charts.network(_net(), focus="person:a")
    assert [(n.id, n.x, n.y) for n in nodes] == [(n.id, n.x, n.y) for n in again]
    centre = nodes[0]
    assert (centre.id, centre.x, centre.y) == ("person:a", charts.NET_WIDTH / 2,
                                               charts.NET_HEIGHT / 2)
    assert [n.id for n in nodes[1:]] == ["gpe:IDN", "org:c", "person:b"]  # ring ordered by id
    assert len(edges) == 3 and sum("ev-AGREE" in e.css for e in edges) == 1
    long = next(n for n in nodes if n.id == "org:c")
    assert len(long.short) == charts.LABEL_CHARS and long.short.endswith("…")
    assert long.label == "Organisasi Dengan Nama Sangat Panjang"
