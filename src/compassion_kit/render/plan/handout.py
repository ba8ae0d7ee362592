"""Planning handouts (pure): each handout's page, its key-figure panels and their colours, and
charts as tables.

Owns the plan records and the colour choices on panels; writing them into Word is
`render/docx/handout.py`'s, the page's geometry `plan/page.py`'s.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from compassion_kit.branding import AA_NORMAL, contrast_ratio, readable_text_on
from compassion_kit.render.plan.deck_fit import text_width, wrap
from compassion_kit.render.plan.page import (
    CHAR_WIDTH,
    COLUMN_GAP,
    TABLE_POINTS,
    column_widths,
    equal_widths,
    longest_word,
    text_width_for,
)

if TYPE_CHECKING:
    from compassion_kit.model import Handout
    from compassion_kit.model.deck import Chart, KeyFigure
    from compassion_kit.model.handout import Section
    from compassion_kit.profile import Brand
    from compassion_kit.render.plan.printing import PrintRequest

PER_ROW = 4  # key figures side by side on a full-width panel
PER_ROW_IN_COLUMN = 2  # ... and in one column of the infographic
VALUE_CHARS_PER_TWIP = 1 / 340  # a 28 pt bold figure character is about 340 twips wide
SMALL_VALUE_SCALE = 28 / 20  # Figure Value Small (20 pt) fits this many times more characters
CELL_SIDES = 2 * 170  # Kit Panel's left and right cell margins
CATEGORY_HEADER = "Category"
VALUE_POINTS = {"Figure Value": 28, "Figure Value Small": 20}  # the template's sizes
INFOGRAPHIC_COLUMNS = 2
# An infographic column narrower than this many 12 pt characters would wrap nearly every line
# (A5: about 22); the sections are stacked on the full width instead.
COLUMN_CHARS = 30
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


@dataclass(frozen=True)
class DataTable:
    """A native table: `caption` above it, an optional `note` (text alternative) below."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]
    note: str | None = None


@dataclass(frozen=True)
class PlannedSection:
    """A Heading 2 (or 3) section: its paragraphs, then key figures, bullets and tables.

    `new_page` starts it on a page of its own (one case of several), its page count too.
    """

    heading: str
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...]
    panel: FigurePanel | None
    tables: tuple[DataTable, ...]
    level: int = 2
    new_page: bool = False


@dataclass(frozen=True)
class HandoutPage:
    """One handout: starts a page; Heading 1, optional subtitle and key figures, sections.

    An `infographic` sets its sections in compact text (1.15 lines), with their key figures
    as shaded lines, to fit on one page: in `columns` newspaper columns, or stacked (one
    column) on paper too narrow for two.
    """

    item_id: str
    title: str
    subtitle: str | None
    credit: str
    panel: FigurePanel | None
    sections: tuple[PlannedSection, ...]
    infographic: bool = False
    columns: int = 1


@dataclass(frozen=True)
class HandoutPlan:
    """Every handout of a print run, in order; `title` is the document's title."""

    title: str
    pages: tuple[HandoutPage, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)


def plan_handouts(request: PrintRequest) -> HandoutPlan:
    """A page run per requested handout, in order, each starting on a new page.

    Warns (and uses the primary colour instead) when the profile's accent colour cannot
    carry readable text at 4.5:1, and when paper too narrow for two columns leaves out an
    infographic's sections marked `small_paper: false`.
    """
    warnings: list[str] = []
    colours = _panel_colours(request.brand, warnings)
    pages = []
    for item in request.items:
        assert item.kind == "handout", f"{item.id} is a {item.kind}, not a handout"
        pages.append(_plan_handout(item, request.brand, colours, warnings))
    titles = [page.title for page in pages]
    title = titles[0] if len(titles) == 1 else "Handouts: " + "; ".join(titles)
    return HandoutPlan(title, tuple(pages), tuple(warnings))


@dataclass(frozen=True)
class _Colours:
    accent: tuple[str, str, str]  # fill, text, figure text
    primary: tuple[str, str, str]


def _panel_colours(brand: Brand, warnings: list[str]) -> _Colours:
    colours = brand.organisation.colours
    primary = (colours.primary, *_inks(colours.primary, colours.secondary))
    ink = readable_text_on(colours.accent)
    if contrast_ratio(ink, colours.accent) < AA_NORMAL:
        warnings.append(
            f"accent colour {colours.accent} cannot carry readable text (best "
            f"{contrast_ratio(ink, colours.accent):.2f}:1, needs 4.5:1); key figure panels "
            f"use the primary colour {colours.primary} instead"
        )
        return _Colours(primary, primary)
    return _Colours((colours.accent, *_inks(colours.accent, colours.secondary)), primary)


