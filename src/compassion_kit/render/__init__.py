"""Renderers: each turns model objects into one kind of file (plan, then write).

Owns the shared result type; each module owns one output format.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RenderedFile:
    """A finished document in memory, ready for `output.write_atomic`.

    `units` counts slides for decks and is None for documents whose page count only a
    layout engine knows; `warnings` are things the user should hear about (text continued
    on a new slide, a colour adjusted) but that did not stop the build.
    """

    data: bytes
    kind: str  # "pptx", "docx" or "md"
    units: int | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
