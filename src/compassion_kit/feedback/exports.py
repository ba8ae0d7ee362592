"""Reading survey export files (.csv, .xlsx) into rows of text, refusing what is not one.

Owns opening files safely (size cap, regular files only, encodings) and turning cells into
text; what the columns mean is `columns.py`'s business.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from compassion_kit.errors import ContentError, Location, Problem

MAX_BYTES = 20 * 1024 * 1024  # far above any workshop's export (a few hundred rows)
SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class Export:
    """One export as read: its header cells and each response row, all as text.

    `rows[i]` is line `first_line + i` of the file (the header is line `first_line - 1`);
    every row has exactly `len(headers)` cells.
    """

    path: Path
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    first_line: int = 2

    def line_of(self, row: int) -> int:
        """The file line (spreadsheet row) of response `row` (0-based)."""
        return self.first_line + row


def read_export(path: Path) -> Export:
    """The export at `path`: a Microsoft Forms .xlsx, or a .csv from any platform.

    Raises:
        ContentError: the file is missing, not a regular file, larger than 20 MB, empty,
            not .csv/.xlsx, unreadable, or has a header but no responses.
    """
    path = Path(path)
    _check_file(path)
    if path.suffix.lower() == ".xlsx":
        headers, rows = _read_xlsx(path)
    else:
        headers, rows = _read_csv(path)
    while headers and not headers[-1].strip():
        headers = headers[:-1]
    if not headers:
        raise _problem(path, "the file has no header row", "export the responses again")
    width = len(headers)
    kept = [(list(r) + [""] * width)[:width] for r in rows]
    kept = [r for r in kept if any(cell.strip() for cell in r)]
    if not kept:
        raise _problem(path, "the export has a header row but no responses", "export it again")
    return Export(path, tuple(h.strip() for h in headers), tuple(tuple(r) for r in kept))


def _check_file(path: Path) -> None:
    if not path.exists():
        raise _problem(path, "no such file", "check the path to the export")
    if not path.is_file():
        raise _problem(path, "not a regular file (a folder, device or pipe)", "give an export")
    if path.suffix.lower() not in SUFFIXES:
        raise _problem(
            path,
            f"'{path.suffix or 'no extension'}' is not a survey export the kit reads",
            "export the responses as .csv (any platform) or .xlsx (Microsoft Forms)",
        )
    size = path.stat().st_size
    if size == 0:
        raise _problem(path, "the file is empty", "export the responses again")
    if size > MAX_BYTES:
        raise _problem(
            path,
            f"the file is {size / 1024 / 1024:.1f} MB; the kit reads exports of up to 20 MB",
            "export only the questions and date range you need",
        )


def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" (not "CSV UTF-8") in the Windows code page.
        text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise _problem(path, "this is not a text CSV file", "save it as CSV UTF-8")
    first_line = text.split("\n", 1)[0]
    # Excel in much of Europe saves "CSV" with semicolons between cells.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise _problem(path, f"the CSV cannot be read ({exc})", "save it as CSV UTF-8") from None
    if not rows:
        raise _problem(path, "the file has no rows", "export the responses again")
    return rows[0], rows[1:]


def _read_xlsx(path: Path) -> tuple[list[str], list[list[str]]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _problem(
            path, f"the workbook cannot be opened ({exc})", "download the .xlsx again"
        ) from None
    try:
        sheet = book.worksheets[0]
        rows = [[_cell_text(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    if not rows:
        raise _problem(path, "the first sheet is empty", "download the .xlsx again")
    return rows[0], rows[1:]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _problem(path: Path, message: str, hint: str) -> ContentError:
    return ContentError([Problem(message, Location(path), hint=hint)])
