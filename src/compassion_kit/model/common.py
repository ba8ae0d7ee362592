"""Fields shared by every content item: identity, element, audience, source credit.

Owns the metadata vocabulary; the body of each kind lives in its own module.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from compassion_kit.model._schema import After, Before, Limits, Pattern, Strict, field

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_ID = Pattern(
    ID_PATTERN,
    "{got} is not a valid id",
    hint="use lower-case letters, digits and single hyphens, e.g. culture-values",
)
WEB_ADDRESS = Pattern(r"^https?://\S+$", "should be a web address starting https:// (got {got})")
ItemId = Annotated[str, Limits(min_length=2, max_length=60, pattern=_ID)]
Text = Annotated[str, Limits(min_length=1)]  # every model strips outer spaces from text


def _number_as_text(value: object) -> object:
    # `element: 1` is natural to write; YAML reads it as a number.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Element = Annotated[Literal["intro", "1", "2", "3", "4", "related"], Before(_number_as_text)]
ELEMENT_NAMES: dict[str, str] = {
    "intro": "Introduction",
    "1": "Element 1: culture and values",
    "2": "Element 2: actions and activities",
    "3": "Element 3: leadership and management",
    "4": "Element 4: policies and procedures",
    "related": "Related programmes",
}
_CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


class Source(Strict):
    """Where an item's facts come from, credited in outputs and the README."""

    title: Text = field(description="Title of the source document")
    publisher: Text = field(description="Who published it")
    year: int = field(ge=1900, le=2100, description="Year of publication")
    section: Text | None = field(default=None, description="Section or item number in the source")
    url: Text | None = field(default=None, description="Where to find the source, if public")

    def credit(self) -> str:
        """One line suitable for a footer: title, publisher, year (and section)."""
        parts = [self.title, self.publisher, str(self.year)]
        if self.section:
            parts.append(f"item {self.section}")
        return ", ".join(parts)


class ItemMeta(Strict):
    """Metadata every content item carries."""

    id: ItemId = field(description="Stable id used on the command line and in pipelines")
    title: Text = field(description="Human title")
    element: Element = field(description="Pack element: intro, 1-4 or related")
    audience: Text = field(description="Who the material is for")
    summary: Text | None = field(
        default=None, description="One or two sentences for `kit list`/`show`"
    )
    duration: int | None = field(
        default=None, ge=1, le=24 * 60, description="Minutes the item takes"
    )
    source: Source = field(description="Credit for the facts and structure")


def clock_minutes(value: str) -> int:
    """Minutes after midnight for an HH:MM clock time (validated by `ClockTime`)."""
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def _check_clock(value: str) -> str:
    if not _CLOCK.match(value):
        raise ValueError(f"'{value}' is not a 24-hour clock time such as 09:30")
    return value


ClockTime = Annotated[str, After(_check_clock)]


def no_repeats(values: list[Any]) -> list[Any]:
    """Refuse a list that names the same thing twice (ids compared for items with an `id`)."""
    seen: set[str] = set()
    for value in values:
        key = str(getattr(value, "id", value))
        if key in seen:
            raise ValueError(f"'{key}' is listed twice; list each one once")
        seen.add(key)
    return values
