"""The shared Word foundation: a branded document on the template, its sections, and saving it.

Owns page setup, branding the styles, headers (logo, organisation) and footers (credit, page
numbers), sections and saving; paragraphs are `text.py`'s, tables `table.py`'s, what goes on
the page the agenda, worksheet and handout writers'.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Length, RGBColor, Twips

from compassion_kit.render.docx import oxml, oxml_template
from compassion_kit.render.docx.header import fill_header
from compassion_kit.render.docx.template import open_template, template_style_ids
from compassion_kit.render.docx.text import add_paragraph
from compassion_kit.render.finish import save_finished
from compassion_kit.render.plan.page import COLUMN_GAP, PAPER, SIDE_MARGIN
from compassion_kit.render.plan.words import short_title

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from docx.document import Document
    from docx.section import Section, _Footer

    from compassion_kit.logo import Logo
    from compassion_kit.profile import Brand
    from compassion_kit.render.plan.printing import PrintRequest

HEADING_STYLES = ("Heading 1", "Heading 2", "Heading 3")  # coloured with the brand primary
FIGURE_STYLES = ("Figure Value", "Figure Value Small", "Figure Number")  # ... the secondary
LANGUAGE = "en-GB"
TOOL = "compassion-kit"  # author and last editor in the core properties
PRINTABLE_EDGE = 340  # 6 mm: the least a template's header or footer keeps from the edge


@dataclass(eq=False)
class Draft:
    """A Word document being written: the python-docx document, the brand, the text width
    (twips) and its styles by the name Word shows, looked up once per document."""

    document: Document
    brand: Brand
    width: int
    styles: dict[str, Any]  # python-docx style objects (paragraph, character, table)
    ids: dict[str, str | None]
    controls: int = 0  # content controls so far, for their unique ids
    # A template's own footers (default, even pages) by kind: a copy of their blocks and the
    # footer they came from, put again in each later section's footer before its credit.
    footers: dict[str, tuple[list[Any], _Footer]] = field(default_factory=dict)
    # "Page N of M" (one item in the document) or "Page N" counted within each item, see
    # `print_run`.
    page_total: bool = True

    def style_id(self, name: str) -> str | None:
        """The id of style `name`, None for the default paragraph style (Normal)."""
        try:
            return self.ids[name]
        except KeyError:
            raise KeyError(f"no style named {name!r} in the Word document") from None

    def next_control_id(self) -> int:
        """A content-control id not used before in this document (1, 2, ...)."""
        self.controls += 1
        return self.controls


def new_document(
    brand: Brand,
    logo: Logo | None,
    credit: str,
    template: Path | None = None,
    page_total: bool = True,
) -> Draft:
    """A blank branded document on `template` (default: the bundled one).

    On the bundled template: A4 or Letter, the brand's font, en-GB, heading and figure
    colours, logo and organisation name top right, `credit` and "Page N of M" in the footer
    ("Page N" without `page_total`: numbers restart with each item, see `start_section`).
    On another template, its page setup, fonts, styles, headers and footers are kept: the
    brand colours go only on the styles it lacked, and the logo, name, credit and page
    numbers only where its headers and footers do not already have them (each of them, when
    the template has a distinct first page or even pages, see `_header_kinds`).

    Raises:
        ContentError: the template cannot be read.
    """
    document, copied = open_template(template)
    styles = {style.name: style for style in document.styles if style.name is not None}
    ids = template_style_ids(template)
    draft = Draft(document, brand, 0, styles, ids, page_total=page_total)
    section = document.sections[0]
    if template is None:
        _brand_styles(draft, brand.organisation.font, HEADING_STYLES + FIGURE_STYLES)
        width, height = PAPER[brand.organisation.paper]
        section.page_width, section.page_height = Twips(width), Twips(height)
        section.left_margin = section.right_margin = Twips(SIDE_MARGIN)
        draft.width = width - 2 * SIDE_MARGIN
    else:
        _brand_styles(draft, None, tuple(copied))
        for edge in ("header_distance", "footer_distance"):  # printers leave the edge blank
            if (getattr(section, edge) or 0) < Twips(PRINTABLE_EDGE):
                setattr(section, edge, Twips(PRINTABLE_EDGE))
        margins = (section.left_margin or 0) + (section.right_margin or 0) + (section.gutter or 0)
        draft.width = Length((section.page_width or 0) - margins).twips
    for kind in _header_kinds(draft, section):
        fill_header(draft, getattr(section, HEADERS[kind]), logo)
        footer = getattr(section, FOOTERS[kind])
        footer.is_linked_to_previous = False
        if kind != "first" and not oxml_template.is_blank(footer):
            draft.footers[kind] = (oxml_template.blocks_of(footer), footer)
        _fill_footer(draft, footer, credit)
    return draft


HEADERS = {"default": "header", "first": "first_page_header", "even": "even_page_header"}
FOOTERS = {"default": "footer", "first": "first_page_footer", "even": "even_page_footer"}


def _header_kinds(draft: Draft, section: Section) -> list[str]:
    """The headers and footers a page of `section` can show: the default ones, the first
    page's when the template sets a distinct first page (w:titlePg), the even pages' when
    it sets distinct odd and even pages."""
    kinds = ["default"]
    if section.different_first_page_header_footer:
        kinds.append("first")
    if draft.document.settings.odd_and_even_pages_header_footer:
        kinds.append("even")
    return kinds


def _brand_styles(draft: Draft, font: str | None, names: Sequence[str]) -> None:
    """The organisation's font everywhere (None: the template's fonts stay), its colours on
    the headings and key figures among `names`."""
    org = draft.brand.organisation
    if font is None:
        oxml_template.language_default(draft.document, LANGUAGE)
    else:
        oxml.document_defaults(draft.document, font, LANGUAGE)
    colours = org.colours
    # Text colours: the brand colour, or its darker shade when the colour is too light for text.
    texts = ((HEADING_STYLES, colours.primary_text), (FIGURE_STYLES, colours.secondary_text))
    for styles, colour in texts:
        for name in styles:
            if name in names:
                rgb = RGBColor.from_string(colour.lstrip("#").upper())
                draft.styles[name].font.color.rgb = rgb


def _fill_footer(draft: Draft, footer: _Footer, credit: str) -> None:
    """The credit, then "Page N of M" at the right margin on the credit's last line.

    A template's footer keeps what it has: the credit becomes a paragraph after it (unless
    it says it already), without page numbers when the footer numbers pages itself.
    """
    text = f"Source: {credit}"
    if text in oxml_template.text_of(footer):
        return
    blank = oxml_template.is_blank(footer) and footer.paragraphs
    paragraph = footer.paragraphs[0] if blank else footer.add_paragraph()
    oxml.set_style_id(paragraph, draft.style_id("Footer"))
    if not blank and oxml_template.has_field(footer, "PAGE"):
        paragraph.add_run(text)
        return
    stops = paragraph.paragraph_format.tab_stops
    style = draft.styles["Footer"]
    while style is not None:  # a template's centre stop (its own or inherited) takes the tab
        for stop in style.paragraph_format.tab_stops:
            if stop.position < Twips(draft.width):
                stops.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
        style = style.base_style
    stops.add_tab_stop(Twips(draft.width), WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run(f"{text}\tPage ")
    oxml.add_field(paragraph, "PAGE", "1")
    if draft.page_total:
        paragraph.add_run(" of ")
        oxml.add_field(paragraph, "NUMPAGES", "1")


def start_section(
    draft: Draft, credit: str | None = None, new_page: bool = True, columns: int = 1
) -> None:
    """End the current section and start another.

    With `new_page` (each printed item) the section starts a page and, when `credit` is
    given, gets its own footer with that credit; the header is shared. Otherwise it
    continues on the same page (used to switch to `columns` newspaper columns and back).
    The break rides on the last paragraph when there is one, so no blank line is added
    that could push a one-page item onto a second page.
    """
    last = oxml.last_open_paragraph(draft.document)
    if last is None:
        last = add_paragraph(draft, style="Spacer")
        last.paragraph_format.keep_with_next = False
    # Each item counts its own pages, so a photocopied sheet never shows another's count.
    restart = new_page and not draft.page_total
    oxml.end_section_on(last, new_page, columns, COLUMN_GAP, restart)
    if new_page and credit is not None:
        section = draft.document.sections[-1]
        for kind in _header_kinds(draft, section):
            footer = getattr(section, FOOTERS[kind])
            footer.is_linked_to_previous = False
            if kind in draft.footers:
                oxml_template.copy_blocks(*draft.footers[kind], footer)
            _fill_footer(draft, footer, credit)


class Printed(Protocol):
    """A worksheet sheet or handout page: it starts a page, and credits its source below."""

    @property
    def credit(self) -> str: ...


_Item = TypeVar("_Item", bound=Printed)


def print_run(
    request: PrintRequest, title: str, items: Sequence[_Item], write: Callable[[Draft, _Item], None]
) -> bytes:
    """One document holding `items`, each from a new page with its own credit in the footer.

    With one item the footer says "Page N of M"; with more, "Page N", counted within the item
    (LibreOffice 7.4 prints Word's SECTIONPAGES as the document's count, so no total).

    `write` puts one item on its pages; `title` becomes the document's title (see `finish`).
    """
    draft = new_document(
        request.brand, request.logo, items[0].credit, request.template, len(items) == 1
    )
    for index, item in enumerate(items):
        if index:
            start_section(draft, credit=item.credit)
        write(draft, item)
    return finish(draft, title)


def finish(draft: Draft, title: str) -> bytes:
    """The document's bytes, identical for identical input: title (cut by `short_title`),
    author, en-GB and revision 1 in the core properties, then `save_finished` (dates, zip
    order and times, unique picture ids)."""
    properties = draft.document.core_properties
    properties.title = short_title(title)
    properties.author = TOOL
    properties.last_modified_by = TOOL
    properties.revision = 1
    properties.language = LANGUAGE
    return save_finished(draft.document)
