"""Saving a Word draft: core properties, ids Word needs unique, and identical bytes every time.

Owns what `finish` writes besides the content; building the document is `_docx.py`'s, and
the zip's fixed dates and compression are `output.normalise_zip`'s.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem

from compassion_kit.output import build_time, normalise_zip
from compassion_kit.render._docx_xml import w

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement

    from compassion_kit.render._docx_xml import Draft

AUTHOR = "compassion-kit"
TITLE_LIMIT = 255  # python-docx refuses longer core properties (and so would Word's dialog)
DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def short_title(title: str, limit: int = TITLE_LIMIT) -> str:
    """`title` cut at a word to fit core properties' 255-character limit, with an ellipsis."""
    if len(title) <= limit:
        return title
    return title[: limit - 1].rsplit(" ", 1)[0].rstrip(";:, ") + "\u2026"


def finish(draft: Draft, title: str) -> bytes:
    """Save to bytes that are identical for identical input.

    Sets dc:title, en-GB, fixed author and revision, and build_time() for created and
    modified; renumbers wp:docPr ids across header and body (python-docx restarts them in
    each part, which Word reports as corrupt) and content-control ids; normalises the zip.
    """
    props = draft.docx.core_properties
    props.title = short_title(title)
    props.language = "en-GB"
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.revision = 1
    props.created = build_time()
    props.modified = build_time()
    _renumber(draft.docx)
    return normalise_zip(_stored_zip(draft.docx))


def _renumber(document: Document) -> None:
    parts = [document.part]
    for rel in sorted(document.part.rels.values(), key=lambda r: r.rId):
        if not rel.is_external and rel.reltype.endswith(("/header", "/footer")):
            parts.append(rel.target_part)
    shape_id = 0
    sdt_id = 0
    for part in parts:
        root: BaseOxmlElement = part.element
        for doc_pr in root.iter(DOC_PR):
            shape_id += 1
            doc_pr.set("id", str(shape_id))
        for sdt_pr in root.iter(w("sdtPr")):
            ident = sdt_pr.find(w("id"))
            if ident is not None:
                sdt_id += 1
                ident.set(w("val"), str(sdt_id))


def _stored_zip(document: Document) -> bytes:
    """The package as python-docx 1.2's `save` writes it (same entries, order and XML), but
    stored: `normalise_zip` compresses every entry again, so compressing twice only costs time
    (a third of saving a long document)."""
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    # python-docx 1.2's own [Content_Types].xml writer; its module has no type hints.
    types = _ContentTypesItem.from_parts(parts).blob  # type: ignore[no-untyped-call]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as stored:
        stored.writestr(CONTENT_TYPES_URI.membername, types)
        stored.writestr(PACKAGE_URI.rels_uri.membername, package.rels.xml)
        for part in parts:
            stored.writestr(part.partname.membername, part.blob)
            if len(part.rels):
                stored.writestr(part.partname.rels_uri.membername, part.rels.xml)
    return out.getvalue()
