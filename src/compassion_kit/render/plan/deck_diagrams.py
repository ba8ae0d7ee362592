"""Diagram slides laid out as native shapes: a cycle, a process of chevrons, a grid and a
timeline, each part's text in its own editable autoshape.

Owns the diagrams' geometry, shared text sizes, colours and text equivalent (for the notes),
and the agenda drawn as a timeline. Pure: shapes are specs (`ShapeSpec`); drawing them is
`render/pptx/diagram.py`'s.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from compassion_kit.branding import readable_text_on
from compassion_kit.render.plan import deck_fit as fit
from compassion_kit.render.plan import deck_shapes as part
from compassion_kit.render.plan.deck_design import colour, design
from compassion_kit.render.plan.deck_frontier import frontier_shapes, frontier_words
from compassion_kit.render.plan.deck_spec import (
    DEFAULT_INSETS,
    EMU_PER_INCH,
    EMU_PER_PT,
    Box,
    DiagramDraft,
    Draft,
    Geometry,
    Para,
    ShapeSpec,
)
from compassion_kit.timing import clock

if TYPE_CHECKING:
    from compassion_kit.render.plan.deck_spec import Layout
    from compassion_kit.timing import Schedule

ARROW = (EMU_PER_INCH * 3 // 4, EMU_PER_INCH * 4 // 10)  # a cycle's arrows, w x h
OUTWARD = 1.12  # arrows sit this far out along the ring, in the corners between stages
MARKER = EMU_PER_INCH * 3 // 10  # a timeline's dots
AXIS_H = EMU_PER_INCH // 10
POINT = 0.25  # a chevron's point depth, as a share of its height
INSET = part.INSET
_WORDS = {
    "cycle": "a cycle of {n} stages, read clockwise from the top; the last leads back to the first",
    "process": "{n} steps in order, left to right",
    "grid": "{n} parts, read row by row",
    "timeline": "{n} points in time, left to right",
}


def text_equivalent(diagram: DiagramDraft) -> str:
    """The diagram in words, for the notes: what it is, then every part in order."""
    if diagram.kind == "frontier":
        return frontier_words(diagram)
    parts = "; ".join(
        f"{n}. {label}" + (f": {detail}" if detail else "")
        for n, (label, detail) in enumerate(diagram.parts, start=1)
    )
    words = _WORDS[diagram.kind].format(n=len(diagram.parts))
    return f"Diagram on this slide ({words}): {parts}." + (
        f" {diagram.caption}" if diagram.caption else ""
    )


def diagram_shapes(
    diagram: DiagramDraft, region: Box, colours: dict[str, str]
) -> tuple[tuple[ShapeSpec, ...], list[str]]:
    """The diagram's shapes inside `region` (the layout's body area), in reading order, and
    warnings for text that had to shrink below the design's size or still overflows."""
    x, y, cx, cy = region
    shapes: list[ShapeSpec] = []
    trouble: list[str] = []
    if diagram.caption and diagram.kind not in ("cycle", "frontier"):  # theirs are inside
        height = design().caption_height
        cy -= height + design().diagram.gap
        under = (x, y + cy + design().diagram.gap, cx, height)
        shapes.append(part.caption(diagram.caption, under, readable_text_on("#FFFFFF")))
    area = (x, y, cx, cy)
    draw = {
        "cycle": _cycle,
        "process": _process,
        "grid": _grid,
        "timeline": _timeline,
        "frontier": frontier_shapes,
    }
    drawn = draw[diagram.kind](diagram, area, colours, trouble)
    return (*drawn, *shapes), trouble


def agenda_timeline_draft(schedule: Schedule) -> Draft | None:
    """The agenda slide as a timeline of the day's sessions (their real clock times), or
    None when there are more sessions than a timeline shows (then use the list agenda)."""
    sessions = schedule.sessions
    if not 2 <= len(sessions) <= design().diagram.max_items:
        return None
    # Start times fit a timeline's labels at full size; each session ends when the next
    # starts, and the caption gives the end of the day.
    parts = tuple((clock(t.start), t.session.title) for t in sessions)
    diagram = DiagramDraft("timeline", parts, f"The day ends at {clock(schedule.end)}.")
    notes = (
        f"Walk through the day: it runs from {clock(schedule.start)} to "
        f"{clock(schedule.end)} ({schedule.total_minutes} minutes). Point out the breaks."
        f"\n\n{text_equivalent(diagram)}"
    )
    return Draft("#agenda", "Kit Agenda", "Agenda", notes, stamp="#first", diagram=diagram)


