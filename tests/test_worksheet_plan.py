"""Worksheet plans: plain values, no Word files."""

from __future__ import annotations

import dataclasses

import pytest

from compassion_kit.library import load_library
from compassion_kit.model import Worksheet
from compassion_kit.profile import DEFAULT_BRAND
from compassion_kit.render.plan.page import text_width_for
from compassion_kit.render.plan.printing import PrintRequest
from compassion_kit.render.worksheet import (
    WRITING_LINE,
    Checklist,
    Grid,
    Heading,
    Scale,
    Steps,
    Text,
    TickGrid,
    TickQuestion,
    WorksheetPlan,
    Writing,
    plan_worksheets,
)
from test_docx_foundation import LETTER_BRAND, fixture

LIBRARY = load_library()


def request(*items: object, **changes: object) -> PrintRequest:
    base = PrintRequest(items=tuple(items), brand=DEFAULT_BRAND, logo=None)  # type: ignore[arg-type]
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def every_block() -> Worksheet:
    item = fixture("ws-every-block")
    assert isinstance(item, Worksheet)
    return item


def parts_of(plan: WorksheetPlan, kind: type) -> list[object]:
    return [p for sheet in plan.sheets for p in sheet.parts if isinstance(p, kind)]


def test_participant_plan_leaves_out_facilitator_blocks() -> None:
    plan = plan_worksheets(request(every_block()))
    assert len(plan.sheets) == 1
    texts = [getattr(p, "text", "") for p in plan.sheets[0].parts]
    assert "Running it" not in texts
    assert "Give people time to think before they write." not in texts


def test_facilitator_plan_adds_a_sheet_of_its_own() -> None:
    plan = plan_worksheets(request(every_block(), audience="facilitator"))
    assert [s.facilitator for s in plan.sheets] == [False, True]
    sheet = plan.sheets[1]
    assert sheet.title == "Every kind of worksheet block: facilitator sheet"
    assert sheet.credit == plan.sheets[0].credit
    assert sheet.parts[0] == Heading("Running it", 2)
    assert Heading("Example answers", 3) in sheet.parts
    assert Steps(("We always finish on time", "Someone noticed and stayed"), False) in sheet.parts


def test_worksheet_without_facilitator_blocks_gets_no_facilitator_sheet() -> None:
    item = every_block()
    blocks = [b for b in item.blocks if b.audience == "participant"]
    plain = item.replace(blocks=blocks)
    assert len(plan_worksheets(request(plain, audience="facilitator")).sheets) == 1


def test_details_print_team_date_time_grouping_and_materials() -> None:
    plan = plan_worksheets(request(every_block(), team="Ward 7", date="3 March 2026"))
    parts = plan.sheets[0].parts
    assert parts[:4] == (
        Text("Ward 7", "Item Details", "Team: "),
        Text("3 March 2026", "Item Details", "Date: "),
        Text("20 minutes", "Item Details", "Time: "),
        Text("Pairs", "Item Details", "Working: "),
    )
    assert parts[5] == Steps(("Pens", "Sticky notes"), numbered=False)


def test_no_team_line_without_a_team() -> None:
    parts = plan_worksheets(request(every_block())).sheets[0].parts
    assert not any(isinstance(p, Text) and p.label == "Team: " for p in parts)


def test_heading_levels_never_skip() -> None:
    plan = plan_worksheets(request(every_block()))
    levels = [p.level for p in parts_of(plan, Heading)]  # type: ignore[attr-defined]
    assert levels == [2, 2, 3, 3]  # Part one, Ratings, Rows sharing..., list heading
    previous = 1
    for level in levels:
        assert level <= previous + 1
        previous = level


def test_level_three_heading_with_no_part_above_is_promoted() -> None:
    item = every_block()
    blocks = [b for b in item.blocks if b.kind != "heading" or b.level == 3]
    plan = plan_worksheets(request(item.replace(blocks=blocks)))
    assert parts_of(plan, Heading)[0] == Heading("Rows sharing one set of options", 2)


