"""Diagram slides: a cycle, process, grid or timeline of a few parts, and a frontier.

Owns what a diagram says; how its shapes are laid out is `render/plan/deck_diagrams.py`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from annotated_types import MaxLen, MinLen

from compassion_kit.model.common import Record, Text
from compassion_kit.model.rules import Before
from compassion_kit.model.slides import SlideBase


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
class _Diagram(SlideBase):
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
