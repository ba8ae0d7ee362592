"""Planned text, pictures and notes on a python-pptx slide.

Owns filling titles, placeholders, text boxes and notes at the plan's explicit sizes, fonts,
language, bullets and links, and placing pictures with alt text. Deciding what goes where is
the plan's job; what python-pptx has no call for is `oxml.py`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from pptx.dml.color import RGBColor
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.util import Emu

from compassion_kit.render.plan.deck_spec import (
    BULLET_INDENT_EM,
    EMU_PER_PT,
    NUMBER_INDENT_EM,
    Para,
    PictureSpec,
    TextSpec,
    centipoints,
    indent_pt,
)
from compassion_kit.render.pptx import oxml, speed

if TYPE_CHECKING:
    from pptx.slide import Slide

LANGUAGE = MSO_LANGUAGE_ID.ENGLISH_UK
_ANCHORS = {"t": MSO_ANCHOR.TOP, "ctr": MSO_ANCHOR.MIDDLE, "b": MSO_ANCHOR.BOTTOM}


def rgb(colour: str) -> Any:
    """python-pptx's colour for "#RRGGBB"."""
    red, green, blue = (int(colour.lstrip("#")[n : n + 2], 16) for n in (0, 2, 4))
    return cast(Any, RGBColor)(red, green, blue)  # its constructor carries no type hints


def write_title(
    shape: Any, text: str, size: float, colour: str | None, font: str, align: bool = True
) -> None:
    """Fill a title placeholder with one run at an explicit size (no autofit), aligned left,
    or (`align` False) as the layout aligns it."""
    frame = shape.text_frame
    _prepare(frame, None)  # keep the layout's vertical anchor
    paragraph = frame.paragraphs[0]
    _paragraph_format(paragraph, Para(()), size, None, font, keep_align=not align)
    _add_run(paragraph, text, size, None, colour, font, None)


def write_text(frame: Any, spec: TextSpec, font: str, bullet_colour: str) -> None:
    """Fill a text frame with the spec's paragraphs at their explicit, measured sizes."""
    _prepare(frame, spec.anchor)
    numbers = [p.number for p in spec.paras if p.number is not None]
    start = numbers[0] if numbers else 1
    for index, para in enumerate(spec.paras):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        marker = None if para.continued else para.bullet
        _paragraph_format(paragraph, para, spec.size, marker, font, start, bullet_colour)
        for item in para.runs:
            points = spec.size * para.scale
            _add_run(paragraph, item.text, points, item.bold, item.colour, font, item.link)


def write_notes(slide: Slide, text: str) -> None:
    """The slide's speaker notes: a paragraph per line, every run in British English.

    Every slide of a deck gets notes, in slide order (see `oxml.new_notes_slide`)."""
    notes = slide.notes_slide if slide.has_notes_slide else oxml.new_notes_slide(slide)
    frame = notes.notes_text_frame
    assert frame is not None, "the notes master has no notes placeholder"
    frame.text = text
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            speed.style_run(run, (__name__, "notes", LANGUAGE), _notes_look)


def _notes_look(look: Any) -> None:
    look.language_id = LANGUAGE


def add_text_box(slide: Slide, spec: TextSpec, font: str, bullet_colour: str) -> Any:
    """A new text box at the spec's box, optionally filled, named after the spec."""
    assert spec.box is not None
    x, y, cx, cy = spec.box
    box = slide.shapes.add_textbox(Emu(x), Emu(y), Emu(cx), Emu(cy))
    box.name = spec.name or "Text"
    if spec.fill:
        box.fill.solid()
        box.fill.fore_color.rgb = rgb(spec.fill)
    write_text(box.text_frame, spec, font, bullet_colour)
    return box


def add_picture(slide: Slide, spec: PictureSpec, png: bytes, name: str) -> Any:
    """A picture at exactly the planned box, with alt text from the spec (never a file name)
    and the spec's link, if any."""
    x, y, cx, cy = spec.box
    picture = speed.add_picture(slide, png, Emu(x), Emu(y), Emu(cx), Emu(cy))
    picture.name = name
    oxml.set_alt_text(picture, spec.alt)
    if spec.url:
        picture.click_action.hyperlink.address = spec.url
    return picture


def _prepare(frame: Any, anchor: str | None) -> None:
    frame.clear()
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE  # <a:noAutofit/>: the plan already made text fit
    if anchor is not None:
        frame.vertical_anchor = _ANCHORS[anchor]


def _paragraph_format(
    paragraph: Any,
    para: Para,
    size: float,
    marker: str | None,
    font: str,
    start: int = 1,
    bullet_colour: str = "",
    keep_align: bool = False,
) -> None:
    """Indent, alignment (unless `keep_align`), level, 100% line spacing (as measured), space
    before, marker."""
    points = size * para.scale
    hanging = NUMBER_INDENT_EM if para.bullet == "number" else BULLET_INDENT_EM
    marker = marker if marker in ("bullet", "number") else None
    oxml.set_paragraph_properties(
        paragraph,
        left=round(indent_pt(para, size) * EMU_PER_PT),
        indent=-round(hanging * points * EMU_PER_PT) if marker else 0,
        align="" if keep_align else para.align,
        level=para.level,
        before=round(para.space_before * points * 100),  # centipoints
        marker=marker,
        font=font,
        start=start if marker == "number" else 1,
        colour=bullet_colour if marker == "bullet" else "",
    )


def _add_run(
    paragraph: Any,
    text: str,
    size: float,
    bold: bool | None,
    colour: str | None,
    font: str,
    link: str | None,
) -> None:
    """A run with explicit size, weight, colour, font and language, and its link if any."""

    def style(look: Any) -> None:
        look.size = Emu(centipoints(size) * 127)  # whole centipoints, as measured
        if bold is not None:
            look.bold = bold
        look.language_id = LANGUAGE
        if colour:
            look.color.rgb = rgb(colour)
        if font:  # else the template's theme font
            look.name = font

    look = (__name__, size, bold, colour, font, LANGUAGE)  # all that `style` sets
    run = speed.add_styled_run(paragraph, text, look, style)
    if link:
        run.hyperlink.address = link
