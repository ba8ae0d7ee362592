"""Print details decided before LibreOffice sees a page: scale instructions, header words
that fit their columns, the online-link block, page numbers per item, cases on their own
page, the header's logo size and bilingual name, key-figure cells sized to their captions."""

from __future__ import annotations

import dataclasses
import io

import docx
import pytest
from docx.oxml.ns import qn

from compassion_kit.library import load_library
from compassion_kit.logo import Logo
from compassion_kit.model import Handout, Worksheet
from compassion_kit.model.deck import KeyFigure
from compassion_kit.profile import Brand
from compassion_kit.render.docx.header import LOGO_HEIGHT, header_name, logo_size
from compassion_kit.render.handout import plan_handouts, write_handouts
from compassion_kit.render.plan.deck_fit import text_width
from compassion_kit.render.plan.figure_panel import CELL_SIDES, VALUE_POINTS, _cell_widths
from compassion_kit.render.plan.form_controls import SCALE_INSTRUCTION, scale_prompt
from compassion_kit.render.plan.page import CELL_PADDING, longest_word, text_width_for
from compassion_kit.render.plan.worksheet_parts import OnlineLink, Scale, TickGrid
from compassion_kit.render.worksheet import plan_worksheets, write_worksheets
from test_docx_foundation import NORTHSHIRE, small_logo
from test_worksheet_plan import request

LIBRARY = load_library()
SURVEY = "https://forms.example.org/northshire-session"
WITH_SURVEY = Brand(dataclasses.replace(NORTHSHIRE.organisation, survey_url=SURVEY))


def worksheet(item_id: str) -> Worksheet:
    item = LIBRARY.get(item_id)
    assert isinstance(item, Worksheet)
    return item


def parts(item_id: str, brand: Brand = NORTHSHIRE) -> list[object]:
    plan = plan_worksheets(request(worksheet(item_id), brand=brand))
    return [part for sheet in plan.sheets for part in sheet.parts]


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("How sure are you? Circle one number.", "How sure are you? Tick one box."),
        ("Has it helped? Circle a number.", "Has it helped? Tick one box."),
        ("How likely?", "How likely? Tick one box."),
        ("Rate it. Tick one box.", "Rate it. Tick one box."),
        ("Which circle of friends helps?", "Which circle of friends helps? Tick one box."),
    ],
)
def test_scale_prompt_asks_for_the_control_drawn(written: str, printed: str) -> None:
    assert scale_prompt(written) == printed


def test_library_scales_never_say_circle() -> None:
    scales = [p for i in LIBRARY.ids("worksheet") for p in parts(i) if isinstance(p, Scale)]
    assert len(scales) >= 3  # SMARTER's two and the compassion audit's
    for scale in scales:
        assert "circle" not in scale.prompt.lower()
        assert scale.prompt.endswith(SCALE_INSTRUCTION)


def test_tick_columns_fit_their_longest_header_word() -> None:
    grids = [p for p in parts("acts-of-compassion") if isinstance(p, TickGrid)]
    assert any("Sometimes" in grid.options for grid in grids)
    for grid in grids:
        need = longest_word(grid.options, bold=True) + CELL_PADDING
        assert min(grid.widths[1:]) >= need, (grid.options, grid.widths)
        assert sum(grid.widths) == text_width_for("A4")


def test_longest_word_measures_bold_wider() -> None:
    assert longest_word(["Sometimes"], bold=True) > longest_word(["Sometimes"]) > 0
    assert longest_word(["a bb Sometimes"]) == longest_word(["Sometimes"])


def test_online_link_prints_the_survey_address_or_nothing() -> None:
    found = [p for p in parts("same-day-feedback", WITH_SURVEY) if isinstance(p, OnlineLink)]
    assert [p.url for p in found] == [SURVEY]
    without = parts("same-day-feedback")
    assert not [p for p in without if isinstance(p, OnlineLink)]
    # Nothing is left behind: the same parts as with a survey, less the link.
    assert without == [p for p in parts("same-day-feedback", WITH_SURVEY) if p not in found]


def test_online_link_is_a_qr_picture_with_its_address() -> None:
    req = request(worksheet("same-day-feedback"), brand=WITH_SURVEY)
    data = write_worksheets(plan_worksheets(req), req).data
    document = docx.Document(io.BytesIO(data))
    described = [pr.get("descr", "") for pr in document.element.body.iter(qn("wp:docPr"))]
    assert any(SURVEY in text and "QR code" in text for text in described)
    text = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert SURVEY in text


def _footer_fields(data: bytes) -> list[list[str]]:
    document = docx.Document(io.BytesIO(data))
    return [
        [t.text.strip() for t in s.footer._element.iter(qn("w:instrText")) if t.text]
        for s in document.sections
    ]


