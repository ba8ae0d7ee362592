"""The `kit` command line: parse options, call one function in `build`, print the result.

Owns flags, exit codes, and what Ctrl-C and SIGTERM do (set at start-up with
`interrupts.stop_on`); every command's work happens in `build.py`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer

from compassion_kit import __version__
from compassion_kit.errors import ExitCode, KitError
from compassion_kit.interrupts import STOP_SIGNALS, Interrupted, stop_on

T = TypeVar("T")

app = typer.Typer(
    name="kit",
    help="Turn the workplace-compassion content library into branded workshop materials.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
_state = {"debug": False, "working": False}

ContentOpt = Annotated[
    list[Path] | None,
    typer.Option("--content", help="Your own content folder or file; same id replaces ours."),
]
OrgOpt = Annotated[Path | None, typer.Option("--org", help="Organisation profile (YAML).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print what was written as JSON.")]
OutOpt = Annotated[Path, typer.Option("-o", "--output", help="File to write.")]


def _run(work: Callable[[], T]) -> T:
    """Run a command's work, turning problems into messages and exit codes."""
    from compassion_kit import console

    _state["working"] = True
    try:
        return work()
    except KitError as exc:
        console.problems(exc.problems)
        raise typer.Exit(ExitCode.PROBLEMS) from None
    except KeyboardInterrupt:
        console.info("interrupted; nothing was written")
        raise typer.Exit(130) from None
    except Exception as exc:
        if _state["debug"]:
            raise
        console.bug(exc)
        raise typer.Exit(ExitCode.BUG) from None


def _version(value: bool) -> None:
    if value:
        print(f"compassion-kit {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for bugs.")] = False,
) -> None:
    """Turn the workplace-compassion content library into branded workshop materials.

    Example: kit build-deck culture-values --org examples/wye-valley/org.yaml -o deck.pptx
    """
    _state["debug"] = debug


@app.command("list")
def list_items(
    kind: Annotated[str | None, typer.Option(help="deck, agenda, worksheet or handout")] = None,
    element: Annotated[str | None, typer.Option(help="intro, 1, 2, 3, 4 or related")] = None,
    as_json: JsonOpt = False,
    content: ContentOpt = None,
) -> None:
    """List every item the kit can produce.

    Example: kit list --kind deck
    """
    from compassion_kit import build, console, show

    if kind not in (None, "deck", "agenda", "worksheet", "handout"):
        _usage(f"--kind must be deck, agenda, worksheet or handout, not '{kind}'")
    if element not in (None, "intro", "1", "2", "3", "4", "related"):
        _usage(f"--element must be intro, 1, 2, 3, 4 or related, not '{element}'")
    library = _run(lambda: build.load_library(content or []))
    rows = [
        show.listing_row(i)
        for i in library.items()
        if (kind is None or i.kind == kind) and (element is None or i.element == element)
    ]
    if as_json:
        console.json_out(rows)
    else:
        console.table(
            "compassion-kit library",
            ["id", "kind", "element", "title", "size"],
            [[r["id"], r["kind"], r["element"], r["title"], r["size"]] for r in rows],
        )


@app.command()
def show(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="Item id from `kit list`.")],
    content: ContentOpt = None,
) -> None:
    """Show a readable outline of one item (slides with notes, timed sessions...).

    Example: kit show improvement-planning
    """
    from compassion_kit import build, console
    from compassion_kit import show as views

    def work() -> str:
        library = build.load_library(content or [])
        build.require_ids(library, [item_id])
        from compassion_kit.requests import slide_titles

        return views.outline(library.get(item_id), slide_titles(library))

    console.markdown_outline(_run(work))


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Content folders/files or organisation profiles (default: the bundled library)."
        ),
    ] = None,
    content: ContentOpt = None,
) -> None:
    """Check content files and organisation profiles; report every problem with file:line.

    Example: kit validate my-content/ examples/wye-valley/org.yaml
    """
    from compassion_kit import build, console

    for line in _run(lambda: build.validate(paths or [], content or [])):
        console.success(line)


def _report(result: Any, as_json: bool) -> None:
    from compassion_kit import console

    for warning in result.warnings:
        console.warning(warning)
    if as_json:
        console.json_out(result.as_json())
    else:
        size = f", {result.slides} slides" if result.slides else ""
        console.success(f"wrote {result.path} ({result.bytes:,} bytes{size})")


@app.command("build-deck")
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
        typer.Option(help="Agenda id: adds an agenda slide and time slots in the notes."),
    ] = None,
    start: Annotated[str | None, typer.Option(help="Start time HH:MM for --agenda.")] = None,
    template: Annotated[Path | None, typer.Option(help="Your own .pptx template.")] = None,
    as_json: JsonOpt = False,
    content: ContentOpt = None,
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
    )
    _report(_run(lambda: build.build_deck(modules or [], output, options)), as_json)


