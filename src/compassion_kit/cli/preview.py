"""`kit preview`: a contact sheet of decks, documents and pack folders (PNG, or a PDF proof)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from compassion_kit.cli._app import JsonOpt, run, usage


def preview(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH", help=".pptx/.docx/.pdf files or pack folders."),
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="sheet.png (more: sheet-2.png...), or .pdf.")
    ],
    pdf: Annotated[bool, typer.Option("--pdf", help="Write one printable, tagged PDF.")] = False,
    paper: Annotated[str, typer.Option(help="Paper for --pdf: A4 or Letter.")] = "A4",
    size: Annotated[str, typer.Option(help="Thumbnails: small, medium or large.")] = "medium",
    force: Annotated[bool, typer.Option("--force", help="Replace existing files.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Contact sheet of slides and pages, with file names and numbers (needs LibreOffice).

    Example: kit preview dist/wye-valley -o wye-valley.png
    """
    from compassion_kit import console
    from compassion_kit import preview as previews

    if paper.lower() not in previews.PAPERS or size.lower() not in previews.SIZES:
        usage(
            f"--paper is A4 or Letter (got {paper}); --size is small, medium or large (got {size})"
        )
    if pdf != (output.suffix.lower() == ".pdf"):
        usage("-o names a .png sheet, or a .pdf with --pdf (e.g. -o proof.pdf --pdf)")
    result = run(
        lambda: previews.make_preview(
            paths, output, as_pdf=pdf, paper=paper.lower(), size=size.lower(), force=force
        )
    )
    for warning in result.warnings:
        console.warning(warning)
    if as_json:
        console.json_out(result.as_json())
        return
    for path in result.paths:
        console.success(f"wrote {path}")
    console.info(f"{result.thumbnails} thumbnails of {len(result.files)} files")
