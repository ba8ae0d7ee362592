"""The chart part of a native chart: bar, column or pie, styled for slides, as DrawingML.

Owns the c:chartSpace XML, the same as python-pptx 1.0.2 wrote for our charts (its templates,
then our styling calls), with positive axis ids. The data it shows lives in the embedded
workbook (`_pptx_workbook.py`), which the formulas here point to.
"""

from __future__ import annotations

from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

from compassion_kit.render._ns import NS, qn
from compassion_kit.render._pptx_ns import R_ID, child
from compassion_kit.render._pptx_spec import ChartSpec, centipoints
from compassion_kit.render._pptx_workbook import SHEET, column

BAR_GAP_PERCENT = 60  # gap between bars, % of a bar's width (Office's default 150 looks thin)
# The strict schema wants unsignedInt axis ids (python-pptx wrote random negative ones).
CATEGORY_AXIS, VALUE_AXIS = "500000001", "500000002"
_CHART_NS = {p: NS[p] for p in ("c", "a", "r")}


def chart_xml(spec: ChartSpec, font: str, workbook_id: str) -> Any:
    """The chart part's root element; `workbook_id` is the rId of its embedded workbook."""
    space = etree.Element(qn("c:chartSpace"), nsmap=_CHART_NS)
    if spec.kind != "pie":  # python-pptx's pie template has no c:date1904 (default 0 anyway)
        child(space, "c:date1904", val="0")
    chart = child(space, "c:chart")
    child(chart, "c:autoTitleDeleted", val="1")
    plot = child(chart, "c:plotArea")
    if spec.kind == "pie":
        _pie(plot, spec)
        _legend(chart, "", spec.font_size)  # empty legendPos: the default, right
    else:
        _bars(plot, spec)
        if len(spec.series) > 1:
            _legend(chart, "b", None)
    child(chart, "c:dispBlanksAs", val="gap")
    run = _text_props(space, spec.font_size)
    child(run, "a:latin", typeface=font)
    run.getparent().addnext(etree.Element(qn("a:endParaRPr"), lang="en-US"))
    external = child(space, "c:externalData")
    external.set(R_ID, workbook_id)
    child(external, "c:autoUpdate", val="0")
    return space


def _bars(plot: Any, spec: ChartSpec) -> None:
    horizontal = spec.kind == "bar"
    bars = child(plot, "c:barChart")
    child(bars, "c:barDir", val="bar" if horizontal else "col")
    child(bars, "c:grouping", val="clustered")
    colours = _cycle(spec.colours, len(spec.series))
    for index, ((name, values), colour) in enumerate(zip(spec.series, colours, strict=True)):
        series = _series(bars, spec, index, name)
        _fill(child(series, "c:spPr"), colour)
        _data(series, spec, index, values)
    _labels(bars, spec)
    child(bars, "c:gapWidth", val=str(BAR_GAP_PERCENT))
    child(bars, "c:axId", val=CATEGORY_AXIS)
    child(bars, "c:axId", val=VALUE_AXIS)
    categories = child(plot, "c:catAx")
    child(categories, "c:axId", val=CATEGORY_AXIS)
    # A bar chart lists its first category at the top, as it is read.
    child(child(categories, "c:scaling"), "c:orientation", val="maxMin" if horizontal else "minMax")
    child(categories, "c:delete", val="0")
    _axis_ticks(categories, "l" if horizontal else "b")
    _text_props(categories, spec.font_size)
    child(categories, "c:crossAx", val=VALUE_AXIS)
    child(categories, "c:crosses", val="autoZero")
    child(categories, "c:auto", val="1")
    child(categories, "c:lblAlgn", val="ctr")
    child(categories, "c:lblOffset", val="100")
    child(categories, "c:noMultiLvlLbl", val="0")
    values = child(plot, "c:valAx")  # hidden: the data labels carry the values
    child(values, "c:axId", val=VALUE_AXIS)
    child(values, "c:scaling")
    child(values, "c:delete")  # val defaults to true
    _axis_ticks(values, "b" if horizontal else "l")
    child(values, "c:crossAx", val=CATEGORY_AXIS)
    child(values, "c:crosses", val="autoZero")


