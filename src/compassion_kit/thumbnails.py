"""Pictures of a PDF's pages, drawn by PDFium (pypdfium2, imported lazily): no system poppler.

Owns turning pages into PNGs of a given width; making the PDF is `pdf.py`'s.
"""

from __future__ import annotations

import io
from pathlib import Path


def page_pngs(pdf: Path, width: int) -> list[bytes]:
    """Every page of `pdf` as a PNG `width` pixels wide (height in proportion), in order.

    The same PDF always gives the same bytes (PDFium draws deterministically, and Pillow's PNG
    encoder adds no date).
    """
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        pictures = []
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=width / page.get_width())
            buffer = io.BytesIO()
            bitmap.to_pil().convert("RGB").save(buffer, format="PNG", optimize=True)
            pictures.append(buffer.getvalue())
            page.close()
        return pictures
    finally:
        document.close()
