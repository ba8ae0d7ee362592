"""Deck modules: ordered slides of a few kinds, each with presenter notes.

Owns what a slide says; how it looks is the deck renderer's business.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from compassion_kit.model.common import ItemId, ItemMeta, Strict, Text


class Bullet(Strict):
    """One bullet point; level 0 is top level, 1 and 2 are indented beneath it."""

    text: Text
    level: int = Field(0, ge=0, le=2)


def _bullets(value: object) -> object:
    # A plain string is a top-level bullet, so simple lists stay simple to write.
    if isinstance(value, list):
        return [{"text": v} if isinstance(v, str) else v for v in value]
    return value


class Image(Strict):
    """A picture on a slide; alt text is required (public bodies must publish accessibly)."""

    path: Text = Field(description="Image file, relative to the content file")
    alt: Text = Field(description="What the picture shows, for screen readers")


class _SlideBase(Strict):
    id: ItemId = Field(description="Stable slide id, used by agendas to point at this slide")
    title: Text = Field(description="Slide title (every slide needs one)")
    notes: Text = Field(description="Presenter notes: what to say, what to ask, how long")
    minutes: int | None = Field(None, ge=1, le=240, description="Time to spend on the slide")
    image: Image | None = None


class BulletsSlide(_SlideBase):
    """Title and bullet points."""

    kind: Literal["bullets"]
    bullets: list[Bullet] = Field(min_length=1)
    _split = field_validator("bullets", mode="before")(_bullets)


class Quote(Strict):
    text: Text
    attribution: Text


class QuoteSlide(_SlideBase):
    """A short attributed remark, shown large."""

    kind: Literal["quote"]
    quote: Quote


class KeyFigure(Strict):
    """A big number and what it means, e.g. value '40%' with a one-line caption."""

    value: Text = Field(max_length=12)
    caption: Text = Field(max_length=140)


class FiguresSlide(_SlideBase):
    """Two to four key figures drawn as big numbers (infographic style)."""

    kind: Literal["figures"]
    figures: list[KeyFigure] = Field(min_length=1, max_length=4)
    caption: Text | None = Field(None, description="Optional line under the figures")


class ChartSeries(Strict):
    name: Text
    values: list[float] = Field(min_length=1)


class Chart(Strict):
    """Data for a native, editable chart."""

    type: Literal["bar", "column", "pie"] = "bar"
    categories: list[Text] = Field(min_length=1)
    series: list[ChartSeries] = Field(min_length=1)
    unit: Text | None = Field(None, description="Unit shown on values, e.g. '%'")
    caption: Text | None = Field(None, description="Text alternative summarising the data")

    @model_validator(mode="after")
    def _lengths_match(self) -> Chart:
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(
                    f"series '{series.name}' has {len(series.values)} values but there are "
                    f"{len(self.categories)} categories; give one value per category"
                )
        return self


class ChartSlide(_SlideBase):
    kind: Literal["chart"]
    chart: Chart


class Video(Strict):
    """A video clip shown from a link (and a QR code for printed handouts)."""

    url: Text = Field(pattern=r"^https?://\S+$")
    link_text: Text = Field(description="Descriptive link text, never the bare URL")
    presenter: Text | None = None
    length: Text | None = Field(None, description="Running time as M:SS, if known")
    description: Text = Field(description="What the clip covers")


class VideoSlide(_SlideBase):
    kind: Literal["video"]
    video: Video


class Exercise(Strict):
    """A timed activity for the room."""

    steps: list[Text] = Field(min_length=1, description="Instructions, in order")
    minutes: int = Field(ge=1, le=240)
    materials: list[Text] = Field(default_factory=list)
    grouping: Text | None = Field(None, description="e.g. 'tables of five'")
    worksheet: ItemId | None = Field(None, description="Worksheet id that goes with it")


class ExerciseSlide(_SlideBase):
    kind: Literal["exercise"]
    exercise: Exercise


Slide = Annotated[
    BulletsSlide | QuoteSlide | FiguresSlide | ChartSlide | VideoSlide | ExerciseSlide,
    Field(discriminator="kind"),
]
SLIDE_KINDS = ("bullets", "quote", "figures", "chart", "video", "exercise")


class DeckModule(ItemMeta):
    """A slide module: one session's worth of slides."""

    kind: Literal["deck"]
    slides: list[Slide] = Field(min_length=1)

    @model_validator(mode="after")
    def _slide_ids_unique(self) -> DeckModule:
        seen: set[str] = set()
        for slide in self.slides:
            if slide.id in seen:
                raise ValueError(f"slide id '{slide.id}' is used twice; slide ids must be unique")
            seen.add(slide.id)
        return self
