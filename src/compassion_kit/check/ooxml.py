"""The checker's view of an opened .pptx/.docx: named parts, their XML, relationships, XPath.

Owns adapting python-pptx/python-docx part objects for the rules (which keep their XPath over
the libraries' elements); opening files is `opening`'s, the rules live in the other modules.
"""

from __future__ import annotations

import functools
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
_CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
RESAVE = "open it in PowerPoint or Word and save it again as a .pptx or .docx, then check it"


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
    """The file cannot be checked: it is not a readable Office package, or it is damaged.

    The message starts with a verb ("is a Word document, not...", "is damaged: ...") so that it
    reads after "the file"; `hint` says how to fix it.
    """

    def __init__(self, message: str, hint: str = RESAVE) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class Package:
    """An opened .pptx or .docx seen as named parts ("ppt/slides/slide1.xml"): XML roots,
    bytes and relationships, all taken from the python-pptx/python-docx part objects.

    `document` is the library's Presentation or Document; `main` is the part's name.
    """

    def __init__(self, path: Path, document: Any, main_part: Any) -> None:
        self.path = path
        self.document = document
        self.main = _name(main_part)
        self._parts = {_name(p): p for p in main_part.package.iter_parts()}
        self._xml: dict[str, El] = {}
        self._refuse_doctypes()

    def has(self, name: str) -> bool:
        """True when the package holds a part called `name` (reachable from its relationships)."""
        return name in self._parts

    def names(self) -> list[str]:
        """Every part name, sorted."""
        return sorted(self._parts)

    def data(self, name: str) -> bytes:
        """The raw bytes of a part."""
        if name not in self._parts:
            raise NotOffice(f"is damaged: the part {name} is missing")
        return bytes(self._parts[name].blob)

    def xml(self, name: str) -> El:
        """The root element of an XML part: the library's own element when it parsed the part
        (slides, documents, styles), else its bytes parsed once without entities (themes)."""
        if name not in self._xml:
            part = self._parts.get(name)
            if part is None:
                raise NotOffice(f"is damaged: the part {name} is missing")
            element = getattr(part, "_element", None)  # python-pptx has no public XmlPart.element
            if element is None:
                try:
                    element = etree.fromstring(part.blob, _PARSER)
                except etree.XMLSyntaxError as exc:
                    raise NotOffice(
                        f"is damaged: the part {name} is not well-formed XML ({exc})"
                    ) from None
                _refuse_doctype(name, element)
            self._xml[name] = element
        return self._xml[name]

    def rels(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """Relationships of `part`: id -> (type suffix, target part name or URL, external?)."""
        found: dict[str, tuple[str, str, bool]] = {}
        holder = self._parts.get(part)
        for rel_id, rel in holder.rels.items() if holder is not None else ():
            kind = str(rel.reltype).rsplit("/", 1)[-1]
            target = str(rel.target_ref) if rel.is_external else _name(rel.target_part)
            found[str(rel_id)] = (kind, target, bool(rel.is_external))
        return found

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
        """`dc:title` of the core properties part; None when the part or element is missing.

        Not `core_properties.title`: both libraries invent a core part with a default title
        ("PowerPoint Presentation") when a file has none, and that is what KIT001 looks for.
        """
        return self.core_field("dc:title")

    def core_field(self, tag: str) -> str | None:
        """The text of `tag` (such as "cp:lastModifiedBy") in the core properties part; None
        when the part or element is missing."""
        for name, part in self._parts.items():
            if str(part.content_type) == _CORE_TYPE:
                found = first(self.xml(name), tag)
                return None if found is None else "".join(found.itertext())
        return None

    def custom_property(self, name: str) -> str | None:
        """The text of the custom document property `name`; None when there is none."""
        for part_name, part in self._parts.items():
            if str(part.content_type) == _CUSTOM_TYPE:
                for prop in self.xml(part_name).iter(f"{{{_CUSTOM_NS}}}property"):
                    if prop.get("name") == name:
                        return "".join(prop.itertext())
        return None

    def part_of(self, element: El) -> str | None:
        """The name of the part `element` belongs to, or None for a synthetic element."""
        root = element.getroottree().getroot()
        found = (n for n, p in self._parts.items() if getattr(p, "_element", None) is root)
        return next(found, None) or next((n for n, r in self._xml.items() if r is root), None)

    def _refuse_doctypes(self) -> None:
        """A DOCTYPE has no place in Office XML; the libraries leave its entities unresolved,
        but a file declaring one was made to attack XML readers, so it is refused whole."""
        for name, part in self._parts.items():
            element = getattr(part, "_element", None)
            if element is not None:
                _refuse_doctype(name, element)
            elif str(part.content_type).endswith("xml") and b"<!DOCTYPE" in part.blob[:4096]:
                self.xml(name)


def _name(part: Any) -> str:
    """A library part's name without its leading slash: "ppt/slides/slide1.xml"."""
    return str(part.partname).lstrip("/")


def _refuse_doctype(name: str, element: El) -> None:
    if element.getroottree().docinfo.doctype:
        raise NotOffice(
            f"is refused: the part {name} declares a DOCTYPE, which Office files never do "
            f"(it can be used to attack XML readers)"
        )


class NotANumber(ValueError):
    """An attribute that must be a whole number is not (`<p:sldSz cx="wide">`)."""

    def __init__(self, element: El, name: str, value: str) -> None:
        super().__init__(f"{name}={value!r} is not a whole number")
        self.element, self.name, self.value = element, name, value

    def describe(self, part: str | None) -> str:
        """'ppt/presentation.xml has <p:sldSz cx="wide">, which is not a whole number'."""
        tag = (
            f"{self.element.prefix}:{local(self.element)}"
            if self.element.prefix
            else local(self.element)
        )
        where = f"{part} has " if part else "it has "
        return f'{where}<{tag} {self.name}="{self.value}">, which is not a whole number'


def whole(element: El | None, name: str, default: int = 0, base: int = 10) -> int:
    """An attribute ("w:val" style or plain name) as a whole number; `default` when it, or the
    element, is absent or empty. Raises NotANumber when it is something else, so the message
    can name the part."""
    if element is None:
        return default
    value = element.get(q(name) if ":" in name else name)
    if not value:
        return default
    try:
        return int(value, base)
    except ValueError:
        raise NotANumber(element, name, str(value)) from None


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
