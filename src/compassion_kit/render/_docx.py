"""The shared Word foundation: a branded, accessible document and the pieces forms are built of.

Owns page setup, styles by name, header/footer, tables, tick boxes and deterministic saving;
what goes on the page belongs to agenda.py, worksheet.py and handout.py.

API (all lengths in twips, 1/1440 inch; colours as #RRGGBB):
    PrintRequest                 what the build layer asks worksheet/handout renderers for
    check_template(path)         raise ContentError naming every style the template lacks
    new_document(brand, logo, title, credit, landscape=False) -> Document
                                 A4 (or Letter) page, brand font and heading colours, en-GB,
                                 logo + organisation name top right, credit + "Page N of M" below
    start_section(document, credit=None, new_page=True, columns=1)
                                 begin the next item on a new page (own footer credit), or a
                                 continuous part with newspaper columns
    text_width(document) -> int  width between the margins of the current section
    add_list(document, items, numbered=False, style=None) -> list[Paragraph]
                                 real Word lists (numbering); numbered lists restart at 1
    add_table(parent, brand, header, rows, widths=None, look=TableLook(), caption=None)
                                 header row marked (w:tblHeader, tblLook firstRow) in brand
                                 colours, rows never split across pages; parent may be a cell
    column_widths(header, rows, total), text_width_for(paper)   pure helpers for plans
    shade_cell(cell, fill), shade_paragraph(paragraph, fill), set_row_height(row, twips)
    mark_header_row(table), keep_together(paragraphs), keep_table_together(table)
    add_checkbox(paragraph, tag, label, checked=False)  Word checkbox content control (w14)
    read_ticks(docx_bytes) -> list[bool], read_tick_answers(docx_bytes) -> dict[str, bool]
    set_alt_text(inline, text, name)
    finish(document, title) -> bytes      core properties, unique ids, normalised zip
    short_title(title)           a title cut to fit dc:title (many items in one document)
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from docx import Document as open_document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, RGBColor, Twips
from docx.table import _Cell as _CellType

from compassion_kit.branding import readable_text_on
from compassion_kit.errors import ContentError, Location, Problem
from compassion_kit.output import build_time, normalise_zip
from compassion_kit.paths import templates_dir

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.shape import CT_Inline
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph

    from compassion_kit.logo import Logo
    from compassion_kit.model import Handout, Worksheet
    from compassion_kit.profile import Brand

TEMPLATE = "document.docx"
# Style names the renderers use; check_template verifies every one before writing.
STYLE_NAMES = (
    "Normal",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Subtitle",
    "List Bullet",
    "List Number",
    "Caption",
    "Header",
    "Footer",
    "Table Text",
    "Table Heading",
    "Prompt",
    "Item Details",
    "Writing Space",
    "Writing Line",
    "Check Item",
    "Scale Labels",
    "Figure Value",
    "Figure Value Small",
    "Figure Caption",
    "Compact Text",
    "Compact Bullet",
    "Table Note",
    "Figure Line",
    "Figure Number",
    "Spacer",
    "Kit Table",
    "Kit Panel",
    "Kit Form",
)
HEADING_STYLES = ("Heading 1", "Heading 2", "Heading 3")  # coloured with the brand primary
FIGURE_STYLES = (
    "Figure Value",
    "Figure Value Small",
    "Figure Number",
)  # coloured with the brand secondary
PAPER = {"A4": (11906, 16838), "Letter": (12240, 15840)}  # w:pgSz in twips, portrait
SIDE_MARGIN = 1134  # 2 cm left and right: the KIT019 minimum, and room for 60-70 characters
CHAR_WIDTH = 125  # an average 12 pt Arial character, in twips, for estimating column widths
CELL_PADDING = 2 * 113 + 40  # Kit Table's left and right cell margins, plus a little air
COLUMN_GAP = 567  # 1 cm between newspaper columns
WRAP_CHARS = 40  # a text column wider than this many characters wastes room for the others
LOGO_HEIGHT = 680  # 1.2 cm: legible in a header without crowding the page
LOGO_MAX_WIDTH = 3402  # 6 cm: very wide lockups are scaled down, never stretched
CHECKBOX_HALF_POINTS = 36  # 18 pt box: about 5 mm, big enough to tick with a pen
UNCHECKED, CHECKED = "\u2610", "\u2612"  # ballot box, ballot box with X
AUTHOR = "compassion-kit"
TITLE_LIMIT = 255  # python-docx refuses longer core properties (and so would Word's dialog)
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Child order the schema requires inside each properties element (ECMA-376 part 1); the
# strict validator rejects anything out of order.
_SEQUENCES = {
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
    "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi "
    "rtlGutter docGrid printerSettings sectPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW "
    "jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
    "tblDescription tblPrChange",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
    "tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
    "tblCellSpacing jc hidden ins del trPrChange",
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
}


def _place(parent: BaseOxmlElement, child: BaseOxmlElement) -> BaseOxmlElement:
    """Insert `child` into a properties element at the position the schema requires."""
    order = _SEQUENCES[parent.tag.split("}")[1]].split()
    later = order[order.index(child.tag.split("}")[1]) + 1 :]
    parent.insert_element_before(child, *(f"w:{name}" for name in later))
    return child


def _get_or_place(parent: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    """The child `tag` of a properties element, created in schema order if missing."""
    found = parent.find(qn(tag))
    return found if found is not None else _place(parent, OxmlElement(tag))


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


def template_path() -> Path:
    """The bundled Word template."""
    return templates_dir() / TEMPLATE


def check_template(path: Path) -> None:
    """Check that the template holds every style in STYLE_NAMES.

    Raises:
        ContentError: naming every missing style at once (or the unreadable file).
    """
    try:
        document = open_document(str(path))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        problem = Problem(f"cannot read the Word template ({exc})", Location(path))
        raise ContentError([problem]) from None
    present = {style.name for style in document.styles}
    missing = [name for name in STYLE_NAMES if name not in present]
    if missing:
        raise ContentError(
            [
                Problem(
                    "the Word template has no style named " + ", ".join(f"'{m}'" for m in missing),
                    Location(path),
                    hint="rebuild it with `python templates/make_docx_template.py`",
                )
            ]
        )


def new_document(
    brand: Brand, logo: Logo | None, title: str, credit: str, landscape: bool = False
) -> Document:
    """A blank branded document from the template, with header and footer filled in.

    `title` is not printed (renderers add their own Heading 1); it is used for nothing
    until `finish`, which records it as dc:title. `credit` is printed in the footer.
    """
    path = template_path()
    check_template(path)
    document = open_document(str(path))
    org = brand.organisation
    _apply_font(document, org.font)
    for name in HEADING_STYLES:
        document.styles[name].font.color.rgb = _rgb(org.colours.primary)
    for name in FIGURE_STYLES:
        document.styles[name].font.color.rgb = _rgb(org.colours.secondary)
    section = document.sections[0]
    width, height = PAPER[org.paper]
    if landscape:
        width, height = height, width
        section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Twips(width), Twips(height)
    section.left_margin = section.right_margin = Twips(SIDE_MARGIN)
    _fill_header(document, brand, logo)
    _fill_footer(document, credit)
    return document


def _apply_font(document: Document, font: str) -> None:
    fonts = document.styles.element.find(
        f"{{{W_NS}}}docDefaults/{{{W_NS}}}rPrDefault/{{{W_NS}}}rPr/{{{W_NS}}}rFonts"
    )
    assert fonts is not None, "template docDefaults lost its w:rFonts"
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), font)


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _fill_header(document: Document, brand: Brand, logo: Logo | None) -> None:
    header = document.sections[0].header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = document.styles["Header"]
    paragraph.add_run(brand.organisation.name)
    if logo is not None:
        paragraph.add_run("  ")
        width, height = _logo_size(logo)
        shape = paragraph.add_run().add_picture(
            io.BytesIO(logo.png), width=Twips(width), height=Twips(height)
        )
        set_alt_text(shape._inline, logo.alt, "Organisation logo")


def _logo_size(logo: Logo) -> tuple[int, int]:
    """Width and height in twips: 1.2 cm high, narrower than 6 cm, aspect ratio kept."""
    ratio = logo.width_px / max(logo.height_px, 1)
    height = LOGO_HEIGHT
    if height * ratio > LOGO_MAX_WIDTH:
        height = round(LOGO_MAX_WIDTH / ratio)
    return round(height * ratio), height


def _fill_footer(document: Document, credit: str) -> None:
    footer = document.sections[-1].footer
    footer.is_linked_to_previous = False
    pages = footer.paragraphs[0]
    pages.style = document.styles["Footer"]
    # The page number sits at the right margin on the credit's last line, saving a line.
    pages.paragraph_format.tab_stops.add_tab_stop(
        Twips(text_width(document)), WD_TAB_ALIGNMENT.RIGHT
    )
    pages.add_run(f"Source: {credit}\tPage ")
    _add_field(pages, "PAGE", "1")
    pages.add_run(" of ")
    _add_field(pages, "NUMPAGES", "1")


def _add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A complex field (begin/instr/separate/result/end), as Word itself writes PAGE fields."""

    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    char("separate")
    paragraph.add_run(placeholder)
    char("end")


