"""The organisation profile (`--org ORG.yaml`): name, logo, colours, font, paper.

Owns what a profile may say; reading the logo file is `logo.py`'s business.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator

from compassion_kit.model.common import Strict, Text

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


class Colours(Strict):
    """Brand colours as #RRGGBB. Each must reach 4.5:1 contrast where it is used for text."""

    primary: str = Field("#005EB8", description="Headings, title bars (default NHS Blue)")
    secondary: str = Field("#003087", description="Sub-headings, figure numbers (NHS Dark Blue)")
    accent: str = Field("#FFB81C", description="Fills behind dark text (NHS Warm Yellow)")

    @field_validator("primary", "secondary", "accent", mode="before")
    @classmethod
    def _hex(cls, value: object) -> object:
        if value is None:
            raise ValueError(
                "no colour given; if you wrote #005EB8 without quotes, YAML read it as a "
                'comment: write "#005EB8"'
            )
        if not isinstance(value, str) or not _HEX.match(value.strip()):
            raise ValueError(f"'{value}' is not a colour such as \"#005EB8\" (# and 6 digits)")
        return value.strip().upper()


class SupportContact(Strict):
    """Wellbeing signposting shown on closing slides and handouts."""

    name: Text
    contact: Text


class Organisation(Strict):
    """Who the materials are for; every command takes one with `--org`."""

    name: Text = Field(max_length=120)
    short_name: Text | None = Field(None, max_length=30)
    logo: Text | None = Field(None, description="PNG, JPEG or SVG, relative to the profile")
    logo_alt: Text | None = Field(None, max_length=150, description="Alt text for the logo")
    colours: Colours = Field(default_factory=Colours)
    font: Text = Field("Arial", description="Font family for all text")
    paper: Literal["A4", "Letter"] = "A4"
    support: list[SupportContact] = Field(default_factory=list)
    survey_url: Text | None = Field(None, pattern=r"^https?://\S+$")

    @property
    def alt_text(self) -> str:
        """Logo alt text: the profile's, or one built from the organisation name."""
        return self.logo_alt or f"{self.name} logo"


DEFAULT_ORGANISATION = Organisation(name="Your organisation")
