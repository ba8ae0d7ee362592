"""Rules for what sits on a slide: pictures, charts, groups, tables and runs of text.

Owns KIT001/KIT002 for slide objects, the text rules for each resolved run (KIT008, KIT009,
KIT011, KIT013-KIT016) and chart checks; the slide walk itself is `pptx_rules`'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compassion_kit.check import pptx_tables
from compassion_kit.check.colours import colour_child
from compassion_kit.check.ooxml import El, attr, first, whole, xpath
from compassion_kit.check.pptx_fills import GRADIENT, PICTURE, backdrop
from compassion_kit.check.pptx_model import Box, Slide, c_nv_pr
from compassion_kit.check.pptx_text import Paragraph, Run, cell_paragraphs
from compassion_kit.check.shared_rules import (
    check_alt,
    check_contrast,
    check_link,
    check_run_language,
    fake_list,
    points,
    shouting,
    snippet,
    symbols_only,
)

if TYPE_CHECKING:
    from compassion_kit.check.pptx_rules import DeckContext

BODY_MIN, BODY_GOOD, TITLE_GOOD = 18.0, 24.0, 32.0  # points (ACCESSIBILITY.md KIT009)
_JUSTIFIED = ("just", "dist", "justLow", "thaiDist")
_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def check_shape_alt(deck: DeckContext, where: str, shape: El) -> None:
    """KIT001/KIT002 for a drawn shape with no text (it needs alt text or to be decorative)."""
    props = c_nv_pr(shape)
    if props is not None:
        check_alt(deck.found, where, props, "shape")


def check_object(
    deck: DeckContext,
    slide: Slide,
    where: str,
    shape: El,
    below: list[tuple[El, Box | None]],
    shape_box: Box | None,
) -> None:
    """Pictures, top-level groups, charts, diagrams and tables."""
    props = c_nv_pr(shape)
    tbl = first(shape, "a:graphic/a:graphicData/a:tbl")
    if tbl is not None:
        pptx_tables.check_table(deck.found, where, tbl)
        behind = backdrop(slide, shape, shape_box, below)
        for cell in pptx_tables.cells(deck.pkg, slide, tbl):
            paragraphs = cell_paragraphs(slide, cell.element, deck.pres, cell.style_text)
            check_text(deck, slide, where, paragraphs, cell.fill or behind, False)
        return
    what = {"pic": "picture", "grpSp": "group"}.get(shape.tag.rsplit("}", 1)[-1], "object")
    data = first(shape, "a:graphic/a:graphicData")
    if data is not None and data.get("uri") == _CHART:
        what = "chart"
        _chart(deck, slide, where, first(data, "c:chart"))
    elif data is not None and "diagram" in str(data.get("uri")):
        what = "diagram"
    if props is not None:
        check_alt(deck.found, where, props, what)


def _chart(deck: DeckContext, slide: Slide, where: str, ref: El | None) -> None:
    part = deck.pkg.target(slide.part, attr(ref, "r:id"))
    if part is None or not deck.pkg.has(part):
        return
    chart = deck.pkg.xml(part)
    for holder in xpath(chart, ".//a:defRPr[@sz]|.//a:rPr[@sz]"):
        size = whole(holder, "sz")
        if size / 100 < BODY_MIN:
            deck.found.add(
                where,
                "KIT009",
                "E",
                f"chart text is {points(size / 100)}; slide text needs at least 18 pt",
                "set the chart's font size to 18 pt or more",
            )
            break
    back_fill = first(chart, "c:chart/c:plotArea/c:spPr/a:solidFill") or first(
        chart, "c:spPr/a:solidFill"
    )
    back = slide.colour(colour_child(back_fill)) if back_fill is not None else "#FFFFFF"
    for series in xpath(chart, ".//c:ser/c:spPr/a:solidFill"):
        colour = slide.colour(colour_child(series))
        if colour and back and _ratio(colour, back) < 3.0:
            deck.found.add(
                where,
                "KIT008",
                "T",
                f"a chart series in {colour} has {_ratio(colour, back):.2f}:1 against {back}",
                "graphics that carry meaning need 3:1 (WCAG 1.4.11)",
            )


def _ratio(a: str, b: str) -> float:
    from compassion_kit.check.colours import ratio

    return ratio(a, b)


def check_text(
    deck: DeckContext,
    slide: Slide,
    where: str,
    paragraphs: list[Paragraph],
    behind: str,
    title: bool,
    furniture: bool = False,
) -> None:
    """Every rule about the runs of one shape or cell, against what is behind them;
    `furniture` marks a footer, date or slide number, whose small size is the template's."""
    found = deck.found
    manual_done = False
    texts = ["", *(p.text for p in paragraphs), ""]
    for number, para in enumerate(paragraphs, 1):
        runs = [r for r in para.runs if r.text.strip()]
        if not runs:
            continue
        _paragraph_rules(deck, where, para, runs, title, (texts[number - 1], texts[number + 1]))
        for run in runs:
            fore = run.colour or slide.scheme.get(slide.clr_map.get("tx1", "dk1"), "#000000")
            if fore == GRADIENT or behind in (PICTURE, GRADIENT):
                if not manual_done:
                    found.add(
                        where,
                        "KIT008",
                        "W",
                        f"text over a {'picture' if behind == PICTURE else 'gradient'} or in a "
                        f"gradient needs a manual contrast check ('{snippet(run.text)}')",
                        "check it by eye; prefer a solid background",
                    )
                    manual_done = True
            else:
                check_contrast(found, where, run.text, fore, behind, run.size, run.bold)
            _size(deck, where, run, title, furniture)
            _font(deck, slide, where, run)
            check_run_language(found, where, run.lang)
        _links(deck, slide, where, para)


