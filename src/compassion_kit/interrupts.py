"""Ctrl-C and SIGTERM: the exception they become while the kit works, and installing that.

Owns the signal handlers only; what is cleaned up belongs to the code interrupted (e.g.
`pack/folder.py`), what is printed and the exit code to `cli.py`.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from types import FrameType

    Handler = Callable[[int, FrameType | None], Any] | int | None

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM while the kit works; caught like any KeyboardInterrupt.

    A subclass on purpose: CPython 3.11 marks an exact KeyboardInterrupt that leaves code run by
    exec() of a string (dataclass creation does that, e.g. while a module is imported lazily)
    as unhandled, and then ends the process with SIGINT instead of the exit code 130 the CLI
    asked for.
    """


def _interrupt() -> NoReturn:
    raise Interrupted


def stop_on(
    signals: Iterable[signal.Signals], stop: Callable[[], None] = _interrupt
) -> dict[signal.Signals, Handler]:
    """Make each of `signals` call `stop` (by default, raise `Interrupted`) from now on.

    Returns:
        The handlers replaced, to put back with `restore`; empty outside the main thread,
        where Python cannot install handlers and nothing is changed.
    """
    if threading.current_thread() is not threading.main_thread():
        return {}

    def handler(signum: int, frame: FrameType | None) -> None:
        stop()

    return {signum: signal.signal(signum, handler) for signum in signals}


def restore(previous: dict[signal.Signals, Handler]) -> None:
    """Put back the handlers `stop_on` replaced."""
    for signum, handler in previous.items():
        signal.signal(signum, handler)
