"""Chart pictures for the Word report, drawn with matplotlib from the planned charts.

Owns matplotlib (imported only here, lazily, with the Agg backend: no display, no
LibreOffice) and making its PNG bytes identical for identical charts.
"""

from __future__ import annotations

import io
import math
import textwrap
from typing import TYPE_CHECKING, Any

from compassion_kit.feedback.chart_spec import Chart

if TYPE_CHECKING:
    from compassion_kit.model import Organisation

WIDTH_IN = 6.3  # fits A4 portrait between 2.5 cm margins
DPI = 150
TEXT = 11  # points at 100%: the picture is placed at its own size, so this is the print size


def chart_png(chart: Chart, org: Organisation) -> bytes:
    """The chart as PNG bytes: the same chart gives the same bytes (no date or software
    name in the file, fixed size and resolution)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    with matplotlib.rc_context(
        {
            "font.family": "sans-serif",
            "font.sans-serif": [org.font, "Arial", "Liberation Sans", "DejaVu Sans"],
            "font.size": TEXT,
            "svg.hashsalt": "compassion-kit",
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    ):
        rows = max(len(chart.categories), 1)
        height = {"run": 3.6, "diverging": 2.4 + 0.6 * rows}.get(chart.kind, 1.2 + 0.45 * rows)
        figure, axes = pyplot.subplots(figsize=(WIDTH_IN, height), dpi=DPI)
        try:
            _draw(axes, chart)
            out = io.BytesIO()
            figure.savefig(
                out,
                format="png",
                dpi=DPI,
                metadata={"Software": None},
                bbox_inches="tight",
                pad_inches=0.1,
            )
        finally:
            pyplot.close(figure)
    return out.getvalue()


def _draw(axes: Any, chart: Chart) -> None:
    labels = [textwrap.fill(c, 34) for c in chart.categories]
    if chart.kind == "run":
        points = list(range(len(labels)))
        for series in chart.series:
            values = [math.nan if v is None else v * 100 for v in series.values]
            style = "-o" if series.name != "Median" else "--"
            axes.plot(points, values, style, color=series.colour, label=series.name)
        axes.set_xticks(points, labels)
        axes.set_ylim(0, 100)
        axes.set_ylabel("% positive")
        axes.legend(loc="lower right", frameon=False)
        return
    positions = list(range(len(labels)))[::-1]  # first category at the top
    if chart.kind == "diverging":
        _diverging(axes, chart, positions)
    else:
        series = chart.series[0]
        values = [(v or 0.0) * (100 if chart.percent else 1) for v in series.values]
        bars = axes.barh(positions, values, color=series.colour)
        axes.bar_label(bars, labels=[_value(v, chart.percent) for v in values], padding=3)
        if chart.percent:
            axes.set_xlim(0, 110)
    axes.set_yticks(positions, labels)


def _diverging(axes: Any, chart: Chart, positions: list[int]) -> None:
    """Stacked from 0 to 2 with the centre line at 1 (see plan.diverging); the unfilled
    lead and tail series are skipped."""
    left = [0.0] * len(positions)
    for series in chart.series:
        if series.in_legend:
            axes.barh(
                positions,
                list(series.values),
                left=left,
                color=series.colour,
                label=series.name,
                edgecolor="white",
                linewidth=0.5,
            )
        left = [a + (b or 0.0) for a, b in zip(left, series.values, strict=True)]
    axes.axvline(1, color="black", linewidth=0.8)
    axes.set_xlim(0, 2)
    axes.set_xticks([0, 0.5, 1, 1.5, 2], ["100%", "50%", "0", "50%", "100%"])
    axes.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.18),
        ncol=3,
        frameon=False,
        fontsize=TEXT - 1,
    )


def _value(value: float, as_percent: bool) -> str:
    return f"{value:.0f}%" if as_percent else f"{value:.0f}"
