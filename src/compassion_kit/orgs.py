"""Many organisations at once: rows of an orgs.csv, or a folder of profile files.

Owns reading and checking each organisation (with its row or file) and the folder names
(slugs) their packs go into; decoding logos is `logo.py`'s, building packs `pack`'s.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from compassion_kit.errors import ContentError, KitError, Location, Problem
from compassion_kit.loading import MAX_FILE_BYTES, YamlDocument
from compassion_kit.model import Organisation
from compassion_kit.model.validate import validate_document
from compassion_kit.names import is_reserved
from compassion_kit.profile import Brand, load_brand, profile_problems

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


def slug(text: str) -> str:
    """A folder- and file-name-friendly form: 'WVHB' -> 'wvhb', "St Ann's" -> 'st-anns'.

    Accents are dropped, anything else that is not a letter or digit becomes one hyphen, and
    the result is at most 40 characters; an empty result becomes 'organisation', and a name
    Windows keeps for devices gets '-org' ('CON' -> 'con-org').
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", plain.lower().replace("'", "")).strip("-")
    words = words[:40].rstrip("-") or "organisation"
    return f"{words}-org" if is_reserved(words) else words


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
            brand = load_brand(path)
        except KitError as exc:
            problems = tuple(exc.problems)
            sources.append(OrgSource(Location(path), slug(path.stem), path.stem, None, problems))
            continue
        organisation = brand.organisation
        sources.append(
            OrgSource(Location(path), organisation_slug(organisation), organisation.name, brand)
        )
    return sources


def _read_csv(path: Path) -> list[OrgSource]:
    text = _csv_text(path)
    # Excel in many European locales saves "CSV" with semicolons between the columns.
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        return []
    columns = [c.strip() for c in header]
    _check_header(columns, path)
    sources = []
    lines = text.splitlines()
    first_line = reader.line_num + 1
    for row in reader:
        line = first_line
        first_line = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue  # blank lines between groups of rows are fine
        raw = lines[line - 1] if line - 1 < len(lines) else ""
        sources.append(_row_source(path, line, _cell_columns(raw, delimiter), columns, row))
    return sources


def _csv_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_FILE_BYTES * 10:
            raise ContentError(
                [Problem("the file is too big for a list of organisations", Location(path))]
            )
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ContentError(
            [
                Problem(
                    "no such file or folder", Location(path), hint="check the path given to --orgs"
                )
            ]
        ) from None
    except UnicodeDecodeError as exc:
        raise ContentError(
            [
                Problem(
                    f"the file is not UTF-8 text (byte {exc.start})",
                    Location(path),
                    hint="save it as 'CSV UTF-8' (Excel: File, Save As, CSV UTF-8)",
                )
            ]
        ) from None
    except OSError as exc:
        raise ContentError(
            [Problem(f"cannot read the file ({exc.strerror})", Location(path))]
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
    extra = (
        [
            Problem(
                f"row has {len(row)} cells but there are {len(columns)} columns",
                Location(path, line),
            )
        ]
        if len(row) > len(columns)
        else []
    )
    organisation, problems = validate_document(doc, Organisation)
    if organisation is None or extra:
        return OrgSource(where, fallback, name, None, tuple(_as_columns(problems + extra)))
    brand = Brand(organisation, path, doc)
    problems = profile_problems(brand)
    if problems:
        return OrgSource(
            where, organisation_slug(organisation), name, None, tuple(_as_columns(problems))
        )
    return OrgSource(where, organisation_slug(organisation), organisation.name, brand)


def _as_columns(problems: list[Problem]) -> list[Problem]:
    """Name CSV columns ('primary'), not profile fields ('colours.primary'), in messages."""
    return [replace(p, field=_FIELD_TO_COLUMN.get(p.field or "", p.field)) for p in problems]


def _unique_slugs(sources: list[OrgSource]) -> list[OrgSource]:
    seen: dict[str, str] = {}
    result = []
    for source in sources:
        first = seen.setdefault(source.slug, source.where)
        if first != source.where:
            problem = Problem(
                f"its folder name '{source.slug}' is already used by {first}",
                source.location,
                hint="give each organisation its own short_name",
            )
            source = replace(source, brand=None, problems=(*source.problems, problem))
        result.append(source)
    return result
