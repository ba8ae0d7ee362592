"""The small Excel workbook embedded in each chart, so that PowerPoint's "Edit Data" opens it.

Owns the .xlsx bytes: one sheet, categories down column A from row 2, one column per series
with its name in row 1 (the cells the chart part's formulas name). Where the chart is drawn is
`_pptx_chart.py`'s. Written with lxml as an `_opc.Package`: the same data always gives the
same bytes.
"""

from __future__ import annotations

from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

from compassion_kit.render._ns import NS, qn
from compassion_kit.render._opc import RT, Package

SHEET = "Sheet1"
_MAIN = NS["x"]
_ML = "application/vnd.openxmlformats-officedocument.spreadsheetml."
_BOOK = "xl/workbook.xml"
_PARTS = (  # part, content type, relationship type from the workbook (rId1, rId2, ...)
    ("xl/worksheets/sheet1.xml", _ML + "worksheet+xml", "worksheet"),
    ("xl/styles.xml", _ML + "styles+xml", "styles"),
    ("xl/sharedStrings.xml", _ML + "sharedStrings+xml", "sharedStrings"),
    ("xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml", "theme"),
)
_DEFAULTS = (
    ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
    ("xml", "application/xml"),
)
# Number formats Excel knows by id; any other format is declared as custom format 164.
_BUILT_IN_FORMATS = {"General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9}
_CUSTOM_FORMAT = 164
_STYLES = (
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
)


# The smallest theme the strict validator accepts (it requires one; Excel does not): Office's
# default colours, Calibri, and three plain styles of each kind.
_SOLID = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
_LINE = '<a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>'
_COLOURS = (
    ("dk1", "000000"),
    ("lt1", "FFFFFF"),
    ("dk2", "44546A"),
    ("lt2", "E7E6E6"),
    ("accent1", "4472C4"),
    ("accent2", "ED7D31"),
    ("accent3", "A5A5A5"),
    ("accent4", "FFC000"),
    ("accent5", "5B9BD5"),
    ("accent6", "70AD47"),
    ("hlink", "0563C1"),
    ("folHlink", "954F72"),
)
_FONT = '<a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/>'
_THEME = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<a:theme xmlns:a="{NS["a"]}" name="Office">'
    '<a:themeElements><a:clrScheme name="Office">'
    + "".join(f'<a:{slot}><a:srgbClr val="{rgb}"/></a:{slot}>' for slot, rgb in _COLOURS)
    + '</a:clrScheme><a:fontScheme name="Office">'
    f"<a:majorFont>{_FONT}</a:majorFont><a:minorFont>{_FONT}</a:minorFont></a:fontScheme>"
    f'<a:fmtScheme name="Office"><a:fillStyleLst>{_SOLID * 3}</a:fillStyleLst>'
    f"<a:lnStyleLst>{_LINE * 3}</a:lnStyleLst>"
    f"<a:effectStyleLst>{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}</a:effectStyleLst>"
    f"<a:bgFillStyleLst>{_SOLID * 3}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"
).encode()


def workbook(
    categories: tuple[str, ...],
    series: tuple[tuple[str, tuple[float, ...]], ...],
    number_format: str,
) -> bytes:
    """The .xlsx bytes holding a chart's data; values carry `number_format`."""
    strings: dict[str, int] = {}
    sheet = _sheet(categories, series, strings)
    book = Package()
    for extension, content_type in _DEFAULTS:
        book.set_default(extension, content_type)
    book.put(_BOOK, _workbook(), _ML + "sheet.main+xml")
    book.rels("").add(RT + "officeDocument", _BOOK)
    contents = (sheet, _styles(number_format), _shared_strings(strings), _THEME)
    for (name, content_type, reltype), content in zip(_PARTS, contents, strict=True):
        book.put(name, content, content_type)
        book.rels(_BOOK).add(RT + reltype, name)
    return book.to_bytes()


