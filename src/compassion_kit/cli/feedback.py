"""`kit feedback` and `kit feedback-template`: survey exports to a branded results report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from compassion_kit.cli._app import ContentOpt, OrgOpt, run


def feedback_report(
    exports: Annotated[list[Path], typer.Argument(metavar="EXPORT...", help=".xlsx/.csv exports.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write the report to.")],
    org: OrgOpt = None,
    by: Annotated[str | None, typer.Option("--by", help="Split by a choice column.")] = None,
    keep_identifiers: Annotated[
        bool, typer.Option("--keep-identifiers", help="Keep names and emails in comments.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print every figure as JSON.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace the output folder.")] = False,
    content: ContentOpt = None,
) -> None:
    """Turn survey exports into a branded summary deck, report and results.json.

    Example: kit feedback march.xlsx april.csv --org org.yaml --by "Staff group" -o results
    """
    from compassion_kit import console, feedback

    options = feedback.FeedbackOptions(org, by, keep_identifiers, force, tuple(content or ()))
    result = run(lambda: feedback.build_feedback(exports, output, options))
    console.feedback_report(result, as_json)


def feedback_template(
    form_id: Annotated[
        str, typer.Argument(metavar="FORM_ID", help="Form id, e.g. same-day-feedback.")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="CSV file to write.")] = Path(
        "entry.csv"
    ),
    content: ContentOpt = None,
) -> None:
    """Write a CSV for typing in paper feedback forms, ready for `kit feedback`.

    Example: kit feedback-template same-day-feedback -o entry.csv
    """
    from compassion_kit import console, feedback

    written = run(lambda: feedback.write_entry_template(form_id, output, tuple(content or ())))
    console.success(f"wrote {written}; type one form per row, then: kit feedback {written} -o DIR")