def start_section(
    document: Document, credit: str | None = None, new_page: bool = True, columns: int = 1
) -> None:
    """End the current section and start another.

    With `new_page` (each printed item) the section starts a page and, when `credit` is
    given, gets its own footer with that credit; the header is shared. Otherwise it
    continues on the same page (used to switch to `columns` newspaper columns and back).
    The break rides on the last paragraph when there is one, so no blank line is added
    that could push a one-page item onto a second page.
    """
    body = document.element.body
    sentinel = body.get_or_add_sectPr()
    last = sentinel.getprevious()
    if (
        last is None
        or last.tag != qn("w:p")
        or last.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
    ):
        holder = document.add_paragraph(style="Spacer")
        holder.paragraph_format.keep_with_next = False
        paragraph = holder._p
    else:
        paragraph = last
    paragraph.set_sectPr(sentinel.clone())
    for reference in sentinel.xpath("w:headerReference|w:footerReference"):
        sentinel.remove(reference)
    kind = _get_or_place(sentinel, "w:type")
    kind.set(qn("w:val"), "nextPage" if new_page else "continuous")
    cols = _get_or_place(sentinel, "w:cols")
    cols.set(qn("w:num"), str(columns))
    cols.set(qn("w:space"), str(COLUMN_GAP))
    if new_page and credit is not None:
        _fill_footer(document, credit)


