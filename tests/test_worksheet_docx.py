"""Worksheet Word files, reopened with python-docx and checked by the strict validator."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from compassion_kit.library import load_library
from compassion_kit.model import Worksheet
from compassion_kit.render.plan.form_controls import scale_prompt
from compassion_kit.render.worksheet import (
    WHY_PROMPT,
    plan_worksheets,
    read_tick_answers,
    read_ticks,
    write_worksheets,
)
from support.office import assert_valid_ooxml
from support.word import styled_paragraphs
from test_docx_foundation import NORTHSHIRE, assert_accessible, sha, small_logo
from test_worksheet_plan import every_block, request

LIBRARY = load_library()
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"


def build(*items: Worksheet, **changes: object) -> bytes:
    req = request(*items, brand=NORTHSHIRE, logo=small_logo(), **changes)
    return write_worksheets(plan_worksheets(req), req).data


def save(tmp_path: Path, data: bytes, name: str = "worksheet.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def expected_texts(item: Worksheet, audience: str = "participant") -> list[str]:
    """Every piece of text a worksheet's blocks should print."""
    texts: list[str] = []
    for block in item.blocks:
        if block.audience != audience or block.kind == "online-link":  # only with a survey_url
            continue
        if block.kind == "scale":  # its prompt says how to mark the tick boxes
            texts.append(scale_prompt(block.prompt))
        for name in ("text", "prompt", "heading", "caption", "low_label", "high_label"):
            if name == "prompt" and block.kind == "scale":
                continue
            value = getattr(block, name, None)
            if isinstance(value, str):
                texts.append(value)
        for name in ("steps", "items", "rows", "options", "columns"):
            for value in getattr(block, name, None) or []:
                texts.extend(value if isinstance(value, list) else [value])
    return [t for t in texts if t]


def test_fixture_is_valid_accessible_and_complete(tmp_path: Path) -> None:
    item = every_block()
    data = build(item, audience="facilitator", team="Ward 7", date="3 March 2026")
    path = save(tmp_path, data)
    assert_valid_ooxml(path)
    assert_accessible(path)
    printed = "\n".join(text for _, text in styled_paragraphs(data))
    for text in expected_texts(item) + expected_texts(item, "facilitator"):
        assert text in printed, text
    assert "Team: Ward 7" in printed and "Date: 3 March 2026" in printed


def test_facilitator_blocks_are_left_out_of_participant_copies() -> None:
    printed = "\n".join(text for _, text in styled_paragraphs(build(every_block())))
    for text in expected_texts(every_block(), "facilitator"):
        assert text not in printed


def test_facilitator_sheet_starts_its_own_page_with_a_heading_1() -> None:
    data = build(every_block(), audience="facilitator")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert xml.count("<w:sectPr") == 2  # one break: participant sheet, facilitator sheet
    headings = [t for s, t in styled_paragraphs(data) if s == "Heading 1"]
    assert headings == [
        "Every kind of worksheet block",
        "Every kind of worksheet block: facilitator sheet",
    ]


def test_checkbox_counts_match_the_plan() -> None:
    item = every_block()
    plan = plan_worksheets(request(item))
    data = build(item)
    assert len(read_ticks(data)) == plan.tick_count == 22
    assert not any(read_ticks(data))
    answers = read_tick_answers(data)
    scale = [tag for tag in answers if tag.startswith("ws-every-block/9/")]
    assert len(scale) == 11  # 0 to 10


def test_scale_prints_its_numbers_and_end_labels() -> None:
    texts = [t for _, t in styled_paragraphs(build(every_block()))]
    assert "0 = Not at all\t10 = Very" in texts
    assert [str(n) for n in range(11)] == [t for t in texts if t.isdigit()][:11]


def all_paragraphs(data: bytes) -> list[Paragraph]:
    """Every paragraph in the body, inside tables (and nested tables) too."""
    document = Document(io.BytesIO(data))
    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


def test_writing_spaces_are_bordered_paragraphs_of_set_height() -> None:
    paragraphs = all_paragraphs(build(every_block()))
    boxes = [p for p in paragraphs if p.style.name == "Writing Space"]
    lines = [p for p in paragraphs if p.style.name == "Writing Line"]
    assert len(lines) == 2
    assert len(boxes) == 3 + 2  # the writing box, and the why box of the rating question
    for paragraph in boxes + lines:
        assert paragraph.paragraph_format.line_spacing.twips == 454
        assert "_" not in paragraph.text and "..." not in paragraph.text
    assert boxes[3].text == WHY_PROMPT