def _cycle(
    diagram: DiagramDraft, area: Box, colours: dict[str, str], trouble: list[str]
) -> list[ShapeSpec]:
    x, y, cx, cy = area
    n = len(diagram.parts)
    share = 0.32 if n <= 4 else 0.25
    w, h = round(cx * share), round(cy * (share + 0.06))
    ox, oy = x + cx // 2, y + cy // 2
    rx, ry = (cx - w) / 2, (cy - h) / 2
    main, other = part.fills(colours)
    angles = [-math.pi / 2 + 2 * math.pi * k / n for k in range(n)]
    boxes = [
        (round(ox + rx * math.cos(a) - w / 2), round(oy + ry * math.sin(a) - h / 2), w, h)
        for a in angles
    ]
    fills = [main if k % 2 == 0 else other for k in range(n)]
    texts = [
        (part.label(label, readable_text_on(f)),)
        + ((part.detail(d, readable_text_on(f)),) if d else ())
        for (label, d), f in zip(diagram.parts, fills, strict=True)
    ]
    insets = (INSET, INSET // 2, INSET, INSET // 2)
    size = part.shared_size(texts, [fit.frame(b, insets) for b in boxes], trouble)
    shapes = [
        part.shape("roundRect", b, f, f"Stage {k}", t, size, insets=insets)
        for k, (b, f, t) in enumerate(zip(boxes, fills, texts, strict=True), start=1)
    ]
    arrow = colour(design().diagram.arrow, colours)
    for k, a in enumerate(angles):
        mid = a + math.pi / n
        tx, ty = -rx * math.sin(mid), ry * math.cos(mid)
        ax, ay = ox + OUTWARD * rx * math.cos(mid), oy + OUTWARD * ry * math.sin(mid)
        box = (round(ax - ARROW[0] / 2), round(ay - ARROW[1] / 2), *ARROW)
        turn = math.degrees(math.atan2(ty, tx))
        # Each arrow follows the stage it leaves, so the shapes read in the cycle's order.
        shapes.insert(
            2 * k + 1, part.shape("rightArrow", box, arrow, f"Arrow {k + 1}", rotation=turn)
        )
    if diagram.caption:
        side = min(cx - 2 * w, cy - 2 * ARROW[1]) * 7 // 10
        centre = (ox - side // 2, oy - side * 3 // 8, side, side * 3 // 4)
        ink = readable_text_on(colour(design().diagram.panel, colours))
        text = (part.detail(diagram.caption, ink, 0.0),)
        small = part.shared_size([text], [fit.frame(centre, DEFAULT_INSETS)], trouble)
        panel = colour(design().diagram.panel, colours)
        shapes.append(part.shape("ellipse", centre, panel, "Centre", text, small))
    return shapes


def _process(
    diagram: DiagramDraft, area: Box, colours: dict[str, str], trouble: list[str]
) -> list[ShapeSpec]:
    x, y, cx, cy = area
    n = len(diagram.parts)
    details = any(d for _, d in diagram.parts)
    gap = design().diagram.gap
    ch = min(EMU_PER_INCH * 3 // 2, cy * 3 // 10) if details else cy // 2
    cy0 = y if details else y + (cy - ch) // 2
    step = EMU_PER_INCH // 12
    w = (cx - (n - 1) * step) // n
    depth = round(ch * POINT)
    main, other = part.fills(colours)
    chevrons: list[tuple[Box, str, tuple[Para, ...], tuple[int, int, int, int]]] = []
    for k, (label, _) in enumerate(diagram.parts):
        box = (x + k * (w + step), cy0, w, ch)
        fill = main if k % 2 == 0 else other
        chevrons.append((box, fill, (part.label(label, readable_text_on(fill)),), (INSET, 0, 0, 0)))
    # PowerPoint and LibreOffice set a chevron's text between its two points (a pentagon's
    # from its left edge to half its point), inside that the insets: measure the same.
    frames = [
        fit.Frame(
            (b[2] - (depth // 2 if k == 0 else 2 * depth) - INSET) / EMU_PER_PT, b[3] / EMU_PER_PT
        )
        for k, (b, _, _, _) in enumerate(chevrons)
    ]
    size = part.shared_size([c[2] for c in chevrons], frames, trouble)
    shapes: list[ShapeSpec] = []
    panel = colour(design().diagram.panel, colours)
    ink = readable_text_on(panel)
    panels = [
        (
            (x + k * (w + step), cy0 + ch + gap, w - depth, cy - ch - gap),
            (part.detail(d, ink, 0.0),),
        )
        for k, (_, d) in enumerate(diagram.parts)
    ]
    small = part.shared_size(
        [p[1] for p in panels], [fit.frame(p[0], DEFAULT_INSETS) for p in panels], trouble
    )
    for k, (box, fill, text, insets) in enumerate(chevrons):
        geometry: Geometry = "homePlate" if k == 0 else "chevron"
        adjust = depth / min(box[2], box[3])
        shapes.append(
            part.shape(
                geometry, box, fill, f"Step {k + 1}", text, size, insets=insets, adjust=adjust
            )
        )
    for k, ((box, text), (_, d)) in enumerate(zip(panels, diagram.parts, strict=True)):
        if d:
            shapes.append(
                part.shape("rect", box, panel, f"Step {k + 1} detail", text, small, anchor="t")
            )
    return shapes


def _grid(
    diagram: DiagramDraft, area: Box, colours: dict[str, str], trouble: list[str]
) -> list[ShapeSpec]:
    x, y, cx, cy = area
    n = len(diagram.parts)
    cols = 2 if n <= 4 else 3
    rows = math.ceil(n / cols)
    gap = design().diagram.gap
    w, h = (cx - (cols - 1) * gap) // cols, (cy - (rows - 1) * gap) // rows
    main, other = part.fills(colours)
    cells = []
    for k, (label, detail) in enumerate(diagram.parts):
        row, col = divmod(k, cols)
        fill = main if (row + col) % 2 == 0 else other
        ink = readable_text_on(fill)
        text = (part.label(label, ink),) + ((part.detail(detail, ink, 0.4),) if detail else ())
        cells.append(((x + col * (w + gap), y + row * (h + gap), w, h), fill, text))
    insets = (INSET * 2, INSET, INSET * 2, INSET)
    size = part.shared_size(
        [c[2] for c in cells], [fit.frame(c[0], insets) for c in cells], trouble
    )
    return [
        part.shape("roundRect", box, fill, f"Part {k}", text, size, insets=insets)
        for k, (box, fill, text) in enumerate(cells, start=1)
    ]


def _timeline(
    diagram: DiagramDraft, area: Box, colours: dict[str, str], trouble: list[str]
) -> list[ShapeSpec]:
    x, y, cx, cy = area
    n = len(diagram.parts)
    gap = design().diagram.gap
    w = (cx - (n - 1) * gap) // n
    lh = min(EMU_PER_INCH * 9 // 10, cy // 4)
    axis_y = y + lh + gap
    main, _ = part.fills(colours)
    panel = colour(design().diagram.panel, colours)
    ink, on_main = readable_text_on(panel), readable_text_on(main)
    labels = [
        ((x + k * (w + gap), y, w, lh), (part.label(when, on_main),))
        for k, (when, _) in enumerate(diagram.parts)
    ]
    low = axis_y + MARKER + gap
    panels = [
        ((x + k * (w + gap), low, w, y + cy - low), (part.detail(what, ink, 0.0),))
        for k, (_, what) in enumerate(diagram.parts)
    ]
    size = part.shared_size(
        [t for _, t in labels], [fit.frame(b, DEFAULT_INSETS) for b, _ in labels], trouble
    )
    small = part.shared_size(
        [t for _, t in panels], [fit.frame(b, DEFAULT_INSETS) for b, _ in panels], trouble
    )
    arrow = colour(design().diagram.arrow, colours)
    shapes = [
        part.shape(
            "rightArrow",
            (x, axis_y + MARKER // 2 - AXIS_H * 2, cx, AXIS_H * 4),
            arrow,
            "Time line",
            adjust=0.25,
        )
    ]
    for k, ((lbox, ltext), (pbox, ptext)) in enumerate(zip(labels, panels, strict=True)):
        centre = lbox[0] + w // 2
        shapes.append(part.shape("roundRect", lbox, main, f"When {k + 1}", ltext, size))
        marker = (centre - MARKER // 2, axis_y, MARKER, MARKER)
        shapes.append(part.shape("ellipse", marker, main, f"Marker {k + 1}"))
        if ptext[0].text:
            shapes.append(
                part.shape("rect", pbox, panel, f"What {k + 1}", ptext, small, anchor="t")
            )
    return shapes


def diagram_for(
    draft: Draft, layout: Layout, colours: dict[str, str], warnings: list[str]
) -> tuple[ShapeSpec, ...]:
    """A draft's diagram shapes in the layout's content (else body) area; () without one."""
    if draft.diagram is None:
        return ()
    holder = layout.placeholders.get("Content") or layout.placeholders["Body"]
    shapes, trouble = diagram_shapes(draft.diagram, holder.box, colours)
    warnings.extend(f"slide '{draft.id}': {t}" for t in dict.fromkeys(trouble))
    return shapes
