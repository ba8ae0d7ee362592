"""Deck modules: ordered slides of a few kinds, each with presenter notes.

Owns what a slide says; how it looks is the deck renderer's business.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from annotated_types import Ge, Le, MaxLen, MinLen

from compassion_kit.model.common import WEB_ADDRESS, ItemId, ItemMeta, Number, Record, Text, Whole
from compassion_kit.model.diagrams import (
    CycleSlide,
    DiagramSlide,
    FrontierPoint,
    FrontierSlide,
    GridSlide,
    Part,
    ProcessSlide,
    TimelineSlide,
)
from compassion_kit.model.rules import Before, ByKind, NoClockTimes
from compassion_kit.model.slides import Image, Minutes, SlideBase

__all__ = [
    "CycleSlide",
    "DiagramSlide",
    "FrontierPoint",
    "FrontierSlide",
    "GridSlide",
    "Image",
    "Minutes",
    "Part",
    "ProcessSlide",
    "TimelineSlide",
]


@dataclass(frozen=True, kw_only=True)
class Bullet(Record):
    """One bullet point; level 0 is top level, 1 and 2 are indented beneath it."""

    text: Text
    level: Annotated[Whole, Ge(0), Le(2)] = 0


def _bullets(value: object) -> object:
    # A plain string is a top-level bullet, so simple lists stay simple to write.
    if isinstance(value, list):
        return [{"text": v} if isinstance(v, str) else v for v in value]
    return value


@dataclass(frozen=True, kw_only=True)
class BulletsSlide(SlideBase):
    """Title and bullet points."""

    kind: Literal["bullets"]
    bullets: Annotated[list[Bullet], Before(_bullets), MinLen(1)]


@dataclass(frozen=True, kw_only=True)
class Quote(Record):
    text: Text
    attribution: Text


@dataclass(frozen=True, kw_only=True)
class QuoteSlide(SlideBase):
    """A short attributed remark, shown large."""

    kind: Literal["quote"]
    quote: Quote


@dataclass(frozen=True, kw_only=True)
class KeyFigure(Record):
    """A big number and what it means, e.g. value '40%' with a one-line caption."""

    value: Annotated[Text, MaxLen(12)]
    caption: Annotated[Text, MaxLen(140)]


@dataclass(frozen=True, kw_only=True)
class FiguresSlide(SlideBase):
    """Two to four key figures drawn as big numbers (infographic style)."""

    kind: Literal["figures"]
    figures: Annotated[list[KeyFigure], MinLen(1), MaxLen(4)]
    caption: Text | None = None
    """Optional line under the figures"""


@dataclass(frozen=True, kw_only=True)
class ChartSeries(Record):
    name: Text
    values: Annotated[list[Number], MinLen(1)]


@dataclass(frozen=True, kw_only=True)
class Chart(Record):
    """Data for a native, editable chart."""

    type: Literal["bar", "column", "pie"] = "bar"
    categories: Annotated[list[Text], MinLen(1)]
    series: Annotated[list[ChartSeries], MinLen(1)]
    unit: Text | None = None
    """Unit shown on values, e.g. '%'"""
    caption: Text | None = None
    """Text alternative summarising the data"""

    def __post_init__(self) -> None:
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(
                    f"series '{series.name}' has {len(series.values)} values but there are "
                    f"{len(self.categories)} categories; give one value per category"
                )


@dataclass(frozen=True, kw_only=True)
class ChartSlide(SlideBase):
    kind: Literal["chart"]
    chart: Chart


@dataclass(frozen=True, kw_only=True)
class Video(Record):
    """A video clip shown from a link (and a QR code for printed handouts)."""

    url: Annotated[Text, WEB_ADDRESS]
    link_text: Text
    """Descriptive link text, never the bare URL"""
    presenter: Text | None = None
    length: Text | None = None
    """Running time as M:SS, if known"""
    description: Text
    """What the clip covers"""


@dataclass(frozen=True, kw_only=True)
class VideoSlide(SlideBase):
    kind: Literal["video"]
    video: Video


@dataclass(frozen=True, kw_only=True)
class Exercise(Record):
    """A timed activity for the room."""

    steps: Annotated[list[Text], MinLen(1)]
    """Instructions, in order"""
    minutes: Minutes
    materials: list[Text] = field(default_factory=list)
    grouping: Text | None = None
    """e.g. 'tables of five'"""
    worksheet: ItemId | None = None
    """Worksheet id that goes with it"""


@dataclass(frozen=True, kw_only=True)
class ExerciseSlide(SlideBase):
    kind: Literal["exercise"]
    exercise: Exercise


# A union of models is told apart by each one's `kind`.
Slide = (
    BulletsSlide
    | QuoteSlide
    | FiguresSlide
    | ChartSlide
    | VideoSlide
    | ExerciseSlide
    | CycleSlide
    | ProcessSlide
    | GridSlide
    | TimelineSlide
    | FrontierSlide
)


@dataclass(frozen=True, kw_only=True)
class DeckModule(ItemMeta):
    """A slide module: one session's worth of slides."""

    kind: Literal["deck"]
    mode: Literal["in-person", "online", "any"] = "any"
    """Where the slides work: in a room, in an online call, or either"""
    slides: Annotated[list[Annotated[Slide, ByKind()]], MinLen(1), NoClockTimes()]

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for slide in self.slides:
            if slide.id in seen:
                raise ValueError(f"slide id '{slide.id}' is used twice; slide ids must be unique")
            seen.add(slide.id)
