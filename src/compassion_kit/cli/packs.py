"""`kit build` (whole workshop packs) and `kit init` (a spec to start from)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from compassion_kit.cli._app import run, usage


def build_pack(
    spec: Annotated[Path, typer.Argument(metavar="SPEC", help="The workshop spec (YAML).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write the pack to.")],
    orgs: Annotated[
        Path | None, typer.Option(help="orgs.csv or a folder of profiles: one pack each.")
    ] = None,
    jobs: Annotated[
        int | None, typer.Option(min=1, help="Packs built at once (default: one per core).")
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Also a PDF of every file.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the manifest as JSON.")] = False,
) -> None:
    """Build every file for a workshop (deck, agendas, worksheets, handouts, checklist).

    Example: kit build examples/wye-valley/workshop.yaml -o dist/wye-valley
    """
    from compassion_kit import console, pack

    options = pack.PackOptions(orgs=orgs, jobs=jobs, pdf=pdf)
    with console.pack_progress() as progress:
        result = run(lambda: pack.build_pack(spec, output, options, progress))
    console.pack_report(result, as_json)
    raise typer.Exit(result.exit_code)


def init(
    preset: Annotated[
        str,
        typer.Argument(
            help="introductory, improvement-planning, community-conversation, improvement-lab, "
            "culture-values or actions-activities."
        ),
    ] = "improvement-planning",
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")] = Path(
        "workshop.yaml"
    ),
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Write a commented workshop spec to start from.

    Example: kit init community-conversation -o workshop.yaml
    """
    from compassion_kit import console, pack

    if preset not in pack.preset_names():
        usage(f"there is no preset '{preset}'; presets: {', '.join(pack.preset_names())}")
    written = run(lambda: pack.write_preset(preset, output, force=force))
    console.success(f"wrote {written}; edit it, then: kit build {written} -o dist/workshop")
