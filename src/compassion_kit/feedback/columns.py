"""What each column of a set of exports is: a rated question, a choice, free text, the
session, or metadata to drop; tied to a form question when its wording matches one.

Owns classification and its problems (unknown scale labels, exports of different forms, no
recognisable question); counting the answers is `figures.py`'s business.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from compassion_kit.errors import ContentError, Location, Problem
from compassion_kit.feedback.exports import Export
from compassion_kit.feedback.forms import FormQuestion
from compassion_kit.feedback.platforms import (
    Platform,
    detect,
    is_session,
    metadata_kind,
    split_choices,
)
from compassion_kit.feedback.scales import (
    Scale,
    best_scale,
    normalised,
    numeric_scale,
    scale_from_options,
)

WHY_HEADERS = ("why", "please explain", "please say why", "tell us why", "reason", "why not")
_GRID_ROW = re.compile(r"^(?P<title>.*)\[(?P<row>[^\]]+)\]\s*$")  # Google Forms grid rows
MAX_CHOICES = 12
# Wording of an open question: with answers of three words or more, the column is comments
# even when a few answers repeat ("What is your staff group?" with one-word answers is not).
_OPEN_QUESTION = re.compile(
    r"^(what|why|how could|how can|any other|anything else|comments?|suggest|"
    r"describe|tell us|please (explain|describe|tell|say|give))\b"
)


@dataclass(frozen=True)
class Column:
    """One question (or dropped column), the same in every export of the set."""

    key: str  # the form question id (q3) or a slug of the header
    text: str  # the question's wording
    role: str  # "scale", "choice", "multi", "text", "session" or "metadata"
    scale: Scale | None = None
    dropped: str | None = None  # for metadata: what it held ("email address", ...)
    explains: str | None = None  # for a 'why' box: the key of the rated question
    form_id: str | None = None


@dataclass(frozen=True)
class Layout:
    """Where each column key sits in one export, and that export's platform."""

    export: Export
    platform: Platform
    keys: tuple[str, ...]  # one per header


def match_form(
    exports: Sequence[Export], known: dict[str, list[FormQuestion]]
) -> list[FormQuestion]:
    """The questions of the form whose wording most headers match ([] when none does)."""
    headers = {_match_text(h) for e in exports for h in e.headers}
    best: list[FormQuestion] = []
    best_hits = 0
    for form_id in sorted(known):
        hits = sum(
            1 for q in known[form_id] if q.explains is None and normalised(q.text) in headers
        )
        if hits > best_hits:
            best, best_hits = known[form_id], hits
    return best


def layouts(exports: Sequence[Export], form: list[FormQuestion]) -> list[Layout]:
    """Each export's columns keyed, checking every export asks the same questions.

    Raises:
        ContentError: the exports ask different questions (each difference named).
    """
    found = [_layout(e, form) for e in exports]
    first = found[0]
    asked = _questions(first)
    problems = []
    for other in found[1:]:
        theirs = _questions(other)
        if theirs != asked:
            problems.append(_different_forms(first, other, asked, theirs))
    if problems:
        raise ContentError(problems)
    return found


def _questions(layout: Layout) -> dict[str, str]:
    headers = layout.export.headers
    return {
        key: headers[i]
        for i, key in enumerate(layout.keys)
        if not key.startswith(("meta:", "session:"))
    }


def _different_forms(
    first: Layout, other: Layout, asked: dict[str, str], theirs: dict[str, str]
) -> Problem:
    only_first = [asked[k] for k in asked if k not in theirs]
    only_other = [theirs[k] for k in theirs if k not in asked]
    parts = []
    if only_first:
        parts.append(
            f"only in {first.export.path.name}: " + "; ".join(f"'{q}'" for q in only_first)
        )
    if only_other:
        parts.append(
            f"only in {other.export.path.name}: " + "; ".join(f"'{q}'" for q in only_other)
        )
    return Problem(
        "this export is of a different form from "
        + first.export.path.name
        + " ("
        + ", ".join(parts)
        + ")",
        Location(other.export.path, 1),
        hint="give exports of the same questions together; run kit feedback once per form",
    )


def _layout(export: Export, form: list[FormQuestion]) -> Layout:
    by_text = {normalised(q.text): q for q in form if q.explains is None}
    keys: list[str] = []
    last_rated: str | None = None
    for header in export.headers:
        kind = metadata_kind(header)
        question = by_text.get(_match_text(header))
        if kind is not None:
            key = f"meta:{kind}:{len(keys)}"
        elif is_session(header):
            key = "session:"
        elif question is not None:
            key = question.id
            last_rated = key if question.options else None
        elif last_rated and normalised(header) in WHY_HEADERS and f"{last_rated}-why" not in keys:
            key = f"{last_rated}-why"
        else:
            key = _slug(header, keys)
            last_rated = key
        keys.append(key)
    return Layout(export, detect(export.headers), tuple(keys))


