"""Writing files safely: deterministic Office zips, atomic replacement, and the checks that
keep an output from replacing an input, a link's target or anything but a file.

Owns bytes-to-disk only; what goes into a document is the renderers' business.
"""

from __future__ import annotations

import errno
import io
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from compassion_kit.errors import Location, OutputError, Problem
from compassion_kit.inputs import input_at, what_it_is

_DEFAULT_EPOCH = 1577836800  # 2020-01-01T00:00:00Z: the resource pack's year
_LAST_EPOCH = 253402300799  # 9999-12-31T23:59:59Z: the last second a datetime can hold
_LAST_ZIP_TIME = (2107, 12, 31, 23, 59, 58)  # a zip entry's date has 7 bits for the year


def build_time() -> datetime:
    """The timestamp written into documents: SOURCE_DATE_EPOCH if set, else a fixed date.

    Never the wall clock, so that identical inputs give byte-identical files.
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    # isascii: isdigit() alone accepts digits int() refuses, such as '²'.
    seconds = min(int(raw), _LAST_EPOCH) if raw.isascii() and raw.isdigit() else _DEFAULT_EPOCH
    return datetime.fromtimestamp(seconds, tz=UTC).replace(tzinfo=None)


ZIP_ATTRIBUTES = 0o644 << 16  # every entry's external attributes: a plain, readable file


def zip_time() -> tuple[int, int, int, int, int, int]:
    """build_time() as a zip entry's date and time (1980 to 2107, even seconds)."""
    stamp = build_time()
    return min(
        (
            max(stamp.year, 1980),
            stamp.month,
            stamp.day,
            stamp.hour,
            stamp.minute,
            stamp.second // 2 * 2,
        ),
        _LAST_ZIP_TIME,
    )


def zip_entries(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A deflated zip of (name, bytes) in the order given, every entry stamped with
    build_time() and the same attributes: identical entries give identical bytes."""
    stamp = zip_time()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as target:
        for name, data in entries:
            entry = zipfile.ZipInfo(name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = ZIP_ATTRIBUTES
            entry.create_system = 0
            target.writestr(entry, data)
    return out.getvalue()


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write `data` to `path` so that readers see the old file or the whole new one.

    The bytes go to a temporary file beside the target, are flushed to disk, then renamed
    over it; on any failure the temporary file is removed and an existing file is untouched.
    A `path` that is a symbolic link is written through to the file it names only with
    `force`; a path that is, or links to, an input this run has read is always refused.

    Raises:
        OutputError: the path is unusable (a link, an input, a folder, a device), the folder
            cannot be created or written, the disk is full or the file too big.
    """
    path = writable_path(Path(path), force=force)
    _refuse_input(path)
    if path.exists() and not path.is_file():
        what = what_it_is(path.stat().st_mode) or "not a regular file"
        raise OutputError(
            [
                Problem(
                    f"the output path is {what}, not a regular file",
                    Location(path),
                    hint="give a file name, e.g. -o deck.pptx",
                )
            ]
        )
    make_parent(path)
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{path.name[:40]}.", suffix=".part", dir=path.parent
        )
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise output_problem(path, exc, "cannot write the file") from None
    finally:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)


def writable_path(path: Path, *, force: bool = False, what: str = "file") -> Path:
    """The path to write for the output `path`: itself, or with `force` the target of a link.

    Checks what can be checked before anything is built: an empty name, a name or path
    longer than the system allows, a parent that is a file, a link without `force`.

    Raises:
        OutputError: naming the problem and the fix.
    """
    if str(path) in ("", ".", "..") or path.name in ("", ".", ".."):
        raise OutputError(
            [
                Problem(
                    f"the output name is empty or names a folder ('{path}')",
                    Location(None),
                    field="-o",
                    hint=f"give a {what} name, e.g. -o {_EXAMPLE[what]}",
                )
            ]
        )
    _check_lengths(path, what)
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        if not force:
            raise OutputError(
                [
                    Problem(
                        f"the output path is a symbolic link to '{target}'; writing would "
                        f"replace what it points to",
                        Location(path),
                        hint=f"give another name with -o, or add --force to write to '{target}'",
                    )
                ]
            )
        _check_lengths(target, what)
        path = target
    _refuse_file_parent(path)
    return path


_EXAMPLE = {"file": "deck.pptx", "folder": "dist/my-workshop"}
_STAGE = re.compile(r"^\.(.+)\.[A-Za-z0-9_]+\.part$")


