"""The rules for Word documents (.docx): structure, text, tables, objects and page setup.

Owns walking the body, headers and footers and applying KIT001-KIT019 to what `docx_model`
resolves; run-level text rules are `docx_text`'s, tables `docx_tables`', logos `docx_logo`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compassion_kit.check import docx_logo, docx_tables
from compassion_kit.check.colours import word_colour
from compassion_kit.check.docx_model import (
    Place,
    Styles,
    links,
    place_of,
    present,
    run_text,
    runs,
    value,
)
from compassion_kit.check.docx_text import backdrop, check_runs, word_runs
from compassion_kit.check.findings import Findings
from compassion_kit.check.ooxml import El, Package, attr, first, q, whole, xpath
from compassion_kit.check.palette import LICENSED_FONTS, Identity, font_matches
from compassion_kit.check.shared_rules import (
    HEADING_MAX,
    check_alt,
    check_language,
    check_link,
    check_title,
    fake_list,
    snippet,
)

PAPER = {"A4": (11906, 16838), "Letter": (12240, 15840), "A5": (8391, 11906)}  # twips
MARGIN_MIN = 1134  # 2 cm
_SIZE_TOLERANCE = 20  # twips: Word writes 11907 for A4 as often as 11906
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)


@dataclass
class DocContext:
    """What every part's rules share: the package, styles, identity, profile, page colour."""

    pkg: Package
    styles: Styles
    identity: Identity
    profile: str
    found: Findings
    page: str = "#FFFFFF"


def check_docx(pkg: Package, found: Findings, who: Identity, profile: str) -> None:
    """Apply every document rule to the Word file in `pkg`, adding to `found`."""
    doc_part = pkg.main
    root = pkg.xml(doc_part)
    doc = DocContext(pkg, Styles(pkg, doc_part), who, profile, found)
    page = word_colour(first(root, "w:background"), doc.styles.scheme)
    doc.page = page if page and page != "auto" else "#FFFFFF"
    check_title(found, pkg.core_title(), pkg.path.name)
    lang = attr(first(doc.styles.root, "w:docDefaults/w:rPrDefault/w:rPr/w:lang"), "w:val")
    check_language(found, "styles", lang, "the document (docDefaults)")
    sections = xpath(root, ".//w:sectPr")
    _page_setup(doc, sections)
    _embedded_fonts(doc, doc_part)
    parts = [("body", doc_part, root)]
    for kind in ("header", "footer"):
        for n, part in enumerate(_referenced(pkg, doc_part, sections, kind), 1):
            parts.append((f"{kind}{n}", part, pkg.xml(part)))
    for name, part, part_root in parts:
        _part(doc, name, part, part_root)
    _headings(doc, root)
    docx_logo.check_colours(doc, parts)
    if who.logo_hashes or who.logo_aspect:
        docx_logo.check_logos(doc, parts, sections)


def _referenced(pkg: Package, doc_part: str, sections: list[El], kind: str) -> list[str]:
    found: list[str] = []
    for section in sections:
        for ref in section.iterfind(q(f"w:{kind}Reference")):
            target = pkg.target(doc_part, attr(ref, "r:id"))
            if target and pkg.has(target) and target not in found:
                found.append(target)
    return found


def where_of(name: str, number: int, text: str) -> str:
    """A paragraph's place for messages: 'body paragraph 12 "Start of its text…"'."""
    return (
        f'{name} paragraph {number} "{snippet(text, 30)}"'
        if text.strip()
        else (f"{name} paragraph {number}")
    )


def _part(doc: DocContext, name: str, part: str, root: El) -> None:
    styles, found = doc.styles, doc.found
    blanks: list[El] = []
    for number, para in enumerate(root.iter(q("w:p")), 1):
        place = place_of(para)
        words = word_runs(styles, para, place)
        text = "".join(r.text for r in words)
        where = where_of(name, number, text)
        heading = heading_level(styles, para) is not None
        check_runs(
            doc, where, para, words, backdrop(styles, para, place, doc.page), heading=heading
        )
        _hygiene(doc, where, para, text, heading, place)
        for link in links(para):
            shown = "".join(run_text(r) for r in runs(link))
            target = doc.pkg.target(part, attr(link, "r:id"))
            check_link(found, where, shown, target)
        for props in para.iter(q("wp:docPr")):
            check_alt(found, where, props, "picture")
        if para.find(f".//{q('wp:anchor')}") is not None:
            found.add(
                where,
                "KIT014",
                "W",
                "a floating object (text wrapping)",
                "set Wrap Text to 'In Line with Text' so it is read in order",
            )
        _blank_run(doc, where, para, place, blanks)
    for number, tbl in enumerate(root.iter(q("w:tbl")), 1):
        docx_tables.check_table(found, f"{name} table {number}", tbl, styles)


def _hygiene(doc: DocContext, where: str, para: El, text: str, heading: bool, place: Place) -> None:
    chain = doc.styles.para_chain(para, place)
    numbered = present(chain, "w:numPr")
    has_list = numbered is not None and value([numbered], "w:numId") not in (None, "0")
    if (
        not heading
        and not has_list
        and fake_list(text, _text(para.getprevious()), _text(para.getnext()))
    ):
        doc.found.add(
            where,
            "KIT014",
            "W",
            "a typed list marker instead of a real list",
            "use the List Bullet or List Number style",
        )
    if "   " in text.strip():
        doc.found.add(
            where,
            "KIT014",
            "T",
            "three or more spaces in a row",
            "use tabs, indents or a table to line text up",
        )


