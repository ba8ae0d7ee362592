"""The deck-setup rules of `kit check`: slide size (KIT019) and theme fonts (KIT016).

Owns telling what a deck took from the template it was built on ("the template wins"); the
slide-by-slide rules are `pptx_rules`' and `pptx_objects`'.
"""

from __future__ import annotations

from compassion_kit.check.findings import Findings
from compassion_kit.check.ooxml import Package
from compassion_kit.check.palette import Identity

# The name the kit writes as the last editor of every deck it builds (render/pptx/deck.py).
KIT_EDITOR = "compassion-kit"
# The custom property naming the organisation's template a deck was built on (render/pptx).
TEMPLATE_PROPERTY = "compassion-kit template"
WIDE = (12192000, 6858000)  # 16:9, 33.87 x 19.05 cm
A4_SLIDE = (9906000, 6858000)  # PowerPoint's "A4 Paper" size (27.5 x 19.05 cm)
# PowerPoint's other standard sizes, which organisations' templates use.
STANDARD_SIZES: dict[tuple[int, int], str] = {
    WIDE: "16:9",
    (9144000, 5143500): "16:9",  # PowerPoint 2010's "On-screen Show (16:9)", 25.4 x 14.29 cm
    (9144000, 5715000): "16:10",
    (9144000, 6858000): "4:3",
    A4_SLIDE: "A4",
    (9601200, 7315200): "Letter",
}
THEME_FONTS = (("+mn-lt", "body"), ("+mj-lt", "heading"))


def built_by_kit(pkg: Package) -> bool:
    """True when the kit built the deck on an organisation's template (a custom property the
    kit writes says which, and survives editing), or wrote it and nobody has saved it since.

    Such a deck's slide size and theme fonts are its template's: the kit's own template is
    16:9 in the brand font, and any other was chosen by the organisation with --template. A
    deck on the kit's own template, once someone saves it, is checked by the usual rules.
    """
    if pkg.custom_property(TEMPLATE_PROPERTY):
        return True
    return (pkg.core_field("cp:lastModifiedBy") or "").strip() == KIT_EDITOR


def template_fonts(pkg: Package, fonts: dict[str, str]) -> frozenset[str]:
    """The theme fonts `kit check` accepts as the template's own: all of the theme's fonts for
    a deck the kit built (see `built_by_kit`), none for any other deck."""
    if not built_by_kit(pkg):
        return frozenset()
    return frozenset(face for key, _role in THEME_FONTS if (face := fonts.get(key)))


def check_size(found: Findings, size: tuple[int, int], profile: str, from_template: bool) -> None:
    """KIT019: 16:9 slides (A4 too for print). A kit-built deck in another standard size took it
    from its organisation's template: a tip, not a fault. Anything else is an error."""
    allowed = [WIDE, A4_SLIDE] if profile == "print" else [WIDE]
    if size in allowed:
        return
    cx, cy = (round(v / 360000, 2) for v in size)
    standard = STANDARD_SIZES.get(size)
    if from_template and standard is not None:
        if standard != "16:9":
            found.add(
                "presentation",
                "KIT019",
                "T",
                f"the slides are {standard} ({cx:g} x {cy:g} cm), as in the deck's template",
                "16:9 fills today's screens and projectors, if your template comes in 16:9",
            )
        return
    found.add(
        "presentation",
        "KIT019",
        "E",
        f"the slide size is {cx:g} x {cy:g} cm, not 16:9 (33.87 x 19.05 cm)"
        + (" or A4" if profile == "print" else ""),
        "Design > Slide Size > Widescreen (16:9)",
    )


def check_theme_fonts(
    found: Findings, fonts: dict[str, str], who: Identity, accepted: frozenset[str]
) -> None:
    """KIT016 for the theme's body and heading fonts: a warning when not a brand font, a tip
    when the font is the template's own (`accepted`, see `template_fonts`)."""
    for key, role in THEME_FONTS:
        face = fonts.get(key)
        if not face or who.font_allowed(face):
            continue
        if face in accepted:
            found.add(
                "theme",
                "KIT016",
                "T",
                f"the theme's {role} font is {face}, from the deck's template: the kit uses it",
                f"to hold the deck to {face} after it is edited, set font: {face} in the "
                "organisation profile",
            )
        else:
            found.add(
                "theme",
                "KIT016",
                "W",
                f"the theme's {role} font is {face}; text added later will use it",
                "Design > Variants > Fonts: choose a theme font set in the brand font",
            )
