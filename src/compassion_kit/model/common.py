"""Fields shared by every content item: identity, element, audience, source credit.

Owns the metadata vocabulary; the body of each kind lives in its own module.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ItemId = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=2, max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Element = Literal["intro", "1", "2", "3", "4", "related"]
ELEMENT_NAMES: dict[str, str] = {
    "intro": "Introduction",
    "1": "Element 1: culture and values",
    "2": "Element 2: actions and activities",
    "3": "Element 3: leadership and management",
    "4": "Element 4: policies and procedures",
    "related": "Related programmes",
}
_CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


class Strict(BaseModel):
    """Base for every model: frozen, and unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(Strict):
    """Where an item's facts come from, credited in outputs and the README."""

    title: Text = Field(description="Title of the source document")
    publisher: Text = Field(description="Who published it")
    year: int = Field(ge=1900, le=2100, description="Year of publication")
    section: Text | None = Field(None, description="Section or item number in the source")
    url: Text | None = Field(None, description="Where to find the source, if public")

    def credit(self) -> str:
        """One line suitable for a footer: title, publisher, year (and section)."""
        parts = [self.title, self.publisher, str(self.year)]
        if self.section:
            parts.append(f"item {self.section}")
        return ", ".join(parts)


class ItemMeta(Strict):
    """Metadata every content item carries."""

    id: ItemId = Field(description="Stable id used on the command line and in pipelines")
    title: Text = Field(description="Human title")
    element: Element = Field(description="Pack element: intro, 1-4 or related")
    audience: Text = Field(description="Who the material is for")
    summary: Text | None = Field(None, description="One or two sentences for `kit list`/`show`")
    duration: int | None = Field(None, ge=1, le=24 * 60, description="Minutes the item takes")
    source: Source = Field(description="Credit for the facts and structure")

    @field_validator("element", mode="before")
    @classmethod
    def _element_number(cls, value: object) -> object:
        # `element: 1` is natural to write; YAML reads it as a number.
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def clock_minutes(value: str) -> int:
    """Minutes after midnight for an HH:MM clock time (validated by `ClockTime`)."""
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def _check_clock(value: str) -> str:
    if not _CLOCK.match(value):
        raise ValueError(f"'{value}' is not a 24-hour clock time such as 09:30")
    return value


ClockTime = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_check_clock)]


def no_repeats(values: list[Any]) -> list[Any]:
    """Refuse a list that names the same thing twice (ids compared for items with an `id`)."""
    seen: set[str] = set()
    for value in values:
        key = str(getattr(value, "id", value))
        if key in seen:
            raise ValueError(f"'{key}' is listed twice; list each one once")
        seen.add(key)
    return values
