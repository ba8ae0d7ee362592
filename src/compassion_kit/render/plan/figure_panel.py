"""Key-figure panels on printed pages (pure): how many figures a row holds, how wide each
cell is, and the style of the numbers, so that no caption word breaks inside a cell.

Owns the panel's geometry; its colours and where panels go are `handout.py`'s, writing them
into Word `render/docx/handout.py`'s.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compassion_kit.render.plan.deck_fit import text_width, wrap
from compassion_kit.render.plan.page import CHAR_WIDTH, TABLE_POINTS, equal_widths, longest_word

if TYPE_CHECKING:
    from compassion_kit.model.deck import KeyFigure

PER_ROW = 4  # key figures side by side on a full-width panel
VALUE_CHARS_PER_TWIP = 1 / 340  # a 28 pt bold figure character is about 340 twips wide
SMALL_VALUE_SCALE = 28 / 20  # Figure Value Small (20 pt) fits this many times more characters
CELL_SIDES = 2 * 170  # Kit Panel's left and right cell margins
VALUE_POINTS = {"Figure Value": 28, "Figure Value Small": 20}  # the template's sizes
# A figure cell narrower than this many characters sets its caption a word or two to a line.
CAPTION_CHARS = 14


@dataclass(frozen=True)
class FigurePanel:
    """Key figures as a shaded table: big numbers in the header row, captions beneath.

    `rows` splits the figures into tables of at most `per_row`, `widths` gives each row's
    cell widths (twips); `ink` is the caption colour and `value_ink` the number colour, both
    at least 4.5:1 against `fill`.
    """

    rows: tuple[tuple[KeyFigure, ...], ...]
    fill: str
    ink: str
    value_ink: str
    value_style: str
    width: int
    widths: tuple[tuple[int, ...], ...] = ()


def figure_panel(
    figures: tuple[KeyFigure, ...], per_row: int, width: int, colours: tuple[str, str, str]
) -> FigurePanel | None:
    if not figures:
        return None
    size = _row_size(figures, per_row, width)
    rows = tuple(figures[i : i + size] for i in range(0, len(figures), size))
    cell = width // size - CELL_SIDES
    longest = max(len(f.value) for f in figures)
    style = "Figure Value" if longest <= cell * VALUE_CHARS_PER_TWIP else "Figure Value Small"
    fill, ink, value_ink = colours
    points = VALUE_POINTS[style]
    # Full rows share their widths, so the cells of a grid (2 x 2 on A5) line up.
    full_rows = [row for row in rows if len(row) == size]
    grid = _cell_widths(tuple(zip(*full_rows, strict=True)), width, points)
    widths = tuple(
        grid if len(row) == size else _cell_widths(tuple((f,) for f in row), width, points)
        for row in rows
    )
    return FigurePanel(rows, fill, ink, value_ink, style, width, widths)


def _row_size(figures: tuple[KeyFigure, ...], most: int, width: int) -> int:
    """Figures per row, at most `most`, in even rows (5 become 3 + 2, not 4 + 1): as many
    as leave each cell the room `_cell_need` asks; one a row when no two fit."""
    need = [_cell_need(f, VALUE_POINTS["Figure Value Small"]) for f in figures]
    for per_row in range(min(most, len(figures)), 1, -1):
        count = -(-len(figures) // per_row)  # rows needed
        size = -(-len(figures) // count)
        if all(sum(need[i : i + size]) <= width for i in range(0, len(need), size)):
            return size
    return 1


def _cell_need(figure: KeyFigure, points: int) -> int:
    """Twips a figure's cell needs: its value on one line at `points`, its caption's longest
    word whole (no "engage/ment") and CAPTION_CHARS characters a line, plus the cell margins."""
    value = math.ceil(text_width(figure.value, points, bold=True) * 20)
    return max(value, longest_word([figure.caption]), CAPTION_CHARS * CHAR_WIDTH) + CELL_SIDES


def _cell_widths(
    columns: tuple[tuple[KeyFigure, ...], ...], total: int, points: int
) -> tuple[int, ...]:
    """Widths summing to `total` for cells holding `columns` (each the figures one above the
    other in that column), each as wide as `_cell_need` asks and as its captions need to wrap
    to the fewest lines the row allows (measured), the rest of the room shared in proportion
    to caption length so captions wrap to about the same height (an equal share makes the row
    as tall as its longest caption). Equal shares when the figures alone are too wide."""
    need = [max(_cell_need(f, points) for f in column) for column in columns]
    if sum(need) >= total:
        return equal_widths(total, len(columns))
    captions = [f.caption for column in columns for f in column]
    for lines in range(1, max(len(c.split()) for c in captions)):
        fit = [
            max(n, *(_caption_width(f.caption, lines, total) for f in column))
            for column, n in zip(columns, need, strict=True)
        ]
        if sum(fit) <= total:
            need = fit
            break
    lengths = [max(len(f.caption) for f in column) + 1 for column in columns]
    fixed: dict[int, int] = {}  # cells held at their figure's width
    while True:
        free = [i for i in range(len(columns)) if i not in fixed]
        room = total - sum(fixed.values())
        share = {i: room * lengths[i] // sum(lengths[j] for j in free) for i in free}
        short = [i for i in free if share[i] < need[i]]
        if not short:
            break
        fixed.update({i: need[i] for i in short})
    widths = [fixed.get(i, share.get(i, 0)) for i in range(len(columns))]
    widths[-1] += total - sum(widths)
    return tuple(widths)


def _caption_width(caption: str, lines: int, most: int) -> int:
    """The narrowest cell (twips, margins included) setting `caption` in at most `lines`
    lines; more than `most` when even a cell that wide needs more lines."""
    low, high = CELL_SIDES, most + 1
    while low < high:  # binary search: wrapping never needs more lines in a wider cell
        middle = (low + high) // 2
        if len(wrap(caption, (middle - CELL_SIDES) / 20, TABLE_POINTS)) <= lines:
            high = middle
        else:
            low = middle + 1
    return low
