"""Plan an agenda for one audience: the rows, the facilitator notes and the run sheet.

Owns what each audience may see (the leak guard); pure functions only. Naming slides is
`slide_refs.py`'s, clock arithmetic `timing.py`'s, writing files `render/docx/agenda.py`'s and
`render/_agenda_md.py`'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from compassion_kit.branding import substitute
from compassion_kit.model import Agenda, Session
from compassion_kit.print_plan import PER_TEXT, PrintPlan, plan_prints
from compassion_kit.render.slide_refs import SlideNames, join_and, resolve, slide_phrase
from compassion_kit.timing import Schedule, TimedSession, clock

if TYPE_CHECKING:
    from compassion_kit.logo import Logo
    from compassion_kit.profile import Brand

PARTICIPANT = "participant"
FACILITATOR = "facilitator"
AUDIENCES = (PARTICIPANT, FACILITATOR)
LANGUAGE = "en-GB"

# The leak guard. A participant row is built from these Session fields and nothing else;
# annotations, materials, slides and print lists reach a plan only through `_notes`, which
# runs for the facilitator audience alone. Adding a field here makes it public: think twice.
PARTICIPANT_FIELDS = ("title", "kind", "minutes", "participant")


@dataclass(frozen=True)
class AgendaRequest:
    """Everything an agenda needs; the build layer has already checked the schedule."""

    agenda: Agenda
    schedule: Schedule
    brand: Brand
    logo: Logo | None
    audience: str  # "participant" or "facilitator"
    slide_numbers: Mapping[str, int] | None  # slide id -> number in the deck built, if any
    slide_titles: Mapping[str, str]  # slide id -> title, for when there is no deck
    library_titles: Mapping[str, str]  # item id -> title, for the print list
    date: str | None = None
    venue: str | None = None
    prints: PrintPlan | None = None
    """The pack's print plan, shown in the run sheet; None: planned from this agenda alone"""
    title: str | None = None  # the workshop's title in a pack, so every file says the same


@dataclass(frozen=True)
class Note:
    """One labelled part of a session's facilitator notes: text, a list, or both."""

    label: str  # "Purpose", "How", "Have ready", ...
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgendaRow:
    """One session as a row of the agenda table."""

    time: str  # "09:30 to 09:50"
    minutes: int
    title: str
    kind: str  # session, break, arrival or close
    text: str | None  # what participants read about it
    notes: tuple[Note, ...] = ()  # facilitator only; always empty for participants


@dataclass(frozen=True)
class PrintLine:
    """A worksheet or handout to print, how many copies, and the sessions that use it."""

    item_id: str
    title: str
    copies: str  # "6 copies (one per group and one for the room)", or "one per group"
    sessions: tuple[str, ...]
    used_in: str  # the sessions as one line, or "not used in any session"


@dataclass(frozen=True)
class RunSheet:
    """The facilitator's view of the whole day: time, materials and printing."""

    total: str  # "5 hours 45 minutes, 09:30 to 15:15, including 1 hour of breaks"
    materials: tuple[str, ...]
    prints: tuple[PrintLine, ...]


@dataclass(frozen=True)
class AgendaPlan:
    """An agenda ready to write: the same plan gives the Word and the Markdown file."""

    audience: str
    title: str  # the agenda's title, the document's only level-1 heading
    doc_title: str  # "<title>: facilitator agenda", for the file's properties
    version: str  # the line under the title saying which version this is
    details: tuple[tuple[str, str], ...]  # (label, value): organisation, date, venue, time
    rows: tuple[AgendaRow, ...]
    run_sheet: RunSheet | None
    organisation: str
    credit: str  # source credit for the footer (title, publisher, year)
    warnings: tuple[str, ...] = field(default_factory=tuple)
    language: str = LANGUAGE

    def __post_init__(self) -> None:
        # Second line of the leak guard: a participant plan cannot even be built with notes.
        if self.audience == PARTICIPANT and (
            self.run_sheet is not None or any(row.notes for row in self.rows)
        ):
            raise ValueError("bug: a participant agenda plan carries facilitator notes")


def plan_agenda(request: AgendaRequest) -> AgendaPlan:
    """Plan the participant or facilitator agenda for `request`.

    Participant plans hold only the title, organisation, date, venue, times and each
    session's title and participant text. Facilitator plans add notes per session and a run
    sheet. Slide references print as numbers of the deck built, or as titles without one.
    `{{organisation}}`, `{{date}}` and `{{venue}}` in titles and participant text are filled in.

    Raises:
        ValueError: `request.audience` is neither "participant" nor "facilitator".
    """
    if request.audience not in AUDIENCES:
        raise ValueError(f"unknown audience '{request.audience}'; use one of {AUDIENCES}")
    agenda, timed = request.agenda, request.schedule
    organisation = request.brand.organisation.name
    tokens = {
        "organisation": organisation,
        "date": request.date or "",
        "venue": request.venue or "",
    }
    missing: list[str] = []
    names = _slide_namer(request, missing)
    facilitator = request.audience == FACILITATOR
    rows = []
    for slot in timed.sessions:
        row = _participant_row(slot, _participant_view(slot.session), tokens, names)
        if facilitator:
            row = replace(row, notes=_notes(slot.session, request, names))
        rows.append(row)
    title = request.title or substitute(agenda.title, tokens)
    label = "facilitator agenda" if facilitator else "participant agenda"
    return AgendaPlan(
        audience=request.audience,
        title=title,
        doc_title=f"{title}: {label}",
        version="Facilitator agenda: includes notes for facilitators, not for handing out"
        if facilitator
        else "Participant agenda",
        details=_details(organisation, request.date, request.venue, timed),
        rows=tuple(rows),
        run_sheet=_run_sheet(timed, request) if facilitator else None,
        organisation=organisation,
        credit=agenda.credit(),
        warnings=_missing_slides_warning(list(dict.fromkeys(missing))),
    )


