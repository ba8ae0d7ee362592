"""Printed pages of a LibreOffice PDF as a photocopier sees them: where the header ends and
the footer starts, how tall the ink between them is, and which words open the page.

Ink is measured on pages rendered by pypdfium2 (greyscale, Pillow); words and their places
come from poppler's `pdftotext -bbox` (`pdf_words`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from test_docx_foundation import PdfWord, pdf_words

if TYPE_CHECKING:
    from pathlib import Path

INK = 200  # a grey darker than this (0 black, 255 white) is ink
DPI = 36  # enough to see a line of 12 pt text as several rows of pixels
FOOTER_WORD = "Source:"  # the credit line that opens every kit footer
EDGE = 2.0  # points kept clear of the header's and footer's own ink
TOP_MARGIN, BOTTOM_MARGIN = 1418 / 20, 1304 / 20  # the bundled Word template's, in points


@dataclass(frozen=True)
class Page:
    """One printed page: its number, the band between header and footer (points from the
    top), the height of ink in that band (points) and the words in it, in reading order."""

    number: int
    band_top: float
    band_bottom: float
    ink_top: float | None
    ink_bottom: float | None
    words: tuple[PdfWord, ...]

    @property
    def band(self) -> float:
        """Height of the band between header and footer, in points."""
        return self.band_bottom - self.band_top

    @property
    def ink(self) -> float:
        """Height from the first to the last row of ink in the band (0 for a blank band)."""
        if self.ink_top is None or self.ink_bottom is None:
            return 0.0
        return self.ink_bottom - self.ink_top


def pages(pdf: Path, header_words: tuple[str, ...]) -> list[Page]:
    """Every page of `pdf`; the header ends below the last of `header_words` (the
    organisation's name) starting above the top margin, the footer starts at "Source:" in the
    page's bottom quarter (the template's margins where either is missing)."""
    import pypdfium2

    found = pdf_words(pdf)
    document = pypdfium2.PdfDocument(str(pdf))
    measured = []
    try:
        for index in range(len(document)):
            page = document[index]
            height = page.get_size()[1]
            on_page = [w for w in found if w.page == index + 1]
            # Header words above the first other word: a title may start with one ("Your…").
            body_top = min((w.top for w in on_page if w.text not in header_words), default=height)
            heads = [
                w.bottom
                for w in on_page
                if w.text in header_words and w.top < TOP_MARGIN and w.bottom <= body_top
            ]
            feet = [w.top for w in on_page if w.text == FOOTER_WORD and w.top > height * 3 / 4]
            top = max(heads, default=TOP_MARGIN) + EDGE
            bottom = min(feet, default=height - BOTTOM_MARGIN) - EDGE
            ink = _ink(page, top, bottom)
            body = tuple(w for w in on_page if w.top >= top and w.bottom <= bottom)
            first, last = ink if ink else (None, None)
            measured.append(Page(index + 1, top, bottom, first, last, body))
    finally:
        document.close()
    return measured


def _ink(page: object, top: float, bottom: float) -> tuple[float, float] | None:
    """Points from the top of the first and last rows of ink between `top` and `bottom`."""
    scale = DPI / 72
    image = page.render(scale=scale, grayscale=True).to_pil().convert("L")  # type: ignore[attr-defined]
    first, last = int(top * scale), min(int(bottom * scale), image.height)
    if last <= first:
        return None
    marked = image.crop((0, first, image.width, last)).point(lambda v: 255 if v < INK else 0)
    box = marked.getbbox()  # the smallest box around every inked pixel
    if box is None:
        return None
    return (first + box[1]) / scale, (first + box[3]) / scale
