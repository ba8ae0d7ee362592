"""`kit build-deck`, `kit agenda`, `kit worksheet` and `kit handout`: one file each."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from compassion_kit.cli._app import (
    ContentOpt,
    ForceOpt,
    JsonOpt,
    OrgOpt,
    OutOpt,
    report,
    run,
    usage,
)

DocTemplateOpt = Annotated[
    Path | None,
    typer.Option(help="Your organisation's Word template or letterhead (.docx or .dotx)."),
]


def build_deck(
    modules: Annotated[
        list[str] | None, typer.Argument(metavar="MODULE...", help="Deck module ids.")
    ] = None,
    output: OutOpt = Path("deck.pptx"),
    org: OrgOpt = None,
    title: Annotated[str | None, typer.Option(help="Title on the first slide.")] = None,
    date: Annotated[str | None, typer.Option(help="Date shown on the title slide.")] = None,
    venue: Annotated[str | None, typer.Option(help="Venue shown on the title slide.")] = None,
    facilitator: Annotated[str | None, typer.Option(help="Facilitator's name.")] = None,
    agenda: Annotated[
        str | None,
        typer.Option(
            help="Agenda id: the deck follows it session by session, with time slots in the notes."
        ),
    ] = None,
    start: Annotated[str | None, typer.Option(help="Start time HH:MM for --agenda.")] = None,
    template: Annotated[Path | None, typer.Option(help="Your own .pptx template.")] = None,
    as_json: JsonOpt = False,
    content: ContentOpt = None,
    force: ForceOpt = False,
) -> None:
    """Build a branded slide deck with presenter notes from one or more modules.

    Example: kit build-deck culture-values --org org.yaml --date "9 March 2027" -o deck.pptx
    """
    from compassion_kit import build

    options = build.DeckOptions(
        org=org,
        title=title,
        date=date,
        venue=venue,
        facilitator=facilitator,
        agenda=agenda,
        start=start,
        template=template,
        content=tuple(content or ()),
        force=force,
    )
    report(run(lambda: build.build_deck(modules or [], output, options)), as_json)


def agenda(
    agenda_id: Annotated[str, typer.Argument(metavar="ID", help="Agenda id.")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="File to write (Markdown goes to stdout without it)."),
    ] = None,
    facilitator: Annotated[
        bool,
        typer.Option("--facilitator", help="The annotated facilitator version with a run sheet."),
    ] = False,
    start: Annotated[str | None, typer.Option(help="Shift the day to start at HH:MM.")] = None,
    date: Annotated[str | None, typer.Option(help="Date printed on the agenda.")] = None,
    venue: Annotated[str | None, typer.Option(help="Venue printed on the agenda.")] = None,
    org: OrgOpt = None,
    deck: Annotated[
        list[str] | None,
        typer.Option(
            help="The deck used on the day, so slide references become its slide numbers: "
            "the .pptx the kit built (exact for any deck), or deck module id(s), numbered as "
            "kit build-deck MODULE... builds them."
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="docx or md.")] = "docx",
    template: DocTemplateOpt = None,
    as_json: JsonOpt = False,
    content: ContentOpt = None,
    force: ForceOpt = False,
) -> None:
    """Build a timed agenda for participants, or annotated for facilitators.

    Example: kit agenda improvement-planning --facilitator --deck deck.pptx -o a.docx
    """
    from compassion_kit import build, console

    if fmt not in ("docx", "md"):
        usage(f"--format must be docx or md, not '{fmt}'")
    if len(deck or ()) > 1 and any(d.lower().endswith(".pptx") for d in deck or ()):
        usage("--deck takes either one built deck (.pptx) or deck module ids, not both")
    if fmt == "docx" and output is None:
        from compassion_kit.names import file_name

        output = Path(file_name(f"{agenda_id}{'-facilitator' if facilitator else ''}", "docx"))
    options = build.AgendaOptions(
        facilitator=facilitator,
        start=start,
        date=date,
        venue=venue,
        org=org,
        deck=tuple(deck or ()),
        format=fmt,
        template=template,
        content=tuple(content or ()),
        force=force,
    )
    result, data = run(lambda: build.build_agenda(agenda_id, output, options))
    if output is None:
        for message in result.warnings:
            console.warning(message)
        console.text_out(data.decode("utf-8"))
    else:
        report(result, as_json)


def worksheet(
    ids: Annotated[list[str] | None, typer.Argument(metavar="ID...", help="Worksheet ids.")] = None,
    output: OutOpt = Path("worksheets.docx"),
    org: OrgOpt = None,
    team: Annotated[str | None, typer.Option(help="Team name printed on each sheet.")] = None,
    date: Annotated[str | None, typer.Option(help="Date printed on each sheet.")] = None,
    facilitator: Annotated[
        bool,
        typer.Option("--facilitator", help="Include facilitator sheets (e.g. example stories)."),
    ] = False,
    template: DocTemplateOpt = None,
    as_json: JsonOpt = False,
    content: ContentOpt = None,
    force: ForceOpt = False,
) -> None:
    """Build printable worksheets (one document, each sheet on a new page).

    Example: kit worksheet smarter-action-plan same-day-feedback --org org.yaml -o sheets.docx
    """
    from compassion_kit import build

    options = build.PrintOptions(
        org=org,
        team=team,
        date=date,
        facilitator=facilitator,
        template=template,
        content=tuple(content or ()),
        force=force,
    )
    report(run(lambda: build.build_worksheets(ids or [], output, options)), as_json)


def handout(
    ids: Annotated[list[str] | None, typer.Argument(metavar="ID...", help="Handout ids.")] = None,
    output: OutOpt = Path("handouts.docx"),
    element: Annotated[
        str | None, typer.Option(help="All handouts of an element: intro, 1-4 or related.")
    ] = None,
    org: OrgOpt = None,
    template: DocTemplateOpt = None,
    as_json: JsonOpt = False,
    content: ContentOpt = None,
    force: ForceOpt = False,
) -> None:
    """Build printable case studies and information sheets.

    Example: kit handout --element 1 --org org.yaml -o case-studies.docx
    """
    from compassion_kit import build

    def work() -> Any:
        library = build.load_library(content or [])
        chosen = list(ids or [])
        if element is not None:
            chosen += build.handouts_of_element(library, element)
        return build.build_handouts(
            chosen, output, build.PrintOptions(org=org, template=template, force=force), library
        )

    report(run(work), as_json)
