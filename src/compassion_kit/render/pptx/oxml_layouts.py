"""What python-pptx 1.0.2 has no API for in reading and cleaning a template's layouts.

Owns reaches below python-pptx's public API for layouts and parts taken from a template;
each function names the API it stands in for. The deck writer's own reaches are `oxml.py`'s.
"""

from __future__ import annotations

import copy
from typing import Any

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn


def layout_type(layout: Any) -> str:
    """A slide layout's OOXML type (title, obj, secHead, twoObj, titleOnly, blank...)."""
    # Missing API: no SlideLayout.type.
    return str(layout.element.get("type") or "cust")


def shows_master_shapes(layout: Any) -> bool:
    """Whether a layout shows its master's shapes (pictures, logos, bands)."""
    # Missing API: no SlideLayout.show_master_shapes.
    return layout.element.get("showMasterSp") not in ("0", "false")


def drop_references(part: Any, rel_ids: list[str]) -> None:
    """Remove from a part what uses the relationships `rel_ids`: a picture whose image is
    linked goes, a hyperlink goes (its text stays), any other reference attribute goes."""
    # Missing API: python-pptx cannot remove shapes, hyperlinks or relationship references.
    wanted = set(rel_ids)
    links = (qn("a:hlinkClick"), qn("a:hlinkHover"))
    for element in list(part._element.iter()):
        for attribute in (qn("r:id"), qn("r:link"), qn("r:embed")):
            if element.get(attribute) not in wanted:
                continue
            picture = next(iter(element.iterancestors(qn("p:pic"))), None)
            doomed = picture if element.tag == qn("a:blip") else None
            doomed = element if element.tag in links else doomed
            if doomed is not None and doomed.getparent() is not None:
                doomed.getparent().remove(doomed)
            else:
                del element.attrib[attribute]


def copy_footers(slide: Any, layout: Any) -> None:
    """Give the slide its layout's footer (when it has text) and slide-number placeholders,
    as PowerPoint does when "Footer" and "Slide number" are ticked; dates stay off."""
    # Missing API: python-pptx clones only title, body and object placeholders
    # (`iter_cloneable_placeholders` skips dt, ftr and sldNum).
    wanted = []
    for placeholder in layout.placeholders:
        kind = placeholder.element.ph_type
        text = placeholder.text_frame.text.strip() if placeholder.has_text_frame else ""
        if kind == PP_PLACEHOLDER.SLIDE_NUMBER or (kind == PP_PLACEHOLDER.FOOTER and text):
            wanted.append(copy.deepcopy(placeholder.element))
    for element in wanted:
        for props in element.iter(qn("a:rPr"), qn("a:endParaRPr")):
            props.set("lang", "en-GB")  # the deck's language, not the template author's
        slide.shapes._spTree.insert_element_before(element, "p:extLst")
