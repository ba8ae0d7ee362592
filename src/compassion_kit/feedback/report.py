"""`kit feedback` from start to finish: read the exports, classify and count, then write
summary.pptx, report.docx and results.json into one folder, atomically.

Owns the order of the steps and collecting problems before anything is written; the CLI
only parses flags and prints what `build_feedback` returns.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compassion_kit.errors import ContentError, Location, OutputError, Problem, ProblemLog
from compassion_kit.feedback.columns import classify, layouts, match_form
from compassion_kit.feedback.exports import Export, read_export
from compassion_kit.feedback.figures import results as count
from compassion_kit.feedback.forms import forms
from compassion_kit.feedback.results import Results

FILES = ("summary.pptx", "report.docx", "results.json")
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class FeedbackOptions:
    """Choices for one `kit feedback` run."""

    org: Path | None = None
    by: str | None = None
    keep_identifiers: bool = False
    force: bool = False
    content: tuple[Path, ...] = ()


@dataclass(frozen=True)
class FeedbackResult:
    """What was written, and every figure (results.json is `results.as_json()`)."""

    folder: Path
    files: tuple[str, ...]
    results: Results

    def as_json(self) -> dict[str, Any]:
        return self.results.as_json()


def analyse(exports: Sequence[Path], options: FeedbackOptions) -> Results:
    """Every figure from the exports, without writing anything.

    Raises:
        ContentError: an export cannot be read, its columns cannot be understood, or the
            exports are of different forms (every problem of every file, in one go).
    """
    from compassion_kit.library import load_library

    if not exports:
        raise ContentError(
            [
                Problem(
                    "no export given",
                    Location(None),
                    hint="kit feedback responses.xlsx --org org.yaml -o report",
                )
            ]
        )
    log = ProblemLog()
    read: list[Export] = []
    for path in exports:
        export = log.attempt(lambda p=path: read_export(p))  # type: ignore[misc]
        if export is not None:
            read.append(export)
    log.raise_if_any()
    library = load_library(options.content)
    known = forms(library)
    form = match_form(read, known)
    found = layouts(read, form)
    columns = classify(found, form)
    form_id = form[0].form_id if form else None
    title = library.get(form_id).title if form_id else "Survey feedback"
    return count(title, form_id, found, columns, options.by, options.keep_identifiers)


def build_feedback(
    exports: Sequence[Path], output: Path, options: FeedbackOptions
) -> FeedbackResult:
    """Analyse the exports and write the report folder `output` (replaced as a whole).

    Raises:
        ContentError: problems in the exports or the organisation profile.
        OutputError: `output` exists (without `force`), or cannot be written.
    """
    from compassion_kit.feedback.images import chart_png
    from compassion_kit.feedback.plan import charts as plan_charts
    from compassion_kit.logo import load_logo
    from compassion_kit.pack.folder import staged_folder
    from compassion_kit.profile import load_brand
    from compassion_kit.render.docx.feedback import report_docx
    from compassion_kit.render.finish import finish_ooxml
    from compassion_kit.render.pptx.feedback import summary_pptx

    output = Path(output)
    _check_output(output, options.force)
    log = ProblemLog()  # the profile's and the exports' problems are reported together
    brand = log.attempt(lambda: load_brand(options.org))
    logo = log.attempt(lambda: load_logo(brand)) if brand is not None else None
    results = log.attempt(lambda: analyse(exports, options))
    log.raise_if_any()
    assert brand is not None and results is not None  # raise_if_any raised otherwise
    org = brand.organisation
    charts = plan_charts(org, results)
    deck = finish_ooxml(summary_pptx(results, charts, org, logo))
    report = finish_ooxml(
        report_docx(results, charts, [chart_png(c, org) for c in charts], org, logo)
    )
    with staged_folder(output) as stage:
        (stage / FILES[0]).write_bytes(deck)
        (stage / FILES[1]).write_bytes(report)
        (stage / FILES[2]).write_text(results_json(results), encoding="utf-8")
        (stage / MANIFEST).write_text(_manifest(), encoding="utf-8")
    return FeedbackResult(output, FILES, results)


def results_json(results: Results) -> str:
    """results.json's text (also what `--json` prints)."""
    return json.dumps(results.as_json(), indent=2, ensure_ascii=False) + "\n"


def _manifest() -> str:
    # `generator` lets a later run (with --force) replace the folder, as `kit build` does.
    files = [{"path": name} for name in FILES]
    return (
        json.dumps({"generator": "compassion-kit", "kind": "feedback", "files": files}, indent=2)
        + "\n"
    )


def _check_output(output: Path, force: bool) -> None:
    if output.exists() and not output.is_dir():
        raise OutputError(
            [
                Problem(
                    "the output path is a file",
                    Location(output),
                    hint="-o takes a folder, e.g. -o feedback-report",
                )
            ]
        )
    if output.is_dir() and any(output.iterdir()) and not force:
        raise OutputError(
            [
                Problem(
                    "the output folder already exists",
                    Location(output),
                    hint="add --force to replace it, or choose a new folder",
                )
            ]
        )
