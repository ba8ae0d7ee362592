"""Many organisations at once: rows of an orgs.csv, or a folder of profile files.

Owns reading and checking each organisation (with its row or file) and the folder names
(slugs) their packs go into; decoding logos is `logo.py`'s, building packs `pack`'s.
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass, replace
from pathlib import Path

from compassion_kit.errors import ContentError, KitError, Location, Problem
from compassion_kit.inputs import read_input
from compassion_kit.loading import YamlDocument
from compassion_kit.model import Organisation
from compassion_kit.names import slug
from compassion_kit.profile import Brand, check_profile, errors_among, read_brand

# CSV column -> where the value goes in the profile (colours are nested there).
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name",),
    "short_name": ("short_name",),
    "logo": ("logo",),
    "logo_alt": ("logo_alt",),
    "primary": ("colours", "primary"),
    "secondary": ("colours", "secondary"),
    "accent": ("colours", "accent"),
    "font": ("font",),
    "paper": ("paper",),
    "survey_url": ("survey_url",),
}
_FIELD_TO_COLUMN = {".".join(where): column for column, where in COLUMNS.items()}


@dataclass(frozen=True)
class OrgSource:
    """One organisation to build a pack for, or the problems that stop it being built.

    `location` says where it came from (`orgs.csv:4`, `orgs/wvhb.yaml`) for messages.
    """

    location: Location
    slug: str
    name: str
    brand: Brand | None
    problems: tuple[Problem, ...] = ()

    @property
    def where(self) -> str:
        """`orgs.csv:4` or `orgs/wvhb.yaml`, for summaries."""
        return str(self.location)


def organisation_slug(organisation: Organisation) -> str:
    """The slug of an organisation: from its short name when it has one, else its name."""
    return slug(organisation.short_name or organisation.name)


def read_orgs(path: Path) -> list[OrgSource]:
    """Every organisation in a CSV file or a folder of profile YAML files, in order.

    A row or file with problems (a bad colour, a missing name) comes back with those
    problems rather than stopping the others; logos are checked later, per organisation.
    Two organisations whose folder names would clash: the later one gets a problem.

    Raises:
        ContentError: the file or folder itself cannot be used (missing, unreadable, not
            UTF-8, unknown columns, no organisations in it).
    """
    sources = _read_folder(path) if path.is_dir() else _read_csv(path)
    if not sources:
        raise ContentError(
            [Problem("no organisations found", Location(path), hint=_csv_hint(path))]
        )
    return _unique_slugs(sources)


def _csv_hint(path: Path) -> str:
    if path.is_dir():
        return "put one organisation profile (.yaml) per organisation in the folder"
    return "the first line names the columns, e.g. name,short_name,logo,primary; then one row each"


def _read_folder(folder: Path) -> list[OrgSource]:
    sources = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml")):
        try:
            brand, problems = read_brand(path)
        except KitError as exc:
            brand, problems = None, exc.problems
        if brand is None or errors_among(problems):
            failed = tuple(problems)
            sources.append(OrgSource(Location(path), slug(path.stem), path.stem, None, failed))
            continue
        organisation = brand.organisation
        slugged = organisation_slug(organisation)
        # Warnings stay with a built organisation, so the batch can say them.
        sources.append(
            OrgSource(Location(path), slugged, organisation.name, brand, tuple(problems))
        )
    return sources


def _read_csv(path: Path) -> list[OrgSource]:
    text = _csv_text(path)
    # Excel in many European locales saves "CSV" with semicolons between the columns.
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    # strict: a quote that is never closed is an error, not a cell running to the end.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    lines = text.splitlines()
    first_line = 1
    try:
        header = next(reader, None)
        if header is None:
            return []
        columns = [c.strip() for c in header]
        _check_header(columns, path)
        sources = []
        first_line = reader.line_num + 1
        for row in reader:
            line = first_line
            first_line = reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue  # blank lines between groups of rows are fine
            raw = lines[line - 1] if line - 1 < len(lines) else ""
            sources.append(_row_source(path, line, _cell_columns(raw, delimiter), columns, row))
    except csv.Error as exc:
        raise ContentError([_unreadable_row(path, first_line, exc)]) from None
    return sources


def _unreadable_row(path: Path, line: int, exc: csv.Error) -> Problem:
    return Problem(
        f"this row cannot be read as CSV ({exc})",
        Location(path, line),
        hint="a cell that starts with a double quote must end with one; write a quote inside "
        'such a cell twice (""), e.g. "The ""Heron"" Trust"',
    )


def _csv_text(path: Path) -> str:
    raw = read_input(path, "csv")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ContentError(
            [
                Problem(
                    "the file is saved as UTF-16 text; the kit reads UTF-8",
                    Location(path),
                    hint="save it as 'CSV UTF-8' (Excel: File, Save As, CSV UTF-8)",
                )
            ]
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            [
                Problem(
                    f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02X} cannot be read)",
                    Location(path, line),
                    hint="save it as 'CSV UTF-8' (Excel: File, Save As, CSV UTF-8)",
                )
            ]
        ) from None


def _check_header(columns: list[str], path: Path) -> None:
    problems = []
    for index, column in enumerate(columns, start=1):
        if column not in COLUMNS:
            close = difflib.get_close_matches(column, list(COLUMNS), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            problems.append(
                Problem(
                    f"unknown column '{column}' (column {index})",
                    Location(path, 1),
                    hint=hint + "columns: " + ", ".join(COLUMNS),
                )
            )
    if "name" not in columns:
        problems.append(
            Problem(
                "there is no 'name' column",
                Location(path, 1),
                hint="every organisation needs a name",
            )
        )
    if len(set(columns)) != len(columns):
        problems.append(Problem("a column name appears twice", Location(path, 1)))
    if problems:
        raise ContentError(problems)


def _cell_columns(raw: str, delimiter: str) -> list[int]:
    """1-based character column where each cell of a one-line CSV row starts."""
    starts, quoted = [1], False
    for index, char in enumerate(raw):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            starts.append(index + 2)
    return starts


def _row_source(
    path: Path, line: int, starts: list[int], columns: list[str], row: list[str]
) -> OrgSource:
    where = Location(path, line)
    doc = YamlDocument(path, {})
    data: dict[str, object] = {}
    for index, (column, cell) in enumerate(zip(columns, row, strict=False)):
        value = cell.strip()
        if not value:
            continue  # an empty cell means "use the default"
        target = COLUMNS[column]
        parent = data
        for key in target[:-1]:
            parent = parent.setdefault(key, {})  # type: ignore[assignment]
        parent[target[-1]] = value
        mark = (line, starts[index] if index < len(starts) else 1)
        doc.value_marks[target] = doc.key_marks[target] = mark
        doc.scalars.add(target)
    doc.value_marks[()] = (line, 1)
    doc.data = data
    name = str(data.get("name") or f"row {line}")
    fallback = slug(str(data.get("short_name") or name))
    extra = []
    if len(row) > len(columns):
        extra.append(
            Problem(
                f"row has {len(row)} cells but there are {len(columns)} columns",
                Location(path, line),
                hint="put double quotes around a cell that holds the separator, e.g. "
                '"Hull, East Riding"',
            )
        )
    # Every problem of the row at once: a wrong field is left out so the rest (colours, alt
    # text) is still checked; the logo is checked later, with the others of its pack.
    brand, problems = check_profile(doc, path)
    if brand is None or errors_among(problems) or extra:
        found = sorted(problems, key=lambda p: p.location.column or 0) + extra
        return OrgSource(where, fallback, name, None, tuple(_as_columns(found)))
    warned = tuple(_as_columns(problems))  # warnings only: they go with the built pack
    return OrgSource(
        where, organisation_slug(brand.organisation), brand.organisation.name, brand, warned
    )


def _as_columns(problems: list[Problem]) -> list[Problem]:
    """Name CSV columns ('primary'), not profile fields ('colours.primary'), in messages."""
    named = []
    for problem in problems:
        column = _FIELD_TO_COLUMN.get(problem.field or "", problem.field)
        hint = f"fill in this row's '{column}' cell" if problem.hint == _ADD_FIELD else problem.hint
        named.append(replace(problem, field=column, hint=hint))
    return named


_ADD_FIELD = "add it to this block"  # the model's hint for a missing field, said for YAML


def _unique_slugs(sources: list[OrgSource]) -> list[OrgSource]:
    """Each organisation its own folder: a later one whose slug is taken gets '-2', '-3'...,
    with a warning (two names in one script can read alike in Latin letters)."""
    seen: dict[str, str] = {}
    result = []
    for source in sources:
        wanted = source.slug
        first = seen.setdefault(wanted, source.where)
        if first != source.where:
            number = 2
            while f"{wanted}-{number}" in seen:
                number += 1
            taken = f"{wanted}-{number}"
            seen[taken] = source.where
            problem = Problem(
                f"its folder name '{wanted}' is already used by {first}, so its pack goes in "
                f"'{taken}'",
                source.location,
                hint="give each organisation its own short_name to choose its folder name",
                severity="warning",
            )
            source = replace(source, slug=taken, problems=(*source.problems, problem))
        result.append(source)
    return result
