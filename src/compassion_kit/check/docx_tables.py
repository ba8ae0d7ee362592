"""Word tables and write-in space: header rows, merged or empty cells, and blank paragraphs.

Owns KIT006 and KIT007 for `w:tbl`, and deciding which empty paragraphs and cells are space
left for handwriting (bordered lines, fixed-height rows) rather than layout by Enter key.
"""

from __future__ import annotations

from compassion_kit.check.docx_model import Place, Styles, present, run_text, runs
from compassion_kit.check.findings import Findings
from compassion_kit.check.ooxml import El, attr, first, q, whole, xpath

_ON = ("1", "true", "on", None)
_CONTENT = ".//w:drawing|.//w:pict|.//w:object|.//w:sdt|.//w:fldChar|.//w:br[@w:type='page']"


def check_table(found: Findings, where: str, tbl: El, styles: Styles) -> None:
    """KIT006 (first row marked as header) and KIT007 (no merges; not mostly empty)."""
    rows = tbl.findall(q("w:tr"))
    cells = [c for r in rows for c in r.findall(q("w:tc"))]
    if not rows or len(cells) <= 1:
        return  # a one-cell table is a box around text, not data
    header = first(rows[0], "w:trPr/w:tblHeader")
    if header is None or attr(header, "w:val") not in _ON:
        found.add(
            where,
            "KIT006",
            "E",
            "the table's first row is not marked as a header row",
            "Table Properties > Row > 'Repeat as header row at the top of each page'",
        )
    elif not _look_first_row(tbl):
        found.add(
            where,
            "KIT006",
            "E",
            "the table's header row is switched off (tblLook)",
            "tick Table Design > Header Row",
        )
    merged = xpath(
        tbl,
        "w:tr/w:tc/w:tcPr/w:gridSpan[@w:val>1]|w:tr/w:tc/w:tcPr/w:vMerge|w:tr/w:tc/w:tcPr/w:hMerge",
    )
    if merged:
        found.add(
            where,
            "KIT007",
            "W",
            f"the table has {len(merged)} merged cell{'s' if len(merged) > 1 else ''}",
            "split merged cells; screen readers lose track of rows and columns",
        )
    empty = [c for c in cells if _empty(c)]
    if (
        empty
        and len(empty) * 2 > len(cells)
        and not all(_writing_cell(c, tbl, styles) for c in empty)
    ):
        found.add(
            where,
            "KIT007",
            "W",
            f"{len(empty)} of {len(cells)} cells are empty; is it a layout table?",
            "use tables for data; lay out text with styles and tabs",
        )


def _look_first_row(tbl: El) -> bool:
    look = first(tbl, "w:tblPr/w:tblLook")
    if look is None:
        return True  # Word's default look (04A0) includes the header row
    explicit = attr(look, "w:firstRow")
    if explicit is not None:
        return explicit in ("1", "true", "on")
    return bool(whole(look, "w:val", 0x4A0, 16) & 0x20)


def _empty(cell: El) -> bool:
    text = "".join(run_text(r) for p in cell.iter(q("w:p")) for r in runs(p))
    return not text.strip() and not xpath(cell, _CONTENT)


def _writing_cell(cell: El, tbl: El, styles: Styles) -> bool:
    """An empty cell meant for handwriting: a fixed row height, or borders that draw a box."""
    row = cell.getparent()
    if row is not None and first(row, "w:trPr/w:trHeight") is not None:
        return True
    if first(cell, "w:tcPr/w:tcBorders") is not None or _table_borders(tbl, styles):
        return True
    return any(bordered(p, styles, Place(cell, tbl)) for p in cell.iter(q("w:p")))


def _table_borders(tbl: El, styles: Styles) -> bool:
    holders = [first(tbl, "w:tblPr")] + [
        s.find(q("w:tblPr")) for s in styles.chain(attr(first(tbl, "w:tblPr/w:tblStyle"), "w:val"))
    ]
    for holder in holders:
        borders = holder.find(q("w:tblBorders")) if holder is not None else None
        if borders is not None:
            return any(attr(b, "w:val") not in ("none", "nil") for b in borders)
    return False


def bordered(para: El, styles: Styles, place: Place) -> bool:
    """True when the paragraph draws a border (a writing line or box), directly or by style."""
    borders = present(styles.para_chain(para, place), "w:pBdr")
    return borders is not None and any(
        attr(side, "w:val") not in ("none", "nil") for side in borders
    )


def blank(para: El, styles: Styles, place: Place) -> bool:
    """True for an empty paragraph used as spacing: no text, no object or field or page break,
    no border, and not in a cell sized for writing."""
    if "".join(run_text(r) for r in runs(para)).strip():
        return False
    if xpath(para, _CONTENT + "|w:pPr/w:sectPr"):
        return False
    if bordered(para, styles, place):
        return False
    return not (place.cell is not None and _writing_cell(place.cell, place.table, styles))
