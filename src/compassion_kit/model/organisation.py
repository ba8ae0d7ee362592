"""The organisation profile (`--org ORG.yaml`): name, logo, colours, font, paper.

Owns what a profile may say; reading the logo file is `logo.py`'s business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated, Literal

from annotated_types import MaxLen

from compassion_kit.model.common import WEB_ADDRESS, Record, Text
from compassion_kit.model.rules import Before, Refusal

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def _hex(value: object) -> object:
    # Checked before the type: an unquoted #005EB8 is a YAML comment, so the value is null.
    if value is None:
        raise Refusal(
            "no colour given; if you wrote #005EB8 without quotes, YAML read it as a "
            'comment: write "#005EB8"'
        )
    if not isinstance(value, str) or not _HEX.match(value.strip()):
        raise Refusal(f"'{value}' is not a colour such as \"#005EB8\" (# and 6 digits)")
    return value.strip().upper()


Colour = Annotated[str, Before(_hex)]


@dataclass(frozen=True, kw_only=True)
class Colours(Record):
    """Brand colours as #RRGGBB. Each must reach 4.5:1 contrast where it is used for text."""

    primary: Colour = "#005EB8"
    """Headings, title bars (default NHS Blue)"""
    secondary: Colour = "#003087"
    """Sub-headings, figure numbers (NHS Dark Blue)"""
    accent: Colour = "#FFB81C"
    """Fills behind dark text (NHS Warm Yellow)"""


@dataclass(frozen=True, kw_only=True)
class SupportContact(Record):
    """Wellbeing signposting shown on closing slides and handouts."""

    name: Text
    contact: Text


@dataclass(frozen=True, kw_only=True)
class Organisation(Record):
    """Who the materials are for; every command takes one with `--org`."""

    name: Annotated[Text, MaxLen(120)]
    short_name: Annotated[Text, MaxLen(30)] | None = None
    logo: Text | None = None
    """PNG, JPEG or SVG, relative to the profile"""
    logo_alt: Annotated[Text, MaxLen(150)] | None = None
    """Alt text for the logo"""
    colours: Colours = field(default_factory=Colours)
    font: Text = "Arial"
    """Font family for all text"""
    paper: Literal["A4", "Letter"] = "A4"
    support: list[SupportContact] = field(default_factory=list)
    survey_url: Annotated[Text, WEB_ADDRESS] | None = None

    @property
    def alt_text(self) -> str:
        """Logo alt text: the profile's, or one built from the organisation name."""
        return self.logo_alt or f"{self.name} logo"


DEFAULT_ORGANISATION = Organisation(name="Your organisation")
