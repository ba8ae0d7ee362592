"""Deck modules: ordered slides of a few kinds, each with presenter notes.

Owns what a slide says; how it looks is the deck renderer's business.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from annotated_types import Ge, Le, MaxLen, MinLen

from compassion_kit.model.common import WEB_ADDRESS, ItemId, ItemMeta, Number, Record, Text, Whole
from compassion_kit.model.rules import Before, ByKind, NoClockTimes

Minutes = Annotated[Whole, Ge(1), Le(240)]


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
class Image(Record):
    """A picture on a slide; alt text is required (public bodies must publish accessibly)."""

    path: Text
    """Image file, relative to the content file"""
    alt: Text
    """What the picture shows, for screen readers"""


@dataclass(frozen=True, kw_only=True)
class _SlideBase(Record):
    id: ItemId
    """Stable slide id, used by agendas to point at this slide"""
    title: Text
    """Slide title (every slide needs one)"""
    notes: Text
    """Presenter notes: what to say, what to ask, how long"""
    minutes: Minutes | None = None
    """Time to spend on the slide"""
    image: Image | None = None


@dataclass(frozen=True, kw_only=True)
class BulletsSlide(_SlideBase):
    """Title and bullet points."""

    kind: Literal["bullets"]
    bullets: Annotated[list[Bullet], Before(_bullets), MinLen(1)]


@dataclass(frozen=True, kw_only=True)
class Quote(Record):
    text: Text
    attribution: Text


@dataclass(frozen=True, kw_only=True)
class QuoteSlide(_SlideBase):
    """A short attributed remark, shown large."""

    kind: Literal["quote"]
    quote: Quote


@dataclass(frozen=True, kw_only=True)
class KeyFigure(Record):
    """A big number and what it means, e.g. value '40%' with a one-line caption."""

    value: Annotated[Text, MaxLen(12)]
    caption: Annotated[Text, MaxLen(140)]


@dataclass(frozen=True, kw_only=True)
class FiguresSlide(_SlideBase):
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
class ChartSlide(_SlideBase):
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
class VideoSlide(_SlideBase):
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
class ExerciseSlide(_SlideBase):
    kind: Literal["exercise"]
    exercise: Exercise


@dataclass(frozen=True, kw_only=True)
class Part(Record):
    """One shape of a diagram: a short label and, optionally, a line of detail under it."""

    label: Annotated[Text, MaxLen(60)]
    """Shown large in the shape, e.g. 'Discover'"""
    detail: Annotated[Text, MaxLen(160)] | None = None
    """One short sentence under the label, e.g. 'appreciate the best of what is'"""


def _parts(value: object) -> object:
    # A plain string is a part with a label only.
    if isinstance(value, list):
        return [{"label": v} if isinstance(v, str) else v for v in value]
    return value


Parts = Annotated[list[Part], Before(_parts), MinLen(2), MaxLen(6)]


@dataclass(frozen=True, kw_only=True)
class _Diagram(_SlideBase):
    caption: Text | None = None
    """Optional line under the diagram"""


@dataclass(frozen=True, kw_only=True)
class _StepsDiagram(_Diagram):
    steps: Parts


@dataclass(frozen=True, kw_only=True)
class CycleSlide(_StepsDiagram):
    """Stages that repeat in a loop, drawn as editable shapes round a circle with arrows."""

    kind: Literal["cycle"]


@dataclass(frozen=True, kw_only=True)
class ProcessSlide(_StepsDiagram):
    """Steps in order, drawn as a row of editable chevrons."""

    kind: Literal["process"]


@dataclass(frozen=True, kw_only=True)
class GridSlide(_Diagram):
    """Parts of one whole side by side (e.g. the four elements), drawn as a grid of shapes."""

    kind: Literal["grid"]
    items: Parts


@dataclass(frozen=True, kw_only=True)
class TimelineSlide(_StepsDiagram):
    """Points along a line in time: each part's label says when, its detail what happens."""

    kind: Literal["timeline"]


@dataclass(frozen=True, kw_only=True)
class FrontierPoint(Record):
    """A labelled point on a frontier diagram, placed by where it sits against the line."""

    label: Annotated[Text, MaxLen(60)]
    """Shown large beside the point's number, e.g. 'Push on one target'"""
    detail: Annotated[Text, MaxLen(160)] | None = None
    """One short sentence under the label, e.g. 'you end up inside the line'"""
    place: Literal["inside", "on", "beyond"] = "on"
    """'inside' the line (the resources could give more of both), 'on' it (the most they can
    give), or 'beyond' it (out of reach with today's resources)"""
    favours: Literal["x", "y", "both"] = "both"
    """Which output the point leans to: the across axis (x), the up axis (y), or both"""


@dataclass(frozen=True, kw_only=True)
class FrontierSlide(_Diagram):
    """Two outputs from the same resources (a production possibility frontier): two axes, the
    curved line of the best mixes the resources allow, and numbered points with a key."""

    kind: Literal["frontier"]
    x_axis: Annotated[Text, MaxLen(40)]
    """What the across axis measures, e.g. 'Patient experience'"""
    y_axis: Annotated[Text, MaxLen(40)]
    """What the up axis measures, e.g. 'Staff experience'"""
    curve: Annotated[Text, MaxLen(100)] | None = None
    """What the curved line shows, e.g. 'The best mixes today's resources allow'"""
    points: Annotated[list[FrontierPoint], MinLen(1), MaxLen(4)]

    def __post_init__(self) -> None:
        seen: dict[tuple[str, str], int] = {}
        for n, point in enumerate(self.points, start=1):
            where = (point.place, point.favours)
            if where in seen:
                raise ValueError(
                    f"points {seen[where]} and {n} are both '{point.place}' the line favouring "
                    f"'{point.favours}', so they would be drawn on top of each other; change "
                    "the place or favours of one"
                )
            seen[where] = n


DiagramSlide = CycleSlide | ProcessSlide | GridSlide | TimelineSlide | FrontierSlide

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
