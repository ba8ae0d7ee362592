"""The rules for slide decks (.pptx): titles, reading order, alt text, tables, text and setup.

Owns walking a presentation slide by slide and applying KIT001-KIT019 to what `pptx_model`
and `pptx_text` resolve; the NHS identity rules (fonts, colours, logo) are `identity`'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from compassion_kit.check import identity, pptx_objects
from compassion_kit.check.findings import Findings
from compassion_kit.check.ooxml import El, Package, attr, first, local, whole, xpath
from compassion_kit.check.palette import LICENSED_FONTS, Identity, font_matches
from compassion_kit.check.pptx_fills import backdrop
from compassion_kit.check.pptx_model import (
    Box,
    Slide,
    box,
    inherited,
    load_slides,
    master_fonts,
    tree,
    walk,
)
from compassion_kit.check.pptx_order import reading_order
from compassion_kit.check.pptx_setup import (
    WIDE,
    built_by_kit,
    check_size,
    check_theme_fonts,
    template_fonts,
)
from compassion_kit.check.pptx_text import is_furniture, is_title, shape_paragraphs
from compassion_kit.check.shared_rules import check_language, check_title, snippet


@dataclass
class DeckContext:
    """What every slide's rules share: the package, presentation, identity and profile."""

    pkg: Package
    pres: El
    identity: Identity
    profile: str
    size: tuple[int, int]
    found: Findings
    fonts: dict[str, str]
    template_fonts: frozenset[str] = frozenset()  # the template's theme fonts, accepted
    titles: dict[str, int] = field(default_factory=dict)


def check_pptx(pkg: Package, found: Findings, who: Identity, profile: str) -> None:
    """Apply every slide rule to the presentation in `pkg`, adding to `found`."""
    pres, slides = load_slides(pkg)
    size_el = first(pres, "p:sldSz")
    size = (whole(size_el, "cx"), whole(size_el, "cy")) if size_el is not None else WIDE
    fonts = slides[0].fonts if slides else master_fonts(pkg)
    deck = DeckContext(pkg, pres, who, profile, size, found, fonts, template_fonts(pkg, fonts))
    _presentation(deck)
    for slide in slides:
        _slide(deck, slide)
    identity.check_pptx_colours(found, pkg, slides, who, built_by_kit(pkg))


def _presentation(deck: DeckContext) -> None:
    found, pres = deck.found, deck.pres
    check_title(found, deck.pkg.core_title(), deck.pkg.path.name)
    lang = attr(first(pres, "p:defaultTextStyle/a:defPPr/a:defRPr"), "lang") or attr(
        first(pres, "p:defaultTextStyle/a:lvl1pPr/a:defRPr"), "lang"
    )
    check_language(found, "presentation", lang, "the presentation (defaultTextStyle)")
    check_size(found, deck.size, deck.profile, built_by_kit(deck.pkg))
    check_theme_fonts(found, deck.fonts, deck.identity, deck.template_fonts)
    for font in xpath(pres, "p:embeddedFontLst/p:embeddedFont/p:font"):
        face = attr(font, "typeface") or ""
        if font_matches(face, LICENSED_FONTS):
            found.add(
                "presentation",
                "KIT016",
                "E",
                f"the licensed font {face} is embedded in the file",
                "turn off File > Options > Save > Embed fonts; Frutiger may not be shared",
            )


def _slide(deck: DeckContext, slide: Slide) -> None:
    where = f"slide {slide.number}"
    spt = tree(slide.root)
    placed: list[tuple[El, Box | None]] = [
        (shape, box(slide, shape, transform)) for shape, transform in walk(spt)
    ]
    _title(deck, slide, where)
    reading_order(deck.found, where, slide, spt)
    backdrops: list[tuple[El, Box | None]] = []
    for shape, shape_box in placed:
        kind = local(shape)
        if kind in ("pic", "graphicFrame") or (kind == "grpSp" and shape.getparent() is spt):
            pptx_objects.check_object(deck, slide, where, shape, backdrops, shape_box)
        elif kind == "sp":
            paragraphs = shape_paragraphs(slide, shape, deck.pres)
            if any(p.text.strip() for p in paragraphs):
                back = backdrop(slide, shape, shape_box, backdrops)
                pptx_objects.check_text(
                    deck, slide, where, paragraphs, back, is_title(shape), is_furniture(shape)
                )
            elif not inherited(slide, shape) and first(shape, "./*[1]/p:nvPr/p:ph") is None:
                pptx_objects.check_shape_alt(deck, where, shape)
        backdrops.append((shape, shape_box))
    if deck.identity.logo_hashes or deck.identity.logo_aspect:
        identity.check_slide_logo(deck, slide, where, placed)
    _transitions(deck.found, where, slide.root)


def _title(deck: DeckContext, slide: Slide, where: str) -> None:
    titles = [s for s, _ in walk(tree(slide.root)) if is_title(s)]
    text = " ".join(
        p.text.strip() for s in titles for p in shape_paragraphs(slide, s, deck.pres)
    ).strip()
    if not text:
        found_what = "an empty title placeholder" if titles else "no title placeholder"
        deck.found.add(
            where,
            "KIT003",
            "E",
            f"the slide has {found_what}",
            "give every slide a unique title, even if you move it off the slide",
        )
        return
    key = " ".join(text.split()).casefold()
    if key in deck.titles:
        deck.found.add(
            where,
            "KIT004",
            "W",
            f"the title '{snippet(text, 60)}' is also the title of slide {deck.titles[key]}",
            'make titles unique, for example by adding "(2 of 3)"',
        )
    else:
        deck.titles[key] = slide.number


def _transitions(found: Findings, where: str, root: El) -> None:
    for transition in xpath(root, ".//p:transition[@advTm]"):
        found.add(
            where,
            "KIT019",
            "W",
            f"the slide advances by itself after {whole(transition, 'advTm') / 1000:g} s",
            "let people move on when they are ready: untick 'After' in Transitions",
        )
        break
    if xpath(root, ".//a:videoFile|.//a:audioFile|.//p:extLst//*[local-name()='media']"):
        found.add(
            where,
            "KIT019",
            "W",
            "the slide has embedded audio or video",
            "make sure it has captions (Playback > Insert Captions) and a transcript",
        )