def _match_text(header: str) -> str:
    grid = _GRID_ROW.match(header)
    return normalised(grid.group("row") if grid else header)


def _slug(header: str, taken: list[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", normalised(header)).strip("-")[:40] or "column"
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    return key


def classify(found: Sequence[Layout], form: list[FormQuestion]) -> dict[str, Column]:
    """Every column key of the set classified, in the order of the first export.

    Raises:
        ContentError: a rated column has answers that are not on its scale (each one named
            with file, line and column), or no column is a question.
    """
    by_id = {q.id: q for q in form}
    columns: dict[str, Column] = {}
    problems: list[Problem] = []
    for index, key in enumerate(found[0].keys):
        header = found[0].export.headers[index]
        if key.startswith("meta:"):
            columns[key] = Column(key, header, "metadata", dropped=key.split(":")[1])
            continue
        if key.startswith("session:"):
            columns[key] = Column(key, header, "session")
            continue
        cells = [cell for layout, _row, _i, cell in _cells(found, key) if cell.strip()]
        question = by_id.get(key)
        column = _classified(key, header, cells, found, question)
        problems += _off_scale(found, column)
        columns[key] = column
    if not any(c.role not in ("metadata", "session") for c in columns.values()):
        problems.append(
            Problem(
                "no column is a question: every header is an id, name, email or time",
                Location(found[0].export.path, 1),
                hint="export the responses with the questions as columns",
            )
        )
    if problems:
        raise ContentError(problems)
    return columns


def _cells(found: Sequence[Layout], key: str) -> list[tuple[Layout, int, int, str]]:
    out = []
    for layout in found:
        if key in layout.keys:
            index = layout.keys.index(key)
            out += [(layout, n, index, row[index]) for n, row in enumerate(layout.export.rows)]
    return out


def _classified(
    key: str,
    header: str,
    cells: list[str],
    found: Sequence[Layout],
    question: FormQuestion | None,
) -> Column:
    text = question.text if question is not None else header
    form_id = question.form_id if question is not None else None
    explains = key[: -len("-why")] if key.endswith("-why") else None
    if question is not None and question.options:
        scale = scale_from_options(f"{form_id} options", question.options)
        return Column(key, text, "scale", scale, form_id=form_id)
    if question is not None or explains is not None or not cells:
        return Column(key, text, "text", explains=explains, form_id=form_id)
    sentences = any(len(c.split()) >= 3 for c in cells)
    open_question = _OPEN_QUESTION.match(normalised(header)) is not None
    # Comments such as "Good" and "Very good" under "Any other comments?" are not a scale.
    found_scale = numeric_scale(cells) or (None if open_question else best_scale(cells)[0])
    if found_scale is not None:
        return Column(key, text, "scale", found_scale)
    if _is_multi(key, found):
        return Column(key, text, "multi")
    distinct = Counter(cells)
    average = sum(len(c) for c in cells) / max(len(cells), 1)
    if (
        len(distinct) <= MAX_CHOICES
        and len(distinct) * 2 <= len(cells)
        and average <= 60
        and not (open_question and sentences)
    ):
        return Column(key, text, "choice")
    return Column(key, text, "text")


def _is_multi(key: str, found: Sequence[Layout]) -> bool:
    """Several choices in one cell: Microsoft Forms' trailing ';', or a few options that
    recur across cells joined with the platform's separator."""
    tokens: Counter[str] = Counter()
    joined = 0
    cells = [(layout, cell) for layout, _r, _i, cell in _cells(found, key) if cell.strip()]
    for layout, cell in cells:
        if cell.rstrip().endswith(";") and layout.platform.separator == ";":
            return True
        parts = split_choices(cell, layout.platform)
        joined += len(parts) > 1
        tokens.update(parts)
    return bool(joined) and len(tokens) <= MAX_CHOICES and len(tokens) * 2 <= sum(tokens.values())


def _off_scale(found: Sequence[Layout], column: Column) -> list[Problem]:
    if column.scale is None:
        return []
    problems = []
    reported: set[str] = set()
    for layout, row, index, cell in _cells(found, column.key):
        if not cell.strip() or column.scale.label_for(cell) is not None:
            continue
        if normalised(cell) in reported:
            continue
        reported.add(normalised(cell))
        problems.append(
            Problem(
                f"'{cell}' is not an answer on this question's scale",
                Location(layout.export.path, layout.export.line_of(row), index + 1),
                field=layout.export.headers[index],
                hint="answers must be one of: "
                + ", ".join(column.scale.labels)
                + " (or Don't know / N/A); correct the cell or leave it blank",
            )
        )
    return problems
