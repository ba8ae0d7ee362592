"""What every slide has (id, title, notes, time, an optional picture), for `deck.py`'s
slide kinds and `diagrams.py`'s."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from annotated_types import Ge, Le

from compassion_kit.model.common import ItemId, Record, Text, Whole

Minutes = Annotated[Whole, Ge(1), Le(240)]


@dataclass(frozen=True, kw_only=True)
class Image(Record):
    """A picture on a slide; alt text is required (public bodies must publish accessibly)."""

    path: Text
    """Image file, relative to the content file"""
    alt: Text
    """What the picture shows, for screen readers"""


@dataclass(frozen=True, kw_only=True)
class SlideBase(Record):
    id: ItemId
    """Stable slide id, used by agendas to point at this slide"""
    title: Text
    """Slide title (every slide needs one)"""
    notes: Text
    """Presenter notes: what to say, what to ask, how long"""
    minutes: Minutes | None = None
    """Time to spend on the slide"""
    image: Image | None = None
