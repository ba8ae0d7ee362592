"""What python-pptx 1.0.2 has no API for, in one place: alt text, deleting a shape, legend
entries and the theme's colours and fonts, each reached through the library's own elements.

Owns only these XML edits for the feedback deck; the slides themselves are `feedback.py`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

if TYPE_CHECKING:
    from pptx.presentation import Presentation as Deck

    from compassion_kit.model import Organisation

THEME_SLOTS = {
    "accent1": "primary",
    "accent2": "secondary",
    "accent3": "accent",
    "hlink": "primary_text",  # links are text: the text shade of the primary colour
}


def describe(shape: Any, alt: str) -> None:
    # No alt-text API (scanny/python-pptx#512): set cNvPr/@descr.
    shape._element.xpath("./*[1]/p:cNvPr")[0].set("descr", alt)


def remove(shape: Any) -> None:
    # No API to delete a shape: an unused placeholder would show "Click to add text".
    element = shape._element
    element.getparent().remove(element)


def hide_legend_entries(chart: Any, indexes: list[int]) -> None:
    # No API for c:legendEntry: the second half of a split middle answer stays out of the legend.
    legend = chart.legend._element
    anchor = legend.find(qn("c:legendPos"))
    for index in reversed(indexes):
        entry = legend.makeelement(qn("c:legendEntry"), {})
        entry.append(legend.makeelement(qn("c:idx"), {"val": str(index)}))
        entry.append(legend.makeelement(qn("c:delete"), {"val": "1"}))
        if anchor is not None:
            anchor.addnext(entry)
        else:
            legend.insert(0, entry)


def brand_theme(deck: Deck, org: Organisation) -> None:
    # No theme API (the theme is an opaque part): the organisation's colours and font set in it.
    from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

    part = deck.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    scheme = root.find(f"{qn('a:themeElements')}/{qn('a:clrScheme')}")
    for slot, name in THEME_SLOTS.items():
        element = scheme.find(qn(f"a:{slot}"))
        for old in list(element):
            element.remove(old)
        etree.SubElement(element, qn("a:srgbClr"), val=getattr(org.colours, name).lstrip("#"))
    for latin in root.iter(qn("a:latin")):
        if latin.getparent().tag in (qn("a:majorFont"), qn("a:minorFont")):
            latin.set("typeface", org.font)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def unsigned_axis_ids(chart: Any) -> None:
    # No API for axis ids: python-pptx 1.0.2 writes negative c:axId/c:crossAx values, which
    # the schema (xsd:unsignedInt) refuses; each is mapped to the same unsigned value.
    for element in chart._chartSpace.xpath(".//c:axId | .//c:crossAx"):
        element.set("val", str(int(element.get("val")) & 0x7FFFFFFF))


def read_after(shape: Any, anchor: Any) -> None:
    # No z-order API: screen readers follow spTree order, so the logo (top right) is moved
    # to be read straight after the title (top left) instead of last.
    anchor._element.addnext(shape._element)
