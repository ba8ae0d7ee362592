"""Reading an Office Open XML package directly: parts, relationships, core properties.

Owns zip and XML access for the checker (lxml, no python-pptx/python-docx: the checker looks at
the file, not at what our renderers meant to write). Rules live in the other `check` modules.
"""

from __future__ import annotations

import functools
import posixpath
import zipfile
from pathlib import Path
from typing import Any, TypeAlias

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

El: TypeAlias = Any
"""An lxml element (lxml has no type stubs, so elements are untyped)."""

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "adec": "http://schemas.microsoft.com/office/drawing/2017/decorative",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "v": "urn:schemas-microsoft-com:vml",
}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
MAX_PART = 64 * 1024 * 1024  # an XML part above this is not a real document part


@functools.lru_cache(maxsize=1024)
def q(name: str) -> str:
    """Clark notation for "w:val" style names: "{namespace}val"."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


@functools.lru_cache(maxsize=512)
def _compiled(path: str) -> Any:
    return etree.XPath(path, namespaces=NS)


def xpath(element: El, path: str) -> list[El]:
    """Elements (or strings) matching `path`, with the OOXML prefixes of `NS`."""
    return list(_compiled(path)(element))


def first(element: El, path: str) -> El | None:
    """The first element matching `path`, or None."""
    found = _compiled(path)(element)
    return found[0] if found else None


def attr(element: El | None, name: str) -> str | None:
    """An attribute by "w:val"-style name (or a plain name), or None."""
    if element is None:
        return None
    value = element.get(q(name) if ":" in name else name)
    return None if value is None else str(value)


def local(element: El) -> str:
    """An element's tag without its namespace ("sp" for p:sp)."""
    return str(etree.QName(element).localname)


class NotOffice(Exception):
    """The file is not a readable Office package (not a zip, or a part is missing or broken)."""


class Package:
    """An open .pptx or .docx: parts parsed on demand and cached, relationships resolved."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise NotOffice(f"not an Office file ({exc})") from None
        self._names = set(self._zip.namelist())
        self._xml: dict[str, El] = {}
        self._rels: dict[str, dict[str, tuple[str, str, bool]]] = {}

    def close(self) -> None:
        """Close the zip file."""
        self._zip.close()

    def has(self, name: str) -> bool:
        """True when the package holds a part called `name`."""
        return name in self._names

    def names(self) -> list[str]:
        """Every part name, sorted."""
        return sorted(self._names)

    def data(self, name: str) -> bytes:
        """The raw bytes of a part."""
        try:
            return self._zip.read(name)
        except (KeyError, zipfile.BadZipFile, OSError) as exc:
            raise NotOffice(f"the part {name} cannot be read ({exc})") from None

    def xml(self, name: str) -> El:
        """The parsed root element of an XML part (cached)."""
        if name not in self._xml:
            info = self._zip.getinfo(name) if name in self._names else None
            if info is None:
                raise NotOffice(f"the part {name} is missing")
            if info.file_size > MAX_PART:
                raise NotOffice(f"the part {name} is implausibly large")
            try:
                self._xml[name] = etree.fromstring(self.data(name), _PARSER)
            except etree.XMLSyntaxError as exc:
                raise NotOffice(f"the part {name} is not well-formed XML ({exc})") from None
        return self._xml[name]

    def rels(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """Relationships of `part`: id -> (type suffix, target part or URL, external?)."""
        if part not in self._rels:
            folder, base = posixpath.split(part)
            rels_name = posixpath.join(folder, "_rels", base + ".rels")
            found: dict[str, tuple[str, str, bool]] = {}
            if rels_name in self._names:
                for rel in self.xml(rels_name):
                    kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
                    target = rel.get("Target") or ""
                    external = rel.get("TargetMode") == "External"
                    if not external:
                        target = posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
                    found[rel.get("Id") or ""] = (kind, target, external)
            self._rels[part] = found
        return self._rels[part]

    def target(self, part: str, rel_id: str | None) -> str | None:
        """The part (or URL) a relationship id of `part` points at, or None."""
        if not rel_id:
            return None
        found = self.rels(part).get(rel_id)
        return found[1] if found else None

    def related(self, part: str, kind: str) -> list[str]:
        """Internal targets of `part`'s relationships whose type ends with `kind`."""
        return [t for k, t, ext in self.rels(part).values() if k == kind and not ext]

    def core_title(self) -> str | None:
        """`dc:title` from docProps/core.xml; None when the part or element is missing."""
        name = "docProps/core.xml"
        if not self.has(name):
            return None
        title = first(self.xml(name), "dc:title")
        return None if title is None else "".join(title.itertext())


def new_element(tag: str, **attributes: str) -> El:
    """A new, detached element ("a:defRPr" style tag) for synthetic property holders."""
    return etree.Element(q(tag), **attributes)


def sub_element(parent: El, tag: str, **attributes: str) -> El:
    """A new child of `parent`."""
    return etree.SubElement(parent, q(tag), **attributes)


def parse(data: str | bytes) -> El:
    """Parse XML text (no entities, no network)."""
    return etree.fromstring(data.encode() if isinstance(data, str) else data, _PARSER)


def text_of(element: El, tag: str) -> str:
    """The concatenated text of every `tag` ("a:t" or "w:t") under `element`."""
    return "".join("".join(t.itertext()) for t in element.iter(q(tag)))


def is_decorative(c_nv_pr: El) -> bool:
    """True when a cNvPr/docPr carries Office's "mark as decorative" extension."""
    flag = first(c_nv_pr, ".//adec:decorative")
    return flag is not None and flag.get("val") in ("1", "true")


def table_regions(
    flags: dict[str, bool], r: int, c: int, size: tuple[int, int], bands: tuple[str, ...]
) -> list[str]:
    """Table-style regions that apply to cell (r, c) of a `size` (rows, columns) table.

    `flags` has firstRow, lastRow, firstCol, lastCol, bandRow and bandCol; `bands` names the
    odd and even row bands, then the odd and even column bands, as the format spells them
    (Word "band1Horz", PowerPoint "band1H"). Strongest region first, as both apps apply them.
    """
    rows, cols = size
    found = []
    if flags["firstRow"] and r == 0:
        found.append("firstRow")
    if flags["lastRow"] and r == rows - 1:
        found.append("lastRow")
    if flags["firstCol"] and c == 0:
        found.append("firstCol")
    if flags["lastCol"] and c == cols - 1:
        found.append("lastCol")
    if flags["bandRow"]:
        found.append(bands[0] if (r - flags["firstRow"]) % 2 == 0 else bands[1])
    if flags["bandCol"]:
        found.append(bands[2] if (c - flags["firstCol"]) % 2 == 0 else bands[3])
    return found
