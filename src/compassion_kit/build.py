"""What each command does, as plain functions: load, check, plan, render, write.

Owns the order of the steps and collecting every problem before anything is written;
the CLI only parses flags and prints what these return. `compassion_kit.build_deck(...)`
and friends can be called from Python in the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compassion_kit.errors import ContentError, Location, Problem, ProblemLog
from compassion_kit.inputs import note_input
from compassion_kit.library import Library, load_library, unknown_id_problem
from compassion_kit.output import writable_path, write_atomic
from compassion_kit.records import FileRecord, record

__all__ = [
    "AgendaOptions",
    "BuildResult",
    "DeckOptions",
    "PrintOptions",
    "build_agenda",
    "build_deck",
    "build_handouts",
    "build_pack",
    "build_worksheets",
    "handouts_of_element",
    "load_library",
    "require_ids",
    "validate",
]

if TYPE_CHECKING:
    from compassion_kit.logo import Logo
    from compassion_kit.model import DeckModule
    from compassion_kit.profile import Brand
    from compassion_kit.render import RenderedFile
    from compassion_kit.timing import Schedule


# The record of a file a command wrote (the same record packs list in their manifests).
BuildResult = FileRecord


def _items_of_kind(
    library: Library, ids: Sequence[str], kind: str, log: ProblemLog, what: str
) -> list[Any]:
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
        entry = library.entries.get(item_id)
        if entry is not None and entry.item.kind == kind:
            found.append(entry.item)
        else:
            log.add(unknown_id_problem(library, item_id, kind))
    return found


def _brand_and_logo(org: Path | None, log: ProblemLog) -> tuple[Brand | None, Logo | None]:
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
    return (None, None) if problems else (brand, logo)


def _schedule(
    library: Library, agenda_id: str, start: str | None, log: ProblemLog
) -> Schedule | None:
    from compassion_kit.timing import schedule

    entry = library.entries.get(agenda_id)
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


def _finish(
    out: Path | None,
    rendered: RenderedFile,
    what: tuple[str, Iterable[str], str],
    log: ProblemLog,
    force: bool = False,
) -> FileRecord:
    """Write `rendered` to `out` (unless it goes to stdout) once no problem is left.

    `what` is (kind, item ids, audience) for the record; `force` writes through a link.
    """
    named = out is None or log.attempt(lambda: writable_path(out, force=force)) is not None
    if out is not None and named and out.suffix.lower() != f".{rendered.kind}":
        log.add(
            Problem(
                f"this command writes a .{rendered.kind} file, but the output name ends in "
                f"'{out.suffix or '(nothing)'}'",
                Location(out),
                hint=f"name it {out.stem}.{rendered.kind}, so that the right program opens it",
            )
        )
    log.raise_if_any()
    if out is not None:
        write_atomic(out, rendered.data, force=force)
    kind, items, audience = what
    slides = rendered.units if rendered.kind == "pptx" else None
    path = str(out) if out is not None else "-"
    return record(
        path,
        kind,
        rendered.kind,
        items,
        audience,
        rendered.data,
        slides=slides,
        warnings=rendered.warnings,
    )


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
) -> Any:
    """Check the deck's inputs and return a `DeckRequest`, or None with problems logged."""
    from compassion_kit.render.deck import DeckRequest, check_template

    decks: list[DeckModule] = _items_of_kind(library, modules, "deck", log, "deck module")
    _check_option_text(
        log,
        title=options.title,
        date=options.date,
        venue=options.venue,
        facilitator=options.facilitator,
    )
    if brand is None:
        brand, logo = _brand_and_logo(options.org, log)
    timed = _schedule(library, options.agenda, options.start, log) if options.agenda else None
    if options.template is not None:
        note_input(options.template)  # the deck must never be written over its template
        log.extend(check_template(options.template))
    if brand is None or log.problems:
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
    )


def build_deck(
    modules: Sequence[str],
    out: Path,
    options: DeckOptions | None = None,
    library: Library | None = None,
) -> BuildResult:
    """Build one .pptx from deck modules, for `kit build-deck`.

    Raises:
        KitError: every problem in the inputs; nothing is written.
    """
    from compassion_kit.render.deck import plan_deck, write_deck

    options = options or DeckOptions()
    log = ProblemLog()
    library = library or log.attempt(lambda: load_library(options.content))
    log.raise_if_any()
    assert library is not None
    request = deck_request(library, modules, options, log)
    log.raise_if_any()
    rendered = write_deck(plan_deck(request), request)
    return _finish(out, rendered, ("deck", modules, "facilitator"), log, options.force)


