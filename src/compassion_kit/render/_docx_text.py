"""Paragraphs, runs and lists in a Word draft, styled by name, with their paragraph properties.

Owns the XML of paragraphs and runs (as python-docx would write it) and Word numbering for
lists; tables are `_docx_table.py`'s, page setup and sections `_docx.py`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from compassion_kit.render._docx_xml import (
    PPR,
    RPR,
    VAL,
    Cell,
    Draft,
    R,
    element,
    get_or_place,
    sub,
    w,
)
from compassion_kit.render._ns import qn

BULLETS = 1  # numId of the template's bullet list
DECIMAL = "1"  # abstractNumId of the template's decimal list
XML_SPACE = qn("xml:space")
_BREAKS = re.compile(r"([\t\r\n])")


def add_paragraph(where: Draft | Cell, text: str = "", style: str = "Normal") -> Any:
    """A paragraph in style `style` at the end of the body or of a cell, `text` in one run."""
    draft = where.draft if isinstance(where, Cell) else where
    p = element("w:p")
    style_id = draft.style_id(style)
    if style_id is not None:
        sub(sub(p, "w:pPr"), "w:pStyle", val=style_id)
    if text:
        add_run(p, text)
    if isinstance(where, Cell):
        where.element.append(p)
    else:
        where.append(p)
    return p


def set_style(p: Any, style_id: str | None) -> None:
    """Give paragraph `p` the style with id `style_id` (`Draft.style_id`), None for Normal."""
    p_pr = paragraph_properties(p)
    if style_id is not None:
        get_or_place(p_pr, "w:pStyle", val=style_id)
    elif (found := p_pr.find(w("pStyle"))) is not None:
        p_pr.remove(found)


def add_run(
    p: Any,
    text: str,
    *,
    bold: bool = False,
    colour: str | None = None,
    style_id: str | None = None,
) -> Any:
    """Append a run of `text`; tabs become w:tab and line breaks w:br, as in python-docx.

    `colour` is #RRGGBB; `style_id` is the id of a character style (`Draft.style_id`).
    """
    r = sub(p, "w:r")
    if style_id is not None or bold or colour:
        r_pr = sub(r, "w:rPr")
        if style_id is not None:
            sub(r_pr, "w:rStyle", val=style_id)
        if bold:
            sub(r_pr, "w:b")
        if colour:
            sub(r_pr, "w:color", val=colour.lstrip("#").upper())
    for piece in _BREAKS.split(text) if _BREAKS.search(text) else (text,):
        if piece == "\t":
            sub(r, "w:tab")
        elif piece in ("\r", "\n"):
            sub(r, "w:br")
        elif piece:
            t = sub(r, "w:t")
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(XML_SPACE, "preserve")
    return r


def embolden(p: Any) -> None:
    """Set every run already in the paragraph in bold."""
    for r in p.iterfind(R):
        r_pr = r[0] if len(r) and r[0].tag == RPR else None
        if r_pr is None:
            r_pr = element("w:rPr")
            r.insert(0, r_pr)
        get_or_place(r_pr, "w:b")


def paragraph_properties(p: Any) -> Any:
    """The paragraph's w:pPr, added as its first child if missing."""
    first: Any | None = p[0] if len(p) else None
    if first is not None and first.tag == PPR:
        return first
    p_pr = element("w:pPr")
    p.insert(0, p_pr)
    return p_pr


def keep_with_next(p: Any, on: bool = True) -> None:
    """Keep the paragraph on the same page as the next (or, with False, explicitly not).

    Written as python-docx writes on/off properties: bare for on, w:val="0" for off.
    """
    found = get_or_place(paragraph_properties(p), "w:keepNext")
    if on:
        found.attrib.pop(VAL, None)
    else:
        found.set(VAL, "0")


def page_break_before(p: Any) -> None:
    """Start the paragraph on a new page."""
    get_or_place(paragraph_properties(p), "w:pageBreakBefore")


def align(p: Any, how: str) -> None:
    """Align the paragraph: "left", "center" or "right"."""
    get_or_place(paragraph_properties(p), "w:jc", val=how)


def add_tab_stop(p: Any, position: int, kind: str = "left") -> None:
    """A tab stop at `position` twips from the left margin; `kind` is "left" or "right"."""
    tabs = get_or_place(paragraph_properties(p), "w:tabs")
    sub(tabs, "w:tab", pos=str(position), val=kind)


def exact_line_height(p: Any, twips: int) -> None:
    """Lines exactly `twips` high."""
    get_or_place(paragraph_properties(p), "w:spacing", line=str(twips), lineRule="exact")


def space_around(p: Any, before: int, after: int) -> None:
    """Space above and below the paragraph, in twips."""
    get_or_place(paragraph_properties(p), "w:spacing", before=str(before), after=str(after))


def hanging_indent(p: Any, left: int, hanging: int) -> None:
    """Indent the paragraph `left` twips, its first line starting `hanging` twips before."""
    get_or_place(paragraph_properties(p), "w:ind", left=str(left), hanging=str(hanging))


def number(p: Any, num_id: int) -> None:
    """Make the paragraph an item of Word list `num_id` (w:numPr, level 0)."""
    num_pr = get_or_place(paragraph_properties(p), "w:numPr")
    sub(num_pr, "w:ilvl", val="0")
    sub(num_pr, "w:numId", val=str(num_id))


def shade_paragraph(p: Any, fill: str, padding: int = 4) -> None:
    """Fill a paragraph's background, padded by `padding` points of the same colour.

    The padding is a border drawn in the fill colour (Word and LibreOffice shade up to
    the border); consecutive paragraphs shaded alike form one block.
    """
    p_pr = paragraph_properties(p)
    colour = fill.lstrip("#").upper()
    borders = get_or_place(p_pr, "w:pBdr")
    for edge in ("top", "left", "bottom", "right", "between"):
        sub(borders, f"w:{edge}", val="single", sz="4", space=str(padding), color=colour)
    get_or_place(p_pr, "w:shd", val="clear", color="auto", fill=colour)


def add_list(
    draft: Draft, items: Iterable[str], numbered: bool = False, style: str | None = None
) -> list[Any]:
    """Bulleted or numbered paragraphs using Word numbering (never typed "•" or "1.").

    Each numbered list restarts at 1: it gets its own w:num pointing at the template's
    decimal list with a start override. `style` replaces List Bullet / List Number with a
    style based on it (e.g. Compact Bullet).
    """
    style = style or ("List Number" if numbered else "List Bullet")
    num_id = _restarted_numbering(draft) if numbered else BULLETS
    paragraphs = []
    for text in items:
        p = add_paragraph(draft, text, style)
        number(p, num_id)
        paragraphs.append(p)
    return paragraphs


def _restarted_numbering(draft: Draft) -> int:
    numbering = draft.package.xml(draft.parts.numbering)
    num_id = max(int(n.get(w("numId"))) for n in numbering.iterfind(w("num"))) + 1
    num = sub(numbering, "w:num", numId=str(num_id))
    sub(num, "w:abstractNumId", val=DECIMAL)
    override = sub(num, "w:lvlOverride", ilvl="0")
    sub(override, "w:startOverride", val="1")
    return num_id
