"""Planning handouts (pure): each handout's page, its key-figure panels and their colours, and
charts as tables.

Owns the plan records and the colour choices on panels; writing them into Word is
`render/docx/handout.py`'s, the page's geometry `plan/page.py`'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from compassion_kit.branding import AA_NORMAL, contrast_ratio, readable_text_on
from compassion_kit.render.plan.figure_panel import PER_ROW, FigurePanel, figure_panel
from compassion_kit.render.plan.page import (
    CHAR_WIDTH,
    COLUMN_GAP,
    column_widths,
    text_width_for,
)

if TYPE_CHECKING:
    from compassion_kit.model import Handout
    from compassion_kit.model.deck import Chart
    from compassion_kit.model.handout import Section
    from compassion_kit.profile import Brand
    from compassion_kit.render.plan.printing import PrintRequest

CATEGORY_HEADER = "Category"
PER_ROW_IN_COLUMN = 2  # key figures side by side in one column of the infographic
INFOGRAPHIC_COLUMNS = 2
# An infographic column narrower than this many 12 pt characters would wrap nearly every line
# (A5: about 22); the sections are stacked on the full width instead.
COLUMN_CHARS = 30


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
    panel = figure_panel(tuple(item.figures), PER_ROW, full, hero)
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
        figure_panel(
            tuple(f for f in section.figures if f.value not in shown), per_row, width, colours
        ),
        tuple(tables),
        section.level,
        section.new_page,
    )


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
