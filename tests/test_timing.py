"""Clock arithmetic for agendas: computed times, shifting the start, and located problems."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from compassion_kit.library import load_item_file
from compassion_kit.model import Agenda
from compassion_kit.model.validate import build
from compassion_kit.paths import content_dir
from compassion_kit.timing import DAY, clock, parse_start, schedule

FIXTURES = Path(__file__).parent / "fixtures"
TIMING = FIXTURES / "agenda-timing"


def make_agenda(
    minutes: list[int], start: str = "09:00", at: dict[int, str] | None = None
) -> Agenda:
    """An agenda with one session per duration; `at` fixes some sessions' clock times."""
    sessions: list[dict[str, Any]] = []
    for index, length in enumerate(minutes):
        session: dict[str, Any] = {
            "id": f"s{index}",
            "title": f"Session {index}",
            "minutes": length,
        }
        if at and index in at:
            session["at"] = at[index]
        sessions.append(session)
    return build(
        Agenda,
        {
            "id": "timed",
            "kind": "agenda",
            "title": "Timed",
            "element": "related",
            "audience": "Test",
            "start": start,
            "sessions": sessions,
            "source": {"title": "T", "publisher": "P", "year": 2020},
            "provenance": {"from_source": "all of it"},
        },
    )


def starts(agenda: Agenda, start: str | None = None) -> list[str]:
    timed, _ = schedule(agenda, start)
    return [clock(t.start) for t in timed.sessions]


# --- clock and parse_start -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (0, "00:00"),
        (9 * 60 + 5, "09:05"),
        (23 * 60 + 59, "23:59"),
        (DAY, "00:00"),
        (-30, "23:30"),
    ],
)
def test_clock_prints_a_24_hour_time_and_wraps_outside_the_day(minutes: int, text: str) -> None:
    assert clock(minutes) == text


@pytest.mark.parametrize("text", ["9:30", "24:00", "09:60", "0930", "09:30:00", "", "ab:cd"])
def test_parse_start_refuses_anything_but_hh_mm(text: str) -> None:
    with pytest.raises(ValueError, match="24-hour time"):
        parse_start(text)


@given(st.integers(0, DAY - 1))
def test_parse_start_reads_back_every_clock_time(minutes: int) -> None:
    assert parse_start(clock(minutes)) == minutes


# --- laying out the day ------------------------------------------------------------------------


def test_each_session_starts_when_the_one_before_ends() -> None:
    assert starts(make_agenda([20, 30, 60, 45])) == ["09:00", "09:20", "09:50", "10:50"]


def test_schedule_reports_start_end_total_and_slot_labels() -> None:
    timed, problems = schedule(make_agenda([20, 40], start="13:30"))
    assert problems == []
    assert (clock(timed.start), clock(timed.end), timed.total_minutes) == ("13:30", "14:30", 60)
    assert [t.slot for t in timed.sessions] == ["13:30-13:50", "13:50-14:30"]


def test_start_option_shifts_the_day_and_its_fixed_times() -> None:
    agenda = make_agenda([30, 30, 60], start="09:00", at={2: "10:00"})
    assert starts(agenda, "13:15") == ["13:15", "13:45", "14:15"]
    assert schedule(agenda, "13:15")[1] == []


def test_a_fixed_time_that_matches_is_not_a_problem() -> None:
    timed, problems = schedule(make_agenda([60, 45], at={1: "10:00"}))
    assert problems == []
    assert clock(timed.sessions[1].start) == "10:00"


def test_a_day_may_end_exactly_at_midnight() -> None:
    timed, problems = schedule(make_agenda([60], start="23:00"))
    assert problems == []
    assert timed.sessions[0].slot == "23:00-00:00"


# --- problems, each with the session, the file and the line ------------------------------------


def located(name: str, start: str | None = None) -> list[str]:
    """Each timing problem in fixture `name` as 'file:line: message (field)'."""
    entry, problems = load_item_file(TIMING / name)
    assert entry is not None, problems
    assert isinstance(entry.item, Agenda)
    _, found = schedule(entry.item, start, entry.doc.locate)
    return [
        f"{Path(str(p.location.path)).name}:{p.location.line}: {p.message} ({p.field})"
        for p in found
    ]


