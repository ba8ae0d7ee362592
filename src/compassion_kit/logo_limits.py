"""What a logo file may be: its limits, recognising SVG, and the problem raised when it is wrong.

Shared by `logo.py` (reading and normalising) and `svg_logo.py` (drawing SVGs), so that
neither imports the other back.
"""

from __future__ import annotations

import codecs
import re
import zlib

MAX_PIXELS = 40_000_000  # checked from the header, before the pixels are decoded
MAX_ASPECT = 20.0  # wider or taller than 20:1 is not a logo (an SVG could exhaust memory)
MAX_SVG_BYTES = 10 * 1_048_576  # an SVGZ logo is unpacked up to this size, never further
HINT = (
    "use a PNG, JPEG, SVG, GIF, WebP, BMP or TIFF logo under 10 MB, exported from the "
    "supplied artwork"
)
_GZIP = b"\x1f\x8b"
_XML_DECLARED = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([A-Za-z0-9._-]+)(["'])""")


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


def svg_as_utf8(data: bytes) -> bytes | None:
    """The SVG in `data` as UTF-8 bytes, or None when `data` is not an SVG.

    Takes SVGZ (gzip, unpacked to at most `MAX_SVG_BYTES`) and UTF-16 text with or without
    its byte-order mark (as some Windows tools save it); an encoding declared in the XML
    header is rewritten to UTF-8 to match.

    Raises:
        LogoProblem: an SVGZ that unpacks to more than the limit or is damaged.
    """
    if data.startswith(_GZIP):
        data = _gunzip(data)
    text = _as_text(data)
    if text is None:
        return None
    text = _XML_DECLARED.sub(r"\1UTF-8\3", text.lstrip("\ufeff"), count=1)
    utf8 = text.encode("utf-8")
    return utf8 if looks_like_svg(utf8) else None


def _gunzip(data: bytes) -> bytes:
    unpack = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        unpacked = unpack.decompress(data, MAX_SVG_BYTES + 1)
    except zlib.error:
        raise LogoProblem(
            "the logo is a compressed file (SVGZ or gzip) that cannot be unpacked",
            "save the logo again as plain SVG or PNG",
        ) from None
    if len(unpacked) > MAX_SVG_BYTES or unpack.unconsumed_tail:
        raise LogoProblem(
            f"the SVGZ logo unpacks to more than {MAX_SVG_BYTES // 1_048_576} MB",
            "save the logo again as plain SVG or PNG, exported from the supplied artwork",
        )
    return unpacked


def _as_text(data: bytes) -> str | None:
    """UTF-8 or UTF-16 text (by its BOM, or by the NUL bytes around '<'); None otherwise."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif data.startswith(b"<\x00"):
        encoding = "utf-16-le"
    elif data.startswith(b"\x00<"):
        encoding = "utf-16-be"
    else:
        encoding = "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None if encoding != "utf-8" else data.decode("utf-8", "replace")
