"""The finishing step after python-pptx or python-docx saves a file: the libraries' known
defects fixed in one place, so that identical inputs give byte-identical, valid files.

Owns what happens to the saved bytes: dates, zip order and times, `p:notesMasterIdLst`,
unique drawing ids. What the document says is the writers' business (render/pptx, render/docx).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

from compassion_kit.output import build_time, zip_entries

__all__ = ["finish_ooxml"]

CONTENT_TYPES = "[Content_Types].xml"
CORE = "docProps/core.xml"
PRESENTATION = "ppt/presentation.xml"
PRESENTATION_RELS = "ppt/_rels/presentation.xml.rels"
_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
}
NOTES_MASTER_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesMaster"
_SLIDE_PART = re.compile(r"ppt/(slides|notesSlides|slideLayouts|slideMasters)/[^/]+\.xml")
_WORD_PART = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
# Children of p:presentation that come after p:notesMasterIdLst (ECMA-376 Part 1, 19.2.1.26).
_AFTER_NOTES_MASTERS = ("handoutMasterIdLst", "sldIdLst", "sldSz", "notesSz")
# Only to tell, without parsing, that a part needs no change: ids are edited through lxml.
_SHAPE_ID = re.compile(rb"<(?:\w+:)?cNvPr\s[^>]*?(?<=\s)id=\"([^\"]*)\"")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)


def finish_ooxml(data: bytes) -> bytes:
    """The saved package `data` made reproducible and tidy; the same input gives the same bytes.

    - core-property dates are build_time() (SOURCE_DATE_EPOCH, or a fixed date);
    - embedded Office files (a chart's workbook) are finished the same way;
    - a presentation that has a notes master lists it in `p:notesMasterIdLst`
      (python-pptx 1.0.2 relates a notes master it creates but never lists it, and
      PowerPoint then offers to repair the file);
    - shape ids are unique within each slide, and `wp:docPr` ids unique across a Word
      document's body, headers and footers (python-docx numbers each part on its own);
    - zip entries in the saved order with `[Content_Types].xml` first, fixed times and
      attributes (the libraries stamp the wall clock).
    """
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    parts = dict(entries)
    word_ids = iter(range(1, 1_000_000))
    finished: list[tuple[str, bytes]] = []
    for name, blob in entries:
        if name == CORE:
            blob = _dated_core(blob)
        elif name.endswith((".xlsx", ".docx", ".pptx")) and blob[:2] == b"PK":
            blob = finish_ooxml(blob)
        elif name == PRESENTATION:
            blob = _notes_master_listed(blob, parts.get(PRESENTATION_RELS))
        elif _SLIDE_PART.fullmatch(name):
            blob = _unique_shape_ids(blob)
        elif _WORD_PART.fullmatch(name):
            blob = _numbered_doc_prs(blob, word_ids)
        finished.append((name, blob))
    finished.sort(key=lambda entry: entry[0] != CONTENT_TYPES)  # stable: saved order kept
    return zip_entries(finished)


def _parse(blob: bytes) -> Any:
    return etree.fromstring(blob, _PARSER)


def _serialise(root: Any) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _dated_core(blob: bytes) -> bytes:
    root = _parse(blob)
    stamp = build_time().strftime("%Y-%m-%dT%H:%M:%SZ")
    for tag in ("created", "modified"):
        found = root.find(f"{{{_NS['dcterms']}}}{tag}")
        if found is None:
            found = etree.SubElement(root, f"{{{_NS['dcterms']}}}{tag}")
        found.text = stamp
        found.set(f"{{{_NS['xsi']}}}type", "dcterms:W3CDTF")
    return _serialise(root)


def _notes_master_listed(blob: bytes, rels: bytes | None) -> bytes:
    if rels is None:
        return blob
    related = [
        rel.get("Id")
        for rel in _parse(rels).iter(f"{{{_NS['rel']}}}Relationship")
        if rel.get("Type") == NOTES_MASTER_RT and rel.get("TargetMode") != "External"
    ]
    root = _parse(blob)
    if not related or root.find(f"{{{_NS['p']}}}notesMasterIdLst") is not None:
        return blob
    listed = etree.Element(f"{{{_NS['p']}}}notesMasterIdLst")
    etree.SubElement(listed, f"{{{_NS['p']}}}notesMasterId").set(f"{{{_NS['r']}}}id", related[0])
    later = [root.find(f"{{{_NS['p']}}}{tag}") for tag in _AFTER_NOTES_MASTERS]
    anchor = next((element for element in later if element is not None), None)
    if anchor is None:
        root.append(listed)
    else:
        anchor.addprevious(listed)
    return _serialise(root)


def _unique_shape_ids(blob: bytes) -> bytes:
    """Shape ids (`cNvPr/@id`) made unique within one slide part: the first use of an id
    keeps it, a repeat gets the next free number (connectors refer to first uses)."""
    ids = _SHAPE_ID.findall(blob)
    if len(ids) == len(set(ids)) and blob.count(b"cNvPr ") == len(ids):
        return blob  # every shape's id is already its own (the usual case)
    root = _parse(blob)
    # lxml's "{*}" matches any namespace in C: the same elements as testing each local name.
    holders = [el for el in root.iter("{*}cNvPr") if el.get("id") is not None]
    seen: set[str] = set()
    repeats = []
    for holder in holders:
        if holder.get("id") in seen:
            repeats.append(holder)
        seen.add(holder.get("id"))
    if not repeats:
        return blob
    numbers = [int(i) for i in seen if i.isdigit()]
    free = max(numbers, default=0) + 1
    for holder in repeats:
        holder.set("id", str(free))
        free += 1
    return _serialise(root)


def _numbered_doc_prs(blob: bytes, ids: Any) -> bytes:
    """Every `wp:docPr/@id` numbered 1, 2, ... across the body, headers and footers in the
    order the parts were saved (Word wants them unique in the whole document)."""
    if b"docPr" not in blob:
        return blob
    root = _parse(blob)
    found = list(root.iter(f"{{{_NS['wp']}}}docPr"))
    if not found:
        return blob
    for doc_pr in found:
        doc_pr.set("id", str(next(ids)))
    return _serialise(root)