def column(number: int) -> str:
    """The letters of 1-based column `number`: 1 -> "A", 27 -> "AA"."""
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _sheet(
    categories: tuple[str, ...],
    series: tuple[tuple[str, tuple[float, ...]], ...],
    strings: dict[str, int],
) -> Any:
    root = etree.Element(f"{{{_MAIN}}}worksheet", nsmap={None: _MAIN})
    last = f"{column(1 + len(series))}{len(categories) + 1}"
    etree.SubElement(root, f"{{{_MAIN}}}dimension", ref=f"A1:{last}")
    widest = max((len(c) for c in categories), default=0)
    cols = etree.SubElement(root, f"{{{_MAIN}}}cols")
    width = str(min(max(widest, 10), 60) + 1)  # characters: the category labels stay readable
    etree.SubElement(cols, f"{{{_MAIN}}}col", min="1", max="1", width=width, customWidth="1")
    data = etree.SubElement(root, f"{{{_MAIN}}}sheetData")
    header = _row(data, 1)
    for number, (name, _values) in enumerate(series, start=2):
        _text_cell(header, f"{column(number)}1", name, strings)
    for index, category in enumerate(categories):
        row = _row(data, index + 2)
        _text_cell(row, f"A{index + 2}", category, strings)
        for number, (_name, values) in enumerate(series, start=2):
            cell = etree.SubElement(row, f"{{{_MAIN}}}c", r=f"{column(number)}{index + 2}", s="1")
            etree.SubElement(cell, f"{{{_MAIN}}}v").text = _number(values[index])
    return root


def _row(data: Any, number: int) -> Any:
    return etree.SubElement(data, f"{{{_MAIN}}}row", r=str(number))


def _text_cell(row: Any, ref: str, text: str, strings: dict[str, int]) -> None:
    cell = etree.SubElement(row, f"{{{_MAIN}}}c", r=ref, t="s")
    index = strings.setdefault(text, len(strings))
    etree.SubElement(cell, f"{{{_MAIN}}}v").text = str(index)


def _number(value: float) -> str:
    """Shortest text that reads back as the same number ("71", not "71.0")."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def _shared_strings(strings: dict[str, int]) -> Any:
    count = str(len(strings))
    root = etree.Element(f"{{{_MAIN}}}sst", nsmap={None: _MAIN}, count=count, uniqueCount=count)
    for text in strings:  # dicts keep insertion order: index order
        item = etree.SubElement(etree.SubElement(root, f"{{{_MAIN}}}si"), f"{{{_MAIN}}}t")
        item.text = text
        if text != text.strip():
            item.set(qn("xml:space"), "preserve")
    return root


def _styles(number_format: str) -> Any:
    root = etree.Element(f"{{{_MAIN}}}styleSheet", nsmap={None: _MAIN})
    format_id = _BUILT_IN_FORMATS.get(number_format, _CUSTOM_FORMAT)
    if format_id == _CUSTOM_FORMAT:
        formats = etree.SubElement(root, f"{{{_MAIN}}}numFmts", count="1")
        etree.SubElement(
            formats, f"{{{_MAIN}}}numFmt", numFmtId=str(format_id), formatCode=number_format
        )
    root.extend(etree.fromstring(f'<x xmlns="{_MAIN}">{_STYLES}</x>'))
    xfs = etree.SubElement(root, f"{{{_MAIN}}}cellXfs", count="2")
    plain = {"numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0", "xfId": "0"}
    etree.SubElement(xfs, f"{{{_MAIN}}}xf", plain)
    value = {**plain, "numFmtId": str(format_id), "applyNumberFormat": "1"}
    etree.SubElement(xfs, f"{{{_MAIN}}}xf", value)
    styles = etree.SubElement(root, f"{{{_MAIN}}}cellStyles", count="1")
    etree.SubElement(styles, f"{{{_MAIN}}}cellStyle", name="Normal", xfId="0", builtinId="0")
    return root


def _workbook() -> Any:
    root = etree.Element(f"{{{_MAIN}}}workbook", nsmap={None: _MAIN, "r": NS["r"]})
    sheets = etree.SubElement(root, f"{{{_MAIN}}}sheets")
    # rId1: the worksheet is the workbook's first relationship (see `workbook`)
    etree.SubElement(
        sheets, f"{{{_MAIN}}}sheet", {"name": SHEET, "sheetId": "1", qn("r:id"): "rId1"}
    )
    return root
