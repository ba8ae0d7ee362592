"""The effective look of each run of Word text, and the rules judged run by run.

Owns KIT008 (contrast against run, paragraph, cell and page shading), KIT009 (size), KIT013
(run language), KIT015 (justified, italic, capitals, underline, line spacing) and KIT016
(fonts) for .docx paragraphs; walking the document is `docx_rules`'.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from compassion_kit.check.colours import colour_child, drawing_colour, word_shading
from compassion_kit.check.docx_model import (
    DEFAULT_FONT,
    DEFAULT_HALF_POINTS,
    Place,
    Styles,
    place_of,
    present,
    run_text,
    runs,
    text_colour,
    toggle,
    value,
)
from compassion_kit.check.ooxml import El, attr, first, local, q
from compassion_kit.check.shared_rules import (
    check_contrast,
    check_run_language,
    points,
    shouting,
    symbols_only,
)

if TYPE_CHECKING:
    from compassion_kit.check.docx_rules import DocContext

_HIGHLIGHT = {
    "yellow": "#FFFF00", "green": "#00FF00", "cyan": "#00FFFF", "magenta": "#FF00FF",
    "blue": "#0000FF", "red": "#FF0000", "darkBlue": "#000080", "darkCyan": "#008080",
    "darkGreen": "#008000", "darkMagenta": "#800080", "darkRed": "#800000",
    "darkYellow": "#808000", "darkGray": "#808080", "lightGray": "#C0C0C0",
    "black": "#000000", "white": "#FFFFFF",
}  # fmt: skip
_JUSTIFIED = ("both", "distribute", "mediumKashida", "highKashida", "lowKashida", "thaiDistribute")
LINE_GOOD = 360  # 1.5 lines, in 240ths of a line (w:lineRule="auto")


@dataclass(frozen=True)
class WordRun:
    """One run of text with its effective properties."""

    text: str
    size: float  # points
    bold: bool
    italic: bool
    caps: bool
    underline: bool
    colour: str | None  # "#RRGGBB", "auto" or None (automatic)
    shading: str | None  # run shading or highlight behind the text
    font: str
    lang: str | None  # set on the run or its styles (not the document default)
    in_link: bool


def word_runs(styles: Styles, para: El, place: Place) -> list[WordRun]:
    """The paragraph's runs that show text, with effective properties."""
    found = []
    for run in runs(para):
        text = run_text(run)
        if not text:
            continue
        chain = styles.run_chain(run, para, place)
        size = value(chain, "w:sz")
        highlight = value(
            chain[:-1] if chain and chain[-1] is styles.doc_rpr else chain, "w:highlight"
        )
        found.append(
            WordRun(
                text=text,
                size=int(size) / 2 if size and size.isdigit() else DEFAULT_HALF_POINTS / 2,
                bold=toggle(chain, "w:b"),
                italic=toggle(chain, "w:i"),
                caps=toggle(chain, "w:caps"),
                underline=(value(chain, "w:u") or "none") != "none",
                colour=text_colour(styles, chain),
                shading=word_shading(present(chain, "w:shd"), styles.scheme)
                or _HIGHLIGHT.get(highlight or ""),
                font=_font(styles, chain),
                lang=value([c for c in chain if c is not styles.doc_rpr], "w:lang"),
                in_link=any(local(a) == "hyperlink" for a in run.iterancestors())
                or (attr(first(run, "w:rPr/w:rStyle"), "w:val") or "").startswith("Hyperlink"),
            )
        )
    return found


def _font(styles: Styles, chain: list[El]) -> str:
    for holder in chain:
        fonts = holder.find(q("w:rFonts"))
        if fonts is None:
            continue
        theme = attr(fonts, "w:asciiTheme")
        if theme:
            return styles.fonts.get("major" if theme.startswith("major") else "minor", DEFAULT_FONT)
        if attr(fonts, "w:ascii"):
            return str(attr(fonts, "w:ascii"))
    return styles.fonts.get("minor", DEFAULT_FONT)


