"""Making any PowerPoint file a plain presentation to build on: templates (.potx),
macro-enabled files (.pptm, .potm) and shows open as presentations, and what must not reach
a built deck (macros, links to other files, the template's own slides) is left out.

Owns the package-level clean-up of a template; reading its geometry is `template.py`'s.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI

from compassion_kit.render.pptx import oxml, oxml_layouts

PRESENTATION = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
# The main part's content type of a template, a show and their macro-enabled kinds.
_OTHER_MAIN = re.compile(
    rb"application/vnd\.(?:openxmlformats-officedocument\.presentationml\.(?:template|slideshow)"
    rb"|ms-powerpoint\.(?:presentation|template|slideshow)\.macroEnabled)\.main\+xml"
)
_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
# PowerPoint offers to repair a presentation without view properties (LibreOffice writes
# none); the smallest valid part: every child of p:viewPr is optional.
VIEW_PROPS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<p:viewPr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    b'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>'
)


def as_presentation(data: bytes) -> bytes:
    """The package with its main part typed as a presentation (.pptx), unchanged otherwise.

    python-pptx 1.0.2 opens only the presentation content type and has no way to change a
    part's type; `[Content_Types].xml` is the one place that says which kind of file this is,
    so that entry alone is rewritten, with zipfile, before python-pptx opens the bytes.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        types = package.read("[Content_Types].xml")
        if not _OTHER_MAIN.search(types):
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rewritten:
            for entry in package.infolist():
                body = package.read(entry.filename)
                if entry.filename == "[Content_Types].xml":
                    body = _OTHER_MAIN.sub(PRESENTATION, body)
                rewritten.writestr(entry, body)
    return out.getvalue()


def clean(prs: Any) -> None:
    """Leave out of the deck what a template may carry but a built deck must not: its own
    slides, its macros (the deck is a plain .pptx) and relationships to other files (linked
    pictures, hyperlinks in layouts). Saving then drops every part no longer referenced."""
    oxml.drop_template_slides(prs)
    for rel_id, rel in list(prs.part.rels.items()):
        if rel.reltype == _VBA:
            prs.part.drop_rel(rel_id)
    for part in list(prs.part.package.iter_parts()):
        external = [rel_id for rel_id, rel in part.rels.items() if rel.is_external]
        if external and hasattr(part, "_element"):
            oxml_layouts.drop_references(part, external)
        for rel_id in external:
            part.rels.pop(rel_id)
    if not any(rel.reltype == RT.VIEW_PROPS for rel in prs.part.rels.values()):
        view = Part(PackURI("/ppt/viewProps.xml"), CT.PML_VIEW_PROPS, prs.part.package, VIEW_PROPS)
        prs.part.relate_to(view, RT.VIEW_PROPS)


def written_by_libreoffice(prs: Any) -> bool:
    """Whether LibreOffice saved the file (its application property says so)."""
    return any(
        part.content_type == CT.OFC_EXTENDED_PROPERTIES and b"LibreOffice" in part.blob
        for part in prs.part.package.iter_parts()
    )
