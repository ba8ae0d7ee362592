"""Handouts as Word documents: case studies, information sheets and the one-page infographic.

Owns planning a handout (pure: key-figure panels and their colours, charts as tables) and its
layout in Word; a print run's pages, branding and saving come from `_docx.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from compassion_kit.branding import AA_NORMAL, contrast_ratio, readable_text_on
from compassion_kit.render import RenderedFile
from compassion_kit.render._docx import (
    COLUMN_GAP,
    PrintRequest,
    print_run,
    start_section,
    text_width_for,
)
from compassion_kit.render._docx_table import (
    TableLook,
    add_table,
    align_cell,
    column_widths,
    equal_widths,
    keep_table_together,
)
from compassion_kit.render._docx_text import (
    add_list,
    add_paragraph,
    add_run,
    align,
    keep_with_next,
    shade_paragraph,
    space_around,
)
from compassion_kit.render._docx_xml import Draft

if TYPE_CHECKING:
    from compassion_kit.model import Handout
    from compassion_kit.model.deck import Chart, KeyFigure
    from compassion_kit.model.handout import Section
    from compassion_kit.profile import Brand

__all__ = ["HandoutPlan", "plan_handouts", "write_handouts"]

PER_ROW = 4  # key figures side by side on a full-width panel
PER_ROW_IN_COLUMN = 2  # ... and in one column of the infographic
VALUE_CHARS_PER_TWIP = 1 / 340  # a 28 pt bold figure character is about 340 twips wide
SMALL_VALUE_SCALE = 28 / 20  # Figure Value Small (20 pt) fits this many times more characters
CELL_SIDES = 2 * 170  # Kit Panel's left and right cell margins
KEY_FIGURES = "Key figures"
NUMBER = re.compile(r"[~<>]?[£$€]?-?[\d.,]+\s?(%|k|m|bn)?")  # "93%", "8,500", "£1.2m"
CATEGORY_HEADER = "Category"
INFOGRAPHIC_COLUMNS = 2
FIGURE_LINE_PADDING = 4  # points of fill around figure lines
COMPACT_HEADING_SPACE = (120, 60)  # twips above and below a Heading 2 in the infographic


# --- the plan: plain values, no Word objects -------------------------------------------------


@dataclass(frozen=True)
class FigurePanel:
    """Key figures as a shaded table: big numbers in the header row, captions beneath.

    `rows` splits the figures into tables of at most `per_row`; `ink` is the caption colour
    and `value_ink` the number colour, both at least 4.5:1 against `fill`.
    """

    rows: tuple[tuple[KeyFigure, ...], ...]
    fill: str
    ink: str
    value_ink: str
    value_style: str
    width: int


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
    """A Heading 2 section: its paragraphs, then key figures, bullets and tables."""

    heading: str
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...]
    panel: FigurePanel | None
    tables: tuple[DataTable, ...]


@dataclass(frozen=True)
class HandoutPage:
    """One handout: starts a page; Heading 1, optional subtitle and key figures, sections.

    An `infographic` sets its sections in two columns, in compact text (1.15 lines), with
    their key figures as shaded lines, to fit on one page.
    """

    item_id: str
    title: str
    subtitle: str | None
    credit: str
    panel: FigurePanel | None
    sections: tuple[PlannedSection, ...]
    infographic: bool = False


@dataclass(frozen=True)
class HandoutPlan:
    title: str
    pages: tuple[HandoutPage, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)


def plan_handouts(request: PrintRequest) -> HandoutPlan:
    """A page run per requested handout, in order, each starting on a new page.

    Warns (and uses the primary colour instead) when the profile's accent colour cannot
    carry readable text at 4.5:1.
    """
    warnings: list[str] = []
    colours = _panel_colours(request.brand, warnings)
    pages = []
    for item in request.items:
        assert item.kind == "handout", f"{item.id} is a {item.kind}, not a handout"
        pages.append(_plan_handout(item, request.brand, colours))
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


def _plan_handout(item: Handout, brand: Brand, colours: _Colours) -> HandoutPage:
    full = text_width_for(brand.organisation.paper)
    infographic = item.layout == "infographic"
    column = (full - COLUMN_GAP) // INFOGRAPHIC_COLUMNS if infographic else full
    hero = colours.primary if infographic else colours.accent
    panel = _panel(tuple(item.figures), PER_ROW, full, hero)
    per_row = PER_ROW_IN_COLUMN if infographic else PER_ROW
    shown = {f.value for f in item.figures} if infographic else set()
    sections = tuple(
        _plan_section(s, column, per_row, colours.accent, shown) for s in item.sections
    )
    subtitle = item.organisation if item.layout == "case-study" else None
    return HandoutPage(
        item.id, item.title, subtitle, item.source.credit(), panel, sections, infographic
    )


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
    )


def _panel(
    figures: tuple[KeyFigure, ...], per_row: int, width: int, colours: tuple[str, str, str]
) -> FigurePanel | None:
    if not figures:
        return None
    count = -(-len(figures) // per_row)  # rows needed
    size = -(-len(figures) // count)  # even rows: 5 figures become 3 + 2, not 4 + 1
    rows = tuple(figures[i : i + size] for i in range(0, len(figures), size))
    cell = width // size - CELL_SIDES
    longest = max(len(f.value) for f in figures)
    style = "Figure Value" if longest <= cell * VALUE_CHARS_PER_TWIP else "Figure Value Small"
    fill, ink, value_ink = colours
    return FigurePanel(rows, fill, ink, value_ink, style, width)


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


# --- writing the plan into Word --------------------------------------------------------------


def write_handouts(plan: HandoutPlan, request: PrintRequest) -> RenderedFile:
    """The .docx for `plan`: each handout starts on a new page, with its own credit."""
    data = print_run(request, plan.title, plan.pages, _write_page)
    return RenderedFile(data, "docx", None, plan.warnings)


def _write_page(draft: Draft, page: HandoutPage) -> None:
    add_paragraph(draft, page.title, "Heading 1")
    if page.subtitle:
        add_paragraph(draft, page.subtitle, "Subtitle")
    if page.panel is not None:
        _write_panel(draft, page.panel, KEY_FIGURES)
    if page.infographic:
        start_section(draft, new_page=False, columns=INFOGRAPHIC_COLUMNS)
    for section in page.sections:
        _write_section(draft, section, compact=page.infographic)
    # No continuous break back to one column: it would need a paragraph of its own after
    # the columns, and a full page would spill that paragraph onto a blank second page
    # (LibreOffice 7.4). The next item's new-page section resets the columns.


def _write_section(draft: Draft, section: PlannedSection, compact: bool) -> None:
    heading = add_paragraph(draft, section.heading, "Heading 2")
    if compact:
        space_around(heading, *COMPACT_HEADING_SPACE)
    text_style = "Compact Text" if compact else "Normal"
    for number, text in enumerate(section.paragraphs, start=1):
        paragraph = add_paragraph(draft, text, text_style)
        # The paragraph just before the figures stays with them (only that one: keeping the
        # whole section together would push it to a new page and leave a gap).
        last = number == len(section.paragraphs)
        keep_with_next(paragraph, last and section.panel is not None)
    if section.panel is not None and compact:
        _write_figure_lines(draft, section.panel)
    elif section.panel is not None:
        _write_panel(draft, section.panel, f"{KEY_FIGURES}: {section.heading}")
    add_list(draft, section.bullets, style="Compact Bullet" if compact else None)
    for table in section.tables:
        _write_data_table(draft, table)


def _write_panel(draft: Draft, panel: FigurePanel, caption: str) -> None:
    look = TableLook(
        style="Kit Panel",
        header_style=panel.value_style,
        body_style="Figure Caption",
        header_fill=panel.fill,
        body_fill=panel.fill,
        header_ink=panel.value_ink,
    )
    for number, figures in enumerate(panel.rows):
        if number:
            add_paragraph(draft, style="Spacer")  # adjacent tables would merge into one
        table = add_table(
            draft,
            [f.value for f in figures],
            [[f.caption for f in figures]],
            equal_widths(panel.width, len(figures)),
            look,
            caption,
        )
        for cell in table.rows[1].cells:
            align_cell(cell, "top")
        keep_table_together(table)
    add_paragraph(draft, style="Spacer")


def _write_figure_lines(draft: Draft, panel: FigurePanel) -> None:
    """Key figures as one shaded block of lines, each a big number and its caption.

    Used in the infographic's narrow columns, where side-by-side cells would wrap every
    caption into a tall column of words. Borders in the fill colour pad the block; paragraphs
    with identical borders are drawn as one box, and w:between spaces the figures apart.
    """
    number_style = draft.style_id("Figure Number")
    for figures in panel.rows:
        for figure in figures:
            paragraph = add_paragraph(draft, style="Figure Line")
            add_run(paragraph, figure.value, colour=panel.value_ink, style_id=number_style)
            add_run(paragraph, " " + figure.caption, colour=panel.ink)
            shade_paragraph(paragraph, panel.fill, padding=FIGURE_LINE_PADDING)
            keep_with_next(paragraph)
    add_paragraph(draft, style="Spacer")


def _write_data_table(draft: Draft, table: DataTable) -> None:
    add_paragraph(draft, table.caption, "Caption")
    built = add_table(draft, table.columns, table.rows, table.widths, caption=table.caption)
    for cell in built.rows[0].cells:
        keep_with_next(cell.paragraphs[0])
    for index in range(len(table.columns)):
        if all(NUMBER.fullmatch(row[index]) for row in table.rows):
            for row in built.rows:  # figures line up on the right, header included
                align(row.cells[index].paragraphs[0], "right")
    if table.note:
        add_paragraph(draft, table.note, "Table Note")
