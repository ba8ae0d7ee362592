"""Write planned text, pictures and chart frames into a slide's shape tree, as lxml elements.

Owns the shape-level XML: explicit sizes, fonts, language, bullets, alt text. Deciding what
goes where is the plan's job; parts and relationships are `_pptx_parts.py`'s.

The XML is what python-pptx 1.0.2 wrote for the same calls (its element templates and
attribute order), built directly: its proxies cost more than the rest of writing a deck.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from compassion_kit.render._core import LANG
from compassion_kit.render._ns import qn
from compassion_kit.render._pptx_ns import R_ID, child, copied, element, fragment
from compassion_kit.render._pptx_spec import (
    BULLET_INDENT_EM,
    EMU_PER_PT,
    NUMBER_INDENT_EM,
    Para,
    PictureSpec,
    TextSpec,
    centipoints,
    indent_pt,
)

LINE_SPACING = 100000  # a:spcPct 100%: the spacing the plan measured with
BULLET_CHAR = "\u2022"
_P, _PPR, _R, _END = qn("a:p"), qn("a:pPr"), qn("a:r"), qn("a:endParaRPr")
_TX_BODY, _BODY_PR, _EMBED = qn("p:txBody"), qn("a:bodyPr"), qn("r:embed")
_CONTENT = (_R, qn("a:br"), qn("a:fld"))  # what clearing a paragraph removes; pPr stays
_AUTOFIT = (qn("a:noAutofit"), qn("a:normAutofit"), qn("a:spAutoFit"))
_AFTER_AUTOFIT = (qn("a:scene3d"), qn("a:sp3d"), qn("a:flatTx"), qn("a:extLst"))
_TEXT_BOX = (
    '<p:sp><p:nvSpPr><p:cNvPr id="0" name=""/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
    '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
    '<p:txBody><a:bodyPr wrap="none"><a:spAutoFit/></a:bodyPr><a:lstStyle/><a:p/></p:txBody>'
    "</p:sp>"
)
_PICTURE = (
    '<p:pic><p:nvPicPr><p:cNvPr id="0" name="" descr=""/>'
    '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>'
    '<p:blipFill><a:blip r:embed=""/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
    '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
)
_CHART_FRAME = (
    '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="0" name=""/>'
    '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/>'
    '</p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></p:xfrm>'
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
    '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id=""/>'
    "</a:graphicData></a:graphic></p:graphicFrame>"
)

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
    does (a paragraph per line), every run in `LANG`."""
    for paragraph in body.findall(_P):
        body.remove(paragraph)
    for line in text.split("\n"):
        paragraph = child(body, "a:p")
        if line:
            run = child(paragraph, "a:r")
            child(run, "a:rPr", lang=LANG)
            child(run, "a:t").text = line


def add_text_box(tree: Any, spec: TextSpec, font: str, bullet_colour: str, link: Link) -> Any:
    """A new text box (`p:sp`) at the end of `tree`, at the spec's box, optionally filled,
    named after the spec."""
    assert spec.box is not None
    shape = fragment(_TEXT_BOX, "a", "p")
    _place(shape[1][0], spec.box)
    rename(shape, spec.name or "Text")
    if spec.fill:
        no_fill = shape[1][2]
        fill = child(shape[1], "a:solidFill")
        no_fill.addprevious(fill)  # where a:noFill was: schema order
        shape[1].remove(no_fill)
        child(fill, "a:srgbClr", val=_hex(spec.fill))
    tree.append(shape)
    write_text(shape, spec, font, bullet_colour, link)
    return shape


def add_picture(tree: Any, spec: PictureSpec, r_id: str, name: str, link: Link) -> Any:
    """A picture (`p:pic`) of the image related to the slide as `r_id`, at exactly the planned
    box, with alt text from the spec (never a file name) and the spec's link, if any."""
    shape = fragment(_PICTURE, "a", "p", "r")
    set_alt(shape, name, spec.alt)
    shape[1][0].set(_EMBED, r_id)
    _place(shape[2][0], spec.box)
    if spec.url:
        child(shape[0][0], "a:hlinkClick").set(R_ID, link(spec.url))
    tree.append(shape)
    return shape


def add_chart_frame(tree: Any, box: tuple[int, int, int, int], alt: str, r_id: str) -> Any:
    """The `p:graphicFrame` showing the chart part related to the slide as `r_id`."""
    frame = fragment(_CHART_FRAME, "a", "p", "r")
    set_alt(frame, "Chart", alt)
    _place(frame[1], box)
    frame[2][0][0].set(R_ID, r_id)
    tree.append(frame)
    return frame


