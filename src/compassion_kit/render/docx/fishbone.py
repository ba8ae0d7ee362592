"""A fishbone (cause and effect) diagram in Word, drawn with tables so it prints and reads.

Owns drawing a planned `Fishbone`: the head box, the spine and a box per cause category;
its geometry is planned in `plan/fishbone.py`, the sheet around it in `docx/worksheet.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Twips

from compassion_kit.branding import readable_text_on
from compassion_kit.render.docx import oxml
from compassion_kit.render.docx.table import (
    TableLook,
    add_table,
    keep_table_together,
    set_row_height,
)
from compassion_kit.render.docx.text import Cell, add_paragraph, add_run, keep_with_next
from compassion_kit.render.plan.fishbone import band_text

if TYPE_CHECKING:
    from compassion_kit.render.docx.document import Draft
    from compassion_kit.render.plan.fishbone import Bone, Fishbone

CAUSES = "Causes"  # the header of each column of bones
ARROW = "\u25b2"  # black up-pointing triangle: the spine leads up to the head
BAND_PADDING = 2  # points of the shaded band around a category's name
HEAD_CAPTION = "The problem the causes below lead to"
BONES_CAPTION = "Fishbone diagram: causes by category either side of the spine"


def write_fishbone(draft: Draft, part: Fishbone) -> None:
    """The diagram: the head (problem) box, a small gap, then the bones around the spine.

    Both tables are kept whole and together, so the diagram never breaks across a page.
    """
    colour = draft.brand.organisation.colours.primary
    head = add_table(draft, [part.prompt], [[""]], [draft.width], caption=HEAD_CAPTION)
    set_row_height(head.rows[1], part.head_lines * part.line, exact=False)
    keep_table_together(head, with_next=True)
    gap = add_paragraph(draft, style="Spacer")  # adjacent tables would merge into one
    keep_with_next(gap)
    look = TableLook(shade_header=False)
    rows = [("", "", "")] * len(part.rows)
    bones = add_table(draft, [CAUSES, "", CAUSES], rows, part.widths, look, caption=BONES_CAPTION)
    _spine(bones.rows[0].cells[1], colour, ARROW)
    for row, (left, right) in zip(bones.rows[1:], part.rows, strict=True):
        set_row_height(row, part.row_height, exact=False)
        _bone(row.cells[0], left, part, colour)
        _spine(row.cells[1], colour)
        if right is not None:
            _bone(row.cells[2], right, part, colour)
    keep_table_together(bones)


def _spine(cell: Cell, colour: str, text: str = "") -> None:
    """A spine cell: shaded in the brand colour, the arrow (if any) centred in readable ink."""
    oxml.shade_cell(cell.cell, colour)
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if text:
        add_run(paragraph, text, colour=readable_text_on(colour))


def _bone(cell: Cell, bone: Bone, part: Fishbone, colour: str) -> None:
    """A category: its name and hint on a shaded band (the bone), then ruled writing lines."""
    band = cell.paragraphs[0]
    oxml.set_style_id(band, cell.draft.style_id("Table Text"))
    oxml.shade_paragraph(band, colour, BAND_PADDING)
    name, hint = band_text(bone)
    ink = readable_text_on(colour)
    add_run(band, name, bold=True, colour=ink)
    if hint:
        add_run(band, hint, colour=ink)
    style = cell.draft.style_id("Writing Line")
    for _ in range(part.lines):
        paragraph = add_paragraph(cell)
        oxml.set_style_id(paragraph, style)
        paragraph.paragraph_format.line_spacing = Twips(part.line)
        paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
