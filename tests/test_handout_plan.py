"""Handout plans: plain values, no Word files."""

from __future__ import annotations

import dataclasses

import pytest

from compassion_kit.branding import AA_NORMAL, contrast_ratio
from compassion_kit.library import load_library
from compassion_kit.model import DEFAULT_ORGANISATION, Handout
from compassion_kit.model.deck import Chart, ChartSeries
from compassion_kit.profile import DEFAULT_BRAND, Brand
from compassion_kit.render.handout import HandoutPlan, chart_table, plan_handouts
from compassion_kit.render.plan.page import COLUMN_GAP, text_width_for
from compassion_kit.render.plan.printing import PrintRequest
from test_docx_foundation import fixture

LIBRARY = load_library()


def handout(name: str) -> Handout:
    item = fixture(name)
    assert isinstance(item, Handout)
    return item


def plan(*items: Handout, brand: Brand = DEFAULT_BRAND) -> HandoutPlan:
    return plan_handouts(PrintRequest(items=tuple(items), brand=brand, logo=None))


def with_colours(**colours: str) -> Brand:
    org = DEFAULT_ORGANISATION
    return Brand(org.replace(colours=org.colours.replace(**colours)))


def test_case_study_has_organisation_subtitle_and_key_figures() -> None:
    page = plan(handout("ho-case-study")).pages[0]
    assert page.title == "A made-up case study"
    assert page.subtitle == "Northshire NHS Trust"
    assert page.credit == "Test fixture for compassion-kit, compassion-kit, 2026"
    assert page.panel is not None and not page.infographic


def test_five_key_figures_are_split_three_and_two() -> None:
    panel = plan(handout("ho-case-study")).pages[0].panel
    assert panel is not None
    assert [[f.value for f in row] for row in panel.rows] == [
        ["5 days", "93%", "82%"],
        ["76%", "53%"],
    ]
    assert panel.width == text_width_for("A4")


def test_key_figures_use_the_accent_fill_with_readable_text() -> None:
    panel = plan(handout("ho-case-study")).pages[0].panel
    assert panel is not None
    assert panel.fill == "#FFB81C"
    assert contrast_ratio(panel.ink, panel.fill) >= AA_NORMAL
    assert panel.value_ink == "#003087"  # the brand secondary reads on Warm Yellow
    assert contrast_ratio(panel.value_ink, panel.fill) >= AA_NORMAL


def test_accent_that_cannot_carry_text_falls_back_to_primary_with_a_warning() -> None:
    brand = with_colours(accent="#808080")  # mid grey: about 4.1:1 at best
    result = plan(handout("ho-case-study"), brand=brand)
    panel = result.pages[0].panel
    assert panel is not None and panel.fill == "#005EB8"
    assert contrast_ratio(panel.ink, panel.fill) >= AA_NORMAL
    assert len(result.warnings) == 1 and "#808080" in result.warnings[0]


def test_secondary_that_does_not_read_on_the_fill_is_not_used_for_numbers() -> None:
    brand = with_colours(accent="#003087", secondary="#005EB8")  # blue on dark blue
    panel = plan(handout("ho-case-study"), brand=brand).pages[0].panel
    assert panel is not None
    assert panel.value_ink == panel.ink == "#FFFFFF"


def test_long_values_take_fewer_cells_a_row_or_the_smaller_figure_style() -> None:
    item = handout("ho-case-study")
    long = item.replace(figures=[f.replace(value="3.71 \u2192 3.85") for f in item.figures[:4]])
    panel = plan(long).pages[0].panel  # four such values in a row would break across lines
    assert panel is not None and [len(row) for row in panel.rows] == [2, 2]
    a5 = Brand(DEFAULT_ORGANISATION.replace(paper="A5"))
    panel = plan(long, brand=a5).pages[0].panel
    assert panel is not None and panel.value_style == "Figure Value Small"
    short = plan(item).pages[0].panel
    assert short is not None and short.value_style == "Figure Value"


def test_section_table_and_chart_become_native_tables() -> None:
    section = plan(handout("ho-case-study")).pages[0].sections[1]
    assert section.bullets == ("More awareness", "Better communication")
    table, chart = section.tables
    assert table.caption == "Uptake by staff group"
    assert table.rows[1] == ("Estates", "40", "60")
    assert chart.columns == ("Category", "Volunteers (%)")
    assert chart.rows == (("Awareness", "93%"), ("Empathy", "82.5%"))
    assert chart.note == "Most volunteers said their awareness of social issues grew."
    assert sum(chart.widths) == text_width_for("A4")


def test_chart_units_other_than_percent_are_spaced() -> None:
    chart = Chart(
        categories=["A"], series=[ChartSeries(name="Staff", values=[12.0])], unit="people"
    )
    assert chart_table(chart, 9000).rows == (("A", "12 people"),)


def test_infographic_sections_sit_in_two_columns_without_repeating_key_figures() -> None:
    page = plan(handout("ho-infographic")).pages[0]
    assert page.infographic
    pressure = page.sections[0]
    assert pressure.panel is not None
    assert [f.value for row in pressure.panel.rows for f in row] == ["900+"]  # 40% is on top
    assert pressure.panel.width == (text_width_for("A4") - COLUMN_GAP) // 2
    assert page.panel is not None and page.panel.fill == "#005EB8"  # hero band: primary


def test_articles_have_no_subtitle() -> None:
    item = LIBRARY.get("why-compassion-matters")
    assert isinstance(item, Handout)
    assert plan(item).pages[0].subtitle is None


def test_several_handouts_keep_their_order_and_credits() -> None:
    first, second = handout("ho-case-study"), handout("ho-infographic")
    result = plan(first, second)
    assert result.title == "Handouts: A made-up case study; A short infographic"
    assert [p.item_id for p in result.pages] == ["ho-case-study", "ho-infographic"]


def test_letter_paper_widens_panels() -> None:
    brand = Brand(DEFAULT_ORGANISATION.replace(paper="Letter"))
    panel = plan(handout("ho-case-study"), brand=brand).pages[0].panel
    assert panel is not None and panel.width == text_width_for("Letter")


@pytest.mark.parametrize("item_id", LIBRARY.ids("handout"))
def test_every_library_handout_plans_every_section(item_id: str) -> None:
    item = LIBRARY.get(item_id)
    assert isinstance(item, Handout)
    page = plan(item).pages[0]
    assert [s.heading for s in page.sections] == [s.heading for s in item.sections]
    for planned, section in zip(page.sections, item.sections, strict=True):
        assert planned.paragraphs == tuple(section.paragraphs)
        assert planned.bullets == tuple(section.bullets)
        assert len(planned.tables) == (section.table is not None) + (section.chart is not None)
    values = {f.value for f in item.figures}
    for section in item.sections:
        values |= {f.value for f in section.figures}
    shown = {f.value for row in (page.panel.rows if page.panel else ()) for f in row}
    for planned in page.sections:
        shown |= {f.value for row in (planned.panel.rows if planned.panel else ()) for f in row}
    assert shown == values


def test_plan_is_pure() -> None:
    item = handout("ho-case-study")
    assert plan(item) == plan(item)
    assert dataclasses.is_dataclass(plan(item))
