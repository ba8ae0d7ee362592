"""Word tables: a marked header row in brand colours, fixed column widths, rows kept whole.

Owns building tables with python-docx; column widths are planned in `plan/page.py`,
paragraphs and runs are `text.py`'s, what goes in a table the writers'.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.shared import Twips
from docx.table import Table as DocxTable

from compassion_kit.branding import readable_text_on
from compassion_kit.render.docx import oxml
from compassion_kit.render.docx.text import Cell, add_run, keep_with_next

if TYPE_CHECKING:
    from docx.table import _Row

    from compassion_kit.render.docx.document import Draft

_VERTICAL = {
    "top": WD_CELL_VERTICAL_ALIGNMENT.TOP,
    "center": WD_CELL_VERTICAL_ALIGNMENT.CENTER,
    "bottom": WD_CELL_VERTICAL_ALIGNMENT.BOTTOM,
}


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
    """A table row just written: the python-docx row and its cells."""

    row: _Row
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """A table just written: the python-docx table and its rows, the header row first."""

    table: DocxTable
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

    The header row repeats on each page and tblLook says firstRow; no row splits across a
    page. Columns have fixed `widths` in twips, so Word and LibreOffice draw the same columns
    (default: equal shares of the text width; a table in a cell needs them). Missing cells at
    the end of a row are left empty. `caption` becomes the table's title for screen readers;
    print it separately if wanted. In a cell, the table is followed by the empty paragraph
    Word requires at the end of a cell.
    """
    draft = where.draft if isinstance(where, Cell) else where
    columns = len(header)
    if widths is None:
        assert not isinstance(where, Cell), "a nested table needs explicit widths"
        widths = [draft.width // columns] * columns
    colours = draft.brand.organisation.colours
    fill = (look.header_fill or colours.primary) if look.shade_header else None
    ink = look.header_ink or (readable_text_on(fill) if fill else None)
    body_ink = readable_text_on(look.body_fill) if look.body_fill else None
    styles = tuple(
        draft.style_id(name) for name in (look.style, look.header_style, look.body_style)
    )
    shape = (columns, tuple(widths), look, caption, bool(rows), fill, ink, body_ink, styles)
    table = _empty_table(where, shape)
    first = list(table.rows)
    header_cells = tuple(Cell(draft, cell) for cell in first[0].cells)
    for cell, text in zip(header_cells, header, strict=True):
        if text:
            add_run(cell.paragraphs[0], text, colour=ink)
    built = [Row(first[0], header_cells)]
    if not rows:
        return Table(table, tuple(built))
    model = first[1]._tr
    for _ in rows[1:]:
        table._tbl.append(deepcopy(model))
    for row, values in zip(list(table.rows)[1:], rows, strict=True):
        cells = tuple(Cell(draft, cell) for cell in row.cells)
        for cell, text in zip(cells, values, strict=False):  # missing cells stay empty
            if text:
                add_run(cell.paragraphs[0], text, colour=body_ink)
        built.append(Row(row, cells))
    return Table(table, tuple(built))


# Empty tables (header row and one body row, styled, shaded and sized, without text) by their
# shape: a pack draws the same few dozen shapes of table in every document and organisation.
_shapes: dict[tuple[object, ...], Any] = {}


def _empty_table(where: Draft | Cell, shape: tuple[Any, ...]) -> DocxTable:
    """The table of `shape` at the end of `where`, without text: made with python-docx the
    first time (the header and one body row; later body rows are copies of that row), and a
    copy of that finished element after that, placed where python-docx places a table."""
    columns, widths, look, caption, has_rows, fill, ink, body_ink, _ = shape
    draft = where.draft if isinstance(where, Cell) else where
    made = _shapes.get(shape)
    if made is not None:
        tbl = deepcopy(made)
        if isinstance(where, Cell):  # as _Cell.add_table: the paragraph Word requires after it
            where.cell._tc._insert_tbl(tbl)
            where.cell.add_paragraph()
            return DocxTable(tbl, where.cell)
        body = draft.document._body
        body._element._insert_tbl(tbl)
        return DocxTable(tbl, body)
    container = where.cell if isinstance(where, Cell) else draft.document
    table = container.add_table(rows=1 + int(has_rows), cols=columns)
    oxml.set_style_id(table, draft.style_id(look.style))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Twips(width)
    table.autofit = False
    oxml.table_properties(table, sum(widths), caption)
    first = list(table.rows)
    _fill_row(draft, first[0], widths, [""] * columns, look.header_style, fill, ink, True)
    if has_rows:
        _fill_row(
            draft, first[1], widths, [""] * columns, look.body_style, look.body_fill, body_ink
        )
    if len(_shapes) >= 256:  # a long-lived process with many shapes: start again
        _shapes.clear()
    _shapes[shape] = deepcopy(table._tbl)
    return table


def _fill_row(
    draft: Draft,
    row: _Row,
    widths: Sequence[int],
    texts: Sequence[str],
    style: str,
    fill: str | None,
    ink: str | None,
    header: bool = False,
) -> Row:
    """A new row that cannot split: cells `widths` wide, `texts` in paragraph style `style`."""
    oxml.row_flags(row, header=header)
    style_id = draft.style_id(style)
    cells = tuple(Cell(draft, cell) for cell in row.cells)
    for cell, text, width in zip(cells, texts, widths, strict=True):
        cell.cell.width = Twips(width)  # as `Table.add_row` would give it from its column
        if fill:
            oxml.shade_cell(cell.cell, fill)
        paragraph = cell.paragraphs[0]
        oxml.set_style_id(paragraph, style_id)
        if text:
            add_run(paragraph, text, colour=ink)
    return Row(row, cells)


def align_cell(cell: Cell, how: str) -> None:
    """Align a cell's content vertically: "top", "center" or "bottom"."""
    cell.cell.vertical_alignment = _VERTICAL[how]


def set_row_height(row: Row, height: int, exact: bool = True) -> None:
    """Give a row an exact (or minimum) height in twips; it never splits across pages."""
    row.row.height = Twips(height)
    row.row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY if exact else WD_ROW_HEIGHT_RULE.AT_LEAST
    oxml.row_flags(row.row)


def allow_split(row: Row) -> None:
    """Let a row break across pages (every row is kept whole by default)."""
    oxml.row_flags(row.row, whole=False)


def keep_table_together(table: Table, with_next: bool = False) -> None:
    """Keep a table on one page (rows cannot split; each row stays with the next).

    With `with_next` the last row also stays with whatever follows the table.
    """
    for index, row in enumerate(table.rows):
        oxml.row_flags(row.row)
        keep = with_next or index < len(table.rows) - 1
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                keep_with_next(paragraph, keep)