def text_width(document: Document) -> int:
    """Twips between the left and right margins of the last section."""
    section = document.sections[-1]
    width = section.page_width or 0
    left = section.left_margin or 0
    right = section.right_margin or 0
    return int(Emu(width - left - right).twips)


def text_width_for(paper: str, landscape: bool = False) -> int:
    """Twips between the side margins on `paper` ("A4" or "Letter"), for planning."""
    width, height = PAPER[paper]
    return (height if landscape else width) - 2 * SIDE_MARGIN


def column_widths(
    header: Sequence[str], rows: Sequence[Sequence[str]], total: int, blank_width: int = 2600
) -> tuple[int, ...]:
    """Column widths (twips, summing to `total`) from the text each column holds.

    No column is narrower than its longest word; text columns want up to WRAP_CHARS
    characters; a column that is blank in every row (writing space) wants `blank_width`.
    Leftover room is shared in proportion to what each column wants.
    """
    minimum: list[int] = []
    wanted: list[int] = []
    for index, title in enumerate(header):
        cells = [row[index] for row in rows if index < len(row)]
        texts = [title, *cells]
        longest_word = max((len(word) for text in texts for word in text.split()), default=1)
        floor = longest_word * CHAR_WIDTH + CELL_PADDING
        if not any(cells):
            want = blank_width
        else:
            want = min(max(len(text) for text in texts), WRAP_CHARS) * CHAR_WIDTH + CELL_PADDING
        minimum.append(floor)
        wanted.append(max(want, floor))
    if sum(wanted) <= total or sum(minimum) >= total:
        base = wanted if sum(wanted) <= total else minimum
        widths = [w * total // sum(base) for w in base]
    else:
        spare = total - sum(minimum)
        stretch = sum(w - m for w, m in zip(wanted, minimum, strict=True))
        widths = [m + (w - m) * spare // stretch for w, m in zip(wanted, minimum, strict=True)]
    widths[-1] += total - sum(widths)
    return tuple(widths)


def add_list(
    document: Document, items: Iterable[str], numbered: bool = False, style: str | None = None
) -> list[Paragraph]:
    """Bulleted or numbered paragraphs using Word numbering (never typed "•" or "1.").

    Each numbered list restarts at 1: it gets its own w:num pointing at the template's
    decimal list with a start override. `style` replaces List Bullet / List Number with a
    style based on it (e.g. Compact Bullet).
    """
    style = style or ("List Number" if numbered else "List Bullet")
    num_id = _restarted_numbering(document) if numbered else 1
    paragraphs = []
    for text in items:
        paragraph = document.add_paragraph(text, style=style)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = num_id
        paragraphs.append(paragraph)
    return paragraphs


def _restarted_numbering(document: Document) -> int:
    numbering = document.part.numbering_part.element
    num_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
    num = _sub(numbering, "w:num", numId=str(num_id))
    _sub(num, "w:abstractNumId", val="1")
    override = _sub(num, "w:lvlOverride", ilvl="0")
    _sub(override, "w:startOverride", val="1")
    return num_id


@dataclass(frozen=True)
class TableLook:
    """How a table is drawn: its style, paragraph styles, and fills with their text colours.

    `header_fill=None` means the brand's primary colour; `shade_header=False` leaves the
    header row unfilled in its style's colours (form questions). Text on a fill is always
    `readable_text_on(fill)` (white or NHS Black), so it keeps at least 4.5:1 for any fill
    that allows it; callers check `contrast_ratio` for fills chosen from a profile.
    """

    style: str = "Kit Table"
    header_style: str = "Table Heading"
    body_style: str = "Table Text"
    header_fill: str | None = None
    body_fill: str | None = None
    header_ink: str | None = None  # overrides readable_text_on(header_fill), e.g. a brand colour
    shade_header: bool = True


def add_table(
    parent: Document | _Cell,
    brand: Brand,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int] | None = None,
    look: TableLook = TableLook(),
    caption: str | None = None,
) -> Table:
    """A data table with a marked header row, by default in the brand's primary colour.

    The header row repeats on each page (w:tblHeader) and tblLook says firstRow; no row
    splits across a page. `widths` are column widths in twips (default: equal shares of
    the text width; required when `parent` is a table cell, for a nested table). Missing
    cells at the end of a row are left empty. `caption` becomes the table's title for
    screen readers (w:tblCaption); print it separately if wanted.
    """
    columns = len(header)
    if widths is None:
        assert not isinstance(parent, _CellType), "a nested table needs explicit widths"
        share = text_width(parent) // columns
        widths = [share] * columns
    table: Table = parent.add_table(rows=1 + len(rows), cols=columns)
    table.style = look.style
    table.autofit = False
    _fix_layout(table, widths)
    fill = (look.header_fill or brand.organisation.colours.primary) if look.shade_header else None
    ink = look.header_ink or (readable_text_on(fill) if fill else None)
    _fill_row(table.rows[0], header, look.header_style, fill, ink)
    mark_header_row(table)
    body_ink = readable_text_on(look.body_fill) if look.body_fill else None
    for row, values in zip(table.rows[1:], rows, strict=True):
        padded = [*values, *[""] * (columns - len(values))]
        _fill_row(row, padded, look.body_style, look.body_fill, body_ink)
    for row in table.rows:
        _set_flag(row, "w:cantSplit")
    if caption:
        _set_caption(table, caption)
    return table


def _fill_row(
    row: _Row, texts: Sequence[str], style: str, fill: str | None, ink: str | None
) -> None:
    for cell, text in zip(row.cells, texts, strict=True):
        paragraph = cell.paragraphs[0]
        paragraph.style = style
        if text:
            run = paragraph.add_run(text)
            if ink:
                run.font.color.rgb = _rgb(ink)
        if fill:
            shade_cell(cell, fill)


def _set_caption(table: Table, caption: str) -> None:
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), caption[:255])
    _place(table._tbl.tblPr, element)


