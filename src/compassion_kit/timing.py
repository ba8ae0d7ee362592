"""Clock arithmetic for agendas: start times from durations, and the checks on them.

Owns the timing spine shared by agendas and decks; pure functions, no files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from compassion_kit.errors import Location, Problem
from compassion_kit.model import Agenda, Session
from compassion_kit.model.common import clock_minutes

DAY = 24 * 60
Locate = Callable[[tuple[str | int, ...]], Location]


@dataclass(frozen=True)
class TimedSession:
    """A session with its computed start and end, in minutes after midnight."""

    session: Session
    start: int
    end: int

    @property
    def slot(self) -> str:
        """'09:30-09:50' style label."""
        return f"{clock(self.start)}-{clock(self.end)}"


@dataclass(frozen=True)
class Schedule:
    """An agenda laid out on the clock."""

    agenda: Agenda
    sessions: tuple[TimedSession, ...]

    @property
    def start(self) -> int:
        return self.sessions[0].start

    @property
    def end(self) -> int:
        return self.sessions[-1].end

    @property
    def total_minutes(self) -> int:
        return self.end - self.start

    def slot_of_slide(self, slide_id: str) -> TimedSession | None:
        """The session that shows `slide_id`, if any."""
        return next((t for t in self.sessions if slide_id in t.session.slides), None)


def clock(minutes: int) -> str:
    """HH:MM for minutes after midnight, read on a 24-hour clock face.

    Values outside one day wrap (1440 is 00:00, -30 is 23:30), so a fixed time moved before
    midnight by `--start` still prints as a time in a problem message, never as "-1:30".
    """
    minutes %= DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_start(value: str) -> int:
    """Minutes after midnight for an HH:MM string.

    Raises:
        ValueError: `value` is not a 24-hour HH:MM time.
    """
    parts = value.strip().split(":")
    if len(parts) != 2 or not all(p.isdigit() and len(p) == 2 for p in parts):
        raise ValueError(f"'{value}' is not a 24-hour time such as 09:30")
    hours, minutes = int(parts[0]), int(parts[1])
    if hours > 23 or minutes > 59:
        raise ValueError(f"'{value}' is not a 24-hour time such as 09:30")
    return hours * 60 + minutes


def schedule(
    agenda: Agenda,
    start: str | None = None,
    locate: Locate | None = None,
    *,
    start_option: str | None = None,
) -> tuple[Schedule, list[Problem]]:
    """Lay `agenda` out from `start` (default the agenda's own) and check it.

    Each session starts when the one before ends. A session with a fixed time (`at`) must
    start exactly then: a gap or an overlap before it is a problem. `start` shifts the whole
    day, fixed times included, keeping every duration. Problems name the session and, with
    `locate`, the file and line; the schedule is still returned so callers can show it.
    `start_option` names the command-line option that gave `start` (`--start`): a day that
    then runs past midnight is blamed on the option, with the latest start that fits.
    """
    where: Locate = locate or (lambda _path: Location())
    planned = clock_minutes(agenda.start)
    begin = parse_start(start) if start else planned
    shift = begin - planned
    cursor = begin
    problems: list[Problem] = []
    timed: list[TimedSession] = []
    for index, session in enumerate(agenda.sessions):
        base: tuple[str | int, ...] = ("sessions", index)
        if session.at is not None:
            fixed = clock_minutes(session.at) + shift
            if fixed != cursor:
                problems.append(_fixed_problem(session, index, fixed, cursor, where((*base, "at"))))
            cursor = fixed
        if session.minutes <= 0 or session.minutes > DAY:
            problems.append(_length_problem(session, index, where((*base, "minutes"))))
        # Bounded, so that a mistyped length cannot make the clock arithmetic meaningless.
        end = cursor + min(max(session.minutes, 0), DAY)
        timed.append(TimedSession(session, cursor, end))
        cursor = end
    late = next((i for i, t in enumerate(timed) if t.end > DAY), None)
    too_long = any(s.minutes > DAY for s in agenda.sessions)  # already the reason, reported
    if late is not None and not too_long:
        problems.append(_midnight_problem(timed, late, begin, start, start_option, where))
    return Schedule(agenda, tuple(timed)), problems


def _length_problem(session: Session, index: int, location: Location) -> Problem:
    if session.minutes > DAY:
        return Problem(
            f"session '{session.title}' lasts {session.minutes:,} minutes, longer than a whole "
            f"day ({DAY:,} minutes)",
            location,
            field=f"sessions.{index}.minutes",
            hint="give its length in whole minutes, e.g. 90 for an hour and a half",
        )
    return Problem(
        f"session '{session.title}' lasts {session.minutes} minutes; it must last at least 1",
        location,
        field=f"sessions.{index}.minutes",
        hint="give its length in whole minutes, or remove the session",
    )


def _midnight_problem(
    timed: list[TimedSession],
    late: int,
    begin: int,
    start: str | None,
    start_option: str | None,
    where: Locate,
) -> Problem:
    """The day runs past midnight from session `late` on: blamed on the start option when one
    gave the start and an earlier start would fit, else on the session."""
    last = max(t.end for t in timed)
    latest = begin - (last - DAY)  # the latest start that still ends by midnight
    if start and start_option and latest >= 0:
        return _option_problem(start_option, start, timed[late].session, latest)
    days = (last - 1) // DAY
    when = f"at {clock(last)} the next day" if days == 1 else f"{days:,} days later"
    return Problem(
        f"'{timed[late].session.title}' runs past midnight and the day would end "
        f"{when}; the day must end by midnight",
        where(("sessions", late, "minutes")),
        field=f"sessions.{late}.minutes",
        hint="start earlier with --start, or shorten sessions",
    )


def _option_problem(option: str, start: str, session: Session, latest: int) -> Problem:
    return Problem(
        f"starting at {start} pushes '{session.title}' past midnight; "
        f"this agenda must start by {clock(latest)} to end by midnight",
        field=option,
        hint=f"give an earlier time, e.g. {option} {clock(latest)}, "
        f"or leave out {option} to use the agenda's own start",
    )


def _fixed_problem(
    session: Session, index: int, fixed: int, cursor: int, location: Location
) -> Problem:
    field = f"sessions.{index}.at"
    if index == 0:
        # Nothing runs before the first session, so "the sessions before it" would mislead.
        message = (
            f"the day starts at {clock(cursor)} but the first session, "
            f"'{session.title}', is fixed at {clock(fixed)}"
        )
        hint = "make 'start' and the first session's 'at' the same time, or drop 'at'"
    elif fixed > cursor:
        message = (
            f"there is a gap of {fixed - cursor} minutes before '{session.title}': the "
            f"sessions before it end at {clock(cursor)} but it is fixed at {clock(fixed)}"
        )
        hint = "lengthen a session before it, add a break, or change its 'at' time"
    else:
        message = (
            f"the sessions before '{session.title}' run {cursor - fixed} minutes past its "
            f"fixed start: they end at {clock(cursor)} but it is fixed at {clock(fixed)}"
        )
        hint = "shorten a session before it, or change its 'at' time"
    return Problem(message, location, field=field, hint=hint)
