"""The deck plan's paragraphs: runs of text, paragraphs with their list marker and size, and
the hanging indents measuring and writing share.

Owns the text vocabulary only; `deck_spec.py` re-exports it with the rest of the plan's specs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

EMU_PER_PT = 12700
# Hanging indents, in ems of the paragraph's size, shared by measuring and writing.
BULLET_INDENT_EM = 1.1
NUMBER_INDENT_EM = 1.6
LEVEL_INDENT_EM = 1.4


def centipoints(size: float) -> int:
    """A text size in points as DrawingML's `sz` (hundredths of a point), rounded down through
    whole EMU as python-pptx's Pt() did."""
    return int(size * EMU_PER_PT) // 127


Bullet = Literal["none", "bullet", "number"]


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look; `link` makes it a hyperlink to that URL."""

    text: str
    bold: bool = False
    colour: str | None = None  # #RRGGBB, or None to keep the template's colour
    link: str | None = None


@dataclass(frozen=True)
class Para:
    """One paragraph: its runs, list level and marker, and size relative to its box."""

    runs: tuple[Run, ...]
    level: int = 0
    bullet: Bullet = "none"
    number: int | None = None  # for numbered steps: this step's number
    scale: float = 1.0  # font size = the box's fitted size x scale
    space_before: float = 0.0  # in ems of this paragraph's size
    align: Literal["l", "r", "ctr"] = "l"
    continued: bool = False  # the rest of a paragraph split across slides: no marker

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def bold(self) -> bool:
        """Measured as bold if any run is bold (wider, so the safe assumption)."""
        return any(run.bold for run in self.runs)


def para(
    text: str,
    *,
    bold: bool = False,
    colour: str | None = None,
    link: str | None = None,
    level: int = 0,
    bullet: Bullet = "none",
    number: int | None = None,
    scale: float = 1.0,
    space_before: float = 0.0,
    align: Literal["l", "r", "ctr"] = "l",
) -> Para:
    """A paragraph of one run: the common case."""
    return Para((Run(text, bold, colour, link),), level, bullet, number, scale, space_before, align)


def indent_pt(p: Para, size: float) -> float:
    """Left margin of a paragraph in points at base size `size` (0 for plain text)."""
    if p.bullet == "none":
        return 0.0
    points = size * p.scale
    first = NUMBER_INDENT_EM if p.bullet == "number" else BULLET_INDENT_EM
    return points * (first + p.level * LEVEL_INDENT_EM)
