"""What python-docx 1.2 has no API for, written into its own element objects.

Owns every reach below python-docx's public API; each function says in one line which API is
missing. What goes where in a document is the other `render/docx` modules' business.
"""

from __future__ import annotations

import copy
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.table import Table
from docx.text.paragraph import Paragraph

if TYPE_CHECKING:
    from docx.document import Document
    from docx.shape import InlineShape
    from docx.styles.style import BaseStyle, ParagraphStyle
    from docx.table import _Cell, _Row
    from docx.text.run import Run

ON = ("1", "true", "on")  # how an on/off attribute (ST_OnOff) says "on", in lower case
UNCHECKED, CHECKED = "\u2610", "\u2612"  # ballot box, ballot box with X
CHECKBOX_HALF_POINTS = 36  # 18 pt box: about 5 mm, big enough to tick with a pen
TEXT_LIMIT = 255  # characters Word keeps in a table's or content control's title
# Child order the schema requires inside each properties element (ECMA-376 part 1).
_ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
    "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
    "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader "
    "tblCellSpacing jc hidden ins del trPrChange",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
    "tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW "
    "jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption "
    "tblDescription tblPrChange",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
    "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi "
    "rtlGutter docGrid printerSettings sectPrChange",
}
_PPR = qn("w:pPr")
_BREAKS = re.compile(r"[\t\n\r]")
_SUCCESSORS = {
    (parent, child): tuple(f"w:{later}" for later in order.split()[index + 1 :])
    for parent, order in _ORDER.items()
    for index, child in enumerate(order.split())
}


def _child(parent: Any, tag: str, **attributes: str) -> Any:
    """The child `w:<tag>` of properties element `parent`, added in schema order if missing;
    `attributes` (in the w namespace) are set on it either way."""
    found = parent.find(qn(f"w:{tag}"))
    if found is None:
        found = OxmlElement(f"w:{tag}")
        later = {qn(name) for name in _SUCCESSORS[(parent.tag.split("}")[1], tag)]}
        anchor = next((sibling for sibling in parent if sibling.tag in later), None)
        if anchor is None:
            parent.append(found)
        else:
            anchor.addprevious(found)
    for name, value in attributes.items():
        found.set(qn(f"w:{name}"), value)
    return found


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


def set_style_id(block: Paragraph | Table, style_id: str | None) -> None:
    """Paragraph.style and Table.style scan every style on each call (python-docx 1.2): by id."""
    if isinstance(block, Paragraph):
        # w:pStyle is the first child of w:pPr: placed directly, without searching the
        # thirty-odd elements that may follow it (python-docx's placement).
        p_pr = block._p.get_or_add_pPr()
        for found in p_pr.findall(qn("w:pStyle")):
            p_pr.remove(found)
        if style_id is not None:
            p_pr.insert(0, OxmlElement("w:pStyle", {qn("w:val"): style_id}))
    else:
        block._tbl.tblStyle_val = style_id


def add_text(paragraph: Paragraph, text: str) -> Run:
    """Paragraph.add_run(text) looks at each character in Python (python-docx 1.2), to turn
    tabs and line breaks into Word's; text without them goes straight into one w:t."""
    if _BREAKS.search(text):
        return paragraph.add_run(text)
    run = paragraph.add_run()
    run._r.add_t(text)
    return run


def document_defaults(document: Document, font: str, language: str) -> None:
    """No API for the document defaults (w:docDefaults): the font and language of all text."""
    r_pr = document.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault"))
    r_pr = r_pr.find(qn("w:rPr")) if r_pr is not None else None
    assert r_pr is not None, "the Word template has no w:docDefaults/w:rPrDefault/w:rPr"
    fonts = _child(r_pr, "rFonts")
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), font)
    _child(r_pr, "lang", val=language, eastAsia=language)


