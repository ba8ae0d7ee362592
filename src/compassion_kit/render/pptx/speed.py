"""Work python-pptx repeats, done once: the same results, sooner.

Owns only speed: each function here gives what python-pptx's own call gives (tests compare
them), without the repeated work. Importing this module compiles python-pptx's XPath
expressions once per process from then on, and remembers its qualified tag names.
"""

from __future__ import annotations

import functools
import hashlib
import io
import weakref
from typing import TYPE_CHECKING, Any

import pptx.oxml.xmlchemy
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import _nsmap, qn
from pptx.oxml.xmlchemy import BaseOxmlElement

from compassion_kit.render.xml_children import first_child_finder

if TYPE_CHECKING:
    from pptx.slide import Slide
    from pptx.util import Length

# Image parts already in a package, by the SHA-1 of their bytes (python-pptx's own key). Weak
# both ways: a part holds its package, so a strong value would keep every deck of a worker.
_images: weakref.WeakKeyDictionary[Any, weakref.WeakValueDictionary[str, Any]] = (
    weakref.WeakKeyDictionary()
)


@functools.lru_cache(maxsize=512)
def _compiled(path: str) -> Any:
    return etree.XPath(path, namespaces=_nsmap)


def _xpath(self: BaseOxmlElement, xpath_str: str) -> Any:
    return _compiled(xpath_str)(self)


# python-pptx's `xpath` compiles its expression on every call (`.ph` on each shape, thousands
# a deck); compiled once per process here, with the same namespaces and the same result.
BaseOxmlElement.xpath = _xpath  # type: ignore[method-assign]
# Its child-element machinery turns "a:rPr" into "{namespace}rPr" for every successor tag on
# every insertion (qn builds a str subclass each time): the same names, remembered.
qn_once = functools.lru_cache(maxsize=1024)(qn)
pptx.oxml.xmlchemy.qn = qn_once  # type: ignore[attr-defined]
# To place each property it adds, it searches once for every tag that may follow it: one pass.
BaseOxmlElement.first_child_found_in = first_child_finder(qn_once)  # type: ignore[method-assign]


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
