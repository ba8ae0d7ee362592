"""Agendas: plan a participant or facilitator agenda, then write it as Word or Markdown.

Owns the public agenda API and the Word layout of an agenda; what each audience sees is
planned in `_agenda_plan.py`, Markdown is `_agenda_md.py`'s, the Word foundation `_docx.py`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

from compassion_kit.render import RenderedFile
from compassion_kit.render._agenda_md import write_agenda_markdown
from compassion_kit.render._agenda_plan import (
    AgendaPlan,
    AgendaRequest,
    AgendaRow,
    Note,
    PrintLine,
    RunSheet,
    plan_agenda,
)
from compassion_kit.render._docx import add_list, add_table, finish, new_document, text_width
from compassion_kit.render.slide_refs import resolve_slide_refs

if TYPE_CHECKING:
    from docx.document import Document
    from docx.styles.style import ParagraphStyle
    from docx.table import _Cell, _Row
    from docx.text.paragraph import Paragraph

    from compassion_kit.profile import Brand

__all__ = [
    "AgendaPlan",
    "AgendaRequest",
    "AgendaRow",
    "Note",
    "PrintLine",
    "RunSheet",
    "plan_agenda",
    "resolve_slide_refs",
    "write_agenda_docx",
    "write_agenda_markdown",
]

# Styles this renderer uses by name; `_docx.new_document` checks the template has them.
TITLE, SUBTITLE, DETAILS = "Heading 1", "Subtitle", "Item Details"
HEADING, SUBHEADING = "Heading 2", "Heading 3"
CELL, BODY = "Table Text", "Normal"
# Facilitator notes are set apart by a labelled paragraph style with a bar down the left, so
# the difference survives greyscale printing and screen readers hear the label. The shared
# template does not have this style yet, so `_notes_style` adds it when missing.
NOTES = "Facilitator Notes"
NOTES_BAR_EIGHTHS = 24  # 3 pt bar: visible in greyscale at any brand colour of >= 3:1
NOTES_BAR_GAP_POINTS = 6  # between the bar and the text
NOTES_SPACE_BEFORE = 60  # 3 pt between notes paragraphs, in twips
NOTES_INDENT = 227  # 4 mm from the cell edge to the text, in twips
LIST_INDENT, LIST_HANGING = 510, 283  # notes bullets: the bullet sits where the bar's text starts
BULLETS = 1  # numId of the template's bullet list
TIME_COLUMN = 2160  # 3.8 cm: "09:30 to 09:50" on one line at 12 pt
PRINT_COLUMNS = (0.45, 0.25, 0.30)  # Item | Copies | Used in, as shares of the text width
# Rows are kept whole on a page unless they are long: a long row that cannot split would leave
# most of a page blank before it (Word 365, LibreOffice 7). Estimated at 12 pt Arial in the
# session column of an A4 page, where about half a page holds 24 lines.
LINE_CHARS, SPLIT_LINES = 60, 24


def write_agenda_docx(plan: AgendaPlan, request: AgendaRequest) -> RenderedFile:
    """The agenda as a Word document: A4 (or Letter), logo and organisation in the header,
    the source credit and page numbers in the footer, Heading styles, and the agenda as a
    table whose header row repeats on each page. Identical input gives identical bytes.
    """
    document = new_document(request.brand, request.logo, plan.doc_title, plan.credit)
    document.add_paragraph(plan.title, style=TITLE)
    document.add_paragraph(plan.version, style=SUBTITLE)
    for label, value in plan.details:
        _labelled(document.add_paragraph(style=DETAILS), label, value)
    if plan.run_sheet is not None:
        _write_run_sheet(document, request.brand, plan.run_sheet)
    agenda_heading = document.add_paragraph("Agenda", style=HEADING)
    if plan.run_sheet is not None:
        # Facilitators get the run sheet as a page of its own to prepare from; without the
        # break the first annotated row, kept whole, often leaves a third of page 1 blank.
        agenda_heading.paragraph_format.page_break_before = True
    _write_agenda_table(document, request.brand, plan)
    return RenderedFile(finish(document, plan.doc_title), "docx", warnings=plan.warnings)


def _write_agenda_table(document: Document, brand: Brand, plan: AgendaPlan) -> None:
    facilitator = plan.run_sheet is not None
    widths = [TIME_COLUMN, text_width(document) - TIME_COLUMN]
    rows = [[row.time, row.title] for row in plan.rows]
    table = add_table(document, brand, ["Time", "Session"], rows, widths)
    notes_style = _notes_style(document, brand) if facilitator else None
    for row, cells in zip(plan.rows, list(table.rows)[1:], strict=True):
        time_cell, session_cell = cells.cells
        if facilitator:
            time_cell.add_paragraph(f"{row.minutes} minutes", style=CELL)
        if _estimated_lines(row) > SPLIT_LINES:
            _allow_split(cells)
        for run in session_cell.paragraphs[0].runs:
            run.bold = True
        if row.text:
            session_cell.add_paragraph(row.text, style=CELL)
        if row.notes and notes_style is not None:
            _write_notes(session_cell, notes_style, row.notes)


def _write_notes(cell: _Cell, style: ParagraphStyle, notes: tuple[Note, ...]) -> None:
    cell.add_paragraph(style=style).add_run("Facilitator notes").bold = True
    for note in notes:
        _labelled(cell.add_paragraph(style=style), note.label, note.text)
        for item in note.items:
            _bullet(cell.add_paragraph(item, style=style))


def _write_run_sheet(document: Document, brand: Brand, sheet: RunSheet) -> None:
    document.add_paragraph("Run sheet", style=HEADING)
    _labelled(document.add_paragraph(style=BODY), "Total time", sheet.total)
    document.add_paragraph("Materials for the day", style=SUBHEADING)
    if sheet.materials:
        add_list(document, sheet.materials)
    else:
        document.add_paragraph("No materials are listed for this agenda.", style=BODY)
    document.add_paragraph("Print list", style=SUBHEADING)
    if not sheet.prints:
        document.add_paragraph("Nothing to print for this agenda.", style=BODY)
        return
    width = text_width(document)
    widths = [round(width * share) for share in PRINT_COLUMNS]
    widths[-1] = width - sum(widths[:-1])
    add_table(
        document,
        brand,
        ["Item", "Copies", "Used in"],
        [_print_row(line) for line in sheet.prints],
        widths,
    )


def _print_row(line: PrintLine) -> list[str]:
    return [f"{line.title} ({line.item_id})", line.copies, "; ".join(line.sessions)]


def _labelled(paragraph: Paragraph, label: str, text: str) -> None:
    """'Label: text' with the label in bold (a label alone when there is no text)."""
    paragraph.add_run(f"{label}:").bold = True
    if text:
        paragraph.add_run(f" {text}")


def _bullet(paragraph: Paragraph) -> None:
    """A real Word bullet (numbering), indented so the bar down the left stays straight."""
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = p_pr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = BULLETS
    paragraph.paragraph_format.left_indent = Twips(LIST_INDENT)
    paragraph.paragraph_format.first_line_indent = Twips(-LIST_HANGING)


def _estimated_lines(row: AgendaRow) -> int:
    texts = [row.title, row.text or "", "Facilitator notes" if row.notes else ""]
    for note in row.notes:
        texts += [f"{note.label}: {note.text}", *note.items]
    return sum(-(-len(text) // LINE_CHARS) for text in texts)


def _allow_split(row: _Row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    for flag in tr_pr.findall(qn("w:cantSplit")):
        tr_pr.remove(flag)


def _notes_style(document: Document, brand: Brand) -> ParagraphStyle:
    """The template's facilitator-notes style, or one added to this document if it lacks it."""
    styles = document.styles
    if NOTES in [style.name for style in styles]:
        existing: ParagraphStyle = styles[NOTES]
        return existing
    style: ParagraphStyle = styles.add_style(NOTES, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[CELL]
    style.quick_style = True
    p_pr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for name, value in (
        ("val", "single"),
        ("sz", str(NOTES_BAR_EIGHTHS)),
        ("space", str(NOTES_BAR_GAP_POINTS)),
        ("color", brand.organisation.colours.primary.lstrip("#")),
    ):
        left.set(qn(f"w:{name}"), value)
    borders.append(left)
    # The new style's pPr is empty here; python-docx inserts w:spacing and w:ind below after
    # it in schema order, so appending keeps w:pBdr where the schema wants it.
    p_pr.append(borders)
    style.paragraph_format.left_indent = Twips(NOTES_INDENT)
    style.paragraph_format.space_before = Twips(NOTES_SPACE_BEFORE)
    return style
