"""The parts diagrams are built from: a shape spec with alt text, its label and detail
paragraphs, the one size a diagram's texts share, the fills, and a caption under it.

Owns the text and colour rules every diagram kind follows; where each shape goes is
`deck_diagrams.py`'s. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from compassion_kit.render.plan import deck_fit as fit
from compassion_kit.render.plan.deck_design import colour, design
from compassion_kit.render.plan.deck_spec import (
    DEFAULT_INSETS,
    EMU_PER_INCH,
    Box,
    Geometry,
    Para,
    Run,
    ShapeSpec,
)
from compassion_kit.render.plan.words import shorten

ALT_MAX = 150  # characters (KIT002)
INSET = EMU_PER_INCH // 10


Align = Literal["l", "r", "ctr"]


def label(text: str, ink: str, align: Align = "ctr") -> Para:
    """A part's label: bold, centred unless `align` says otherwise, in `ink`."""
    return Para((Run(text, bold=True, colour=ink),), align=align)


def detail(text: str, ink: str, space: float = 0.2, align: Align = "ctr") -> Para:
    """A part's detail: regular, centred unless `align` says otherwise, in `ink`, `space` ems
    below the label."""
    return Para((Run(text, colour=ink),), align=align, space_before=space)


def shared_size(
    texts: Sequence[tuple[Para, ...]], frames: Sequence[fit.Frame], trouble: list[str]
) -> float:
    """The largest size, from the design's down to its floor, at which every text fits its
    frame; the floor (and a warning) when one never does."""
    dia = design().diagram
    for size in fit.sizes(dia.text, dia.floor):
        if all(
            fit.fits(t, size, f) and words_fit(t, size, f)
            for t, f in zip(texts, frames, strict=True)
        ):
            if size < dia.text:
                trouble.append(f"diagram text shrinks to {size:g} pt to fit; shorten it")
            return size
    trouble.append("a diagram's text does not fit its shape even at the smallest size")
    return dia.floor


def words_fit(paras: tuple[Para, ...], size: float, frame: fit.Frame) -> bool:
    """True when no word is wider than the frame (else it would break between letters)."""
    return all(
        fit.text_width(word, size * p.scale, p.bold) <= frame.width
        for p in paras
        for word in p.text.split()
    )


def shape(
    geometry: Geometry,
    box: Box,
    fill: str,
    name: str,
    paras: tuple[Para, ...] = (),
    size: float = 0.0,
    **extra: object,
) -> ShapeSpec:
    """A shape spec whose alt text is its text ("label: detail"); none marks it decorative."""
    alt = shorten(": ".join(p.text for p in paras), ALT_MAX) if paras else ""
    return ShapeSpec(geometry, box, fill, name, alt, paras, size, **extra)  # type: ignore[arg-type]


def alt_text(text: str) -> str:
    """`text` as alt text, shortened to what is comfortable to hear."""
    return shorten(text, ALT_MAX)


def fills(colours: dict[str, str]) -> tuple[str, str]:
    """The main and alternate fills of a diagram's parts, in the brand's colours."""
    dia = design().diagram
    return colour(dia.fill, colours), colour(dia.alternate, colours)


def caption(text: str, box: Box, ink: str) -> ShapeSpec:
    """A line of text under a diagram, as large as fits from the small size down, in `ink`
    (an autoshape's own text colour is the theme's light one, unreadable on the page)."""
    paras = (Para((Run(text, colour=ink),)),)
    size = fit.best_size(paras, fit.frame(box, DEFAULT_INSETS), design().small, design().floor)
    return shape("rect", box, "", "Caption", paras, size or design().floor, anchor="t")
