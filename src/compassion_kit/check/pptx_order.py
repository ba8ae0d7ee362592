"""The order a screen reader reads a slide's shapes in (KIT005), against where they sit.

Owns the reading-order rule: the title first, then top to bottom and left to right, except
a cycle's shapes set round a ring, read clockwise round it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from compassion_kit.check.findings import Findings
from compassion_kit.check.ooxml import El, attr, is_decorative, local
from compassion_kit.check.pptx_model import Box, Slide, box, c_nv_pr, shapes
from compassion_kit.check.pptx_text import is_title

TOLERANCE = 180000  # 0.5 cm in EMU: shapes this close count as level for reading order
RING_SPREAD = 0.6  # a ring's nearest shape is at least this share of its farthest's distance


def reading_order(found: Findings, where: str, slide: Slide, spt: El) -> None:
    """KIT005: the title is read first, and the rest from top to bottom and left to right,
    except shapes set round a ring (a cycle), which are read round it clockwise."""
    top = []
    for shape in shapes(spt):
        props = c_nv_pr(shape)
        if props is not None and is_decorative(props):
            continue
        top.append((shape, box(slide, shape, lambda b: b)))
    titles = [i for i, (shape, _) in enumerate(top) if is_title(shape)]
    if titles and titles[0] != 0:
        found.add(
            where,
            "KIT005",
            "W",
            f"the title is read after {titles[0]} other object{'s' if titles[0] > 1 else ''}",
            "Home > Arrange > Selection Pane: move the title to the bottom of the list "
            "(read first)",
        )
        return
    content = [(shape, shape_box) for shape, shape_box in top if not is_title(shape)]
    rings = _rings([shape_box for _, shape_box in content])
    for i, (early, early_box) in enumerate(content):
        for j, (late, late_box) in enumerate(content[i + 1 :], start=i + 1):
            if rings[i] is not None and rings[i] == rings[j]:
                continue  # a cycle's stages are read round the ring, as drawn
            if early_box and late_box and _reads_before(late_box, early_box):
                found.add(
                    where,
                    "KIT005",
                    "W",
                    f"'{_name(late)}' is read after '{_name(early)}' but sits before it "
                    "(above it, or to its left)",
                    "reorder the Selection Pane: it reads from the bottom up",
                )
                return


def _reads_before(a: Box, b: Box) -> bool:
    """True when box `a` should be read before box `b`: above it in a column, or left of it in
    a row (0.5 cm tolerance). Shapes that are neither are left in the author's order."""
    overlap_x = min(a[2], b[2]) - max(a[0], b[0])
    overlap_y = min(a[3], b[3]) - max(a[1], b[1])
    smaller_h = min(a[3] - a[1], b[3] - b[1])
    if overlap_x > 0 and a[3] <= b[1] + TOLERANCE and overlap_y < smaller_h / 2:
        return True
    return overlap_y > smaller_h / 2 and a[2] <= b[0] + TOLERANCE and overlap_x <= TOLERANCE


def _name(shape: El) -> str:
    return attr(c_nv_pr(shape), "name") or local(shape)


def _rings(boxes: Sequence[Box | None]) -> list[int | None]:
    """For each shape, the number of the ring it is part of, or None: runs of three or more
    shapes, next to each other in reading order, the first at the top, whose centres go
    clockwise round their middle at about the same distance from it, each a step of 30 to
    under 180 degrees on."""
    found: list[int | None] = [None] * len(boxes)
    start, ring = 0, 0
    while start < len(boxes):
        end = start + 3
        while end <= len(boxes) and _is_ring(boxes[start:end]):
            end += 1
        if end - 1 - start >= 3:
            ring += 1
            found[start : end - 1] = [ring] * (end - 1 - start)
            start = end - 1
        else:
            start += 1
    return found


def _is_ring(boxes: Sequence[Box | None]) -> bool:
    if len(boxes) < 3 or any(b is None for b in boxes):
        return False
    centres = [((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for b in boxes if b is not None]
    if centres[0][1] > min(y for _, y in centres) + TOLERANCE:
        return False  # a cycle is read from its top, as PowerPoint's and the kit's start
    middle_x = sum(x for x, _ in centres) / len(centres)
    middle_y = sum(y for _, y in centres) / len(centres)
    # Measured on each axis as a share of its spread, so an oval ring (a wide slide) is a ring.
    spread_x = max(abs(x - middle_x) for x, _ in centres)
    spread_y = max(abs(y - middle_y) for _, y in centres)
    if not spread_x or not spread_y:
        return False  # a row or a column, not a ring
    points = [((x - middle_x) / spread_x, (y - middle_y) / spread_y) for x, y in centres]
    radii = [math.hypot(x, y) for x, y in points]
    if min(radii) < RING_SPREAD * max(radii):
        return False
    # Slide y grows downwards, so increasing angles go clockwise on the slide.
    angles = [math.atan2(y, x) for x, y in points]
    steps = [
        (later - earlier) % math.tau for earlier, later in zip(angles, angles[1:], strict=False)
    ]
    return all(math.pi / 6 <= step < math.pi for step in steps) and sum(steps) < math.tau
