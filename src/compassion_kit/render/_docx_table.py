"""Word tables: a marked header row in brand colours, fixed column widths, rows kept whole.

Owns building w:tbl and the column-width estimate plans use; paragraphs and runs are
`_docx_text.py`'s, what goes in a table the renderers'.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from compassion_kit.branding import readable_text_on
from compassion_kit.render._docx_text import add_run, keep_with_next
from compassion_kit.render._docx_xml import Cell, Draft, P, element, get_or_place, sub, w

CHAR_WIDTH = 125  # an average 12 pt Arial character, in twips, for estimating column widths
CELL_PADDING = 2 * 113 + 40  # Kit Table's left and right cell margins, plus a little air
WRAP_CHARS = 40  # a text column wider than this many characters wastes room for the others
CAPTION_LIMIT = 255  # characters Word keeps in a table's title (w:tblCaption)
TC = w("tc")


@dataclass(frozen=True)
class TableLook:
    """How a table is drawn: its style, paragraph styles, and fills with their text colours.

    `header_fill=None` means the brand's primary colour; `shade_header=False` leaves the
    header row unfilled in its style's colours (form questions). Text on a fill is always
    `readable_text_on(fill)` (white or NHS Black), so it keeps at least 4.5:1 for any fill
    that allows it; callers check `contrast_ratio` for fills chosen from a profile.
    """

    style: str = "Kit Table"
    header_style: str = "Table Heading"
    body_style: str = "Table Text"
    header_fill: str | None = None
    body_fill: str | None = None
    header_ink: str | None = None  # overrides readable_text_on(header_fill), e.g. a brand colour
    shade_header: bool = True


@dataclass(frozen=True, slots=True)
class Row:
    """A table row being written: its w:tr element and its cells."""

    element: Any
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """A table just written: its w:tbl element and its rows, the header row first."""

    element: Any
    rows: tuple[Row, ...]


def add_table(
    where: Draft | Cell,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int] | None = None,
    look: TableLook = TableLook(),
    caption: str | None = None,
) -> Table:
    """A data table with a marked header row, by default in the brand's primary colour.

    The header row repeats on each page (w:tblHeader) and tblLook says firstRow; no row
    splits across a page. Columns have fixed `widths` in twips, so Word and LibreOffice
    draw the same columns (default: equal shares of the text width; a table in a cell
    needs them). Missing cells at the end of a row are left empty. `caption` becomes the
    table's title for screen readers (w:tblCaption); print it separately if wanted. In a
    cell, the table is followed by the empty paragraph Word requires at the end of a cell.
    """
    draft = where.draft if isinstance(where, Cell) else where
    columns = len(header)
    if widths is None:
        assert not isinstance(where, Cell), "a nested table needs explicit widths"
        widths = [draft.width // columns] * columns
    tbl = element("w:tbl")
    _table_properties(tbl, draft.style_id(look.style), sum(widths), caption)
    grid = sub(tbl, "w:tblGrid")
    for width in widths:
        sub(grid, "w:gridCol", w=str(width))
    colours = draft.brand.organisation.colours
    fill = (look.header_fill or colours.primary) if look.shade_header else None
    ink = look.header_ink or (readable_text_on(fill) if fill else None)
    body_ink = readable_text_on(look.body_fill) if look.body_fill else None
    # Rows are copies of empty rows made once per process: lxml copies a row in a tenth of
    # the time building it element by element takes.
    first = _empty_row(tuple(widths), draft.style_id(look.header_style), fill, header=True)
    built = [_fill_row(draft, tbl, copy.deepcopy(first), header, ink)]
    body = _empty_row(tuple(widths), draft.style_id(look.body_style), look.body_fill)
    for values in rows:
        padded = [*values, *[""] * (columns - len(values))]
        built.append(_fill_row(draft, tbl, copy.deepcopy(body), padded, body_ink))
    if isinstance(where, Cell):
        where.element.append(tbl)
        sub(where.element, "w:p")
    else:
        where.append(tbl)
    return Table(tbl, tuple(built))


def _table_properties(tbl: Any, style_id: str | None, width: int, caption: str | None) -> None:
    tbl_pr = sub(tbl, "w:tblPr")
    if style_id is not None:
        sub(tbl_pr, "w:tblStyle", val=style_id)
    sub(tbl_pr, "w:tblW", type="dxa", w=str(width))
    sub(tbl_pr, "w:tblLayout", type="fixed")
    # The header row is the first row; no first column, last row or column banding.
    sub(
        tbl_pr,
        "w:tblLook",
        firstColumn="0",
        firstRow="1",
        lastColumn="0",
        lastRow="0",
        noHBand="0",
        noVBand="1",
        val="0420",
    )
    if caption:
        sub(tbl_pr, "w:tblCaption", val=caption[:CAPTION_LIMIT])


@lru_cache(maxsize=256)
def _empty_row(
    widths: tuple[int, ...], style_id: str | None, fill: str | None, header: bool = False
) -> Any:
    """A detached row that cannot split, an empty paragraph in style `style_id` per cell.

    Remembered: never change it, append copies.
    """
    tr = element("w:tr")
    tr_pr = sub(tr, "w:trPr")
    sub(tr_pr, "w:cantSplit")
    if header:
        sub(tr_pr, "w:tblHeader")
    for width in widths:
        tc = sub(tr, "w:tc")
        tc_pr = sub(tc, "w:tcPr")
        sub(tc_pr, "w:tcW", type="dxa", w=str(width))
        if fill:
            sub(tc_pr, "w:shd", val="clear", color="auto", fill=fill.lstrip("#").upper())
        p = sub(tc, "w:p")
        if style_id is not None:
            sub(sub(p, "w:pPr"), "w:pStyle", val=style_id)
    return tr


def _fill_row(draft: Draft, tbl: Any, tr: Any, texts: Sequence[str], ink: str | None) -> Row:
    """Append row `tr` to `tbl` with `texts` in its cells (in colour `ink`)."""
    tbl.append(tr)
    cells = tuple(Cell(draft, tc) for tc in tr.iterfind(TC))
    for cell, text in zip(cells, texts, strict=True):
        if text:
            add_run(cell.element.find(P), text, colour=ink)
    return Row(tr, cells)


def column_widths(
    header: Sequence[str], rows: Sequence[Sequence[str]], total: int, blank_width: int = 2600
) -> tuple[int, ...]:
    """Column widths (twips, summing to `total`) from the text each column holds.

    No column is narrower than its longest word; text columns want up to WRAP_CHARS
    characters; a column that is blank in every row (writing space) wants `blank_width`.
    Leftover room is shared in proportion to what each column wants.
    """
    minimum: list[int] = []
    wanted: list[int] = []
    for index, title in enumerate(header):
        cells = [row[index] for row in rows if index < len(row)]
        texts = [title, *cells]
        longest_word = max((len(word) for text in texts for word in text.split()), default=1)
        floor = longest_word * CHAR_WIDTH + CELL_PADDING
        if not any(cells):
            want = blank_width
        else:
            want = min(max(len(text) for text in texts), WRAP_CHARS) * CHAR_WIDTH + CELL_PADDING
        minimum.append(floor)
        wanted.append(max(want, floor))
    if sum(wanted) <= total or sum(minimum) >= total:
        base = wanted if sum(wanted) <= total else minimum
        widths = [share * total // sum(base) for share in base]
    else:
        spare = total - sum(minimum)
        pairs = list(zip(wanted, minimum, strict=True))
        stretch = sum(want - low for want, low in pairs)
        widths = [low + (want - low) * spare // stretch for want, low in pairs]
    widths[-1] += total - sum(widths)
    return tuple(widths)


def equal_widths(total: int, columns: int) -> list[int]:
    """`columns` equal widths summing to `total` twips, the last taking the remainder."""
    widths = [total // columns] * columns
    widths[-1] += total - sum(widths)
    return widths


def align_cell(cell: Cell, how: str) -> None:
    """Align a cell's content vertically: "top", "center" or "bottom"."""
    get_or_place(cell.element.find(w("tcPr")), "w:vAlign", val=how)


def set_row_height(row: Row, height: int, exact: bool = True) -> None:
    """Give a row an exact (or minimum) height in twips; it never splits across pages."""
    tr_pr = row.element.find(w("trPr"))
    get_or_place(tr_pr, "w:trHeight", val=str(height), hRule="exact" if exact else "atLeast")
    get_or_place(tr_pr, "w:cantSplit")


def allow_split(row: Row) -> None:
    """Let a row break across pages (every row is kept whole by default)."""
    tr_pr = row.element.find(w("trPr"))
    for flag in tr_pr.findall(w("cantSplit")):
        tr_pr.remove(flag)


def keep_table_together(table: Table, with_next: bool = False) -> None:
    """Keep a table on one page (rows cannot split; each row stays with the next).

    With `with_next` the last row also stays with whatever follows the table.
    """
    for index, row in enumerate(table.rows):
        get_or_place(row.element.find(w("trPr")), "w:cantSplit")
        keep = with_next or index < len(table.rows) - 1
        for cell in row.cells:
            for p in cell.paragraphs:
                keep_with_next(p, keep)
