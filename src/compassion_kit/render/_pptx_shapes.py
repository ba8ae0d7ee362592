"""Write planned text, pictures and charts onto a python-pptx slide.

Owns the shape-level XML: explicit sizes, fonts, language, bullets, alt text. Deciding what
goes where is the plan's job; package-level fixes are `_pptx_xml.py`'s.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, cast

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Emu, Pt

from compassion_kit.render._pptx_spec import (
    BULLET_INDENT_EM,
    EMU_PER_PT,
    NUMBER_INDENT_EM,
    ChartSpec,
    Para,
    PictureSpec,
    TextSpec,
    indent_pt,
)

if TYPE_CHECKING:
    from pptx.shapes.autoshape import Shape
    from pptx.slide import Slide

LANG = "en-GB"
LINE_SPACING = 100000  # a:spcPct 100%: the spacing the plan measured with
BULLET_CHAR = "\u2022"
BAR_GAP_PERCENT = 60  # gap between bars, % of a bar's width (Office's default 150 looks thin)
_ANCHORS = {"t": MSO_ANCHOR.TOP, "ctr": MSO_ANCHOR.MIDDLE, "b": MSO_ANCHOR.BOTTOM}
_CHART_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "pie": XL_CHART_TYPE.PIE,
}


def write_title(shape: Shape, text: str, size: float, colour: str | None, font: str) -> None:
    """Fill a title placeholder with one run at an explicit size (no autofit)."""
    frame = shape.text_frame
    _prepare(frame, None)  # keep the layout's vertical anchor
    paragraph = frame.paragraphs[0]
    _paragraph_props(paragraph._p, Para(()), size, None, font)
    run = paragraph.add_run()
    run.text = text
    _run_props(run, size, None, colour, font)


def write_text(frame: Any, spec: TextSpec, font: str, bullet_colour: str) -> None:
    """Fill a text frame with the spec's paragraphs at their explicit, measured sizes."""
    _prepare(frame, spec.anchor)
    numbers = [p.number for p in spec.paras if p.number is not None]
    start = numbers[0] if numbers else 1
    for index, para in enumerate(spec.paras):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        points = spec.size * para.scale
        marker = None if para.continued else para.bullet
        _paragraph_props(paragraph._p, para, spec.size, marker, font, start, bullet_colour)
        for item in para.runs:
            run = paragraph.add_run()
            run.text = item.text
            _run_props(run, points, item.bold, item.colour, font)
            if item.link:
                run.hyperlink.address = item.link


def _prepare(frame: Any, anchor: str | None) -> None:
    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE  # <a:noAutofit/>: the plan already made text fit
    if anchor is not None:
        frame.vertical_anchor = _ANCHORS[anchor]


def _paragraph_props(
    p: Any,
    para: Para,
    size: float,
    marker: str | None,
    font: str,
    start: int = 1,
    bullet_colour: str | None = None,
) -> None:
    """Explicit a:pPr: indent, alignment, 100% line spacing, space before and the marker."""
    ppr = p.get_or_add_pPr()
    for child in list(ppr):
        ppr.remove(child)
    points = size * para.scale
    hanging = NUMBER_INDENT_EM if para.bullet == "number" else BULLET_INDENT_EM
    ppr.set("marL", str(round(indent_pt(para, size) * EMU_PER_PT)))
    marked = marker in ("bullet", "number")
    ppr.set("indent", str(-round(hanging * points * EMU_PER_PT)) if marked else "0")
    ppr.set("algn", para.align)
    if para.level:
        ppr.set("lvl", str(para.level))
    _sub(_sub(ppr, "a:lnSpc"), "a:spcPct", val=str(LINE_SPACING))
    _sub(_sub(ppr, "a:spcBef"), "a:spcPts", val=str(round(para.space_before * points * 100)))
    if marker == "bullet":
        if bullet_colour:
            _sub(_sub(ppr, "a:buClr"), "a:srgbClr", val=bullet_colour.lstrip("#").upper())
        _sub(ppr, "a:buFont", typeface=font)
        _sub(ppr, "a:buChar", char=BULLET_CHAR)
    elif marker == "number":
        _sub(ppr, "a:buFont", typeface="+mj-lt")
        _sub(ppr, "a:buAutoNum", type="arabicPeriod", startAt=str(start))
    else:
        _sub(ppr, "a:buNone")


