"""Worksheets: printable exercises made of blocks (writing space, tick boxes, scales...).

Owns the worksheet's content; page layout is the renderer's business.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from annotated_types import Ge, Le, MaxLen, MinLen

from compassion_kit.model.common import ItemId, ItemMeta, Record, Text, Whole
from compassion_kit.model.rules import After, Before, ByKind, clean_text

# A table cell may be empty: blank cells are writing space.
Cell = Annotated[str, After(clean_text)]


@dataclass(frozen=True, kw_only=True)
class _Block(Record):
    audience: Literal["participant", "facilitator"] = "participant"
    """Facilitator blocks print on a separate facilitator sheet"""


@dataclass(frozen=True, kw_only=True)
class HeadingBlock(_Block):
    """A heading that starts a part of the worksheet."""

    kind: Literal["heading"]
    text: Text
    level: Annotated[Whole, Ge(2), Le(3)] = 2
    """2 for a part, 3 for a sub-part"""


@dataclass(frozen=True, kw_only=True)
class InstructionsBlock(_Block):
    """Text that tells people what to do; steps print as a numbered list."""

    kind: Literal["instructions"]
    text: Text | None = None
    steps: list[Text] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.text and not self.steps:
            raise ValueError("instructions need 'text' or 'steps'")


@dataclass(frozen=True, kw_only=True)
class WritingBlock(_Block):
    """Space to write by hand: a box or ruled lines of a set height."""

    kind: Literal["writing"]
    prompt: Text
    lines: Annotated[Whole, Ge(1), Le(30)] = 4
    """How many lines of handwriting it holds"""
    style: Literal["box", "lines"] = "box"


@dataclass(frozen=True, kw_only=True)
class TicksBlock(_Block):
    """Rating rows: one tick box per option on each row, optional 'why' box."""

    kind: Literal["ticks"]
    prompt: Text | None = None
    options: Annotated[list[Text], MinLen(2), MaxLen(7)]
    rows: Annotated[list[Text], MinLen(1)]
    why: bool = False
    """Add a 'Why?' writing box under each row"""


@dataclass(frozen=True, kw_only=True)
class ScaleBlock(_Block):
    """A numeric scale (0-10, 1-5) to circle or tick, with labels for both ends."""

    kind: Literal["scale"]
    prompt: Text
    low: Annotated[Whole, Ge(0), Le(1)] = 0
    high: Annotated[Whole, Ge(3), Le(10)] = 10
    low_label: Text
    high_label: Text


@dataclass(frozen=True, kw_only=True)
class TableBlock(_Block):
    """A table; blank cells become writing space of `row_lines` lines."""

    kind: Literal["table"]
    caption: Text | None = None
    columns: Annotated[list[Text], MinLen(1), MaxLen(6)]
    rows: Annotated[list[list[Cell]], MinLen(1)]
    row_lines: Annotated[Whole, Ge(1), Le(12)] = 2
    """Height of blank cells, in lines"""

    def __post_init__(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            if len(row) > len(self.columns):
                raise ValueError(
                    f"row {number} has {len(row)} cells but there are {len(self.columns)} columns"
                )


@dataclass(frozen=True, kw_only=True)
class ChecklistBlock(_Block):
    """Statements with a tick box each (e.g. compassion indicator statements)."""

    kind: Literal["checklist"]
    prompt: Text | None = None
    items: Annotated[list[Text], MinLen(1)]


@dataclass(frozen=True, kw_only=True)
class ListBlock(_Block):
    """A plain bulleted list, e.g. example stories on a facilitator sheet."""

    kind: Literal["list"]
    heading: Text | None = None
    items: Annotated[list[Text], MinLen(1)]


@dataclass(frozen=True, kw_only=True)
class FishboneCategory(Record):
    """One bone of a fishbone diagram: a family of causes, e.g. People or Equipment."""

    name: Annotated[Text, MaxLen(40)]
    hint: Annotated[Text, MaxLen(90)] | None = None
    """A short prompt under the name, e.g. 'staffing, skills, workload'"""


def _categories(value: object) -> object:
    # A plain string is a category without a hint, so short lists stay short to write.
    if isinstance(value, list):
        return [{"name": v} if isinstance(v, str) else v for v in value]
    return value


@dataclass(frozen=True, kw_only=True)
class FishboneBlock(_Block):
    """A cause and effect (fishbone) diagram: the problem in the head, causes on the bones.

    Prints on one page with writing space under each category; content picks the categories.
    """

    kind: Literal["fishbone"]
    prompt: Text = "The problem (the effect)"
    """Label of the head box, where the team writes the problem"""
    categories: Annotated[list[FishboneCategory], Before(_categories), MinLen(2), MaxLen(6)]
    """Two to six cause categories, in reading order (left then right, top to bottom)"""


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
    | FishboneBlock
)


@dataclass(frozen=True, kw_only=True)
class Worksheet(ItemMeta):
    """A printable exercise or form."""

    kind: Literal["worksheet"]
    minutes: Annotated[Whole, Ge(1), Le(480)] | None = None
    """Time the exercise takes"""
    materials: list[Text] = field(default_factory=list)
    """What to bring"""
    grouping: Text | None = None
    """Individual, pairs, tables of five..."""
    deck_slide: ItemId | None = None
    """Slide that introduces it, if any"""
    blocks: Annotated[list[Annotated[Block, ByKind()]], MinLen(1)]
    related: list[ItemId] = field(default_factory=list)
