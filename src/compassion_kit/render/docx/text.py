"""Paragraphs, runs and lists in a Word draft, styled by name.

Owns adding paragraphs (in the body or a table cell), runs and Word-numbered lists; tables are
`table.py`'s, page setup and sections `document.py`'s.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import docx.oxml.xmlchemy
from docx.oxml.ns import nsmap, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import RGBColor
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

from compassion_kit.render.docx import oxml

if TYPE_CHECKING:
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    from compassion_kit.render.docx.document import Draft


@functools.lru_cache(maxsize=512)
def _compiled(path: str) -> Any:
    return etree.XPath(path, namespaces=nsmap)


def _xpath(self: BaseOxmlElement, xpath_str: str) -> Any:
    return _compiled(xpath_str)(self)


# Speed, not a missing API: python-docx's `xpath` compiles its expression on every call (for
# each run, header and section it looks at); compiled once per process, with the same result.
BaseOxmlElement.xpath = _xpath  # type: ignore[method-assign]
# Its child-element machinery qualifies every successor tag name on every insertion.
docx.oxml.xmlchemy.qn = functools.lru_cache(maxsize=1024)(qn)  # type: ignore[attr-defined]


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