@dataclass(frozen=True)
class AgendaOptions:
    """Everything `kit agenda` can be told besides the id and output path."""

    facilitator: bool = False
    start: str | None = None
    date: str | None = None
    venue: str | None = None
    org: Path | None = None
    deck: tuple[str, ...] = ()
    deck_title: str | None = None
    format: str = "docx"
    content: tuple[Path, ...] = ()
    force: bool = False  # write through `out` when it is a symbolic link


def build_agenda(
    agenda_id: str,
    out: Path | None,
    options: AgendaOptions | None = None,
    library: Library | None = None,
) -> tuple[BuildResult, bytes]:
    """Build a participant or facilitator agenda (.docx, or Markdown when format is md).

    Returns the result and the bytes (so Markdown can go to stdout when `out` is None).

    Raises:
        KitError: every problem in the inputs; nothing is written.
    """
    from compassion_kit import requests

    options = options or AgendaOptions()
    log = ProblemLog()
    library = library or log.attempt(lambda: load_library(options.content))
    log.raise_if_any()
    assert library is not None
    timed = _schedule(library, agenda_id, options.start, log)
    _check_option_text(log, date=options.date, venue=options.venue)
    brand, logo = _brand_and_logo(options.org, log)
    numbers = _slide_numbers(library, options, agenda_id, brand, logo, log)
    log.raise_if_any()
    assert timed is not None and brand is not None
    audience = "facilitator" if options.facilitator else "participant"
    request = requests.agenda_request(
        timed,
        brand,
        logo,
        audience=audience,
        slide_numbers=numbers,
        titles=(requests.slide_titles(library), requests.item_titles(library)),
        date=options.date,
        venue=options.venue,
    )
    rendered = requests.render_agenda(request, options.format)
    result = _finish(out, rendered, ("agenda", [agenda_id], audience), log, options.force)
    return result, rendered.data


def _slide_numbers(
    library: Library,
    options: AgendaOptions,
    agenda_id: str,
    brand: Brand | None,
    logo: Logo | None,
    log: ProblemLog,
) -> dict[str, int] | None:
    """Slide numbers of the deck `kit build-deck` would build with the same options."""
    if not options.deck or brand is None:
        return None
    from compassion_kit.render.deck import plan_deck, slide_numbers

    deck_options = DeckOptions(
        org=options.org,
        title=options.deck_title,
        date=options.date,
        venue=options.venue,
        agenda=agenda_id,
        start=options.start,
    )
    request = deck_request(library, options.deck, deck_options, log, brand, logo)
    if request is None:
        return None
    return slide_numbers(plan_deck(request))


@dataclass(frozen=True)
class PrintOptions:
    """Options shared by `kit worksheet` and `kit handout`."""

    org: Path | None = None
    team: str | None = None
    date: str | None = None
    facilitator: bool = False
    content: tuple[Path, ...] = ()
    force: bool = False  # write through `out` when it is a symbolic link


def build_worksheets(
    ids: Sequence[str],
    out: Path,
    options: PrintOptions | None = None,
    library: Library | None = None,
) -> BuildResult:
    """Build one .docx holding the worksheets, each starting on a new page."""
    return _build_print(ids, out, options or PrintOptions(), library, "worksheet")


def build_handouts(
    ids: Sequence[str],
    out: Path,
    options: PrintOptions | None = None,
    library: Library | None = None,
) -> BuildResult:
    """Build one .docx holding the handouts, each starting on a new page."""
    return _build_print(ids, out, options or PrintOptions(), library, "handout")


def _build_print(
    ids: Sequence[str], out: Path, options: PrintOptions, library: Library | None, kind: str
) -> BuildResult:
    from compassion_kit import requests

    log = ProblemLog()
    library = library or log.attempt(lambda: load_library(options.content))
    log.raise_if_any()
    assert library is not None
    items = _items_of_kind(library, ids, kind, log, f"{kind} id")
    _check_option_text(log, team=options.team, date=options.date)
    brand, logo = _brand_and_logo(options.org, log)
    log.raise_if_any()
    assert brand is not None
    audience = "facilitator" if options.facilitator else "participant"
    request = requests.print_request(
        items, brand, logo, team=options.team, date=options.date, audience=audience
    )
    rendered = requests.render_printed(kind, request)
    return _finish(out, rendered, (f"{kind}s", ids, audience), log, options.force)


