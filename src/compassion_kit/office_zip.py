"""Vetting the zip of an Office file a user gives as a template, before a library reads it.

Owns the zip-level reasons to refuse (a broken directory, an entry listed twice, encryption,
data that does not match its checksum); what the parts say is the template readers' business.
"""

from __future__ import annotations

import io
import zipfile
import zlib

_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError)


def zip_damage(data: bytes) -> str | None:
    """Why the zip package `data` cannot be trusted, in plain words; None when it is sound.

    Every entry is read once, so a damaged deflate stream or checksum is found here and not
    half-way through writing a document; call it after the size limits, not before.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            seen: set[str] = set()
            for entry in archive.infolist():
                # Part names compare without case (ECMA-376 part 2, 9.1.1.1).
                if entry.filename.casefold() in seen:
                    return (
                        f"the zip lists {entry.filename} more than once, so programs may read "
                        "different copies"
                    )
                seen.add(entry.filename.casefold())
                if entry.flag_bits & 0x1:
                    return f"it is password-protected (zip entry {entry.filename})"
            broken = archive.testzip()
    except _READ_ERRORS as exc:
        return f"its zip data is damaged ({exc})"
    if broken is not None:
        return f"the part {broken} is damaged (its data does not match its checksum)"
    return None
