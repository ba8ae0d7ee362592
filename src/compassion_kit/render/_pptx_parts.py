"""New slide, notes and picture parts for one deck, made in constant time each.

Owns creating parts: a slide with copies of just the layout placeholders it uses, its notes
page, and picture parts shared by every slide that shows the same image. What goes on the
shapes is `_pptx_shapes.py`'s; package-wide fixes are `_pptx_xml.py`'s.

python-pptx 1.0.2 finds a free part name, and an existing copy of an image, by walking every
part of the package, and clones placeholders with XPath over the whole slide: a deck of n
slides cost O(n^2). Here the layouts' and the notes master's placeholders are cloned once (by
python-pptx, so the XML is the same) and copied; part names are counted. Every deck is byte
for byte what python-pptx's own calls would make.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.slide import CT_NotesSlide, CT_Slide
from pptx.parts.image import Image, ImagePart
from pptx.parts.slide import NotesSlidePart
from pptx.shapes.shapetree import SlideShapes
from pptx.slide import NotesSlide

if TYPE_CHECKING:
    from pptx.presentation import Presentation
    from pptx.slide import Slide, SlideLayout

NOTES_PARTNAME = "/ppt/notesSlides/notesSlide%d.xml"
_NO_PART: Any = None  # scratch shape trees belong to no part; cloning never asks for one


class _Clones:
    """python-pptx's clones of a layout's placeholders, in layout order (never modified:
    each slide gets copies)."""

    def __init__(self, layout: SlideLayout) -> None:
        scratch: Any = CT_Slide.new()
        SlideShapes(scratch.cSld.spTree, _NO_PART).clone_layout_placeholders(layout)
        self.all: tuple[Any, ...] = tuple(scratch.cSld.spTree.iter_ph_elms())
        # The first placeholder with index 0 is the title (python-pptx's `shapes.title`); for
        # other indexes the last one wins, as in a dict built from `slide.placeholders`.
        self.title = next((sp for sp in self.all if sp.ph_idx == 0), None)
        self.by_idx = {sp.ph_idx: sp for sp in self.all}


# Cloning runs many XPath queries (~2 ms a layout); a batch reuses the clones of layouts with
# the same placeholders. A clone depends only on the p:ph elements (type, orientation, size,
# index) in document order, so those are the key.
_CLONES: dict[tuple[tuple[tuple[str, str], ...], ...], _Clones] = {}
_CLONES_KEPT = 256
_PH_PATH = "./p:cSld/p:spTree/*/*/p:nvPr/p:ph"


def _clones_of(layout: SlideLayout) -> _Clones:
    element: Any = layout._element
    key = tuple(tuple(ph.attrib.items()) for ph in element.xpath(_PH_PATH))
    found = _CLONES.get(key)
    if found is None:
        found = _Clones(layout)
        if len(_CLONES) < _CLONES_KEPT:
            _CLONES[key] = found
    return found


class DeckParts:
    """Makes the slides, notes pages and pictures of one deck in one presentation.

    Holds per-deck state (copied placeholders, the next notes part number, image parts by
    content), so one instance serves exactly one `Presentation` and is then dropped.
    """

    def __init__(self, prs: Presentation) -> None:
        self._prs = prs
        self._package: Any = prs.part.package
        self._layouts: dict[str, SlideLayout] = {}
        for master in prs.slide_masters:
            for layout in master.slide_layouts:
                self._layouts.setdefault(layout.name.strip(), layout)
        self._clones: dict[str, _Clones] = {}  # found on a layout's first slide
        self._notes: tuple[Any, Any, int] | None = None  # master part, page, body position
        self._taken: set[str] = set()
        self._next_notes = 1
        self._images: dict[str, ImagePart] | None = None  # by SHA-1, made on the first picture
        self._image_numbers: list[int] = []

    def add_slide(self, layout_name: str, indexes: set[int]) -> tuple[Slide, Any, dict[int, Any]]:
        """A new last slide on `layout_name` holding only the title placeholder and those with
        `indexes` (in layout order); returns the slide, its title `p:sp` and idx -> `p:sp`.

        Raises:
            KeyError: the layout has no placeholder with one of `indexes`.
        """
        layout = self._layouts[layout_name]
        found = self._clones.get(layout_name)
        if found is None:
            found = self._clones[layout_name] = _clones_of(layout)
        wanted = {id(found.by_idx[idx]) for idx in indexes} | {id(found.title)}
        r_id, slide = self._prs.part.add_slide(layout)
        tree = slide.shapes._spTree
        copies: dict[int, Any] = {}
        for clone in found.all:
            if id(clone) in wanted:
                copies[id(clone)] = copy.deepcopy(clone)
                tree.append(copies[id(clone)])
        self._prs.slides._sldIdLst.add_sldId(r_id)
        title = copies.get(id(found.title)) if found.title is not None else None
        return slide, title, {idx: copies[id(found.by_idx[idx])] for idx in indexes}

    def add_notes(self, slide: Slide) -> Any:
        """Give `slide` a notes page (as python-pptx's `slide.notes_slide` would) and return
        the notes placeholder's `p:txBody`, or None when the notes master has no body."""
        if self._notes is None:
            self._notes = self._notes_page()
        master_part, page, body = self._notes
        element = copy.deepcopy(page)
        part = NotesSlidePart(
            self._notes_partname(), CT.PML_NOTES_SLIDE, master_part.package, element
        )
        part.relate_to(master_part, RT.NOTES_MASTER)
        part.relate_to(slide.part, RT.SLIDE)
        slide.part.relate_to(part, RT.NOTES_SLIDE)
        if body < 0:
            return None
        return element.cSld.spTree[body].get_or_add_txBody()

    def _notes_page(self) -> tuple[Any, Any, int]:
        # Made on the first notes page, not before: a template without a notes master gets
        # python-pptx's default one at the same point as before (same part names and rIds).
        master_part = self._prs.part.notes_master_part
        page: Any = CT_NotesSlide.new()
        NotesSlide(page, _NO_PART).clone_master_placeholders(master_part.notes_master)
        tree = page.cSld.spTree
        # The first body placeholder holds the notes (python-pptx's `notes_placeholder`).
        body = next(
            (tree.index(e) for e in tree.iter_ph_elms() if e.ph_type == PP_PLACEHOLDER.BODY), -1
        )
        for part in master_part.package.iter_parts():
            self._taken.add(str(part.partname))
        return master_part, page, body

    def _notes_partname(self) -> PackURI:
        """The lowest free notes part name, as `package.next_partname` finds it, counted."""
        while NOTES_PARTNAME % self._next_notes in self._taken:
            self._next_notes += 1
        name = NOTES_PARTNAME % self._next_notes
        self._taken.add(name)
        return PackURI(name)

    def image(self, slide: Slide, png: bytes) -> tuple[ImagePart, str]:
        """The image part holding `png` (one per distinct image, reusing an identical image
        already in the template, as python-pptx does) and its rId on `slide`."""
        if self._images is None:
            self._images = {}
            for found in self._package._image_parts:
                if hasattr(found, "sha1"):  # python-pptx skips parts it cannot read (SVG)
                    self._images.setdefault(found.sha1, found)
            self._image_numbers = [
                part.partname.idx
                for part in self._package.iter_parts()
                if part.partname.startswith("/ppt/media/image") and part.partname.idx is not None
            ]
        image = Image.from_blob(png)
        part = self._images.get(image.sha1)
        if part is None:
            number = _first_free(self._image_numbers)
            self._image_numbers.append(number)
            name = PackURI(f"/ppt/media/image{number}.{image.ext}")
            part = ImagePart(name, image.content_type, self._package, image.blob, image.filename)
            self._images[image.sha1] = part
        return part, slide.part.relate_to(part, RT.IMAGE)


def _first_free(numbers: list[int]) -> int:
    """The image number python-pptx's `next_image_partname` picks: the first gap in the
    sorted numbers, else one past their count."""
    for position, number in enumerate(sorted(numbers), start=1):
        if position < number:
            return position
    return len(numbers) + 1
