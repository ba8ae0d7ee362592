"""Counting the answers: each response read through the classified columns, then every
figure of the report (overall, per session, per `--by` group, run charts).

Owns the arithmetic; it is pure (exports in, Results out) and writes nothing.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from compassion_kit.errors import ContentError, Location, Problem
from compassion_kit.feedback.columns import Column, Layout
from compassion_kit.feedback.platforms import answer_date, is_time, split_choices
from compassion_kit.feedback.privacy import masked, name_parts
from compassion_kit.feedback.results import (
    MIN_GROUP,
    ChoiceResult,
    Comments,
    GroupResult,
    Results,
    RunChart,
    ScaleResult,
)
from compassion_kit.feedback.scales import normalised


@dataclass(frozen=True)
class Response:
    """One respondent's answers, identifiers already gone (comments masked)."""

    session: str
    day: date | None
    answers: dict[str, str] = field(default_factory=dict)  # scale, choice and text answers
    chosen: dict[str, tuple[str, ...]] = field(default_factory=dict)  # multiple choice
    masked: bool = False


def responses(
    found: Sequence[Layout], columns: dict[str, Column], keep_identifiers: bool = False
) -> list[Response]:
    """Every response of every export, in file order."""
    sessions_by_file = len(found) > 1
    out = []
    for layout in found:
        export = layout.export
        for row in export.rows:
            cells = dict(zip(layout.keys, row, strict=True))
            out.append(_response(layout, cells, columns, sessions_by_file, keep_identifiers))
    return out


def _response(
    layout: Layout,
    cells: dict[str, str],
    columns: dict[str, Column],
    sessions_by_file: bool,
    keep: bool,
) -> Response:
    export = layout.export
    names = [v for k, v in cells.items() if k.startswith(("meta:name", "meta:email"))]
    times = [
        answer_date(cells[k], layout.platform)
        for k, h in zip(layout.keys, export.headers, strict=True)
        if is_time(h) and cells[k].strip()
    ]
    session = cells.get("session:", "").strip() or (export.path.stem if sessions_by_file else "")
    answers: dict[str, str] = {}
    chosen: dict[str, tuple[str, ...]] = {}
    was_masked = False
    for key, cell in cells.items():
        column = columns.get(key)
        if column is None or not cell.strip():
            continue
        if column.role == "scale" and column.scale is not None:
            answers[key] = column.scale.label_for(cell) or cell
        elif column.role == "multi":
            chosen[key] = tuple(split_choices(cell, layout.platform))
        elif column.role == "choice":
            answers[key] = cell.strip()
        elif column.role == "text":
            text = cell.strip()
            if keep:
                signed = " / ".join(n for n in names if n.strip())
                answers[key] = f"{text} ({signed})" if signed else text
            else:
                answers[key] = masked(text, name_parts(names))
                was_masked = was_masked or answers[key] != text
    day = next((t for t in times if t is not None), None)
    return Response(session, day, answers, chosen, was_masked)


def scale_result(column: Column, answered: Sequence[Response]) -> ScaleResult:
    """Counts of each answer to a rated column among `answered`."""
    assert column.scale is not None
    tally = Counter(r.answers[column.key] for r in answered if column.key in r.answers)
    labels = column.scale.labels
    other = tuple(sorted((a, c) for a, c in tally.items() if a not in labels))
    return ScaleResult(
        column.key,
        column.text,
        column.scale.name,
        labels,
        tuple(tally.get(label, 0) for label in labels),
        column.scale.positive,
        other,
        column.scale.neutral,
    )


def choice_result(column: Column, answered: Sequence[Response]) -> ChoiceResult:
    """How many chose each option; respondents who left it blank are not in n."""
    tally: Counter[str] = Counter()
    n = 0
    for response in answered:
        picked = response.chosen.get(column.key) or (
            (response.answers[column.key],) if column.key in response.answers else ()
        )
        n += bool(picked)
        tally.update(picked)
    ordered = sorted(tally.items(), key=lambda item: (-item[1], normalised(item[0])))
    return ChoiceResult(
        column.key,
        column.text,
        column.role == "multi",
        tuple(o for o, _c in ordered),
        tuple(c for _o, c in ordered),
        n,
    )


def _group(name: str, members: Sequence[Response], scales: Sequence[Column]) -> GroupResult:
    days = sorted(r.day for r in members if r.day is not None)
    return GroupResult(
        name,
        len(members),
        days[0].isoformat() if days else None,
        days[-1].isoformat() if days else None,
        tuple(scale_result(c, members) for c in scales),
    )


