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

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information
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
# The custom document property naming the template a deck was built on (read by kit check).
TEMPLATE_PROPERTY = "compassion-kit template"
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the format id every custom property uses
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


def mark_template(prs: Any, name: str) -> None:
    """Record in the deck's custom properties the template it was built on (`name`, a file
    name), so `kit check` knows the theme is the organisation's even after the deck is edited
    and saved; a template's own custom properties are kept."""
    # Missing API: python-pptx has no custom document properties.
    package = prs.part.package
    try:
        found = package.part_related_by(RT.CUSTOM_PROPERTIES)
    except KeyError:
        found = None
    custom = f"{{{_CUSTOM}}}"
    if found is not None:
        root = etree.fromstring(found.blob)
    else:
        root = etree.Element(f"{custom}Properties", nsmap={None: _CUSTOM, "vt": _VT})
    for old in root.findall(f"{custom}property"):
        if old.get("name") == TEMPLATE_PROPERTY:
            root.remove(old)
    pid = max((int(p.get("pid", "1")) for p in root), default=1) + 1  # pids start at 2
    prop = etree.SubElement(root, f"{custom}property", fmtid=_FMTID, pid=str(pid))
    prop.set("name", TEMPLATE_PROPERTY)
    etree.SubElement(prop, f"{{{_VT}}}lpwstr").text = name
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if found is not None:
        found._blob = blob  # a part python-pptx keeps as bytes
    else:
        part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, package, blob)
        package.relate_to(part, RT.CUSTOM_PROPERTIES)


def written_by_libreoffice(prs: Any) -> bool:
    """Whether LibreOffice saved the file (its application property says so)."""
    return any(
        part.content_type == CT.OFC_EXTENDED_PROPERTIES and b"LibreOffice" in part.blob
        for part in prs.part.package.iter_parts()
    )
