"""QR codes for links shown on slides (videos, the feedback survey), as PNG bytes.

Owns the QR image only; placing it and its alt text is the renderer's job. segno encodes the
symbol; the PNG is written here (segno's writer costs ~4 ms a code, this one ~0.3 ms).
"""

from __future__ import annotations

import functools
import struct
import zlib

MODULE_PX = 10  # pixels per QR module: sharp when a 3 cm code is projected or printed
QUIET_ZONE = 4  # modules of white border that scanners need (ISO/IEC 18004)
ERROR_LEVEL = "m"  # recovers ~15% damage: survives a crease in a printed handout
QR_MAX_BYTES = 2331  # the most bytes a QR code (version 40) holds at ERROR_LEVEL
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@functools.lru_cache(maxsize=64)
def qr_png(url: str) -> bytes:
    """PNG bytes of a black-on-white QR code for `url`; the same URL always gives the same bytes.

    Raises:
        ValueError: `url` is empty or too long to encode.
    """
    return _png(_modules(url))


def too_long_for_qr(url: str) -> str | None:
    """Why `url` cannot be drawn as a QR code (too long), or None when it can.

    A QR code at our error level holds at most 2,331 bytes; a scanner reads long codes badly
    well before that, but the limit is what turns a build into an error.
    """
    try:
        _modules(url)
    except ValueError:
        size = len(url.encode("utf-8"))
        return f"it is {size:,} bytes long; a QR code holds at most {QR_MAX_BYTES:,}"
    return None


def qr_size_px(url: str) -> int:
    """Width (= height) in pixels of the PNG that `qr_png(url)` returns."""
    return (len(_modules(url)) + 2 * QUIET_ZONE) * MODULE_PX


@functools.lru_cache(maxsize=64)
def _modules(url: str) -> tuple[bytes, ...]:
    """The symbol's rows of modules, 1 for dark, without the quiet zone."""
    if not url.strip():
        raise ValueError("a QR code needs a non-empty URL")
    import segno  # deferred: only decks with links need it

    code = segno.make(url, error=ERROR_LEVEL, micro=False, boost_error=False)
    return tuple(bytes(row) for row in code.matrix)


def _png(modules: tuple[bytes, ...]) -> bytes:
    """A 1-bit greyscale PNG (0 black, 1 white) with the quiet zone, each module a square of
    MODULE_PX pixels."""
    side = (len(modules) + 2 * QUIET_ZONE) * MODULE_PX
    white_row = b"\x00" + _packed("1" * side)  # each scanline starts with filter type 0
    margin = white_row * (QUIET_ZONE * MODULE_PX)
    edge = "1" * (QUIET_ZONE * MODULE_PX)
    lines = [margin]
    for row in modules:
        bits = "".join("0" * MODULE_PX if dark else "1" * MODULE_PX for dark in row)
        lines.append((b"\x00" + _packed(edge + bits + edge)) * MODULE_PX)
    lines.append(margin)
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"".join(
        (
            _PNG_SIGNATURE,
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", zlib.compress(b"".join(lines), 9)),
            _chunk(b"IEND", b""),
        )
    )


def _packed(bits: str) -> bytes:
    """'0'/'1' pixels packed eight to a byte, the last byte padded with white."""
    padded = bits + "1" * (-len(bits) % 8)
    return int(padded, 2).to_bytes(len(padded) // 8, "big")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
