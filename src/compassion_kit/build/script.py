"""`kit script`: the facilitator's script of a finished deck, as a Word document."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from compassion_kit import requests
from compassion_kit.build._written import finish
from compassion_kit.errors import ContentError, Location, OutputError, Problem, ProblemLog
from compassion_kit.records import FileRecord

if TYPE_CHECKING:
    from compassion_kit.check.sources import SlideFacts

THUMBNAIL_WIDTH = 480  # pixels: readable at the printed size (about 9 cm), small files


@dataclass(frozen=True)
class ScriptOptions:
    """Options of `kit script`: the organisation's profile (branding) and `--force`."""

    org: Path | None = None
    force: bool = False  # write through `out` when it is a symbolic link


def build_script(deck: Path, out: Path, options: ScriptOptions | None = None) -> FileRecord:
    """Write the facilitator's script of `deck` (.pptx) to `out` (.docx).

    A run sheet, then for every slide a thumbnail (LibreOffice renders the deck), its title,
    time slot and complete presenter notes.

    Raises:
        KitError: the deck cannot be read, the profile has problems, LibreOffice is missing
            or cannot convert the deck, or `out` is not a .docx; nothing is written.
    """
    from compassion_kit.pdf import find_soffice, missing_problem
    from compassion_kit.render.plan.script import plan_script

    options = options or ScriptOptions()
    log = ProblemLog()
    read = log.attempt(lambda: read_deck(deck))
    brand, logo = requests.brand_and_logo(options.org, log)
    if find_soffice() is None:
        log.add(missing_problem())
    log.raise_if_any()
    assert read is not None and brand is not None
    title, slides = read
    thumbnails = deck_thumbnails(deck, out.resolve().parent)
    from compassion_kit.render.docx.script import write_script  # python-docx only now

    rendered = write_script(plan_script(title, slides), brand, logo, thumbnails)
    return finish(out, rendered, ("script", [deck.stem], "facilitator"), log, options.force)


def read_deck(deck: Path) -> tuple[str, tuple[SlideFacts, ...]]:
    """The deck's title (its properties', else its first slide's) and its slides.

    Raises:
        ContentError: the file is not a readable .pptx (named with what it really is).
    """
    from compassion_kit.check.ooxml import NotOffice
    from compassion_kit.check.opening import open_package
    from compassion_kit.check.sources import deck_slides

    if deck.suffix.lower() != ".pptx":
        raise ContentError(
            [
                Problem(
                    "kit script reads a PowerPoint deck (.pptx)",
                    Location(deck),
                    hint="give the .pptx that kit build or kit build-deck wrote",
                )
            ]
        )
    try:
        presentation = open_package(deck).document
    except NotOffice as exc:
        raise ContentError(
            [Problem(f"the file {exc.message}", Location(deck), hint=exc.hint)]
        ) from None
    slides = deck_slides(presentation)
    title = presentation.core_properties.title or (slides[0].title if slides else deck.stem)
    return title, slides


def deck_thumbnails(deck: Path, work: Path) -> list[bytes]:
    """A PNG of every slide: LibreOffice makes a PDF in a temporary folder inside `work`.

    Raises:
        OutputError: LibreOffice could not convert the deck.
    """
    from compassion_kit.pdf import export_pdfs
    from compassion_kit.thumbnails import page_pngs

    work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".kit-script-", dir=work) as folder:
        pdf = export_pdfs([[deck]], Path(folder)).get(deck)
        if pdf is None:
            raise OutputError(
                [
                    Problem(
                        "LibreOffice could not convert the deck to PDF for its thumbnails",
                        Location(deck),
                        hint="open it in PowerPoint, save it, and try again",
                    )
                ]
            )
        return page_pngs(pdf, THUMBNAIL_WIDTH)
