"""The deck's visual system, read once from `templates/design.toml`: text sizes, spacing and
colour roles for every kind of slide.

Owns reading and checking that file into a typed, frozen `Design`; using the values is the
planning modules' job. A broken design file is a bug in the kit (it ships with it).
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from typing import Any

from compassion_kit.paths import templates_dir

DESIGN_FILE = "design.toml"
ROLES = ("primary", "secondary", "accent", "primary_text", "secondary_text")
_HEX = re.compile(r"#[0-9A-Fa-f]{6}")
EMU_PER_INCH = 914400


@dataclass(frozen=True)
class Diagram:
    """Sizes and colours of diagram slides (cycle, process, grid, timeline, frontier)."""

    text: float
    floor: float
    detail: float
    gap: int  # EMU
    fill: str
    alternate: str
    panel: str
    arrow: str
    max_items: int


@dataclass(frozen=True)
class Frontier:
    """Sizes and colours of frontier diagrams (two outputs from the same resources)."""

    line: str
    line_width: float  # points
    area: str
    reach: float  # share of each axis the line meets it at
    marker: float  # a point's dot, as a multiple of the diagram's text size
    axes_share: float  # share of the width the axes take


@dataclass(frozen=True)
class Design:
    """Every size (points), length (EMU) and colour (hex or brand role) slides are drawn with."""

    body: float
    floor: float
    small: float
    subtitle: float
    quote: float
    organisation: float
    title: float
    title_floor: float
    title_sizes: dict[str, float]
    layout_body: dict[str, float]
    max_words: int
    bullet_fill: float
    bullet_space: float
    gap: int
    figure_values: tuple[float, ...]
    figure_fill: str
    figure_gap: int
    caption_height: int
    figure_max_width: int
    chart_text: float
    chart_colours: tuple[str, ...]
    diagram: Diagram
    frontier: Frontier
    quote_mark: float
    quote_mark_colour: str

    def body_size(self, layout: str) -> float:
        """The body size of `layout` (a "Kit ..." name), else the default body size."""
        return self.layout_body.get(layout, self.body)


def colour(value: str, colours: dict[str, str]) -> str:
    """A design colour as #RRGGBB: a hex value as it is, a role from the brand's `colours`."""
    return colours[value] if value in ROLES else value


@functools.cache
def design() -> Design:
    """The kit's design, read and checked once per process.

    Raises:
        ValueError: the bundled design file is missing a value or has one out of range.
    """
    raw = tomllib.loads((templates_dir() / DESIGN_FILE).read_text("utf-8"))
    return _parse(raw)


def _parse(raw: dict[str, Any]) -> Design:
    text, title, bullets, figures = raw["text"], raw["title"], raw["bullets"], raw["figures"]
    dia, front = raw["diagram"], raw["frontier"]
    found = Design(
        body=_pt(text["body"]),
        floor=_pt(text["floor"]),
        small=_pt(text["small"]),
        subtitle=_pt(text["subtitle"]),
        quote=_pt(text["quote"]),
        organisation=_pt(text["organisation"]),
        title=_pt(title["default"]),
        title_floor=_pt(title["floor"]),
        title_sizes={k: _pt(v) for k, v in title["sizes"].items()},
        layout_body={k: _pt(v) for k, v in raw["body"].items()},
        max_words=int(bullets["max_words"]),
        bullet_fill=float(bullets["fill"]),
        bullet_space=float(bullets["max_space"]),
        gap=_inch(raw["spacing"]["gap"]),
        figure_values=tuple(_pt(v) for v in figures["values"]),
        figure_fill=_colour(figures["fill"]),
        figure_gap=_inch(figures["gap"]),
        caption_height=_inch(figures["caption_height"]),
        figure_max_width=_inch(figures["max_width"]),
        chart_text=_pt(raw["chart"]["text"]),
        chart_colours=tuple(_colour(c) for c in raw["chart"]["extra_colours"]),
        diagram=Diagram(
            text=_pt(dia["text"]),
            floor=_pt(dia["floor"]),
            detail=float(dia["detail"]),
            gap=_inch(dia["gap"]),
            fill=_colour(dia["fill"]),
            alternate=_colour(dia["alternate"]),
            panel=_colour(dia["panel"]),
            arrow=_colour(dia["arrow"]),
            max_items=int(dia["max_items"]),
        ),
        frontier=Frontier(
            line=_colour(front["line"]),
            line_width=_share(front["line_width"], 20.0),
            area=_colour(front["area"]),
            reach=_share(front["reach"]),
            marker=_share(front["marker"], 3.0),
            axes_share=_share(front["axes_share"]),
        ),
        quote_mark=_pt(raw["quote"]["mark"]),
        quote_mark_colour=_colour(raw["quote"]["mark_colour"]),
    )
    sizes = (found.body, found.small, found.subtitle, found.quote, *found.layout_body.values())
    if min(sizes) < found.floor or found.floor < 18 or found.title_floor < 24:
        raise ValueError(f"{DESIGN_FILE}: a size is below the accessibility floors")
    if found.diagram.floor < 18 or found.chart_text < 18:
        raise ValueError(f"{DESIGN_FILE}: diagram and chart text must be at least 18 pt")
    return found


def _pt(value: object) -> float:
    if not isinstance(value, int | float) or not 8 <= value <= 200:
        raise ValueError(f"{DESIGN_FILE}: {value!r} is not a size in points")
    return float(value)


def _inch(value: object) -> int:
    if not isinstance(value, int | float) or not 0 <= value <= 14:
        raise ValueError(f"{DESIGN_FILE}: {value!r} is not a length in inches")
    return round(value * EMU_PER_INCH)


def _share(value: object, most: float = 1.0) -> float:
    if not isinstance(value, int | float) or not 0 < value <= most:
        raise ValueError(f"{DESIGN_FILE}: {value!r} is not a number above 0 and up to {most:g}")
    return float(value)


def _colour(value: object) -> str:
    if not isinstance(value, str) or not (value in ROLES or _HEX.fullmatch(value)):
        raise ValueError(f"{DESIGN_FILE}: {value!r} is not #RRGGBB or a brand colour role")
    return value