def test_overlap_before_a_fixed_time_names_session_file_and_line() -> None:
    assert located("overlap.yaml") == [
        "overlap.yaml:18: the sessions before 'Lunch' run 30 minutes past its fixed start: they "
        "end at 10:30 but it is fixed at 10:00 (sessions.1.at)"
    ]


def test_gap_before_a_fixed_time_names_session_file_and_line() -> None:
    assert located("gap.yaml") == [
        "gap.yaml:18: there is a gap of 30 minutes before 'Lunch': the sessions before it end "
        "at 09:30 but it is fixed at 10:00 (sessions.1.at)"
    ]


def test_zero_duration_names_session_file_and_line() -> None:
    assert located("zero.yaml") == [
        "zero.yaml:14: session 'Empty talk' lasts 0 minutes; it must last at least 1 "
        "(sessions.0.minutes)"
    ]


def test_negative_duration_names_session_file_and_line() -> None:
    assert located("negative.yaml") == [
        "negative.yaml:14: session 'Backwards talk' lasts -15 minutes; it must last at least 1 "
        "(sessions.0.minutes)"
    ]


def test_end_after_midnight_names_the_session_that_crosses_it() -> None:
    assert located("midnight.yaml") == [
        "midnight.yaml:17: 'Late social' runs past midnight and the day would end at 00:35 the "
        "next day; the day must end by midnight (sessions.1.minutes)"
    ]


def test_start_option_can_push_the_day_past_midnight() -> None:
    assert located("gap.yaml", start="23:30")[-1].startswith("gap.yaml:17: 'Lunch' runs past")


def test_first_session_fixed_away_from_the_start_says_so_plainly() -> None:
    assert located("first-fixed.yaml") == [
        "first-fixed.yaml:15: the day starts at 09:00 but the first session, 'Arrival', is "
        "fixed at 09:15 (sessions.0.at)"
    ]


def test_problems_without_locate_still_name_the_session() -> None:
    _, problems = schedule(make_agenda([0]))
    assert "'Session 0'" in problems[0].message
    assert str(problems[0].location) == "kit"


# --- properties ------------------------------------------------------------------------------

durations = st.lists(st.integers(1, 180), min_size=1, max_size=12)
start_minutes = st.integers(0, DAY - 1)


@settings(max_examples=200)
@given(durations, start_minutes, start_minutes)
def test_shifting_the_start_keeps_every_duration(
    minutes: list[int], planned: int, moved: int
) -> None:
    assume(max(planned, moved) + sum(minutes) <= DAY)
    agenda = make_agenda(minutes, start=clock(planned))
    before, _ = schedule(agenda)
    after, problems = schedule(agenda, clock(moved))
    assert problems == []
    assert [t.end - t.start for t in after.sessions] == minutes
    assert [t.start - s.start for t, s in zip(after.sessions, before.sessions, strict=True)] == [
        moved - planned
    ] * len(minutes)


@settings(max_examples=200)
@given(durations, start_minutes)
def test_sum_of_durations_equals_end_minus_start(minutes: list[int], begin: int) -> None:
    assume(begin + sum(minutes) <= DAY)
    timed, problems = schedule(make_agenda(minutes, start=clock(begin)))
    assert problems == []
    assert timed.end - timed.start == timed.total_minutes == sum(minutes)
    pairs = zip(timed.sessions, timed.sessions[1:], strict=False)
    assert all(a.end == b.start for a, b in pairs)


@st.composite
def fixed_agendas(draw: st.DrawFn) -> tuple[list[int], int, dict[int, int]]:
    """Durations, a start, and fixed clock times for some sessions (often right, often not)."""
    minutes = draw(st.lists(st.integers(1, 120), min_size=1, max_size=10))
    begin = draw(st.integers(6 * 60, 10 * 60))
    fixed: dict[int, int] = {}
    cursor = begin
    for index, length in enumerate(minutes):
        if draw(st.booleans()):
            cursor += draw(st.sampled_from([0, 0, 5, -5, 30, -30]))
            fixed[index] = cursor
        cursor += length
    return minutes, begin, fixed


