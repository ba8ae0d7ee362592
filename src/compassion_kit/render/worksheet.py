"""Worksheets as Word forms: writing spaces, tick boxes, scales and tables, one item per page run.

Owns planning the sheets (pure: which parts, tick-box tags, column widths) and each part's form
layout in Word; a print run's pages, branding and saving come from `_docx.py`.
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
from compassion_kit.render import RenderedFile
from compassion_kit.render._docx import PrintRequest, print_run, text_width_for
from compassion_kit.render._docx_table import (
    CELL_PADDING,
    CHAR_WIDTH,
    TableLook,
    add_table,
    align_cell,
    column_widths,
    equal_widths,
    set_row_height,
)
from compassion_kit.render._docx_text import (
    add_list,
    add_paragraph,
    add_run,
    add_tab_stop,
    align,
    exact_line_height,
    keep_with_next,
    set_style,
)
from compassion_kit.render._docx_ticks import add_checkbox, read_tick_answers, read_ticks
from compassion_kit.render._docx_xml import Cell, Draft

if TYPE_CHECKING:
    from collections.abc import Sequence

    from compassion_kit.model import Worksheet
    from compassion_kit.model.worksheet import Block

__all__ = [
    "WorksheetPlan",
    "plan_worksheets",
    "read_tick_answers",
    "read_ticks",
    "write_worksheets",
]

WRITING_LINE = 454  # 8 mm per handwritten line (twips): wide-ruled paper
WHY_LINES = 2  # lines in the "why" box of a rating question, its label on the first
WHY_PROMPT = "Why did you choose this response?"
STATEMENT_HEADER = "Statement"
FACILITATOR_SUFFIX = ": facilitator sheet"
OPTION_MIN, OPTION_MAX = 1300, 2000  # tick-box column widths (twips): 2.3 to 3.5 cm
CHECK_TAB = 567  # where checklist text starts after its tick box (1 cm)


# --- the plan: plain values, no Word objects -------------------------------------------------


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


Part = Heading | Text | Steps | Writing | TickGrid | TickQuestion | Scale | Checklist | Grid


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
        credit = item.source.credit()
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


# --- writing the plan into Word --------------------------------------------------------------


def write_worksheets(plan: WorksheetPlan, request: PrintRequest) -> RenderedFile:
    """The .docx for `plan`: every sheet starts on a new page, with its item's credit."""
    data = print_run(request, plan.title, plan.sheets, _write_sheet)
    return RenderedFile(data, "docx", None, plan.warnings)


def _write_sheet(draft: Draft, sheet: Sheet) -> None:
    add_paragraph(draft, sheet.title, "Heading 1")
    for part in sheet.parts:
        _write_part(draft, part)


def _write_part(draft: Draft, part: Part) -> None:
    if isinstance(part, Heading):
        add_paragraph(draft, part.text, f"Heading {part.level}")
    elif isinstance(part, Text):
        paragraph = add_paragraph(draft, style=part.style)
        if part.label:
            add_run(paragraph, part.label, bold=True)
        if part.text:
            add_run(paragraph, part.text)
        keep_with_next(paragraph, part.keep_with_next or not part.text)
    elif isinstance(part, Steps):
        add_list(draft, part.items, numbered=part.numbered)
    elif isinstance(part, Writing):
        _writing_space(_form(draft, part.prompt), part.lines, part.ruled)
    elif isinstance(part, TickGrid):
        _write_grid_of_ticks(draft, part)
    elif isinstance(part, TickQuestion):
        _write_question(draft, part)
    elif isinstance(part, Scale):
        _write_scale(draft, part)
    elif isinstance(part, Checklist):
        _write_checklist(draft, part)
    else:
        _write_table(draft, part)


def _form(draft: Draft, question: str) -> Cell:
    """A question and its answer space as one unit that never breaks across a page.

    A two-row table (Kit Form: no borders or cell margins): the question is the marked
    header row, the answer space is a single row that cannot split. LibreOffice 7.4 keeps
    only one level of a keep-with-next chain, so a prompt paragraph followed by several
    kept paragraphs can still be torn from them; a table row cannot. Returns the answer cell.
    """
    look = TableLook(style="Kit Form", header_style="Prompt", shade_header=False)
    table = add_table(draft, [question], [[""]], [draft.width], look)
    keep_with_next(table.rows[0].cells[0].paragraphs[0])
    spacer = add_paragraph(draft, style="Spacer")  # adjacent tables would merge into one
    keep_with_next(spacer, False)
    return table.rows[1].cells[0]


