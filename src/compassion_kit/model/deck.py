"""Deck modules: ordered slides of a few kinds, each with presenter notes.

Owns what a slide says; how it looks is the deck renderer's business.
"""

from __future__ import annotations

from typing import Literal

from compassion_kit.model._schema import Strict, check, field
from compassion_kit.model.common import WEB_ADDRESS, ItemId, ItemMeta, Text


class Bullet(Strict):
    """One bullet point; level 0 is top level, 1 and 2 are indented beneath it."""

    text: Text
    level: int = field(default=0, ge=0, le=2)


def _bullets(value: object) -> object:
    # A plain string is a top-level bullet, so simple lists stay simple to write.
    if isinstance(value, list):
        return [{"text": v} if isinstance(v, str) else v for v in value]
    return value


class Image(Strict):
    """A picture on a slide; alt text is required (public bodies must publish accessibly)."""

    path: Text = field(description="Image file, relative to the content file")
    alt: Text = field(description="What the picture shows, for screen readers")


class _SlideBase(Strict):
    id: ItemId = field(description="Stable slide id, used by agendas to point at this slide")
    title: Text = field(description="Slide title (every slide needs one)")
    notes: Text = field(description="Presenter notes: what to say, what to ask, how long")
    minutes: int | None = field(
        default=None, ge=1, le=240, description="Time to spend on the slide"
    )
    image: Image | None = None


class BulletsSlide(_SlideBase):
    """Title and bullet points."""

    kind: Literal["bullets"]
    bullets: list[Bullet] = field(min_length=1, before=_bullets)


class Quote(Strict):
    text: Text
    attribution: Text


class QuoteSlide(_SlideBase):
    """A short attributed remark, shown large."""

    kind: Literal["quote"]
    quote: Quote


class KeyFigure(Strict):
    """A big number and what it means, e.g. value '40%' with a one-line caption."""

    value: Text = field(max_length=12)
    caption: Text = field(max_length=140)


class FiguresSlide(_SlideBase):
    """Two to four key figures drawn as big numbers (infographic style)."""

    kind: Literal["figures"]
    figures: list[KeyFigure] = field(min_length=1, max_length=4)
    caption: Text | None = field(default=None, description="Optional line under the figures")


class ChartSeries(Strict):
    name: Text
    values: list[float] = field(min_length=1)


class Chart(Strict):
    """Data for a native, editable chart."""

    type: Literal["bar", "column", "pie"] = "bar"
    categories: list[Text] = field(min_length=1)
    series: list[ChartSeries] = field(min_length=1)
    unit: Text | None = field(default=None, description="Unit shown on values, e.g. '%'")
    caption: Text | None = field(default=None, description="Text alternative summarising the data")

    @check
    def _lengths_match(self) -> None:
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(
                    f"series '{series.name}' has {len(series.values)} values but there are "
                    f"{len(self.categories)} categories; give one value per category"
                )


class ChartSlide(_SlideBase):
    kind: Literal["chart"]
    chart: Chart


class Video(Strict):
    """A video clip shown from a link (and a QR code for printed handouts)."""

    url: Text = field(pattern=WEB_ADDRESS)
    link_text: Text = field(description="Descriptive link text, never the bare URL")
    presenter: Text | None = None
    length: Text | None = field(default=None, description="Running time as M:SS, if known")
    description: Text = field(description="What the clip covers")


class VideoSlide(_SlideBase):
    kind: Literal["video"]
    video: Video


class Exercise(Strict):
    """A timed activity for the room."""

    steps: list[Text] = field(min_length=1, description="Instructions, in order")
    minutes: int = field(ge=1, le=240)
    materials: list[Text] = field(default_factory=list)
    grouping: Text | None = field(default=None, description="e.g. 'tables of five'")
    worksheet: ItemId | None = field(default=None, description="Worksheet id that goes with it")


class ExerciseSlide(_SlideBase):
    kind: Literal["exercise"]
    exercise: Exercise


# A union of models is told apart by each one's `kind`.
Slide = BulletsSlide | QuoteSlide | FiguresSlide | ChartSlide | VideoSlide | ExerciseSlide


class DeckModule(ItemMeta):
    """A slide module: one session's worth of slides."""

    kind: Literal["deck"]
    slides: list[Slide] = field(min_length=1)

    @check
    def _slide_ids_unique(self) -> None:
        seen: set[str] = set()
        for slide in self.slides:
            if slide.id in seen:
                raise ValueError(f"slide id '{slide.id}' is used twice; slide ids must be unique")
            seen.add(slide.id)
