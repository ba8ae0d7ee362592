"""The print plan (print_plan.py): items, copies and the sessions that use them, from plain
values; the packs that show it are checked in test_print_plan_packs.py."""

from __future__ import annotations

from compassion_kit.model import Agenda
from compassion_kit.model.workshop import Printed
from compassion_kit.print_plan import Counts, plan_prints
from compassion_kit.timing import Schedule, schedule
from test_agenda_plan import fixture_library

TITLES = {"fixture-worksheet": "Fixture action plan", "fixture-handout": "Fixture case studies"}
KINDS = {"fixture-worksheet": "worksheet", "fixture-handout": "handout", "extra": "handout"}


def fixture_schedule() -> Schedule:
    agenda = fixture_library().get("fixture-planning-day")
    assert isinstance(agenda, Agenda)
    return schedule(agenda, None)[0]


def test_copy_rules_of_every_session_add_up_and_sessions_come_in_the_order_of_the_day():
    plan = plan_prints(
        (fixture_schedule(),), TITLES, kinds=KINDS, chosen=[], counts=Counts(20, 4, 2)
    )
    sheet, handout = plan.items
    assert (sheet.id, sheet.copies, sheet.copies_text) == (
        "fixture-worksheet",
        5,
        "5 copies (one per group and one for the room)",
    )
    assert [u.slot for u in sheet.uses] == ["09:30-09:50", "10:20-11:20", "12:05-13:05"]
    assert (handout.copies, handout.rule) == (22, "one per participant and one per facilitator")
    assert not sheet.listed and plan.added == plan.items  # the spec listed nothing


def test_an_unknown_count_leaves_the_rule_without_a_number():
    plan = plan_prints((fixture_schedule(),), TITLES, counts=Counts(participants=20))
    assert [(p.copies, p.copies_text) for p in plan.items] == [
        (None, "one per group and one for the room"),
        (None, "one per participant and one per facilitator"),
    ]
    assert plan.added == ()  # no spec: everything counts as listed


def test_the_spec_sets_copies_and_fewer_than_needed_is_short():
    chosen = [Printed(id="fixture-worksheet", copies=3), Printed(id="fixture-handout", copies=30)]
    plan = plan_prints((fixture_schedule(),), TITLES, chosen=chosen, counts=Counts(20, 4, 2))
    sheet, handout = plan.items
    assert (sheet.copies, sheet.needed, sheet.short, sheet.rule) == (3, 5, True, "set in the spec")
    assert (handout.copies, handout.short, handout.copies_text) == (
        30,
        False,
        "30 copies (set in the spec)",
    )


def test_spec_items_no_session_uses_are_unused_only_when_there_is_an_agenda():
    chosen = [Printed(id="extra")]
    with_agenda = plan_prints((fixture_schedule(),), TITLES, kinds=KINDS, chosen=chosen)
    assert [p.id for p in with_agenda.unused] == ["extra"]
    assert with_agenda.used_in_text(with_agenda.unused[0]) == "not used in any session"
    assert with_agenda.ids() == ("fixture-worksheet", "fixture-handout", "extra")
    alone = plan_prints((), TITLES, kinds=KINDS, chosen=chosen, counts=Counts(participants=9))
    assert alone.unused == () and alone.used_in_text(alone.items[0]) == ""
    assert alone.items[0].copies_text == "9 copies (one per participant)"


def test_two_agendas_name_each_session_with_its_agendas_title():
    timed = fixture_schedule()
    plan = plan_prints((timed, timed), TITLES)
    assert plan.items[1].used_in[0] == "Defining our focus (Fixture planning workshop)"


def test_a_deck_exercise_uses_its_worksheet_in_the_session_showing_its_slide():
    exercises = [("fx-fishbone", "Fishbone", "extra"), ("fx-other", "Other slide", "extra")]
    plan = plan_prints((fixture_schedule(),), TITLES, kinds=KINDS, exercises=exercises)
    (extra,) = [p for p in plan.items if p.id == "extra"]
    assert extra.used_in == ("Ideas generation", "deck slide 'Other slide'")
    assert extra.rule == "one per participant"
