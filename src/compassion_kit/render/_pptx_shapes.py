"""Write planned text, pictures and charts onto a python-pptx slide.

Owns the shape-level XML: explicit sizes, fonts, language, bullets, alt text. Deciding what
goes where is the plan's job; package-level fixes are `_pptx_xml.py`'s.

Paragraphs and runs are built as DrawingML with lxml directly: python-pptx 1.0.2's text API
looks up and inserts each property through several layers of proxies, which was most of the
cost of writing a deck. The XML is the same as python-pptx's, element for element.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
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
from compassion_kit.render._pptx_xml import child

if TYPE_CHECKING:
    from pptx.parts.image import ImagePart
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
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_P, _PPR, _R = f"{_A}p", f"{_A}pPr", f"{_A}r"
_END = f"{_A}endParaRPr"
_CONTENT = (_R, f"{_A}br", f"{_A}fld")  # what clearing a paragraph removes; pPr stays
# Control characters are not allowed in XML; python-pptx writes them as _xHHHH_ (tab and
# line feed excepted), and so do we.
_CONTROL = re.compile(r"([\x00-\x08\x0B-\x1F])")

Link = Callable[[str], str]  # a URL -> the rId of its hyperlink relationship on the slide


def write_title(shape: Any, text: str, size: float, colour: str | None, font: str) -> None:
    """Fill a title placeholder (`p:sp`) with one run at an explicit size (no autofit)."""
    body = _prepare(shape, None)  # keep the layout's vertical anchor
    paragraph = body.find(_P)
    _paragraph_props(paragraph, Para(()), size, None, font)
    _add_run(paragraph, text, size, None, colour, font, None)


def write_text(shape: Any, spec: TextSpec, font: str, bullet_colour: str, link: Link) -> None:
    """Fill a shape (`p:sp`) with the spec's paragraphs at their explicit, measured sizes;
    `link` relates each hyperlink's URL to the slide, in reading order."""
    body = _prepare(shape, spec.anchor)
    numbers = [p.number for p in spec.paras if p.number is not None]
    start = numbers[0] if numbers else 1
    for index, para in enumerate(spec.paras):
        paragraph = body.find(_P) if index == 0 else child(body, "a:p")
        points = spec.size * para.scale
        marker = None if para.continued else para.bullet
        _paragraph_props(paragraph, para, spec.size, marker, font, start, bullet_colour)
        for item in para.runs:
            address = link(item.link) if item.link else None
            _add_run(paragraph, item.text, points, item.bold, item.colour, font, address)


def write_notes(body: Any, text: str) -> None:
    """Set a notes placeholder's `p:txBody` to `text` as python-pptx's `text_frame.text`
    does (a paragraph per line, a:br for vertical tab), every run in `LANG`."""
    for paragraph in body.findall(_P):
        body.remove(paragraph)
    for line in text.split("\n"):
        paragraph = child(body, "a:p")
        for index, piece in enumerate(line.split("\v")):
            if index:
                child(paragraph, "a:br")
            if piece:
                run = child(paragraph, "a:r")
                child(run, "a:rPr", lang=LANG)
                child(run, "a:t").text = _escaped(piece)


def _prepare(shape: Any, anchor: str | None) -> Any:
    """The shape's text body, emptied as python-pptx's `text_frame.clear()` does, wrapping
    and without autofit (the plan already made the text fit)."""
    body = shape.get_or_add_txBody()
    paragraphs = body.findall(_P)
    for extra in paragraphs[1:]:
        body.remove(extra)
    for old in list(paragraphs[0]):
        if old.tag in _CONTENT:
            paragraphs[0].remove(old)
    properties = body.bodyPr
    properties.wrap = "square"
    properties.autofit = MSO_AUTO_SIZE.NONE  # <a:noAutofit/>
    if anchor is not None:
        properties.anchor = _ANCHORS[anchor]
    return body


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
    ppr = p.find(_PPR)
    if ppr is None:
        ppr = child(p, "a:pPr")
        p.insert(0, ppr)  # first, before any runs
    for old in list(ppr):
        ppr.remove(old)
    points = size * para.scale
    hanging = NUMBER_INDENT_EM if para.bullet == "number" else BULLET_INDENT_EM
    ppr.set("marL", str(round(indent_pt(para, size) * EMU_PER_PT)))
    marked = marker in ("bullet", "number")
    ppr.set("indent", str(-round(hanging * points * EMU_PER_PT)) if marked else "0")
    ppr.set("algn", para.align)
    if para.level:
        ppr.set("lvl", str(para.level))
    child(child(ppr, "a:lnSpc"), "a:spcPct", val=str(LINE_SPACING))
    child(child(ppr, "a:spcBef"), "a:spcPts", val=str(round(para.space_before * points * 100)))
    if marker == "bullet":
        if bullet_colour:
            child(child(ppr, "a:buClr"), "a:srgbClr", val=_hex(bullet_colour))
        child(ppr, "a:buFont", typeface=font)
        child(ppr, "a:buChar", char=BULLET_CHAR)
    elif marker == "number":
        child(ppr, "a:buFont", typeface="+mj-lt")
        child(ppr, "a:buAutoNum", type="arabicPeriod", startAt=str(start))
    else:
        child(ppr, "a:buNone")