def _check_option_text(log: ProblemLog, **options: str | None) -> None:
    """Text typed on the command line gets the check text in content files gets."""
    from compassion_kit.model import unusable_character

    for name, value in options.items():
        message = unusable_character(value) if value else None
        if message is not None:
            hint = f"type --{name} again without it (it often comes from pasted text)"
            log.add(Problem(message, field=f"--{name}", hint=hint))


def handouts_of_element(library: Library, element: str) -> list[str]:
    """Ids of every handout in a pack element (intro, 1-4, related), in library order."""
    return [h.id for h in library.items("handout") if h.element == element]


def require_ids(library: Library, ids: Sequence[str]) -> None:
    """Raise a ContentError naming every id that is not in the library."""
    missing = [i for i in ids if i not in library.entries]
    if missing:
        raise ContentError([unknown_id_problem(library, i, "item") for i in missing])


def validate(paths: Sequence[Path], content: Sequence[Path] = ()) -> list[str]:
    """Check content folders/files and organisation profiles; return what was checked.

    With no paths, checks the bundled library (plus `content`). A YAML file with a `kind`
    is a content item; one without is read as an organisation profile.

    Raises:
        KitError: every problem found in every path.
    """
    from compassion_kit.loading import read_yaml
    from compassion_kit.profile import load_brand

    log = ProblemLog()
    checked: list[str] = []
    items: list[Path] = list(content)
    for path in paths:
        if path.exists() and not path.is_dir():  # a device or FIFO is refused as a file
            doc = log.attempt(lambda p=path: read_yaml(p))  # type: ignore[misc]
            if doc is None:
                continue
            if "kind" not in doc.data and "name" in doc.data:
                if log.attempt(lambda p=path: load_brand(p)) is not None:  # type: ignore[misc]
                    checked.append(f"{path}: organisation profile")
                continue
        items.append(path)
    if paths and not items:  # only organisation profiles were given
        log.raise_if_any()
        return checked
    # User content is checked as the commands use it: on top of the bundled library, so
    # that references to bundled slides and worksheets resolve.
    library = log.attempt(lambda: load_library(items))
    log.raise_if_any()
    if library is not None:
        count = len(library.user_ids) if paths else len(library.entries)
        where = ", ".join(str(p) for p in items) if paths else "the bundled library"
        checked.append(f"{where}: {count} item{'s' if count != 1 else ''}")
        checked.extend(library.overrides)
    return checked


if TYPE_CHECKING:
    from compassion_kit.pack import PackOptions, PackResult, Progress


def build_pack(
    spec: Path,
    out: Path,
    options: PackOptions | None = None,
    progress: Progress | None = None,
) -> PackResult:
    """Build a whole workshop pack (or one per organisation with `options.orgs`), for `kit build`.

    See `compassion_kit.pack.build_pack`; `PackOptions` and `PackResult` live there.

    Raises:
        KitError: every problem in the spec, content, organisation or output folder.
    """
    from compassion_kit import pack

    return pack.build_pack(spec, out, options, progress)


# Below: `kit check`.
if TYPE_CHECKING:
    from compassion_kit.check import CheckReport


def check_files(
    paths: Sequence[Path], org: Path | None = None, profile: str = "screen"
) -> CheckReport:
    """Check .pptx and .docx files (folders are searched) for accessibility and NHS identity.

    Returns a `compassion_kit.check.CheckReport`; its `failed` is True when any finding is an
    error. `org` is an organisation profile, or a workshop spec with its organisation written
    in. Without it, fonts and colours are held to the NHS defaults and no logo is checked.

    Raises:
        ContentError: a path does not exist or holds no .pptx/.docx file, or the organisation
            profile or its logo cannot be read.
    """
    from compassion_kit import check

    problems = [
        Problem("there is no such file or folder", Location(p)) for p in paths if not p.exists()
    ]
    if not problems and not check.files_to_check(paths):
        problems.append(Problem("there is no .pptx or .docx file to check", Location(paths[0])))
    if problems:
        raise ContentError(problems)
    return check.check_files(paths, _brand_to_check(org) if org else None, profile)


def _brand_to_check(org: Path) -> Brand | None:
    """The brand of an organisation profile, or of a workshop spec's own organisation."""
    from compassion_kit.loading import read_yaml
    from compassion_kit.pack.spec import load_spec
    from compassion_kit.profile import load_brand

    data = read_yaml(org).data
    if isinstance(data, dict) and "organisation" in data and "title" in data:
        return load_spec(org).brand
    return load_brand(org)
