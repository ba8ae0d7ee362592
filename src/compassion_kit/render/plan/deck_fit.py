"""Measure slide text with Arial-compatible font metrics and make it fit its box.

Owns line wrapping, heights, size choice, splitting text across continuation slides and
cutting long links into wrappable runs. Pure: no pptx import; boxes arrive as plain sizes in
points.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace

from compassion_kit.paths import templates_dir
from compassion_kit.render.plan.deck_spec import EMU_PER_PT, Draft, Layout, Para, Run, indent_pt

METRICS_FILE = "liberation-sans-widths.json"  # in templates/fonts, made by make_font_metrics.py
LINE_PITCH = 1.2  # line height / font size at 100% spacing (Arial's own is ~1.15)
WIDTH_SLACK = 1.04  # widths grow 4%: renderers differ in hinting; we also ignore kerning
UNKNOWN_EM = 0.75  # width of a character missing from the table, in ems (wider than most)
SIZE_STEP = 2.0  # points between the sizes tried when shrinking
LINK_CHUNK = 0.45  # longest link run, as a share of the line: see link_chunks


@dataclass(frozen=True)
class Frame:
    """The space text may use inside a box, in points (insets already taken off)."""

    width: float
    height: float


@dataclass(frozen=True)
class Fit:
    """The size chosen for a box and its paragraphs split into pages (one page if it fits)."""

    size: float
    pages: tuple[tuple[Para, ...], ...]
    overflow: bool = False  # True when even the floor size could not fit one paragraph


@functools.cache
def _metrics() -> tuple[float, dict[str, dict[int, int]]]:
    raw = json.loads((templates_dir() / "fonts" / METRICS_FILE).read_text("utf-8"))
    faces = {
        face: {int(code): width for code, width in raw[face].items()}
        for face in ("regular", "bold")
    }
    return float(raw["units_per_em"]), faces


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of `text` set on one line at `size` points (Arial metrics, no kerning)."""
    return _points(_units(text, bold), size)


@functools.lru_cache(maxsize=16384)
def _units(text: str, bold: bool) -> float:
    """Advance width of `text` in font units. Widths add up exactly (whole numbers), so a
    line's width is the sum of its words' and spaces' widths, in any order."""
    units, faces = _metrics()
    table = faces["bold" if bold else "regular"]
    fallback = UNKNOWN_EM * units
    return sum(table.get(ord(char), fallback) for char in text)


