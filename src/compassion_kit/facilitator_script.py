"""The facilitator's script of a finished deck: read the .pptx, picture its slides, write Word.

Owns the steps `kit script` and packs share (reading the deck, thumbnails from its PDF, the
plan and the writer); where the PDF comes from and where the file goes is theirs.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from compassion_kit.errors import ContentError, Location, OutputError, Problem

if TYPE_CHECKING:
    from compassion_kit.check.sources import SlideFacts
    from compassion_kit.logo import Logo
    from compassion_kit.profile import Brand
    from compassion_kit.render import RenderedFile
    from compassion_kit.render.plan.script import ScriptSession
    from compassion_kit.timing import Schedule

THUMBNAIL_WIDTH = 480  # pixels: readable at the printed size (about 9 cm), small files


def script_document(
    deck: Path,
    deck_pdf: Path,
    brand: Brand,
    logo: Logo | None,
    sessions: Sequence[ScriptSession] = (),
) -> RenderedFile:
    """The script (.docx bytes) of `deck`, its thumbnails drawn from `deck_pdf` (its PDF).

    `sessions` are the deck's agenda sessions with their materials when known (a pack), so
    each slide lists its session's materials; without them the deck's own text is read.

    Raises:
        ContentError: `deck` is not a readable .pptx.
    """
    from compassion_kit.render.docx.script import write_script  # python-docx only now
    from compassion_kit.render.plan.script import plan_script
    from compassion_kit.thumbnails import page_pngs

    title, slides = read_deck(deck)
    return write_script(
        plan_script(title, slides, sessions), brand, logo, page_pngs(deck_pdf, THUMBNAIL_WIDTH)
    )


def agenda_sessions(schedule: Schedule | None) -> tuple[ScriptSession, ...]:
    """The script's view of an agenda laid out on the clock: each session's slot, title and
    what it needs (its materials, then what its facilitator notes say to have ready)."""
    from compassion_kit.render.plan.script import ScriptSession

    if schedule is None:
        return ()
    result = []
    for timed in schedule.sessions:
        notes = timed.session.facilitator
        needs = [*timed.session.materials, *(notes.ready if notes is not None else [])]
        result.append(ScriptSession(timed.slot, str(timed.session.title), tuple(needs)))
    return tuple(result)


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
        problem = Problem(f"the file {exc.message}", Location(deck), hint=exc.hint)
        raise ContentError([problem]) from None
    slides = deck_slides(presentation)
    title = presentation.core_properties.title or (slides[0].title if slides else deck.stem)
    return title, slides


def deck_pdf_in(deck: Path, work: Path) -> Path:
    """A PDF of `deck` made by LibreOffice in the folder `work`.

    Raises:
        OutputError: LibreOffice is missing or could not convert the deck.
    """
    from compassion_kit.pdf import export_pdfs

    pdf = export_pdfs([[deck]], work).get(deck)
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
    return pdf


def script_of_deck(deck: Path, brand: Brand, logo: Logo | None, work: Path) -> RenderedFile:
    """The script of `deck`, its PDF made in a temporary folder inside `work` and removed."""
    work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".kit-script-", dir=work) as folder:
        return script_document(deck, deck_pdf_in(deck, Path(folder)), brand, logo)
