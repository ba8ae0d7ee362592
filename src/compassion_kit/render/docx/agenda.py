"""The Word layout of an agenda: title and details, the run sheet for facilitators, and the
agenda as a table whose header row repeats on each page.

Owns writing an `AgendaPlan` into Word; what each audience sees is planned in
`plan/agenda.py`, the branded document and saving are `document.py`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Twips

from compassion_kit.render import RenderedFile
from compassion_kit.render.docx import oxml
from compassion_kit.render.docx.document import Draft, finish, new_document
from compassion_kit.render.docx.table import add_table, allow_split
from compassion_kit.render.docx.text import Cell, add_list, add_paragraph, add_run, embolden

if TYPE_CHECKING:
    from pathlib import Path

    from docx.text.paragraph import Paragraph

    from compassion_kit.render.plan.agenda import (
        AgendaPlan,
        AgendaRequest,
        AgendaRow,
        Note,
        PrintLine,
        RunSheet,
    )

# Styles this writer uses by name (`template.STYLE_NAMES` has them all but NOTES).
TITLE, SUBTITLE, DETAILS = "Heading 1", "Subtitle", "Item Details"
HEADING, SUBHEADING = "Heading 2", "Heading 3"
CELL, BODY = "Table Text", "Normal"
# Facilitator notes are set apart by a labelled paragraph style with a bar down the left, so
# the difference survives greyscale printing and screen readers hear the label. The shared
# template does not have this style yet, so `_add_notes_style` adds it when missing.
NOTES = "Facilitator Notes"
NOTES_BAR_EIGHTHS = 24  # 3 pt bar: visible in greyscale at any brand colour of >= 3:1
NOTES_BAR_GAP_POINTS = 6  # between the bar and the text
NOTES_SPACE_BEFORE = 60  # 3 pt between notes paragraphs, in twips
NOTES_INDENT = 227  # 4 mm from the cell edge to the text, in twips
LIST_INDENT, LIST_HANGING = 510, 283  # notes bullets: the bullet sits where the bar's text starts
TIME_COLUMN = 2160  # 3.8 cm: "09:30 to 09:50" on one line at 12 pt
PRINT_COLUMNS = (0.45, 0.25, 0.30)  # Item | Copies | Used in, as shares of the text width
# Rows are kept whole on a page unless they are long: a long row that cannot split would leave
# most of a page blank before it (Word 365, LibreOffice 7). Estimated at 12 pt Arial in the
# session column of an A4 page, where about half a page holds 24 lines.
LINE_CHARS, SPLIT_LINES = 60, 24


def write_agenda(
    plan: AgendaPlan, request: AgendaRequest, template: Path | None = None
) -> RenderedFile:
    """The agenda as a Word document: A4 (or Letter), logo and organisation in the header,
    the source credit and page numbers in the footer, Heading styles, and the agenda as a
    table whose header row repeats on each page. Identical input gives identical bytes.
    """
    draft = new_document(request.brand, request.logo, plan.credit, template)
    add_paragraph(draft, plan.title, TITLE)
    add_paragraph(draft, plan.version, SUBTITLE)
    for label, value in plan.details:
        _labelled(add_paragraph(draft, style=DETAILS), label, value)
    if plan.run_sheet is not None:
        _write_run_sheet(draft, plan.run_sheet)
    # No page break before the agenda: a run sheet a few lines too long for page 1 would
    # leave page 2 a narrow strip; annotated rows may split, so the agenda follows on.
    add_paragraph(draft, "Agenda", HEADING)
    _write_agenda_table(draft, plan)
    return RenderedFile(finish(draft, plan.doc_title), "docx", warnings=plan.warnings)


def _write_agenda_table(draft: Draft, plan: AgendaPlan) -> None:
    facilitator = plan.run_sheet is not None
    widths = [TIME_COLUMN, draft.width - TIME_COLUMN]
    rows = [[row.time, row.title] for row in plan.rows]
    table = add_table(draft, ["Time", "Session"], rows, widths)
    if facilitator:
        _add_notes_style(draft)
    for row, built in zip(plan.rows, table.rows[1:], strict=True):
        time_cell, session_cell = built.cells
        if facilitator:
            add_paragraph(time_cell, f"{row.minutes} minutes", CELL)
        if _estimated_lines(row) > SPLIT_LINES:
            allow_split(built)
        embolden(session_cell.paragraphs[0])
        if row.text:
            add_paragraph(session_cell, row.text, CELL)
        if row.notes and facilitator:
            _write_notes(session_cell, row.notes)


def _write_notes(cell: Cell, notes: tuple[Note, ...]) -> None:
    add_run(add_paragraph(cell, style=NOTES), "Facilitator notes", bold=True)
    bullets = oxml.style_list(cell.draft.styles["List Bullet"])
    for note in notes:
        _labelled(add_paragraph(cell, style=NOTES), note.label, note.text)
        for item in note.items:
            _bullet(add_paragraph(cell, item, NOTES), bullets)


def _write_run_sheet(draft: Draft, sheet: RunSheet) -> None:
    add_paragraph(draft, "Run sheet", HEADING)
    _labelled(add_paragraph(draft, style=BODY), "Total time", sheet.total)
    add_paragraph(draft, "Materials for the day", SUBHEADING)
    if sheet.materials:
        add_list(draft, sheet.materials)
    else:
        add_paragraph(draft, "No materials are listed for this agenda.", BODY)
    add_paragraph(draft, "Print list", SUBHEADING)
    if not sheet.prints:
        add_paragraph(draft, "Nothing to print for this agenda.", BODY)
        return
    widths = [round(draft.width * share) for share in PRINT_COLUMNS]
    widths[-1] = draft.width - sum(widths[:-1])
    add_table(
        draft,
        ["Item", "Copies", "Used in"],
        [_print_row(line) for line in sheet.prints],
        widths,
    )


def _print_row(line: PrintLine) -> list[str]:
    return [f"{line.title} ({line.item_id})", line.copies, line.used_in]


def _labelled(paragraph: Paragraph, label: str, text: str) -> None:
    """'Label: text' with the label in bold (a label alone when there is no text)."""
    add_run(paragraph, f"{label}:", bold=True)
    if text:
        add_run(paragraph, f" {text}")


def _bullet(paragraph: Paragraph, bullets: int | None) -> None:
    """A real Word bullet (numbering), indented so the bar down the left stays straight."""
    if bullets is not None:
        oxml.number(paragraph, bullets)
    paragraph.paragraph_format.left_indent = Twips(LIST_INDENT)
    paragraph.paragraph_format.first_line_indent = Twips(-LIST_HANGING)


def _estimated_lines(row: AgendaRow) -> int:
    texts = [row.title, row.text or "", "Facilitator notes" if row.notes else ""]
    for note in row.notes:
        texts += [f"{note.label}: {note.text}", *note.items]
    return sum(-(-len(text) // LINE_CHARS) for text in texts)


def _add_notes_style(draft: Draft) -> None:
    """Add the facilitator-notes style to the document, unless the template has it."""
    if NOTES in draft.styles:
        return
    style = draft.document.styles.add_style(NOTES, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = draft.styles[CELL]
    style.quick_style = True
    bar = draft.brand.organisation.colours.primary
    oxml.left_bar(style, bar, NOTES_BAR_EIGHTHS, NOTES_BAR_GAP_POINTS)
    style.paragraph_format.space_before = Twips(NOTES_SPACE_BEFORE)
    style.paragraph_format.left_indent = Twips(NOTES_INDENT)
    draft.styles[NOTES] = style
    draft.ids[NOTES] = style.style_id
