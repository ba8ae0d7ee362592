"""Every XML namespace the deck and Word writers use, by prefix, and Clark names from prefixed
names ("a:p" -> "{http://...drawingml/2006/main}p").

Owns the namespace table only; building elements is `_pptx_ns.py`'s (decks) and
`_docx_xml.py`'s (Word), packages `_opc.py`'s.
"""

from __future__ import annotations

import functools

NS = {
    # DrawingML and PresentationML
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    # WordprocessingML
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    # SpreadsheetML (the workbook behind a chart)
    "x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    # Core properties (docProps/core.xml)
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    # The package itself: relationships and content types
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "xml": "http://www.w3.org/XML/1998/namespace",
}


@functools.cache
def qn(tag: str) -> str:
    """The Clark name of a prefixed name: "a:p" -> "{http://...drawingml/2006/main}p"
    (remembered: a document makes the same few names thousands of times)."""
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"