def rename(shape: Any, name: str) -> None:
    """Set a shape element's name, as shown in PowerPoint's Selection Pane."""
    shape[0][0].set("name", name)


def set_alt(shape: Any, name: str, alt: str) -> None:
    """Name a shape element and set its alt text (`descr`)."""
    c_nv_pr = shape[0][0]
    c_nv_pr.set("name", name)
    c_nv_pr.set("descr", alt)


def _place(xfrm: Any, box: tuple[int, int, int, int]) -> None:
    x, y, cx, cy = box
    xfrm[0].set("x", str(x))
    xfrm[0].set("y", str(y))
    xfrm[1].set("cx", str(cx))
    xfrm[1].set("cy", str(cy))


def _prepare(shape: Any, anchor: str | None) -> Any:
    """The shape's text body, emptied as python-pptx's `text_frame.clear()` does, wrapping
    and without autofit (the plan already made the text fit)."""
    body = shape.find(_TX_BODY)
    if body is None:  # a placeholder type without text, e.g. a picture placeholder
        body = child(shape, "p:txBody")
        child(body, "a:bodyPr")
        child(body, "a:p")
    paragraphs = body.findall(_P)
    for extra in paragraphs[1:]:
        body.remove(extra)
    for old in list(paragraphs[0]):
        if old.tag in _CONTENT:
            paragraphs[0].remove(old)
    properties = body.find(_BODY_PR)
    properties.set("wrap", "square")
    for old in list(properties):
        if old.tag in _AUTOFIT:
            properties.remove(old)
    no_autofit = child(properties, "a:noAutofit")
    later = next((e for e in properties if e.tag in _AFTER_AUTOFIT), None)
    if later is not None:
        later.addprevious(no_autofit)
    if anchor is not None:
        properties.set("anchor", anchor)
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
    points = size * para.scale
    hanging = NUMBER_INDENT_EM if para.bullet == "number" else BULLET_INDENT_EM
    marker = marker if marker in ("bullet", "number") else None
    properties = copied(
        _paragraph_template(
            round(indent_pt(para, size) * EMU_PER_PT),
            -round(hanging * points * EMU_PER_PT) if marker else 0,
            para.align,
            para.level,
            round(para.space_before * points * 100),
            marker,
            font,
            start if marker == "number" else 1,
            bullet_colour if marker == "bullet" else None,
        )
    )
    old = p.find(_PPR)
    if old is None:
        p.insert(0, properties)  # first, before any runs
    else:
        p.replace(old, properties)


# Paragraph and run properties repeat across a deck: each is built once, then copied (lxml
# copies a few elements several times faster than Python builds them).
@functools.lru_cache(maxsize=1024)
def _paragraph_template(
    left: int,
    indent: int,
    align: str,
    level: int,
    before: int,
    marker: str | None,
    font: str,
    start: int,
    bullet_colour: str | None,
) -> Any:
    properties = element("a:pPr", marL=str(left), indent=str(indent), algn=align)
    if level:
        properties.set("lvl", str(level))
    child(child(properties, "a:lnSpc"), "a:spcPct", val=str(LINE_SPACING))
    child(child(properties, "a:spcBef"), "a:spcPts", val=str(before))
    if marker == "bullet":
        if bullet_colour:
            child(child(properties, "a:buClr"), "a:srgbClr", val=_hex(bullet_colour))
        child(properties, "a:buFont", typeface=font)
        child(properties, "a:buChar", char=BULLET_CHAR)
    elif marker == "number":
        child(properties, "a:buFont", typeface="+mj-lt")
        child(properties, "a:buAutoNum", type="arabicPeriod", startAt=str(start))
    else:
        child(properties, "a:buNone")
    return properties


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
    run = copied(_run_template(centipoints(size), bold, colour, font))
    run[1].text = text
    end = p.find(_END)
    if end is None:
        p.append(run)
    else:
        end.addprevious(run)  # a:endParaRPr stays last
    if link_id is not None:  # added in the slide's tree, where the r: prefix is declared
        child(run[0], "a:hlinkClick").set(R_ID, link_id)


@functools.lru_cache(maxsize=1024)
def _run_template(size: int, bold: bool | None, colour: str | None, font: str) -> Any:
    run = element("a:r")
    properties = child(run, "a:rPr", sz=str(size))
    if bold is not None:
        properties.set("b", "1" if bold else "0")
    properties.set("lang", LANG)
    if colour:
        child(child(properties, "a:solidFill"), "a:srgbClr", val=_hex(colour))
    child(properties, "a:latin", typeface=font)
    child(run, "a:t")
    return run


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()
