"""Handouts: case studies and information sheets, with key figures as data.

Owns the handout's content; page layout is the renderer's business.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from annotated_types import Ge, Le, MaxLen, MinLen

from compassion_kit.model.common import ItemMeta, Record, Text, Whole
from compassion_kit.model.deck import Chart, KeyFigure


@dataclass(frozen=True, kw_only=True)
class HandoutTable(Record):
    caption: Text
    columns: Annotated[list[Text], MinLen(1), MaxLen(6)]
    rows: Annotated[list[list[Text]], MinLen(1)]


@dataclass(frozen=True, kw_only=True)
class Section(Record):
    """A headed section: paragraphs, then bullets, then an optional table or chart."""

    heading: Text
    level: Annotated[Whole, Ge(2), Le(3)] = 2
    """2 for a section, 3 for a part of the section above it"""
    new_page: bool = False
    """Start the section on a new page, e.g. each of several cases, so groups can take one each"""
    small_paper: bool = True
    """In an infographic, print it on paper too narrow for two columns (A5) too; false keeps it
    for the larger sizes, where the page has room for it"""
    paragraphs: list[Text] = field(default_factory=list)
    bullets: list[Text] = field(default_factory=list)
    figures: list[KeyFigure] = field(default_factory=list)
    table: HandoutTable | None = None
    chart: Chart | None = None

    def __post_init__(self) -> None:
        if not (self.paragraphs or self.bullets or self.figures or self.table or self.chart):
            raise ValueError(f"section '{self.heading}' is empty; add paragraphs or bullets")


@dataclass(frozen=True, kw_only=True)
class Handout(ItemMeta):
    """A printable case study or information sheet."""

    kind: Literal["handout"]
    layout: Literal["article", "case-study", "infographic"] = "article"
    organisation: Text | None = None
    """Organisation the case study is about"""
    figures: list[KeyFigure] = field(default_factory=list)
    """Key figures panel"""
    sections: Annotated[list[Section], MinLen(1)]
