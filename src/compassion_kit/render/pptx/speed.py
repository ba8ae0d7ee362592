"""Work python-pptx repeats, done once: the same results, sooner.

Owns only speed: each function here gives what python-pptx's own call gives (tests compare
them), without the repeated work (placeholders cloned once per layout, images found once).
Importing this module compiles python-pptx's XPath expressions once per process from then on,
remembers its qualified tag names and places new properties in one pass.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import io
import weakref
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any

import pptx.oxml.xmlchemy
import pptx.slide
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information
from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import CT_Relationships
from pptx.opc.package import _Relationships
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import _nsmap, qn
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.parts.slide import SlidePart

from compassion_kit.render.library_lookups import remember_lookups

if TYPE_CHECKING:
    from pptx.slide import NotesSlide, Slide, SlideLayout, Slides
    from pptx.util import Length

# Image parts already in a package, by the SHA-1 of their bytes (python-pptx's own key). Weak
# both ways: a part holds its package, so a strong value would keep every deck of a worker.
_images: weakref.WeakKeyDictionary[Any, weakref.WeakValueDictionary[str, Any]] = (
    weakref.WeakKeyDictionary()
)


# python-pptx compiles each XPath expression on every call (`.ph` on each shape, thousands a
# deck), rebuilds qualified tag names, searches once per possible later sibling to place a
# property and parses each prefixed tag name anew: each done once (`render/library_lookups.py`).
_xmlchemy = pptx.oxml.xmlchemy
_compiled, qn_once = remember_lookups(BaseOxmlElement, _xmlchemy, _xmlchemy, _nsmap)


def add_picture(slide: Slide, png: bytes, x: Length, y: Length, cx: Length, cy: Length) -> Any:
    """`slide.shapes.add_picture(png, x, y, cx, cy)`, finding an image the deck already has
    without walking every part of the package (python-pptx walks them for each picture, and a
    logo is on every slide): the same calls `add_picture` makes, with the part remembered."""
    known = _images.setdefault(slide.part.package, weakref.WeakValueDictionary())
    digest = hashlib.sha1(png).hexdigest()
    image_part = known.get(digest)
    if image_part is None:
        image_part, _ = slide.part.get_or_add_image_part(io.BytesIO(png))
        known[digest] = image_part
    shapes: Any = slide.shapes
    pic = shapes._add_pic_from_image_part(
        image_part, slide.part.relate_to(image_part, RT.IMAGE), x, y, cx, cy
    )
    shapes._recalculate_extents()
    return shapes._shape_factory(pic)


# The placeholders python-pptx clones onto a new slide from its layout (or onto a notes slide
# from the notes master): for one layout they are always the same elements (ids counted from 2,
# names from the layout's), so they are cloned once per layout of a deck and copied after that.
# Weak keys: a deck's parts must not outlive it.
_placeholders: weakref.WeakKeyDictionary[Any, tuple[Any, ...]] = weakref.WeakKeyDictionary()


# Per presentation part: how many slides it lists and the largest slide id, as `add_slide`
# left them. python-pptx reads every listed id (XPath) to number each new slide.
_slide_ids: weakref.WeakKeyDictionary[Any, tuple[int, int]] = weakref.WeakKeyDictionary()


def add_slide(slides: Slides, layout: SlideLayout) -> Slide:
    """`slides.add_slide(layout)`: the same slide, relationship and slide id, except that

    - the layout's placeholders are copied from the first slide made on that layout in this
      deck;
    - the new slide part is related to the presentation without first looking through all its
      relationships for one to that part (python-pptx's `relate_to`; a new part has none);
    - the slide id is the largest so far plus one, remembered rather than read again while the
      list is as this function left it (python-pptx's rule, `CT_SlideIdList._next_id`; its own
      numbering otherwise, which may reuse a free id once the largest possible one is taken).
    """
    part = slides.part
    new_part: Any = SlidePart.new  # untyped in python-pptx
    slide_part = new_part(part._next_slide_partname, part.package, layout.part)
    rId = part._rels._add_relationship(RT.SLIDE, slide_part)
    slide = slide_part.slide
    assert isinstance(slide, pptx.slide.Slide)
    _placeholders_from(slide, layout.part, lambda: slide.shapes.clone_layout_placeholders(layout))
    listed = slides._sldIdLst
    count, largest = _slide_ids.get(part, (-1, 0))
    unchanged = count == len(listed) and listed[-1].get("id") == str(largest)
    if unchanged and largest < _LARGEST_SLIDE_ID:
        largest += 1
        listed._add_sldId(id=largest, rId=rId)
    else:  # python-pptx's own numbering (it may reuse a free id below the largest)
        listed.add_sldId(rId)
        largest = max(int(sld_id.get("id")) for sld_id in listed)
    _slide_ids[part] = (len(listed), largest)
    return slide


_LARGEST_SLIDE_ID = 2147483647  # ECMA-376's limit; past it python-pptx reuses a free id


def clone_notes_placeholders(notes_slide: NotesSlide, master_part: Any) -> None:
    """`notes_slide.clone_master_placeholders(master)`, copied after its first time in a deck."""
    _placeholders_from(
        notes_slide,
        master_part,
        lambda: notes_slide.clone_master_placeholders(master_part.notes_master),
    )


def _placeholders_from(slide: Any, source_part: Any, clone: Callable[[], None]) -> None:
    tree = slide.shapes._spTree
    known = _placeholders.get(source_part)
    if known is None:
        before = len(tree)
        clone()
        _placeholders[source_part] = tuple(copy.deepcopy(e) for e in tree[before:])
        return
    for element in known:
        tree.append(copy.deepcopy(element))


_library_rels_xml = _Relationships.xml.fget  # type: ignore[attr-defined]  # python-pptx's own, for tests


def _rels_xml(rels: _Relationships) -> bytes:
    """`_Relationships.xml`: the same bytes, each relationship made in one lxml call.

    python-pptx parses a one-element XML string for every relationship and sets each attribute
    through a validating descriptor, which was a third of saving a deck; the order (numerical
    rIds first), the attributes and their order are its own.
    """
    root = CT_Relationships.new()
    tag = qn("pr:Relationship")
    ordered = sorted(
        (int(rId[3:]) if rId.startswith("rId") and rId[3:].isdigit() else 0, rId) for rId in rels
    )
    for _, rId in ordered:
        rel = rels[rId]
        if rel.is_external:
            attributes = {"Id": rId, "Type": rel.reltype, "Target": rel.target_ref}
            attributes["TargetMode"] = RTM.EXTERNAL
        else:  # `target_ref`, remembered: a deck relates hundreds of parts the same way
            target = _relative_ref(rel.target_part.partname, rel._base_uri)
            attributes = {"Id": rId, "Type": rel.reltype, "Target": target}
        etree.SubElement(root, tag, attributes)
    data: bytes = root.xml_file_bytes
    return data


@functools.lru_cache(maxsize=4096)
def _relative_ref(partname: PackURI, base_uri: str) -> str:
    relative: str = partname.relative_ref(base_uri)
    return relative


_Relationships.xml = property(_rels_xml)  # type: ignore[assignment,method-assign]


# Run properties by the look they were made for (size, weight, colour, font): a deck sets the
# same few on hundreds of runs, each through five or six python-pptx calls.
_looks: dict[Hashable, Any] = {}


def add_styled_run(paragraph: Any, text: str, look: Hashable, style: Callable[[Any], None]) -> Any:
    """`run = paragraph.add_run(); run.text = text; style(run.font)`: the same run, its
    properties (`a:rPr`) copied from the first run `style` made for the same `look`.

    `look` must name everything `style` sets, and whose `style` it is (a module name first).
    """
    run = paragraph.add_run()
    run.text = text
    style_run(run, look, style)
    return run


def style_run(run: Any, look: Hashable, style: Callable[[Any], None]) -> None:
    """`style(run.font)` on a run without properties yet, as `add_styled_run` does."""
    assert run._r.rPr is None, "only a run without properties can take copied ones"
    made = _looks.get(look)
    if made is None:
        style(run.font)
        if len(_looks) >= 512:  # a long-lived process with many looks: start again
            _looks.clear()
        _looks[look] = copy.deepcopy(run._r.rPr)
    else:
        run._r.insert(0, copy.deepcopy(made))
