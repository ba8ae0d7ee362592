"""`kit worksheet` and `kit handout`: printable sheets, one document each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from compassion_kit import requests
from compassion_kit.build._written import finish
from compassion_kit.errors import ProblemLog
from compassion_kit.library import Library, load_library
from compassion_kit.records import FileRecord


@dataclass(frozen=True)
class PrintOptions:
    """Options shared by `kit worksheet` and `kit handout`."""

    org: Path | None = None
    team: str | None = None
    date: str | None = None
    facilitator: bool = False
    content: tuple[Path, ...] = ()
    template: Path | None = None  # the organisation's Word template (.docx or .dotx)
    force: bool = False  # write through `out` when it is a symbolic link


def build_worksheets(
    ids: Sequence[str],
    out: Path,
    options: PrintOptions | None = None,
    library: Library | None = None,
) -> FileRecord:
    """Build one .docx holding the worksheets, each starting on a new page."""
    return _build_print(ids, out, options or PrintOptions(), library, "worksheet")


def build_handouts(
    ids: Sequence[str],
    out: Path,
    options: PrintOptions | None = None,
    library: Library | None = None,
) -> FileRecord:
    """Build one .docx holding the handouts, each starting on a new page."""
    return _build_print(ids, out, options or PrintOptions(), library, "handout")


def handouts_of_element(library: Library, element: str) -> list[str]:
    """Ids of every handout in a pack element (intro, 1-4, related), in library order."""
    return [h.id for h in library.items("handout") if h.element == element]


def _build_print(
    ids: Sequence[str], out: Path, options: PrintOptions, library: Library | None, kind: str
) -> FileRecord:
    log = ProblemLog()
    library = library or log.attempt(lambda: load_library(options.content))
    log.raise_if_any()
    assert library is not None
    items = requests.items_of_kind(library, ids, kind, log, f"{kind} id")
    requests.check_option_text(log, team=options.team, date=options.date)
    brand, logo = requests.brand_and_logo(options.org, log)
    requests.note_document_template(options.template)  # never written over
    log.raise_if_any()
    assert brand is not None
    audience = "facilitator" if options.facilitator else "participant"
    request = requests.print_request(
        items,
        brand,
        logo,
        team=options.team,
        date=options.date,
        audience=audience,
        template=options.template,
    )
    rendered = requests.render_printed(kind, request)
    return finish(out, rendered, (f"{kind}s", ids, audience), log, options.force)
