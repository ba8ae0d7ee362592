"""Read a generated Word file back the way a reader meets it: paragraph by paragraph."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn


def styled_paragraphs(docx: bytes | Path) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph, table cells included, in document order.

    A paragraph naming no style is "Normal". A tab in a run reads as "\\t" (tab stops in
    the paragraph's properties, also w:tab, are not text).
    """
    document = Document(str(docx) if isinstance(docx, Path) else io.BytesIO(docx))
    names = {s.style_id: s.name for s in document.styles}
    found = []
    for p in document.element.body.iter(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        name = names.get(style.get(qn("w:val")), "?") if style is not None else "Normal"
        text = "".join(
            "\t" if t.tag == qn("w:tab") else t.text or ""
            for t in p.iter(qn("w:t"), qn("w:tab"))
            if t.getparent().tag == qn("w:r")
        )
        found.append((name, text))
    return found
