"""The shared Word foundation: a branded, accessible document from the template, and saving it.

Owns page setup, branding the template's styles and sections; the template itself is
`_docx_template.py`'s, headers and footers `_docx_header.py`'s, paragraphs and lists
`_docx_text.py`'s, tables `_docx_table.py`'s, tick boxes `_docx_ticks.py`'s (all writing into
a `_docx_xml.Draft`), saving `_docx_save.py`'s; what goes on the page belongs to agenda.py,
worksheet.py and handout.py. No python-docx: importing it costs more than writing a document.

API (all lengths in twips, 1/1440 inch; colours as #RRGGBB):
    PrintRequest                 what the build layer asks worksheet/handout renderers for
    new_document(brand, logo, title, credit) -> Draft
                                 A4 (or Letter) page, brand font and heading colours, en-GB,
                                 logo + organisation name top right, credit + "Page N of M" below
    start_section(draft, credit=None, new_page=True, columns=1)
                                 begin the next item on a new page (own footer credit), or a
                                 continuous part with newspaper columns
    print_run(request, title, items, write) -> bytes
                                 one document of sheets or handouts, each from a new page,
                                 saved by `_docx_save.finish`
    text_width_for(paper)        the text width on a paper size, for plans
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from compassion_kit.render._docx_header import add_footer, add_header
from compassion_kit.render._docx_save import finish
from compassion_kit.render._docx_template import load_template, template_path
from compassion_kit.render._docx_text import add_paragraph, keep_with_next, paragraph_properties
from compassion_kit.render._docx_xml import PPR, Draft, get_or_place, place, w

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from compassion_kit.logo import Logo
    from compassion_kit.model import Handout, Worksheet
    from compassion_kit.profile import Brand


HEADING_STYLES = ("Heading 1", "Heading 2", "Heading 3")  # coloured with the brand primary
FIGURE_STYLES = (
    "Figure Value",
    "Figure Value Small",
    "Figure Number",
)  # coloured with the brand secondary
PAPER = {"A4": (11906, 16838), "Letter": (12240, 15840)}  # w:pgSz in twips, portrait
SIDE_MARGIN = 1134  # 2 cm left and right: the KIT019 minimum, and room for 60-70 characters
COLUMN_GAP = 567  # 1 cm between newspaper columns


@dataclass(frozen=True)
class PrintRequest:
    """What to print: worksheets or handouts, one per page run, in the organisation's brand.

    `team` and `date` are printed on worksheets when given. `audience="facilitator"` adds each
    worksheet's facilitator-only blocks on a sheet of their own after the participant sheet.
    """

    items: tuple[Worksheet, ...] | tuple[Handout, ...]
    brand: Brand
    logo: Logo | None
    team: str | None = None
    date: str | None = None
    audience: str = "participant"


def new_document(brand: Brand, logo: Logo | None, title: str, credit: str) -> Draft:
    """A blank branded document from the template, with header and footer filled in.

    `title` is not printed (renderers add their own Heading 1); it is used for nothing
    until `finish`, which records it as dc:title. `credit` is printed in the footer.

    Raises:
        ContentError: the template is unreadable or lacks a style in STYLE_NAMES.
    """
    template = load_template(template_path())
    width, height = PAPER[brand.organisation.paper]
    draft = Draft(
        template.package.copy(),
        template.parts,
        brand,
        dict(template.styles),
        width - 2 * SIDE_MARGIN,
    )
    _brand_styles(draft)
    sect_pr = draft.body[-1]
    get_or_place(sect_pr, "w:pgSz", w=str(width), h=str(height))
    get_or_place(sect_pr, "w:pgMar", left=str(SIDE_MARGIN), right=str(SIDE_MARGIN))
    add_header(draft, sect_pr, logo)
    add_footer(draft, sect_pr, credit)
    return draft


def _brand_styles(draft: Draft) -> None:
    """The organisation's font everywhere, its colours on headings and key figures."""
    org = draft.brand.organisation
    root = draft.package.xml(draft.parts.styles)
    fonts = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}")
    assert fonts is not None, "template docDefaults lost its w:rFonts"
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(w(attr), org.font)
    by_id = {style.get(w("styleId")): style for style in root.iterfind(w("style"))}
    for names, colour in (
        (HEADING_STYLES, org.colours.primary),
        (FIGURE_STYLES, org.colours.secondary),
    ):
        for name in names:
            r_pr = get_or_place(by_id[draft.style_id(name)], "w:rPr")
            get_or_place(r_pr, "w:color", val=colour.lstrip("#").upper())


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
    sentinel = draft.body[-1]
    last = sentinel.getprevious()
    if last is None or last.tag != w("p") or last.find(f"{PPR}/{w('sectPr')}") is not None:
        last = add_paragraph(draft, style="Spacer")
        keep_with_next(last, False)
    ended = copy.deepcopy(sentinel)
    ended.attrib.clear()
    place(paragraph_properties(last), ended)
    references = (w("headerReference"), w("footerReference"))
    for reference in [child for child in sentinel if child.tag in references]:
        sentinel.remove(reference)
    get_or_place(sentinel, "w:type", val="nextPage" if new_page else "continuous")
    get_or_place(sentinel, "w:cols", num=str(columns), space=str(COLUMN_GAP))
    if new_page and credit is not None:
        add_footer(draft, sentinel, credit)


class Printed(Protocol):
    """A worksheet sheet or handout page: it starts a page, and credits its source below."""

    @property
    def credit(self) -> str: ...


_Item = TypeVar("_Item", bound=Printed)


def print_run(
    request: PrintRequest, title: str, items: Sequence[_Item], write: Callable[[Draft, _Item], None]
) -> bytes:
    """One document holding `items`, each from a new page with its own credit in the footer.

    `write` puts one item on its pages; `title` becomes dc:title (see `finish`).
    """
    draft = new_document(request.brand, request.logo, title, items[0].credit)
    for index, item in enumerate(items):
        if index:
            start_section(draft, credit=item.credit)
        write(draft, item)
    return finish(draft, title)


def text_width_for(paper: str) -> int:
    """Twips between the side margins on `paper` ("A4" or "Letter"), for planning."""
    return PAPER[paper][0] - 2 * SIDE_MARGIN
