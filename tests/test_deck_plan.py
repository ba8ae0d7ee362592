"""Deck planning: slide order, numbering, fitting and continuation, with no .pptx opened."""

from __future__ import annotations

import copy

import pytest

from compassion_kit.model import Agenda
from compassion_kit.model.validate import build
from compassion_kit.profile import DEFAULT_BRAND
from compassion_kit.render.deck import (
    DeckRequest,
    check_template,
    default_template,
    plan_deck,
    slide_numbers,
)
from compassion_kit.render.plan import deck_fit as fit
from compassion_kit.render.plan.deck_logo import contain
from compassion_kit.render.plan.deck_spec import EMU_PER_PT, LAYOUTS, DeckPlan, SlideSpec
from compassion_kit.render.pptx.template import read_template
from compassion_kit.timing import schedule
from support.decks import example_brand, module


def request(*names: str, **kwargs: object) -> DeckRequest:
    brand, logo = example_brand()
    return DeckRequest(tuple(module(n) for n in names), brand, logo, **kwargs)  # type: ignore[arg-type]


def texts_of(slide: SlideSpec) -> str:
    return " ".join(p.text for t in slide.texts for p in t.paras)


def agenda_for(slide_ids: list[str]) -> Agenda:
    return build(
        Agenda,
        {
            "id": "test-day",
            "kind": "agenda",
            "title": "A test day",
            "element": "2",
            "audience": "tests",
            "start": "09:30",
            "source": {"title": "t", "publisher": "p", "year": 2024},
            "provenance": {"from_source": "all of it"},
            "sessions": [
                {"id": "welcome", "title": "Welcome", "minutes": 15},
                {"id": "kindness", "title": "Kindness at work", "minutes": 40, "slides": slide_ids},
                {"id": "close", "title": "Close", "minutes": 10, "kind": "close"},
            ],
        },
    )


@pytest.fixture(scope="module")
def plan() -> DeckPlan:
    return plan_deck(
        request("fixture-deck", date="12 March 2025", venue="Room 2", facilitator="Sam Patel")
    )


def test_slides_run_title_section_content_closing(plan: DeckPlan) -> None:
    ids = [s.id for s in plan.slides]
    content = [s.id for s in module("fixture-deck").slides]
    assert ids == ["#title", "#section:fixture-deck", *content, "#closing"]


def test_every_slide_has_a_title_and_notes(plan: DeckPlan) -> None:
    for slide in plan.slides:
        assert slide.title.strip(), slide.id
        assert slide.notes.strip(), slide.id


def test_slide_numbers_count_generated_slides(plan: DeckPlan) -> None:
    numbers = slide_numbers(plan)
    assert numbers["#title"] == 1 and numbers["fx-bullets"] == 3
    assert numbers["#closing"] == len(plan.slides)


def test_title_slide_names_organisation_and_details(plan: DeckPlan) -> None:
    title = plan.slides[0]
    assert title.title == "Kindness at work, a test module"
    text = texts_of(title)
    for expected in (
        "Northshire Community Health NHS Trust",
        "12 March 2025",
        "Room 2",
        "Sam Patel",
    ):
        assert expected in text


def test_logo_is_on_every_slide_inside_its_box_with_aspect_kept(plan: DeckPlan) -> None:
    template = read_template(default_template())
    for slide in plan.slides:
        (logo,) = [p for p in slide.pictures if p.kind == "logo"]
        assert logo.alt == "Northshire Community Health NHS Trust logo"
        x, y, cx, cy = logo.box
        bx, by, bcx, bcy = template.layouts[slide.layout].placeholders["Logo"].box
        assert bx <= x and x + cx == bx + bcx and y == by and cy <= bcy  # top right, inside
        assert abs(cx / cy - 4.0) < 0.01


def test_contain_never_stretches_or_crops() -> None:
    assert contain((0, 0, 1000, 1000), 400, 100) == (0, 0, 1000, 250)
    assert contain((0, 0, 1000, 1000), 100, 400) == (750, 0, 250, 1000)


def test_without_a_logo_the_organisation_name_takes_its_place() -> None:
    plan = plan_deck(DeckRequest((module("fixture-deck"),), DEFAULT_BRAND, None))
    for slide in plan.slides:
        assert not [p for p in slide.pictures if p.kind == "logo"]
        names = [t for t in slide.texts if t.name == "Organisation name"]
        assert [t.paras[0].text for t in names] == ["Your organisation"]


def test_video_slide_has_link_and_qr_code(plan: DeckPlan) -> None:
    video = next(s for s in plan.slides if s.id == "fx-video")
    links = [r for t in video.texts for p in t.paras for r in p.runs if r.link]
    assert {r.link for r in links} == {"https://example.org/videos/listening"}
    assert "".join(r.text for r in links) == (
        "Watch the film about a team that made time to listen to each other"
    )
    (qr,) = [p for p in video.pictures if p.kind == "qr"]
    assert qr.url == "https://example.org/videos/listening"
    assert qr.alt.startswith("QR code: Watch the film")


