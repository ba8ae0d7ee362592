"""Fields shared by every content item: identity, element, audience, source credit.

Owns the metadata vocabulary and the value types every model uses (Text, ItemId...); the
body of each kind lives in its own module.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Self

from annotated_types import Ge, Le, MaxLen, MinLen

from compassion_kit.model.rules import (
    After,
    Before,
    Pattern,
    Refusal,
    clean_text,
    refuse_true_false,
    refuse_true_false_whole,
)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_ID = Pattern(
    ID_PATTERN,
    "{got} is not a valid id",
    hint="use lower-case letters, digits and single hyphens, e.g. culture-values",
)
WEB_ADDRESS = Pattern(r"^https?://\S+$", "should be a web address starting https:// (got {got})")
# Text is stripped of outer spaces (by the validation) before its length is checked.
Text = Annotated[str, MinLen(1), After(clean_text)]
ItemId = Annotated[str, MinLen(2), MaxLen(60), _ID]
# Numbers may be written as text ("12"); true and false are not numbers.
Whole = Annotated[int, Before(refuse_true_false_whole)]
Number = Annotated[float, Before(refuse_true_false)]


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
PROVENANCE_EMPTY = (
    "says neither what comes from the source nor what was written for the kit; give "
    "from_source, written_for_kit or both"
)
_CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


class Record:
    """What every model type shares: a copy with some fields changed.

    Model types are frozen dataclasses; `model.validate` builds them from YAML data.
    """

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed; values are not checked (use `validate.build`)."""
        return dataclasses.replace(self, **changes)  # type: ignore[type-var]


@dataclass(frozen=True, kw_only=True)
class Source(Record):
    """Where an item's facts come from, credited in outputs and the README."""

    title: Text
    """Title of the source document"""
    publisher: Text
    """Who published it"""
    year: Annotated[Whole, Ge(1900), Le(2100)] | None = None
    """Year of publication, only where the source gives one"""
    section: Text | None = None
    """Section or item number in the source"""
    url: Text | None = None
    """Where to find the source, if public"""

    def credit(self) -> str:
        """One line suitable for a footer: title, publisher, year (and section)."""
        parts = [self.title, self.publisher] + ([str(self.year)] if self.year else [])
        if self.section:
            several = " and " in self.section or "," in self.section  # "3.5 and 3.6"
            parts.append(f"item{'s' * several} {self.section}")
        return ", ".join(parts)


@dataclass(frozen=True, kw_only=True)
class Provenance(Record):
    """Which parts of an item come from its source and which were written for the kit."""

    from_source: Text | None = None
    """What the credited source provides (facts, figures, times, structure)"""
    written_for_kit: Text | None = None
    """What compassion-kit wrote (wording, notes, questions, invented examples)"""

    def __post_init__(self) -> None:
        if self.from_source is None and self.written_for_kit is None:
            raise ValueError(PROVENANCE_EMPTY)


@dataclass(frozen=True, kw_only=True)
class ItemMeta(Record):
    """Metadata every content item carries."""

    id: ItemId
    """Stable id used on the command line and in pipelines"""
    aliases: Annotated[list[ItemId], NO_REPEATS] = dataclasses.field(default_factory=list)
    """Former ids that still name this item, with a warning (kept until removed)"""
    title: Text
    """Human title"""
    element: Element
    """Pack element: intro, 1-4 or related"""
    audience: Text
    """Who the material is for"""
    summary: Text | None = None
    """One or two sentences for `kit list`/`show`"""
    duration: Annotated[Whole, Ge(1), Le(24 * 60)] | None = None
    """Minutes the item takes"""
    source: Source
    """Credit for the facts and structure"""
    provenance: Provenance
    """Which parts come from the source and which were written for the kit"""

    def credit(self) -> str:
        """The credit printed with the item (footers, `kit show`), as honest as its provenance.

        An item whose provenance says the kit wrote some of it reads "written for
        compassion-kit, based on <source>"; otherwise it is the source's own credit.
        """
        based_on = self.source.credit()
        if self.provenance.written_for_kit:
            return f"written for compassion-kit, based on {based_on}"
        return based_on


def clock_minutes(value: str) -> int:
    """Minutes after midnight for an HH:MM clock time (validated by `ClockTime`)."""
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def _check_clock(value: str) -> str:
    if not _CLOCK.match(value):
        raise Refusal(f"'{value}' is not a 24-hour clock time such as 09:30")
    return value


ClockTime = Annotated[str, After(_check_clock)]


def _no_repeats(values: list[Any]) -> list[Any]:
    seen: set[str] = set()
    for value in values:
        key = str(getattr(value, "id", value))
        if key in seen:
            raise Refusal(f"'{key}' is listed twice; list each one once")
        seen.add(key)
    return values


# A list that names the same thing twice is refused (ids compared for items with an `id`).
NO_REPEATS = After(_no_repeats)