def backdrop(styles: Styles, para: El, place: Place, page: str) -> str:
    """What is behind the paragraph: its shading, the nearest shaded cell, a text box, the page."""
    shading = word_shading(present(styles.para_chain(para, place), "w:shd"), styles.scheme)
    if shading:
        return shading
    for holder in para.iterancestors(q("w:tc"), q("wps:wsp")):
        if local(holder) == "tc":
            fill = styles.table_fill(place if holder is place.cell else place_of(holder))
        else:
            solid = colour_child(first(holder, "wps:spPr/a:solidFill"))
            fill = drawing_colour(solid, styles.scheme, {}) if solid is not None else None
        if fill:
            return fill
    return page


def check_runs(
    doc: DocContext, where: str, para: El, words: list[WordRun], behind: str, *, heading: bool
) -> None:
    """KIT008, KIT009, KIT013 and KIT016 for each run, KIT015 for the paragraph."""
    found, large_print = doc.found, doc.profile == "large-print"
    floor = 16.0 if large_print else 12.0
    style = doc.styles.style_name(doc.styles.para_style(para))
    for run in words:
        if not run.text.strip():
            continue
        fore = run.colour
        back = run.shading or behind
        if fore in (None, "auto"):
            fore = "#FFFFFF" if _dark(back) else "#000000"  # Word's automatic colour
        check_contrast(found, where, run.text, fore, back, run.size, run.bold)
        if run.size < floor:
            found.add(
                where,
                "KIT009",
                "E",
                f"text is {points(run.size)} (style '{style}'); "
                f"printed text needs at least {points(floor)}",
                "raise the style's size; tables and footers count too",
            )
        elif run.size < 14 and not large_print:
            found.add(
                where,
                "KIT009",
                "T",
                f"text is {points(run.size)}; 14 pt helps readers with sight loss",
                "consider 14 pt for such audiences (GCS, RNIB)",
            )
        if not symbols_only(run.text) and not doc.identity.font_allowed(run.font):
            found.add(
                where,
                "KIT016",
                "E",
                f"text is set in {run.font}, which is not a brand font (style '{style}')",
                f"use {' or '.join(f.rstrip('*') for f in doc.identity.fonts)}",
            )
        check_run_language(found, where, run.lang)
    _readability(doc, where, para, words, heading, style)


def _dark(colour: str) -> bool:
    from compassion_kit.check.colours import ratio

    return ratio(colour, "#FFFFFF") > ratio(colour, "#000000")


def _readability(
    doc: DocContext, where: str, para: El, words: list[WordRun], heading: bool, style: str
) -> None:
    found = doc.found
    visible = [r for r in words if r.text.strip() and not symbols_only(r.text)]
    if not visible:
        return
    text = "".join(r.text for r in words)
    chain = doc.styles.para_chain(para, place_of(para))
    if value(chain, "w:jc") in _JUSTIFIED:
        found.add(
            where,
            "KIT015",
            "W",
            f"justified text (style '{style}')",
            "align text to the left; justified spacing makes rivers that are hard to read",
        )
    if len(text.split()) >= 4 and all(r.italic for r in visible):
        found.add(
            where,
            "KIT015",
            "W",
            f"a whole paragraph in italics (style '{style}')",
            "use bold for emphasis; long italic text is harder to read",
        )
    if not heading and (all(r.caps for r in visible) or shouting(text)):
        found.add(
            where,
            "KIT015",
            "W",
            f"a paragraph in capitals (style '{style}')",
            "use sentence case; blocks of capitals are harder to read",
        )
    if any(r.underline and not r.in_link for r in visible):
        found.add(
            where,
            "KIT015",
            "W",
            "underlined text that is not a link",
            "keep underline for links; use bold for emphasis",
        )
    line, rule = value(chain, "w:spacing", "w:line"), value(chain, "w:spacing", "w:lineRule")
    in_table = place_of(para).cell is not None
    body = where.startswith("body")
    if body and not heading and not in_table and (rule or "auto") == "auto":
        spacing = int(line) if line and line.lstrip("-").isdigit() else 240
        if spacing < LINE_GOOD:
            found.add(
                where,
                "KIT015",
                "T",
                "line spacing under 1.5 lines",
                "1.5 lines is easier to read (RNIB, BDA)",
            )
