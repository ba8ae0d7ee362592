"""A frontier diagram (two outputs from the same resources) laid out as native shapes: two
axes, the curved line of the best mixes drawn as an editable freeform over the shaded area it
encloses, numbered points, and a key beside the axes explaining each point.

Owns the frontier's geometry and its words for the notes; the text and colour rules shared by
every diagram are `deck_shapes.py`'s, drawing the shapes `render/pptx/diagram.py`'s. Pure.
"""

from __future__ import annotations

import math
from dataclasses import replace

from compassion_kit.branding import readable_text_on
from compassion_kit.render.plan import deck_fit as fit
from compassion_kit.render.plan import deck_shapes as part
from compassion_kit.render.plan.deck_design import colour, design
from compassion_kit.render.plan.deck_spec import (
    DEFAULT_INSETS,
    EMU_PER_INCH,
    EMU_PER_PT,
    Box,
    DiagramDraft,
    Para,
    ShapeSpec,
)

SEGMENTS = 24  # straight pieces the curve is drawn with: smooth at any slide size
# Where a point sits: its angle up from the across axis (by the output it favours) and its
# distance from the origin as a share of the line's (by its place against the line).
ANGLE = {"x": 20.0, "both": 45.0, "y": 70.0}
REACH = {"inside": 0.55, "on": 1.0, "beyond": 1.2}
AXIS = EMU_PER_INCH * 3 // 20  # an axis arrow's thickness, head included
SHAFT = 0.3  # an axis arrow's shaft, as a share of its thickness
ROW_MAX = EMU_PER_INCH * 13 // 10  # the key's rows stay this tall at most
ROW_INSETS = (EMU_PER_INCH // 10, EMU_PER_INCH // 20, EMU_PER_INCH // 10, EMU_PER_INCH // 20)
NO_INSETS = (0, 0, 0, 0)  # a dot's number uses the whole dot
PLACE = {"inside": "inside the line", "on": "on the line", "beyond": "beyond the line"}


def frontier_words(diagram: DiagramDraft) -> str:
    """The frontier in words, for the notes: its axes, the line, then every point in order."""
    across, up = diagram.axes
    line = f"a curved line labelled '{diagram.curve}'" if diagram.curve else "a curved line"
    points = "; ".join(
        f"{n}. {label}" + (f": {detail}" if detail else "") + f" ({_where(spot, diagram)})"
        for n, ((label, detail), spot) in enumerate(
            zip(diagram.parts, diagram.places, strict=True), start=1
        )
    )
    head = (
        f"Diagram on this slide (two outputs from the same resources: {up} going up, "
        f"{across} going across; {line} bows out between the axes, the area beneath it "
        "shaded; numbered points sit against the line)"
    )
    return f"{head}: {points}." + (f" {diagram.caption}" if diagram.caption else "")


def _where(spot: tuple[str, str], diagram: DiagramDraft) -> str:
    place, favours = spot
    lean = {"x": diagram.axes[0], "y": diagram.axes[1]}.get(favours)
    return PLACE[place] + (f", leaning to {lean}" if lean else ", balanced")


def frontier_shapes(
    diagram: DiagramDraft, area: Box, colours: dict[str, str], trouble: list[str]
) -> list[ShapeSpec]:
    """The frontier's shapes inside `area`: the axes and their labels on the left, the key
    (and caption) on the right; z-order is drawing order, so points sit over the line."""
    x, y, cx, cy = area
    gap = design().diagram.gap
    wide = round(cx * design().frontier.axes_share)
    chart, origin, radii = _axes((x, y, wide, cy), diagram.axes, colours, trouble)
    main, other = part.fills(colours)
    fills = [main if k % 2 == 0 else other for k in range(len(diagram.parts))]
    markers = _markers(diagram, origin, radii, (x, y, wide, cy), fills, trouble)
    key = _key(diagram, (x + wide + gap, y, cx - wide - gap, cy), fills, colours, trouble)
    shade, line = _curve(diagram, origin, radii, colours)
    # Drawing order is z-order and reading order (decorative shapes are skipped): top to
    # bottom, the up axis's label before the line, the dots over the line, the key last.
    up_label, across_label, *arrows = chart
    return [shade, up_label, line, *arrows, *markers, across_label, *key]


def _axes(
    plot: Box, axes: tuple[str, str], colours: dict[str, str], trouble: list[str]
) -> tuple[list[ShapeSpec], tuple[int, int], tuple[float, float]]:
    """Axis labels and arrows (up axis named above it, across axis under its end), the origin
    and the line's two radii."""
    x, y, cx, cy = plot
    ink = readable_text_on("#FFFFFF")  # labels sit on the slide, as a caption does
    tall = round(design().diagram.text * 2.2 * EMU_PER_PT)  # a line of text with its insets
    up_box, across_box = (x, y, cx, tall), (x, y + cy - tall, cx, tall)
    texts = [(part.label(axes[1], ink, "l"),), (part.label(axes[0], ink, "r"),)]
    frames = [fit.frame(up_box, DEFAULT_INSETS), fit.frame(across_box, DEFAULT_INSETS)]
    size = part.shared_size(texts, frames, trouble)
    ox, oy, top = x + AXIS // 2, y + cy - tall, y + tall
    arrow = colour(design().diagram.arrow, colours)
    shapes = [
        part.shape("rect", up_box, "", "Up axis label", texts[0], size, anchor="b"),
        part.shape("rect", across_box, "", "Across axis label", texts[1], size, anchor="t"),
        part.shape("upArrow", (x, top, AXIS, oy - top + AXIS // 2), arrow, "Up axis", adjust=SHAFT),
        part.shape("rightArrow", (x, oy - AXIS // 2, cx, AXIS), arrow, "Across axis", adjust=SHAFT),
    ]
    reach = design().frontier.reach
    return shapes, (ox, oy), (reach * (x + cx - AXIS - ox), reach * (oy - top - AXIS))


def _at(
    origin: tuple[int, int], radii: tuple[float, float], degrees: float, share: float
) -> tuple[int, int]:
    turn = math.radians(degrees)
    return (
        round(origin[0] + share * radii[0] * math.cos(turn)),
        round(origin[1] - share * radii[1] * math.sin(turn)),
    )


def _curve(
    diagram: DiagramDraft,
    origin: tuple[int, int],
    radii: tuple[float, float],
    colours: dict[str, str],
) -> list[ShapeSpec]:
    """The shaded area under the line (decorative) and the line itself, bowed away from the
    origin as a frontier is: from the across axis up to the up axis."""
    front = design().frontier
    path = tuple(_at(origin, radii, 90.0 * k / SEGMENTS, 1.0) for k in range(SEGMENTS + 1))
    under = (origin, *path)
    alt = f"Curved line: {diagram.curve}" if diagram.curve else "Curved line: the frontier"
    line = colour(front.line, colours)
    return [
        ShapeSpec(
            "freeform",
            _bounds(under),
            colour(front.area, colours),
            "Area",
            "",
            path=under,
            closed=True,
        ),
        ShapeSpec(
            "freeform",
            _bounds(path),
            "",
            "Frontier",
            part.alt_text(alt),
            path=path,
            line=line,
            line_width=front.line_width,
        ),
    ]


def _bounds(path: tuple[tuple[int, int], ...]) -> Box:
    xs, ys = [p[0] for p in path], [p[1] for p in path]
    return (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def _dot() -> int:
    return round(design().frontier.marker * design().diagram.text * EMU_PER_PT)


def _number(n: int, fill: str) -> tuple[Para, ...]:
    return (part.label(str(n), readable_text_on(fill)),)


def _markers(
    diagram: DiagramDraft,
    origin: tuple[int, int],
    radii: tuple[float, float],
    plot: Box,
    fills: list[str],
    trouble: list[str],
) -> list[ShapeSpec]:
    """A numbered dot per point, kept inside the plot; alt text says what the point is."""
    d = _dot()
    x, y, cx, cy = plot
    texts = [_number(n, f) for n, f in enumerate(fills, start=1)]
    size = part.shared_size(texts, [fit.frame((0, 0, d, d), NO_INSETS)] * len(texts), trouble)
    shapes = []
    for n, ((label, _), (place, favours), fill, text) in enumerate(
        zip(diagram.parts, diagram.places, fills, texts, strict=True), start=1
    ):
        px, py = _at(origin, radii, ANGLE[favours], REACH[place])
        px = min(max(px, x + d // 2), x + cx - d // 2)
        py = min(max(py, y + d // 2), y + cy - d // 2)
        box = (px - d // 2, py - d // 2, d, d)
        dot = part.shape("ellipse", box, fill, f"Point {n}", text, size, insets=NO_INSETS)
        where = _where((place, favours), diagram)
        shapes.append(replace(dot, alt=part.alt_text(f"Point {n}: {label}, {where}")))
    # Read top to bottom, then left to right within a dot's height (each alt text names its
    # number, and the key reads them in order).
    return sorted(shapes, key=lambda s: (s.box[1] // d, s.box[0]))


def _key(
    diagram: DiagramDraft, key: Box, fills: list[str], colours: dict[str, str], trouble: list[str]
) -> list[ShapeSpec]:
    """The key: a row for the line (a swatch) when it has words, a row per point (its numbered
    dot and a panel with its label and detail), then the caption at the foot."""
    x, y, cx, cy = key
    gap, d = design().diagram.gap, _dot()
    caption: list[ShapeSpec] = []
    if diagram.caption:
        cy -= design().caption_height + gap
        under = (x, y + cy + gap, cx, design().caption_height)
        caption.append(part.caption(diagram.caption, under, readable_text_on("#FFFFFF")))
    panel = colour(design().diagram.panel, colours)
    ink = readable_text_on(panel)
    rows = [((diagram.curve, ""), "")] if diagram.curve else []
    rows += list(zip(diagram.parts, fills, strict=True))
    texts = [
        (part.label(label, ink, "l"),) + ((part.detail(detail, ink, 0.1, "l"),) if detail else ())
        for (label, detail), _ in rows
    ]
    boxes = _rows(texts, (x + d + gap, y, cx - d - gap, cy))
    size = part.shared_size(texts, [fit.frame(b, ROW_INSETS) for b in boxes], trouble)
    shapes: list[ShapeSpec] = []
    first = 0 if diagram.curve else 1  # the number of the first row's point
    for n, ((_, fill), box, text) in enumerate(zip(rows, boxes, texts, strict=True), first):
        middle = box[1] + box[3] // 2
        if not fill:  # the line's row: a short stroke of the line's colour
            stroke = round(design().frontier.line_width * EMU_PER_PT)
            line = colour(design().frontier.line, colours)
            shapes.append(
                part.shape("rect", (x, middle - stroke // 2, d, stroke), line, "Key line")
            )
            name = "Key: the line"
        else:
            dot = (x, middle - d // 2, d, d)
            small = part.shared_size([_number(n, fill)], [fit.frame(dot, NO_INSETS)], trouble)
            spot = part.shape(
                "ellipse", dot, fill, f"Key point {n}", _number(n, fill), small, insets=NO_INSETS
            )
            shapes.append(replace(spot, alt=f"Point {n}"))
            name = f"Key: point {n}"
        shapes.append(part.shape("rect", box, panel, name, text, size, insets=ROW_INSETS))
    return [*shapes, *caption]


def _rows(texts: list[tuple[Para, ...]], column: Box) -> list[Box]:
    """The key's panels down `column`, each as tall as its text needs at the largest size at
    which all of them fit, sharing what room is left (up to `ROW_MAX` each); when none fits,
    the room is shared by need at the floor (and the text is warned about)."""
    x, y, cx, cy = column
    dia = design().diagram
    width = fit.frame(column, ROW_INSETS).width
    room = cy - (len(texts) - 1) * dia.gap
    for size in fit.sizes(dia.text, dia.floor):
        need = [
            sum(fit.para_height(p, size, width) for p in t) * EMU_PER_PT + 2 * ROW_INSETS[1]
            for t in texts
        ]
        spare = (room - sum(need)) / len(texts)
        if spare >= 0:
            heights = [round(min(n + spare, max(n, ROW_MAX))) for n in need]
            break
    else:
        heights = [round(n * room / sum(need)) for n in need]
    tops = [y + sum(heights[:k]) + k * dia.gap for k in range(len(texts))]
    return [(x, top, cx, h) for top, h in zip(tops, heights, strict=True)]