def test_pages_are_counted_within_each_item_of_a_print_run() -> None:
    items = (worksheet("smarter-action-plan"), worksheet("same-day-feedback"))
    req = request(*items, brand=NORTHSHIRE)
    data = write_worksheets(plan_worksheets(req), req).data
    assert all(fields == ["PAGE"] for fields in _footer_fields(data))
    body = docx.Document(io.BytesIO(data)).element.body
    starts = [n.get(qn("w:start")) for n in body.iter(qn("w:pgNumType"))]
    assert starts == ["1"]  # the second item's section restarts at 1


def test_a_single_item_says_page_n_of_m() -> None:
    req = request(worksheet("same-day-feedback"), brand=NORTHSHIRE)
    data = write_worksheets(plan_worksheets(req), req).data
    assert _footer_fields(data) == [["PAGE", "NUMPAGES"]]


def test_each_case_starts_a_page_under_its_own_heading() -> None:
    item = LIBRARY.get("workshop-case-studies")
    assert isinstance(item, Handout)
    req = request(item, brand=NORTHSHIRE)
    data = write_handouts(plan_handouts(req), req).data
    document = docx.Document(io.BytesIO(data))
    breaking = [p.text for p in document.paragraphs if p.paragraph_format.page_break_before]
    assert breaking == [s.heading for s in item.sections if s.new_page]
    assert [b[:6] for b in breaking] == ["Case A", "Case B", "Case C"]


LONG_WELSH = "Ymddiriedolaeth GIG Gwasanaethau Ambiwlans Cymru / Welsh Ambulance Services NHS Trust"


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("Northshire NHS Trust", "Northshire NHS Trust"),
        (LONG_WELSH, LONG_WELSH.replace(" / ", "\n")),
        (
            "Welsh Ambulance Services NHS Trust / Ymddiriedolaeth GIG Gwasanaethau Ambiwlans Cymru",
            "Welsh Ambulance Services NHS Trust\nYmddiriedolaeth GIG Gwasanaethau Ambiwlans Cymru",
        ),
        ("Either/or Hospice", "Either/or Hospice"),
    ],
)
def test_long_bilingual_names_take_a_line_per_language(name: str, lines: str) -> None:
    assert header_name(name, text_width_for("A4")) == lines


def test_a_bilingual_name_that_fits_one_line_keeps_the_header_short() -> None:
    name = "Bwrdd Iechyd Addysgu Powys / Powys Teaching Health Board"
    assert header_name(name, text_width_for("A4")) == name
    assert header_name(name, text_width_for("A5")) == name.replace(" / ", "\n")


def test_bilingual_name_prints_on_two_header_lines() -> None:
    brand = Brand(dataclasses.replace(NORTHSHIRE.organisation, name=LONG_WELSH))
    req = request(worksheet("same-day-feedback"), brand=brand, logo=small_logo())
    data = write_worksheets(plan_worksheets(req), req).data
    header = docx.Document(io.BytesIO(data)).sections[0].header
    assert LONG_WELSH.replace(" / ", "\n") in [p.text for p in header.paragraphs]


@pytest.mark.parametrize(("width", "height"), [(300, 120), (1200, 100), (100, 300)])
def test_header_logo_keeps_1_cm_unless_wider_than_the_text(width: int, height: int) -> None:
    logo = Logo(b"", width, height, "logo")
    drawn_width, drawn_height = logo_size(logo, text_width_for("A4"))
    assert drawn_height == LOGO_HEIGHT
    assert abs(drawn_width / drawn_height - width / height) < 0.01


def test_header_logo_wider_than_the_text_is_scaled_to_it() -> None:
    drawn_width, drawn_height = logo_size(Logo(b"", 2000, 100, "logo"), text_width_for("A4"))
    assert drawn_width == text_width_for("A4") and drawn_height < LOGO_HEIGHT


def test_key_figure_cells_fit_their_figures_and_share_by_caption() -> None:
    figures = (
        KeyFigure(value="40%", caption="short caption"),
        KeyFigure(value="3.71 → 3.85", caption="a middling caption of some words"),
        KeyFigure(value="4", caption="a much longer caption " * 4),
    )
    widths = _cell_widths(tuple((f,) for f in figures), 9638, VALUE_POINTS["Figure Value"])
    assert sum(widths) == 9638
    value = text_width("3.71 → 3.85", VALUE_POINTS["Figure Value"], bold=True) * 20
    assert widths[1] >= value + CELL_SIDES  # the figure stays on one line
    assert widths[2] > widths[0]
