"""Headers and footers: their parts, the logo picture and organisation name, credit and pages.

Owns header and footer parts (made, related and referenced from a section) and inline
pictures; which section gets which is `_docx.py`'s, the paragraphs' XML `_docx_text.py`'s.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import TYPE_CHECKING, Any

from compassion_kit.render._docx_text import (
    XML_SPACE,
    add_run,
    add_tab_stop,
    paragraph_properties,
    set_style,
)
from compassion_kit.render._docx_xml import element, get_or_place, place, sub
from compassion_kit.render._ns import qn
from compassion_kit.render._opc import RT, parse

if TYPE_CHECKING:
    from compassion_kit.logo import Logo
    from compassion_kit.render._docx_xml import Draft

LOGO_HEIGHT = 567  # 1 cm: legible, and with the name below it the header fits the top margin
LOGO_MAX_WIDTH = 3402  # 6 cm: very wide lockups are scaled down, never stretched
LOGO_CLEAR_SPACE = 0.25  # of the logo's height: the gap kept free of text around it
EMU_PER_TWIP = 635
_TYPES = "application/vnd.openxmlformats-officedocument.wordprocessingml."
R_ID = qn("r:id")
# The root python-docx 1.2 gives new headers and footers (its default-header.xml), kept so
# the parts stay as they were when python-docx wrote them.
_ROOT = (
    '<w:{tag} xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:mo="http://schemas.microsoft.com/office/mac/office/2008/main" '
    'xmlns:mv="urn:schemas-microsoft-com:mac:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="w14 wp14"><w:p/></w:{tag}>'
)
# An inline picture as Word (and python-docx) writes it; docPr ids are numbered by `finish`.
_INLINE = (
    '<wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="0" name=""/><wp:cNvGraphicFramePr>'
    '<a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic>'
    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
    '<pic:nvPicPr><pic:cNvPr id="0" name="image.png"/><pic:cNvPicPr/></pic:nvPicPr>'
    '<pic:blipFill><a:blip r:embed="{r_id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
    '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
    '<a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>'
)


def add_header(draft: Draft, sect_pr: Any, logo: Logo | None) -> None:
    """A header of its own for section `sect_pr`: the logo, then the organisation's name."""
    part, root = _new_part(draft, sect_pr, "header")
    paragraph = root[0]
    set_style(paragraph, draft.style_id("Header"))
    name = draft.brand.organisation.name
    if logo is None:
        add_run(paragraph, name)
        return
    # NHS identity: nothing inside the logo's clear space, so the logo has the line to
    # itself and the name follows on its own line, a clear-space gap below it.
    width, height = logo_size(logo)
    add_picture(draft, part, paragraph, logo.png, (width, height), logo.alt, "Organisation logo")
    below = sub(root, "w:p")
    set_style(below, draft.style_id("Header"))
    gap = round(height * LOGO_CLEAR_SPACE)
    get_or_place(paragraph_properties(below), "w:spacing", before=str(gap))
    add_run(below, name)


def logo_size(logo: Logo) -> tuple[int, int]:
    """Width and height in twips: 1 cm high, no wider than 6 cm, aspect ratio kept."""
    ratio = logo.width_px / max(logo.height_px, 1)
    height = LOGO_HEIGHT
    if height * ratio > LOGO_MAX_WIDTH:
        height = round(LOGO_MAX_WIDTH / ratio)
    return round(height * ratio), height


def add_footer(draft: Draft, sect_pr: Any, credit: str) -> None:
    """A footer of its own for section `sect_pr`: the credit, then "Page N of M"."""
    _, root = _new_part(draft, sect_pr, "footer")
    pages = root[0]
    set_style(pages, draft.style_id("Footer"))
    # The page number sits at the right margin on the credit's last line, saving a line.
    add_tab_stop(pages, draft.width, "right")
    add_run(pages, f"Source: {credit}\tPage ")
    _add_field(pages, "PAGE", "1")
    add_run(pages, " of ")
    _add_field(pages, "NUMPAGES", "1")


def _new_part(draft: Draft, sect_pr: Any, kind: str) -> tuple[str, Any]:
    """A new header or footer part holding one empty paragraph, referenced by `sect_pr`."""
    package = draft.package
    part = package.free_name(f"word/{kind}%d.xml")
    root = copy.deepcopy(_empty_part(kind))
    package.put(part, root, f"{_TYPES}{kind}+xml")
    r_id = package.rels(draft.parts.document).add(RT + kind, part)
    reference = place(sect_pr, element(f"w:{kind}Reference", type="default"))
    reference.set(R_ID, r_id)
    return part, root


@cache
def _empty_part(kind: str) -> Any:
    """An empty header or footer, parsed once and copied for each new part."""
    return parse(_ROOT.format(tag="hdr" if kind == "header" else "ftr").encode())


def add_picture(
    draft: Draft, part: str, p: Any, png: bytes, size: tuple[int, int], alt: str, name: str
) -> None:
    """Append a run holding an inline PNG picture `size` (twips) to paragraph `p` of `part`.

    `alt` is the picture's text alternative (wp:docPr descr) and `name` its name in Word's
    selection pane; the image is a picture part (one per distinct picture), related from `part`.
    """
    r_id = draft.package.add_picture(part, png, "word/media")
    cx, cy = (length * EMU_PER_TWIP for length in size)
    inline = parse(_INLINE.format(cx=cx, cy=cy, r_id=r_id).encode())
    doc_pr = inline[1]
    doc_pr.set("name", name)
    doc_pr.set("descr", alt)
    sub(sub(p, "w:r"), "w:drawing").append(inline)


def _add_field(p: Any, instruction: str, placeholder: str) -> None:
    """A complex field (begin/instr/separate/result/end), as Word itself writes PAGE fields."""
    sub(sub(p, "w:r"), "w:fldChar", fldCharType="begin")
    instr = sub(sub(p, "w:r"), "w:instrText")
    instr.set(XML_SPACE, "preserve")
    instr.text = f" {instruction} "
    sub(sub(p, "w:r"), "w:fldChar", fldCharType="separate")
    add_run(p, placeholder)
    sub(sub(p, "w:r"), "w:fldChar", fldCharType="end")
