"""`kit preview`: a contact sheet of decks, documents and whole pack folders, as PNG sheets or
a tagged, printable PDF proof.

Owns putting the steps together and naming the outputs; which files and their PDFs are
`sources`', where things go `layout`'s, the pixels `draw`'s and the PDF `proof`'s.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compassion_kit.errors import ContentError, Location, OutputError, Problem
from compassion_kit.output import writable_path, write_atomic
from compassion_kit.preview.layout import FileShape, Sheet, SheetSize, plan_sheets, sheet_size
from compassion_kit.preview.sources import Source, as_pdfs, collect

__all__ = ["PreviewResult", "make_preview", "sheet_paths"]

PAPERS = ("a4", "letter")
SIZES = ("small", "medium", "large")


@dataclass(frozen=True)
class PreviewResult:
    """What `make_preview` wrote: the sheet files (or the one PDF), and what they show."""

    paths: tuple[Path, ...]
    files: tuple[str, ...]
    thumbnails: int
    sheets: tuple[Sheet, ...]
    warnings: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The result as plain JSON values."""
        return {
            "written": [str(p) for p in self.paths],
            "files": list(self.files),
            "thumbnails": self.thumbnails,
            "sheets": len(self.sheets),
            "warnings": list(self.warnings),
        }


def sheet_paths(output: Path, count: int) -> list[Path]:
    """The files `count` PNG sheets go to: `output` itself, then NAME-2.png, NAME-3.png..."""
    return [output] + [
        output.with_name(f"{output.stem}-{n}{output.suffix}") for n in range(2, count + 1)
    ]


def make_preview(
    paths: Sequence[Path],
    output: Path,
    *,
    as_pdf: bool = False,
    paper: str = "a4",
    size: str = "medium",
    force: bool = False,
) -> PreviewResult:
    """Draw every page of the files `paths` name (folders: their .pptx, .docx and .pdf files)
    as thumbnails with file names and slide/page numbers, and write the sheets.

    PNG sheets are 305 mm wide at 150 dpi, each as tall as what is on it (up to 406 mm); the
    first goes to `output`, more to `sheet_paths`. With `as_pdf`, one tagged PDF on landscape
    `paper` ("a4" or "letter"), a page per sheet. `size` is the thumbnails' size (small,
    medium, large). The same files always give the same bytes.

    Raises:
        ContentError: a path is missing, unreadable, not a kind the preview shows, or could
            not be converted (every one named).
        OutputError: LibreOffice is needed but missing; an output exists and `force` is false,
            or cannot be written.
    """
    writable_path(output, force=force)
    _refuse_existing([output], force)
    sources = collect(paths, leave_out=[output])
    layout = sheet_size(paper if as_pdf else "screen", size)
    with tempfile.TemporaryDirectory(prefix="kit-preview-") as work:
        pdfs = as_pdfs(sources, Path(work))
        shapes = _shapes(sources, pdfs)
        sheets = plan_sheets(shapes, layout)
        pictures = _render(pdfs, sheets)
    subject = ", ".join(p.absolute().name or str(p) for p in paths)
    targets, data = _sheet_files(output, as_pdf, subject, layout, sheets, shapes, pictures)
    _refuse_existing(targets, force)
    for target, content in zip(targets, data, strict=True):
        write_atomic(target, content, force=force)
    thumbnails = sum(len(s.tiles) for s in sheets)
    names = tuple(s.name for s in sources)
    return PreviewResult(
        tuple(targets), names, thumbnails, tuple(sheets), _left_over(output, len(targets), as_pdf)
    )


def _left_over(output: Path, count: int, as_pdf: bool) -> tuple[str, ...]:
    """A warning when an earlier, longer run left a sheet after the last one written now."""
    after = sheet_paths(output, count + 1)[-1]
    if as_pdf or not after.exists():
        return ()
    sheets = f"{count} sheet{'s' if count != 1 else ''}"
    return (f"{after} is left from an earlier preview (this one has {sheets}); delete it",)


