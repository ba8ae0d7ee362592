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
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml.etree import XMLSyntaxError  # type: ignore[import-untyped]  # lxml ships no types
from pptx import Presentation
from pptx.enum.dml import MSO_COLOR_TYPE
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.exc import PackageNotFoundError
from pptx.oxml import parse_xml

from compassion_kit.errors import ContentError, Location, Problem
from compassion_kit.inputs import note_input, read_input
from compassion_kit.office_zip import zip_damage
from compassion_kit.render.plan.deck_spec import (
    DEFAULT_INSETS,
    TITLE,
    Layout,
    Placeholder,
    Template,
)
from compassion_kit.render.pptx import masters, oxml_layouts
from compassion_kit.render.pptx.oxml import explicit_insets
from compassion_kit.render.pptx.package import as_presentation, written_by_libreoffice

if TYPE_CHECKING:
    from pptx.presentation import Presentation as PresentationType

MAX_UNPACKED_BYTES = 200_000_000  # a template that unpacks to more is not a real template
# Which master placeholder a layout placeholder of this type inherits its box from.
_FAMILY = {"ctrTitle": "title", "title": "title", "dt": "dt", "ftr": "ftr", "sldNum": "sldNum"}
# What an Office file is, by its main part's content type: its name may say otherwise.
_OTHER_KINDS = {
    "wordprocessingml": "a Word document, not a PowerPoint file",
    "spreadsheetml": "an Excel workbook, not a PowerPoint file",
}


class _Unsafe(Exception):
    """A package the kit refuses to open (a zip bomb, or XML declaring a DOCTYPE)."""


class BadSlideSize(Exception):
    """A template whose slide size no presentation program can show."""


def read_template(path: Path) -> Template:
    """Slide size and layout geometry of a .pptx, .potx, .pptm or .potm file (cached per
    file version).

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
    except BadSlideSize as exc:
        message = f"the deck template cannot be used: {exc}"
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
    note_input(path, stat)  # recorded even when the template comes from the cache
    return path.resolve(), stat.st_size, stat.st_mtime_ns


@functools.lru_cache(maxsize=4)
def _bytes(path: Path, size: int, mtime_ns: int) -> bytes:
    del size, mtime_ns  # cache key only: an edited template is read again
    data = read_input(path, "template")  # a regular file within the cap, never a FIFO
    _refuse_unsafe(data)
    return as_presentation(data)


def _refuse_unsafe(data: bytes) -> None:
    """Refuse a zip bomb before unpacking it, and any XML part declaring a DOCTYPE (Office
    never writes one; lxml would keep its entities unresolved but copy them to the deck)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        entries = package.infolist()
        unpacked = sum(entry.file_size for entry in entries)
        if unpacked > MAX_UNPACKED_BYTES:
            raise _Unsafe(f"it would unpack to {unpacked // 1_000_000} MB")
        damage = zip_damage(data)
        if damage is not None:
            raise _Unsafe(damage)
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
    slide_size = (int(prs.slide_width or 12192000), int(prs.slide_height or 6858000))
    check_slide_size(*slide_size)
    layouts: dict[str, Layout] = {}
    canned = written_by_libreoffice(prs)
    for key, number, master, layout in layout_keys(prs):
        inherited: dict[str, Placeholder] = {}
        for shape in master.placeholders:
            found = _placeholder(shape, {})
            if found is not None:
                inherited.setdefault(_FAMILY.get(found.kind, "body"), found)
        holders: dict[str, Placeholder] = {}
        ordered: list[Placeholder] = []
        # What a new slide gets from the layout, in order (a placeholder without a box too).
        for ordinal, shape in enumerate(layout.iter_cloneable_placeholders()):
            found = _placeholder(shape, inherited)
            if found is None:
                continue
            found = replace(found, ordinal=ordinal)
            ordered.append(found)
            role = TITLE if found.kind in ("title", "ctrTitle") else found.name
            holders.setdefault(role, found)
        body = inherited.get("body")
        if canned:
            ordered = masters.onto_master(ordered, inherited.get("title"), body)
            holders = {
                name: next(p for p in ordered if p.ordinal == h.ordinal)
                for name, h in holders.items()
            }
        layouts[key] = Layout(
            key,
            holders,
            type=oxml_layouts.layout_type(layout),
            holders=tuple(ordered),
            region=body.box if body is not None and body.kind in ("body", "obj") else None,
            title_area=inherited["title"].box if "title" in inherited else None,
            own_logo=masters.own_logo(master, layout, slide_size),
            graphics=masters.graphics(master, layout, slide_size),
            master=number,
        )
    return Template(path, slide_size, layouts)


def layout_keys(prs: PresentationType) -> Iterator[tuple[str, int, Any, Any]]:
    """(key, master number, master, layout) for every layout: the key is the layout's name,
    with " (master N)" when an earlier master has a layout of that name (LibreOffice writes
    its dozen layouts once per master page)."""
    seen: set[str] = set()
    for number, master in enumerate(prs.slide_masters, start=1):
        for layout in master.slide_layouts:
            name = layout.name.strip() or "Untitled"
            key = name if name not in seen else f"{name} (master {number})"
            seen.add(key)
            yield key, number, master, layout


def check_slide_size(width: int, height: int) -> None:
    """Refuse a slide size PowerPoint cannot show (each side 1 to 56 inches) or a strip
    (sides more than 3:1); 4:3, 16:9, 16:10 and A4 are all fine.

    Raises:
        BadSlideSize: naming the size in inches.
    """
    lo, hi = 914400, 51206400  # PowerPoint's Slide Size dialog: 1 in to 56 in
    ratio = max(width, height) / max(1, min(width, height))
    if not (lo <= width <= hi and lo <= height <= hi) or ratio > 3:
        raise BadSlideSize(
            f"its slides are {width / 914400:.2f} x {height / 914400:.2f} in; "
            "a deck template needs slides 1 to 56 in a side and no longer than 3:1"
        )


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
    colour = _sample_colour(shape) or (parent.colour if parent else None)
    return Placeholder(
        shape.name.strip(),
        kind,
        form.idx,
        box,
        insets,  # type: ignore[arg-type]
        colour=colour,
    )


def _sample_colour(shape: Any) -> str | None:
    """The RGB colour of a placeholder's prompt text, when it sets one. LibreOffice (7.x)
    writes a master's text colours only there, not in the text styles PowerPoint reads."""
    for paragraph in shape.text_frame.paragraphs if shape.has_text_frame else ():
        for run in paragraph.runs:
            if run.font.color.type == MSO_COLOR_TYPE.RGB:
                return f"#{run.font.color.rgb}"
    return None
