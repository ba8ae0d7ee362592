"""PDF copies of finished .pptx/.docx files, made by LibreOffice running headless.

Owns finding LibreOffice, its PDF export options (tagged PDF/UA), and batching files into as
few `soffice` runs as possible; finishing each PDF is `pdf_finish`'s, which files to convert
is `pack`'s business.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from compassion_kit.errors import Location, OutputError, Problem

INSTALL_HINT = (
    "install LibreOffice (Debian/Ubuntu: sudo apt-get install libreoffice-impress "
    "libreoffice-writer; Windows and macOS: from libreoffice.org, in its usual place), "
    "or leave pdf out of 'formats'"
)
# One soffice run starts in about 2 s; a file then takes a fraction of a second. A stuck run
# (a dialog waiting on a headless display) must not hang a pipeline forever.
_TIMEOUT_BASE = 120
_TIMEOUT_PER_FILE = 30
# LibreOffice's PDF export options, for every PDF the kit writes: tagged PDF/UA with bookmarks
# from headings and slide titles, the title shown in the title bar, no comments or notes pages.
EXPORT_OPTIONS: dict[str, bool] = {
    "UseTaggedPDF": True,
    "PDFUACompliance": True,
    "ExportBookmarks": True,
    "DisplayPDFDocumentTitle": True,
    "ExportNotes": False,
    "ExportNotesPages": False,
    "ExportHiddenSlides": False,
}
# The export filter for each kind of file (LibreOffice picks the filter by its name).
EXPORT_FILTERS = {".pptx": "impress_pdf_Export", ".docx": "writer_pdf_Export"}
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def find_soffice() -> str | None:
    """The LibreOffice program: `soffice` or `libreoffice` on PATH, else where its installer
    puts it on Windows and macOS (see `install_locations`); None when there is none.
    """
    on_path = shutil.which("soffice") or shutil.which("libreoffice")
    if on_path:
        return on_path
    for program in install_locations(sys.platform, os.environ, Path.home()):
        if program.is_file():
            return str(program)
    return None


def install_locations(platform: str, environ: Mapping[str, str], home: Path) -> list[Path]:
    """Where LibreOffice's own installer puts its program, most usual first.

    The Windows installer seldom adds LibreOffice to PATH, and the macOS one never does.
    """
    if platform == "win32":
        roots = [
            environ.get("PROGRAMFILES") or "C:\\Program Files",
            environ.get("PROGRAMFILES(X86)") or "C:\\Program Files (x86)",
        ]
        return [Path(root) / "LibreOffice" / "program" / "soffice.exe" for root in roots]
    if platform == "darwin":
        bundle = Path("LibreOffice.app") / "Contents" / "MacOS" / "soffice"
        return [Path("/Applications") / bundle, home / "Applications" / bundle]
    return []


def missing_problem(where: Location | None = None) -> Problem:
    """The problem reported, before anything is built, when PDFs need a missing LibreOffice."""
    return Problem(
        "PDF files were asked for, but LibreOffice (soffice) is not installed",
        where or Location(),
        field="formats" if where is not None and where.path is not None else None,
        hint=INSTALL_HINT,
    )


def export_pdfs(batches: Sequence[Sequence[Path]], outdir: Path) -> dict[Path, Path]:
    """Convert each batch of files to tagged PDF with `soffice --convert-to`; runs in parallel.

    A batch takes one LibreOffice run per kind of file (decks and documents need different
    export filters). Every run has its own LibreOffice profile (two instances cannot share
    one). File stems must be unique across all batches, as every PDF lands in `outdir`. Each
    PDF is then finished (`pdf_finish.finish_pdf`): language, title, alt text, and fixed dates
    and ids, so the same document always gives the same bytes.

    Returns:
        Each source file mapped to its PDF; a file LibreOffice could not convert is missing.

    Raises:
        OutputError: LibreOffice is not installed, or it could not be started at all.
    """
    program = find_soffice()
    if program is None:
        raise OutputError([missing_problem()])
    outdir.mkdir(parents=True, exist_ok=True)
    runs: list[tuple[Sequence[Path], subprocess.Popen[bytes]]] = []
    with tempfile.TemporaryDirectory(prefix="kit-soffice-", dir=outdir) as profiles:
        try:
            for index, batch in enumerate(_by_filter(batches)):
                profile = Path(profiles) / f"profile-{index}"
                runs.append((batch, _start(_command(program, profile, outdir, batch))))
            for batch, run in runs:
                _wait(run, _TIMEOUT_BASE + _TIMEOUT_PER_FILE * len(batch))
        except BaseException:
            # Interrupted (Ctrl-C) or failed: stop every LibreOffice, so none is left writing.
            for _batch, run in runs:
                run.kill()
                run.wait()
            raise
    from compassion_kit.pdf_finish import finish_pdf

    converted = {}
    for batch, _run in runs:
        for source in batch:
            pdf = outdir / (source.stem + ".pdf")
            if pdf.is_file() and pdf.stat().st_size > 0:
                finish_pdf(pdf, source)
                converted[source] = pdf
    return converted


def _by_filter(batches: Sequence[Sequence[Path]]) -> list[Sequence[Path]]:
    """Each batch split into its decks and its documents, in that order; empty parts dropped."""
    runs: list[Sequence[Path]] = []
    for batch in batches:
        for suffix in EXPORT_FILTERS:
            run = [path for path in batch if path.suffix.lower() == suffix]
            if run:
                runs.append(run)
    return runs


def convert_to(suffix: str) -> str:
    """The `--convert-to` value for a kind of file: PDF, its export filter and `EXPORT_OPTIONS`
    in the JSON form LibreOffice (7.4 and later) reads."""
    options = {
        name: {"type": "boolean", "value": "true" if value else "false"}
        for name, value in EXPORT_OPTIONS.items()
    }
    return f"pdf:{EXPORT_FILTERS[suffix]}:{json.dumps(options, separators=(',', ':'))}"


def _command(program: str, profile: Path, outdir: Path, batch: Sequence[Path]) -> list[str]:
    return [
        program,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        convert_to(batch[0].suffix.lower()),
        "--outdir",
        str(outdir),
        *(str(path) for path in batch),
    ]


def _start(command: list[str]) -> subprocess.Popen[bytes]:
    try:
        return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError as exc:
        raise OutputError(
            [Problem(f"LibreOffice could not be started ({exc.strerror})", hint=INSTALL_HINT)]
        ) from None


def _wait(run: subprocess.Popen[bytes], timeout: float) -> None:
    try:
        run.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        run.kill()
        run.wait()


def page_count(data: bytes) -> int | None:
    """Pages in a PDF written by LibreOffice (page objects are not compressed); None if unknown."""
    pages = len(_PAGE.findall(data))
    return pages or None
