"""Write a single pack's deck in a forked child while the parent writes its documents.

A pack's deck and its Word files take about the same time and share nothing once planned, so
on a machine with two or more cores one pack builds in little more than the longer of the two.
Only where `fork` is safe and cheap (Linux, no other threads, not inside a pool worker): the
child then inherits the imported libraries and the parsed templates, so nothing is imported or
parsed twice. Anywhere else the deck is simply written first; the bytes are the same either way.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from compassion_kit.render import RenderedFile


_STOP = {signal.SIGINT, signal.SIGTERM}


def can_fork() -> bool:
    """Whether a child can be forked cheaply and safely here, with a spare core for it."""
    if not sys.platform.startswith("linux") or not hasattr(signal, "pthread_sigmask"):
        return False  # elsewhere a child re-imports everything (and signals cannot wait)
    if threading.active_count() > 1:
        return False  # threads and fork mix badly
    if multiprocessing.current_process().daemon:
        return False  # a batch's pool worker: its siblings already use the other cores
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) >= 2


class Pending:
    """A deck being written by a child process; `result()` waits for it."""

    def __init__(self, make: Callable[[], RenderedFile]) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._child = context.Process(target=_child, args=(make, send), daemon=True)
        # Ctrl-C and SIGTERM wait while the child starts, until it has its own handlers: one
        # arriving in between would reach the parent's handler copied into the child.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP)
        try:
            self._child.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        send.close()  # the parent keeps only the reading end, so a dead child ends the read

    def result(self) -> RenderedFile:
        """The rendered deck, or the child's exception raised again here."""
        try:
            outcome, value = self._receive.recv()
        except BaseException as error:
            if not isinstance(error, EOFError):  # interrupted while waiting: stop the child
                self.cancel()
                raise
            self._child.join()
            raise RuntimeError(
                f"the process writing the deck stopped unexpectedly (exit code "
                f"{self._child.exitcode})"
            ) from None
        finally:
            self._receive.close()
        self._child.join()
        if outcome == "ok":
            return value  # type: ignore[no-any-return]
        raise value

    def cancel(self) -> None:
        """Stop the child (the parent failed): it would wait forever to hand over its deck."""
        self._child.kill()  # it writes nothing but the pipe, so nothing is left half-done
        self._receive.close()
        self._child.join()


class Done:
    """A deck already written here, with the interface of `Pending`."""

    def __init__(self, rendered: RenderedFile) -> None:
        self._rendered = rendered

    def result(self) -> RenderedFile:
        return self._rendered

    def cancel(self) -> None:
        """Nothing is running."""


def _child(make: Callable[[], RenderedFile], send: Connection) -> None:
    # The parent alone answers Ctrl-C and SIGTERM (and stops this child with SIGTERM): the
    # handlers inherited from it would turn them into exceptions to hand back, and a child
    # blocked handing over its deck would then never end.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP)
    try:
        send.send(("ok", make()))
    except BaseException as error:  # everything goes back to the parent, which reports it
        try:
            send.send(("error", error))
        except Exception:  # an exception that cannot be pickled: send its text instead
            send.send(("error", RuntimeError("".join(traceback.format_exception(error)))))
    finally:
        send.close()


def begin(make: Callable[[], RenderedFile]) -> Pending | Done:
    """`make()` started in a child when `can_fork()`, else made here and now; ask the result
    for it with `.result()`, or `.cancel()` it when the rest of the pack failed."""
    return Pending(make) if can_fork() else Done(make())
