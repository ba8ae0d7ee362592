"""The `kit` command line: parse options, call one function in `build`, print the result.

Owns start-up and what Ctrl-C and SIGTERM do (set with `interrupts.stop_on`); the app and what
commands share are in `_app`, the commands in `library`, `documents`, `packs` and `checks`,
and every command's work happens in `build`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from compassion_kit.cli import checks, documents, library, packs
from compassion_kit.cli._app import app, state
from compassion_kit.errors import ExitCode
from compassion_kit.interrupts import STOP_SIGNALS, Interrupted, stop_on

__all__ = ["app", "main"]

# Every command, in the order `kit --help` lists them.
COMMANDS: dict[str, Callable[..., None]] = {
    "list": library.list_items,
    "show": library.show,
    "validate": library.validate,
    "build-deck": documents.build_deck,
    "agenda": documents.agenda,
    "worksheet": documents.worksheet,
    "handout": documents.handout,
    "build": packs.build_pack,
    "init": packs.init,
    "check": checks.check,
}
for _name, _command in COMMANDS.items():
    app.command(_name)(_command)
app.add_typer(checks.template_app)  # `kit template check`


def _stop_cleanly() -> None:
    """From start-up on, Ctrl-C and SIGTERM end `kit` with "interrupted; nothing was written".

    Before a command's work begins nothing can have been written, so the process exits with 130
    at once; once `run` has started it, the signal is raised as KeyboardInterrupt so that clean-up
    (`finally` blocks, the pack's temporary folder) runs first and `run` reports it.
    """
    from compassion_kit import console  # now, not inside the handler: it may interrupt an import

    def stop() -> None:
        if state["working"]:
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