def _points(units_wide: float, size: float) -> float:
    return units_wide / _metrics()[0] * size * WIDTH_SLACK


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Lines `text` breaks into in a column `width` points wide, breaking at spaces.

    A word wider than the column is broken between characters, as PowerPoint does.
    """
    # Widths are summed word by word (see _units) rather than measuring each candidate line
    # again: the same decisions, without the cost growing with the square of the line.
    space = _units(" ", bold)
    lines: list[str] = []
    for hard_line in text.split("\n"):
        current, used = "", 0.0
        for word in hard_line.split():
            wide = _units(word, bold)
            candidate = used + space + wide if current else wide
            if _points(candidate, size) <= width:
                current, used = (f"{current} {word}" if current else word), candidate
                continue
            if current:
                lines.append(current)
            current, used = "", 0.0
            for char in word:  # the word alone may still be too wide
                wide = _units(char, bold)
                if current and _points(used + wide, size) > width:
                    lines.append(current)
                    current, used = "", 0.0
                current, used = current + char, used + wide
        lines.append(current)
    return lines


def para_height(para: Para, size: float, width: float) -> float:
    """Height in points of one paragraph at base size `size` in a column `width` wide."""
    points = size * para.scale
    column = max(width - indent_pt(para, size), points)
    lines = len(wrap(para.text, column, points, para.bold))
    return lines * points * LINE_PITCH + para.space_before * points


def fits(paras: Sequence[Para], size: float, frame: Frame) -> bool:
    """True when every paragraph fits the frame together at base size `size`."""
    return sum(para_height(p, size, frame.width) for p in paras) <= frame.height


def sizes(target: float, floor: float) -> list[float]:
    """Sizes to try, largest first: target, target - 2, ... and always the floor."""
    tried: list[float] = []
    size = target
    while size > floor:
        tried.append(size)
        size -= SIZE_STEP
    return [*tried, floor]


def best_size(paras: Sequence[Para], frame: Frame, target: float, floor: float) -> float | None:
    """The largest size from `sizes(target, floor)` at which all `paras` fit, else None."""
    return next((s for s in sizes(target, floor) if fits(paras, s, frame)), None)


def fit_box(paras: Sequence[Para], frame: Frame, target: float, floor: float) -> Fit:
    """Fit `paras` on one page if any size down to `floor` allows, else split into pages.

    When pages are needed, the size is the largest that needs no more pages than the floor
    does, so continuation never costs readability for nothing.
    """
    size = best_size(paras, frame, target, floor)
    if size is not None:
        return Fit(size, (tuple(paras),))
    least, overflow = paginate(paras, frame, floor)
    for size in sizes(target, floor):
        pages, spill = paginate(paras, frame, size)
        if len(pages) <= len(least) and not spill:
            return Fit(size, pages)
    return Fit(floor, least, overflow)


def paginate(
    paras: Sequence[Para], frame: Frame, size: float
) -> tuple[tuple[tuple[Para, ...], ...], bool]:
    """Greedily fill pages at `size`, moving whole paragraphs to the next page; only a
    paragraph taller than a whole page is split between lines.

    Returns the pages and whether any page still overflows (an unsplittable paragraph).
    """
    pages: list[tuple[Para, ...]] = []
    current: list[Para] = []
    used = 0.0
    overflow = False
    queue = list(paras)
    while queue:
        para = queue.pop(0)
        height = para_height(para, size, frame.width)
        if used + height <= frame.height:
            current.append(para)
            used += height
            continue
        if current:  # start a new page rather than leave a widow line behind
            pages.append(tuple(current))
            current, used = [], 0.0
            queue.insert(0, para)
            continue
        head, tail = _split(para, size, frame, frame.height)
        if head is not None and tail is not None:
            pages.append((head,))
            queue.insert(0, tail)
            continue
        current, used = [para], height  # alone and still too tall: cannot be helped
        overflow = True
    if current:
        pages.append(tuple(current))
    return tuple(pages), overflow


def _split(para: Para, size: float, frame: Frame, room: float) -> tuple[Para | None, Para | None]:
    """Split a single-run paragraph after the last line that fits in `room` points."""
    if len(para.runs) != 1 or para.runs[0].link:
        return None, para
    points = size * para.scale
    column = max(frame.width - indent_pt(para, size), points)
    lines = wrap(para.text, column, points, para.bold)
    keep = int((room - para.space_before * points) // (points * LINE_PITCH))
    if keep <= 0 or keep >= len(lines):
        return None, para
    run = para.runs[0]
    head = replace(para, runs=(replace(run, text=" ".join(lines[:keep])),))
    tail = replace(
        para, runs=(replace(run, text=" ".join(lines[keep:])),), continued=True, space_before=0.0
    )
    return head, tail


def truncate(text: str, frame: Frame, size: float, bold: bool) -> str:
    """`text` cut at a word and ended with an ellipsis so it fits `frame` at `size`."""
    words = text.split()
    while words:
        candidate = " ".join(words) + "\u2026"
        lines = wrap(candidate, frame.width, size, bold)
        if len(lines) * size * LINE_PITCH <= frame.height:
            return candidate
        words.pop()
    return "\u2026"


def link_chunks(paragraph: Para, size: float, space: Frame, colour: str) -> Para:
    """Split long link runs into runs of a few words with the same link, coloured `colour`.

    LibreOffice (7.x, 24.x) lays a hyperlink out as one unbreakable field and cuts it
    mid-word when it is longer than a line; shorter runs wrap between words everywhere.
    """
    if not any(run.link for run in paragraph.runs):
        return paragraph
    limit = LINK_CHUNK * (space.width - indent_pt(paragraph, size))
    points = size * paragraph.scale
    runs: list[Run] = []
    for run in paragraph.runs:
        if run.link:
            # LibreOffice draws the second of two adjacent links in the text colour unless
            # the run has its own colour; PowerPoint shows the theme's link colour either way.
            run = replace(run, colour=run.colour or colour)
        if not run.link or text_width(run.text, points, run.bold) <= limit:
            runs.append(run)
            continue
        chunk = ""
        for word in run.text.split(" "):
            candidate = f"{chunk} {word}" if chunk else word
            if chunk and text_width(candidate, points, run.bold) > limit:
                runs.append(replace(run, text=chunk + " "))
                chunk = word
            else:
                chunk = candidate
        runs.append(replace(run, text=chunk))
    return replace(paragraph, runs=tuple(runs))


def frame(box: tuple[int, int, int, int], insets: tuple[int, int, int, int]) -> Frame:
    """The text area of a box (EMU, with its insets), in points."""
    left, top, right, bottom = insets
    return Frame((box[2] - left - right) / EMU_PER_PT, (box[3] - top - bottom) / EMU_PER_PT)


def spill(draft: Draft, layout: Layout) -> Draft:
    """Move the tail of a box that cannot fit even at its floor into the box it spills to."""
    boxes = list(draft.boxes)
    for index, box in enumerate(boxes):
        if box.spill_to is None or box.spill_to not in layout.placeholders:
            continue
        holder = layout.placeholders[box.role]
        space = frame(holder.box, holder.insets)
        if best_size(box.paras, space, box.target, box.floor) is not None:
            continue
        target = next(i for i, b in enumerate(boxes) if b.role == box.spill_to)
        moved = box.paras[box.keep :]
        boxes[index] = replace(box, paras=box.paras[: box.keep])
        kept = boxes[target].paras  # from a box above (a long name), the moved text goes first
        boxes[target] = replace(boxes[target], paras=(moved + kept, kept + moved)[index > target])
    return replace(draft, boxes=tuple(b for b in boxes if b.paras))  # empty boxes are not drawn