def test_closing_slide_signposts_support_and_survey(plan: DeckPlan) -> None:
    closing = plan.slides[-1]
    text = texts_of(closing)
    assert "Employee assistance programme" in text and "extension 4321" in text
    (qr,) = [p for p in closing.pictures if p.kind == "qr"]
    assert qr.url == "https://example.org/feedback/northshire-workshop"


def test_closing_without_survey_has_no_qr_code() -> None:
    plan = plan_deck(DeckRequest((module("fixture-deck"),), DEFAULT_BRAND, None))
    closing = plan.slides[-1]
    assert not [p for p in closing.pictures if p.kind == "qr"]
    assert "occupational health team" in texts_of(closing)


def test_chart_alt_text_is_the_caption_or_a_data_summary(plan: DeckPlan) -> None:
    charts = {s.id: s.chart for s in plan.slides if s.chart is not None}
    assert charts["fx-chart-bar"] is not None
    assert charts["fx-chart-bar"].alt.startswith("Staff who said each thing helped")
    pie = charts["fx-chart-pie"]
    assert (
        pie is not None
        and pie.alt == "Pie chart, Who answered: Nurses 50%, Doctors 20%, Support staff 30%"
    )
    assert pie.number_format == '0"%"'


def test_sizes_respect_targets_and_floors(plan: DeckPlan) -> None:
    for slide in plan.slides:
        assert 24 <= slide.title_size <= 44, slide.id
        for text in slide.texts:
            assert text.size >= 18, (slide.id, text.role)


def test_schedule_adds_agenda_with_times_and_stamps_notes() -> None:
    ids = [s.id for s in module("fixture-deck").slides]
    timed, problems = schedule(agenda_for(ids))
    assert not problems
    plan = plan_deck(request("fixture-deck", schedule=timed))
    agenda = plan.slides[1]
    assert agenda.id == "#agenda"
    # A short day is drawn as a timeline: each session's start, and when the day ends.
    shown = texts_of(agenda) + " ".join(p.text for shape in agenda.shapes for p in shape.paras)
    assert all(t in shown for t in ("09:30", "09:45", "10:25", "ends at 10:35")), shown
    quote = next(s for s in plan.slides if s.id == "fx-quote")
    assert quote.notes.startswith("Time slot: 09:45-10:25, Kindness at work.")
    assert plan.slides[0].notes.startswith("Time slot: 09:30-09:45, Welcome.")
    assert plan.slides[-1].notes.startswith("Time slot: 10:25-10:35, Close.")
    assert plan.title == "Kindness at work, a test module"


def test_slides_outside_the_agenda_become_hidden_untimed_extras() -> None:
    timed, _ = schedule(agenda_for(["fx-bullets"]))
    plan = plan_deck(request("fixture-deck", schedule=timed))
    quote = next(s for s in plan.slides if s.id == "fx-quote")
    assert quote.hidden and quote.notes.startswith("Extra slide, hidden and untimed")
    assert "not in the agenda" not in quote.notes
    ids = [s.id for s in plan.slides]
    assert ids.index("#closing") < ids.index("#extra") < ids.index("fx-quote")


def test_forty_bullets_continue_on_cont_slides_with_notes_carried_over() -> None:
    plan = plan_deck(request("stress"))
    pages = [s for s in plan.slides if s.source == "st-forty"]
    assert len(pages) > 1
    assert [s.title for s in pages[:2]] == ["Forty points", "Forty points (cont.)"]
    assert pages[1].id == "st-forty#2"
    bullets = [p.text for s in pages for t in s.texts if t.role == "Body" for p in t.paras]
    assert bullets == [
        f"Point number {n} about looking after each other at work, said plainly"
        for n in range(1, 41)
    ]
    for page in pages:
        assert "Forty bullets on purpose" in page.notes
    (warning,) = [w for w in plan.warnings if "continues on" in w and "st-forty" in w]
    extra = len([s for s in plan.slides if s.id.startswith("st-forty#")])
    assert warning.endswith(f"continues on {extra} more slide{'s' * (extra > 1)}")
    numbers = slide_numbers(plan)
    assert numbers["st-forty#2"] == numbers["st-forty"] + 1


def test_every_continuation_page_fits_its_box() -> None:
    plan = plan_deck(request("stress"))
    template = read_template(default_template())
    for slide in plan.slides:
        for text in slide.texts:
            if not text.role:
                continue
            holder = template.layouts[slide.layout].placeholders[text.role]
            left, top, right, bottom = holder.insets
            frame = fit.Frame(
                (holder.box[2] - left - right) / EMU_PER_PT,
                (holder.box[3] - top - bottom) / EMU_PER_PT,
            )
            assert fit.fits(text.paras, text.size, frame), (slide.id, text.role)


def test_long_title_shrinks_but_stays_above_the_floor() -> None:
    plan = plan_deck(request("stress"))
    slide = next(s for s in plan.slides if s.id == "st-long-title")
    assert slide.title.startswith("Why looking after the people")
    assert 24 <= slide.title_size < 36
    template = read_template(default_template())
    holder = template.layouts["Kit Bullets"].placeholders["Title"]
    frame = fit.Frame((holder.box[2] - 182880) / EMU_PER_PT, (holder.box[3] - 91440) / EMU_PER_PT)
    assert (
        len(fit.wrap(slide.title, frame.width, slide.title_size, True))
        * slide.title_size
        * fit.LINE_PITCH
        <= frame.height
    )


