"""Reading a deck template: where the bundled one is, its slide size, and its layouts'
placeholders with their geometry.

Reads the .pptx as zip + XML (cached per file version) so that planning can measure boxes. The
layouts and placeholders the kit needs, and checking a template for them, are
`_pptx_contract.py`'s; writing the deck is `deck.py`'s job.
"""

from __future__ import annotations

import functools
import io
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from compassion_kit.errors import ContentError, Location, Problem
from compassion_kit.inputs import read_input
from compassion_kit.paths import templates_dir
from compassion_kit.render._ns import NS, qn
from compassion_kit.render._pptx_spec import Box

TEMPLATE_NAME = "deck.pptx"
TITLE = "Title"  # the slide title: any placeholder of type title or ctrTitle
LOGO = "Logo"
DEFAULT_INSETS = (91440, 45720, 91440, 45720)  # OOXML defaults: 0.1 in sides, 0.05 in top/bottom
_INSET_NAMES = ("lIns", "tIns", "rIns", "bIns")
_MAX_PART = 20_000_000  # a layout or master part bigger than this is not a real template


@dataclass(frozen=True)
class Placeholder:
    """A layout placeholder: its name, type, index, box and text insets (EMU)."""

    name: str
    kind: str  # OOXML ph type; "obj" when the placeholder has none
    idx: int
    box: Box
    insets: tuple[int, int, int, int]


@dataclass(frozen=True)
class Layout:
    """A slide layout by name, with its placeholders keyed by role name."""

    name: str
    placeholders: dict[str, Placeholder]
    part: str = ""  # its part name in the package, e.g. "ppt/slideLayouts/slideLayout3.xml"


@dataclass(frozen=True)
class Template:
    """What planning needs from a template: slide size and the layouts' boxes."""

    path: Path
    slide_size: tuple[int, int]
    layouts: dict[str, Layout]


class _Unreadable(Exception):
    pass


class _NotADeck(Exception):
    """A readable Office file of another kind (a .docx renamed to .pptx, say)."""


# What an Office file is, by the root of its main part: its name may say otherwise.
_OTHER_KINDS = {
    qn("w:document"): "a Word document",
    qn("x:workbook"): "an Excel workbook",
}


def default_template() -> Path:
    """The bundled 16:9 template, templates/deck.pptx."""
    return templates_dir() / TEMPLATE_NAME


def read_template(path: Path) -> Template:
    """Slide size and layout geometry of a .pptx or .potx file (cached per file version).

    Raises:
        ContentError: the file is missing or is not a readable PowerPoint file.
    """
    path = Path(path)
    try:
        return _read(*_version(path))
    except FileNotFoundError:
        message = "the deck template does not exist"
    except _NotADeck as exc:
        message = f"the deck template is {exc}, not a PowerPoint file"
    except (OSError, zipfile.BadZipFile, _Unreadable, ElementTree.ParseError, KeyError) as exc:
        message = f"the deck template is not a readable PowerPoint file ({exc})"
    raise ContentError(
        [Problem(message, Location(path), hint="give a .pptx saved by PowerPoint or LibreOffice")]
    )


def template_bytes(path: Path) -> bytes:
    """The template file's bytes, read once per process for each version of the file, so
    that a batch of decks opens the template from memory.

    Raises:
        OSError: the file cannot be read.
    """
    return _bytes(*_version(Path(path)))


def _version(path: Path) -> tuple[Path, int, int]:
    stat = path.stat()
    return path.resolve(), stat.st_size, stat.st_mtime_ns


@functools.lru_cache(maxsize=4)
def _bytes(path: Path, size: int, mtime_ns: int) -> bytes:
    del size, mtime_ns  # cache key only: an edited template is read again
    return read_input(path, "template")  # a regular file within the cap, never a FIFO


@functools.lru_cache(maxsize=8)
def _read(path: Path, size: int, mtime_ns: int) -> Template:
    with zipfile.ZipFile(io.BytesIO(_bytes(path, size, mtime_ns))) as package:
        main = _targets(package, "_rels/.rels", "officeDocument")
        if not main:
            raise _Unreadable("no main document")
        presentation = _xml(package, main[0])
        if presentation.tag in _OTHER_KINDS:
            raise _NotADeck(_OTHER_KINDS[presentation.tag])
        sld_size = presentation.find("p:sldSz", NS)
        slide_size = (
            (int(sld_size.get("cx", "0")), int(sld_size.get("cy", "0")))
            if sld_size is not None
            else (12192000, 6858000)
        )
        layouts: dict[str, Layout] = {}
        for master_path in _targets(package, _rels_of(main[0]), "slideMaster"):
            master = _xml(package, master_path)
            inherited = _master_placeholders(master)
            for layout_path in _targets(package, _rels_of(master_path), "slideLayout"):
                layout = _layout(_xml(package, layout_path), inherited, layout_path)
                layouts.setdefault(layout.name, layout)
    return Template(path, slide_size, layouts)


