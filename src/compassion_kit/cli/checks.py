"""`kit check`: accessibility and NHS identity of finished .pptx and .docx files; and
`kit template check`: how a PowerPoint template would be used."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from compassion_kit.cli._app import OrgOpt, run, usage
from compassion_kit.errors import ExitCode


def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="FILE_OR_DIR", help=".pptx/.docx/.pdf.", show_default=False),
    ] = None,
    org: OrgOpt = None,
    profile: Annotated[
        Literal["screen", "print", "large-print"], typer.Option(help="print allows A4 slides.")
    ] = "screen",
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON.")] = False,
    template: Annotated[
        Path | None,
        typer.Option("--template", help="A PowerPoint template: same as `kit template check`."),
    ] = None,
) -> None:
    """Check .pptx/.docx/.pdf: accessibility, NHS identity (KIT001-KIT026); exit 1 on errors.

    Example: kit check dist/wye-valley --org examples/wye-valley/org.yaml --profile print
    """
    from compassion_kit import build, console

    if template is not None and not paths:
        template_check(template)
        return
    if template is not None or not paths:
        usage("give files or folders to check, or --template TEMPLATE on its own")
    report = run(lambda: build.check_files(paths, org, profile))
    console.check_report(report, as_json)
    raise typer.Exit(ExitCode.PROBLEMS if report.failed else ExitCode.OK)


template_app = typer.Typer(
    name="template",
    help="Look at a PowerPoint template before building on it.",
    no_args_is_help=True,
)


@template_app.command("check")
def template_check(
    path: Annotated[Path, typer.Argument(metavar="TEMPLATE", help=".pptx/.potx/.pptm/.potm.")],
) -> None:
    """Print which layout each kind of slide uses and any compromise; exit 1 only when the
    template cannot be used at all.

    Example: kit template check our-trust.potx
    """
    from compassion_kit import build, console

    report = run(lambda: build.check_deck_template(path))
    width, height = (round(side / 914400, 2) for side in report.slide_size)
    console.table(
        f"{report.path} ({width:g} x {height:g} in slides)",
        ("Slides", "Layout", "Parts"),
        report.rows,
    )
    for warning in report.warnings:
        console.warning(warning)