def _add_run(
    p: Any,
    text: str,
    size: float,
    bold: bool | None,
    colour: str | None,
    font: str,
    link_id: str | None,
) -> None:
    """A run with explicit size, weight, colour, font and language, and its link if any."""
    run = child(p, "a:r")
    end = p.find(_END)
    if end is not None:
        end.addprevious(run)  # a:endParaRPr stays last
    props = child(run, "a:rPr", sz=str(Pt(size).centipoints))
    if bold is not None:
        props.set("b", "1" if bold else "0")
    props.set("lang", LANG)
    if colour:
        child(child(props, "a:solidFill"), "a:srgbClr", val=_hex(colour))
    child(props, "a:latin", typeface=font)
    if link_id is not None:
        child(props, "a:hlinkClick").set(_R_ID, link_id)
    child(run, "a:t").text = _escaped(text)


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def _escaped(text: str) -> str:
    return _CONTROL.sub(lambda match: f"_x{ord(match.group(1)):04X}_", text)


def add_text_box(slide: Slide, spec: TextSpec, font: str, bullet_colour: str, link: Link) -> Any:
    """A new text box (`p:sp`) at the spec's box, optionally filled, named after the spec."""
    assert spec.box is not None
    x, y, cx, cy = spec.box
    tree: Any = slide.shapes._spTree
    # python-pptx's add_textbox at the element level (its shape proxies cost more than this).
    shape = tree.add_textbox(tree.max_shape_id + 1, "TextBox", x, y, cx, cy)
    rename(shape, spec.name or "Text")
    if spec.fill:
        child(shape.spPr.get_or_change_to_solidFill(), "a:srgbClr", val=_hex(spec.fill))
    write_text(shape, spec, font, bullet_colour, link)
    return shape


def add_picture(
    slide: Slide, spec: PictureSpec, image: ImagePart, r_id: str, name: str, link: Link
) -> Any:
    """A picture (`p:pic`) of `image`, related to the slide as `r_id`, at exactly the planned
    box, with alt text from the spec (never a file name) and the spec's link, if any."""
    x, y, cx, cy = spec.box
    tree: Any = slide.shapes._spTree
    # The p:pic python-pptx's add_picture writes, without decoding the image again to find a
    # size that is never used (the box gives both width and height). Name and alt text are
    # set afterwards: add_pic puts them into XML source unescaped (quotes).
    shape = tree.add_pic(tree.max_shape_id + 1, "Picture", image.desc, r_id, x, y, cx, cy)
    set_alt(shape, name, spec.alt)
    if spec.url:
        child(shape._nvXxPr.cNvPr, "a:hlinkClick").set(_R_ID, link(spec.url))
    return shape


def _rgb(colour: str) -> Any:
    """python-pptx's RGBColor for #RRGGBB (its constructors carry no type hints)."""
    factory: Any = RGBColor.from_string
    return factory(_hex(colour))


def rename(shape: Any, name: str) -> None:
    """Set a shape element's name, as shown in PowerPoint's Selection Pane."""
    shape._nvXxPr.cNvPr.set("name", name)


def set_alt(shape: Any, name: str, alt: str) -> None:
    """Name a shape element and set its alt text (python-pptx writes the file name as descr)."""
    c_nv_pr = shape._nvXxPr.cNvPr
    c_nv_pr.set("name", name)
    c_nv_pr.set("descr", alt)


def add_chart(slide: Slide, spec: ChartSpec, font: str) -> Any:
    """A native, editable chart (data in an embedded workbook), with alt text."""
    # Imported here: pptx.chart.data loads XlsxWriter (~15 ms), and most decks have no chart.
    from pptx.chart.data import CategoryChartData

    data: Any = cast(Any, CategoryChartData)(number_format=spec.number_format)
    data.categories = list(spec.categories)
    for name, values in spec.series:
        data.add_series(name, list(values))
    x, y, cx, cy = spec.box
    frame: Any = slide.shapes.add_chart(
        _CHART_TYPES[spec.kind], Emu(x), Emu(y), Emu(cx), Emu(cy), data
    )
    set_alt(frame._element, "Chart", spec.alt)
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
