"""Worksheets as Word forms: writing spaces, tick boxes, scales and tables, one item per page run.

Owns each part's form layout in Word and reading tick boxes back; which sheets and parts a
print run holds is planned in `plan/worksheet.py`, pages and saving are `document.py`'s.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.shared import Twips

from compassion_kit.render import RenderedFile
from compassion_kit.render.docx import oxml
from compassion_kit.render.docx.document import Draft, print_run
from compassion_kit.render.docx.fishbone import write_fishbone
from compassion_kit.render.docx.table import TableLook, add_table, align_cell, set_row_height
from compassion_kit.render.docx.text import Cell, add_list, add_paragraph, add_run, keep_with_next
from compassion_kit.render.plan.fishbone import Fishbone
from compassion_kit.render.plan.page import equal_widths
from compassion_kit.render.plan.worksheet import (
    WHY_PROMPT,
    WRITING_LINE,
    Checklist,
    Grid,
    Heading,
    Part,
    Scale,
    Sheet,
    Steps,
    Text,
    TickGrid,
    TickQuestion,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docx.text.paragraph import Paragraph

    from compassion_kit.render.plan.printing import PrintRequest
    from compassion_kit.render.plan.worksheet import WorksheetPlan

STATEMENT_HEADER = "Statement"
CHECK_TAB = 567  # where checklist text starts after its tick box (1 cm)


def write_worksheets(plan: WorksheetPlan, request: PrintRequest) -> RenderedFile:
    """The .docx for `plan`: every sheet starts on a new page, with its item's credit."""
    data = print_run(request, plan.title, plan.sheets, _write_sheet)
    return RenderedFile(data, "docx", None, plan.warnings)


def read_ticks(docx_bytes: bytes) -> list[bool]:
    """Whether each tick box in a (filled-in) document is ticked, in document order."""
    return [checked for _, checked in oxml.checkboxes(docx.Document(io.BytesIO(docx_bytes)))]


def read_tick_answers(docx_bytes: bytes) -> dict[str, bool]:
    """Tick boxes by their tag (`<item>/<block>/<row>/<option>`), ticked or not."""
    return dict(oxml.checkboxes(docx.Document(io.BytesIO(docx_bytes))))


def _write_sheet(draft: Draft, sheet: Sheet) -> None:
    add_paragraph(draft, sheet.title, "Heading 1")
    for part in sheet.parts:
        _write_part(draft, part)


def _write_part(draft: Draft, part: Part) -> None:
    if isinstance(part, Heading):
        add_paragraph(draft, part.text, f"Heading {part.level}")
    elif isinstance(part, Text):
        paragraph = add_paragraph(draft, style=part.style)
        if part.label:
            add_run(paragraph, part.label, bold=True)
        if part.text:
            add_run(paragraph, part.text)
        keep_with_next(paragraph, part.keep_with_next or not part.text)
    elif isinstance(part, Steps):
        add_list(draft, part.items, numbered=part.numbered)
    elif isinstance(part, TickGrid):
        _write_grid_of_ticks(draft, part)
    elif isinstance(part, TickQuestion):
        _write_question(draft, part)
    elif isinstance(part, Scale):
        _write_scale(draft, part)
    elif isinstance(part, Checklist):
        _write_checklist(draft, part)
    elif isinstance(part, Grid):
        _write_table(draft, part)
    elif isinstance(part, Fishbone):
        write_fishbone(draft, part)
    else:
        _writing_space(_form(draft, part.prompt), part.lines, part.ruled)


def _form(draft: Draft, question: str) -> Cell:
    """A question and its answer space as one unit that never breaks across a page.

    A two-row table (Kit Form: no borders or cell margins): the question is the marked
    header row, the answer space is a single row that cannot split. LibreOffice 7.4 keeps
    only one level of a keep-with-next chain, so a prompt paragraph followed by several
    kept paragraphs can still be torn from them; a table row cannot. Returns the answer cell.
    """
    look = TableLook(style="Kit Form", header_style="Prompt", shade_header=False)
    table = add_table(draft, [question], [[""]], [draft.width], look)
    keep_with_next(table.rows[0].cells[0].paragraphs[0])
    spacer = add_paragraph(draft, style="Spacer")  # adjacent tables would merge into one
    keep_with_next(spacer, False)
    return table.rows[1].cells[0]


