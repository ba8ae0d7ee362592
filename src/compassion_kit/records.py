"""What the kit reports about each file it wrote: for `--json` output and pack manifests.

Owns the record only; writing the file is `output.py`'s business.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FileRecord:
    """One file written (or printed to stdout, path "-").

    `kind` is what the file holds (deck, agenda, worksheets, handouts, checklist), `format`
    how it is stored (pptx, docx, pdf, md); `slides` and `pages` are given when known.
    """

    path: str
    kind: str
    format: str
    items: tuple[str, ...]
    audience: str
    bytes: int
    sha256: str
    slides: int | None = None
    pages: int | None = None
    warnings: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": self.path,
            "kind": self.kind,
            "format": self.format,
            "items": list(self.items),
            "audience": self.audience,
            "bytes": self.bytes,
            "sha256": self.sha256,
        }
        if self.slides is not None:
            data["slides"] = self.slides
        if self.pages is not None:
            data["pages"] = self.pages
        data["warnings"] = list(self.warnings)
        return data


def record(
    path: str, kind: str, fmt: str, items: Iterable[str], audience: str, data: bytes, **extra: Any
) -> FileRecord:
    """A record for `data` written at `path`, with its size and SHA-256."""
    digest = hashlib.sha256(data).hexdigest()
    return FileRecord(path, kind, fmt, tuple(items), audience, len(data), digest, **extra)
