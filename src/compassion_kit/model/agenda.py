"""Agendas: sessions with durations, participant text and facilitator annotations.

Owns the agenda's content; clock arithmetic lives in `timing.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from annotated_types import MinLen

from compassion_kit.model.common import (
    NO_REPEATS,
    ClockTime,
    ItemId,
    ItemMeta,
    Record,
    Text,
    Whole,
)


@dataclass(frozen=True, kw_only=True)
class PrintItem(Record):
    """A worksheet or handout to print for a session, and how many copies."""

    item: ItemId
    """Worksheet or handout id"""
    per: Literal["participant", "group", "facilitator", "room"] = "participant"
    """One copy for each participant, group, facilitator or room"""


@dataclass(frozen=True, kw_only=True)
class Annotation(Record):
    """Facilitator-only notes for a session. Never printed on participant agendas.

    Text may name slides as {slide:SLIDE-ID}; they print as slide numbers of the deck built.
    """

    purpose: Text
    """Why this session is in the day"""
    how: Text
    """How to run it"""
    ready: list[Text] = field(default_factory=list)
    """What to have ready"""
    produce: Text | None = None
    """What the room should have by the end"""


@dataclass(frozen=True, kw_only=True)
class Session(Record):
    """One block of the day: a talk, an exercise, a break."""

    id: ItemId
    title: Text
    minutes: Whole
    """Length in whole minutes"""
    at: ClockTime | None = None
    """Fixed clock start, e.g. a lunch at 12:15"""
    kind: Literal["session", "break", "arrival", "close"] = "session"
    participant: Text | None = None
    """What participants read on their agenda"""
    facilitator: Annotation | None = None
    materials: list[Text] = field(default_factory=list)
    slides: list[ItemId] = field(default_factory=list)
    """Slide ids shown in it"""
    print: list[PrintItem] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Agenda(ItemMeta):
    """A timed agenda with a participant version and a facilitator version."""

    kind: Literal["agenda"]
    mode: Literal["in-person", "online", "any"] = "any"
    """Where the day runs: in a room, in an online call, or either"""
    start: ClockTime
    """When the day starts, HH:MM"""
    deck: list[ItemId] = field(default_factory=list)
    """Deck modules this agenda is usually run with"""
    sessions: Annotated[list[Session], MinLen(1), NO_REPEATS]
