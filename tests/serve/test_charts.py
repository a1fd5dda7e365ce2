"""Charts: Vega-Lite time charts (window, bins, year labels, partial dates) and the
deterministic network layout."""

from __future__ import annotations

import re
from datetime import date

import pytest

from warta.serve import charts
from warta.store.analytics import Network


def _labels(chart: charts.TimeChart) -> list[str]:
    """The texts of the rendered SVG (axis labels)."""
    return re.findall(r">([^<>]+)</text>", str(chart.svg))


def test_events_far_in_the_past_do_not_blank_the_chart() -> None:
    """Issue 16, item 8: one event dated 1945 spread the axis over 366 days from 1945, so no
    2025 event was drawn. The default window is the year up to the newest event."""
    chart = charts.events_chart([("1945-08-17", "AGREE", 1), ("2025-03-01", "AGREE", 2),
                                 ("2025-03-02", "PROTEST", 1), ("2025-10-30", "ACCUSE", 3)])
    assert (chart.start, chart.end) == (date(2024, 10, 30), date(2025, 10, 30))
    assert (chart.shown, chart.before, chart.oldest) == (6, 1, date(1945, 8, 17))
    assert chart.unit == "week"
    assert "01 Mar 2025" in _labels(chart)  # years on the axis
    assert chart.legend == ["AGREE", "ACCUSE", "PROTEST"]  # PLOVER order
    drawn = chart.spec["data"]["values"]
    assert sum(v["count"] for v in drawn) == 6


def test_the_callers_bounds_widen_the_window() -> None:
    counts = [("1945-08-17", "AGREE", 1), ("2025-03-01", "AGREE", 2)]
    chart = charts.events_chart(counts, since="1945-08-17")
    assert (chart.start, chart.shown, chart.before, chart.unit) == (date(1945, 8, 17), 3, 0,
                                                                    "year")
    assert "1950" in _labels(chart) and "2020" in _labels(chart)


@pytest.mark.parametrize(("last", "unit", "label"), [
    ("2024-05-20", "day", r"\d\d [A-Z][a-z]{2} 2024"),
    ("2024-09-01", "week", r"\d\d [A-Z][a-z]{2} 2024"),
    ("2027-01-01", "month", r"[A-Z][a-z]{2} 202[4-7]"), ("2040-01-01", "year", r"20[234]\d"),
])
def test_bins_and_axis_labels_follow_the_span(last: str, unit: str, label: str) -> None:
    chart = charts.article_chart([("2024-04-16", 1), (last, 2)],
                                 since="2024-04-16", until=last)
    assert chart.unit == unit
    ticks = [t for t in _labels(chart) if not t.isdigit() or len(t) == 4]
    assert len(ticks) >= 3 and all(re.fullmatch(label, t) for t in ticks), ticks


def test_a_few_days_still_get_a_readable_window() -> None:
    chart = charts.article_chart([("2024-04-16", 1), ("2024-04-18", 2)])
    assert (chart.end - chart.start).days + 1 == charts.MIN_WINDOW_DAYS
    assert [v["count"] for v in chart.spec["data"]["values"]] == [1, 2]


def test_timeline_draws_partial_dates_over_their_period_and_targets_below() -> None:
    chart = charts.timeline([("2024-04", False, "AGREE", 2), ("2024-04-16", True, "AGREE", 2),
                             ("2024-04-17", True, "ACCUSE", 1)])
    bars = {v["label"]: v for v in chart.spec["data"]["values"]}
    month = bars["2024-04-01 AGREE"]
    assert (month["y0"], month["y1"], month["partial"]) == (0, -2, True)  # target: below
    assert month["end"] - month["start"] == 30 * 86_400_000  # all of April
    assert (bars["2024-04-16 AGREE"]["y1"], bars["2024-04-16 AGREE"]["partial"]) == (2, False)
    assert chart.shown == 5


def test_chart_svg_has_no_script_or_inline_style() -> None:
    chart = charts.events_chart([("2025-03-01", "AGREE", 2)])
    svg = str(chart.svg)
    assert svg.startswith("<svg") and "<script" not in svg and "style=" not in svg


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
