"""What a layout shows besides its placeholders, read for the plan: graphics (bands, shapes,
pictures) and a logo from it or its master, and LibreOffice's layouts put onto their masters.

Owns those judgements; reading placeholders is `template.py`'s.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pptx.enum.shapes import MSO_SHAPE_TYPE

from compassion_kit.render.plan.deck_spec import Box, Placeholder
from compassion_kit.render.pptx import oxml_layouts


def onto_master(
    ordered: list[Placeholder], title: Placeholder | None, body: Placeholder | None
) -> list[Placeholder]:
    """A LibreOffice layout's placeholders moved onto its master's title and body areas.

    LibreOffice (7.x) writes the same dozen layouts for every master page, with positions
    that are not the master's, and itself places a slide's placeholders by the master; a
    layout's content placeholders keep their arrangement, scaled into the master's body area.
    """
    content = [p for p in ordered if p.kind not in ("title", "ctrTitle")]
    if content and body is not None:
        left = min(p.box[0] for p in content)
        top = min(p.box[1] for p in content)
        width = max(p.box[0] + p.box[2] for p in content) - left or 1
        height = max(p.box[1] + p.box[3] for p in content) - top or 1
        x, y, cx, cy = body.box

        def scaled(box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
            return (
                x + (box[0] - left) * cx // width,
                y + (box[1] - top) * cy // height,
                box[2] * cx // width,
                box[3] * cy // height,
            )

        ordered = [p if p not in content else replace(p, box=scaled(p.box)) for p in ordered]
    if title is not None:
        ordered = [
            replace(p, box=title.box) if p.kind in ("title", "ctrTitle") else p for p in ordered
        ]
    return ordered


def own_logo(master: Any, layout: Any, slide_size: tuple[int, int]) -> str:
    """The name of a picture on the layout, or on the master when the layout shows the
    master's shapes, that looks like a logo: small, and wholly in the top third."""
    width, height = slide_size
    parts = (layout, master) if oxml_layouts.shows_master_shapes(layout) else (layout,)
    for part in parts:
        for shape in part.shapes:
            if shape.shape_type != MSO_SHAPE_TYPE.PICTURE or shape.is_placeholder:
                continue
            if None in (shape.top, shape.height, shape.width):
                continue
            small = shape.width * shape.height <= 0.12 * width * height
            if small and shape.top + shape.height <= height / 3:
                return str(shape.name or "a picture")
    return ""


def graphics(master: Any, layout: Any, slide_size: tuple[int, int]) -> tuple[Box, ...]:
    """The boxes of the shapes a layout shows that are not placeholders (bands, shapes,
    pictures), leaving out backgrounds that cover most of the slide."""
    width, height = slide_size
    parts = (layout, master) if oxml_layouts.shows_master_shapes(layout) else (layout,)
    boxes = []
    for part in parts:
        for shape in part.shapes:
            box = (shape.left, shape.top, shape.width, shape.height)
            if shape.is_placeholder or None in box:
                continue
            if box[2] * box[3] < 0.4 * width * height:
                boxes.append(tuple(int(v) for v in box))
    return tuple(boxes)  # type: ignore[arg-type]
