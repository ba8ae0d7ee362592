"""The workshop spec (`workshop.yaml`): one day's materials for one organisation.

Owns what a spec may say; which files it becomes is `pack`'s business.
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Literal

from compassion_kit.model._schema import After, Strict, field
from compassion_kit.model.common import ClockTime, ItemId, Text, no_repeats
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


IsoDate = Annotated[str, After(_check_date)]
# A mapping is a profile written inline; anything else is read as a file name.
OrganisationRef = Text | Organisation


class DeckChoice(Strict):
    """The slide deck shown on the day."""

    modules: list[ItemId] = field(
        min_length=1, after=no_repeats, description="Deck module ids, in the order shown"
    )
    agenda: ItemId | None = field(
        default=None,
        description="Agenda id: adds an agenda slide and time slots to the presenter notes",
    )
    title: Text | None = field(
        default=None, description="Title slide text (default: the workshop title)"
    )


class Printed(Strict):
    """A worksheet or handout to print, and how many copies to print."""

    id: ItemId = field(description="Worksheet or handout id from `kit list`")
    copies: int | None = field(
        default=None, ge=1, le=2000, description="Copies to print (default: one per participant)"
    )


def _printed_list(value: object) -> object:
    # A bare id is the common case, so `handouts: [workshop-case-studies]` stays simple.
    if isinstance(value, list):
        return [{"id": v} if isinstance(v, str) else v for v in value]
    return value


class Workshop(Strict):
    """One workshop: when and where, for whom, and which materials to produce."""

    title: Text = field(max_length=200, description="Workshop title, on the deck and agendas")
    organisation: OrganisationRef | None = field(
        default=None,
        description="Profile file relative to this spec (org.yaml), or the profile written here",
    )
    date: IsoDate | None = field(default=None, description="Day of the workshop, YYYY-MM-DD")
    venue: Text | None = field(default=None, description="Where it happens, printed on agendas")
    start: ClockTime | None = field(
        default=None, description="Start time HH:MM; shifts the agendas"
    )
    facilitators: list[Text] = field(default_factory=list, description="Who runs the day")
    participants: int | None = field(
        default=None, ge=1, le=2000, description="How many people are coming; sets default copies"
    )
    groups: int | None = field(default=None, ge=1, le=500, description="How many tables or groups")
    team: Text | None = field(default=None, description="Team name printed on each worksheet")
    deck: DeckChoice | None = field(default=None, description="The slide deck, if any")
    agendas: list[ItemId] = field(
        default_factory=list,
        after=no_repeats,
        description="Agenda ids; participant and facilitator versions",
    )
    worksheets: list[Printed] = field(
        default_factory=list,
        before=_printed_list,
        after=no_repeats,
        description="Worksheets to print",
    )
    handouts: list[Printed] = field(
        default_factory=list,
        before=_printed_list,
        after=no_repeats,
        description="Handouts to print",
    )
    formats: list[Format] = field(
        default_factory=lambda: list(DEFAULT_FORMATS),
        min_length=1,
        after=no_repeats,
        description="File types to write: pptx (deck), docx (documents), pdf (all, as PDF)",
    )
    content: list[Text] = field(
        default_factory=list, description="Your own content folders or files, relative to this spec"
    )

    @property
    def display_date(self) -> str | None:
        """The date as printed on documents, e.g. 'Tuesday 9 March 2027' (English, any locale)."""
        if self.date is None:
            return None
        day = _dt.date.fromisoformat(self.date)
        return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"
