"""Which files a contact sheet shows, and each one as a PDF to draw its pages from.

Owns expanding folders, refusing what cannot be shown (every problem at once), and turning
decks and documents into PDFs with LibreOffice in as few runs as possible (`pdf.export_pdfs`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from compassion_kit.errors import ContentError, Location, OutputError, Problem
from compassion_kit.inputs import InputError, read_input

OFFICE = {".pptx": "slide", ".docx": "page"}
SHOWN = (*OFFICE, ".pdf")
INSTALL_HINT = (
    "install LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-impress "
    "libreoffice-writer; Windows and macOS: from libreoffice.org, in its usual place), "
    "or preview the files' PDFs instead"
)


@dataclass(frozen=True)
class Source:
    """One file to show: where it is, its name on the sheet, and "slide" or "page"."""

    path: Path
    name: str
    noun: str


def collect(paths: Sequence[Path], leave_out: Sequence[Path] = ()) -> list[Source]:
    """The files `paths` name, in the order given; a folder gives its .pptx, .docx and .pdf
    files (and its subfolders'), sorted by path, each named by its path inside the folder.

    In a folder, a PDF beside a deck or document of the same name is its print copy and is
    left out, and so are hidden files, Office's lock files (~$name) and `leave_out` (the
    preview's own outputs, from an earlier run). Every file is read once, so that the output
    can never replace it.

    Raises:
        ContentError: naming every path that is missing, unreadable or not a file the
            preview can show, with the fix; or when there is nothing to show at all.
    """
    problems: list[Problem] = []
    found: list[Source] = []
    for given in paths:
        if given.is_dir():
            skip = {p.absolute() for p in leave_out}
            inside = [p for p in _folder_files(given) if p.absolute() not in skip]
            if not inside:
                problems.append(
                    Problem(
                        "the folder has no .pptx, .docx or .pdf files to show",
                        Location(given),
                        hint="give a pack folder that `kit build` wrote, or the files themselves",
                    )
                )
            found.extend(Source(p, p.relative_to(given).as_posix(), _noun(p)) for p in inside)
        elif given.suffix.lower() not in SHOWN and given.exists():
            problems.append(
                Problem(
                    f"kit preview shows .pptx, .docx and .pdf files, not '{given.suffix}'",
                    Location(given),
                    hint="save it as one of those (File > Save As) and preview that",
                )
            )
        else:
            found.append(Source(given, given.name, _noun(given)))
    for source in found:
        try:
            read_input(source.path, "office")
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)
    return found


def _folder_files(folder: Path) -> list[Path]:
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in SHOWN
        and p.is_file()
        and not any(part.startswith((".", "~$")) for part in p.relative_to(folder).parts)
    )
    office = {p.with_suffix("") for p in files if p.suffix.lower() in OFFICE}
    return [p for p in files if p.suffix.lower() != ".pdf" or p.with_suffix("") not in office]


def _noun(path: Path) -> str:
    return OFFICE.get(path.suffix.lower(), "page")


def as_pdfs(sources: Sequence[Source], workdir: Path) -> list[Path]:
    """Each source as a PDF, in order: PDFs as they are, decks and documents converted by
    LibreOffice into `workdir` (all in one run per kind of file where their names allow).

    Raises:
        OutputError: LibreOffice is needed but not installed, or could not be started.
        ContentError: LibreOffice could not convert a file (each one named).
    """
    from compassion_kit.pdf import export_pdfs, find_soffice

    office = [s.path for s in sources if s.path.suffix.lower() in OFFICE]
    converted: dict[Path, Path] = {}
    if office and find_soffice() is None:
        raise OutputError(
            [
                Problem(
                    "kit preview draws .pptx and .docx files through LibreOffice (soffice), "
                    "which is not installed",
                    hint=INSTALL_HINT,
                )
            ]
        )
    for number, batch in enumerate(_by_stem(office)):
        converted.update(export_pdfs([batch], workdir / f"run-{number}"))
    failed = [
        Problem(
            "LibreOffice could not convert this file to draw it",
            Location(path),
            hint="open it in PowerPoint or Word; if it opens, save it again and preview that",
        )
        for path in office
        if path not in converted
    ]
    if failed:
        raise ContentError(failed)
    return [converted.get(s.path, s.path) for s in sources]


def _by_stem(paths: Sequence[Path]) -> list[list[Path]]:
    """`paths` in as few batches as possible with no file name (stem) twice in a batch: a
    LibreOffice run writes every PDF into one folder, named by the stem."""
    batches: list[list[Path]] = []
    for path in paths:
        for batch in batches:
            if all(other.stem != path.stem for other in batch):
                batch.append(path)
                break
        else:
            batches.append([path])
    return batches