def _paragraph_rules(
    deck: DeckContext,
    where: str,
    para: Paragraph,
    runs: list[Run],
    title: bool,
    neighbours: tuple[str, str],
) -> None:
    found, text = deck.found, para.text
    if para.bullet_none and fake_list(text, *neighbours):
        found.add(
            where,
            "KIT014",
            "W",
            f"'{snippet(text)}' looks like a typed list item",
            "use PowerPoint's bullets or numbering so the list is read as a list",
        )
    if "   " in text:
        found.add(
            where,
            "KIT014",
            "T",
            f"'{snippet(text)}' has runs of spaces",
            "use tabs or separate text boxes to line things up",
        )
    if para.align in _JUSTIFIED:
        found.add(where, "KIT015", "W", "justified text", "align text to the left")
    if len(text.split()) >= 4 and all(r.italic for r in runs):
        found.add(
            where,
            "KIT015",
            "W",
            f"'{snippet(text)}' is all in italics",
            "use bold or a quote layout for emphasis; long italic text is harder to read",
        )
    if not title and (all(r.caps for r in runs) or shouting(text)):
        found.add(
            where,
            "KIT015",
            "W",
            f"'{snippet(text)}' is in capitals",
            "use sentence case; blocks of capitals are harder to read",
        )
    if any(r.underline and not r.link for r in runs):
        found.add(
            where,
            "KIT015",
            "W",
            f"'{snippet(text)}' is underlined but not a link",
            "keep underline for links; use bold for emphasis",
        )


def _size(deck: DeckContext, where: str, run: Run, title: bool, furniture: bool) -> None:
    if furniture:  # footers, slide numbers, a name for a logo: on every slide, no content lost
        if run.size < BODY_MIN:
            deck.found.add(
                where,
                "KIT009",
                "T",
                f"text repeated on every slide (footer, slide number or the organisation's "
                f"name) is {points(run.size)}",
                "18 pt reads better from the back of a room",
            )
        return
    if run.size < BODY_MIN:
        deck.found.add(
            where,
            "KIT009",
            "E",
            f"text is {points(run.size)}; slide text needs at least 18 pt",
            "shorten the text or split the slide instead of shrinking it",
        )
    elif title and run.size < TITLE_GOOD:
        deck.found.add(
            where,
            "KIT009",
            "W",
            f"title text is {points(run.size)}; aim for 32 pt or more",
            "shorten the title",
        )
    elif not title and run.size < BODY_GOOD:
        deck.found.add(
            where,
            "KIT009",
            "W",
            f"text is {points(run.size)}; aim for 24 pt or more (it prints at about 12 pt "
            "in 2-up handouts)",
            "shorten the text or split the slide",
        )


def _font(deck: DeckContext, slide: Slide, where: str, run: Run) -> None:
    face = run.typeface or slide.fonts.get("+mn-lt")
    if face in deck.template_fonts:
        return  # the template's own font (`pptx_setup.template_fonts`)
    if face and not symbols_only(run.text) and not deck.identity.font_allowed(face):
        deck.found.add(
            where,
            "KIT016",
            "E",
            f"text is set in {face}, which is not a brand font",
            f"use {' or '.join(f.rstrip('*') for f in deck.identity.fonts)}",
        )


def _links(deck: DeckContext, slide: Slide, where: str, para: Paragraph) -> None:
    current: str | None = None
    text = ""
    for run in [*para.runs, None]:
        link = run.link if run is not None else None
        if link != current and current is not None:
            check_link(deck.found, where, text, deck.pkg.target(slide.part, current))
            text = ""
        current = link
        if run is not None and link is not None:
            text += run.text