def _sub(parent: Any, tag: str, **attrs: str) -> Any:
    child = OxmlElement(tag)
    for name, value in attrs.items():
        child.set(name, value)
    parent.append(child)
    return child


def _rgb(colour: str) -> Any:
    """python-pptx's RGBColor for #RRGGBB (its constructors carry no type hints)."""
    factory: Any = RGBColor.from_string
    return factory(colour.lstrip("#").upper())


def _run_props(run: Any, size: float, bold: bool | None, colour: str | None, font: str) -> None:
    run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold
    run.font.name = font
    if colour:
        run.font.color.rgb = _rgb(colour)
    run._r.get_or_add_rPr().set("lang", LANG)


def add_text_box(slide: Slide, spec: TextSpec, font: str, bullet_colour: str) -> Shape:
    """A new text box at the spec's box, optionally filled, named after the spec."""
    assert spec.box is not None
    x, y, cx, cy = spec.box
    box = slide.shapes.add_textbox(Emu(x), Emu(y), Emu(cx), Emu(cy))
    box.name = spec.name or "Text"
    if spec.fill:
        box.fill.solid()
        box.fill.fore_color.rgb = _rgb(spec.fill)
    write_text(box.text_frame, spec, font, bullet_colour)
    return box


def add_picture(slide: Slide, spec: PictureSpec, png: bytes, name: str) -> Any:
    """A picture at exactly the planned box, with alt text from the spec (never a file name)."""
    x, y, cx, cy = spec.box
    picture = slide.shapes.add_picture(io.BytesIO(png), Emu(x), Emu(y), Emu(cx), Emu(cy))
    set_alt(picture, name, spec.alt)
    if spec.url:
        picture.click_action.hyperlink.address = spec.url
    return picture


def set_alt(shape: Any, name: str, alt: str) -> None:
    """Name a shape and set its alt text (python-pptx writes the file name as descr)."""
    c_nv_pr = shape._element.xpath("./*[1]/p:cNvPr")[0]
    c_nv_pr.set("name", name)
    c_nv_pr.set("descr", alt)


def add_chart(slide: Slide, spec: ChartSpec, font: str) -> Any:
    """A native, editable chart (data in an embedded workbook), with alt text."""
    data: Any = cast(Any, CategoryChartData)(number_format=spec.number_format)
    data.categories = list(spec.categories)
    for name, values in spec.series:
        data.add_series(name, list(values))
    x, y, cx, cy = spec.box
    frame: Any = slide.shapes.add_chart(
        _CHART_TYPES[spec.kind], Emu(x), Emu(y), Emu(cx), Emu(cy), data
    )
    set_alt(frame, "Chart", spec.alt)
    chart = frame.chart
    chart.has_title = False
    chart.font.size = Pt(spec.font_size)
    chart.font.name = font
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = spec.number_format
    labels.number_format_is_linked = False
    labels.font.size = Pt(spec.font_size)
    if spec.kind == "pie":
        _pie_style(chart, spec)
    else:
        _bar_style(chart, spec)
    return frame


def _bar_style(chart: Any, spec: ChartSpec) -> None:
    plot = chart.plots[0]
    plot.gap_width = BAR_GAP_PERCENT
    plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
    for series, colour in zip(plot.series, _cycle(spec.colours, len(spec.series)), strict=True):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = _rgb(colour)
    if spec.kind == "bar":
        chart.category_axis.reverse_order = True  # first category at the top, as it is read
    chart.value_axis.visible = False  # the data labels carry the values
    chart.value_axis.has_major_gridlines = False
    chart.category_axis.tick_labels.font.size = Pt(spec.font_size)
    chart.has_legend = len(spec.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False


def _pie_style(chart: Any, spec: ChartSpec) -> None:
    plot = chart.plots[0]
    plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
    colours = _cycle(spec.colours, len(spec.categories))
    for point, colour in zip(plot.series[0].points, colours, strict=False):
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = _rgb(colour)
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.RIGHT
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(spec.font_size)


def _cycle(colours: tuple[str, ...], count: int) -> list[str]:
    return [colours[n % len(colours)] for n in range(count)]
