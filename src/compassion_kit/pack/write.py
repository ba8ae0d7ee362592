"""Render one organisation's pack into a folder, then finish it: PDFs, checklist, manifest.

Owns turning the plan into files and describing them in manifest.json; replacing the output
folder safely is `folder.py`'s business, building for many organisations `batch.py`'s.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compassion_kit import __version__, requests
from compassion_kit.errors import Location, OutputError, Problem, ProblemLog
from compassion_kit.pack.checklist import checklist
from compassion_kit.pack.folder import GENERATOR, MANIFEST
from compassion_kit.pack.plan import FACILITATOR, SCRIPT, PackFile, file_prefix, plan_files
from compassion_kit.pack.prints import print_json
from compassion_kit.records import FileRecord
from compassion_kit.records import record as new_record

if TYPE_CHECKING:
    from compassion_kit.logo import Logo
    from compassion_kit.pack.spec import Spec
    from compassion_kit.profile import Brand
    from compassion_kit.render import RenderedFile
    from compassion_kit.timing import Schedule

CHECKLIST = "checklist.md"


def pack_files(spec: Spec, slug: str) -> tuple[PackFile, ...]:
    """The pack's Office files, their worksheets and handouts from the spec's print plan."""
    prefix = file_prefix(slug, spec.workshop.date)
    return plan_files(spec.workshop, spec.library, prefix, spec.prints)


def _record(name: str, file: PackFile, data: bytes, fmt: str, **extra: Any) -> FileRecord:
    return new_record(name, file.kind, fmt, file.items, file.audience, data, **extra)


def render_pack(
    spec: Spec,
    brand: Brand,
    logo: Logo | None,
    folder: Path,
    slug: str,
    side_by_side: bool = False,
) -> tuple[FileRecord, ...]:
    """Write every Office file of one organisation's pack into `folder` (its parent must exist).

    With `side_by_side` (a single pack, not a batch's worker), the deck is written by a child
    process while this one writes the documents, where the machine allows (`side_by_side.py`).

    Raises:
        KitError: a problem only this organisation has (e.g. its template or colours).
    """
    from compassion_kit.render.deck import slide_numbers

    files = pack_files(spec, slug)
    # Not parents=True: a worker still running after an interrupt must not re-create the
    # temporary folder the parent has just removed.
    folder.mkdir(exist_ok=True)
    deck = _deck(spec, brand, logo) if spec.workshop.deck is not None else None
    numbers = slide_numbers(deck[1]) if deck is not None else None
    decks = [f for f in files if f.kind == "deck"]
    others = [f for f in files if f.kind != "deck"]
    pending = None
    if decks and others and side_by_side:
        from compassion_kit.pack.side_by_side import begin

        pending = begin(lambda: _deck_file(deck))
    try:
        written = _write_documents(spec, brand, logo, folder, others, numbers)
    except BaseException:
        if pending is not None:
            pending.cancel()
        raise
    records = {r.path: r for r in written}
    for file in decks:
        rendered = pending.result() if pending is not None else _deck_file(deck)
        records[file.name] = _write(folder, file, rendered)
    return tuple(records[file.name] for file in files)


def _write_documents(
    spec: Spec,
    brand: Brand,
    logo: Logo | None,
    folder: Path,
    files: Sequence[PackFile],
    numbers: Mapping[str, int] | None,
) -> list[FileRecord]:
    """Write the agendas, worksheets and handouts in `files`; `numbers` are the deck's slides."""
    records = []
    for file in files:
        if file.kind == "agenda":
            rendered = _agenda(spec, brand, logo, file, numbers)
        else:
            rendered = _printed(spec, brand, logo, file)
        records.append(_write(folder, file, rendered))
    return records


def _deck_file(deck: tuple[Any, Any] | None) -> RenderedFile:
    from compassion_kit.render.deck import write_deck

    assert deck is not None
    return write_deck(deck[1], deck[0])


def _write(folder: Path, file: PackFile, rendered: RenderedFile) -> FileRecord:
    (folder / file.name).write_bytes(rendered.data)
    slides = rendered.units if file.format == "pptx" else None
    return _record(
        file.name, file, rendered.data, file.format, slides=slides, warnings=rendered.warnings
    )


def _deck(spec: Spec, brand: Brand, logo: Logo | None) -> tuple[Any, Any]:
    """The deck's request and plan; the plan also numbers slides for the facilitator agenda."""
    from compassion_kit.render.deck import plan_deck

    workshop = spec.workshop
    assert workshop.deck is not None
    options = requests.DeckOptions(
        title=workshop.deck.title or workshop.title,
        date=workshop.display_date,
        venue=workshop.venue,
        facilitator=", ".join(workshop.facilitators) or None,
        agenda=workshop.deck.agenda,
        start=workshop.start,
        template=spec.templates.get("deck"),
    )
    log = ProblemLog()
    request = requests.deck_request(spec.library, workshop.deck.modules, options, log, brand, logo)
    log.raise_if_any()
    assert request is not None
    return request, plan_deck(request)


def _agenda(
    spec: Spec, brand: Brand, logo: Logo | None, file: PackFile, numbers: Mapping[str, int] | None
) -> RenderedFile:
    request = requests.agenda_request(
        spec.schedules[file.items[0]],
        brand,
        logo,
        audience=file.audience,
        slide_numbers=numbers,
        titles=(spec.slide_titles, spec.library_titles),
        date=spec.workshop.display_date,
        venue=spec.workshop.venue,
    )
    # The run sheet shows the pack's print plan, so it lists what checklist.md lists; a pack
    # of one day's agenda is titled as the workshop, like its deck.
    single = len(spec.workshop.agendas) == 1
    title = spec.workshop.title if single else None
    request = replace(request, prints=spec.prints, title=title)
    return requests.render_agenda(request, template=spec.templates.get("document"))


def _printed(spec: Spec, brand: Brand, logo: Logo | None, file: PackFile) -> RenderedFile:
    request = requests.print_request(
        [spec.library.get(i) for i in file.items],
        brand,
        logo,
        team=spec.workshop.team,
        date=spec.workshop.display_date,
        audience=file.audience,
        template=spec.templates.get("document"),
    )
    return requests.render_printed(file.kind, request)


def add_script(
    folder: Path,
    records: Sequence[FileRecord],
    brand: Brand,
    logo: Logo | None,
    schedule: Schedule | None = None,
) -> tuple[FileRecord, ...]:
    """`records` and the facilitator's script (.docx) of the pack's deck, written in `folder`.

    Its thumbnails come from the deck's PDF, so this runs after `add_pdfs`; a pack without a
    deck (or without its PDF) gets no script. `schedule` is the deck's agenda, whose sessions'
    materials the script lists slide by slide.
    """
    from compassion_kit.facilitator_script import agenda_sessions, script_document

    deck = next((r for r in records if r.kind == "deck" and r.format == "pptx"), None)
    stem = deck.path.rpartition(".")[0] if deck is not None else ""
    if deck is None or not (folder / f"{stem}.pdf").is_file():
        return tuple(records)
    name = f"{stem.removesuffix('-deck')}-{SCRIPT}.docx"
    sessions = agenda_sessions(schedule)
    rendered = script_document(folder / deck.path, folder / f"{stem}.pdf", brand, logo, sessions)
    file = PackFile(name, SCRIPT, "docx", deck.items, FACILITATOR)
    return (*records, _write(folder, file, rendered))


def add_pdfs(
    folder: Path,
    records: Sequence[FileRecord],
    converted: Mapping[Path, Path],
    only: str | None = None,
) -> tuple[FileRecord, ...]:
    """Move each file's PDF from `converted` into `folder` and describe it (with pages).

    With `only`, just the records of that kind get their PDF; the others are kept as they are.

    Raises:
        OutputError: LibreOffice made no PDF of one of the files.
    """
    from compassion_kit.pdf import page_count

    result: list[FileRecord] = []
    missing = []
    for record in records:
        if only is not None and record.kind != only:
            result.append(record)
            continue
        made = converted.get(folder / record.path)
        if made is None:
            missing.append(
                Problem("LibreOffice could not convert it to PDF", Location(folder / record.path))
            )
            continue
        target = folder / f"{record.path.rpartition('.')[0]}.pdf"
        made.replace(target)
        data = target.read_bytes()
        pages = page_count(data)
        result.append(replace(record, pages=pages))
        pdf = PackFile(target.name, record.kind, "pdf", record.items, record.audience)
        result.append(_record(target.name, pdf, data, "pdf", pages=pages))
    if missing:
        raise OutputError(missing)
    return tuple(result)


def deck_schedule(spec: Spec) -> Schedule | None:
    """The agenda the pack's deck is timed by, laid out on the clock, if it has one."""
    deck = spec.workshop.deck
    return spec.schedules.get(deck.agenda) if deck is not None and deck.agenda else None


def finish_pack(
    spec: Spec,
    organisation: str,
    slug: str,
    folder: Path,
    records: Sequence[FileRecord],
) -> dict[str, Any]:
    """Drop Office files the formats do not keep, write checklist.md and manifest.json.

    Returns:
        The manifest, as written to `folder / "manifest.json"`.
    """
    files = pack_files(spec, slug)
    kept = []
    for record in records:
        if record.format in ("pptx", "docx") and record.format not in spec.formats:
            (folder / record.path).unlink()
        else:
            kept.append(record)
    slides = next((r.slides for r in records if r.kind == "deck" and r.slides), None)
    text = checklist(
        spec.workshop,
        spec.library,
        spec.schedules,
        organisation,
        files,
        spec.formats,
        slides,
        spec.prints,
    )
    data = text.encode("utf-8")
    (folder / CHECKLIST).write_bytes(data)
    sheet = PackFile(CHECKLIST, "checklist", "md", (), FACILITATOR)
    kept.append(_record(CHECKLIST, sheet, data, "md"))
    manifest = {
        "generator": GENERATOR,
        "version": __version__,
        "workshop": spec.workshop.title,
        "organisation": organisation,
        "slug": slug,
        "date": spec.workshop.date,
        "formats": list(spec.formats),
        "files": [r.as_json() for r in kept],
        "print": print_json(spec.prints, files, spec.formats),
    }
    write_json(folder / MANIFEST, manifest)
    return manifest


def write_json(path: Path, data: Any) -> None:
    """Write JSON the same way every time (UTF-8, two-space indent, final newline)."""
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
