"""Write a whole output folder safely: build it beside the target, then swap it into place.

Owns the temporary folder, the swap, refusing to replace a folder the kit did not make, and
treating SIGTERM like Ctrl-C while a folder is being built.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from compassion_kit.errors import Location, OutputError, Problem
from compassion_kit.interrupts import STOP_SIGNALS, restore, stop_on

MANIFEST = "manifest.json"
GENERATOR = "compassion-kit"


def check_target(target: Path) -> None:
    """Refuse a target that is a file, or a folder with files the kit did not write.

    Raises:
        OutputError: the target cannot be replaced safely.
    """
    if target.is_file() or (target.exists() and not target.is_dir()):
        raise OutputError(
            [Problem("the output path is a file", Location(target), hint="-o takes a folder")]
        )
    strays = _files_not_written_by_kit(target) if target.is_dir() else []
    if strays and _made_by_kit(target):
        shown = ", ".join(strays[:5]) + (f" and {len(strays) - 5} more" if len(strays) > 5 else "")
        raise OutputError(
            [
                Problem(
                    f"the output folder holds files `kit build` did not write: {shown}",
                    Location(target),
                    hint="move them elsewhere first, or choose a new folder with -o; "
                    "rebuilding replaces the whole folder",
                )
            ]
        )
    if target.is_dir() and any(target.iterdir()) and not _made_by_kit(target):
        raise OutputError(
            [
                Problem(
                    "the output folder already holds files that `kit build` did not write",
                    Location(target),
                    hint="choose a new folder with -o; `kit build` replaces only folders it made",
                )
            ]
        )


def _files_not_written_by_kit(folder: Path) -> list[str]:
    """Files under `folder` that its manifest does not list (a user's own notes, say)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(data, dict):
        return []
    known = {MANIFEST}
    known.update(str(f.get("path")) for f in data.get("files", []) if isinstance(f, dict))
    for pack in data.get("packs", []):
        if isinstance(pack, dict) and pack.get("folder"):
            known.add(f"{pack['folder']}/{MANIFEST}")
            known.update(f"{pack['folder']}/{f.get('path')}" for f in pack.get("files", []))
    found = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if not p.is_dir())
    return [name for name in found if name not in known]


def _made_by_kit(folder: Path) -> bool:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("generator") == GENERATOR


@contextmanager
def staged_folder(target: Path) -> Iterator[Path]:
    """Yield an empty folder beside `target`; when the block succeeds, it becomes `target`.

    An existing `target` is renamed aside, the new folder renamed in, then the old one
    deleted, so readers see the old folder or the whole new one. On any error, Ctrl-C or
    SIGTERM, the temporary folder is deleted and `target` is left as it was.

    Raises:
        OutputError: the folder cannot be created, or `target` cannot be replaced.
    """
    check_target(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent))
        # mkdtemp makes the folder private (0700); the pack is shared like any other folder.
        os.chmod(stage, 0o777 & ~_umask())
    except OSError as exc:
        raise _problem(target.parent, exc, "cannot create the output folder") from None
    try:
        with _sigterm_as_interrupt():
            yield stage
            with _signals_held():
                _swap(stage, target)
    finally:
        with _signals_held():
            shutil.rmtree(stage, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _swap(stage: Path, target: Path) -> None:
    old = stage.with_suffix(".old")
    try:
        if target.exists():
            os.replace(target, old)
        try:
            os.replace(stage, target)
        except OSError:
            if old.exists():
                os.replace(old, target)
            raise
    except OSError as exc:
        raise _problem(target, exc, "cannot move the new folder into place") from None
    shutil.rmtree(old, ignore_errors=True)


def _problem(path: Path, exc: OSError, what: str) -> OutputError:
    return OutputError(
        [
            Problem(
                f"{what} ({exc.strerror or exc})",
                Location(path),
                hint="choose a folder you can write to with -o, or check free disk space",
            )
        ]
    )


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM (a pipeline cancelling the job) raises KeyboardInterrupt."""
    previous = stop_on([signal.SIGTERM])
    try:
        yield
    finally:
        restore(previous)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM for the few milliseconds of a rename or clean-up.

    A stop signal in the middle of the swap would leave the old folder aside or the
    temporary one behind; it is delivered as soon as the block ends instead.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    # Noted and raised again afterwards, not blocked: Windows has no signal masks, and a mask
    # holds nothing back from the other threads (Rich's progress bar) that may receive it.
    caught: list[int] = []
    previous = {
        s: signal.signal(s, lambda signum, _frame: caught.append(signum)) for s in STOP_SIGNALS
    }
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        if caught:
            signal.raise_signal(caught[0])
