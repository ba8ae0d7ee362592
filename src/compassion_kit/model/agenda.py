"""Agendas: sessions with durations, participant text and facilitator annotations.

Owns the agenda's content; clock arithmetic lives in `timing.py`.
"""

from __future__ import annotations

from typing import Literal

from compassion_kit.model._schema import Strict, field
from compassion_kit.model.common import ClockTime, ItemId, ItemMeta, Text, no_repeats


class PrintItem(Strict):
    """A worksheet or handout to print for a session, and how many copies."""

    item: ItemId = field(description="Worksheet or handout id")
    per: Literal["participant", "group", "facilitator", "room"] = field(
        default="participant",
        description="One copy for each participant, group, facilitator or room",
    )


class Annotation(Strict):
    """Facilitator-only notes for a session. Never printed on participant agendas.

    Text may name slides as {slide:SLIDE-ID}; they print as slide numbers of the deck built.
    """

    purpose: Text = field(description="Why this session is in the day")
    how: Text = field(description="How to run it")
    ready: list[Text] = field(default_factory=list, description="What to have ready")
    produce: Text | None = field(default=None, description="What the room should have by the end")


class Session(Strict):
    """One block of the day: a talk, an exercise, a break."""

    id: ItemId
    title: Text
    minutes: int = field(description="Length in whole minutes")
    at: ClockTime | None = field(
        default=None, description="Fixed clock start, e.g. a lunch at 12:15"
    )
    kind: Literal["session", "break", "arrival", "close"] = "session"
    participant: Text | None = field(
        default=None, description="What participants read on their agenda"
    )
    facilitator: Annotation | None = None
    materials: list[Text] = field(default_factory=list)
    slides: list[ItemId] = field(default_factory=list, description="Slide ids shown in it")
    print: list[PrintItem] = field(default_factory=list)


class Agenda(ItemMeta):
    """A timed agenda with a participant version and a facilitator version."""

    kind: Literal["agenda"]
    start: ClockTime = field(description="When the day starts, HH:MM")
    deck: list[ItemId] = field(
        default_factory=list, description="Deck modules this agenda is usually run with"
    )
    sessions: list[Session] = field(min_length=1, after=no_repeats)