def _fix_layout(table: Table, widths: Sequence[int]) -> None:
    """Fixed layout with explicit widths, so Word and LibreOffice draw the same columns.

    `table.autofit = False` (set by the caller) writes w:tblLayout type="fixed".
    """
    tbl_pr = table._tbl.tblPr
    tbl_w = _get_or_place(tbl_pr, "w:tblW")
    tbl_w.set(qn("w:w"), str(sum(widths)))
    tbl_w.set(qn("w:type"), "dxa")
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid_col.set(qn("w:w"), str(width))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Twips(width)
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.set(qn("w:firstColumn"), "0")


def mark_header_row(table: Table) -> None:
    """Mark the first row as the header: repeated on each page and announced as headers."""
    _set_flag(table.rows[0], "w:tblHeader")
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        table._tbl.tblPr.append(look)
    look.set(qn("w:firstRow"), "1")
    look.set(qn("w:lastRow"), "0")
    look.set(qn("w:val"), "0420" if look.get(qn("w:firstColumn")) == "0" else "04A0")


def _set_flag(row: _Row, tag: str) -> None:
    _get_or_place(row._tr.get_or_add_trPr(), tag)


def set_row_height(row: _Row, height: int, exact: bool = True) -> None:
    """Give a row an exact (or minimum) height in twips; it never splits across pages."""
    row.height = Twips(height)
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY if exact else WD_ROW_HEIGHT_RULE.AT_LEAST
    _set_flag(row, "w:cantSplit")