def _text(para: El | None) -> str:
    if para is None or not isinstance(para.tag, str) or para.tag != q("w:p"):
        return ""
    return "".join(run_text(r) for r in runs(para))


def _blank_run(doc: DocContext, where: str, para: El, place: Place, blanks: list[El]) -> None:
    """KIT014: two or more empty paragraphs in a row in the same container."""
    if not docx_tables.blank(para, doc.styles, place):
        blanks.clear()
        return
    if blanks and blanks[-1].getnext() is not para:
        blanks.clear()
    blanks.append(para)
    if len(blanks) == 2:
        doc.found.add(
            where,
            "KIT014",
            "W",
            "empty paragraphs used for spacing",
            "use Space Before/After in the paragraph style, or a page break",
        )


def heading_level(styles: Styles, para: El) -> int | None:
    """1-9 for a heading (outline level set directly or by style, or a "Heading N" style)."""
    style_id = styles.para_style(para)
    holders = [first(para, "w:pPr"), *(s.find(q("w:pPr")) for s in styles.chain(style_id))]
    level = value([h for h in holders if h is not None], "w:outlineLvl")
    if level is not None and level.isdigit() and int(level) < 9:
        return int(level) + 1
    match = _HEADING_NAME.match(styles.style_name(style_id))
    return int(match.group(1)) if match else None


def _headings(doc: DocContext, root: El) -> None:
    """KIT010 over the body: headings exist, start at level 1, never skip a level going down."""
    previous = 0
    seen, texts = 0, 0
    for number, para in enumerate(root.iter(q("w:p")), 1):
        text = "".join(run_text(r) for r in runs(para)).strip()
        level = heading_level(doc.styles, para)
        texts += bool(text)
        if level is None:
            continue
        seen += 1
        where = where_of("body", number, text)
        if not text:
            doc.found.add(where, "KIT010", "E", "an empty heading", "delete it, or give it text")
            continue
        if previous == 0 and level != 1:
            doc.found.add(
                where,
                "KIT010",
                "E",
                f"the first heading is level {level}, not 1",
                "start with Heading 1",
            )
        elif level > previous + 1 and previous:
            doc.found.add(
                where,
                "KIT010",
                "E",
                f"the heading levels jump from {previous} to {level}",
                f"use Heading {previous + 1} here",
            )
        if len(text) > HEADING_MAX:
            doc.found.add(
                where,
                "KIT010",
                "E",
                f"a heading of {len(text)} characters",
                f"keep headings under {HEADING_MAX} characters",
            )
        previous = level
    if not seen and texts >= 3:
        doc.found.add(
            "body",
            "KIT010",
            "E",
            "the document has no headings",
            "mark headings with Heading 1, Heading 2... so readers can navigate",
        )


def _page_setup(doc: DocContext, sections: list[El]) -> None:
    """KIT019: A4 (or the organisation's Letter) and margins of at least 2 cm."""
    wanted = PAPER.get(doc.identity.paper, PAPER["A4"])
    for number, section in enumerate(sections, 1):
        where = f"section {number}"
        size = first(section, "w:pgSz")
        width, height = (whole(size, f"w:{k}") for k in ("w", "h"))
        portrait = (
            abs(width - wanted[0]) <= _SIZE_TOLERANCE and abs(height - wanted[1]) <= _SIZE_TOLERANCE
        )
        landscape = (
            abs(width - wanted[1]) <= _SIZE_TOLERANCE and abs(height - wanted[0]) <= _SIZE_TOLERANCE
        )
        if not (portrait or landscape):
            doc.found.add(
                where,
                "KIT019",
                "E",
                f"the page is {width / 567:.1f} x {height / 567:.1f} cm, not {doc.identity.paper}",
                f"Layout > Size > {doc.identity.paper}",
            )
        margins = first(section, "w:pgMar")
        small = [
            side
            for side in ("top", "bottom", "left", "right")
            if margins is not None and abs(whole(margins, f"w:{side}")) < MARGIN_MIN - 1
        ]
        if small:
            doc.found.add(
                where,
                "KIT019",
                "E",
                f"the {', '.join(small)} margin{'s are' if len(small) > 1 else ' is'} under 2 cm",
                "Layout > Margins: at least 2 cm so nothing is lost in printing",
            )


def _embedded_fonts(doc: DocContext, doc_part: str) -> None:
    table = (doc.pkg.related(doc_part, "fontTable") or [""])[0]
    if not table or not doc.pkg.has(table):
        return
    for font in xpath(
        doc.pkg.xml(table), "w:font[w:embedRegular|w:embedBold|w:embedItalic|w:embedBoldItalic]"
    ):
        name = attr(font, "w:name") or ""
        if font_matches(name, LICENSED_FONTS):
            doc.found.add(
                "fonts",
                "KIT016",
                "E",
                f"the licensed font {name} is embedded",
                "turn off File > Options > Save > Embed fonts in the file",
            )
