"""Read and check a workshop spec, and prepare what all of its packs share.

Owns the spec's problems (every one, with file:line, before anything is built) and the work
done once per run: the library, the agenda schedules, the organisation named in the spec.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from compassion_kit import requests
from compassion_kit.aliases import current_workshop
from compassion_kit.errors import ContentError, Problem, ProblemLog, warning_lines
from compassion_kit.inputs import note_input
from compassion_kit.library import Library, display_path, load_library, unknown_id_problem
from compassion_kit.loading import YamlDocument, read_yaml
from compassion_kit.model import Organisation
from compassion_kit.model.validate import validate_parts
from compassion_kit.model.workshop import Workshop
from compassion_kit.pack.prints import pack_prints, print_warnings
from compassion_kit.print_plan import PrintPlan
from compassion_kit.profile import Brand, profile_problems, read_brand

if TYPE_CHECKING:
    from compassion_kit.logo import Logo
    from compassion_kit.timing import Schedule

T = TypeVar("T")
_Where = tuple[str | int, ...]


@dataclass(frozen=True)
class Spec:
    """A checked workshop spec plus everything every organisation's pack shares.

    `brand` and `logo` are the spec's own organisation; None when `--orgs` replaces it.
    `schedules` holds each agenda used, laid out from the workshop's start time.
    """

    path: Path
    workshop: Workshop
    library: Library
    formats: tuple[str, ...]
    schedules: Mapping[str, Schedule]
    slide_titles: Mapping[str, str]
    library_titles: Mapping[str, str]
    brand: Brand | None = None
    logo: Logo | None = None
    templates: Mapping[str, Path] = field(default_factory=dict)  # "deck"/"document" -> file
    notes: tuple[str, ...] = ()
    """Warnings found while loading (e.g. a brand colour too light for text), as lines"""
    prints: PrintPlan = field(default_factory=PrintPlan)
    """What to print: the spec's worksheets and handouts merged with its agendas' print lists"""


def load_spec(path: Path, *, own_organisation: bool = True, pdf: bool = False) -> Spec:
    """Read `path`, check it against the library, and prepare what its packs share.

    With `own_organisation`, the spec's `organisation` is loaded (and its logo checked);
    otherwise it is ignored, as `--orgs` gives the organisations. `pdf` adds PDF files as if
    `formats` listed pdf.

    Raises:
        KitError: every problem in the spec, the content it names, the organisation and
            its logo, and a missing LibreOffice when PDFs are wanted; nothing is built.
    """
    doc = read_yaml(path, display_path=display_path(path))
    # With mistakes in its fields, the rest of the spec is still checked (ids, organisation,
    # logo), so one run reports everything; checks a left-out field would mislead are skipped.
    # A wrong title stands in as "workshop" meanwhile: no output is made after a mistake.
    workshop, problems = validate_parts(doc, Workshop, stand_ins={"title": "workshop"})
    if workshop is None:
        raise ContentError(problems)
    log = ProblemLog()
    log.extend(problems)
    wrong = {p.field.split(".")[0] for p in problems if p.field}
    base = path.parent
    library = None
    if "content" not in wrong:
        folders = [base / c for c in workshop.content]
        library = log.attempt(lambda: load_library(folders))
    formats = tuple(dict.fromkeys([*workshop.formats, *(["pdf"] if pdf else [])]))
    schedules: dict[str, Schedule] = {}
    if library is not None:
        log.extend(library.warnings)
        workshop, renamed = current_workshop(workshop, library.aliases, doc.locate)
        log.extend(renamed)  # former ids still work, with a warning naming the spec's line
        _check_ids(workshop, library, doc, log)
        schedules = _schedules(workshop, library, doc, log)
    if not problems:
        _check_outputs(workshop, formats, doc, log)
    # No organisation after a mistake: the mistake may be the organisation (`organisaton:`),
    # already reported with a suggestion, so "names no organisation" would be said twice.
    if own_organisation and not (problems and workshop.organisation is None):
        brand, logo = _organisation(workshop, doc, path, log)
    else:
        brand, logo = None, None
    if "pdf" in formats:
        _check_soffice(doc, pdf and "pdf" not in workshop.formats, log)
    templates = _templates(workshop, doc, base, log)
    log.raise_if_any()
    assert library is not None
    # Only for a spec without mistakes: its warnings would be noise among errors.
    prints = pack_prints(workshop, library, schedules)
    log.extend(print_warnings(workshop, prints, doc))
    return Spec(
        path=doc.path,
        workshop=workshop,
        library=library,
        formats=formats,
        schedules=schedules,
        slide_titles=requests.slide_titles(library),
        library_titles=requests.item_titles(library),
        brand=brand,
        logo=logo,
        templates=templates,
        notes=warning_lines(log.problems),
        prints=prints,
    )


def _templates(
    workshop: Workshop, doc: YamlDocument, base: Path, log: ProblemLog
) -> dict[str, Path]:
    """The spec's `templates`, found relative to it and recorded as inputs (never written
    over); a problem at its line for each that is not a file."""
    found: dict[str, Path] = {}
    given = workshop.templates
    for kind in ("deck", "document"):
        name = getattr(given, kind) if given is not None else None
        if name is None:
            continue
        path = base / name
        if not path.is_file():
            log.add(
                Problem(
                    f"the {kind} template '{name}' does not exist in {base}",
                    doc.locate(("templates", kind)),
                    field=f"templates.{kind}",
                    hint="template paths are relative to the spec",
                )
            )
            continue
        note_input(path)
        found[kind] = path
    return found


def _check_ids(workshop: Workshop, library: Library, doc: YamlDocument, log: ProblemLog) -> None:
    """A problem, at its line, for every id that is not an item of the kind it must be."""
    wanted: list[tuple[str, str, _Where]] = []
    if workshop.deck is not None:
        wanted += [(m, "deck", ("deck", "modules", i)) for i, m in enumerate(workshop.deck.modules)]
        if workshop.deck.agenda is not None:
            wanted.append((workshop.deck.agenda, "agenda", ("deck", "agenda")))
    wanted += [(a, "agenda", ("agendas", i)) for i, a in enumerate(workshop.agendas)]
    wanted += [(w.id, "worksheet", ("worksheets", i)) for i, w in enumerate(workshop.worksheets)]
    wanted += [(h.id, "handout", ("handouts", i)) for i, h in enumerate(workshop.handouts)]
    for item_id, kind, where in wanted:
        entry = library.entries.get(item_id)
        if entry is None or entry.item.kind != kind:
            problem = unknown_id_problem(library, item_id, kind, doc.locate(where))
            log.add(replace(problem, field=".".join(str(p) for p in where)))


def _schedules(
    workshop: Workshop, library: Library, doc: YamlDocument, log: ProblemLog
) -> dict[str, Schedule]:
    """Each agenda the spec uses, laid out from its start time; timing problems are logged.

    A problem caused by the spec's start time names the spec's line in its hint.
    """
    from compassion_kit.model import Agenda
    from compassion_kit.timing import schedule

    ids = [*workshop.agendas, *([workshop.deck.agenda] if workshop.deck else [])]
    found: dict[str, Schedule] = {}
    for agenda_id in dict.fromkeys(i for i in ids if i is not None):
        entry = library.entries.get(agenda_id)
        if entry is None or not isinstance(entry.item, Agenda):
            continue  # already reported by _check_ids
        timed, problems = schedule(entry.item, workshop.start, entry.doc.locate)
        if workshop.start is not None:
            where = doc.locate(("start",))
            hint = f"{where}: this spec starts the day at {workshop.start}; change it there"
            problems = [replace(p, hint=hint) for p in problems]
        log.extend(problems)
        found[agenda_id] = timed
    return found


def _check_outputs(
    workshop: Workshop, formats: tuple[str, ...], doc: YamlDocument, log: ProblemLog
) -> None:
    """The spec asks for something, in a format that can hold it."""
    documents = workshop.agendas or workshop.worksheets or workshop.handouts
    if workshop.deck is None and not documents:
        log.add(
            Problem(
                "the workshop asks for no materials",
                doc.locate(()),
                hint="add a deck, agendas, worksheets or handouts (see `kit init`)",
            )
        )
    for wanted, fmt, what in ((workshop.deck, "pptx", "a deck"), (documents, "docx", "documents")):
        if wanted and fmt not in formats and "pdf" not in formats:
            log.add(
                Problem(
                    f"the workshop has {what} but 'formats' has neither {fmt} nor pdf",
                    doc.locate(("formats",)),
                    field="formats",
                    hint=f"add {fmt} (or pdf) to formats",
                )
            )


def _organisation(
    workshop: Workshop, doc: YamlDocument, path: Path, log: ProblemLog
) -> tuple[Brand | None, Logo | None]:
    """The spec's organisation (a profile file or written inline) and its checked logo."""
    from compassion_kit.logo import load_logo

    given = workshop.organisation
    if given is None:
        log.add(
            Problem(
                "the workshop names no organisation",
                doc.locate(()),
                hint="add 'organisation: org.yaml' (a profile beside this file), or build "
                "for many organisations with --orgs orgs.csv",
            )
        )
        return None, None
    if isinstance(given, Organisation):
        brand: Brand | None = _inline_brand(given, doc, path)
        assert brand is not None
        log.extend(profile_problems(brand))
    elif not (path.parent / given).is_file():
        log.add(
            Problem(
                f"the profile '{given}' does not exist in {path.parent}",
                doc.locate(("organisation",)),
                field="organisation",
                hint="profile paths are relative to the spec; or write the profile here",
            )
        )
        return None, None
    else:
        found = log.attempt(lambda: read_brand(path.parent / given))
        brand, problems = found or (None, [])
        log.extend(problems)
    if brand is None:
        return None, None
    # A wrong `logo` field was left out of the brand, so any logo left is worth checking.
    return brand, log.attempt(lambda: load_logo(brand))


def _inline_brand(organisation: Organisation, doc: YamlDocument, path: Path) -> Brand:
    """A brand for a profile written in the spec; its fields are located in the spec.

    The logo is found relative to the spec, as it would be relative to a profile file.
    """
    inner = YamlDocument(doc.path, doc.data.get("organisation"), lines=doc.lines)
    for source, target in ((doc.value_marks, inner.value_marks), (doc.key_marks, inner.key_marks)):
        for where, mark in source.items():
            if where[:1] == ("organisation",):
                target[where[1:]] = mark
    inner.scalars = {w[1:] for w in doc.scalars if w[:1] == ("organisation",)}
    return Brand(organisation, path, inner)


def _check_soffice(doc: YamlDocument, from_flag: bool, log: ProblemLog) -> None:
    from compassion_kit.pdf import find_soffice, missing_problem

    if find_soffice() is None:
        log.add(missing_problem(None if from_flag else doc.locate(("formats",))))