def _check_lengths(path: Path, what: str) -> None:
    name_max, path_max = _limits(path)
    longest = max(path.parts, key=lambda part: len(os.fsencode(part)), default="")
    if len(os.fsencode(longest)) > name_max:
        shown = longest if len(longest) <= 50 else longest[:40] + "..."
        raise OutputError(
            [
                Problem(
                    f"the name '{shown}' is {len(os.fsencode(longest)):,} bytes long; this "
                    f"system allows {name_max} for a file or folder name",
                    Location(None),
                    field="-o",
                    hint=f"give a shorter {what} name with -o",
                )
            ]
        )
    if len(os.fsencode(os.path.abspath(path))) >= path_max:
        raise OutputError(
            [
                Problem(
                    f"the output path is {len(os.fsencode(os.path.abspath(path))):,} bytes long; "
                    f"this system allows {path_max - 1:,}",
                    Location(None),
                    field="-o",
                    hint=f"write the {what} to a folder with a shorter path",
                )
            ]
        )


def _limits(path: Path) -> tuple[int, int]:
    """(longest name, longest path) in bytes on the file system holding `path`."""
    here = Path(os.path.abspath(path))
    for folder in (here.parent, *here.parents):
        try:
            return os.pathconf(folder, "PC_NAME_MAX"), os.pathconf(folder, "PC_PATH_MAX")
        except (OSError, ValueError):
            continue
    return 255, 4096


def _refuse_file_parent(path: Path) -> None:
    """A parent folder that is a file: said plainly, not as a disk or permission problem."""
    for parent in Path(os.path.abspath(path)).parents:
        if parent.is_dir():
            return
        if parent.exists():
            raise OutputError(
                [
                    Problem(
                        f"'{parent}' is a file, so it cannot hold the output",
                        Location(path),
                        hint="choose an output path whose folders are folders, not files",
                    )
                ]
            )


def _refuse_input(path: Path) -> None:
    found = input_at(path)
    if found is not None:
        raise OutputError(
            [
                Problem(
                    f"the output would replace '{found}', which this command reads as an input",
                    Location(path),
                    hint="choose another output name with -o; nothing was written",
                )
            ]
        )


def make_parent(path: Path) -> None:
    """Create the folder `path` goes in.

    Raises:
        OutputError: it cannot be created (permissions, read-only disk, a file in the way).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_problem(path.parent, exc, "cannot create the output folder") from None


# errno -> (what went wrong, how to fix it), for faults while writing an output.
_WRITE_FAULTS = {
    errno.ENOSPC: ("the disk is full", "free some space, or choose another disk with -o"),
    errno.EDQUOT: ("the disk quota is used up", "free some space, or choose another disk"),
    errno.EFBIG: (
        "the file is larger than this system allows (a file size limit, e.g. ulimit -f)",
        "raise the limit (ulimit -f unlimited), or write to another disk with -o",
    ),
    errno.ENAMETOOLONG: ("a name in the path is too long", "use shorter names with -o"),
    errno.EACCES: ("permission denied", "choose a folder you can write to with -o"),
    errno.EPERM: ("the operation is not permitted", "choose a folder you can write to with -o"),
    errno.EROFS: ("the disk is read-only", "choose a folder on a writable disk with -o"),
    errno.ENOTDIR: ("part of the path is a file, not a folder", "check the path given to -o"),
    errno.EISDIR: ("the output path is a folder", "give a file name with -o"),
    errno.EIO: ("the disk reported an input/output error", "check the disk, or use another"),
}


def write_fault(exc: BaseException, path: Path) -> OutputError | None:
    """The OutputError for a fault of the disk or the system met while writing under `path`
    (full disk, file size limit, permissions, read-only disk...); None for anything else,
    which is a bug. The file named is the one the system named, else `path`."""
    if not isinstance(exc, OSError) or exc.errno not in _WRITE_FAULTS:
        return None
    where = Path(os.fsdecode(exc.filename)) if exc.filename else path
    # Named as it would have been: the temporary folder (.NAME.x8k2.part) becomes NAME.
    where = Path(*(_STAGE.sub(r"\1", part) for part in where.parts))
    return output_problem(where, exc, "cannot write the output")


def output_problem(path: Path, exc: OSError, what: str) -> OutputError:
    """An OutputError for an OSError met while writing `path`: what happened and the fix."""
    reason, hint = _WRITE_FAULTS.get(
        exc.errno or 0,
        (exc.strerror or str(exc), "choose a folder you can write to with -o"),
    )
    return OutputError([Problem(f"{what}: {reason}", Location(path), hint=hint)])