def test_tick_boxes_get_one_tag_each() -> None:
    plan = plan_worksheets(request(every_block()))
    grid = parts_of(plan, TickGrid)[0]
    assert isinstance(grid, TickGrid)
    assert [row.tags for row in grid.rows] == [
        ("ws-every-block/7/1/1", "ws-every-block/7/1/2", "ws-every-block/7/1/3"),
        ("ws-every-block/7/2/1", "ws-every-block/7/2/2", "ws-every-block/7/2/3"),
    ]
    scale = parts_of(plan, Scale)[0]
    assert isinstance(scale, Scale)
    assert scale.points == tuple(range(11)) and len(scale.tags) == 11
    assert plan.tick_count == 6 + 3 + 11 + 2


def test_rating_rows_with_why_become_questions_with_why_boxes() -> None:
    plan = plan_worksheets(request(every_block()))
    question = parts_of(plan, TickQuestion)[0]
    assert question == TickQuestion(
        "How useful was the session?",
        ("Very useful", "Useful", "Not useful"),
        ("ws-every-block/8/1/1", "ws-every-block/8/1/2", "ws-every-block/8/1/3"),
        2,
    )


def test_tick_grid_columns_fill_the_text_width() -> None:
    grid = parts_of(plan_worksheets(request(every_block())), TickGrid)[0]
    assert isinstance(grid, TickGrid)
    assert sum(grid.widths) == text_width_for("A4")
    assert len(set(grid.widths[1:])) == 1  # equal option columns
    assert grid.widths[0] > grid.widths[1]


def test_letter_paper_widens_the_columns() -> None:
    a4 = parts_of(plan_worksheets(request(every_block())), Grid)[0]
    letter = parts_of(plan_worksheets(request(every_block(), brand=LETTER_BRAND)), Grid)[0]
    assert sum(letter.widths) == text_width_for("Letter") > sum(a4.widths)  # type: ignore[attr-defined]


def test_table_rows_are_padded_and_blank_cells_sized_for_handwriting() -> None:
    grid = parts_of(plan_worksheets(request(every_block())), Grid)[0]
    assert grid == Grid(
        "Plan the change",
        ("Step", "Who", "When"),
        (("Agree the aim", "", ""), ("Tell the team", "Ward manager", "")),
        grid.widths,
        2 * WRITING_LINE,
    )  # type: ignore[attr-defined]


def test_writing_blocks_keep_their_style_and_size() -> None:
    writing = parts_of(plan_worksheets(request(every_block())), Writing)
    assert writing == [
        Writing("Describe a kind moment at work this week.", 3, ruled=False),
        Writing("Six words about your team.", 2, ruled=True),
    ]


def test_checklist_items_each_have_a_tick_box() -> None:
    checklist = parts_of(plan_worksheets(request(every_block())), Checklist)[0]
    assert isinstance(checklist, Checklist)
    assert [i.text for i in checklist.items] == ["A named sponsor", "Protected time"]
    assert all(len(i.tags) == 1 for i in checklist.items)


def test_document_title_names_one_or_several_worksheets() -> None:
    item = every_block()
    assert plan_worksheets(request(item)).title == "Every kind of worksheet block"
    other = item.replace(id="ws-other", title="Another")
    plan = plan_worksheets(request(item, other))
    assert plan.title == "Worksheets: Every kind of worksheet block; Another"
    assert [s.item_id for s in plan.sheets] == ["ws-every-block", "ws-other"]


@pytest.mark.parametrize("item_id", LIBRARY.ids("worksheet"))
def test_every_library_worksheet_plans_every_participant_block(item_id: str) -> None:
    item = LIBRARY.get(item_id)
    assert isinstance(item, Worksheet)
    plan = plan_worksheets(request(item, audience="facilitator"))
    expected_ticks = 0
    for block in item.blocks:
        if block.kind == "ticks":
            expected_ticks += len(block.rows) * len(block.options)
        elif block.kind == "scale":
            expected_ticks += block.high - block.low + 1
        elif block.kind == "checklist":
            expected_ticks += len(block.items)
    assert plan.tick_count == expected_ticks
    facilitator = any(b.audience == "facilitator" for b in item.blocks)
    assert len(plan.sheets) == (2 if facilitator else 1)
