"""The finishing step after python-pptx or python-docx saves a file: the libraries' known
defects fixed in one place, so that identical inputs give byte-identical, valid files.

Owns what happens to the saved bytes: dates, zip order and times, `p:notesMasterIdLst`,
unique drawing ids. What the document says is the writers' business (render/pptx, render/docx).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from itertools import count
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

from compassion_kit.output import ZIP_ATTRIBUTES, build_time, zip_entries, zip_time

__all__ = ["finish_ooxml", "save_finished"]

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
_EMBEDDED = (".xlsx", ".docx", ".pptx")
_LOCAL, _CENTRAL = b"PK\x03\x04", b"PK\x01\x02"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)


def save_finished(document: Any) -> bytes:
    """A python-pptx Presentation or python-docx Document saved and finished: the same bytes
    `finish_ooxml` gives for its saved bytes, most of the work done before saving.

    Dates, `p:notesMasterIdLst` and ids are set in the library's own element tree, then the
    saved zip's entry times and attributes are written into its headers in place, so nothing
    is parsed, re-serialised or compressed twice. A package held inside (a chart's workbook)
    is finished whole before saving. One saved unlike a plain python-pptx/python-docx zip is
    finished by `finish_ooxml` instead.
    """
    stamp = build_time()
    document.core_properties.created = stamp
    document.core_properties.modified = stamp
    word_ids = count(1)
    for part in document.part.package.iter_parts():
        element = getattr(part, "_element", None)
        name = str(part.partname).lstrip("/")
        if element is None:
            blob = getattr(part, "_blob", None)
            if name.endswith(_EMBEDDED) and isinstance(blob, bytes) and blob[:2] == b"PK":
                part._blob = finish_ooxml(blob)  # as finish_ooxml finishes what it holds
            continue
        if name == PRESENTATION:
            _list_notes_master(part, element)
        elif _SLIDE_PART.fullmatch(name):
            _renumber_repeats(element)
        elif _WORD_PART.fullmatch(name):
            for doc_pr in element.iter(f"{{{_NS['wp']}}}docPr"):
                doc_pr.set("id", str(next(word_ids)))
    saved = io.BytesIO()
    document.save(saved)
    data = saved.getvalue()
    return _stamped(data, embedded_finished=True) or finish_ooxml(data)


def _list_notes_master(part: Any, presentation: Any) -> None:
    """`p:notesMasterIdLst` naming the notes master the presentation part relates to."""
    related = [
        rel.rId
        for rel in part.rels.values()
        if rel.reltype == NOTES_MASTER_RT and not rel.is_external
    ]
    if related:
        _add_notes_master_id(presentation, related[0])


def _add_notes_master_id(presentation: Any, r_id: str) -> bool:
    """List notes master `r_id` in `p:presentation`, in schema order; False if one is listed."""
    if presentation.find(f"{{{_NS['p']}}}notesMasterIdLst") is not None:
        return False
    listed = etree.SubElement(presentation, f"{{{_NS['p']}}}notesMasterIdLst")
    etree.SubElement(listed, f"{{{_NS['p']}}}notesMasterId").set(f"{{{_NS['r']}}}id", r_id)
    later = [presentation.find(f"{{{_NS['p']}}}{tag}") for tag in _AFTER_NOTES_MASTERS]
    anchor = next((element for element in later if element is not None), None)
    if anchor is not None:
        anchor.addprevious(listed)
    return True


def _stamped(data: bytes, embedded_finished: bool = False) -> bytes | None:
    """`data` with every zip entry's date, time, system and attributes as `zip_entries`
    writes them, set in its local and central headers (the compressed data is kept), or None
    when the zip is not plain: `[Content_Types].xml` not first, an embedded package (unless
    `embedded_finished`: finished before saving), extra fields, data descriptors or ZIP64."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        infos = package.infolist()
        start = package.start_dir
    if not infos or infos[0].filename != CONTENT_TYPES:
        return None
    for info in infos:
        embedded = info.filename.endswith(_EMBEDDED) and not embedded_finished
        if embedded or info.extra or info.flag_bits & 0x08:
            return None
        if info.compress_type != zipfile.ZIP_DEFLATED or info.header_offset >= 0xFFFFFFFF:
            return None
    year, month, day, hour, minute, second = zip_time()
    date = (year - 1980) << 9 | month << 5 | day
    time = hour << 11 | minute << 5 | second // 2
    out = bytearray(data)
    position = start
    for info in infos:
        offset = info.header_offset
        if out[offset : offset + 4] != _LOCAL or out[position : position + 4] != _CENTRAL:
            return None
        struct.pack_into("<HH", out, offset + 10, time, date)
        out[position + 5] = 0  # made on: MS-DOS, as zip_entries says, whatever the machine
        struct.pack_into("<HH", out, position + 12, time, date)
        struct.pack_into("<I", out, position + 38, ZIP_ATTRIBUTES)
        name, extra, comment = struct.unpack_from("<HHH", out, position + 28)
        position += 46 + name + extra + comment
    return bytes(out)


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
        elif name.endswith(_EMBEDDED) and blob[:2] == b"PK":
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
    if not related:
        return blob
    root = _parse(blob)
    return _serialise(root) if _add_notes_master_id(root, related[0]) else blob


def _unique_shape_ids(blob: bytes) -> bytes:
    """Shape ids (`cNvPr/@id`) made unique within one slide part: the first use of an id
    keeps it, a repeat gets the next free number (connectors refer to first uses)."""
    ids = _SHAPE_ID.findall(blob)
    if len(ids) == len(set(ids)) and blob.count(b"cNvPr ") == len(ids):
        return blob  # every shape's id is already its own (the usual case)
    root = _parse(blob)
    return _serialise(root) if _renumber_repeats(root) else blob


def _renumber_repeats(root: Any) -> bool:
    """Give each repeated `cNvPr/@id` under `root` the next free number; whether any was."""
    # lxml's "{*}" matches any namespace in C: the same elements as testing each local name.
    holders = [el for el in root.iter("{*}cNvPr") if el.get("id") is not None]
    seen: set[str] = set()
    repeats = []
    for holder in holders:
        if holder.get("id") in seen:
            repeats.append(holder)
        seen.add(holder.get("id"))
    numbers = [int(i) for i in seen if i.isdigit()]
    free = max(numbers, default=0) + 1
    for holder in repeats:
        holder.set("id", str(free))
        free += 1
    return bool(repeats)


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
