"""`kit script`: the facilitator's script of a finished deck, as a Word document."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from compassion_kit import requests
from compassion_kit.build._written import finish
from compassion_kit.errors import ProblemLog
from compassion_kit.records import FileRecord


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
    from compassion_kit.facilitator_script import read_deck, script_of_deck
    from compassion_kit.pdf import find_soffice, missing_problem

    options = options or ScriptOptions()
    log = ProblemLog()
    log.attempt(lambda: read_deck(deck))
    brand, logo = requests.brand_and_logo(options.org, log)
    if find_soffice() is None:
        log.add(missing_problem())
    log.raise_if_any()
    assert brand is not None
    rendered = script_of_deck(deck, brand, logo, out.resolve().parent)
    return finish(out, rendered, ("script", [deck.stem], "facilitator"), log, options.force)
