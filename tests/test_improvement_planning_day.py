"""The improvement-planning day as a facilitator runs it: its own deck, its worksheets, the
fishbone diagram on one printed page, and packs (preset and example) that hold what it uses."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from typer.testing import CliRunner

from compassion_kit.cli import app
from compassion_kit.library import load_library
from compassion_kit.loading import read_yaml_text
from compassion_kit.model import Agenda, DeckModule, Worksheet
from compassion_kit.model.validate import validate_document
from compassion_kit.model.worksheet import FishboneBlock, FishboneCategory
from compassion_kit.render.plan.fishbone import MIN_LINES, Fishbone, plan_fishbone
from compassion_kit.render.worksheet import WRITING_LINE, plan_worksheets, write_worksheets
from support.office import pdf_pages, pdf_text, require_tools, to_pdf
from test_docx_foundation import LETTER_BRAND, NORTHSHIRE, small_logo
from test_worksheet_plan import request

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = load_library()
runner = CliRunner()
DAY, DECK = "improvement-planning", "improvement-planning-day"
DAY_SHEETS = {
    "aim-statement",
    "patient-staff-measures",
    "fishbone-diagram",
    "improvement-action-plan",
}
CLOCK = re.compile(r"\b([01]?[0-9]|2[0-3])[:.][0-5][0-9]\b")
SHEET_HEAD = (
    "id: ws-fish\nkind: worksheet\ntitle: T\nelement: 3\naudience: All\n"
    "source: {title: S, publisher: P}\nprovenance: {written_for_kit: All}\nblocks:\n"
)
A4_WIDTH, LETTER_WIDTH = 11906 - 2 * 1134, 12240 - 2 * 1134


def _agenda(agenda_id: str = DAY) -> Agenda:
    agenda = LIBRARY.get(agenda_id)
    assert isinstance(agenda, Agenda)
    return agenda


def _fishbone() -> FishboneBlock:
    sheet = LIBRARY.get("fishbone-diagram")
    assert isinstance(sheet, Worksheet)
    (block,) = [b for b in sheet.blocks if isinstance(b, FishboneBlock)]
    return block


def _block(names: list[str]) -> FishboneBlock:
    return FishboneBlock(kind="fishbone", categories=[FishboneCategory(name=n) for n in names])


# The fishbone plan: plain values, no files.


def test_fishbone_pairs_categories_either_side_of_the_spine() -> None:
    fish = plan_fishbone(_fishbone(), A4_WIDTH, WRITING_LINE)
    names = [(left.name, right.name if right else None) for left, right in fish.rows]
    assert names == [
        ("People", "Processes"),
        ("Environment", "Equipment and IT"),
        ("Policies", "Communication"),
    ]
    assert sum(fish.widths) == A4_WIDTH and fish.widths[0] == fish.widths[2] > fish.widths[1]


def test_an_odd_category_leaves_the_last_right_bone_empty() -> None:
    fish = plan_fishbone(_block(["A", "B", "C"]), A4_WIDTH, WRITING_LINE)
    assert [(left.name, right.name if right else None) for left, right in fish.rows] == [
        ("A", "B"),
        ("C", None),
    ]


def test_fewer_categories_get_more_lines_and_the_diagram_stays_within_its_height() -> None:
    def fish(count: int) -> Fishbone:
        return plan_fishbone(_block([f"C{n}" for n in range(count)]), A4_WIDTH, WRITING_LINE)

    assert fish(2).lines > fish(4).lines > fish(6).lines >= MIN_LINES
    for count in (2, 3, 4, 5, 6):
        assert fish(count).height <= A4_WIDTH, count


def test_the_days_fishbone_gives_every_category_four_lines_on_a4_and_letter() -> None:
    for width in (A4_WIDTH, LETTER_WIDTH):
        assert plan_fishbone(_fishbone(), width, WRITING_LINE).lines == 4


def test_fishbone_categories_may_be_plain_names_and_are_two_to_six() -> None:
    good = SHEET_HEAD + "  - {kind: fishbone, categories: [People, {name: Kit, hint: tools}]}\n"
    sheet, listed = validate_document(read_yaml_text(good, Path("t.yaml")), Worksheet)
    assert listed == [] and sheet is not None
    (block,) = sheet.blocks
    assert isinstance(block, FishboneBlock)
    assert [(c.name, c.hint) for c in block.categories] == [("People", None), ("Kit", "tools")]
    assert block.prompt == "The problem (the effect)"
    bad = SHEET_HEAD + "  - {kind: fishbone, categories: [a, b, c, d, e, f, g]}\n"
    _, listed = validate_document(read_yaml_text(bad, Path("t.yaml")), Worksheet)
    assert [str(p) for p in listed] == [
        "t.yaml:9:22: error: blocks.0.categories: can have at most 6 entries "
        "(got ['a', 'b', 'c', 'd', 'e', 'f', 'g'])"
    ]


# The fishbone in Word, and as LibreOffice prints it.


def _fishbone_docx(tmp_path: Path, brand: object, name: str) -> Path:
    sheet = LIBRARY.get("fishbone-diagram")
    req = request(sheet, brand=brand, logo=small_logo(), team="Ward 7", date="9 March 2027")
    path = tmp_path / f"{name}.docx"
    path.write_bytes(write_worksheets(plan_worksheets(req), req).data)
    return path


def test_fishbone_docx_holds_the_problem_box_and_every_category_with_its_hint(
    tmp_path: Path,
) -> None:
    document = docx.Document(str(_fishbone_docx(tmp_path, NORTHSHIRE, "fish")))
    head, bones = document.tables[-2:]
    assert head.rows[0].cells[0].text == _fishbone().prompt
    cells = [cell.text.strip() for row in bones.rows[1:] for cell in row.cells]
    for category in _fishbone().categories:
        assert f"{category.name}: {category.hint}" in cells, category.name
    assert [cell.text for cell in bones.rows[0].cells] == ["Causes", "\u25b2", "Causes"]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_fishbone_worksheet_prints_on_one_page_with_every_category(
    tmp_path: Path, paper: str
) -> None:
    require_tools("soffice", "pdfinfo", "pdftotext")
    brand = NORTHSHIRE if paper == "A4" else LETTER_BRAND
    pdf = to_pdf(_fishbone_docx(tmp_path, brand, paper), tmp_path)
    assert pdf_pages(pdf) == 1
    text = " ".join(pdf_text(pdf).split())
    for category in _fishbone().categories:
        assert f"{category.name}: {category.hint}" in text, category.name


@pytest.mark.parametrize("item_id", sorted(DAY_SHEETS - {"improvement-action-plan"}))
def test_the_days_one_page_worksheets_print_on_one_letter_page(tmp_path: Path, item_id: str):
    require_tools("soffice", "pdfinfo")
    sheet = LIBRARY.get(item_id)
    req = request(sheet, brand=LETTER_BRAND, logo=small_logo(), team="Ward 7", date="9 March")
    path = tmp_path / f"{item_id}.docx"
    path.write_bytes(write_worksheets(plan_worksheets(req), req).data)
    assert pdf_pages(to_pdf(path, tmp_path)) == 1


# The day's content: its agenda, its deck, its worksheets.


def test_every_session_of_the_day_but_the_break_has_slides_of_the_days_own_deck() -> None:
    module = LIBRARY.get(DECK)
    assert isinstance(module, DeckModule)
    own = {s.id for s in module.slides}
    for session in _agenda().sessions:
        if session.kind == "break":
            assert not session.slides
            continue
        assert session.slides, session.id
        assert set(session.slides) <= own, session.id  # the module alone is the whole deck


def test_the_days_deck_is_its_own_and_every_slide_of_it_is_shown_in_a_session() -> None:
    agenda = _agenda()
    assert agenda.deck == [DECK]
    module = LIBRARY.get(DECK)
    assert isinstance(module, DeckModule)
    listed = [slide for session in agenda.sessions for slide in session.slides]
    assert {s.id for s in module.slides} <= set(listed)


def test_session_slide_minutes_fit_each_session() -> None:
    decks = [LIBRARY.get(d) for d in LIBRARY.ids("deck")]
    minutes = {s.id: s.minutes for d in decks if isinstance(d, DeckModule) for s in d.slides}
    for session in _agenda().sessions:
        if session.slides:
            assert sum(minutes[i] or 0 for i in session.slides) == session.minutes, session.id


def test_the_days_slides_and_agenda_texts_state_no_clock_time_or_part_of_day() -> None:
    module = LIBRARY.get(DECK)
    assert isinstance(module, DeckModule)
    for slide in module.slides:
        text = " ".join([slide.title, slide.notes, json.dumps(slide.__dict__, default=str)])
        assert not CLOCK.search(text), slide.id
        assert not re.search(r"\b(morning|afternoon)\b", text, re.I), slide.id
        assert not re.search(r"\b(we|our|us)\b", slide.notes), slide.id  # notes: to the facilitator
    for agenda_id in (DAY, "introductory-workshop"):
        for session in _agenda(agenda_id).sessions:
            texts = [session.participant or ""]
            if session.facilitator:
                texts += [session.facilitator.how, *session.facilitator.ready]
            assert not CLOCK.search(" ".join(texts)), (agenda_id, session.id)


def test_every_worksheet_the_day_prints_is_named_in_its_session_materials() -> None:
    named_as = {
        "aim-statement": "aim statement worksheet",
        "patient-staff-measures": "measures for patients and staff worksheet",
        "fishbone-diagram": "fishbone diagram worksheet",
        "improvement-action-plan": "action plan worksheet",
        "same-day-feedback": "feedback form",
    }
    printed: set[str] = set()
    for session in _agenda().sessions:
        materials = [m.lower() for m in session.materials]
        for item in session.print:
            printed.add(item.item)
            assert any(named_as[item.item] in m for m in materials), (session.id, item.item)
            assert item.per == ("participant" if item.item == "same-day-feedback" else "group")
    assert printed == DAY_SHEETS | {"same-day-feedback"}


# Packs: the preset and the README example.


def _pack(tmp_path: Path, source: str) -> tuple[Path, dict[str, Any]]:
    if source.startswith("preset:"):
        spec = tmp_path / "workshop.yaml"
        result = runner.invoke(app, ["init", source.split(":")[1], "-o", str(spec)])
        assert result.exit_code == 0, result.stderr
    else:
        spec = ROOT / source
    out = tmp_path / "pack"
    result = runner.invoke(app, ["build", str(spec), "-o", str(out), "--json"])
    assert result.exit_code == 0, result.stderr
    return out, json.loads(result.stdout)


PACKS = [
    ("preset:improvement-planning", DAY),
    ("examples/wye-valley/workshop.yaml", DAY),
    ("preset:introductory", "introductory-workshop"),
]


@pytest.mark.parametrize(("source", "agenda_id"), PACKS, ids=[p[0] for p in PACKS])
def test_pack_holds_every_item_its_agenda_prints_and_nothing_the_day_does_not_use(
    tmp_path: Path, source: str, agenda_id: str
) -> None:
    out, manifest = _pack(tmp_path, source)
    in_pack = {
        item
        for entry in manifest["files"]
        if entry["kind"] in ("worksheets", "handouts") and entry["audience"] == "participant"
        for item in entry["items"]
    }
    printed = {item.item for session in _agenda(agenda_id).sessions for item in session.print}
    assert printed <= in_pack
    assert in_pack <= printed, "the pack prints something no session uses"
    (deck,) = [e for e in manifest["files"] if e["kind"] == "deck"]
    if agenda_id == DAY:
        assert deck["items"] == [DECK]
        assert "smarter-action-plan" not in in_pack and "workshop-case-studies" not in in_pack
    org = ["--org", str(ROOT / "examples/wye-valley/org.yaml")] if "wye" in source else []
    checked = runner.invoke(app, ["check", str(out), *org])
    report = checked.stdout + checked.stderr
    assert checked.exit_code == 0 and "\u2713 0 errors" in report, report
    # Warnings about the deck's type sizes are the deck renderer's; the documents have none.
    assert not re.search(r"\.docx:[^\n]* (error|warning):", report), report