@app.command()
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
        typer.Option(help="Deck module(s) used on the day: slide references become numbers."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="docx or md.")] = "docx",
    as_json: JsonOpt = False,
    content: ContentOpt = None,
) -> None:
    """Build a timed agenda for participants, or annotated for facilitators.

    Example: kit agenda improvement-planning --facilitator --deck leadership-management -o a.docx
    """
    from compassion_kit import build, console

    if fmt not in ("docx", "md"):
        _usage(f"--format must be docx or md, not '{fmt}'")
    if fmt == "docx" and output is None:
        output = Path(f"{agenda_id}{'-facilitator' if facilitator else ''}.docx")
    options = build.AgendaOptions(
        facilitator=facilitator,
        start=start,
        date=date,
        venue=venue,
        org=org,
        deck=tuple(deck or ()),
        format=fmt,
        content=tuple(content or ()),
    )
    result, data = _run(lambda: build.build_agenda(agenda_id, output, options))
    if output is None:
        for message in result.warnings:
            console.warning(message)
        console.text_out(data.decode("utf-8"))
    else:
        _report(result, as_json)


@app.command()
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
    as_json: JsonOpt = False,
    content: ContentOpt = None,
) -> None:
    """Build printable worksheets (one document, each sheet on a new page).

    Example: kit worksheet smarter-action-plan feedback-form --org org.yaml -o sheets.docx
    """
    from compassion_kit import build

    options = build.PrintOptions(
        org=org, team=team, date=date, facilitator=facilitator, content=tuple(content or ())
    )
    _report(_run(lambda: build.build_worksheets(ids or [], output, options)), as_json)


@app.command()
def handout(
    ids: Annotated[list[str] | None, typer.Argument(metavar="ID...", help="Handout ids.")] = None,
    output: OutOpt = Path("handouts.docx"),
    element: Annotated[
        str | None, typer.Option(help="All handouts of an element: intro, 1-4 or related.")
    ] = None,
    org: OrgOpt = None,
    as_json: JsonOpt = False,
    content: ContentOpt = None,
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
        return build.build_handouts(chosen, output, build.PrintOptions(org=org), library)

    _report(_run(work), as_json)


@app.command("build")
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
        result = _run(lambda: pack.build_pack(spec, output, options, progress))
    console.pack_report(result, as_json)
    raise typer.Exit(result.exit_code)


@app.command()
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
        _usage(f"there is no preset '{preset}'; presets: {', '.join(pack.preset_names())}")
    written = _run(lambda: pack.write_preset(preset, output, force=force))
    console.success(f"wrote {written}; edit it, then: kit build {written} -o dist/workshop")


def _usage(message: str) -> NoReturn:
    from compassion_kit import console

    console.info(f"usage error: {message}")
    raise typer.Exit(ExitCode.USAGE)


def _stop_cleanly() -> None:
    """From start-up on, Ctrl-C and SIGTERM end `kit` with "interrupted; nothing was written".

    Before a command's work begins nothing can have been written, so the process exits with 130
    at once; once `_run` has started it, the signal is raised as KeyboardInterrupt so that clean-up
    (`finally` blocks, the pack's temporary folder) runs first and `_run` reports it.
    """
    from compassion_kit import console  # now, not inside the handler: it may interrupt an import

    def stop() -> None:
        if _state["working"]:
            raise Interrupted
        console.info("interrupted; nothing was written")
        sys.exit(130)

    stop_on(STOP_SIGNALS, stop)


def main() -> None:
    """Entry point for the `kit` console script."""
    _stop_cleanly()
    try:
        app()
    except SystemExit:
        raise
    except BaseException:  # pragma: no cover - typer handles its own errors
        sys.exit(ExitCode.BUG)


# Below: `kit check`.
from typing import Literal  # noqa: E402


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(metavar="FILE_OR_DIR", help=".pptx/.docx.")],
    org: OrgOpt = None,
    profile: Annotated[
        Literal["screen", "print", "large-print"], typer.Option(help="print allows A4 slides.")
    ] = "screen",
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON.")] = False,
) -> None:
    """Check .pptx/.docx for accessibility and NHS identity (KIT001-KIT019); exit 1 on errors.

    Example: kit check dist/wye-valley --org examples/wye-valley/org.yaml --profile print
    """
    from compassion_kit import build, console

    report = _run(lambda: build.check_files(paths, org, profile))
    console.check_report(report, as_json)
    raise typer.Exit(ExitCode.PROBLEMS if report.failed else ExitCode.OK)


# Below: `kit feedback` and `kit feedback-template` (survey exports to a results report).


@app.command("feedback")
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
    result = _run(lambda: feedback.build_feedback(exports, output, options))
    console.feedback_report(result, as_json)


@app.command("feedback-template")
def feedback_template(
    form_id: Annotated[str, typer.Argument(metavar="FORM_ID", help="Form id, e.g. feedback-form.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="CSV file to write.")] = Path(
        "entry.csv"
    ),
    content: ContentOpt = None,
) -> None:
    """Write a CSV for typing in paper feedback forms, ready for `kit feedback`.

    Example: kit feedback-template feedback-form -o entry.csv
    """
    from compassion_kit import console, feedback

    written = _run(lambda: feedback.write_entry_template(form_id, output, tuple(content or ())))
    console.success(f"wrote {written}; type one form per row, then: kit feedback {written} -o DIR")
