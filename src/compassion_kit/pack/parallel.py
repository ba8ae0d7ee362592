"""Run one piece of a single pack's work in a forked process while this one does the rest.

Owns forking, bringing the result (or the error) back and never leaving a child behind; what
the work is belongs to `write.py`. A deck and the Word files of one pack take about the same
time and share nothing, so on two cores a pack is ready in little more than the longer of the
two. Only on Linux (as for batches): macOS and Windows run the work in turn.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

from compassion_kit.interrupts import STOP_SIGNALS

T = TypeVar("T")


class Started(Generic[T]):
    """Work under way; `result()` waits for it, `stop()` ends it early.

    With `fork` (and only where forking is worth it) the work starts now in a child process;
    otherwise it runs here when `result()` is called.
    """

    def __init__(self, work: Callable[[], T], *, fork: bool = True) -> None:
        self._work: Callable[[], T] | None = work
        self._pid = 0
        self._pipe = -1
        if fork and _can_fork():
            self._fork(work)

    def result(self) -> T:
        """The work's return value, or its exception raised here.

        Raises:
            Exception: whatever the work raised (a `KitError` keeps its problems).
        """
        if self._work is not None:  # not forked: run it now
            work, self._work = self._work, None
            return work()
        # The file object owns the descriptor from here (and closes it even when an interrupt
        # lands in read()): stop() must not close it again, by then it may be another file's.
        fd, self._pipe = self._pipe, -1
        with os.fdopen(fd, "rb") as pipe:
            data = pipe.read()
        self._reap()
        if not data:
            raise RuntimeError("the second process ended without a result")
        ok, value, where = pickle.loads(data)
        if ok:
            return value  # type: ignore[no-any-return]
        if where:
            value.add_note(where)  # the child's traceback, shown with --debug
        raise value

    def stop(self) -> None:
        """End the child (after an error or an interrupt here); harmless once finished."""
        self._work = None
        if self._pid:
            if self._pipe >= 0:
                os.close(self._pipe)
                self._pipe = -1
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            self._reap()

    def _fork(self, work: Callable[[], T]) -> None:
        sys.stdout.flush()  # else text buffered so far would be printed twice
        sys.stderr.flush()
        read_end, write_end = os.pipe()
        # Interrupts wait until each side is ready for them: a Ctrl-C landing in the child
        # before `_child` starts would otherwise run the parent's clean-up in the child.
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        try:
            pid = os.fork()
            if pid == 0:
                os.close(read_end)
                _child(work, write_end, mask)  # never returns
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        os.close(write_end)
        self._work, self._pid, self._pipe = None, pid, read_end

    def _reap(self) -> None:
        if self._pid:
            os.waitpid(self._pid, 0)
            self._pid = 0


def _child(work: Callable[[], object], pipe: int, mask: set[int | signal.Signals]) -> None:
    try:
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            payload = pickle.dumps((True, work(), ""))
        except BaseException as exc:  # every failure goes back to the parent to report
            where = "".join(traceback.format_exception(exc))
            try:
                payload = pickle.dumps((False, exc, where))
            except Exception:  # an exception that cannot be pickled: describe it instead
                payload = pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}"), where))
        with os.fdopen(pipe, "wb") as out:
            out.write(payload)
    finally:
        os._exit(0)  # no cleanup handlers: they belong to the parent


def _can_fork() -> bool:
    return sys.platform.startswith("linux") and (os.cpu_count() or 1) > 1
