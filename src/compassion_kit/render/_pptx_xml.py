"""Package-level fixes python-pptx does not make: brand theme, tokens, notes master list,
language, document properties, unique shape ids and a deterministic embedded workbook; and
the package's zip, written without python-pptx's per-relationship parsing.

Owns XML edits on the whole presentation; slide content is `_pptx_shapes.py`'s.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.serialized import _ContentTypesItem
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement

from compassion_kit.branding import substitute, tokens_in
from compassion_kit.output import build_time

if TYPE_CHECKING:
    from pptx.presentation import Presentation

LANG = "en-GB"
TOOL = "compassion-kit"
THEME_TYPE = "application/vnd.openxmlformats-officedocument.theme+xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
AXIS_ID_BASE = 500000001
# Theme slots that follow the organisation's colours (the bundled template uses them for
# titles, rules, bands and bullets).
THEME_SLOTS = {
    "accent1": "primary",
    "accent2": "secondary",
    "accent3": "accent",
    "hlink": "primary",
}
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def remove_slides(prs: Presentation) -> None:
    """Drop any slides the template came with; the deck is built from its layouts only."""
    id_list = prs.slides._sldIdLst
    for slide_id in list(id_list):
        prs.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)


def substitute_tokens(prs: Presentation, tokens: Mapping[str, str]) -> None:
    """Replace {{tokens}} in master and layout text, even when PowerPoint split the token
    across several runs of a paragraph."""
    for master in prs.slide_masters:
        for element in (master._element, *(layout._element for layout in master.slide_layouts)):
            for paragraph in element.iter(qn("a:p")):
                texts = paragraph.findall(f"{qn('a:r')}/{qn('a:t')}")
                joined = "".join(t.text or "" for t in texts)
                if texts and tokens_in(joined):
                    texts[0].text = substitute(joined, tokens)
                    for extra in texts[1:]:
                        extra.text = ""


def brand_themes(prs: Presentation, colours: Mapping[str, str], font: str) -> None:
    """Set the organisation's colours and font in every theme (slides and notes)."""
    for part in prs.part.package.iter_parts():
        if part.content_type != THEME_TYPE:
            continue
        root = parse_xml(part.blob)
        scheme = root.find(f"{{{_A}}}themeElements/{{{_A}}}clrScheme")
        for slot, name in THEME_SLOTS.items():
            element = scheme.find(f"{{{_A}}}{slot}") if scheme is not None else None
            if element is not None:
                for old in list(element):
                    element.remove(old)
                child(element, "a:srgbClr", val=colours[name].lstrip("#").upper())
        fonts = root.find(f"{{{_A}}}themeElements/{{{_A}}}fontScheme")
        if fonts is not None:
            for latin in fonts.iter(f"{{{_A}}}latin"):
                latin.set("typeface", font)
        part._blob = serialize_part_xml(root)


def finish(prs: Presentation, title: str, author: str) -> None:
    """Document properties, notes master list, default language and unique shape ids."""
    _core_properties(prs, title, author)
    _notes_master_list(prs)
    _default_language(prs)
    for slide in prs.slides:
        _unique_ids(slide.shapes._spTree)
    _fixed_workbooks(prs)
    _positive_axis_ids(prs)


def stored_zip(prs: Presentation) -> bytes:
    """The package as python-pptx's `save` writes it (same entries, same order, same XML),
    but stored uncompressed: `output.normalise_zip` compresses every entry again anyway."""
    package = prs.part.package
    parts = tuple(package.iter_parts())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        target.writestr("[Content_Types].xml", serialize_part_xml(_ContentTypesItem.xml_for(parts)))
        target.writestr("_rels/.rels", _rels_xml(package._rels))
        for part in parts:
            target.writestr(part.partname.membername, part.blob)
            if part._rels:
                target.writestr(part.partname.rels_uri.membername, _rels_xml(part.rels))
    return out.getvalue()


def _rels_xml(rels: Any) -> bytes:
    """A .rels part as python-pptx 1.0.2 serialises it (relationships in rId number order),
    built directly: python-pptx parses a new element for every relationship."""
    root = etree.Element(_PR + "Relationships", nsmap={None: _PR[1:-1]})
    numbered = sorted(
        (int(r_id[3:]) if r_id.startswith("rId") and r_id[3:].isdigit() else 0, r_id)
        for r_id in rels
    )
    for _number, r_id in numbered:
        rel = rels[r_id]
        attrs = {"Id": r_id, "Type": rel.reltype, "Target": rel.target_ref}
        if rel.is_external:
            attrs["TargetMode"] = "External"
        etree.SubElement(root, _PR + "Relationship", attrs)
    data: bytes = etree.tostring(root, encoding="UTF-8", standalone=True)
    return data


