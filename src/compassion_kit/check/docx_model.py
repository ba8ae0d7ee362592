"""How Word inherits: run -> character style -> paragraph style -> table style -> docDefaults.

Owns resolving effective run and paragraph properties (size, bold, colour, fonts, shading,
alignment, spacing, borders, numbering) and the fill behind text in a .docx; the rules that
judge them are `docx_rules` and `docx_text`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from compassion_kit.check.colours import theme_colours, word_colour, word_shading
from compassion_kit.check.ooxml import (
    El,
    Package,
    attr,
    first,
    local,
    new_element,
    q,
    table_regions,
    whole,
)

_ON = ("1", "true", "on", None)
_RUN_HOLDERS = (
    "hyperlink",
    "sdt",
    "sdtContent",
    "ins",
    "smartTag",
    "fldSimple",
    "customXml",
    "moveTo",
    "dir",
    "bdo",
)
_LOOK_BITS = {
    "firstRow": 0x20,
    "lastRow": 0x40,
    "firstColumn": 0x80,
    "lastColumn": 0x100,
    "noHBand": 0x200,
    "noVBand": 0x400,
}
DEFAULT_HALF_POINTS = 20  # Word's size when nothing sets one: 10 pt
DEFAULT_FONT = "Times New Roman"  # Word's font when neither styles nor theme name one


@dataclass(frozen=True)
class Place:
    """Where a paragraph sits: its table cell (if any) and what the table style adds."""

    cell: El | None = None
    table: El | None = None
    regions: tuple[str, ...] = ()


class Styles:
    """A document's styles, defaults and theme, with cached basedOn chains."""

    def __init__(self, pkg: Package, document_part: str) -> None:
        styles_part = (pkg.related(document_part, "styles") or [""])[0]
        theme_part = (pkg.related(document_part, "theme") or [""])[0]
        empty = new_element("w:styles")
        self.root = pkg.xml(styles_part) if styles_part and pkg.has(styles_part) else empty
        theme = pkg.xml(theme_part) if theme_part and pkg.has(theme_part) else None
        self.scheme = theme_colours(theme)
        self.fonts = {}
        for key, path in (("major", "a:majorFont/a:latin"), ("minor", "a:minorFont/a:latin")):
            latin = first(theme, f".//a:fontScheme/{path}") if theme is not None else None
            if latin is not None:
                self.fonts[key] = str(latin.get("typeface"))
        self.by_id = {attr(s, "w:styleId"): s for s in self.root.iterfind(q("w:style"))}
        self.defaults = {
            attr(s, "w:type"): attr(s, "w:styleId")
            for s in self.root.iterfind(q("w:style"))
            if attr(s, "w:default") in ("1", "true")
        }
        self.doc_rpr = first(self.root, "w:docDefaults/w:rPrDefault/w:rPr")
        self.doc_ppr = first(self.root, "w:docDefaults/w:pPrDefault/w:pPr")
        self._chains: dict[str | None, list[El]] = {}

    def chain(self, style_id: str | None) -> list[El]:
        """The style and its `w:basedOn` ancestors, nearest first (cycles cut)."""
        if style_id not in self._chains:
            found: list[El] = []
            current = self.by_id.get(style_id)
            while current is not None and all(current is not s for s in found):
                found.append(current)
                current = self.by_id.get(attr(first(current, "w:basedOn"), "w:val"))
            self._chains[style_id] = found
        return self._chains[style_id]

    def para_style(self, para: El) -> str | None:
        """The paragraph's style id (the default paragraph style when it names none)."""
        return attr(first(para, "w:pPr/w:pStyle"), "w:val") or self.defaults.get("paragraph")

    def style_name(self, style_id: str | None) -> str:
        """A style's name as Word shows it ("heading 1"), else its id, else ""."""
        style = self.by_id.get(style_id)
        name = attr(first(style, "w:name"), "w:val") if style is not None else None
        return name or style_id or ""

    def para_chain(self, para: El, place: Place) -> list[El]:
        """Paragraph property holders (`w:pPr`), strongest first."""
        direct = first(para, "w:pPr")
        styles = [s.find(q("w:pPr")) for s in self.chain(self.para_style(para))]
        return [
            e
            for e in (direct, *styles, *self._table(place, "w:pPr"), self.doc_ppr)
            if e is not None
        ]

    def run_chain(self, run: El, para: El, place: Place) -> list[El]:
        """Run property holders (`w:rPr`), strongest first."""
        direct = run.find(q("w:rPr"))
        char_style = attr(first(run, "w:rPr/w:rStyle"), "w:val") or self.defaults.get("character")
        chars = [s.find(q("w:rPr")) for s in self.chain(char_style)]
        paras = [s.find(q("w:rPr")) for s in self.chain(self.para_style(para))]
        holders = (direct, *chars, *paras, *self._table(place, "w:rPr"), self.doc_rpr)
        return [e for e in holders if e is not None]

    def _table(self, place: Place, tag: str) -> list[El]:
        if place.table is None:
            return []
        style_id = attr(first(place.table, "w:tblPr/w:tblStyle"), "w:val") or self.defaults.get(
            "table"
        )
        found = []
        for style in self.chain(style_id):
            for region in place.regions:
                conditional = first(style, f"w:tblStylePr[@w:type='{region}']/{tag}")
                if conditional is not None:
                    found.append(conditional)
            own = style.find(q(tag))
            if own is not None:
                found.append(own)
        return found

    def table_fill(self, place: Place) -> str | None:
        """The cell's shading: its own `w:tcPr/w:shd`, else the table style's, else the table's."""
        if place.cell is None or place.table is None:
            return None
        own = word_shading(first(place.cell, "w:tcPr/w:shd"), self.scheme)
        if own is not None or first(place.cell, "w:tcPr/w:shd") is not None:
            return own
        style_id = attr(first(place.table, "w:tblPr/w:tblStyle"), "w:val")
        for style in self.chain(style_id):
            for region in (*place.regions, ""):
                path = (
                    f"w:tblStylePr[@w:type='{region}']/w:tcPr/w:shd" if region else "w:tcPr/w:shd"
                )
                shd = first(style, path)
                if shd is not None:
                    return word_shading(shd, self.scheme)
        return word_shading(first(place.table, "w:tblPr/w:shd"), self.scheme)


