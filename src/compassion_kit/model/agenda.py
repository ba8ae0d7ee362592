"""Agendas: sessions with durations, participant text and facilitator annotations.

Owns the agenda's content; clock arithmetic lives in `timing.py`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from compassion_kit.model.common import ClockTime, ItemId, ItemMeta, Strict, Text, no_repeats


class PrintItem(Strict):
    """A worksheet or handout to print for a session, and how many copies."""

    item: ItemId = Field(description="Worksheet or handout id")
    per: Literal["participant", "group", "facilitator", "room"] = Field(
        "participant", description="One copy for each participant, group, facilitator or room"
    )


class Annotation(Strict):
    """Facilitator-only notes for a session. Never printed on participant agendas.

    Text may name slides as {slide:SLIDE-ID}; they print as slide numbers of the deck built.
    """

    purpose: Text = Field(description="Why this session is in the day")
    how: Text = Field(description="How to run it")
    ready: list[Text] = Field(default_factory=list, description="What to have ready")
    produce: Text | None = Field(None, description="What the room should have by the end")


class Session(Strict):
    """One block of the day: a talk, an exercise, a break."""

    id: ItemId
    title: Text
    minutes: int = Field(description="Length in whole minutes")
    at: ClockTime | None = Field(None, description="Fixed clock start, e.g. a lunch at 12:15")
    kind: Literal["session", "break", "arrival", "close"] = "session"
    participant: Text | None = Field(None, description="What participants read on their agenda")
    facilitator: Annotation | None = None
    materials: list[Text] = Field(default_factory=list)
    slides: list[ItemId] = Field(default_factory=list, description="Slide ids shown in it")
    print: list[PrintItem] = Field(default_factory=list)


class Agenda(ItemMeta):
    """A timed agenda with a participant version and a facilitator version."""

    kind: Literal["agenda"]
    start: ClockTime = Field(description="When the day starts, HH:MM")
    deck: list[ItemId] = Field(
        default_factory=list, description="Deck modules this agenda is usually run with"
    )
    sessions: Annotated[list[Session], AfterValidator(no_repeats)] = Field(min_length=1)
