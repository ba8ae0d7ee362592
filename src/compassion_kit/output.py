"""Writing files safely: deterministic Office zips and atomic replacement.

Owns bytes-to-disk only; what goes into a document is the renderers' business.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from compassion_kit.errors import Location, OutputError, Problem

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


def zip_entries(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A deflated zip of (name, bytes) in the order given, every entry stamped with
    build_time() and the same attributes: identical entries give identical bytes."""
    stamp = build_time()
    zip_time = min(
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
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as target:
        for name, data in entries:
            entry = zipfile.ZipInfo(name, date_time=zip_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 0
            target.writestr(entry, data)
    return out.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the whole new one.

    The bytes go to a temporary file beside the target, are flushed to disk, then renamed
    over it; on any failure the temporary file is removed and an existing file is untouched.

    Raises:
        OutputError: the folder cannot be created or written, or the disk is full.
    """
    # Write through a link to the file it names, and never replace a device, pipe or
    # socket with a regular file (os.replace would swap out /dev/null itself).
    path = Path(path).resolve() if Path(path).is_symlink() else Path(path)
    if path.exists() and not path.is_file() and not path.is_dir():
        raise OutputError(
            [
                Problem(
                    "the output path is not a regular file (a device, pipe or socket)",
                    Location(path),
                    hint="give a file name, e.g. -o deck.pptx",
                )
            ]
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _output_problem(path.parent, exc, "cannot create the output folder") from None
    if path.is_dir():
        raise OutputError(
            [
                Problem(
                    "the output path is a folder",
                    Location(path),
                    hint="give a file name, e.g. -o deck.pptx",
                )
            ]
        )
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise _output_problem(path, exc, "cannot write the file") from None
    finally:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)


def _output_problem(path: Path, exc: OSError, what: str) -> OutputError:
    reason = exc.strerror or str(exc)
    return OutputError(
        [
            Problem(
                f"{what} ({reason})",
                Location(path),
                hint="choose a folder you can write to with -o, or check free disk space",
            )
        ]
    )
