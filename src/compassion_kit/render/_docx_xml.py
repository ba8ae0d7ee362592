"""WordprocessingML written directly with lxml: the draft being written, elements, schema order.

Owns the `Draft` and `Cell` records and making elements in the order the schema requires;
paragraphs are `_docx_text.py`'s, tables `_docx_table.py`'s, page setup `_docx.py`'s.

python-docx finds a style by scanning every style of the document (translating names) on each
assignment, places each property by searching a list of possible successors, and calls back
into Python for every element lxml makes; writing the same XML with plain lxml, with style ids
looked up once per document, is over ten times faster.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type information

from compassion_kit.render._ns import NS, qn

if TYPE_CHECKING:
    from compassion_kit.profile import Brand
    from compassion_kit.render._opc import Package

W_NS = NS["w"]
W14_NS = NS["w14"]
_SPACES = {"w": f"{{{W_NS}}}", "w14": f"{{{W14_NS}}}"}  # attributes take their element's
_W_ONLY = {"w": W_NS}


def w(name: str) -> str:
    """The Clark name ("{namespace}name") of WordprocessingML element or attribute `name`."""
    return f"{{{W_NS}}}{name}"


VAL = w("val")
ON = ("1", "true", "on")  # how an on/off attribute (ST_OnOff) says "on", in lower case
P, PPR, R, RPR, T = w("p"), w("pPr"), w("r"), w("rPr"), w("t")

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
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
    "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr tblPr trPr "
    "tcPr tblStylePr",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
    "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
    "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish",
}
# Each child's rank within its parent, by Clark name: {parent: {child: rank}}.
_RANKS = {
    w(parent): {w(child): rank for rank, child in enumerate(children.split())}
    for parent, children in _SEQUENCES.items()
}


def element(tag: str, **attributes: str) -> Any:
    """A new detached element `tag` ("w:p"); `attributes` take its prefix."""
    space = _SPACES[tag[: tag.index(":")]]
    attrib = {space + k: v for k, v in attributes.items()}
    return etree.Element(qn(tag), attrib, nsmap=_W_ONLY)


def sub(parent: Any, tag: str, **attributes: str) -> Any:
    """Append a new child `tag` ("w:tr", "w14:checked") to `parent`; attributes take its prefix."""
    if not attributes:
        return etree.SubElement(parent, qn(tag))
    space = _SPACES[tag[: tag.index(":")]]
    return etree.SubElement(parent, qn(tag), {space + k: v for k, v in attributes.items()})


def place(parent: Any, child: Any) -> Any:
    """Insert `child` into a properties element at the position the schema requires."""
    ranks = _RANKS[parent.tag]
    rank = ranks[child.tag]
    for index, sibling in enumerate(parent):
        if ranks.get(sibling.tag, -1) > rank:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def get_or_place(parent: Any, tag: str, **attributes: str) -> Any:
    """The child `tag` ("w:shd") of a properties element, created in schema order if missing.

    `attributes` are set on it either way, in the w namespace.
    """
    found: Any = parent.find(w(tag[2:]))
    if found is None:
        found = place(parent, element(tag))
    for name, value in attributes.items():
        found.set(w(name), value)
    return found


@dataclass(frozen=True)
class PartNames:
    """Where a Word package keeps the parts the writers edit (found from its relationships)."""

    document: str
    styles: str
    numbering: str
    core: str


@dataclass(eq=False)
class Draft:
    """A Word document being written from the template, and what its writers look up often.

    `package` holds its parts (a copy of the template's), `parts` names the main ones;
    `styles` maps each style name to its id, or to None for the default paragraph style (a
    paragraph in Normal names no style); `width` is the text width in twips.
    """

    package: Package
    parts: PartNames
    brand: Brand
    styles: dict[str, str | None]
    width: int
    body: Any = field(init=False)

    def __post_init__(self) -> None:
        self.body = self.package.xml(self.parts.document).find(w("body"))

    def style_id(self, name: str) -> str | None:
        """The id of style `name`; a name missing from the document is a bug (KeyError)."""
        try:
            return self.styles[name]
        except KeyError:
            raise KeyError(f"no style named {name!r} in the Word document") from None

    def append(self, block: Any) -> None:
        """Add a paragraph or table at the end of the body, before its w:sectPr."""
        self.body[-1].addprevious(block)


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell being written: its w:tc element and the draft it belongs to."""

    draft: Draft
    element: Any

    @property
    def paragraphs(self) -> list[Any]:
        """The w:p elements directly in the cell, in order."""
        found: list[Any] = self.element.findall(P)
        return found