def _pie(plot: Any, spec: ChartSpec) -> None:
    pie = child(plot, "c:pieChart")
    child(pie, "c:varyColors", val="1")
    name, values = spec.series[0]  # a pie shows one series; the workbook keeps them all
    series = _series(pie, spec, 0, name)
    for index, colour in enumerate(_cycle(spec.colours, len(spec.categories))):
        point = child(series, "c:dPt")
        child(point, "c:idx", val=str(index))
        _fill(child(point, "c:spPr"), colour)
    _data(series, spec, 0, values)
    _labels(pie, spec)


def _series(parent: Any, spec: ChartSpec, index: int, name: str) -> Any:
    series = child(parent, "c:ser")
    child(series, "c:idx", val=str(index))
    child(series, "c:order", val=str(index))
    ref = child(child(series, "c:tx"), "c:strRef")
    child(ref, "c:f").text = f"{SHEET}!${column(2 + index)}$1"
    _strings(child(ref, "c:strCache"), (name,))
    return series


def _data(series: Any, spec: ChartSpec, index: int, values: tuple[float, ...]) -> None:
    """The series' categories and values, with the workbook ranges they come from."""
    last = len(spec.categories) + 1
    ref = child(child(series, "c:cat"), "c:strRef")
    child(ref, "c:f").text = f"{SHEET}!$A$2:$A${last}"
    _strings(child(ref, "c:strCache"), spec.categories)
    ref = child(child(series, "c:val"), "c:numRef")
    letter = column(2 + index)
    child(ref, "c:f").text = f"{SHEET}!${letter}$2:${letter}${len(values) + 1}"
    cache = child(ref, "c:numCache")
    child(cache, "c:formatCode").text = spec.number_format
    child(cache, "c:ptCount", val=str(len(values)))
    for number, value in enumerate(values):
        child(child(cache, "c:pt", idx=str(number)), "c:v").text = str(float(value))


def _strings(cache: Any, texts: tuple[str, ...]) -> None:
    child(cache, "c:ptCount", val=str(len(texts)))
    for number, text in enumerate(texts):
        child(child(cache, "c:pt", idx=str(number)), "c:v").text = text


def _labels(plot: Any, spec: ChartSpec) -> None:
    """Values shown outside the end of each bar or slice, in the chart's number format."""
    labels = child(plot, "c:dLbls")
    child(labels, "c:numFmt", formatCode=spec.number_format, sourceLinked="0")
    _text_props(labels, spec.font_size)
    child(labels, "c:dLblPos", val="outEnd")
    for flag, value in (
        ("showLegendKey", "0"),
        ("showVal", "1"),
        ("showCatName", "0"),
        ("showSerName", "0"),
        ("showPercent", "0"),
        ("showBubbleSize", "0"),
        ("showLeaderLines", "1"),
    ):
        child(labels, f"c:{flag}", val=value)


def _legend(chart: Any, position: str, size: float | None) -> None:
    legend = child(chart, "c:legend")
    where = child(legend, "c:legendPos")
    if position:
        where.set("val", position)
    child(legend, "c:overlay", val="0")  # beside the plot, not over it
    if size is not None:
        _text_props(legend, size)


def _axis_ticks(axis: Any, position: str) -> None:
    child(axis, "c:axPos", val=position)
    child(axis, "c:majorTickMark", val="out")
    child(axis, "c:minorTickMark", val="none")
    child(axis, "c:tickLblPos", val="nextTo")


def _text_props(parent: Any, size: float) -> Any:
    """A c:txPr setting the text size; returns its a:defRPr."""
    body = child(parent, "c:txPr")
    child(body, "a:bodyPr")
    child(body, "a:lstStyle")
    properties = child(child(body, "a:p"), "a:pPr")
    return child(properties, "a:defRPr", sz=str(centipoints(size)))


def _fill(properties: Any, colour: str) -> None:
    child(child(properties, "a:solidFill"), "a:srgbClr", val=colour.lstrip("#").upper())


def _cycle(colours: tuple[str, ...], count: int) -> list[str]:
    return [colours[n % len(colours)] for n in range(count)]
