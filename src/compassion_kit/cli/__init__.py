"""The `kit` command line: parse options, call one function in `build`, print the result.

Owns start-up and what Ctrl-C and SIGTERM do (set with `interrupts.stop_on`); the app and
what commands share are in `_app`, the commands in `library`, `documents`, `script`, `packs`,
`checks`, `preview` and `feedback`, and every command's work happens in `build` (or `feedback`).
"""

from __future__ import annotations

import signal
import sys
import traceback
from collections.abc import Callable

from compassion_kit.cli import checks, documents, feedback, library, packs, preview, script
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
    "script": script.script,
    "build": packs.build_pack,
    "init": packs.init,
    "check": checks.check,
    "preview": preview.preview,
    "feedback": feedback.feedback_report,
    "feedback-template": feedback.feedback_template,
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
    """Entry point for the `kit` console script.

    A bug re-raised by `run` under --debug reaches here: its traceback goes to stderr and
    the exit code is still 3.
    """
    _stop_cleanly()
    if hasattr(signal, "SIGXFSZ"):
        # Past a file size limit (ulimit -f) the system would kill the process; ignored, the
        # write fails with EFBIG instead, which is reported as a problem to fix.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        app()
    except SystemExit:
        raise
    except BaseException:
        traceback.print_exc(file=sys.stderr)
        sys.exit(ExitCode.BUG)
