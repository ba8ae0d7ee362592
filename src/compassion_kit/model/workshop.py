"""The workshop spec (`workshop.yaml`): one day's materials for one organisation.

Owns what a spec may say; which files it becomes is `pack`'s business.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Annotated, Literal

from annotated_types import Ge, Le, MaxLen, MinLen

from compassion_kit.model.common import NO_REPEATS, ClockTime, ItemId, Record, Text, Whole
from compassion_kit.model.organisation import Organisation
from compassion_kit.model.rules import After, Before, BlockOrText, Refusal

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
        raise Refusal(f"'{value}' is not a date written as YYYY-MM-DD, e.g. 2027-03-09") from None
    if len(value) != 10:
        raise Refusal(f"'{value}' is not a date written as YYYY-MM-DD, e.g. 2027-03-09")
    return value


IsoDate = Annotated[str, After(_check_date)]
# A mapping is a profile written inline; anything else is read as a file name.
OrganisationRef = Annotated[Text | Organisation, BlockOrText()]
Copies = Annotated[Whole, Ge(1), Le(2000)]


@dataclass(frozen=True, kw_only=True)
class DeckChoice(Record):
    """The slide deck shown on the day."""

    modules: Annotated[list[ItemId], MinLen(1), NO_REPEATS]
    """Deck module ids, in the order shown"""
    agenda: ItemId | None = None
    """Agenda id: adds an agenda slide and time slots to the presenter notes"""
    title: Text | None = None
    """Title slide text (default: the workshop title)"""


@dataclass(frozen=True, kw_only=True)
class Printed(Record):
    """A worksheet or handout to print, and how many copies to print."""

    id: ItemId
    """Worksheet or handout id from `kit list`"""
    copies: Copies | None = None
    """Copies to print (default: one per participant)"""


def _printed_list(value: object) -> object:
    # A bare id is the common case, so `handouts: [workshop-case-studies]` stays simple.
    if isinstance(value, list):
        return [{"id": v} if isinstance(v, str) else v for v in value]
    return value


PrintedList = Annotated[list[Printed], Before(_printed_list), NO_REPEATS]


@dataclass(frozen=True, kw_only=True)
class Templates(Record):
    """The organisation's own Office templates, as file names relative to this spec."""

    deck: Text | None = None
    """PowerPoint template for the deck (.pptx)"""
    document: Text | None = None
    """Word template or letterhead for agendas, worksheets and handouts (.docx or .dotx)"""


@dataclass(frozen=True, kw_only=True)
class Workshop(Record):
    """One workshop: when and where, for whom, and which materials to produce."""

    title: Annotated[Text, MaxLen(200)]
    """Workshop title, on the deck and agendas"""
    organisation: OrganisationRef | None = None
    """Profile file relative to this spec (org.yaml), or the profile written here"""
    date: IsoDate | None = None
    """Day of the workshop, YYYY-MM-DD"""
    venue: Text | None = None
    """Where it happens, printed on agendas"""
    start: ClockTime | None = None
    """Start time HH:MM; shifts the agendas"""
    facilitators: list[Text] = field(default_factory=list)
    """Who runs the day"""
    participants: Copies | None = None
    """How many people are coming; sets default copies"""
    groups: Annotated[Whole, Ge(1), Le(500)] | None = None
    """How many tables or groups"""
    team: Text | None = None
    """Team name printed on each worksheet"""
    deck: DeckChoice | None = None
    """The slide deck, if any"""
    agendas: Annotated[list[ItemId], NO_REPEATS] = field(default_factory=list)
    """Agenda ids; participant and facilitator versions"""
    worksheets: PrintedList = field(default_factory=list)
    """Worksheets to print"""
    handouts: PrintedList = field(default_factory=list)
    """Handouts to print"""
    formats: Annotated[list[Format], MinLen(1), NO_REPEATS] = field(
        default_factory=lambda: list(DEFAULT_FORMATS)
    )
    """File types to write: pptx (deck), docx (documents), pdf (all, as PDF)"""
    content: list[Text] = field(default_factory=list)
    """Your own content folders or files, relative to this spec"""
    templates: Templates | None = None
    """Your organisation's templates: `deck` (PowerPoint), `document` (Word)"""

    @property
    def display_date(self) -> str | None:
        """The date as printed on documents, e.g. 'Tuesday 9 March 2027' (English, any locale)."""
        if self.date is None:
            return None
        day = _dt.date.fromisoformat(self.date)
        return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"