def shade_cell(cell: _Cell, fill: str) -> None:
    """Fill a cell with a solid #RRGGBB colour."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = _get_or_place(tc_pr, "w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill.lstrip("#").upper())


def shade_paragraph(paragraph: Paragraph, fill: str, padding: int = 4) -> None:
    """Fill a paragraph's background, padded by `padding` points of the same colour.

    The padding is a border drawn in the fill colour (Word and LibreOffice shade up to
    the border); consecutive paragraphs shaded alike form one block.
    """
    p_pr = paragraph._p.get_or_add_pPr()
    colour = fill.lstrip("#").upper()
    borders = _get_or_place(p_pr, "w:pBdr")
    for edge in ("top", "left", "bottom", "right", "between"):
        _sub(borders, f"w:{edge}", val="single", sz="4", space=str(padding), color=colour)
    shading = _get_or_place(p_pr, "w:shd")
    for name, value in (("val", "clear"), ("color", "auto"), ("fill", colour)):
        shading.set(qn(f"w:{name}"), value)


def keep_together(paragraphs: Sequence[Paragraph]) -> None:
    """Keep paragraphs on one page: each keeps its lines together and stays with the next."""
    for index, paragraph in enumerate(paragraphs):
        paragraph.paragraph_format.keep_together = True
        paragraph.paragraph_format.keep_with_next = index < len(paragraphs) - 1


def keep_table_together(table: Table, with_next: bool = False) -> None:
    """Keep a table on one page (rows cannot split; each row stays with the next).

    With `with_next` the last row also stays with whatever follows the table.
    """
    rows = list(table.rows)
    for index, row in enumerate(rows):
        _set_flag(row, "w:cantSplit")
        keep = with_next or index < len(rows) - 1
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = keep


def add_checkbox(paragraph: Paragraph, tag: str, label: str, checked: bool = False) -> None:
    """Append a Word checkbox content control: a printed box on paper, clickable on screen.

    `tag` identifies the answer when a filled-in copy is read back (`read_ticks`); `label`
    becomes the control's title, which screen readers announce.
    """
    sdt = OxmlElement("w:sdt")
    sdt_pr = _sub(sdt, "w:sdtPr")
    _sub(sdt_pr, "w:alias", val=label[:255])
    _sub(sdt_pr, "w:tag", val=tag)
    _sub(sdt_pr, "w:id", val="0")  # numbered by finish()
    box = _sub(sdt_pr, "w14:checkbox")
    _sub(box, "w14:checked", val="1" if checked else "0")
    _sub(box, "w14:checkedState", val="2612")
    _sub(box, "w14:uncheckedState", val="2610")
    run = _sub(_sub(sdt, "w:sdtContent"), "w:r")
    r_pr = _sub(run, "w:rPr")
    _sub(r_pr, "w:sz", val=str(CHECKBOX_HALF_POINTS))
    _sub(r_pr, "w:szCs", val=str(CHECKBOX_HALF_POINTS))
    _sub(run, "w:t").text = CHECKED if checked else UNCHECKED
    paragraph._p.append(sdt)


def _sub(parent: BaseOxmlElement, tag: str, **attributes: str) -> BaseOxmlElement:
    """Append a new child `prefix:name`; attributes take the child's own prefix."""
    child: BaseOxmlElement = OxmlElement(tag)
    prefix = tag.split(":")[0]
    for name, value in attributes.items():
        child.set(qn(f"{prefix}:{name}"), value)
    parent.append(child)
    return child