def _xml(package: zipfile.ZipFile, name: str) -> ElementTree.Element:
    info = package.getinfo(name)
    if info.file_size > _MAX_PART:
        raise _Unreadable(f"{name} is too large")
    data = package.read(name)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:  # Office never writes either
        raise _Unreadable(f"{name} declares a DOCTYPE or entities")
    return ElementTree.fromstring(data)


def _rels_of(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _targets(package: zipfile.ZipFile, rels: str, kind: str) -> list[str]:
    """Part names of the relationships of type `kind`, in the order of their rIds."""
    if rels not in package.namelist():
        return []
    base = posixpath.dirname(posixpath.dirname(rels))
    found = []
    for rel in _xml(package, rels).findall("rel:Relationship", NS):
        if rel.get("Type", "").rsplit("/", 1)[-1] == kind and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            full = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(base, target))
            )
            found.append((_rid_number(rel.get("Id", "")), full))
    return [name for _n, name in sorted(found)]


def _rid_number(rid: str) -> tuple[int, str]:
    digits = "".join(c for c in rid if c.isdigit())
    return (int(digits) if digits else 0, rid)


def _master_placeholders(master: ElementTree.Element) -> dict[str, Placeholder]:
    found: dict[str, Placeholder] = {}
    for shape in _placeholder_shapes(master):
        holder = _placeholder(shape, {})
        if holder is not None:
            found.setdefault(_family(holder.kind), holder)
    return found


def _layout(element: ElementTree.Element, inherited: dict[str, Placeholder], part: str) -> Layout:
    c_sld = element.find("p:cSld", NS)
    name = (c_sld.get("name", "") if c_sld is not None else "").strip()
    holders: dict[str, Placeholder] = {}
    for shape in _placeholder_shapes(element):
        holder = _placeholder(shape, inherited)
        if holder is None:
            continue
        role = TITLE if holder.kind in ("title", "ctrTitle") else holder.name
        holders.setdefault(role, holder)
    return Layout(name, holders, part)


def _placeholder_shapes(element: ElementTree.Element) -> list[ElementTree.Element]:
    tree = element.find("p:cSld/p:spTree", NS)
    if tree is None:
        return []
    return [s for s in tree if s.find("*/p:nvPr/p:ph", NS) is not None]


def _placeholder(
    shape: ElementTree.Element, inherited: dict[str, Placeholder]
) -> Placeholder | None:
    ph = shape.find("*/p:nvPr/p:ph", NS)
    c_nv_pr = shape.find("*/p:cNvPr", NS)
    if ph is None or c_nv_pr is None:
        return None
    kind = ph.get("type", "obj")
    parent = inherited.get(_family(kind))
    box = _box(shape) or (parent.box if parent else None)
    if box is None:
        return None
    insets = _insets(shape, parent.insets if parent else DEFAULT_INSETS)
    return Placeholder(c_nv_pr.get("name", "").strip(), kind, int(ph.get("idx", "0")), box, insets)


def _family(kind: str) -> str:
    """Which master placeholder a layout placeholder of this type inherits from."""
    return {
        "ctrTitle": "title",
        "title": "title",
        "dt": "dt",
        "ftr": "ftr",
        "sldNum": "sldNum",
    }.get(kind, "body")


def _box(shape: ElementTree.Element) -> Box | None:
    off = shape.find("p:spPr/a:xfrm/a:off", NS)
    ext = shape.find("p:spPr/a:xfrm/a:ext", NS)
    if off is None or ext is None:
        return None
    return (
        int(off.get("x", "0")),
        int(off.get("y", "0")),
        int(ext.get("cx", "0")),
        int(ext.get("cy", "0")),
    )


def _insets(
    shape: ElementTree.Element, default: tuple[int, int, int, int]
) -> tuple[int, int, int, int]:
    body = shape.find("p:txBody/a:bodyPr", NS)
    if body is None:
        return default
    left, top, right, bottom = (
        int(body.get(name, str(value))) for name, value in zip(_INSET_NAMES, default, strict=True)
    )
    return (left, top, right, bottom)