def last_open_paragraph(document: Document) -> Paragraph | None:
    """No API for the body's last block: its last paragraph, unless a table comes after it or
    it already ends a section."""
    last = document.element.body[-1]
    if last.tag == qn("w:sectPr"):
        last = last.getprevious()
    if last is None or last.tag != qn("w:p") or last.find(f"{_PPR}/{qn('w:sectPr')}") is not None:
        return None
    return Paragraph(last, document._body)


def end_section_on(
    paragraph: Paragraph, new_page: bool, columns: int, gap: int, restart: bool = False
) -> None:
    """Document.add_section adds a blank paragraph; end the section on `paragraph` instead.

    The next (last) section inherits the headers and footers; no API for its `columns`
    (w:cols) or its page numbers starting at 1 with `restart` (w:pgNumType)."""
    body = paragraph._p.getparent()
    sentinel = body.get_or_add_sectPr()
    paragraph._p.set_sectPr(sentinel.clone())
    # A template's distinct first page (w:titlePg) is the document's first page only.
    for reference in sentinel.xpath("w:headerReference|w:footerReference|w:titlePg"):
        sentinel.remove(reference)
    _child(sentinel, "type", val="nextPage" if new_page else "continuous")
    _child(sentinel, "cols", num=str(columns), space=str(gap))
    for found in sentinel.findall(qn("w:pgNumType")):
        sentinel.remove(found)
    if restart:
        _child(sentinel, "pgNumType", start="1")


def add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """No API for fields: a complex field (begin, instruction, separate, result, end)."""
    paragraph.add_run()._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "begin"}))
    instr = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "separate"}))
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "end"}))


def describe_picture(picture: InlineShape, name: str, alt: str) -> None:
    """No API for a picture's name and text alternative (wp:docPr name and descr)."""
    doc_pr = picture._inline.docPr
    doc_pr.set("name", name)
    doc_pr.set("descr", alt)


@cache
def _checkbox() -> Any:
    """An unticked checkbox control with an empty title, tag and id, copied for each box."""
    size = f'w:val="{CHECKBOX_HALF_POINTS}"'
    return parse_xml(
        f"<w:sdt {nsdecls('w', 'w14')}>"
        '<w:sdtPr><w:alias w:val=""/><w:tag w:val=""/><w:id w:val="0"/>'
        '<w14:checkbox><w14:checked w14:val="0"/><w14:checkedState w14:val="2612"/>'
        '<w14:uncheckedState w14:val="2610"/></w14:checkbox></w:sdtPr>'
        f"<w:sdtContent><w:r><w:rPr><w:sz {size}/><w:szCs {size}/></w:rPr>"
        f"<w:t>{UNCHECKED}</w:t></w:r></w:sdtContent></w:sdt>"
    )


def add_checkbox(
    paragraph: Paragraph, control_id: int, tag: str, label: str, checked: bool = False
) -> None:
    """No API for content controls: a Word 2010 checkbox (w:sdt with w14:checkbox).

    `tag` identifies the answer when a filled-in copy is read back; `label` is its title,
    which screen readers announce; `control_id` must be unique in the document.
    """
    sdt = copy.deepcopy(_checkbox())
    alias, tag_element, ident, box = sdt[0]
    alias.set(qn("w:val"), label[:TEXT_LIMIT])
    tag_element.set(qn("w:val"), tag)
    ident.set(qn("w:val"), str(control_id))
    if checked:
        box[0].set(qn("w14:val"), "1")
        sdt[1][0][1].text = CHECKED
    paragraph._p.append(sdt)


def checkboxes(document: Document) -> list[tuple[str, bool]]:
    """No API for reading content controls: each checkbox's tag and whether it is ticked."""
    found = []
    for sdt_pr in document.element.body.iter(qn("w:sdtPr")):
        box = sdt_pr.find(qn("w14:checkbox"))
        if box is None:
            continue
        tag = sdt_pr.find(qn("w:tag"))
        checked = box.find(qn("w14:checked"))
        value = checked.get(qn("w14:val"), "0") if checked is not None else "0"
        found.append((tag.get(qn("w:val"), "") if tag is not None else "", value.lower() in ON))
    return found