def sessions(everyone: Sequence[Response], scales: Sequence[Column]) -> list[GroupResult]:
    """One result per session in date order (first seen when undated); [] for one session."""
    names: dict[str, list[Response]] = {}
    for response in everyone:
        names.setdefault(response.session, []).append(response)
    if len(names) < 2:
        return []
    groups = [_group(name or "(no session)", members, scales) for name, members in names.items()]
    order = {g.name: i for i, g in enumerate(groups)}
    return sorted(groups, key=lambda g: (g.first_date or "9999", order[g.name]))


def run_charts(found: Sequence[GroupResult], scales: Sequence[Column]) -> list[RunChart]:
    """Percentage positive of each rated question across sessions, with the median."""
    charts = []
    for index, column in enumerate(scales):
        values = tuple(g.scales[index].percent_positive for g in found)
        known = [v for v in values if v is not None]
        median = round(statistics.median(known), 1) if known else None
        charts.append(
            RunChart(column.key, column.text, tuple(g.name for g in found), values, median)
        )
    return charts


def by_groups(
    everyone: Sequence[Response], columns: dict[str, Column], by: str, scales: Sequence[Column]
) -> tuple[str, list[GroupResult], list[str]]:
    """Results per answer of the choice column `by` (its header or id): groups under
    MIN_GROUP responses are left out and named in the third value.

    Raises:
        ContentError: `by` is not a single-choice column of the export.
    """
    wanted = normalised(by)
    column = next(
        (
            c
            for c in columns.values()
            if c.role == "choice" and wanted in (c.key, normalised(c.text))
        ),
        None,
    )
    if column is None:
        choices = [c.text for c in columns.values() if c.role == "choice"]
        raise ContentError(
            [
                Problem(
                    f"--by '{by}' is not a single-choice column of the export",
                    Location(None),
                    hint="choice columns: " + ("; ".join(choices) or "none"),
                )
            ]
        )
    members: dict[str, list[Response]] = {}
    for response in everyone:
        if column.key in response.answers:
            members.setdefault(response.answers[column.key], []).append(response)
    shown, hidden = [], []
    for name in sorted(members, key=normalised):
        if len(members[name]) < MIN_GROUP:
            hidden.append(name)
        else:
            shown.append(_group(name, members[name], scales))
    return column.text, shown, hidden


def results(
    title: str,
    form_id: str | None,
    found: Sequence[Layout],
    columns: dict[str, Column],
    by: str | None = None,
    keep_identifiers: bool = False,
) -> Results:
    """Every figure of the report from the classified exports."""
    everyone = responses(found, columns, keep_identifiers)
    scales = [c for c in columns.values() if c.role == "scale"]
    per_session = sessions(everyone, scales)
    by_name, groups, hidden = by_groups(everyone, columns, by, scales) if by else (None, [], [])
    days = sorted(r.day for r in everyone if r.day is not None)
    return Results(
        title=title,
        form_id=form_id,
        responses=len(everyone),
        sources=tuple(
            (lay.export.path.name, lay.platform.name, len(lay.export.rows)) for lay in found
        ),
        first_date=days[0].isoformat() if days else None,
        last_date=days[-1].isoformat() if days else None,
        scales=tuple(scale_result(c, everyone) for c in scales),
        choices=tuple(
            choice_result(c, everyone) for c in columns.values() if c.role in ("choice", "multi")
        ),
        comments=tuple(
            _comments(c, columns, everyone) for c in columns.values() if c.role == "text"
        ),
        dropped=tuple((c.text, c.dropped or "") for c in columns.values() if c.role == "metadata"),
        masked=sum(r.masked for r in everyone),
        sessions=tuple(per_session),
        run_charts=tuple(run_charts(per_session, scales)) if per_session else (),
        by=by_name,
        groups=tuple(groups),
        suppressed=tuple(hidden),
        identifiers_kept=keep_identifiers,
    )


def _comments(column: Column, columns: dict[str, Column], everyone: Sequence[Response]) -> Comments:
    text = column.text
    rated = columns.get(column.explains or "")
    if rated is not None:
        text = f"Why? (about: {rated.text})"
    given = tuple(r.answers[column.key] for r in everyone if column.key in r.answers)
    return Comments(column.key, text, given, column.explains)
