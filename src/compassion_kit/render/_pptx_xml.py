"""Package-level fixes python-pptx does not make: brand theme, tokens, notes master list,
language, document properties, unique shape ids and a deterministic embedded workbook.

Owns XML edits on the whole presentation; slide content is `_pptx_shapes.py`'s.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, cast

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
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
                for child in list(element):
                    element.remove(child)
                _child(element, "a:srgbClr", val=colours[name].lstrip("#").upper())
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
    _child(id_list, "p:notesMasterId").set(qn("r:id"), rel_id)
    presentation.find(qn("p:sldMasterIdLst")).addnext(id_list)


def _default_language(prs: Presentation) -> None:
    presentation = prs.part._element
    style = presentation.find(qn("p:defaultTextStyle"))
    if style is None:
        style = _child(presentation, "p:defaultTextStyle")
        _after_sizes(presentation, style)
    default = style.find(qn("a:defPPr"))
    if default is None:
        default = OxmlElement("a:defPPr")
        style.insert(0, default)
    if default.find(qn("a:defRPr")) is None:
        _child(default, "a:defRPr")
    for run_props in style.iter(qn("a:defRPr")):
        run_props.set("lang", LANG)


def _child(parent: Any, tag: str, **attrs: str) -> Any:
    child = OxmlElement(tag)
    for name, value in attrs.items():
        child.set(name, value)
    parent.append(child)
    return child


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
