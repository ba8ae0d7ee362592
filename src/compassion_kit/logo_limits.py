"""What a logo file may be: its limits, recognising SVG, and the problem raised when it is wrong.

Shared by `logo.py` (reading and normalising) and `svg_logo.py` (drawing SVGs), so that
neither imports the other back.
"""

from __future__ import annotations

MAX_PIXELS = 40_000_000  # checked from the header, before the pixels are decoded
MAX_ASPECT = 20.0  # wider or taller than 20:1 is not a logo (an SVG could exhaust memory)
HINT = "use a PNG, JPEG or SVG logo under 10 MB, exported from the supplied artwork"


class LogoProblem(Exception):
    """Internal: one thing wrong with the logo file, turned into a located Problem."""

    def __init__(self, message: str, hint: str = HINT) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def looks_like_svg(data: bytes) -> bool:
    """Whether `data` starts like an SVG file (after a BOM and blank space)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg")) and b"<svg" in head
