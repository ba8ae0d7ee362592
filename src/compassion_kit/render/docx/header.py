"""The header of a branded Word document: the organisation's logo and name.

Owns what the header shows and the logo's size; which headers a section has, and footers,
are `document.py`'s.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from docx.shared import Twips

from compassion_kit.render.docx import oxml, oxml_template
from compassion_kit.render.docx.text import add_run
from compassion_kit.render.plan.deck_fit import text_width

if TYPE_CHECKING:
    from docx.section import _Header

    from compassion_kit.logo import Logo
    from compassion_kit.render.docx.document import Draft

# 1 cm: legible, and with the name below it the header fits the top margin. Never less: a
# wide lockup grows wider instead, up to the text width (only beyond 17:1 on A4 is it shrunk).
LOGO_HEIGHT = 567
HEADER_POINTS = 12  # the template's Header style size, for measuring the name
LOGO_CLEAR_SPACE = 0.25  # of the logo's height: the gap kept free of text around it


def fill_header(draft: Draft, header: _Header, logo: Logo | None) -> None:
    """The logo, then the organisation's name on its own line (NHS identity: nothing inside the
    logo's clear space), right-aligned by the Header style.

    A template's header keeps what it has and gets only what it lacks: no logo when it
    shows a picture already, no name when it has text of its own.
    """
    header.is_linked_to_previous = False
    has_text = bool(oxml_template.text_of(header).strip())
    if logo is not None and oxml_template.has_picture(header):
        logo = None  # the letterhead shows its own: never two logos
    if logo is None and has_text:
        return
    blank = oxml_template.is_blank(header) and header.paragraphs
    paragraph = header.paragraphs[0] if blank else header.add_paragraph()
    oxml.set_style_id(paragraph, draft.style_id("Header"))
    name = header_name(draft.brand.organisation.name, draft.width)
    if logo is None:
        add_run(paragraph, name)
        return
    width, height = logo_size(logo, draft.width)
    picture = paragraph.add_run().add_picture(
        io.BytesIO(logo.png), width=Twips(width), height=Twips(height)
    )
    oxml.describe_picture(picture, "Organisation logo", logo.alt)
    if has_text:
        return
    below = header.add_paragraph()
    oxml.set_style_id(below, draft.style_id("Header"))
    below.paragraph_format.space_before = Twips(round(height * LOGO_CLEAR_SPACE))
    add_run(below, name)


def header_name(name: str, width: int) -> str:
    """The organisation's name as the header prints it: a bilingual name ("Welsh / English",
    either order) too long for one line of `width` twips goes on two lines, one per language
    (never wrapped inside either); a name that fits stays on one line, so the header keeps
    its height and every page its room."""
    if text_width(name, HEADER_POINTS) * 20 <= width:
        return name
    return "\n".join(part.strip() for part in name.split(" / ") if part.strip()) or name


def logo_size(logo: Logo, text_width: int) -> tuple[int, int]:
    """Width and height in twips, aspect ratio kept: 1 cm high (a wide lockup is not shrunk
    to a sliver), scaled down only when it would be wider than `text_width`."""
    ratio = logo.width_px / max(logo.height_px, 1)
    if LOGO_HEIGHT * ratio > text_width:
        return text_width, round(text_width / ratio)
    return round(LOGO_HEIGHT * ratio), LOGO_HEIGHT