def _writing_space(cell: Cell, lines: int, ruled: bool, label: str | None = None) -> None:
    """Fill `cell` with `lines` lines of handwriting height: ruled lines, or one box.

    Word and LibreOffice draw consecutive paragraphs with identical borders as one box, and
    draw the Writing Line style's w:between border as a rule between lines. A `label` is
    printed at the start of the first line (the "why" boxes of rating questions). Writes
    after whatever the cell holds, reusing its last paragraph when that is empty.
    """
    last = cell.paragraphs[-1]
    style = cell.draft.style_id("Writing Line" if ruled else "Writing Space")
    for index in range(lines):
        empty = index == 0 and not last.text
        paragraph = last if empty else add_paragraph(cell)
        oxml.set_style_id(paragraph, style)
        if index == 0 and label:
            add_run(paragraph, label)
        paragraph.paragraph_format.line_spacing = Twips(WRITING_LINE)
        paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY


def _tick_row(cells: Sequence[Cell], tags: tuple[str, ...], labels: tuple[str, ...]) -> None:
    for cell, tag, label in zip(cells, tags, labels, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        oxml.add_checkbox(paragraph, cell.draft.next_control_id(), tag, label)
        align_cell(cell, "center")


def _ticks_table(where: Cell, labels: tuple[str, ...], tags: tuple[str, ...], width: int) -> None:
    """A nested table in `where`: the labels as its header row, a tick box under each."""
    table = add_table(where, labels, [()], equal_widths(width, len(labels)))
    for header in table.rows[0].cells:
        header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _tick_row(table.rows[1].cells, tags, labels)


def _write_grid_of_ticks(draft: Draft, part: TickGrid) -> None:
    if part.prompt:
        add_paragraph(draft, part.prompt, "Prompt")
    header = (STATEMENT_HEADER, *part.options)
    table = add_table(draft, header, [(row.text,) for row in part.rows], part.widths)
    for cell in table.rows[0].cells[1:]:
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for row, tick_row in zip(table.rows[1:], part.rows, strict=True):
        _tick_row(row.cells[1:], tick_row.tags, part.options)
    # The header row stays with the first statement; later rows may move to the next page,
    # where the header row repeats.
    for cell in table.rows[0].cells:
        keep_with_next(cell.paragraphs[0])


def _write_question(draft: Draft, part: TickQuestion) -> None:
    answer = _form(draft, part.statement)
    oxml.remove_paragraph(answer.paragraphs[0])  # the options table comes first
    _ticks_table(answer, part.options, part.tags, draft.width)
    _writing_space(answer, part.why_lines, ruled=False, label=WHY_PROMPT)


def _write_scale(draft: Draft, part: Scale) -> None:
    answer = _form(draft, part.prompt)
    labels: Paragraph = answer.paragraphs[0]
    oxml.set_style_id(labels, draft.style_id("Scale Labels"))
    add_run(labels, f"{part.points[0]} = {part.low_label}")
    add_run(labels, "\t" + f"{part.points[-1]} = {part.high_label}")
    labels.paragraph_format.tab_stops.add_tab_stop(Twips(draft.width), WD_TAB_ALIGNMENT.RIGHT)
    _ticks_table(answer, tuple(str(p) for p in part.points), part.tags, draft.width)
    # The paragraph Word requires after a nested table, as small as can be.
    oxml.set_style_id(answer.paragraphs[-1], draft.style_id("Spacer"))


def _write_checklist(draft: Draft, part: Checklist) -> None:
    if part.prompt:  # the prompt stays with the first item; each item is one paragraph
        keep_with_next(add_paragraph(draft, part.prompt, "Prompt"))
    for item in part.items:
        paragraph = add_paragraph(draft, style="Check Item")
        paragraph.paragraph_format.tab_stops.add_tab_stop(Twips(CHECK_TAB))
        oxml.add_checkbox(paragraph, draft.next_control_id(), item.tags[0], item.text)
        add_run(paragraph, "\t" + item.text)


def _write_table(draft: Draft, part: Grid) -> None:
    if part.caption:
        add_paragraph(draft, part.caption, "Caption")
    table = add_table(draft, part.columns, part.rows, part.widths)
    for row, values in zip(table.rows[1:], part.rows, strict=True):
        if any(not value for value in values):
            set_row_height(row, part.blank_height, exact=False)
    for cell in table.rows[0].cells:
        keep_with_next(cell.paragraphs[0])