def _checkboxes(docx_bytes: bytes) -> list[tuple[str, bool]]:
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    found = []
    for sdt_pr in root.iter(qn("w:sdtPr")):
        box = sdt_pr.find(f"{{{W14}}}checkbox")
        if box is None:
            continue
        tag = sdt_pr.find(qn("w:tag"))
        checked = box.find(f"{{{W14}}}checked")
        value = checked.get(f"{{{W14}}}val", "0") if checked is not None else "0"
        found.append(
            (
                tag.get(qn("w:val"), "") if tag is not None else "",
                value.lower() in ("1", "true", "on"),
            )
        )
    return found


def read_ticks(docx_bytes: bytes) -> list[bool]:
    """Whether each tick box in a (filled-in) document is ticked, in document order."""
    return [checked for _, checked in _checkboxes(docx_bytes)]


def read_tick_answers(docx_bytes: bytes) -> dict[str, bool]:
    """Tick boxes by their tag (`<item>/<block>/<row>/<option>`), ticked or not."""
    return dict(_checkboxes(docx_bytes))


def set_alt_text(inline: CT_Inline, text: str, name: str) -> None:
    """Give an inline picture its alt text (wp:docPr descr) and a meaningful name.

    python-docx writes no descr and names pictures "Picture N" (python-docx#1048).
    """
    doc_pr = inline.docPr
    doc_pr.set("descr", text)
    doc_pr.set("name", name)


def short_title(title: str, limit: int = TITLE_LIMIT) -> str:
    """`title` cut at a word to fit core properties' 255-character limit, with an ellipsis."""
    if len(title) <= limit:
        return title
    return title[: limit - 1].rsplit(" ", 1)[0].rstrip(";:, ") + "\u2026"


def finish(document: Document, title: str) -> bytes:
    """Save to bytes that are identical for identical input.

    Sets dc:title, en-GB, fixed author and revision, and build_time() for created and
    modified; renumbers wp:docPr ids across header and body (python-docx restarts them in
    each part, which Word reports as corrupt) and content-control ids; normalises the zip.
    """
    props = document.core_properties
    props.title = short_title(title)
    props.language = "en-GB"
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.revision = 1
    props.created = build_time()
    props.modified = build_time()
    _renumber(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue())


def _renumber(document: Document) -> None:
    parts = [document.part]
    for rel in sorted(document.part.rels.values(), key=lambda r: r.rId):
        if not rel.is_external and rel.reltype.endswith(("/header", "/footer")):
            parts.append(rel.target_part)
    shape_id = 0
    sdt_id = 0
    for part in parts:
        root: BaseOxmlElement = part.element
        for doc_pr in root.iter(qn("wp:docPr")):
            shape_id += 1
            doc_pr.set("id", str(shape_id))
        for sdt_pr in root.iter(qn("w:sdtPr")):
            ident = sdt_pr.find(qn("w:id"))
            if ident is not None:
                sdt_id += 1
                ident.set(qn("w:val"), str(sdt_id))
