"""Handouts: case studies and information sheets, with key figures as data.

Owns the handout's content; page layout is the renderer's business.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from compassion_kit.model.common import ItemMeta, Strict, Text
from compassion_kit.model.deck import Chart, KeyFigure


class HandoutTable(Strict):
    caption: Text
    columns: list[Text] = Field(min_length=1, max_length=6)
    rows: list[list[Text]] = Field(min_length=1)


class Section(Strict):
    """A headed section: paragraphs, then bullets, then an optional table or chart."""

    heading: Text
    paragraphs: list[Text] = Field(default_factory=list)
    bullets: list[Text] = Field(default_factory=list)
    figures: list[KeyFigure] = Field(default_factory=list)
    table: HandoutTable | None = None
    chart: Chart | None = None

    @model_validator(mode="after")
    def _has_content(self) -> Section:
        if not (self.paragraphs or self.bullets or self.figures or self.table or self.chart):
            raise ValueError(f"section '{self.heading}' is empty; add paragraphs or bullets")
        return self


class Handout(ItemMeta):
    """A printable case study or information sheet."""

    kind: Literal["handout"]
    layout: Literal["article", "case-study", "infographic"] = "article"
    organisation: Text | None = Field(None, description="Organisation the case study is about")
    figures: list[KeyFigure] = Field(default_factory=list, description="Key figures panel")
    sections: list[Section] = Field(min_length=1)
