"""Worksheets: printable exercises made of blocks (writing space, tick boxes, scales...).

Owns the worksheet's content; page layout is the renderer's business.
"""

from __future__ import annotations

from typing import Literal

from compassion_kit.model._schema import Strict, check, field
from compassion_kit.model.common import ItemId, ItemMeta, Text


class _Block(Strict):
    audience: Literal["participant", "facilitator"] = field(
        default="participant",
        description="Facilitator blocks print on a separate facilitator sheet",
    )


class HeadingBlock(_Block):
    """A heading that starts a part of the worksheet."""

    kind: Literal["heading"]
    text: Text
    level: int = field(default=2, ge=2, le=3, description="2 for a part, 3 for a sub-part")


class InstructionsBlock(_Block):
    """Text that tells people what to do; steps print as a numbered list."""

    kind: Literal["instructions"]
    text: Text | None = None
    steps: list[Text] = field(default_factory=list)

    @check
    def _has_content(self) -> None:
        if not self.text and not self.steps:
            raise ValueError("instructions need 'text' or 'steps'")


class WritingBlock(_Block):
    """Space to write by hand: a box or ruled lines of a set height."""

    kind: Literal["writing"]
    prompt: Text
    lines: int = field(default=4, ge=1, le=30, description="How many lines of handwriting it holds")
    style: Literal["box", "lines"] = "box"


class TicksBlock(_Block):
    """Rating rows: one tick box per option on each row, optional 'why' box."""

    kind: Literal["ticks"]
    prompt: Text | None = None
    options: list[Text] = field(min_length=2, max_length=7)
    rows: list[Text] = field(min_length=1)
    why: bool = field(default=False, description="Add a 'Why?' writing box under each row")


class ScaleBlock(_Block):
    """A numeric scale (0-10, 1-5) to circle or tick, with labels for both ends."""

    kind: Literal["scale"]
    prompt: Text
    low: int = field(default=0, ge=0, le=1)
    high: int = field(default=10, ge=3, le=10)
    low_label: Text
    high_label: Text


class TableBlock(_Block):
    """A table; blank cells become writing space of `row_lines` lines."""

    kind: Literal["table"]
    caption: Text | None = None
    columns: list[Text] = field(min_length=1, max_length=6)
    rows: list[list[str]] = field(min_length=1)
    row_lines: int = field(default=2, ge=1, le=12, description="Height of blank cells, in lines")

    @check
    def _rows_fit(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            if len(row) > len(self.columns):
                raise ValueError(
                    f"row {number} has {len(row)} cells but there are {len(self.columns)} columns"
                )


class ChecklistBlock(_Block):
    """Statements with a tick box each (e.g. compassion indicator statements)."""

    kind: Literal["checklist"]
    prompt: Text | None = None
    items: list[Text] = field(min_length=1)


class ListBlock(_Block):
    """A plain bulleted list, e.g. example stories on a facilitator sheet."""

    kind: Literal["list"]
    heading: Text | None = None
    items: list[Text] = field(min_length=1)


# A union of models is told apart by each one's `kind`.
Block = (
    HeadingBlock
    | InstructionsBlock
    | WritingBlock
    | TicksBlock
    | ScaleBlock
    | TableBlock
    | ChecklistBlock
    | ListBlock
)


class Worksheet(ItemMeta):
    """A printable exercise or form."""

    kind: Literal["worksheet"]
    minutes: int | None = field(default=None, ge=1, le=480, description="Time the exercise takes")
    materials: list[Text] = field(default_factory=list, description="What to bring")
    grouping: Text | None = field(default=None, description="Individual, pairs, tables of five...")
    deck_slide: ItemId | None = field(default=None, description="Slide that introduces it, if any")
    blocks: list[Block] = field(min_length=1)
    related: list[ItemId] = field(default_factory=list)
