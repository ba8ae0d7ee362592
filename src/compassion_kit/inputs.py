"""Open input files safely: regular files only, within a size cap, read without ever blocking.

Owns how every input (YAML, CSV, logo, template, checked file) is opened, the size caps, and
the record of which files a run has read, so that no output replaces one of them. What the
bytes mean is the readers' business.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from compassion_kit.errors import ContentError, Location, Problem

_MB = 1_000_000


@dataclass(frozen=True)
class InputKind:
    """What a kind of input is called in messages ("a YAML file"), the most bytes the kit
    reads of it, and how to make a file that is too big smaller."""

    name: str
    limit: int
    hint: str


KINDS: dict[str, InputKind] = {
    # The largest bundled item is ~40 kB; the caps are guards, not budgets.
    "yaml": InputKind("a YAML file", _MB, "split it into smaller files"),
    "csv": InputKind("a CSV file", _MB, "split the organisations over several CSV files"),
    "logo": InputKind(
        "an image file",
        10 * 1024 * 1024,
        "use a PNG, JPEG, SVG, GIF, WebP, BMP or TIFF logo under 10 MB (a print logo is <1 MB)",
    ),
    "template": InputKind(
        "an Office template", 200 * _MB, "remove large pictures or videos from the template"
    ),
    "office": InputKind("an Office file", 200 * _MB, "check a file of 200 MB or less"),
}
_LIMIT_TEXT = {_MB: "1 MB", 10 * 1024 * 1024: "10 MB", 200 * _MB: "200 MB"}
_CHUNK = 1 << 20

# (device, inode) -> path of every input read, so an output never replaces one. A command
# run from the CLI opens its own record (`tracking`); outside one, the process keeps one.
_PROCESS: dict[tuple[int, int], Path] = {}
_RECORD: ContextVar[dict[tuple[int, int], Path] | None] = ContextVar("inputs_read", default=None)


class InputError(ContentError):
    """An input that cannot be read: missing, not a regular file, too big or unreadable.

    `message` and `hint` are those of its one problem, for readers that report it elsewhere
    (a logo's problem points at the profile's `logo` field).
    """

    @property
    def message(self) -> str:
        return self.problems[0].message

    @property
    def hint(self) -> str | None:
        return self.problems[0].hint


def limit_text(kind: str) -> str:
    """The size cap of `kind` as people say it ("1 MB")."""
    limit = KINDS[kind].limit
    return _LIMIT_TEXT.get(limit, f"{limit:,} bytes")


def read_input(path: Path, kind: str, *, shown: Path | None = None, subject: str = "this") -> bytes:
    """The bytes of the regular file `path`, read with a bound and recorded as an input.

    `kind` is a key of `KINDS` (yaml, csv, logo, template, office); `shown` is the path
    messages print (default `path`); `subject` starts each message ("this", or "the logo
    'x.png'" when the problem is reported at another file's line).

    A folder, named pipe (FIFO), device or socket is refused at once, before a byte is read
    (a FIFO is opened without blocking), and so is a file over the kind's cap.

    Raises:
        InputError: naming what the path is, or why it cannot be read, and how to fix it.
    """
    info = KINDS[kind]
    where = shown if shown is not None else path
    try:
        # stat before open: opening a device or FIFO can itself block or have effects.
        _refuse_special(os.stat(path).st_mode, info, where, subject)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise _os_problem(exc, info, where, subject) from None
    try:
        found = os.fstat(fd)
        _refuse_special(found.st_mode, info, where, subject)  # swapped since the stat
        _refuse_size(found.st_size, info, kind, where, subject)
        data = _read_bounded(fd, info.limit)
        _refuse_size(len(data), info, kind, where, subject)  # grew while being read
    except OSError as exc:
        raise _os_problem(exc, info, where, subject) from None
    finally:
        os.close(fd)
    note_input(path, found)
    return data


def _read_bounded(fd: int, limit: int) -> bytes:
    """At most `limit` + 1 bytes, so that a file that grows is still seen to be too big."""
    chunks: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = os.read(fd, min(_CHUNK, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def what_it_is(mode: int) -> str | None:
    """'a folder', 'a named pipe (FIFO)', 'a device' or 'a socket'; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _refuse_special(mode: int, info: InputKind, where: Path, subject: str) -> None:
    what = what_it_is(mode)
    if what is None:
        return
    raise InputError(
        [
            Problem(
                f"{subject} is {what}, not {info.name}",
                Location(where),
                hint=f"give the path of {info.name} saved on disk; "
                "the kit reads only regular files",
            )
        ]
    )


def _refuse_size(size: int, info: InputKind, kind: str, where: Path, subject: str) -> None:
    if size <= info.limit:
        return
    who = "the file" if subject == "this" else subject
    raise InputError(
        [
            Problem(
                f"{who} is {size:,} bytes; the limit is {limit_text(kind)} "
                f"({info.limit:,} bytes) for {info.name}",
                Location(where),
                hint=info.hint,
            )
        ]
    )


def _os_problem(exc: OSError, info: InputKind, where: Path, subject: str) -> InputError:
    of = "" if subject == "this" else f"{subject}: "  # "no such file" at the file itself
    if exc.errno == errno.ENOENT:
        message, hint = f"{of}no such file", "check the spelling and the folder"
    elif exc.errno == errno.ENXIO:  # a socket, or a FIFO with no writer on some systems
        message, hint = f"{subject} is a socket or pipe, not {info.name}", None
    elif exc.errno == errno.ENAMETOOLONG:
        message = f"the path {_short(where)} is too long for this system"
        hint = "use shorter folder and file names"
    elif exc.errno in (errno.EACCES, errno.EPERM):
        message = f"{subject} cannot be read (permission denied)"
        hint = "check the file's permissions, or copy it somewhere you can read"
    elif exc.errno == errno.ENOTDIR:
        message, hint = f"{of}part of the path is a file, not a folder", "check the path"
    else:
        message, hint = f"{subject} cannot be read ({exc.strerror or exc})", None
    location = Location(None) if exc.errno == errno.ENAMETOOLONG else Location(where)
    return InputError([Problem(message, location, hint=hint)])


def _short(path: Path) -> str:
    text = str(path)
    return f"'{text}'" if len(text) <= 80 else f"'{text[:40]}...{text[-30:]}' ({len(text):,} chars)"


@contextmanager
def tracking() -> Iterator[None]:
    """Within the block, inputs are recorded afresh (one command's run)."""
    token = _RECORD.set({})
    try:
        yield
    finally:
        _RECORD.reset(token)


def _record() -> dict[tuple[int, int], Path]:
    found = _RECORD.get()
    return _PROCESS if found is None else found


def note_input(path: Path, found: os.stat_result | None = None) -> None:
    """Record `path` as an input of this run (for readers that cache what they read)."""
    try:
        found = found or os.stat(path)
    except OSError:
        return
    _record()[(found.st_dev, found.st_ino)] = Path(os.path.abspath(path))


def input_at(path: Path) -> Path | None:
    """The input this run read that `path` names (through links), or None.

    A recorded file that has since been deleted does not count, so a reused inode number
    is never mistaken for an input.
    """
    try:
        found = os.stat(path)
    except OSError:
        return None
    recorded = _record().get((found.st_dev, found.st_ino))
    if recorded is None:
        return None
    try:
        return recorded if os.path.samefile(recorded, path) else None
    except OSError:
        return None


def inputs_under(folder: Path) -> list[Path]:
    """Inputs this run read that lie inside `folder` (following links), in path order."""
    try:
        root = folder.resolve()
    except OSError:
        return []
    found = []
    for path in _record().values():
        try:
            if path.resolve().is_relative_to(root) and path.exists():
                found.append(path)
        except OSError:
            continue
    return sorted(found)
