"""Worksheets as LibreOffice prints them: page counts, and no question split across pages.

Each document is built and converted once per module (LibreOffice is slow on two cores).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from compassion_kit.library import load_library
from compassion_kit.model import Worksheet
from compassion_kit.render.worksheet import (
    WHY_PROMPT,
    WRITING_LINE,
    Checklist,
    Scale,
    TickGrid,
    TickQuestion,
    WorksheetPlan,
    Writing,
    plan_worksheets,
    write_worksheets,
)
from support.office import pdf_pages, pdf_text, require_tools, to_pdf
from test_docx_foundation import NORTHSHIRE, PdfWord, find_text, pdf_words, small_logo
from test_worksheet_plan import every_block, request

LIBRARY = load_library()
MAX_PAGES = 5  # the feedback form (9 rated questions, 7 open ones) is the longest
EXACT_PAGES = {"six-word-stories": 1}
PAGE_HEIGHT = 16838 / 20  # A4, in points
BODY_BOTTOM = PAGE_HEIGHT - 1304 / 20  # the template's bottom margin
BOX = "\u2610"

Printed = Callable[[str, str], tuple[Path, WorksheetPlan]]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    """Build and convert a worksheet once; later calls reuse the PDF."""
    require_tools("soffice", "pdfinfo", "pdftotext")
    folder = tmp_path_factory.mktemp("worksheets")
    cache: dict[tuple[str, str], tuple[Path, WorksheetPlan]] = {}

    def get(item_id: str, audience: str = "participant") -> tuple[Path, WorksheetPlan]:
        if (item_id, audience) not in cache:
            item = every_block() if item_id == "ws-every-block" else LIBRARY.get(item_id)
            assert isinstance(item, Worksheet)
            req = request(
                item, brand=NORTHSHIRE, logo=small_logo(), audience=audience, team="Ward 7"
            )
            plan = plan_worksheets(req)
            path = folder / f"{item_id}-{audience}.docx"
            path.write_bytes(write_worksheets(plan, req).data)
            cache[(item_id, audience)] = (to_pdf(path, folder), plan)
        return cache[(item_id, audience)]

    return get


def split_questions(pdf: Path, plan: WorksheetPlan) -> list[str]:
    """Each question whose prompt and tick boxes or writing space are not on one page."""
    found = pdf_words(pdf)
    boxes = [i for i, w in enumerate(found) if w.text == BOX]
    problems: list[str] = []
    cursor = 0  # word index to search from
    next_box = 0  # index into `boxes`

    def take(count: int) -> list[PdfWord]:
        nonlocal next_box
        taken = [found[i] for i in boxes[next_box : next_box + count]]
        next_box += count
        return taken

    for sheet in plan.sheets:
        for part in sheet.parts:
            if isinstance(part, Writing):
                _, last = find_text(found, part.prompt, cursor)
                cursor = last + 1
                end = found[last].bottom + part.lines * WRITING_LINE / 20
                if end > BODY_BOTTOM + 2:
                    problems.append(
                        f"writing space of {part.prompt!r} runs off page {found[last].page}"
                    )
            elif isinstance(part, TickQuestion | Scale):
                text = part.statement if isinstance(part, TickQuestion) else part.prompt
                _, last = find_text(found, text, cursor)
                cursor = last + 1
                pages = {w.page for w in take(len(part.tags))} | {found[last].page}
                if isinstance(part, TickQuestion):
                    _, why = find_text(found, WHY_PROMPT, cursor)
                    pages.add(found[why].page)
                if len(pages) > 1:
                    problems.append(f"{text!r} is split over pages {sorted(pages)}")
            elif isinstance(part, TickGrid):
                for row in part.rows:
                    _, last = find_text(found, row.text, cursor)
                    cursor = last + 1
                    pages = {w.page for w in take(len(row.tags))} | {found[last].page}
                    if len(pages) > 1:
                        problems.append(f"{row.text!r} is split over pages {sorted(pages)}")
            elif isinstance(part, Checklist):
                for item in part.items:
                    box = take(1)[0]
                    _, last = find_text(found, item.text, cursor)
                    cursor = last + 1
                    if box.page != found[last].page:
                        problems.append(f"{item.text!r} is apart from its tick box")
    assert next_box == len(boxes), "tick boxes in the PDF that the plan does not know"
    return problems


@pytest.mark.parametrize("item_id", LIBRARY.ids("worksheet"))
def test_library_worksheet_prints_within_its_page_budget(item_id: str, printed: Printed) -> None:
    pdf, plan = printed(item_id, "participant")
    pages = pdf_pages(pdf)
    assert pages == EXACT_PAGES.get(item_id, pages)
    assert 1 <= pages <= MAX_PAGES
    assert f"Page 1 of {pages}" in pdf_text(pdf, 1)
    assert plan.sheets[0].title.split()[0] in pdf_text(pdf, 1)


@pytest.mark.parametrize("item_id", LIBRARY.ids("worksheet"))
def test_no_question_is_split_across_pages(item_id: str, printed: Printed) -> None:
    pdf, plan = printed(item_id, "participant")
    assert split_questions(pdf, plan) == []


def test_six_word_stories_participant_sheet_is_one_page(printed: Printed) -> None:
    pdf, _ = printed("six-word-stories", "participant")
    assert pdf_pages(pdf) == 1


def test_facilitator_copy_puts_the_example_stories_on_their_own_page(printed: Printed) -> None:
    pdf, plan = printed("six-word-stories", "facilitator")
    pages = pdf_pages(pdf)
    assert pages >= 2
    assert "Six-word stories: facilitator sheet" in pdf_text(pdf, 2)
    assert "Hitting targets" not in pdf_text(pdf, 1)
    assert split_questions(pdf, plan) == []


def test_fixture_prints_every_block_without_splitting(printed: Printed) -> None:
    pdf, plan = printed("ws-every-block", "facilitator")
    text = pdf_text(pdf)
    for word in (
        "Describe a kind moment",
        "Meetings finish on time",
        "Plan the change",
        "Tea round at three",
        "Example answers",
        "Team: Ward 7",
    ):
        assert word in text
    assert text.count(BOX) == plan.tick_count
    assert split_questions(pdf, plan) == []