def _inks(fill: str, brand_ink: str) -> tuple[str, str]:
    """Caption and figure colours on `fill`: the brand colour for figures when it reads."""
    text = readable_text_on(fill)
    figure = brand_ink if contrast_ratio(brand_ink, fill) >= AA_NORMAL else text
    return text, figure


def _plan_handout(
    item: Handout, brand: Brand, colours: _Colours, warnings: list[str]
) -> HandoutPage:
    full = text_width_for(brand.organisation.paper)
    infographic = item.layout == "infographic"
    columns = infographic_columns(full) if infographic else 1
    column = (full - COLUMN_GAP * (columns - 1)) // columns
    hero = colours.primary if infographic else colours.accent
    panel = _panel(tuple(item.figures), PER_ROW, full, hero)
    per_row = PER_ROW_IN_COLUMN if infographic else PER_ROW
    shown = {f.value for f in item.figures} if infographic else set()
    # Stacked (A5), an infographic has about half the room of two columns on A4 at the same
    # 12 pt floor: it keeps the sections its author marked for small paper.
    stacked = infographic and columns == 1
    kept = [s for s in item.sections if s.small_paper or not stacked]
    if len(kept) < len(item.sections):
        left = "; ".join(f"'{s.heading}'" for s in item.sections if s not in kept)
        warnings.append(
            f"'{item.id}' is one page on {brand.organisation.paper} paper without its sections "
            f"marked small_paper: false ({left}) (hint: print it on A4 or Letter for the whole)"
        )
    sections = tuple(_plan_section(s, column, per_row, colours.accent, shown) for s in kept)
    subtitle = item.organisation if item.layout == "case-study" else None
    return HandoutPage(
        item.id, item.title, subtitle, item.credit(), panel, sections, infographic, columns
    )


def infographic_columns(width: int) -> int:
    """Newspaper columns for an infographic's sections on a text width of `width` twips:
    two when each holds COLUMN_CHARS characters of 12 pt text (A4, Letter), else one (A5)."""
    column = (width - COLUMN_GAP) // INFOGRAPHIC_COLUMNS
    return INFOGRAPHIC_COLUMNS if column >= COLUMN_CHARS * CHAR_WIDTH else 1


def _plan_section(
    section: Section,
    width: int,
    per_row: int,
    colours: tuple[str, str, str],
    shown: set[str],
) -> PlannedSection:
    """A section's plan. `shown` holds figure values already on the page's key figures
    panel; the infographic does not print the same number twice on its one page."""
    tables: list[DataTable] = []
    if section.table is not None:
        columns = tuple(section.table.columns)
        rows = tuple(tuple(r) + ("",) * (len(columns) - len(r)) for r in section.table.rows)
        tables.append(
            DataTable(section.table.caption, columns, rows, column_widths(columns, rows, width))
        )
    if section.chart is not None:
        tables.append(chart_table(section.chart, width))
    return PlannedSection(
        section.heading,
        tuple(section.paragraphs),
        tuple(section.bullets),
        _panel(tuple(f for f in section.figures if f.value not in shown), per_row, width, colours),
        tuple(tables),
        section.level,
        section.new_page,
    )


def _panel(
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


def chart_table(chart: Chart, width: int) -> DataTable:
    """A chart's data as a native table, its caption kept as the text alternative below.

    A Word chart would need a chart part and an embedded workbook; a table reads as well on
    paper and to a screen reader.
    """
    unit = chart.unit or ""
    columns = (CATEGORY_HEADER, *(s.name + (f" ({unit})" if unit else "") for s in chart.series))
    rows = tuple(
        (category, *(_number(s.values[i], unit) for s in chart.series))
        for i, category in enumerate(chart.categories)
    )
    caption = "; ".join(s.name for s in chart.series) + (f" ({unit})" if unit else "")
    return DataTable(caption, columns, rows, column_widths(columns, rows, width), chart.caption)


def _number(value: float, unit: str) -> str:
    text = f"{value:g}"
    if not unit:
        return text
    return text + unit if unit in ("%", "\u00b0") else f"{text} {unit}"
