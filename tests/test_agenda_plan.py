"""Agenda plans: what each audience sees, slide references, and the facilitator's run sheet.

The helpers at the top (`fixture_library`, `make_request`) are shared by the other
test_agenda_*.py files.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from functools import cache
from pathlib import Path

import pytest

from compassion_kit.library import Library, load_library
from compassion_kit.model import Agenda, DeckModule
from compassion_kit.profile import DEFAULT_BRAND, Brand
from compassion_kit.render.agenda import (
    AgendaPlan,
    AgendaRequest,
    AgendaRow,
    Note,
    plan_agenda,
    resolve_slide_refs,
)
from compassion_kit.render.plan.agenda import PARTICIPANT_FIELDS, duration
from compassion_kit.timing import schedule

FIXTURES = Path(__file__).parent / "fixtures"
AGENDA_ID = "fixture-planning-day"
# Slide numbers as a deck of the fixture module would number them (title slide first).
NUMBERS = {
    "fx-welcome": 2,
    "fx-infographic-a": 3,
    "fx-infographic-b": 4,
    "fx-another-way": 5,
    "fx-fishbone": 6,
}


@cache
def fixture_library() -> Library:
    """The fixture agenda with its deck, worksheet and handout (no bundled content)."""
    return load_library([FIXTURES / "agenda-library"], bundled=False)


def slide_titles(library: Library) -> dict[str, str]:
    return {
        s.id: s.title for d in library.items("deck") if isinstance(d, DeckModule) for s in d.slides
    }


def make_request(
    audience: str = "participant",
    *,
    library: Library | None = None,
    agenda_id: str = AGENDA_ID,
    numbers: Mapping[str, int] | None = None,
    start: str | None = None,
    brand: Brand = DEFAULT_BRAND,
    date: str | None = "Tuesday 3 March 2026",
    venue: str | None = "Seminar room 2, Education Centre",
) -> AgendaRequest:
    """An agenda request built the way the build layer builds one."""
    library = library or fixture_library()
    agenda = library.get(agenda_id)
    assert isinstance(agenda, Agenda)
    timed, problems = schedule(agenda, start)
    assert problems == []
    return AgendaRequest(
        agenda=agenda,
        schedule=timed,
        brand=brand,
        logo=None,
        audience=audience,
        slide_numbers=numbers,
        slide_titles=slide_titles(library),
        library_titles={e.item.id: e.item.title for e in library.entries.values()},
        date=date,
        venue=venue,
    )


def notes_of(row: AgendaRow) -> dict[str, Note]:
    return {note.label: note for note in row.notes}


def row_titled(plan: AgendaPlan, title: str) -> AgendaRow:
    return next(row for row in plan.rows if row.title == title)


# --- participants -----------------------------------------------------------------------------


def test_participant_plan_has_title_details_times_and_participant_text() -> None:
    plan = plan_agenda(make_request())
    assert plan.title == "Fixture planning workshop"
    assert plan.doc_title == "Fixture planning workshop: participant agenda"
    assert plan.details == (
        ("Organisation", "Your organisation"),
        ("Date", "Tuesday 3 March 2026"),
        ("Venue", "Seminar room 2, Education Centre"),
        ("Time", "09:30 to 13:10"),
    )
    assert [(r.time, r.title) for r in plan.rows] == [
        ("09:30 to 09:50", "Arrival, registration and coffee"),
        ("09:50 to 10:20", "Refreshing the approach"),
        ("10:20 to 11:20", "Defining our focus"),
        ("11:20 to 12:05", "Lunch"),
        ("12:05 to 13:05", "Ideas generation"),
        ("13:05 to 13:10", "Workshop close"),
    ]
    assert row_titled(plan, "Lunch").text == "Lunch is provided."
    assert row_titled(plan, "Workshop close").text is None


def test_participant_plan_carries_no_notes_and_no_run_sheet() -> None:
    plan = plan_agenda(make_request(numbers=NUMBERS))
    assert plan.run_sheet is None
    assert all(row.notes == () for row in plan.rows)


def test_participant_rows_read_only_the_allowed_session_fields() -> None:
    assert set(PARTICIPANT_FIELDS) == {"title", "kind", "minutes", "participant"}


def test_a_participant_plan_with_notes_cannot_be_built() -> None:
    plan = plan_agenda(make_request("facilitator"))
    with pytest.raises(ValueError, match="participant agenda plan carries facilitator notes"):
        dataclasses.replace(plan, audience="participant")
    with pytest.raises(ValueError, match="participant agenda plan"):
        dataclasses.replace(plan, audience="participant", run_sheet=None)


def test_unknown_audience_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown audience 'trainer'"):
        plan_agenda(make_request("trainer"))


def test_date_and_venue_are_left_out_when_not_given() -> None:
    plan = plan_agenda(make_request(date=None, venue=None))
    assert [label for label, _ in plan.details] == ["Organisation", "Time"]


def test_start_option_moves_every_row_and_keeps_lengths() -> None:
    plan = plan_agenda(make_request(start="13:00"))
    assert plan.rows[0].time == "13:00 to 13:20"
    assert row_titled(plan, "Lunch").time == "14:50 to 15:35"
    assert dict(plan.details)["Time"] == "13:00 to 16:40"


def test_footer_credit_names_the_source() -> None:
    plan = plan_agenda(make_request())
    assert plan.credit == "Fixture source pack, Test Publisher, 2020, item 3.6"


# --- facilitators -----------------------------------------------------------------------------


def test_facilitator_rows_add_labelled_notes_in_reading_order() -> None:
    plan = plan_agenda(make_request("facilitator"))
    arrival = plan.rows[0]
    assert [n.label for n in arrival.notes] == [
        "Purpose",
        "How",
        "Have ready",
        "Materials",
        "Hand out",
    ]
    notes = notes_of(arrival)
    assert notes["Purpose"].text == "Settle the room quickly (FACILITATOR-ONLY-PURPOSE-1)."
    assert notes["Have ready"].items == ("Sign-in sheet (FACILITATOR-ONLY-READY-1)",)
    assert notes["Hand out"].items == ("Fixture action plan (one for the room)",)
    assert plan.version.startswith("Facilitator agenda")
    assert plan.doc_title == "Fixture planning workshop: facilitator agenda"


def test_session_without_annotation_gets_no_notes() -> None:
    plan = plan_agenda(make_request("facilitator"))
    assert row_titled(plan, "Lunch").notes == ()


def test_slide_references_print_as_numbers_of_the_deck_built() -> None:
    plan = plan_agenda(make_request("facilitator", numbers=NUMBERS))
    notes = notes_of(row_titled(plan, "Refreshing the approach"))
    assert notes["How"].text == (
        "Consider showing slides 3 and 4 (the infographics), then slide 5 (FACILITATOR-ONLY-HOW-2)."
    )
    assert notes["Slides"].text == "3 and 4"
    ideas = notes_of(row_titled(plan, "Ideas generation"))
    assert ideas["Slide"].text == "6"
    assert ideas["Have ready"].items == ("Fishbone template on slide 6",)
    assert plan.warnings == ()


def test_slide_references_print_as_titles_without_a_deck() -> None:
    plan = plan_agenda(make_request("facilitator"))
    notes = notes_of(row_titled(plan, "Refreshing the approach"))
    assert notes["How"].text == (
        "Consider showing \u201cStaff experience in numbers\u201d and \u201cPatient experience "
        "in numbers\u201d (the infographics), then \u201cIs there another way?\u201d "
        "(FACILITATOR-ONLY-HOW-2)."
    )
    assert notes["Slides"].text == (
        "\u201cStaff experience in numbers\u201d and \u201cPatient experience in numbers\u201d"
    )


def test_slides_missing_from_the_deck_built_print_as_titles_with_a_warning() -> None:
    numbers = {k: v for k, v in NUMBERS.items() if k != "fx-infographic-b"}
    plan = plan_agenda(make_request("facilitator", numbers=numbers))
    notes = notes_of(row_titled(plan, "Refreshing the approach"))
    assert notes["Slides"].text == "slide 3 and \u201cPatient experience in numbers\u201d"
    assert plan.warnings == (
        "slide 'fx-infographic-b' is not in the deck given with --deck; "
        "the agenda names it by title",
    )


def test_run_sheet_totals_the_day_and_its_breaks() -> None:
    sheet = plan_agenda(make_request("facilitator")).run_sheet
    assert sheet is not None
    assert sheet.total == "3 hours 40 minutes, 09:30 to 13:10, including 45 minutes of breaks"


def test_run_sheet_materials_are_listed_once_each() -> None:
    sheet = plan_agenda(make_request("facilitator")).run_sheet
    assert sheet is not None
    assert sheet.materials == ("Name badges", "Flip chart and pens", "Sticky notes")


def test_print_list_gives_one_line_per_item_with_its_copy_rules_and_sessions() -> None:
    sheet = plan_agenda(make_request("facilitator")).run_sheet
    assert sheet is not None
    assert [(p.item_id, p.title, p.copies, p.sessions) for p in sheet.prints] == [
        (
            "fixture-worksheet",
            "Fixture action plan",
            "one per group and one for the room",
            ("Arrival, registration and coffee", "Defining our focus", "Ideas generation"),
        ),
        (
            "fixture-handout",
            "Fixture case studies",
            "one per participant and one per facilitator",
            ("Defining our focus", "Ideas generation"),
        ),
    ]
    assert sheet.prints[1].used_in == "Defining our focus; Ideas generation"


def test_print_list_shows_the_packs_print_plan_when_given() -> None:
    from compassion_kit.model.workshop import Printed
    from compassion_kit.print_plan import Counts, plan_prints

    request = make_request("facilitator")
    prints = plan_prints(
        (request.schedule,),
        request.library_titles,
        kinds={"fixture-worksheet": "worksheet", "fixture-handout": "handout", "extra": "handout"},
        chosen=[Printed(id="fixture-handout", copies=40), Printed(id="extra")],
        counts=Counts(participants=20, groups=4, facilitators=2),
    )
    sheet = plan_agenda(dataclasses.replace(request, prints=prints)).run_sheet
    assert sheet is not None
    assert [(p.item_id, p.copies, p.used_in) for p in sheet.prints] == [
        (
            "fixture-worksheet",
            "5 copies (one per group and one for the room)",
            ("Arrival, registration and coffee; Defining our focus; Ideas generation"),
        ),
        ("fixture-handout", "40 copies (set in the spec)", "Defining our focus; Ideas generation"),
        ("extra", "20 copies (one per participant)", "not used in any session"),
    ]


# --- slide references and small helpers --------------------------------------------------------

TITLES = {"a": "Alpha", "b": "Beta", "c": "Gamma"}


@pytest.mark.parametrize(
    ("text", "numbers", "expected"),
    [
        ("see {slide:a}", {"a": 7}, "see slide 7"),
        ("show {slide:a} and {slide:b}", {"a": 7, "b": 8}, "show slides 7 and 8"),
        (
            "show {slide:a}, {slide:b} and {slide:c}.",
            {"a": 7, "b": 8, "c": 13},
            "show slides 7, 8 and 13.",
        ),
        (
            "show {slide:a}, {slide:b}, and {slide:c}",
            {"a": 7, "b": 8, "c": 13},
            "show slides 7, 8 and 13",
        ),
        ("{slide:a} then later {slide:b}", {"a": 7, "b": 8}, "slide 7 then later slide 8"),
        ("see {slide:a}", None, "see \u201cAlpha\u201d"),
        ("show {slide:a} and {slide:b}", None, "show \u201cAlpha\u201d and \u201cBeta\u201d"),
        ("show {slide:a} and {slide:b}", {"a": 7}, "show slide 7 and \u201cBeta\u201d"),
        ("see {slide:zz}", None, "see \u201czz\u201d"),
        ("no tokens, {slide:} or {slide:Bad}", None, "no tokens, {slide:} or {slide:Bad}"),
    ],
)
def test_resolve_slide_refs(text: str, numbers: dict[str, int] | None, expected: str) -> None:
    assert resolve_slide_refs(text, numbers, TITLES) == expected


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (1, "1 minute"),
        (45, "45 minutes"),
        (60, "1 hour"),
        (61, "1 hour 1 minute"),
        (225, "3 hours 45 minutes"),
        (0, "0 minutes"),
    ],
)
def test_duration_in_words(minutes: int, text: str) -> None:
    assert duration(minutes) == text


def test_organisation_date_and_venue_tokens_are_filled_in() -> None:
    request = make_request()
    agenda = request.agenda.replace(title="{{organisation}} away day")
    first = agenda.sessions[0].replace(participant="Meet at {{venue}} on {{date}}.")
    agenda = agenda.replace(sessions=[first, *agenda.sessions[1:]])
    timed, _ = schedule(agenda)
    plan = plan_agenda(dataclasses.replace(request, agenda=agenda, schedule=timed))
    assert plan.title == "Your organisation away day"
    assert plan.rows[0].text == (
        "Meet at Seminar room 2, Education Centre on Tuesday 3 March 2026."
    )
