"""Planning worksheets (pure): which sheets a print run holds and each sheet's parts, in order.

Owns the plan records, what each audience sees, tick-box tags and column widths; writing the
parts into Word is `render/docx/worksheet.py`'s, the page's geometry `plan/page.py`'s.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from compassion_kit.model.worksheet import (
    ChecklistBlock,
    HeadingBlock,
    InstructionsBlock,
    ListBlock,
    ScaleBlock,
    TableBlock,
    TicksBlock,
    WritingBlock,
)
from compassion_kit.render.plan.fishbone import Fishbone, plan_fishbone
from compassion_kit.render.plan.page import CELL_PADDING, CHAR_WIDTH, column_widths, text_width_for

if TYPE_CHECKING:
    from compassion_kit.model import Worksheet
    from compassion_kit.model.worksheet import Block
    from compassion_kit.render.plan.printing import PrintRequest

WRITING_LINE = 454  # 8 mm per handwritten line (twips): wide-ruled paper
WHY_LINES = 2  # lines in the "why" box of a rating question, its label on the first
WHY_PROMPT = "Why did you choose this response?"  # that label
FACILITATOR_SUFFIX = ": facilitator sheet"
OPTION_MIN, OPTION_MAX = 1300, 2000  # tick-box column widths (twips): 2.3 to 3.5 cm


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
class Grid:
    """A table whose blank cells are writing space `blank_height` twips high."""

    caption: str | None
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]
    blank_height: int


Part = (
    Heading | Text | Steps | Writing | TickGrid | TickQuestion | Scale | Checklist | Grid | Fishbone
)


@dataclass(frozen=True)
class Sheet:
    """One printed sheet: starts a page, Heading 1 title, then its parts in order."""

    item_id: str
    title: str
    credit: str
    parts: tuple[Part, ...]
    facilitator: bool = False


@dataclass(frozen=True)
class WorksheetPlan:
    title: str
    sheets: tuple[Sheet, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def tick_count(self) -> int:
        """How many tick boxes the document will hold."""
        return sum(len(tags) for tags in _all_tags(self))


def _all_tags(plan: WorksheetPlan) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for sheet in plan.sheets:
        for part in sheet.parts:
            if isinstance(part, TickGrid | Checklist):
                found.extend(
                    row.tags for row in (part.rows if isinstance(part, TickGrid) else part.items)
                )
            elif isinstance(part, TickQuestion | Scale):
                found.append(part.tags)
    return found


def plan_worksheets(request: PrintRequest) -> WorksheetPlan:
    """Sheets for every requested worksheet, in order; facilitator sheets when asked.

    Each worksheet starts on a new page. With `audience="facilitator"`, a worksheet's
    facilitator-only blocks follow on a sheet of their own; otherwise they are left out.
    """
    width = text_width_for(request.brand.organisation.paper)
    sheets: list[Sheet] = []
    for item in request.items:
        assert item.kind == "worksheet"
        credit = item.credit()
        sheets.append(
            Sheet(
                item.id,
                item.title,
                credit,
                _details(item, request) + _plan_blocks(item, "participant", width),
            )
        )
        if request.audience == "facilitator":
            extra = _plan_blocks(item, "facilitator", width)
            if extra:
                sheets.append(
                    Sheet(item.id, item.title + FACILITATOR_SUFFIX, credit, extra, facilitator=True)
                )
    titles = [item.title for item in request.items]
    title = titles[0] if len(titles) == 1 else "Worksheets: " + "; ".join(titles)
    return WorksheetPlan(title, tuple(sheets))


def _details(item: Worksheet, request: PrintRequest) -> tuple[Part, ...]:
    parts: list[Part] = []
    if request.team:
        parts.append(Text(request.team, "Item Details", "Team: "))
    if request.date:
        parts.append(Text(request.date, "Item Details", "Date: "))
    if item.minutes:
        parts.append(Text(f"{item.minutes} minutes", "Item Details", "Time: "))
    if item.grouping:
        parts.append(Text(item.grouping, "Item Details", "Working: "))
    if item.materials:
        parts.append(Text("", "Item Details", "You will need:"))
        parts.append(Steps(tuple(item.materials), numbered=False))
    return tuple(parts)


def _plan_blocks(item: Worksheet, audience: str, width: int) -> tuple[Part, ...]:
    parts: list[Part] = []
    top = 1  # deepest heading level so far on this sheet, so levels never skip
    for number, block in enumerate(item.blocks, start=1):
        if block.audience != audience:
            continue
        if isinstance(block, HeadingBlock):
            level = min(block.level, top + 1)
            top = level
            parts.append(Heading(block.text, level))
            continue
        if isinstance(block, ListBlock) and block.heading:
            top = min(top + 1, 3)
            parts.append(Heading(block.heading, top))
        parts.extend(_plan_block(block, f"{item.id}/{number}", width))
    return _keep_lead_ins(parts)


def _keep_lead_ins(parts: list[Part]) -> tuple[Part, ...]:
    """A paragraph that leads into a question stays on its page (heading, text, question)."""
    forms = (Writing, TickGrid, TickQuestion, Scale, Checklist, Grid)
    kept = list(parts)
    for index, part in enumerate(parts[:-1]):
        if isinstance(part, Text) and part.text and isinstance(parts[index + 1], forms):
            kept[index] = dataclasses.replace(part, keep_with_next=True)
    return tuple(kept)


def _plan_block(block: Block, tag: str, width: int) -> list[Part]:
    if isinstance(block, InstructionsBlock):
        found: list[Part] = [Text(block.text)] if block.text else []
        return found + ([Steps(tuple(block.steps), numbered=True)] if block.steps else [])
    if isinstance(block, ListBlock):
        return [Steps(tuple(block.items), numbered=False)]
    if isinstance(block, WritingBlock):
        return [Writing(block.prompt, block.lines, ruled=block.style == "lines")]
    if isinstance(block, TicksBlock):
        return _plan_ticks(block, tag, width)
    if block.kind == "fishbone":
        return [plan_fishbone(block, width, WRITING_LINE)]
    if isinstance(block, ScaleBlock):
        points = tuple(range(block.low, block.high + 1))
        return [
            Scale(
                block.prompt,
                points,
                block.low_label,
                block.high_label,
                tuple(f"{tag}/1/{p}" for p in points),
            )
        ]
    if isinstance(block, ChecklistBlock):
        return [
            Checklist(
                block.prompt,
                tuple(TickRow(text, (f"{tag}/{n}/1",)) for n, text in enumerate(block.items, 1)),
            )
        ]
    assert isinstance(block, TableBlock)
    columns = tuple(block.columns)
    rows = tuple(tuple(row) + ("",) * (len(columns) - len(row)) for row in block.rows)
    return [
        Grid(
            block.caption,
            columns,
            rows,
            column_widths(columns, rows, width),
            block.row_lines * WRITING_LINE,
        )
    ]


def _plan_ticks(block: TicksBlock, tag: str, width: int) -> list[Part]:
    options = tuple(block.options)

    def tags(row: int) -> tuple[str, ...]:
        return tuple(f"{tag}/{row}/{n}" for n in range(1, len(options) + 1))

    if block.why:
        found: list[Part] = [Text(block.prompt, keep_with_next=True)] if block.prompt else []
        return found + [
            TickQuestion(text, options, tags(n), WHY_LINES) for n, text in enumerate(block.rows, 1)
        ]
    rows = tuple(TickRow(text, tags(n)) for n, text in enumerate(block.rows, 1))
    return [TickGrid(block.prompt, options, rows, _tick_widths(options, width))]


def _tick_widths(options: tuple[str, ...], width: int) -> tuple[int, ...]:
    """Equal option columns, wide enough for labels on two lines; the statement gets the rest."""
    longest = max(len(option) for option in options)
    option = min(max((longest + 1) // 2 * CHAR_WIDTH + CELL_PADDING, OPTION_MIN), OPTION_MAX)
    option = min(option, width * 6 // 10 // len(options))
    return (width - option * len(options), *(option,) * len(options))
