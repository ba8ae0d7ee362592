"""Native, editable charts on a slide: bar, column or pie, styled for slides.

Owns turning a `ChartSpec` into a python-pptx chart whose data lives in an embedded workbook
(python-pptx writes it with XlsxWriter), so PowerPoint's Edit Data opens it. What goes in the
chart is the plan's (`plan/deck_figures.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.util import Emu

from compassion_kit.render.plan.deck_spec import ChartSpec, centipoints
from compassion_kit.render.pptx import oxml
from compassion_kit.render.pptx.text import rgb

if TYPE_CHECKING:
    from pptx.slide import Slide

BAR_GAP_PERCENT = 60  # gap between bars, % of a bar's width (Office's default 150 looks thin)
_CHART_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "pie": XL_CHART_TYPE.PIE,
}


def add_chart(slide: Slide, spec: ChartSpec, font: str) -> Any:
    """A native chart at the spec's box, named "Chart", with the spec's alt text."""
    # python-pptx's chart data classes carry no type hints.
    data: Any = cast(Any, CategoryChartData)(number_format=spec.number_format)
    data.categories = list(spec.categories)
    for name, values in spec.series:
        data.add_series(name, list(values))
    x, y, cx, cy = spec.box
    frame: Any = slide.shapes.add_chart(
        _CHART_TYPES[spec.kind], Emu(x), Emu(y), Emu(cx), Emu(cy), data
    )
    frame.name = "Chart"
    oxml.set_alt_text(frame, spec.alt)
    size = Emu(centipoints(spec.font_size) * 127)
    chart = frame.chart
    chart.has_title = False
    chart.font.size = size
    if font:  # else the template's theme font
        chart.font.name = font
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = spec.number_format
    labels.number_format_is_linked = False
    labels.font.size = size
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    if spec.kind == "pie":
        colours = _cycle(spec.colours, len(spec.categories))
        for point, colour in zip(plot.series[0].points, colours, strict=False):
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = rgb(colour)
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.RIGHT
        chart.legend.include_in_layout = False
        chart.legend.font.size = size
    else:
        _bar_style(chart, spec, size)
    oxml.positive_axis_ids(chart)
    return frame


def _bar_style(chart: Any, spec: ChartSpec, size: Emu) -> None:
    plot = chart.plots[0]
    plot.gap_width = BAR_GAP_PERCENT
    for series, colour in zip(plot.series, _cycle(spec.colours, len(spec.series)), strict=True):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = rgb(colour)
    if spec.kind == "bar":
        chart.category_axis.reverse_order = True  # first category at the top, as it is read
    chart.value_axis.visible = False  # the data labels carry the values
    chart.value_axis.has_major_gridlines = False
    chart.category_axis.tick_labels.font.size = size
    chart.has_legend = len(spec.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False


def _cycle(colours: tuple[str, ...], count: int) -> list[str]:
    return [colours[n % len(colours)] for n in range(count)]
