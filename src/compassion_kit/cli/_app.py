"""The `kit` application: its options, and how a command's work becomes messages and exit codes.

Owns what every command shares (the Typer app, --version and --debug, common options, turning
problems into exit codes); each command lives in the module of its group.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer

from compassion_kit import __version__
from compassion_kit.errors import ExitCode, KitError

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
state = {"debug": False, "working": False}

ContentOpt = Annotated[
    list[Path] | None,
    typer.Option("--content", help="Your own content folder or file; same id replaces ours."),
]
OrgOpt = Annotated[Path | None, typer.Option("--org", help="Organisation profile (YAML).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print what was written as JSON.")]
OutOpt = Annotated[Path, typer.Option("-o", "--output", help="File to write.")]


def run(work: Callable[[], T]) -> T:
    """Run a command's work, turning problems into messages and exit codes."""
    from compassion_kit import console

    state["working"] = True
    try:
        return work()
    except KitError as exc:
        console.problems(exc.problems)
        raise typer.Exit(ExitCode.PROBLEMS) from None
    except KeyboardInterrupt:
        console.info("interrupted; nothing was written")
        raise typer.Exit(130) from None
    except Exception as exc:
        if state["debug"]:
            raise
        console.bug(exc)
        raise typer.Exit(ExitCode.BUG) from None


def usage(message: str) -> NoReturn:
    """Stop with exit code 2 and `message` (wrong use of the command line)."""
    from compassion_kit import console

    console.info(f"usage error: {message}")
    raise typer.Exit(ExitCode.USAGE)


def report(result: Any, as_json: bool) -> None:
    """Print what a single-file command wrote: JSON on stdout, or a line for people."""
    from compassion_kit import console

    for warning in result.warnings:
        console.warning(warning)
    if as_json:
        console.json_out(result.as_json())
    else:
        size = f", {result.slides} slides" if result.slides else ""
        console.success(f"wrote {result.path} ({result.bytes:,} bytes{size})")


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
    state["debug"] = debug
