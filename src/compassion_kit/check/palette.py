"""The NHS identity the checker holds files to: palette, fonts, and the organisation's additions.

Owns the allow-lists (from ACCESSIBILITY.md and the NHS identity guidelines); not how files
state colours or fonts (`colours.py`, the rule modules).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

# The NHS palette is also how people may name colours in a profile, so it lives there.
from compassion_kit.colours import NHS_PALETTE as NHS_PALETTE

if TYPE_CHECKING:
    from compassion_kit.profile import Brand

DEFAULT_FONTS = ("Arial", "Frutiger*")
# Space kept clear around the logo, as a share of the logo's height. The NHS asks for the
# exclusion zone of the supplied artwork; a quarter of the height is a stand-in until a
# profile can say so (see docs/notes/check.md).
CLEAR_SPACE = 0.25
# Frutiger is licensed: it may be named (people who own it see it) but never embedded.
LICENSED_FONTS = ("Frutiger*",)
# Body and title fonts only: Office writes these symbol fonts for bullets and tick boxes.
SYMBOL_FONTS = frozenset(
    {"Symbol", "Wingdings", "Wingdings 2", "Wingdings 3", "Segoe UI Symbol", "MS Gothic"}
)


@dataclass(frozen=True)
class Identity:
    """What one organisation may use: fonts (a trailing * matches a family), colours, logo."""

    name: str
    short_name: str | None
    fonts: tuple[str, ...]
    colours: dict[str, str]
    paper: str = "A4"
    logo_hashes: frozenset[str] = frozenset()  # SHA-256 of the logo file and of our PNG of it
    logo_aspect: float | None = None  # width / height of the artwork
    clear_space: float = CLEAR_SPACE

    def font_allowed(self, typeface: str) -> bool:
        """True when `typeface` is on the allow-list (case-insensitive; "Frutiger*" is a prefix)."""
        return font_matches(typeface, self.fonts)

    def colour_allowed(self, colour: str) -> bool:
        """True for the NHS palette, the organisation's colours, and near-white or near-black."""
        colour = colour.upper()
        if colour in NHS_PALETTE or colour in self.colours:
            return True
        channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
        return min(channels) >= 0xF2 or max(channels) <= 0x33


def font_matches(typeface: str, patterns: tuple[str, ...]) -> bool:
    """True when `typeface` matches one of `patterns` ("Frutiger*" matches "Frutiger 55 Roman")."""
    name = typeface.strip().casefold()
    for pattern in patterns:
        wanted = pattern.strip().casefold()
        if wanted.endswith("*") and name.startswith(wanted[:-1].rstrip()):
            return True
        if name == wanted:
            return True
    return False


def identity_of(brand: Brand | None) -> Identity:
    """The allow-lists for `brand`: its font plus Arial (the NHS secondary font) and colours.

    Without a brand: Arial and Frutiger, the NHS palette, and no logo.
    """
    if brand is None:
        return Identity("", None, DEFAULT_FONTS, {})
    org = brand.organisation
    font = "Frutiger*" if font_matches(org.font, ("Frutiger*",)) else org.font
    fonts = (font,) if font_matches(font, ("Arial",)) else (font, "Arial")
    colours = {
        org.colours.primary.upper(): "the organisation's primary colour",
        org.colours.secondary.upper(): "the organisation's secondary colour",
        org.colours.accent.upper(): "the organisation's accent colour",
        org.colours.primary_text: "the text shade of the organisation's primary colour",
        org.colours.secondary_text: "the text shade of the organisation's secondary colour",
    }
    hashes: set[str] = set()
    aspect = None
    if brand.logo_path is not None:
        from compassion_kit.logo import load_logo

        logo = load_logo(brand)  # raises ContentError when the file is missing or broken
        if logo is not None:
            hashes = {_sha256(brand.logo_path.read_bytes()), _sha256(logo.png)}
            aspect = logo.width_px / logo.height_px
    return Identity(org.name, org.short_name, fonts, colours, org.paper, frozenset(hashes), aspect)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
