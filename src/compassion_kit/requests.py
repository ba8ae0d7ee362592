"""Turn inputs into renderer requests, shared by single commands (`build`) and packs (`pack`).

Owns checking what a request is made from (ids, options typed on the command line, the
organisation and its logo, the agenda's times), building the `DeckRequest`, `AgendaRequest`
or `PrintRequest`, and which renderer writes each; writing files is the caller's business.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compassion_kit.errors import Location, Problem, ProblemLog
from compassion_kit.inputs import note_input
from compassion_kit.library import Library, unknown_id_problem
from compassion_kit.model import DeckModule

if TYPE_CHECKING:
    from compassion_kit.logo import Logo
    from compassion_kit.model.deck import Slide
    from compassion_kit.profile import Brand
    from compassion_kit.render import RenderedFile
    from compassion_kit.render.agenda import AgendaRequest
    from compassion_kit.render.deck import DeckRequest
    from compassion_kit.render.plan.printing import PrintRequest
    from compassion_kit.timing import Schedule


@dataclass(frozen=True)
class DeckOptions:
    """Everything `kit build-deck` can be told besides the modules and output path."""

    org: Path | None = None
    title: str | None = None
    date: str | None = None
    venue: str | None = None
    facilitator: str | None = None
    agenda: str | None = None
    start: str | None = None
    template: Path | None = None
    content: tuple[Path, ...] = ()
    force: bool = False  # write through `out` when it is a symbolic link


def deck_request(
    library: Library,
    modules: Sequence[str],
    options: DeckOptions,
    log: ProblemLog,
    brand: Brand | None = None,
    logo: Logo | None = None,
) -> DeckRequest | None:
    """Check the deck's inputs and return a `DeckRequest`, or None with problems logged.

    Without `brand`, the organisation profile `options.org` is read (and its logo checked).
    """
    from compassion_kit.render.deck import DeckRequest, check_template

    decks: list[DeckModule] = items_of_kind(library, modules, "deck", log, "deck module")
    check_option_text(
        log,
        title=options.title,
        date=options.date,
        venue=options.venue,
        facilitator=options.facilitator,
    )
    if brand is None:
        brand, logo = brand_and_logo(options.org, log)
    timed = schedule_of(library, options.agenda, options.start, log) if options.agenda else None
    if options.template is not None:
        note_input(options.template)  # the deck must never be written over its template
        log.extend(check_template(options.template))
    if brand is None or any(p.severity == "error" for p in log.problems):
        return None
    # A deck built for an agenda is titled after the day, not after its first module.
    title = options.title or (timed.agenda.title if timed is not None else None)
    return DeckRequest(
        modules=tuple(decks),
        brand=brand,
        logo=logo,
        title=title,
        date=options.date,
        venue=options.venue,
        facilitator=options.facilitator,
        schedule=timed,
        template=options.template,
        slide_pool=slide_pool(library) if timed is not None else {},
    )


def items_of_kind(
    library: Library, ids: Sequence[str], kind: str, log: ProblemLog, what: str
) -> list[Any]:
    """The library items `ids`, each of `kind`; a problem logged for each that is not."""
    if not ids:
        log.add(
            Problem(
                f"no {what} given",
                Location(),
                hint=f"{kind} ids: " + ", ".join(sorted(library.ids(kind))),
            )
        )
    found = []
    for item_id in ids:
        entry = library.entry(library.resolve(item_id, log))
        if entry is not None and entry.item.kind == kind:
            found.append(entry.item)
        else:
            log.add(unknown_id_problem(library, item_id, kind))
    return found


def brand_and_logo(org: Path | None, log: ProblemLog) -> tuple[Brand | None, Logo | None]:
    """The --org profile and its logo; None for the brand when the profile has problems.

    The logo is checked even when other fields are wrong, so one run reports them all.
    """
    from compassion_kit.logo import load_logo
    from compassion_kit.profile import load_brand, read_brand

    if org is None:
        return load_brand(None), None
    found = log.attempt(lambda: read_brand(org))
    brand, problems = found if found is not None else (None, [])
    log.extend(problems)
    logo = log.attempt(lambda: load_logo(brand)) if brand is not None else None
    stopping = any(p.severity == "error" for p in problems)
    return (None, None) if stopping else (brand, logo)


def schedule_of(
    library: Library, agenda_id: str, start: str | None, log: ProblemLog
) -> Schedule | None:
    """The agenda `agenda_id` laid out in time (from `start`, HH:MM, when given)."""
    from compassion_kit.timing import schedule

    entry = library.entry(library.resolve(agenda_id, log))
    if entry is None or entry.item.kind != "agenda":
        log.add(unknown_id_problem(library, agenda_id, "agenda"))
        return None
    try:
        timed, problems = schedule(entry.item, start, entry.doc.locate, start_option="--start")
    except ValueError as exc:
        log.add(Problem(str(exc), Location(), field="--start", hint="use HH:MM, e.g. 09:30"))
        return None
    log.extend(problems)
    return timed


def check_option_text(log: ProblemLog, **options: str | None) -> None:
    """Text typed on the command line gets the check text in content files gets."""
    from compassion_kit.model import unusable_character

    for name, value in options.items():
        message = unusable_character(value) if value else None
        if message is not None:
            hint = f"type --{name} again without it (it often comes from pasted text)"
            log.add(Problem(message, field=f"--{name}", hint=hint))


def slide_pool(library: Library) -> dict[str, Slide]:
    """Slide id -> slide, over every deck module in the library (slide ids are global)."""
    return {s.id: s for d in library.items("deck") if isinstance(d, DeckModule) for s in d.slides}


def slide_titles(library: Library) -> dict[str, str]:
    """Slide id -> slide title, over every deck module in the library."""
    return {
        s.id: s.title for d in library.items("deck") if isinstance(d, DeckModule) for s in d.slides
    }


def item_titles(library: Library) -> dict[str, str]:
    """Item id -> title, for print lists and checklists."""
    return {e.item.id: e.item.title for e in library.entries.values()}


def agenda_request(
    timed: Schedule,
    brand: Brand,
    logo: Logo | None,
    *,
    audience: str,
    slide_numbers: Mapping[str, int] | None,
    titles: tuple[Mapping[str, str], Mapping[str, str]],
    date: str | None,
    venue: str | None,
) -> AgendaRequest:
    """An agenda request; `titles` is (slide titles, item titles) from the library."""
    from compassion_kit.render.agenda import AgendaRequest

    return AgendaRequest(
        agenda=timed.agenda,
        schedule=timed,
        brand=brand,
        logo=logo,
        audience=audience,
        slide_numbers=slide_numbers,
        slide_titles=titles[0],
        library_titles=titles[1],
        date=date,
        venue=venue,
    )


def print_request(
    items: Sequence[Any],
    brand: Brand,
    logo: Logo | None,
    *,
    team: str | None,
    date: str | None,
    audience: str,
    template: Path | None = None,
) -> PrintRequest:
    """A request for worksheets or handouts printed into one document, on the organisation's
    Word `template` when given (None: the kit's own)."""
    from compassion_kit.render.plan.printing import PrintRequest

    return PrintRequest(
        items=tuple(items),
        brand=brand,
        logo=logo,
        team=team,
        date=date,
        audience=audience,
        template=template,
    )


def note_document_template(template: Path | None) -> None:
    """Record a Word template as an input, so no document is ever written over it."""
    if template is not None:
        note_input(template)


def render_printed(kind: str, request: PrintRequest) -> RenderedFile:
    """Plan and write worksheets (`kind` "worksheet") or handouts (anything else)."""
    from compassion_kit.render import handout, worksheet

    if kind.startswith("worksheet"):
        return worksheet.write_worksheets(worksheet.plan_worksheets(request), request)
    return handout.write_handouts(handout.plan_handouts(request), request)


def render_agenda(
    request: AgendaRequest, fmt: str = "docx", template: Path | None = None
) -> RenderedFile:
    """Plan an agenda and write it as Word (`docx`, on the organisation's Word `template`
    when given) or Markdown (`md`)."""
    from compassion_kit.render import agenda

    plan = agenda.plan_agenda(request)
    if fmt == "md":
        return agenda.write_agenda_markdown(plan)
    return agenda.write_agenda_docx(plan, request, template)
