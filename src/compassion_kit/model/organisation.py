"""The organisation profile (`--org ORG.yaml`): name, logo, colours, font, paper.

Owns what a profile may say; reading the logo file is `logo.py`'s business.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from compassion_kit.model._schema import Before, Strict, field
from compassion_kit.model.common import WEB_ADDRESS, Text

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _hex(value: object) -> object:
    # Checked before the type: an unquoted #005EB8 is a YAML comment, so the value is null.
    if value is None:
        raise ValueError(
            "no colour given; if you wrote #005EB8 without quotes, YAML read it as a "
            'comment: write "#005EB8"'
        )
    if not isinstance(value, str) or not _HEX.match(value.strip()):
        raise ValueError(f"'{value}' is not a colour such as \"#005EB8\" (# and 6 digits)")
    return value.strip().upper()


Colour = Annotated[str, Before(_hex)]


class Colours(Strict):
    """Brand colours as #RRGGBB. Each must reach 4.5:1 contrast where it is used for text."""

    primary: Colour = field(
        default="#005EB8", description="Headings, title bars (default NHS Blue)"
    )
    secondary: Colour = field(
        default="#003087", description="Sub-headings, figure numbers (NHS Dark Blue)"
    )
    accent: Colour = field(
        default="#FFB81C", description="Fills behind dark text (NHS Warm Yellow)"
    )


class SupportContact(Strict):
    """Wellbeing signposting shown on closing slides and handouts."""

    name: Text
    contact: Text


class Organisation(Strict):
    """Who the materials are for; every command takes one with `--org`."""

    name: Text = field(max_length=120)
    short_name: Text | None = field(default=None, max_length=30)
    logo: Text | None = field(default=None, description="PNG, JPEG or SVG, relative to the profile")
    logo_alt: Text | None = field(default=None, max_length=150, description="Alt text for the logo")
    colours: Colours = field(default_factory=Colours)
    font: Text = field(default="Arial", description="Font family for all text")
    paper: Literal["A4", "Letter"] = "A4"
    support: list[SupportContact] = field(default_factory=list)
    survey_url: Text | None = field(default=None, pattern=WEB_ADDRESS)

    @property
    def alt_text(self) -> str:
        """Logo alt text: the profile's, or one built from the organisation name."""
        return self.logo_alt or f"{self.name} logo"


DEFAULT_ORGANISATION = Organisation(name="Your organisation")
