"""Handouts in Word: case studies, information sheets and the one-page infographic.

Owns writing a `HandoutPlan` into Word; panels, colours and chart tables are planned in
`plan/handout.py`, pages, branding and saving come from `document.py`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Twips

from compassion_kit.render import RenderedFile
from compassion_kit.render.docx import oxml
from compassion_kit.render.docx.document import Draft, print_run, start_section
from compassion_kit.render.docx.table import (
    TableLook,
    add_table,
    align_cell,
    keep_table_together,
)
from compassion_kit.render.docx.text import add_list, add_paragraph, add_run, keep_with_next
from compassion_kit.render.plan.page import equal_widths

if TYPE_CHECKING:
    from compassion_kit.render.plan.figure_panel import FigurePanel
    from compassion_kit.render.plan.handout import (
        DataTable,
        HandoutPage,
        HandoutPlan,
        PlannedSection,
    )
    from compassion_kit.render.plan.printing import PrintRequest

KEY_FIGURES = "Key figures"
NUMBER = re.compile(r"[~<>]?[£$€]?-?[\d.,]+\s?(%|k|m|bn)?")  # "93%", "8,500", "£1.2m"
FIGURE_LINE_PADDING = 4  # points of fill around figure lines
COMPACT_HEADING_SPACE = (80, 20)  # twips above and below a Heading 2 in the infographic


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
    if page.columns > 1:
        start_section(draft, new_page=False, columns=page.columns)
    for section in page.sections:
        _write_section(draft, section, compact=page.infographic)
    # No continuous break back to one column: it would need a paragraph of its own after
    # the columns, and a full page would spill that paragraph onto a blank second page
    # (LibreOffice 7.4). The next item's new-page section resets the columns.


def _write_section(draft: Draft, section: PlannedSection, compact: bool) -> None:
    heading = add_paragraph(draft, section.heading, f"Heading {section.level}")
    heading.paragraph_format.page_break_before = section.new_page
    if compact:
        before, after = COMPACT_HEADING_SPACE
        heading.paragraph_format.space_before = Twips(before)
        heading.paragraph_format.space_after = Twips(after)
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
            panel.widths[number] if panel.widths else equal_widths(panel.width, len(figures)),
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
    number_style = draft.styles["Figure Number"]
    for figures in panel.rows:
        for figure in figures:
            paragraph = add_paragraph(draft, style="Figure Line")
            add_run(paragraph, figure.value, colour=panel.value_ink, style=number_style)
            add_run(paragraph, " " + figure.caption, colour=panel.ink)
            oxml.shade_paragraph(paragraph, panel.fill, padding=FIGURE_LINE_PADDING)
            keep_with_next(paragraph)
    # The space below lets the next section move to another column or page: chained to the
    # next heading, sections without bullets would all have to move together.
    keep_with_next(add_paragraph(draft, style="Spacer"), False)


def _write_data_table(draft: Draft, table: DataTable) -> None:
    add_paragraph(draft, table.caption, "Caption")
    built = add_table(draft, table.columns, table.rows, table.widths, caption=table.caption)
    for cell in built.rows[0].cells:
        keep_with_next(cell.paragraphs[0])
    for index in range(len(table.columns)):
        if all(NUMBER.fullmatch(row[index]) for row in table.rows):
            for row in built.rows:  # figures line up on the right, header included
                row.cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if table.note:
        add_paragraph(draft, table.note, "Table Note")
