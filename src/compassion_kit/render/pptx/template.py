"""Reading a deck template through python-pptx: its bytes, slide size, and its layouts'
placeholders with their geometry.

Owns turning a .pptx into the plan's `Template` (cached per file version) and refusing files
that are not safe or not PowerPoint. Which names the kit needs is `contract.py`'s.
"""

from __future__ import annotations

import copy
import functools
import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml.etree import XMLSyntaxError  # type: ignore[import-untyped]  # lxml ships no types
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.exc import PackageNotFoundError
from pptx.oxml import parse_xml

from compassion_kit.errors import ContentError, Location, Problem
from compassion_kit.render.plan.deck_spec import (
    DEFAULT_INSETS,
    TITLE,
    Layout,
    Placeholder,
    Template,
)
from compassion_kit.render.pptx.oxml import explicit_insets

if TYPE_CHECKING:
    from pptx.presentation import Presentation as PresentationType

MAX_UNPACKED_BYTES = 200_000_000  # a template that unpacks to more is not a real template
# Which master placeholder a layout placeholder of this type inherits its box from.
_FAMILY = {"ctrTitle": "title", "title": "title", "dt": "dt", "ftr": "ftr", "sldNum": "sldNum"}
# What an Office file is, by its main part's content type: its name may say otherwise.
_OTHER_KINDS = {
    "wordprocessingml": "a Word document, not a PowerPoint file",
    "spreadsheetml": "an Excel workbook, not a PowerPoint file",
    "presentationml.template": "a PowerPoint template (.potx), not a presentation (.pptx)",
    "presentationml.slideshow": "a PowerPoint show (.ppsx), not a presentation (.pptx)",
}


class _Unsafe(Exception):
    """A package the kit refuses to open (a zip bomb, or XML declaring a DOCTYPE)."""


def read_template(path: Path) -> Template:
    """Slide size and layout geometry of a .pptx (or .pptm) file (cached per file version).

    Raises:
        ContentError: the file is missing, unsafe, or not a readable PowerPoint file.
    """
    path = Path(path)
    try:
        return _read(*_version(path))
    except FileNotFoundError:
        message = "the deck template does not exist"
    except ValueError as exc:  # python-pptx: "... is not a PowerPoint file, content type is"
        kind = next((name for key, name in _OTHER_KINDS.items() if key in str(exc)), None)
        message = (
            f"the deck template is {kind}"
            if kind
            else f"the deck template is not a readable PowerPoint file ({exc})"
        )
    except XMLSyntaxError as exc:
        message = (
            f"the deck template is not a readable PowerPoint file ({_broken_part(path)}: {exc})"
        )
    except (OSError, zipfile.BadZipFile, PackageNotFoundError, KeyError, _Unsafe) as exc:
        message = f"the deck template is not a readable PowerPoint file ({exc})"
    raise ContentError(
        [
            Problem(
                message,
                Location(path),
                hint="give a .pptx saved by PowerPoint or LibreOffice (File > Save As > "
                "PowerPoint Presentation)",
            )
        ]
    )


def open_template(path: Path) -> PresentationType:
    """A fresh python-pptx presentation of the template: a deep copy of the one parsed once
    per process for each version of the file (copying is ~10x cheaper than parsing again).

    Raises:
        ContentError: as `read_template`.
    """
    read_template(path)  # checks it, and caches the bytes
    return copy.deepcopy(_parsed(*_version(Path(path))))


@functools.lru_cache(maxsize=4)
def _parsed(path: Path, size: int, mtime_ns: int) -> PresentationType:
    """The template as python-pptx reads it; never changed itself, only copied."""
    return Presentation(io.BytesIO(_bytes(path, size, mtime_ns)))


def _version(path: Path) -> tuple[Path, int, int]:
    stat = path.stat()
    return path.resolve(), stat.st_size, stat.st_mtime_ns


@functools.lru_cache(maxsize=4)
def _bytes(path: Path, size: int, mtime_ns: int) -> bytes:
    del size, mtime_ns  # cache key only: an edited template is read again
    data = path.read_bytes()
    _refuse_unsafe(data)
    return data


def _refuse_unsafe(data: bytes) -> None:
    """Refuse a zip bomb before unpacking it, and any XML part declaring a DOCTYPE (Office
    never writes one; lxml would keep its entities unresolved but copy them to the deck)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        entries = package.infolist()
        unpacked = sum(entry.file_size for entry in entries)
        if unpacked > MAX_UNPACKED_BYTES:
            raise _Unsafe(f"it would unpack to {unpacked // 1_000_000} MB")
        for entry in entries:
            if entry.filename.endswith((".xml", ".rels")):
                head = package.read(entry.filename)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise _Unsafe(f"{entry.filename} declares a DOCTYPE or entities")


def _broken_part(path: Path) -> str:
    """The name of the first XML part of the template that does not parse (for the message:
    lxml's error names only a line and column)."""
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                try:
                    parse_xml(package.read(name))
                except XMLSyntaxError:
                    return name
    return "a part"


@functools.lru_cache(maxsize=8)
def _read(path: Path, size: int, mtime_ns: int) -> Template:
    prs = Presentation(io.BytesIO(_bytes(path, size, mtime_ns)))
    layouts: dict[str, Layout] = {}
    for master in prs.slide_masters:
        inherited: dict[str, Placeholder] = {}
        for shape in master.placeholders:
            found = _placeholder(shape, {})
            if found is not None:
                inherited.setdefault(_FAMILY.get(found.kind, "body"), found)
        for layout in master.slide_layouts:
            holders: dict[str, Placeholder] = {}
            for shape in layout.placeholders:
                found = _placeholder(shape, inherited)
                if found is not None:
                    role = TITLE if found.kind in ("title", "ctrTitle") else found.name
                    holders.setdefault(role, found)
            layouts.setdefault(layout.name.strip(), Layout(layout.name.strip(), holders))
    slide_size = (int(prs.slide_width or 12192000), int(prs.slide_height or 6858000))
    return Template(path, slide_size, layouts)


def _placeholder(shape: Any, inherited: dict[str, Placeholder]) -> Placeholder | None:
    """The geometry of a master or layout placeholder; None when it has no box at all."""
    form = shape.placeholder_format
    kind = str((form.type or PP_PLACEHOLDER.OBJECT).xml_value)
    parent = inherited.get(_FAMILY.get(kind, "body"))
    own = explicit_insets(shape)
    box: tuple[int, int, int, int] | None
    if None not in (shape.left, shape.top, shape.width, shape.height):
        box = (int(shape.left), int(shape.top), int(shape.width), int(shape.height))
    else:
        box = parent.box if parent else None
    if box is None:
        return None
    base = parent.insets if parent else DEFAULT_INSETS
    insets = tuple(b if o is None else o for o, b in zip(own, base, strict=True))
    return Placeholder(shape.name.strip(), kind, form.idx, box, insets)  # type: ignore[arg-type]
