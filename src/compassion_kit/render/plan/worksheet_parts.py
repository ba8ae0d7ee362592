"""The parts of a planned worksheet sheet (pure records): headings, text, writing spaces,
tick grids, scales, checklists, tables and online links, in the order they print.

Owns the records only; which parts a sheet holds is `plan/worksheet.py`'s, writing them into
Word `render/docx/worksheet.py`'s.
"""

from __future__ import annotations

from dataclasses import dataclass

from compassion_kit.render.plan.fishbone import Fishbone


@dataclass(frozen=True)
class Heading:
    text: str
    level: int


@dataclass(frozen=True)
class Text:
    """A paragraph; `label` is printed in bold before the text ("Time: 15 minutes")."""

    text: str
    style: str = "Normal"
    label: str | None = None
    keep_with_next: bool = False


@dataclass(frozen=True)
class Steps:
    items: tuple[str, ...]
    numbered: bool


@dataclass(frozen=True)
class Writing:
    """A handwriting space under its prompt: a box, or ruled lines, `lines` lines high."""

    prompt: str
    lines: int
    ruled: bool


@dataclass(frozen=True)
class TickRow:
    text: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class TickGrid:
    """Rating rows as one table: a statement column and a tick-box column per option."""

    prompt: str | None
    options: tuple[str, ...]
    rows: tuple[TickRow, ...]
    widths: tuple[int, ...]


@dataclass(frozen=True)
class TickQuestion:
    """One rated question with its own options row and a 'why' box (feedback forms)."""

    statement: str
    options: tuple[str, ...]
    tags: tuple[str, ...]
    why_lines: int


@dataclass(frozen=True)
class Scale:
    prompt: str
    points: tuple[int, ...]
    low_label: str
    high_label: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Checklist:
    prompt: str | None
    items: tuple[TickRow, ...]  # one tag each


@dataclass(frozen=True)
class OnlineLink:
    """What to do, then a QR code for `url` and the address itself, to answer online."""

    text: str
    url: str


@dataclass(frozen=True)
class Grid:
    """A table whose blank cells are writing space `blank_height` twips high."""

    caption: str | None
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]
    blank_height: int


Part = (
    Heading
    | Text
    | Steps
    | Writing
    | TickGrid
    | TickQuestion
    | Scale
    | Checklist
    | Grid
    | OnlineLink
    | Fishbone
)
