"""The workshop spec (`workshop.yaml`): one day's materials for one organisation.

Owns what a spec may say; which files it becomes is `pack`'s business.
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Discriminator, Field, Tag, field_validator

from compassion_kit.model.common import ClockTime, ItemId, Strict, Text, no_repeats
from compassion_kit.model.organisation import Organisation

Format = Literal["pptx", "docx", "pdf"]
DEFAULT_FORMATS: tuple[Format, ...] = ("pptx", "docx")
_MONTHS = ("January", "February", "March", "April", "May", "June") + (
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _check_date(value: str) -> str:
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"'{value}' is not a date written as YYYY-MM-DD, e.g. 2027-03-09"
        ) from None
    if len(value) != 10:
        raise ValueError(f"'{value}' is not a date written as YYYY-MM-DD, e.g. 2027-03-09")
    return value


IsoDate = Annotated[str, AfterValidator(_check_date)]


def _profile_kind(value: Any) -> str:
    # A mapping is a profile written inline; anything else is read as a file name.
    return "inline" if isinstance(value, dict) else "file"


OrganisationRef = Annotated[
    Annotated[Text, Tag("file")] | Annotated[Organisation, Tag("inline")],
    Discriminator(_profile_kind),
]


class DeckChoice(Strict):
    """The slide deck shown on the day."""

    modules: Annotated[list[ItemId], AfterValidator(no_repeats)] = Field(
        min_length=1, description="Deck module ids, in the order shown"
    )
    agenda: ItemId | None = Field(
        None, description="Agenda id: adds an agenda slide and time slots to the presenter notes"
    )
    title: Text | None = Field(None, description="Title slide text (default: the workshop title)")


class Printed(Strict):
    """A worksheet or handout to print, and how many copies to print."""

    id: ItemId = Field(description="Worksheet or handout id from `kit list`")
    copies: int | None = Field(
        None, ge=1, le=2000, description="Copies to print (default: one per participant)"
    )


def _printed_list(value: object) -> object:
    # A bare id is the common case, so `handouts: [workshop-case-studies]` stays simple.
    if isinstance(value, list):
        return [{"id": v} if isinstance(v, str) else v for v in value]
    return value


class Workshop(Strict):
    """One workshop: when and where, for whom, and which materials to produce."""

    title: Text = Field(max_length=200, description="Workshop title, on the deck and agendas")
    organisation: OrganisationRef | None = Field(
        None,
        description="Profile file relative to this spec (org.yaml), or the profile written here",
    )
    date: IsoDate | None = Field(None, description="Day of the workshop, YYYY-MM-DD")
    venue: Text | None = Field(None, description="Where it happens, printed on agendas")
    start: ClockTime | None = Field(None, description="Start time HH:MM; shifts the agendas")
    facilitators: list[Text] = Field(default_factory=list, description="Who runs the day")
    participants: int | None = Field(
        None, ge=1, le=2000, description="How many people are coming; sets default copies"
    )
    groups: int | None = Field(None, ge=1, le=500, description="How many tables or groups")
    team: Text | None = Field(None, description="Team name printed on each worksheet")
    deck: DeckChoice | None = Field(None, description="The slide deck, if any")
    agendas: Annotated[list[ItemId], AfterValidator(no_repeats)] = Field(
        default_factory=list, description="Agenda ids; participant and facilitator versions"
    )
    worksheets: Annotated[list[Printed], AfterValidator(no_repeats)] = Field(
        default_factory=list, description="Worksheets to print"
    )
    handouts: Annotated[list[Printed], AfterValidator(no_repeats)] = Field(
        default_factory=list, description="Handouts to print"
    )
    formats: Annotated[list[Format], AfterValidator(no_repeats)] = Field(
        default_factory=lambda: list(DEFAULT_FORMATS),
        min_length=1,
        description="File types to write: pptx (deck), docx (documents), pdf (all, as PDF)",
    )
    content: list[Text] = Field(
        default_factory=list, description="Your own content folders or files, relative to this spec"
    )

    _split_worksheets = field_validator("worksheets", mode="before")(_printed_list)
    _split_handouts = field_validator("handouts", mode="before")(_printed_list)

    @property
    def display_date(self) -> str | None:
        """The date as printed on documents, e.g. 'Tuesday 9 March 2027' (English, any locale)."""
        if self.date is None:
            return None
        day = _dt.date.fromisoformat(self.date)
        return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"