def _core_properties(prs: Presentation, title: str, author: str) -> None:
    core = prs.core_properties
    stamp = build_time()
    core.title = title
    core.author = author
    core.last_modified_by = TOOL
    core.created = stamp
    core.modified = stamp
    core.revision = 1
    core.language = LANG
    core.subject = core.subject or ""


def _notes_master_list(prs: Presentation) -> None:
    # python-pptx 1.0.2 creates a notes master on first use but does not list it in
    # presentation.xml; PowerPoint then repairs the file. Add <p:notesMasterIdLst>.
    presentation = prs.part._element
    if presentation.find(qn("p:notesMasterIdLst")) is not None:
        return
    rel_id = next(
        (rid for rid, rel in prs.part.rels.items() if rel.reltype == RT.NOTES_MASTER), None
    )
    if rel_id is None:
        return
    id_list = OxmlElement("p:notesMasterIdLst")
    child(id_list, "p:notesMasterId").set(qn("r:id"), rel_id)
    presentation.find(qn("p:sldMasterIdLst")).addnext(id_list)


def _default_language(prs: Presentation) -> None:
    presentation = prs.part._element
    style = presentation.find(qn("p:defaultTextStyle"))
    if style is None:
        style = child(presentation, "p:defaultTextStyle")
        _after_sizes(presentation, style)
    default = style.find(qn("a:defPPr"))
    if default is None:
        default = OxmlElement("a:defPPr")
        style.insert(0, default)
    if default.find(qn("a:defRPr")) is None:
        child(default, "a:defRPr")
    for run_props in style.iter(qn("a:defRPr")):
        run_props.set("lang", LANG)


def child(parent: Any, tag: str, **attrs: str) -> Any:
    """A new last child of `parent` named like "a:srgbClr", with attributes in the order given
    (also the shape writers' way of building DrawingML)."""
    return etree.SubElement(parent, _clark(tag), attrs)


@functools.cache
def _clark(tag: str) -> str:
    return str(qn(tag))


def _after_sizes(presentation: Any, style: Any) -> None:
    # Schema order: ... sldSz, notesSz, smartTags, embeddedFontLst, custShowLst, photoAlbum,
    # custDataLst, kinsoku, defaultTextStyle, modifyVerifier, extLst.
    anchor = None
    for tag in (
        "p:kinsoku",
        "p:custDataLst",
        "p:photoAlbum",
        "p:custShowLst",
        "p:embeddedFontLst",
        "p:smartTags",
        "p:notesSz",
    ):
        anchor = presentation.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addnext(style)


def _unique_ids(tree: Any) -> None:
    """Renumber shapes 2, 3, ... in document order (the group itself is 1)."""
    for number, c_nv_pr in enumerate(tree.iter(qn("p:cNvPr")), start=1):
        c_nv_pr.set("id", str(number))


def _fixed_workbooks(prs: Presentation) -> None:
    # XlsxWriter stamps each chart's embedded workbook with the wall clock; use build_time.
    stamp = build_time().strftime("%Y-%m-%dT%H:%M:%SZ")
    for part in prs.part.package.iter_parts():
        if part.content_type != XLSX_TYPE:
            continue
        source = zipfile.ZipFile(io.BytesIO(part.blob))
        out = io.BytesIO()
        with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                data = source.read(info.filename)
                if info.filename == "docProps/core.xml":
                    data = re.sub(
                        rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                        rb"\g<1>" + stamp.encode(),
                        data,
                    )
                entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
                entry.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(entry, data)
        part.blob = out.getvalue()


def _positive_axis_ids(prs: Presentation) -> None:
    # python-pptx 1.0.2 writes random negative c:axId values; the schema wants unsignedInt.
    for part in prs.part.package.iter_parts():
        if part.content_type != CHART_TYPE:
            continue
        chart = cast(Any, part)._element
        numbers: dict[str, str] = {}
        for element in chart.iter(qn("c:axId"), qn("c:crossAx")):
            value = element.get("val", "")
            numbers.setdefault(value, str(AXIS_ID_BASE + len(numbers)))
            element.set("val", numbers[value])
