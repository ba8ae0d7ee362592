"""What python-pptx 1.0.2 has no API for, done on its own element objects.

Owns every reach below python-pptx's public API in the deck writer; each function names the
API it stands in for. What goes where is the plan's; ordinary shapes and text are `text.py`'s.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Mapping
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.oxml.slide import CT_NotesSlide
from pptx.oxml.xmlchemy import OxmlElement
from pptx.parts.slide import NotesSlidePart

from compassion_kit.render.pptx import speed

LANG = "en-GB"
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"
_INSETS = ("lIns", "tIns", "rIns", "bIns")
# Theme slots that follow the organisation's colours (the bundled template uses them for
# titles, rules, bands and bullets).
THEME_SLOTS = {
    "accent1": "primary",
    "accent2": "secondary",
    "accent3": "accent",
    "hlink": "primary_text",  # links are text: the text shade of the primary colour
}
# Schema order of p:presentation after p:sldSz, last first: p:defaultTextStyle goes after
# whichever of these the presentation has.
_BEFORE_TEXT_STYLE = (
    "p:kinsoku",
    "p:custDataLst",
    "p:photoAlbum",
    "p:custShowLst",
    "p:embeddedFontLst",
    "p:smartTags",
    "p:notesSz",
)


def _child(parent: Any, tag: str, **attrs: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(name, value)
    parent.append(element)
    return element


def explicit_insets(shape: Any) -> tuple[int | None, int | None, int | None, int | None]:
    """The text insets a shape sets itself, None where it inherits them."""
    # Missing API: TextFrame.margin_* report the default, not that the shape has none.
    body = shape.element.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")
    values = [None if body is None else body.get(name) for name in _INSETS]
    left, top, right, bottom = (None if v is None else int(v) for v in values)
    return left, top, right, bottom


def new_notes_slide(slide: Any) -> Any:
    """A new notes slide for `slide`, the k-th slide of a deck whose earlier slides each have
    one: the part python-pptx's `slide.notes_slide` makes, named notesSlide<k>.xml up front.

    Missing API: python-pptx 1.0.2 names a new notes slide with `package.next_partname`, which
    walks every part of the package, so a deck's notes cost time quadratic in its slides. With
    notes slides 1 to k-1 there, that walk finds k, the number of the slide's own partname
    (`PackURI.idx`), which PowerPoint uses too. The steps are NotesSlidePart.new's and
    SlidePart._add_notes_slide_part's, in their order, so the saved bytes are the same.
    """
    slide_part = slide.part
    package = slide_part.package
    master_part = package.presentation_part.notes_master_part
    partname = PackURI(f"/ppt/notesSlides/notesSlide{slide_part.partname.idx}.xml")
    notes_part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, package, CT_NotesSlide.new())
    notes_part.relate_to(master_part, RT.NOTES_MASTER)
    notes_part.relate_to(slide_part, RT.SLIDE)
    speed.clone_notes_placeholders(notes_part.notes_slide, master_part)
    slide_part.relate_to(notes_part, RT.NOTES_SLIDE)
    return slide.notes_slide


def set_alt_text(shape: Any, descr: str) -> None:
    """Set a shape's alt text (PowerPoint's Alt Text pane, `descr`)."""
    # Missing API: no Shape.descr (python-pptx writes a picture's file name there).
    shape.element.xpath("./*[1]/p:cNvPr")[0].set("descr", descr)


def no_theme_effect(shape: Any) -> None:
    """Point a shape's style at no theme effect, so no renderer adds the theme's shadow."""
    # Missing API: python-pptx cannot edit `p:style`; LibreOffice (7.4) draws the effectRef's
    # shadow (under the text of an unfilled shape) even when `a:effectLst` is empty.
    for ref in shape.element.xpath("./p:style/a:effectRef"):
        ref.set("idx", "0")


def mark_decorative(shape: Any) -> None:
    """Mark a shape decorative (PowerPoint 365's Alt Text > Mark as decorative): screen
    readers skip it."""
    # Missing API: python-pptx has no decorative flag; it is an extension of cNvPr.
    props = shape.element.xpath("./*[1]/p:cNvPr")[0]
    props.set("descr", "")
    ext_list = _child(props, "a:extLst")
    ext = _child(ext_list, "a:ext", uri=DECORATIVE_URI)
    flag = etree.SubElement(ext, f"{{{DECORATIVE_NS}}}decorative", nsmap={"adec": DECORATIVE_NS})
    flag.set("val", "1")


def set_paragraph_properties(
    paragraph: Any,
    left: int,
    indent: int,
    align: str,
    level: int,
    before: int,
    marker: str | None,
    font: str,
    start: int,
    colour: str,
) -> None:
    """Give a paragraph explicit properties: margin and hanging indent (EMU), alignment
    ("l", "ctr", "r"; "" keeps the layout's), level, 100% line spacing, space before
    (centipoints) and a bullet in `font` and `colour`, a number from `start`, or no marker.

    The spacing the plan measured with goes into the same element, built once per look and
    copied: the API's setters each search and reorder it, several times slower for a deck's
    ~1,000 paragraphs.
    """
    # Missing API: no paragraph indent or bullet properties (ParagraphFormat has neither).
    properties = copy.copy(
        _paragraph_template(left, indent, align, level, before, marker, font, start, colour)
    )
    old = paragraph._p.pPr
    if old is None:
        paragraph._p.insert(0, properties)
    else:
        paragraph._p.replace(old, properties)


@functools.lru_cache(maxsize=1024)
def _paragraph_template(
    left: int,
    indent: int,
    align: str,
    level: int,
    before: int,
    marker: str | None,
    font: str,
    start: int,
    colour: str,
) -> Any:
    properties = OxmlElement("a:pPr")
    properties.set("marL", str(left))
    properties.set("indent", str(indent))
    if align:  # else the layout's
        properties.set("algn", align)
    if level:
        properties.set("lvl", str(level))
    _child(_child(properties, "a:lnSpc"), "a:spcPct", val="100000")
    _child(_child(properties, "a:spcBef"), "a:spcPts", val=str(before))
    if marker == "bullet":
        if colour:
            _child(_child(properties, "a:buClr"), "a:srgbClr", val=colour.lstrip("#").upper())
        if font:
            _child(properties, "a:buFont", typeface=font)
        _child(properties, "a:buChar", char="\u2022")
    elif marker == "number":
        _child(properties, "a:buFont", typeface="+mj-lt")
        _child(properties, "a:buAutoNum", type="arabicPeriod", startAt=str(start))
    else:
        _child(properties, "a:buNone")
    return properties


def remove_shape(shape: Any) -> None:
    """Take a shape off its slide (an unused layout placeholder)."""
    # Missing API: no Shape.delete().
    shape.element.getparent().remove(shape.element)


def move_shape(shape: Any, position: int) -> None:
    """Move a shape to `position` in its slide's shape tree (its reading order)."""
    # Missing API: shapes cannot be reordered (z-order is reading order).
    tree = shape.element.getparent()
    tree.remove(shape.element)
    tree.insert(position, shape.element)


def renumber_shapes(slide: Any) -> None:
    """Number a slide's shapes 2, 3, ... in document order (the group itself is 1)."""
    # Missing API: shape ids are read-only; moved shapes keep ids out of reading order.
    for number, c_nv_pr in enumerate(slide.shapes._spTree.iter(qn("p:cNvPr")), start=1):
        c_nv_pr.set("id", str(number))


def drop_template_slides(prs: Any) -> None:
    """Remove the template's own slides; saving leaves out the parts only they used."""
    # Missing API: no Slides.remove().
    id_list = prs.slides._sldIdLst
    for slide_id in list(id_list):
        prs.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)


def brand_theme(part: Any, colours: Mapping[str, str], font: str) -> None:
    """Set the organisation's colours and font in a theme part."""
    # Missing API: no theme API (a template's theme is bytes, a new notes master's an element).
    own = getattr(part, "_element", None)
    root = parse_xml(part.blob) if own is None else own
    scheme = root.find(f"{qn('a:themeElements')}/{qn('a:clrScheme')}")
    for slot, colour in THEME_SLOTS.items():
        element = scheme.find(qn(f"a:{slot}")) if scheme is not None else None
        if element is not None:
            for old in list(element):
                element.remove(old)
            _child(element, "a:srgbClr", val=colours[colour].lstrip("#").upper())
    fonts = root.find(f"{qn('a:themeElements')}/{qn('a:fontScheme')}")
    if fonts is not None:
        for latin in fonts.iter(qn("a:latin")):
            latin.set("typeface", font)
    if own is None:
        part.blob = _serialise(root)


def _serialise(root: Any) -> bytes:
    return bytes(etree.tostring(root, encoding="UTF-8", standalone=True))


def default_language(prs: Any) -> None:
    """Make en-GB the presentation's default text language."""
    # Missing API: no access to the presentation's p:defaultTextStyle.
    presentation = prs.part._element
    style = presentation.find(qn("p:defaultTextStyle"))
    if style is None:
        style = _child(presentation, "p:defaultTextStyle")
        anchor = next(
            (e for e in (presentation.find(qn(t)) for t in _BEFORE_TEXT_STYLE) if e is not None),
            None,
        )
        if anchor is not None:
            anchor.addnext(style)
    default = style.find(qn("a:defPPr"))
    if default is None:
        default = OxmlElement("a:defPPr")
        style.insert(0, default)
    if default.find(qn("a:defRPr")) is None:
        _child(default, "a:defRPr")
    for run_props in style.iter(qn("a:defRPr")):
        run_props.set("lang", LANG)


def positive_axis_ids(chart: Any, base: int = 500000001) -> None:
    """Renumber a chart's axis ids from `base` (python-pptx writes negative ones)."""
    # Missing API: axis ids are not exposed; the strict schema wants unsignedInt.
    numbers: dict[str, str] = {}
    for element in chart._chartSpace.iter(qn("c:axId"), qn("c:crossAx")):
        value = element.get("val", "")
        numbers.setdefault(value, str(base + len(numbers)))
        element.set("val", numbers[value])


def add_title(slide: Any) -> None:
    """Give a slide a title placeholder of its own (its layout has none)."""
    # Missing API: shapes can only clone a layout's placeholders, not add one.
    title = parse_xml(
        '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
        '<p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr/>'
        "<p:txBody><a:bodyPr/><a:lstStyle/><a:p/></p:txBody></p:sp>"
    )
    slide.shapes._spTree.insert_element_before(title, "p:extLst")


def name_slide(slide: Any, name: str, *, hidden: bool = False) -> None:
    """Write the kit's slide id as the slide's name (p:cSld/@name) and, for `hidden`, hide
    the slide in the slide show (p:sld/@show="0")."""
    # Missing API: Slide.name is read-only and slides have no hidden property.
    slide.element.cSld.set("name", name)
    if hidden:
        slide.element.set("show", "0")
