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
    OnlineLinkBlock,
    ScaleBlock,
    TableBlock,
    TicksBlock,
    WritingBlock,
)
from compassion_kit.render.plan.fishbone import plan_fishbone
from compassion_kit.render.plan.form_controls import scale_prompt, tick_widths
from compassion_kit.render.plan.page import column_widths, text_width_for
from compassion_kit.render.plan.worksheet_parts import (
    Checklist,
    Grid,
    Heading,
    OnlineLink,
    Part,
    Scale,
    Steps,
    Text,
    TickGrid,
    TickQuestion,
    TickRow,
    Writing,
)

if TYPE_CHECKING:
    from compassion_kit.model import Worksheet
    from compassion_kit.model.worksheet import Block
    from compassion_kit.render.plan.printing import PrintRequest

WRITING_LINE = 454  # 8 mm per handwritten line (twips): wide-ruled paper
WHY_LINES = 2  # lines in the "why" box of a rating question, its label on the first
WHY_PROMPT = "Why did you choose this response?"  # that label
FACILITATOR_SUFFIX = ": facilitator sheet"


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
    An online-link block becomes the organisation's survey_url, or nothing without one.
    """
    width = text_width_for(request.brand.organisation.paper)
    survey = request.brand.organisation.survey_url
    sheets: list[Sheet] = []
    for item in request.items:
        assert item.kind == "worksheet"
        credit = item.credit()
        sheets.append(
            Sheet(
                item.id,
                item.title,
                credit,
                _details(item, request) + _plan_blocks(item, "participant", width, survey),
            )
        )
        if request.audience == "facilitator":
            extra = _plan_blocks(item, "facilitator", width, survey)
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


def _plan_blocks(
    item: Worksheet, audience: str, width: int, survey: str | None
) -> tuple[Part, ...]:
    parts: list[Part] = []
    top = 1  # deepest heading level so far on this sheet, so levels never skip
    for number, block in enumerate(item.blocks, start=1):
        if block.audience != audience:
            continue
        if isinstance(block, OnlineLinkBlock):
            parts.extend([OnlineLink(block.text, survey)] if survey else [])
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
    forms = (Writing, TickGrid, TickQuestion, Scale, Checklist, Grid, OnlineLink)
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
                scale_prompt(block.prompt),
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
    return [TickGrid(block.prompt, options, rows, tick_widths(options, width))]
