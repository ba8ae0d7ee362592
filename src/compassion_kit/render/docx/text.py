"""Paragraphs, runs and lists in a Word draft, styled by name.

Owns adding paragraphs (in the body or a table cell), runs and Word-numbered lists; tables are
`table.py`'s, page setup and sections `document.py`'s.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docx.shared import RGBColor

from compassion_kit.render.docx import oxml, speed  # noqa: F401  # speed: python-docx's lookups, once

if TYPE_CHECKING:
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    from compassion_kit.render.docx.document import Draft


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell being written, and the draft it belongs to."""

    draft: Draft
    cell: _Cell

    @property
    def paragraphs(self) -> list[Paragraph]:
        """The paragraphs directly in the cell, in order."""
        paragraphs: list[Paragraph] = self.cell.paragraphs
        return paragraphs


def add_paragraph(where: Draft | Cell, text: str = "", style: str = "Normal") -> Paragraph:
    """A paragraph in style `style` at the end of the body or of a cell, `text` in one run."""
    paragraph: Paragraph
    if isinstance(where, Cell):
        draft, paragraph = where.draft, where.cell.add_paragraph()
    else:
        draft, paragraph = where, where.document.add_paragraph()
    oxml.set_style_id(paragraph, draft.style_id(style))
    if text:
        oxml.add_text(paragraph, text)
    return paragraph


def add_run(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool = False,
    colour: str | None = None,
    style: Any = None,
) -> Run:
    """Append a run of `text` (tabs and line breaks become Word's); `colour` is #RRGGBB,
    `style` a character style from `Draft.styles`."""
    run = oxml.add_text(paragraph, text)
    if style is not None:
        run.style = style
    if bold:
        run.bold = True
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())
    return run


def embolden(paragraph: Paragraph) -> None:
    """Set every run already in the paragraph in bold."""
    for run in paragraph.runs:
        run.bold = True


def keep_with_next(paragraph: Paragraph, on: bool = True) -> None:
    """Keep the paragraph on the same page as the next (or, with False, explicitly not)."""
    paragraph.paragraph_format.keep_with_next = on


def add_list(
    draft: Draft, items: Iterable[str], numbered: bool = False, style: str | None = None
) -> list[Paragraph]:
    """Bulleted or numbered paragraphs using Word numbering (never typed "•" or "1.").

    Each numbered list restarts at 1: a new list like List Number's, started again. `style`
    replaces List Bullet / List Number with a style based on it (e.g. Compact Bullet).
    """
    base = "List Number" if numbered else "List Bullet"
    num_id = oxml.style_list(draft.styles[base])
    if num_id is not None and numbered:
        num_id = oxml.restarted_list(draft.document, num_id)
    paragraphs = []
    for text in items:
        paragraph = add_paragraph(draft, text, style or base)
        if num_id is not None:
            oxml.number(paragraph, num_id)
        paragraphs.append(paragraph)
    return paragraphs
