"""Pictures of a PDF's pages, drawn by PDFium (pypdfium2, imported lazily): no system poppler.

Owns reading page sizes and turning pages into pictures of a given size; making the PDF is
`pdf.py`'s, arranging pictures on a contact sheet `preview`'s.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compassion_kit.errors import ContentError, Location, Problem

if TYPE_CHECKING:
    from PIL import Image

DAMAGED_HINT = "open it in a PDF reader; if it opens, print it to a new PDF and preview that"


def page_pngs(pdf: Path, width: int) -> list[bytes]:
    """Every page of `pdf` as a PNG `width` pixels wide (height in proportion), in order.

    The same PDF always gives the same bytes (PDFium draws deterministically, and Pillow's PNG
    encoder adds no date).
    """
    pictures = []
    for picture in page_pictures(pdf, (width, None)):
        buffer = io.BytesIO()
        picture.save(buffer, format="PNG", optimize=True)
        pictures.append(buffer.getvalue())
    return pictures


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Each page's (width, height) in points, in order.

    Raises:
        ContentError: the file is not a PDF PDFium can read (damaged, or password-protected).
    """
    with _opened(pdf) as document:
        return [document.get_page_size(index) for index in range(len(document))]


def page_pictures(pdf: Path, box: tuple[int, int | None]) -> list[Image.Image]:
    """Every page of `pdf` as an RGB picture as large as fits in `box` (width, height in
    pixels; a height of None: `width` wide), proportions kept, in order.

    Raises:
        ContentError: the file is not a PDF PDFium can read.
    """
    width, height = box
    pictures = []
    with _opened(pdf) as document:
        for index in range(len(document)):
            page = document[index]
            scale = width / page.get_width()
            if height is not None:
                scale = min(scale, height / page.get_height())
            pictures.append(page.render(scale=scale).to_pil().convert("RGB"))
            page.close()
    return pictures


@contextmanager
def _opened(pdf: Path) -> Iterator[Any]:
    """The PDF open with PDFium for a `with` block; a file PDFium refuses is a ContentError."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(pdf))
    except pypdfium2.PdfiumError as exc:
        raise ContentError(
            [Problem(f"the PDF cannot be read ({exc})", Location(pdf), hint=DAMAGED_HINT)]
        ) from None
    try:
        yield document
    finally:
        document.close()