def _writing_space(cell: Cell, lines: int, ruled: bool, label: str | None = None) -> None:
    """Fill `cell` with `lines` lines of handwriting height: ruled lines, or one box.

    Word and LibreOffice draw consecutive paragraphs with identical borders as one box, and
    draw the Writing Line style's w:between border as a rule between lines. A `label` is
    printed at the start of the first line (the "why" boxes of rating questions). Writes
    after whatever the cell holds, reusing its last paragraph when that is empty.
    """
    last = cell.paragraphs[-1]
    style = cell.draft.style_id("Writing Line" if ruled else "Writing Space")
    for index in range(lines):
        empty = index == 0 and not "".join(last.itertext())
        paragraph = last if empty else add_paragraph(cell)
        set_style(paragraph, style)
        if index == 0 and label:
            add_run(paragraph, label)
        exact_line_height(paragraph, WRITING_LINE)


def _tick_row(cells: Sequence[Cell], tags: tuple[str, ...], labels: tuple[str, ...]) -> None:
    for cell, tag, label in zip(cells, tags, labels, strict=True):
        paragraph = cell.paragraphs[0]
        align(paragraph, "center")
        add_checkbox(paragraph, tag, label)
        align_cell(cell, "center")


def _ticks_table(where: Cell, labels: tuple[str, ...], tags: tuple[str, ...], width: int) -> None:
    """A nested table in `where`: the labels as its header row, a tick box under each."""
    table = add_table(where, labels, [()], equal_widths(width, len(labels)))
    for header in table.rows[0].cells:
        align(header.paragraphs[0], "center")
    _tick_row(table.rows[1].cells, tags, labels)


def _write_grid_of_ticks(draft: Draft, part: TickGrid) -> None:
    if part.prompt:
        add_paragraph(draft, part.prompt, "Prompt")
    header = (STATEMENT_HEADER, *part.options)
    table = add_table(draft, header, [(row.text,) for row in part.rows], part.widths)
    for cell in table.rows[0].cells[1:]:
        align(cell.paragraphs[0], "center")
    for row, tick_row in zip(table.rows[1:], part.rows, strict=True):
        _tick_row(row.cells[1:], tick_row.tags, part.options)
    # The header row stays with the first statement; later rows may move to the next page,
    # where the header row repeats.
    for cell in table.rows[0].cells:
        keep_with_next(cell.paragraphs[0])


def _write_question(draft: Draft, part: TickQuestion) -> None:
    answer = _form(draft, part.statement)
    answer.element.remove(answer.paragraphs[0])  # the options table comes first
    _ticks_table(answer, part.options, part.tags, draft.width)
    _writing_space(answer, part.why_lines, ruled=False, label=WHY_PROMPT)


def _write_scale(draft: Draft, part: Scale) -> None:
    answer = _form(draft, part.prompt)
    labels = answer.paragraphs[0]
    set_style(labels, draft.style_id("Scale Labels"))
    add_run(labels, f"{part.points[0]} = {part.low_label}")
    add_run(labels, "\t" + f"{part.points[-1]} = {part.high_label}")
    add_tab_stop(labels, draft.width, "right")
    _ticks_table(answer, tuple(str(p) for p in part.points), part.tags, draft.width)
    # The paragraph Word requires after a nested table, as small as can be.
    set_style(answer.paragraphs[-1], draft.style_id("Spacer"))


def _write_checklist(draft: Draft, part: Checklist) -> None:
    if part.prompt:  # the prompt stays with the first item; each item is one paragraph
        keep_with_next(add_paragraph(draft, part.prompt, "Prompt"))
    for item in part.items:
        paragraph = add_paragraph(draft, style="Check Item")
        add_tab_stop(paragraph, CHECK_TAB)
        add_checkbox(paragraph, item.tags[0], item.text)
        add_run(paragraph, "\t" + item.text)


def _write_table(draft: Draft, part: Grid) -> None:
    if part.caption:
        add_paragraph(draft, part.caption, "Caption")
    table = add_table(draft, part.columns, part.rows, part.widths)
    for row, values in zip(table.rows[1:], part.rows, strict=True):
        if any(not value for value in values):
            set_row_height(row, part.blank_height, exact=False)
    for cell in table.rows[0].cells:
        keep_with_next(cell.paragraphs[0])
