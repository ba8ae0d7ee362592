"""A Word template's package made into one python-docx opens and a document may carry.

Owns what happens to a template's zip before python-docx reads it: the main part's content
type (.dotx, .docm, .dotm), macros, external relationships and parts the validator refuses.
What the document says is the other `render/docx` modules' business.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

from compassion_kit.output import zip_entries

CONTENT_TYPES = "[Content_Types].xml"
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
WORD_TYPES = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
)
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OFFICE_DOCUMENT = f"{_R}/officeDocument"
HYPERLINK = f"{_R}/hyperlink"  # a link a reader follows: kept even when it points outside
# Relationships a plain document must not carry: macros and their toolbars and key
# bindings (.docm/.dotm), and Word 2010's `stylesWithEffects`, a copy of styles.xml that
# python-docx's own default template carries and the strict validator refuses.
DROPPED_TYPES = frozenset(
    {
        "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
        "http://schemas.microsoft.com/office/2006/relationships/wordVbaData",
        "http://schemas.microsoft.com/office/2006/relationships/keyMapCustomizations",
        "http://schemas.microsoft.com/office/2006/relationships/attachedToolbars",
        "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    }
)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def plain_document(data: bytes) -> bytes:
    """The template package `data` as a plain, macro-free .docx package.

    - a template's or macro-enabled main part (WORD_TYPES) gets the document content
      type: python-docx 1.2 opens only that one, and they differ in nothing else;
    - macro parts and the other DROPPED_TYPES go, with their relationships;
    - relationships to files outside the package go (an attached template, a linked
      picture), and so do the attributes or elements that name them; hyperlinks stay.

    Raises:
        zipfile.BadZipFile, KeyError, ValueError: `data` is not a Word package.
    """
    try:
        return _plain(data)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"a part is not well-formed XML: {exc}") from None


def _plain(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    main = _main_part(parts)
    dropped_parts: set[str] = set()
    for rels_name in [name for name in parts if name.endswith(".rels")]:
        owner = _owner(rels_name)
        if owner is not None and owner not in parts:
            continue
        rels = etree.fromstring(parts[rels_name], _PARSER)
        gone = []
        for rel in list(rels):
            external = rel.get("TargetMode") == "External"
            if rel.get("Type") in DROPPED_TYPES or (external and rel.get("Type") != HYPERLINK):
                gone.append(rel.get("Id"))
                if not external:
                    dropped_parts.add(_target(owner, rel.get("Target", "")))
                rels.remove(rel)
        if gone:
            parts[rels_name] = _serialise(rels)
            if owner is not None and owner.endswith(".xml"):
                parts[owner] = _without_references(parts[owner], set(gone))
    for name in dropped_parts:
        parts.pop(name, None)
        parts.pop(_rels_of(name), None)
    parts[CONTENT_TYPES] = _content_types(parts[CONTENT_TYPES], main, dropped_parts)
    return zip_entries(parts.items())


def _main_part(parts: dict[str, bytes]) -> str:
    rels = etree.fromstring(parts["_rels/.rels"], _PARSER)
    for rel in rels:
        if rel.get("Type") == OFFICE_DOCUMENT:
            return _target(None, rel.get("Target", ""))
    raise KeyError("the package names no main document (officeDocument relationship)")


def _owner(rels_name: str) -> str | None:
    """The part a relationships part belongs to; None for the package's own (_rels/.rels)."""
    folder, _, name = rels_name.rpartition("_rels/")
    return None if not folder and name == ".rels" else folder + name.removesuffix(".rels")


def _rels_of(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels"


def _target(owner: str | None, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    base = posixpath.dirname(owner) if owner else ""
    return posixpath.normpath(posixpath.join(base, target))


def _without_references(blob: bytes, gone: set[str]) -> bytes:
    """Part `blob` without what names a dropped relationship: `w:attachedTemplate` and other
    elements whose r:id it was go; other attributes (a picture's r:link) go alone."""
    root = etree.fromstring(blob, _PARSER)
    for element in list(root.iter()):
        for attribute, value in list(element.attrib.items()):
            if value not in gone or not attribute.startswith(f"{{{_R}}}"):
                continue
            if attribute == f"{{{_R}}}id" and element.getparent() is not None:
                element.getparent().remove(element)
                break
            del element.attrib[attribute]
    return _serialise(root)


def _content_types(blob: bytes, main: str, dropped: set[str]) -> bytes:
    root = etree.fromstring(blob, _PARSER)
    for override in list(root.iter(f"{{{_CT}}}Override")):
        name = override.get("PartName", "").lstrip("/")
        if name in dropped:
            root.remove(override)
        elif name == main and override.get("ContentType") in WORD_TYPES:
            # python-docx opens only the document type; a .dotx, .docm or .dotm main part
            # has another (template, macro-enabled) for the same markup. Anything else (a
            # presentation) is left for python-docx to refuse.
            override.set("ContentType", DOCUMENT_TYPE)
    return _serialise(root)


def _serialise(root: Any) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