def _sheet_files(
    output: Path,
    as_pdf: bool,
    subject: str,
    layout: SheetSize,
    sheets: Sequence[Sheet],
    shapes: Sequence[FileShape],
    pictures: dict[tuple[int, int], Any],
) -> tuple[list[Path], list[bytes]]:
    """The files to write and their bytes: the PNG sheets, or the one PDF proof."""
    if as_pdf:
        from compassion_kit.preview.proof import proof_pdf

        pages = _proof_pages(sheets, layout, subject, pictures, shapes)
        title = f"Contact sheet: {subject}"
        return [output], [proof_pdf(title, pages, _bookmarks(sheets, shapes))]
    from compassion_kit.preview.draw import png_bytes, sheet_picture, sheet_titles

    titles = sheet_titles(subject, len(sheets))
    pngs = [
        png_bytes(sheet_picture(s, layout, t, pictures))
        for s, t in zip(sheets, titles, strict=True)
    ]
    return sheet_paths(output, len(sheets)), pngs


def _refuse_existing(targets: Sequence[Path], force: bool) -> None:
    existing = [t for t in targets if t.exists() or t.is_symlink()]
    if existing and not force:
        raise OutputError(
            [
                Problem(
                    "the file already exists; nothing was written",
                    Location(t),
                    hint="choose another name with -o, or add --force to replace it",
                )
                for t in existing
            ]
        )


def _shapes(sources: Sequence[Source], pdfs: Sequence[Path]) -> list[FileShape]:
    """Each file's pages' proportions; a file with no pages is a problem."""
    from compassion_kit.thumbnails import page_sizes

    shapes, empty = [], []
    for source, pdf in zip(sources, pdfs, strict=True):
        sizes = page_sizes(pdf)
        if not sizes:
            empty.append(Problem("the file has no pages to show", Location(source.path)))
        shapes.append(FileShape(source.name, source.noun, tuple(w / h for w, h in sizes if h)))
    if empty:
        raise ContentError(empty)
    return shapes


def _render(pdfs: Sequence[Path], sheets: Sequence[Sheet]) -> dict[tuple[int, int], Any]:
    """Every page drawn once, as large as its file's cell on the sheets."""
    from compassion_kit.thumbnails import page_pictures

    cells = {tile.file: (tile.width, tile.height) for sheet in sheets for tile in sheet.tiles}
    pictures: dict[tuple[int, int], Any] = {}
    for index, box in sorted(cells.items()):
        for page, picture in enumerate(page_pictures(pdfs[index], box), start=1):
            pictures[index, page] = picture
    return pictures


def _proof_pages(
    sheets: Sequence[Sheet],
    layout: SheetSize,
    subject: str,
    pictures: dict[tuple[int, int], Any],
    shapes: Sequence[FileShape],
) -> list[Any]:
    """Each sheet as a proof page: the background without thumbnails, and each thumbnail
    with where it goes and its alt text ("deck.pptx, slide 3 of 21")."""
    from compassion_kit.preview.draw import placed_box, sheet_picture, sheet_titles
    from compassion_kit.preview.proof import ProofPage

    pages = []
    for sheet, title in zip(sheets, sheet_titles(subject, len(sheets)), strict=True):
        background = sheet_picture(sheet, layout, title, pictures, paste=False)
        thumbnails = []
        for tile in sheet.tiles:
            picture = pictures[tile.file, tile.page]
            shape = shapes[tile.file]
            alt = f"{shape.name}, {shape.noun} {tile.page} of {len(shape.aspects)}"
            thumbnails.append((picture, placed_box(tile, picture.size), alt))
        pages.append(ProofPage(background, thumbnails))
    return pages


def _bookmarks(sheets: Sequence[Sheet], shapes: Sequence[FileShape]) -> list[tuple[str, int]]:
    """A bookmark for each file, to the sheet where its thumbnails start."""
    first: dict[int, int] = {}
    for number, sheet in enumerate(sheets):
        for heading in sheet.headings:
            first.setdefault(heading.file, number)
    return [(shapes[index].name, number) for index, number in sorted(first.items())]