def _participant_view(session: Session) -> dict[str, Any]:
    """The session reduced to the fields participants may see (`PARTICIPANT_FIELDS`)."""
    return {name: getattr(session, name) for name in PARTICIPANT_FIELDS}


def _participant_row(
    slot: TimedSession, view: Mapping[str, Any], tokens: Mapping[str, str], names: SlideNames
) -> AgendaRow:
    text = view["participant"]
    return AgendaRow(
        time=time_range(slot.start, slot.end),
        minutes=view["minutes"],
        title=substitute(view["title"], tokens),
        kind=view["kind"],
        text=resolve(substitute(text, tokens), names) if text else None,
    )


def _notes(session: Session, request: AgendaRequest, names: SlideNames) -> tuple[Note, ...]:
    """Facilitator notes for one session, in the order a facilitator reads them."""
    notes: list[Note] = []
    annotation = session.facilitator
    if annotation is not None:
        notes.append(Note("Purpose", resolve(annotation.purpose, names)))
        notes.append(Note("How", resolve(annotation.how, names)))
        if annotation.ready:
            notes.append(
                Note("Have ready", items=tuple(resolve(r, names) for r in annotation.ready))
            )
        if annotation.produce:
            notes.append(Note("By the end", resolve(annotation.produce, names)))
    if session.materials:
        notes.append(Note("Materials", items=tuple(resolve(m, names) for m in session.materials)))
    if session.slides:
        label = "Slide" if len(session.slides) == 1 else "Slides"
        notes.append(Note(label, names(session.slides, word=False)))
    if session.print:
        notes.append(
            Note(
                "Hand out",
                items=tuple(
                    f"{request.library_titles.get(p.item, p.item)} ({PER_TEXT[p.per]})"
                    for p in session.print
                ),
            )
        )
    return tuple(notes)


def _details(
    organisation: str, date: str | None, venue: str | None, timed: Schedule
) -> tuple[tuple[str, str], ...]:
    details = [("Organisation", organisation)]
    if date:
        details.append(("Date", date))
    if venue:
        details.append(("Venue", venue))
    details.append(("Time", time_range(timed.start, timed.end)))
    return tuple(details)


def _run_sheet(timed: Schedule, request: AgendaRequest) -> RunSheet:
    breaks = sum(t.end - t.start for t in timed.sessions if t.session.kind == "break")
    total = f"{duration(timed.total_minutes)}, {time_range(timed.start, timed.end)}"
    if breaks:
        total += f", including {duration(breaks)} of breaks"
    materials = dedupe(m for t in timed.sessions for m in t.session.materials)
    return RunSheet(total=total, materials=materials, prints=_print_list(timed, request))


def _print_list(timed: Schedule, request: AgendaRequest) -> tuple[PrintLine, ...]:
    """One line per item of the print plan (the pack's, or this agenda's alone), in order of
    first use, with its copies and the sessions that use it."""
    prints = request.prints
    if prints is None:
        prints = plan_prints((timed,), request.library_titles)
    return tuple(
        PrintLine(p.id, p.title, p.copies_text, p.used_in, prints.used_in_text(p))
        for p in prints.items
    )


def dedupe(texts: Iterable[str]) -> tuple[str, ...]:
    """Texts in first-seen order, dropping repeats that differ only in case or spacing."""
    seen: dict[str, str] = {}
    for text in texts:
        seen.setdefault(" ".join(text.split()).casefold(), text)
    return tuple(seen.values())


def duration(minutes: int) -> str:
    """'45 minutes', '1 hour', '3 hours 45 minutes'."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour" + ("s" if hours != 1 else ""))
    if rest or not hours:
        parts.append(f"{rest} minute" + ("s" if rest != 1 else ""))
    return " ".join(parts)


def time_range(start: int, end: int) -> str:
    """'09:30 to 09:50': GOV.UK style uses 'to' rather than a dash, which screen readers skip."""
    return f"{clock(start)} to {clock(end)}"


def _slide_namer(request: AgendaRequest, missing: list[str]) -> SlideNames:
    """A slide-naming function that notes, in `missing`, each slide not in the deck built."""

    def names(ids: Iterable[str], *, word: bool = True) -> str:
        listed = list(ids)
        numbers = request.slide_numbers
        if numbers is not None:
            missing.extend(i for i in listed if i not in numbers)
        return slide_phrase(listed, numbers, request.slide_titles, word=word)

    return names


def _missing_slides_warning(missing: list[str]) -> tuple[str, ...]:
    """One warning naming every slide the agenda refers to that the deck lacks."""
    if not missing:
        return ()
    quoted = join_and([f"'{i}'" for i in missing])
    if len(missing) == 1:
        return (
            f"slide {quoted} is not in the deck given with --deck; the agenda names it by title",
        )
    return (
        f"slides {quoted} are not in the deck given with --deck; the agenda names them by title",
    )
