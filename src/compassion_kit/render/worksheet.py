"""Worksheets: plan the sheets of a print run, write them as Word forms, read ticks back.

Owns the public worksheet API; planning is `plan/worksheet.py`'s, the Word forms are
`docx/worksheet.py`'s (python-docx is imported only when a document is written or read).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compassion_kit.render.plan.worksheet import (
    WHY_PROMPT,
    WRITING_LINE,
    Sheet,
    WorksheetPlan,
    plan_worksheets,
)
from compassion_kit.render.plan.worksheet_parts import (
    Checklist,
    Grid,
    Heading,
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
    from compassion_kit.render import RenderedFile
    from compassion_kit.render.plan.printing import PrintRequest

__all__ = [
    "WHY_PROMPT",
    "WRITING_LINE",
    "Checklist",
    "Grid",
    "Heading",
    "Part",
    "Scale",
    "Sheet",
    "Steps",
    "Text",
    "TickGrid",
    "TickQuestion",
    "TickRow",
    "WorksheetPlan",
    "Writing",
    "plan_worksheets",
    "read_tick_answers",
    "read_ticks",
    "write_worksheets",
]


def write_worksheets(plan: WorksheetPlan, request: PrintRequest) -> RenderedFile:
    """The .docx for `plan`: every sheet starts on a new page, with its item's credit."""
    from compassion_kit.render.docx import worksheet  # python-docx only when writing

    return worksheet.write_worksheets(plan, request)


def read_ticks(docx_bytes: bytes) -> list[bool]:
    """Whether each tick box in a (filled-in) document is ticked, in document order."""
    from compassion_kit.render.docx import worksheet

    return worksheet.read_ticks(docx_bytes)


def read_tick_answers(docx_bytes: bytes) -> dict[str, bool]:
    """Tick boxes by their tag (`<item>/<block>/<row>/<option>`), ticked or not."""
    from compassion_kit.render.docx import worksheet

    return worksheet.read_tick_answers(docx_bytes)