def test_questions_and_their_answer_space_cannot_come_apart() -> None:
    data = build(every_block())
    document = Document(io.BytesIO(data))
    # Writing spaces, rated questions and scales are two-row tables: the question is the
    # header row, kept with the answer row, which cannot split.
    forms = [t for t in document.tables if t.style.name == "Kit Form"]
    assert len(forms) == 2 + 1 + 1
    for form in forms:
        assert len(form.rows) == 2
        assert form.rows[0].cells[0].paragraphs[0].paragraph_format.keep_with_next
    prompts = [p for p in all_paragraphs(data) if p.style.name == "Prompt"]
    for prompt in prompts:
        direct = prompt.paragraph_format.keep_with_next
        assert direct or (direct is None and prompt.style.paragraph_format.keep_with_next)
    for table in document.tables:
        for row in table._tbl.findall(qn("w:tr")):
            assert row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None


def test_a_ticked_box_is_read_back_by_its_tag() -> None:
    data = build(every_block())
    archive = zipfile.ZipFile(io.BytesIO(data))
    xml = archive.read("word/document.xml").decode()
    tag = "ws-every-block/7/2/3"  # "Meetings finish on time": No
    start = xml.index(f'w:val="{tag}"')
    end = xml.index("</w:sdt>", start)
    ticked = (
        xml[start:end]
        .replace('w14:checked w14:val="0"', 'w14:checked w14:val="1"')
        .replace("\u2610", "\u2612")
    )
    xml = xml[:start] + ticked + xml[end:]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for name in archive.namelist():
            out.writestr(name, xml if name == "word/document.xml" else archive.read(name))
    answers = read_tick_answers(buffer.getvalue())
    assert [t for t, on in answers.items() if on] == [tag]
    assert read_ticks(buffer.getvalue()).count(True) == 1


def test_rebuilds_are_byte_identical() -> None:
    item = every_block()
    assert sha(build(item, audience="facilitator")) == sha(build(item, audience="facilitator"))


def test_several_worksheets_each_start_a_new_section_with_their_credit() -> None:
    item = every_block()
    other = item.replace(
        id="ws-other", title="Another sheet", source=item.source.replace(title="Other source")
    )
    data = build(item, other)
    archive = zipfile.ZipFile(io.BytesIO(data))
    footers = [
        archive.read(n).decode() for n in archive.namelist() if "footer" in n and n.endswith(".xml")
    ]
    assert any("Test fixture for compassion-kit" in f for f in footers)
    assert any("Other source" in f for f in footers)
    core = archive.read("docProps/core.xml").decode()
    assert "<dc:title>Worksheets: Every kind of worksheet block; Another sheet</dc:title>" in core


def test_feedback_form_rows_are_all_present() -> None:
    item = LIBRARY.get("feedback-form")
    assert isinstance(item, Worksheet)
    data = build(item)
    texts = [t for _, t in styled_paragraphs(data)]
    rows = [row for b in item.blocks if b.kind == "ticks" for row in b.rows]
    for row in rows:
        assert row in texts
    assert texts.count(WHY_PROMPT) == len(rows)
    options = sum(len(b.rows) * len(b.options) for b in item.blocks if b.kind == "ticks")
    assert len(read_ticks(data)) == options
    for block in item.blocks:
        if block.kind == "writing":
            assert block.prompt in texts


@pytest.mark.parametrize("item_id", LIBRARY.ids("worksheet"))
def test_every_library_worksheet_builds_valid_and_complete(item_id: str, tmp_path: Path) -> None:
    item = LIBRARY.get(item_id)
    assert isinstance(item, Worksheet)
    data = build(item, audience="facilitator")
    path = save(tmp_path, data, f"{item_id}.docx")
    assert_valid_ooxml(path)
    assert_accessible(path)
    printed = "\n".join(t for _, t in styled_paragraphs(data))
    flat = re.sub(r"\s+", " ", printed)
    for text in expected_texts(item) + expected_texts(item, "facilitator"):
        assert re.sub(r"\s+", " ", text) in flat, text
    assert len(read_ticks(data)) == plan_worksheets(request(item)).tick_count


def test_every_library_worksheet_in_one_document(tmp_path: Path) -> None:
    items = [LIBRARY.get(i) for i in LIBRARY.ids("worksheet")]
    assert all(isinstance(i, Worksheet) for i in items)
    data = build(*items, audience="facilitator")  # type: ignore[arg-type]
    path = save(tmp_path, data, "all.docx")
    assert_valid_ooxml(path)
    assert_accessible(path)
    plan = plan_worksheets(request(*items, audience="facilitator"))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert xml.count("<w:sectPr") == len(plan.sheets)
    assert len(read_ticks(data)) == plan.tick_count
