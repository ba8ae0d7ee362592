"""The organisation profile (`--org ORG.yaml`): name, logo, colours, font, paper.

Owns what a profile may say; reading the logo file is `logo.py`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from annotated_types import MaxLen

from compassion_kit.colours import read_colour, text_shade
from compassion_kit.model.common import WEB_ADDRESS, Record, Text
from compassion_kit.model.rules import Before, Refusal

PAPER_SIZES = ("A4", "Letter", "A5")


def _colour(value: object) -> object:
    # Checked before the type: an unquoted #005EB8 is a YAML comment, so the value is null.
    if value is None:
        raise Refusal(
            "no colour given; if you wrote #005EB8 without quotes, YAML read it as a "
            'comment: write "#005EB8"'
        )
    if not isinstance(value, str):
        raise Refusal(f'\'{value}\' is not a colour such as "#005EB8" or "NHS Blue"')
    try:
        return read_colour(value)
    except ValueError as exc:
        raise Refusal(str(exc)) from None


def _paper(value: object) -> object:
    if isinstance(value, str):
        for size in PAPER_SIZES:
            if value.strip().casefold() == size.casefold():
                return size
    raise Refusal(f"'{value}' is not a paper size the kit prints on: use A4, Letter or A5")


Colour = Annotated[str, Before(_colour)]
"""Any colour a person writes (#036, rgb(), hsl(), CSS or NHS names), kept as #RRGGBB."""


@dataclass(frozen=True, kw_only=True)
class Colours(Record):
    """Brand colours as #RRGGBB, used as they are for fills, rules and chart series.

    Text in a brand colour uses its `*_text` shade: the colour itself when it reaches 4.5:1 on
    white, else a darker shade of the same hue that does (the profile check says so).
    """

    primary: Colour = "#005EB8"
    """Headings, title bars (default NHS Blue)"""
    secondary: Colour = "#003087"
    """Sub-headings, figure numbers (NHS Dark Blue)"""
    accent: Colour = "#FFB81C"
    """Fills behind dark text (NHS Warm Yellow)"""

    @property
    def primary_text(self) -> str:
        """The primary colour for text on white: itself, or a darker shade reaching 4.5:1."""
        return text_shade(self.primary)

    @property
    def secondary_text(self) -> str:
        """The secondary colour for text on white: itself, or a darker shade reaching 4.5:1."""
        return text_shade(self.secondary)


@dataclass(frozen=True, kw_only=True)
class SupportContact(Record):
    """Wellbeing signposting shown on closing slides and handouts."""

    name: Text
    contact: Text


@dataclass(frozen=True, kw_only=True)
class Organisation(Record):
    """Who the materials are for; every command takes one with `--org`."""

    name: Annotated[Text, MaxLen(250)]
    """The name as the organisation writes it: bilingual ("Welsh / English") and any script"""
    short_name: Annotated[Text, MaxLen(30)] | None = None
    logo: Text | None = None
    """PNG, JPEG, SVG/SVGZ, GIF, WebP, BMP or TIFF, relative to the profile"""
    logo_alt: Annotated[Text, MaxLen(250)] | None = None
    """Alt text for the logo"""
    colours: Colours = field(default_factory=Colours)
    font: Text = "Arial"
    """Font family for all text"""
    paper: Annotated[Literal["A4", "Letter", "A5"], Before(_paper)] = "A4"
    """A4, Letter or A5, in any case"""
    support: list[SupportContact] = field(default_factory=list)
    survey_url: Annotated[Text, WEB_ADDRESS] | None = None

    @property
    def alt_text(self) -> str:
        """Logo alt text: the profile's, or one built from the organisation name."""
        return self.logo_alt or f"{self.name} logo"


DEFAULT_ORGANISATION = Organisation(name="Your organisation")