def value(chain: list[El], tag: str, name: str = "w:val") -> str | None:
    """The attribute `name` of the first `tag` child along `chain` that sets it (Word inherits
    attributes one by one: a style's `w:spacing w:after` keeps the line spacing it is based on)."""
    for holder in chain:
        element = holder.find(q(tag))
        if element is not None:
            found = attr(element, name)
            if found is not None:
                return found
    return None


def toggle(chain: list[El], tag: str) -> bool:
    """A Word on/off property (`w:b`, `w:i`, `w:caps`): present and not switched off."""
    for holder in chain:
        element = holder.find(q(tag))
        if element is not None:
            return attr(element, "w:val") in _ON
    return False


def present(chain: list[El], tag: str) -> El | None:
    """The first `tag` element along `chain`."""
    for holder in chain:
        element = holder.find(q(tag))
        if element is not None:
            return element
    return None


def runs(para: El) -> Iterator[El]:
    """The paragraph's own runs, including those in links and content controls, but not the runs
    of paragraphs nested in text boxes."""
    for child in para:
        if not isinstance(child.tag, str):
            continue
        name = local(child)
        if name == "r":
            yield child
        elif name in _RUN_HOLDERS:
            yield from runs(child)


def links(para: El) -> Iterator[El]:
    """The paragraph's own `w:hyperlink` elements (also inside content controls and edits)."""
    for child in para:
        if not isinstance(child.tag, str):
            continue
        name = local(child)
        if name == "hyperlink":
            yield child
        elif name in _RUN_HOLDERS:
            yield from links(child)


def run_text(run: El) -> str:
    """The visible text of a run: text, tabs and breaks as spaces, no field codes."""
    parts = []
    for child in run:
        if not isinstance(child.tag, str):
            continue
        name = local(child)
        if name == "t":
            parts.append(child.text or "")
        elif name in ("tab", "br", "cr"):
            parts.append(" ")
        elif name == "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def place_of(para: El) -> Place:
    """The table cell around `para` (nearest), with the table-style regions that apply to it."""
    cell = next((a for a in para.iterancestors(q("w:tc"), q("w:txbxContent"))), None)
    if cell is None or local(cell) != "tc":
        return Place()
    row = cell.getparent()
    table = row.getparent() if row is not None else None
    if table is None or local(table) != "tbl":
        return Place(cell)
    rows = [r for r in table.iterfind(q("w:tr"))]
    cells = [c for c in row.iterfind(q("w:tc"))]
    return Place(
        cell, table, _regions(table, rows.index(row), cells.index(cell), len(rows), len(cells))
    )


def _regions(table: El, r: int, c: int, rows: int, cols: int) -> tuple[str, ...]:
    look = first(table, "w:tblPr/w:tblLook")
    flags = {}
    bits = whole(look, "w:val", 0, 16) if look is not None else 0x4A0
    for name, bit in _LOOK_BITS.items():
        explicit = attr(look, f"w:{name}")
        flags[name] = explicit in ("1", "true", "on") if explicit is not None else bool(bits & bit)
    common = {
        "firstRow": flags["firstRow"],
        "lastRow": flags["lastRow"],
        "firstCol": flags["firstColumn"],
        "lastCol": flags["lastColumn"],
        "bandRow": not flags["noHBand"],
        "bandCol": not flags["noVBand"],
    }
    return tuple(table_regions(common, r, c, (rows, cols), _WORD_BANDS))


_WORD_BANDS = ("band1Horz", "band2Horz", "band1Vert", "band2Vert")


def text_colour(styles: Styles, chain: list[El]) -> str | None:
    """The run's colour ("#RRGGBB"), "auto", or None when nothing sets one."""
    return word_colour(present(chain, "w:color"), styles.scheme)
