"""Diagram shapes on a python-pptx slide: native, editable autoshapes (chevrons, rounded
rectangles, ovals, arrows) carrying their own text, and freeforms (a frontier's curve).

Owns drawing `ShapeSpec`s at the plan's boxes, fills, rotations and text sizes; where they go
and what they say is `render/plan/deck_diagrams.py`'s.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Emu, Pt

from compassion_kit.render.plan.deck_spec import TextSpec
from compassion_kit.render.pptx import oxml, text

if TYPE_CHECKING:
    from pptx.slide import Slide

    from compassion_kit.render.plan.deck_spec import ShapeSpec

_GEOMETRY = {
    "chevron": MSO_SHAPE.CHEVRON,
    "homePlate": MSO_SHAPE.PENTAGON,  # PowerPoint's "Arrow: Pentagon"
    "ellipse": MSO_SHAPE.OVAL,
    "roundRect": MSO_SHAPE.ROUNDED_RECTANGLE,
    "rect": MSO_SHAPE.RECTANGLE,
    "rightArrow": MSO_SHAPE.RIGHT_ARROW,
    "upArrow": MSO_SHAPE.UP_ARROW,
}


def add_shapes(slide: Slide, shapes: tuple[ShapeSpec, ...], font: str) -> list[Any]:
    """Draw every shape in order (their reading order); returns the new shapes."""
    return [add_shape(slide, spec, font) for spec in shapes]


def add_shape(slide: Slide, spec: ShapeSpec, font: str) -> Any:
    """One autoshape (or freeform) with its fill, outline, rotation and text; shapes without
    alt text are marked decorative (their meaning is in the other shapes' text and the
    notes)."""
    x, y, cx, cy = spec.box
    if spec.geometry == "freeform":
        (start, *rest) = spec.path
        builder = slide.shapes.build_freeform(*start, scale=1.0)
        builder.add_line_segments(rest, close=spec.closed)
        shape = builder.convert_to_shape()  # the path's points are already slide positions
    else:
        shape = slide.shapes.add_shape(_GEOMETRY[spec.geometry], Emu(x), Emu(y), Emu(cx), Emu(cy))
    shape.name = spec.name
    if spec.fill:
        shape.fill.solid()
        shape.fill.fore_color.rgb = text.rgb(spec.fill)
    else:
        shape.fill.background()
    if spec.line:
        shape.line.color.rgb = text.rgb(spec.line)
        shape.line.width = Pt(spec.line_width)
    else:
        shape.line.fill.background()
    shape.shadow.inherit = False  # the theme's effect style would add a shadow
    oxml.no_theme_effect(shape)
    if spec.rotation:
        shape.rotation = spec.rotation
    if spec.adjust is not None and len(shape.adjustments):
        shape.adjustments[0] = spec.adjust
    if spec.paras:
        frame = shape.text_frame
        left, top, right, bottom = spec.insets
        frame.margin_left, frame.margin_top = Emu(left), Emu(top)
        frame.margin_right, frame.margin_bottom = Emu(right), Emu(bottom)
        item = TextSpec("", spec.paras, spec.size, anchor=spec.anchor)
        text.write_text(frame, replace(item, name=spec.name), font, "")
    if spec.alt:
        oxml.set_alt_text(shape, spec.alt)
    else:
        oxml.mark_decorative(shape)
    return shape
