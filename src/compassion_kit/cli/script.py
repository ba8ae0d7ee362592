"""`kit script`: a facilitator's script (slides beside their complete notes) from a deck."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from compassion_kit.cli._app import ForceOpt, JsonOpt, OrgOpt, report, run


def script(
    deck: Annotated[Path, typer.Argument(metavar="DECK.pptx", help="The deck to script.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The .docx to write.")] = Path(
        "script.docx"
    ),
    org: OrgOpt = None,
    as_json: JsonOpt = False,
    force: ForceOpt = False,
) -> None:
    """Write a facilitator's script: run sheet, then every slide's thumbnail, time slot and
    complete presenter notes (needs LibreOffice for the thumbnails).

    Example: kit script dist/wye-valley/wvhb-2027-03-09-deck.pptx --org org.yaml -o script.docx
    """
    from compassion_kit import build

    options = build.ScriptOptions(org=org, force=force)
    report(run(lambda: build.build_script(deck, output, options)), as_json)
