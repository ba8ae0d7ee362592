"""`kit validate`, the id check of `kit show`, and `kit check`: nothing is built here."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from compassion_kit.errors import ContentError, Location, Problem, ProblemLog
from compassion_kit.library import Library, load_library, unknown_id_problem

if TYPE_CHECKING:
    from compassion_kit.check import CheckReport
    from compassion_kit.profile import Brand


def require_ids(library: Library, ids: Sequence[str]) -> None:
    """Raise a ContentError naming every id that is not in the library."""
    missing = [i for i in ids if library.entry(i) is None]
    if missing:
        raise ContentError([unknown_id_problem(library, i, "item") for i in missing])


def validate(paths: Sequence[Path], content: Sequence[Path] = ()) -> list[str]:
    """Check content folders/files and organisation profiles; return what was checked.

    With no paths, checks the bundled library (plus `content`). A YAML file with a `kind`
    is a content item; one without is read as an organisation profile.

    Raises:
        KitError: every problem found in every path.
    """
    from compassion_kit.loading import read_yaml
    from compassion_kit.requests import brand_and_logo

    log = ProblemLog()
    checked: list[str] = []
    items: list[Path] = list(content)
    for path in paths:
        if path.exists() and not path.is_dir():  # a device or FIFO is refused as a file
            doc = log.attempt(lambda p=path: read_yaml(p))  # type: ignore[misc]
            if doc is None:
                continue
            if "kind" not in doc.data and "name" in doc.data:
                # As a build reads it: fields, colours and the logo decoded and measured.
                before, start = _errors(log), len(log.problems)
                brand, _logo = brand_and_logo(path, log)
                if brand is not None and _errors(log) == before:
                    checked.append(f"{path}: organisation profile")
                    # Warnings (a darker text shade, a colour read from rgb()) come after it,
                    # each as its own `path:line: warning:` line.
                    checked.extend(str(p) for p in log.problems[start:] if p.severity != "error")
                continue
        items.append(path)
    if paths and not items:  # only organisation profiles were given
        log.raise_if_any()
        return checked
    # User content is checked as the commands use it: on top of the bundled library, so
    # that references to bundled slides and worksheets resolve.
    library = log.attempt(lambda: load_library(items))
    log.raise_if_any()
    if library is not None:
        count = len(library.user_ids) if paths else len(library.entries)
        where = ", ".join(str(p) for p in items) if paths else "the bundled library"
        checked.append(f"{where}: {count} item{'s' if count != 1 else ''}")
        checked.extend(library.overrides)
        checked.extend(str(p) for p in library.warnings)  # former ids, still accepted
    return checked


def _errors(log: ProblemLog) -> int:
    return sum(problem.severity == "error" for problem in log.problems)


def check_files(
    paths: Sequence[Path], org: Path | None = None, profile: str = "screen"
) -> CheckReport:
    """Check .pptx, .docx and .pdf files (folders are searched) for accessibility and NHS identity.

    Returns a `compassion_kit.check.CheckReport`; its `failed` is True when any finding is an
    error. `org` is an organisation profile, or a workshop spec with its organisation written
    in. Without it, fonts and colours are held to the NHS defaults and no logo is checked.

    Raises:
        ContentError: a path does not exist or holds no .pptx/.docx/.pdf file, or the organisation
            profile or its logo cannot be read.
    """
    from compassion_kit import check

    problems = [
        Problem("there is no such file or folder", Location(p)) for p in paths if not p.exists()
    ]
    if not problems and not check.files_to_check(paths):
        problems.append(
            Problem("there is no .pptx, .docx or .pdf file to check", Location(paths[0]))
        )
    if problems:
        raise ContentError(problems)
    return check.check_files(paths, _brand_to_check(org) if org else None, profile)


def _brand_to_check(org: Path) -> Brand | None:
    """The brand of an organisation profile, or of a workshop spec's own organisation."""
    from compassion_kit.loading import read_yaml
    from compassion_kit.pack.spec import load_spec
    from compassion_kit.profile import load_brand

    data = read_yaml(org).data
    if isinstance(data, dict) and "organisation" in data and "title" in data:
        return load_spec(org).brand
    return load_brand(org)
