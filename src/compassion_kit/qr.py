"""QR codes for links shown on slides (videos, the feedback survey), as PNG bytes.

Owns the QR image only; placing it and its alt text is the renderer's job.
"""

from __future__ import annotations

import functools
import io

import segno

MODULE_PX = 10  # pixels per QR module: sharp when a 3 cm code is projected or printed
QUIET_ZONE = 4  # modules of white border that scanners need (ISO/IEC 18004)
ERROR_LEVEL = "m"  # recovers ~15% damage: survives a crease in a printed handout


@functools.lru_cache(maxsize=64)
def qr_png(url: str) -> bytes:
    """PNG bytes of a black-on-white QR code for `url`; the same URL always gives the same bytes.

    Raises:
        ValueError: `url` is empty or too long to encode.
    """
    if not url.strip():
        raise ValueError("a QR code needs a non-empty URL")
    code = segno.make(url, error=ERROR_LEVEL, micro=False, boost_error=False)
    out = io.BytesIO()
    code.save(out, kind="png", scale=MODULE_PX, border=QUIET_ZONE, dark="black", light="white")
    return out.getvalue()


def qr_size_px(url: str) -> int:
    """Width (= height) in pixels of the PNG that `qr_png(url)` returns."""
    code = segno.make(url, error=ERROR_LEVEL, micro=False, boost_error=False)
    width, _height = code.symbol_size(scale=MODULE_PX, border=QUIET_ZONE)
    return int(width)