def test_wrap_breaks_at_spaces_and_inside_overlong_words() -> None:
    assert fit.wrap("one two three", 1000, 24) == ["one two three"]
    lines = fit.wrap("one two three", fit.text_width("one two", 24), 24)
    assert lines == ["one two", "three"]
    assert len(fit.wrap("x" * 200, 100, 24)) > 1


def test_default_title_for_several_modules_names_them() -> None:
    plan = plan_deck(request("fixture-deck", "stress"))
    assert plan.title == "Workshop: Kindness at work, a test module; Stress test for text fitting"
    assert [s.id for s in plan.slides].count("#section:fixture-stress") == 1


def test_user_values_stay_as_typed_and_kit_wording_is_filled_in_once() -> None:
    typed = request("fixture-deck", title="{{org_name}} on {{date}}", venue="{{date}}")
    plan = plan_deck(typed)
    assert plan.slides[0].title == "{{org_name}} on {{date}}"
    assert "Venue: {{date}}" in texts_of(plan.slides[0])
    assert plan.tokens["venue"] == "{{date}}"
    themed = copy.copy(module("fixture-deck"))  # kit wording: a module title with a token
    object.__setattr__(themed, "title", "Kindness at {{org_name}}")
    brand, logo = example_brand()
    plan = plan_deck(DeckRequest((themed,), brand, logo, date="{{venue}}"))
    assert plan.slides[0].title == "Kindness at Northshire Community Health NHS Trust"


def test_bundled_template_has_every_layout_and_placeholder() -> None:
    assert check_template(default_template()) == []
    template = read_template(default_template())
    assert template.slide_size == (12192000, 6858000)
    assert set(LAYOUTS) <= set(template.layouts)


def test_plan_is_the_same_every_time() -> None:
    assert plan_deck(request("fixture-deck")) == plan_deck(request("fixture-deck"))


def test_section_titles_never_repeat_the_deck_title() -> None:
    single = plan_deck(request("fixture-deck"))
    assert single.slides[1].title == "About this session"
    several = plan_deck(request("fixture-deck", "stress"))
    sections = [s.title for s in several.slides if s.id.startswith("#section:")]
    assert sections == [
        "Part 1: Kindness at work, a test module",
        "Part 2: Stress test for text fitting",
    ]
    titles = [s.title.casefold() for s in several.slides]
    assert len(titles) == len(set(titles))


LONG_NAME = (
    "Bwrdd Iechyd Prifysgol Aneurin Bevan a Chyngor Iechyd Cymuned Gwent Fwyaf a'r Fro / "
    "Aneurin Bevan University Health Board and the Community Health Council of Greater "
    "Gwent and the Vale, serving Blaenau Gwent, Caerphilly, Monmouthshire and Newport"
)


@pytest.mark.parametrize(
    "name",
    [
        LONG_NAME,
        "Bwrdd Iechyd Prifysgol Aneurin Bevan / Aneurin Bevan University Health Board",
        "مستشفى الملك فهد التخصصي",
    ],
)
def test_a_long_or_bilingual_name_fits_the_title_slide_without_continuing(name: str) -> None:
    import dataclasses

    brand, logo = example_brand()
    org = dataclasses.replace(brand.organisation, name=name)
    branded = dataclasses.replace(brand, organisation=org)
    found = plan_deck(
        DeckRequest(
            (module("fixture-deck"),),
            branded,
            logo,
            date="12 March 2025",
            venue="Room 2",
            facilitator="Sam Patel",
        )
    )
    assert [s.id for s in found.slides].count("#title") == 1
    assert not [s for s in found.slides if s.id.startswith("#title#")]
    assert not [w for w in found.warnings if "#title" in w]
    text = [p.text for t in found.slides[0].texts for p in t.paras]
    assert [part.strip() for part in name.split(" / ")] == text[: len(name.split(" / "))]
    assert all(t.size >= 18 for t in found.slides[0].texts)
    assert "Sam Patel" in " ".join(text)


def test_a_long_chart_description_goes_to_the_notes_and_the_alt_text_stays_short() -> None:
    from compassion_kit.library import load_library
    from compassion_kit.model import DeckModule

    deck = load_library().get("policies-procedures")
    assert isinstance(deck, DeckModule)
    described = next(s for s in deck.slides if s.kind == "chart")
    caption = described.chart.caption  # type: ignore[union-attr]
    assert caption and len(caption) > 150  # the bundled chart's description is long
    plan = plan_deck(DeckRequest((deck,), DEFAULT_BRAND, None))
    slide = next(s for s in plan.slides if s.id == described.id)
    assert slide.chart is not None and len(slide.chart.alt) <= 150
    assert slide.chart.alt.startswith("Bar chart: ") and "notes" in slide.chart.alt
    assert f"What the chart shows: {caption}" in slide.notes
