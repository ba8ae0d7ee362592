"""Handouts: case studies and information sheets, with key figures as data.

Owns the handout's content; page layout is the renderer's business.
"""

from __future__ import annotations

from typing import Literal

from compassion_kit.model._schema import Strict, check, field
from compassion_kit.model.common import ItemMeta, Text
from compassion_kit.model.deck import Chart, KeyFigure


class HandoutTable(Strict):
    caption: Text
    columns: list[Text] = field(min_length=1, max_length=6)
    rows: list[list[Text]] = field(min_length=1)


class Section(Strict):
    """A headed section: paragraphs, then bullets, then an optional table or chart."""

    heading: Text
    paragraphs: list[Text] = field(default_factory=list)
    bullets: list[Text] = field(default_factory=list)
    figures: list[KeyFigure] = field(default_factory=list)
    table: HandoutTable | None = None
    chart: Chart | None = None

    @check
    def _has_content(self) -> None:
        if not (self.paragraphs or self.bullets or self.figures or self.table or self.chart):
            raise ValueError(f"section '{self.heading}' is empty; add paragraphs or bullets")


class Handout(ItemMeta):
    """A printable case study or information sheet."""

    kind: Literal["handout"]
    layout: Literal["article", "case-study", "infographic"] = "article"
    organisation: Text | None = field(
        default=None, description="Organisation the case study is about"
    )
    figures: list[KeyFigure] = field(default_factory=list, description="Key figures panel")
    sections: list[Section] = field(min_length=1)
