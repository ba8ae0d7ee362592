"""Drawing a planned contact sheet with Pillow: thumbnails, file headings, captions, title.

Owns pixels only; where things go is `layout`'s, the printable PDF `proof`'s.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import TYPE_CHECKING

from compassion_kit.preview.layout import Sheet, SheetSize, Tile

if TYPE_CHECKING:
    from PIL import Image, ImageDraw, ImageFont

# Colours by name (Pillow knows the CSS names): black-on-white text, a quiet frame round each
# thumbnail so that white slides still show their edges.
PAPER, INK, QUIET, FRAME = "white", "black", "dimgray", "darkgray"
Pictures = Mapping[tuple[int, int], "Image.Image"]  # (file index, page) -> rendered page


def sheet_picture(
    sheet: Sheet,
    size: SheetSize,
    title: tuple[str, str],
    pictures: Pictures,
    *,
    paste: bool = True,
) -> Image.Image:
    """`sheet` drawn as an RGB picture: `title` (left and right text) along the top, each file's
    heading, each tile's caption and each thumbnail in its box, centred and framed (with
    `paste` false, the frames only: the PDF proof places the thumbnails itself). Text too long
    for its place is shortened with an ellipsis.
    """
    from PIL import Image, ImageDraw

    canvas = Image.new("RGB", (sheet.width, sheet.height), PAPER)
    draw = ImageDraw.Draw(canvas)
    big, medium, small = (
        _font(round(size.title * 0.45)),
        _font(round(size.heading * 0.55)),
        _font(round(size.caption * 0.62)),
    )
    right = sheet.width - size.margin
    draw.text((right, size.margin), title[1], font=big, fill=QUIET, anchor="ra")
    left_room = right - size.margin - round(big.getlength(title[1])) - size.gap * 2
    draw.text((size.margin, size.margin), _fit(title[0], big, left_room), font=big, fill=INK)
    for heading in sheet.headings:
        text = _fit(heading.text, medium, heading.width)
        draw.text((heading.x, heading.y + size.heading // 5), text, font=medium, fill=INK)
    for tile in sheet.tiles:
        caption = _fit(tile.caption, small, tile.width)
        draw.text((tile.x, tile.y + tile.height + 2), caption, font=small, fill=QUIET)
        if picture := pictures.get((tile.file, tile.page)):
            _place(canvas, draw, tile, picture, paste)
    return canvas


def placed_box(tile: Tile, picture_size: tuple[int, int]) -> tuple[int, int, int, int]:
    """Where a picture of `picture_size` sits in `tile`: (x, y, width, height), centred and
    scaled down if it does not fit (PDFium's rounding can make it a pixel larger)."""
    width, height = picture_size
    scale = min(1.0, tile.width / max(width, 1), tile.height / max(height, 1))
    width, height = max(1, round(width * scale)), max(1, round(height * scale))
    return (
        tile.x + (tile.width - width) // 2,
        tile.y + (tile.height - height) // 2,
        width,
        height,
    )


def png_bytes(picture: Image.Image) -> bytes:
    """`picture` as PNG bytes; the same picture always gives the same bytes (no date)."""
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _place(
    canvas: Image.Image, draw: ImageDraw.ImageDraw, tile: Tile, picture: Image.Image, paste: bool
) -> None:
    x, y, width, height = placed_box(tile, picture.size)
    if paste:
        if (width, height) != picture.size:
            picture = picture.resize((width, height))
        canvas.paste(picture, (x, y))
    draw.rectangle((x - 1, y - 1, x + width, y + height), outline=FRAME)


def _font(pixels: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's own font (Aileron, built in): the same letters on every machine."""
    from PIL import ImageFont

    return ImageFont.load_default(size=max(8, pixels))


def _fit(text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, width: int) -> str:
    """`text`, shortened with an ellipsis in the middle until it is at most `width` wide (the
    end of a file name is what tells files apart)."""
    if font.getlength(text) <= width:
        return text
    keep = len(text)
    while keep > 2:
        keep -= 1
        head, tail = text[: keep // 2], text[len(text) - (keep - keep // 2) :]
        shortened = f"{head}...{tail}"
        if font.getlength(shortened) <= width:
            return shortened
    return "..."


def sheet_titles(subject: str, total: int) -> list[tuple[str, str]]:
    """The title line of each of `total` sheets: what is shown, and "Sheet N of M"."""
    return [(f"Contact sheet: {subject}", f"Sheet {n} of {total}") for n in range(1, total + 1)]
