"""Slide tables: header row, merged and empty cells, and what each cell paints behind its text.

Owns KIT006 and KIT007 for `a:tbl` and the table-style lookup (`ppt/tableStyles.xml`, plus
PowerPoint's built-in style that python-pptx tables name); cell text is judged in `pptx_rules`.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass

from compassion_kit.check.colours import colour_child
from compassion_kit.check.findings import Findings
from compassion_kit.check.ooxml import (
    El,
    Package,
    first,
    new_element,
    parse,
    sub_element,
    table_regions,
    text_of,
    whole,
    xpath,
)
from compassion_kit.check.pptx_fills import GRADIENT, PICTURE
from compassion_kit.check.pptx_model import Slide

_ON = ("1", "true", "on")
# "Medium Style 2 - Accent 1": built into PowerPoint, so it is named but never written to
# tableStyles.xml. python-pptx's add_table uses it. Fill tints as PowerPoint 2016 defines them.
_BUILTIN = """<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
<a:tblStyle styleId="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}" styleName="Medium Style 2 - Accent 1">
<a:wholeTbl><a:tcTxStyle><a:fontRef idx="minor"/><a:schemeClr val="dk1"/></a:tcTxStyle>
<a:tcStyle><a:fill><a:solidFill><a:schemeClr val="accent1"><a:tint val="20000"/></a:schemeClr>
</a:solidFill></a:fill></a:tcStyle></a:wholeTbl>
<a:band1H><a:tcStyle><a:fill><a:solidFill><a:schemeClr val="accent1"><a:tint val="40000"/>
</a:schemeClr></a:solidFill></a:fill></a:tcStyle></a:band1H>
<a:band1V><a:tcStyle><a:fill><a:solidFill><a:schemeClr val="accent1"><a:tint val="40000"/>
</a:schemeClr></a:solidFill></a:fill></a:tcStyle></a:band1V>
<a:lastCol><a:tcTxStyle b="on"><a:schemeClr val="lt1"/></a:tcTxStyle><a:tcStyle><a:fill>
<a:solidFill><a:schemeClr val="accent1"/></a:solidFill></a:fill></a:tcStyle></a:lastCol>
<a:firstCol><a:tcTxStyle b="on"><a:schemeClr val="lt1"/></a:tcTxStyle><a:tcStyle><a:fill>
<a:solidFill><a:schemeClr val="accent1"/></a:solidFill></a:fill></a:tcStyle></a:firstCol>
<a:lastRow><a:tcTxStyle b="on"><a:schemeClr val="lt1"/></a:tcTxStyle><a:tcStyle><a:fill>
<a:solidFill><a:schemeClr val="accent1"/></a:solidFill></a:fill></a:tcStyle></a:lastRow>
<a:firstRow><a:tcTxStyle b="on"><a:schemeClr val="lt1"/></a:tcTxStyle><a:tcStyle><a:fill>
<a:solidFill><a:schemeClr val="accent1"/></a:solidFill></a:fill></a:tcStyle></a:firstRow>
</a:tblStyle></a:tblStyleLst>"""


@dataclass(frozen=True)
class Cell:
    """A table cell with what its table style contributes."""

    element: El
    fill: str | None  # "#RRGGBB", GRADIENT, PICTURE or None (transparent)
    style_text: El | None  # a synthetic a:defRPr from the style's tcTxStyle


def check_table(found: Findings, where: str, tbl: El) -> None:
    """KIT006 (header row marked) and KIT007 (no merged cells, not mostly empty) for a table."""
    tbl_pr = first(tbl, "a:tblPr")
    if tbl_pr is None or tbl_pr.get("firstRow") not in _ON:
        found.add(
            where,
            "KIT006",
            "E",
            "a table has no header row marked",
            "tick Table Design > Header Row so screen readers announce column headings",
        )
    cells = xpath(tbl, "a:tr/a:tc")
    merged = [
        c
        for c in cells
        if whole(c, "gridSpan", 1) > 1
        or whole(c, "rowSpan", 1) > 1
        or c.get("hMerge") in _ON
        or c.get("vMerge") in _ON
    ]
    if merged:
        found.add(
            where,
            "KIT007",
            "W",
            f"a table has {len(merged)} merged cell{'s' if len(merged) > 1 else ''}",
            "split merged cells; screen readers lose track of rows and columns",
        )
    empty = sum(1 for c in cells if not text_of(c, "a:t").strip())
    if cells and empty * 2 > len(cells):
        found.add(
            where,
            "KIT007",
            "W",
            f"{empty} of {len(cells)} table cells are empty; is it a layout table?",
            "use a table for data only; place content with text boxes instead",
        )


def cells(pkg: Package, slide: Slide, tbl: El) -> Iterator[Cell]:
    """Every cell with its fill (explicit, else from the table style) and style text properties."""
    tbl_pr = first(tbl, "a:tblPr")
    style = _style(pkg, first(tbl, "a:tblPr/a:tableStyleId"))
    flags = {k: (tbl_pr is not None and tbl_pr.get(k) in _ON) for k in _FLAGS}
    rows = xpath(tbl, "a:tr")
    for r, row in enumerate(rows):
        row_cells = xpath(row, "a:tc")
        for c, cell in enumerate(row_cells):
            size = (len(rows), len(row_cells))
            regions = [*table_regions(flags, r, c, size, _SLIDE_BANDS), "wholeTbl"]
            fill = _explicit_fill(slide, first(cell, "a:tcPr"))
            style_fill, text = _from_style(slide, style, regions)
            yield Cell(cell, style_fill if fill is None else (fill or None), text)


_FLAGS = ("firstRow", "lastRow", "firstCol", "lastCol", "bandRow", "bandCol")
_SLIDE_BANDS = ("band1H", "band2H", "band1V", "band2V")


def _style(pkg: Package, style_id: El | None) -> El | None:
    if style_id is None or not (style_id.text or "").strip():
        return None
    wanted = style_id.text.strip()
    for styles in pkg.related(pkg.main, "tableStyles"):
        for style in xpath(pkg.xml(styles), "a:tblStyle"):
            if style.get("styleId") == wanted:
                return style
    for style in parse(_BUILTIN):
        if style.get("styleId") == wanted:
            return style
    return None


def _explicit_fill(slide: Slide, tc_pr: El | None) -> str | None:
    if tc_pr is None:
        return None
    for child in tc_pr:
        name = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if name == "solidFill":
            return slide.colour(colour_child(child)) or ""
        if name == "noFill":
            return ""
        if name in ("gradFill", "pattFill"):
            return GRADIENT
        if name == "blipFill":
            return PICTURE
    return None


def _from_style(slide: Slide, style: El | None, regions: list[str]) -> tuple[str | None, El | None]:
    if style is None:
        return None, None
    fill: str | None = None
    text: El | None = None
    for region in regions:
        part = first(style, f"a:{region}")
        if part is None:
            continue
        if fill is None:
            solid = first(part, "a:tcStyle/a:fill/a:solidFill")
            fill = slide.colour(colour_child(solid)) if solid is not None else None
        if text is None:
            text = _text_props(first(part, "a:tcTxStyle"))
    return fill, text


def _text_props(tx_style: El | None) -> El | None:
    if tx_style is None:
        return None
    props = new_element("a:defRPr")
    if tx_style.get("b") in _ON:
        props.set("b", "1")
    colour = colour_child(tx_style)
    if colour is not None:
        sub_element(props, "a:solidFill").append(copy.deepcopy(colour))
    return props