def table_properties(table: Table, width: int, caption: str | None) -> None:
    """No API for a table's width in twips, its tblLook flags or its title (w:tblCaption).

    The header row is the first row; no first column, last row or column banding.
    """
    tbl_pr = table._tbl.tblPr
    _child(tbl_pr, "tblW", type="dxa", w=str(width))
    look = {"firstColumn": "0", "firstRow": "1", "lastColumn": "0", "lastRow": "0"}
    _child(tbl_pr, "tblLook", **look, noHBand="0", noVBand="1", val="0420")
    if caption:
        _child(tbl_pr, "tblCaption", val=caption[:TEXT_LIMIT])


def row_flags(row: _Row, header: bool = False, whole: bool = True) -> None:
    """No API for rows kept whole on a page (w:cantSplit) or repeated as header (w:tblHeader)."""
    tr_pr = row._tr.get_or_add_trPr()
    if whole:
        _child(tr_pr, "cantSplit")
    else:
        for flag in tr_pr.findall(qn("w:cantSplit")):
            tr_pr.remove(flag)
    if header:
        _child(tr_pr, "tblHeader")


def shade_cell(cell: _Cell, fill: str) -> None:
    """No API for cell shading (w:shd)."""
    _child(cell._tc.get_or_add_tcPr(), "shd", val="clear", color="auto", fill=_hex(fill))


def shade_paragraph(paragraph: Paragraph, fill: str, padding: int) -> None:
    """No API for paragraph borders and shading: a fill padded by `padding` points of it.

    The padding is a border drawn in the fill colour (Word and LibreOffice shade up to the
    border); consecutive paragraphs shaded alike form one block.
    """
    p_pr = paragraph._p.get_or_add_pPr()
    borders = _child(p_pr, "pBdr")
    for edge in ("top", "left", "bottom", "right", "between"):
        attrs = {"val": "single", "sz": "4", "space": str(padding), "color": _hex(fill)}
        borders.append(OxmlElement(f"w:{edge}", {qn(f"w:{k}"): v for k, v in attrs.items()}))
    _child(p_pr, "shd", val="clear", color="auto", fill=_hex(fill))


def left_bar(style: ParagraphStyle, colour: str, eighths: int, gap: int) -> None:
    """No API for paragraph borders: a bar down the left of a paragraph style."""
    borders = _child(style.element.get_or_add_pPr(), "pBdr")
    attrs = {"val": "single", "sz": str(eighths), "space": str(gap), "color": _hex(colour)}
    borders.append(OxmlElement("w:left", {qn(f"w:{k}"): v for k, v in attrs.items()}))


def number(paragraph: Paragraph, num_id: int) -> None:
    """No API for list numbering: make the paragraph an item of list `num_id` (level 0)."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def style_list(style: ParagraphStyle) -> int | None:
    """No API for numbering: the list (numId) a paragraph style numbers with, if any."""
    p_pr = style.element.pPr
    num_pr = p_pr.numPr if p_pr is not None else None
    return None if num_pr is None or num_pr.numId is None else int(num_pr.numId.val)


def restarted_list(document: Document, num_id: int) -> int:
    """No API for numbering: a new list (numId) like `num_id` that starts again at 1."""
    numbering = document.part.numbering_part.element
    abstract = numbering.num_having_numId(num_id).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)


def remove_paragraph(paragraph: Paragraph) -> None:
    """No API for deleting a paragraph."""
    paragraph._p.getparent().remove(paragraph._p)


def copy_style(document: Document, style: BaseStyle, style_id: str) -> str:
    """No API for copying a style between documents: a copy of `style` under id `style_id`
    (returned)."""
    copied = copy.deepcopy(style.element)
    copied.set(qn("w:styleId"), style_id)
    document.styles.element.append(copied)
    return style_id