@settings(max_examples=300)
@given(fixed_agendas(), st.integers(-120, 120))
def test_fixed_times_are_honoured_or_reported(
    case: tuple[list[int], int, dict[int, int]], shift: int
) -> None:
    minutes, begin, fixed = case
    assume(all(0 <= t < DAY for t in fixed.values()))
    assume(begin + shift >= 0 and max(fixed.values(), default=0) + shift + sum(minutes) < DAY)
    agenda = make_agenda(minutes, clock(begin), {i: clock(t) for i, t in fixed.items()})
    timed, problems = schedule(agenda, clock(begin + shift))
    reported = {p.field for p in problems}
    previous_end = begin + shift
    for index, session in enumerate(timed.sessions):
        assert session.end - session.start == minutes[index]
        if index in fixed:
            assert session.start == fixed[index] + shift
            assert (f"sessions.{index}.at" in reported) == (previous_end != session.start)
        else:
            assert session.start == previous_end
        previous_end = session.end
    assert reported <= {f"sessions.{i}.at" for i in fixed}


# --- the bundled agendas keep the source's times ---------------------------------------------


def bundled_agenda(item_id: str) -> tuple[Agenda, list[str]]:
    """The bundled agenda with this id and its timing problems; skip while it is unwritten."""
    for path in sorted(content_dir().rglob("*.yaml")):
        entry, _ = load_item_file(path)
        if entry is not None and entry.item.id == item_id and isinstance(entry.item, Agenda):
            _, problems = schedule(entry.item, None, entry.doc.locate)
            return entry.item, [str(p) for p in problems]
    pytest.skip(f"the agenda '{item_id}' is not in content/ yet")


def session_starts(agenda: Agenda) -> dict[str, str]:
    """Start time -> kind of the first session starting then."""
    timed, _ = schedule(agenda)
    found: dict[str, str] = {}
    for t in timed.sessions:
        found.setdefault(clock(t.start), t.session.kind)
    return found


def ends_at(agenda: Agenda, time: str) -> bool:
    """The day closes at `time`: a closing session starts then, or the last session ends then."""
    timed, _ = schedule(agenda)
    last = timed.sessions[-1]
    return clock(timed.end) == time or (last.session.kind == "close" and clock(last.start) == time)


def test_introductory_workshop_runs_0930_to_1315_with_a_break_at_1115() -> None:
    agenda, problems = bundled_agenda("introductory-workshop")
    assert problems == []
    found = session_starts(agenda)
    assert {"09:30", "10:00", "11:15", "11:30", "12:15", "13:00"} <= set(found)
    assert clock(schedule(agenda)[0].start) == "09:30"
    assert found["11:15"] == "break"
    assert ends_at(agenda, "13:15")


def test_improvement_planning_keeps_the_source_times() -> None:
    agenda, problems = bundled_agenda("improvement-planning")
    assert problems == []
    found = session_starts(agenda)
    assert {"09:30", "09:50", "10:20", "11:20", "12:15", "13:00", "14:00", "14:45"} <= set(found)
    assert found["09:30"] == "arrival"
    assert clock(schedule(agenda)[0].start) == "09:30"
    timed, _ = schedule(agenda)
    lunch = next(t for t in timed.sessions if clock(t.start) == "12:15")
    assert (lunch.session.kind, lunch.end - lunch.start) == ("break", 45)
    assert ends_at(agenda, "15:15")


def test_community_conversation_is_five_five_thirty_fifteen_five() -> None:
    agenda, problems = bundled_agenda("community-conversation")
    assert problems == []
    assert [s.minutes for s in agenda.sessions] == [5, 5, 30, 15, 5]
    assert schedule(agenda)[0].total_minutes == 60


def test_improvement_lab_has_no_timing_problems() -> None:
    _, problems = bundled_agenda("improvement-lab")
    assert problems == []
