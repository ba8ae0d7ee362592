"""Where each thumbnail, file heading and caption goes on the sheets of a contact sheet.

Owns the pure plan (plain numbers in pixels, no pictures); drawing it is `draw`'s and
`proof`'s, rendering the pages `thumbnails`'.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

MM_PER_INCH = 25.4
DPI = 150  # sheets are drawn at 150 pixels an inch: sharp on screen, good enough for a proof
# Thumbnail heights for --size, in millimetres of the sheet.
THUMB_MM = {"small": 22.0, "medium": 32.0, "large": 48.0}
# Sheet sizes in millimetres: a tall picture for screens (and the README), landscape paper.
SHEET_MM = {"screen": (305.0, 406.0), "a4": (297.0, 210.0), "letter": (279.4, 215.9)}
SHRINK = 0.85  # thumbnails may shrink to 85% to fill a row with one more
MARGIN_MM, GAP_MM, CAPTION_MM, HEADING_MM, TITLE_MM = 10.0, 3.0, 5.0, 8.0, 11.0


def px(mm: float) -> int:
    """Millimetres of the sheet as whole pixels at `DPI`."""
    return round(mm * DPI / MM_PER_INCH)


@dataclass(frozen=True)
class SheetSize:
    """A sheet's measures in pixels; `trim` cuts each sheet's height to what is on it."""

    width: int
    height: int
    thumb_height: int
    trim: bool
    margin: int = px(MARGIN_MM)
    gap: int = px(GAP_MM)
    caption: int = px(CAPTION_MM)
    heading: int = px(HEADING_MM)
    title: int = px(TITLE_MM)


def sheet_size(paper: str, size: str) -> SheetSize:
    """The measures for `paper` ("screen", "a4" or "letter") and thumbnails of `size`."""
    width, height = SHEET_MM[paper]
    return SheetSize(px(width), px(height), px(THUMB_MM[size]), trim=paper == "screen")


@dataclass(frozen=True)
class FileShape:
    """What the plan needs of one file: its name as shown, "slide" or "page", and each page's
    width divided by its height."""

    name: str
    noun: str
    aspects: tuple[float, ...]


@dataclass(frozen=True)
class Tile:
    """One page's thumbnail: the box it is drawn to fit (centred), and its caption below."""

    file: int  # index into the files planned
    page: int  # 1-based
    x: int
    y: int
    width: int
    height: int
    caption: str


@dataclass(frozen=True)
class Heading:
    """A file's name (and page count) above its thumbnails, at (x, y), at most `width` wide."""

    file: int
    x: int
    y: int
    width: int
    text: str


@dataclass
class Sheet:
    """One sheet: its tiles and headings in reading order, and its height in pixels."""

    width: int
    height: int
    tiles: list[Tile] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)


def plan_sheets(files: Sequence[FileShape], size: SheetSize) -> list[Sheet]:
    """Lay out every page of `files`, in order, on as many sheets as they need.

    Each file starts with a heading ("deck.pptx, 21 slides"; "(continued)" at the top of a
    new sheet) and fills rows of equal cells sized from its widest page at the thumbnail
    height. A file's heading never sits alone at the foot of a sheet. An empty `files` gives
    no sheets. Sheets with `size.trim` end just below their last row.
    """
    sheets: list[Sheet] = []
    top = size.margin + size.title
    bottom = size.height - size.margin
    usable = size.width - 2 * size.margin
    y = top
    for index, shape in enumerate(files):
        cell_w, cell_h = _cell(shape, size, usable)
        row_h = cell_h + size.caption + size.gap
        columns = max(1, (usable + size.gap) // (cell_w + size.gap))
        # One more column, if the cells need shrink only a little for it, fills the row.
        narrower = (usable - columns * size.gap) // (columns + 1)
        if narrower >= cell_w * SHRINK:
            columns += 1
            cell_w, cell_h = narrower, max(1, round(cell_h * narrower / cell_w))
        count = len(shape.aspects)
        pages_word = f"{count} {shape.noun}{'s' if count != 1 else ''}"
        for start in range(0, count, columns):
            if not sheets or y + row_h + (size.heading if start == 0 else 0) > bottom:
                _finish(sheets, y, size)
                sheets.append(Sheet(size.width, size.height))
                y = top
                if start > 0:
                    _head(sheets[-1], index, size, y, usable, f"{shape.name} (continued)")
                    y += size.heading
            if start == 0:
                _head(sheets[-1], index, size, y, usable, f"{shape.name}, {pages_word}")
                y += size.heading
            for offset, page in enumerate(range(start, min(start + columns, count))):
                x = size.margin + offset * (cell_w + size.gap)
                sheets[-1].tiles.append(
                    Tile(index, page + 1, x, y, cell_w, cell_h, f"{shape.noun.title()} {page + 1}")
                )
            y += row_h
        y += size.gap  # a little more room between files than between rows
    _finish(sheets, y, size)
    return sheets


def _cell(shape: FileShape, size: SheetSize, usable: int) -> tuple[int, int]:
    """A file's cell: thumbnail height by its widest page's width, narrowed to fit the sheet."""
    aspect = max((a for a in shape.aspects if a > 0), default=1.0)
    width = max(1, round(size.thumb_height * aspect))
    if width <= usable:
        return width, size.thumb_height
    return usable, max(1, round(usable / aspect))


def _head(sheet: Sheet, index: int, size: SheetSize, y: int, usable: int, text: str) -> None:
    sheet.headings.append(Heading(index, size.margin, y, usable, text))


def _finish(sheets: list[Sheet], y: int, size: SheetSize) -> None:
    if sheets and size.trim:
        sheets[-1].height = min(size.height, y - size.gap + size.margin)
