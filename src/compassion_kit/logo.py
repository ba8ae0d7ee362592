"""Read an organisation's logo file and normalise it to a safe, deterministic PNG.

Owns decoding and checking the logo (PNG, JPEG, GIF, WebP, BMP, TIFF; SVG and SVGZ through
`svg_logo.py`); placing it on a page is the renderers' job.
"""

from __future__ import annotations

import functools
import io
import struct
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from compassion_kit.errors import ContentError, Location, Problem
from compassion_kit.inputs import KINDS, InputError, note_input, read_input
from compassion_kit.logo_limits import (
    HINT,
    MAX_ASPECT,
    MAX_PIXELS,
    LogoProblem,
    svg_as_utf8,
)

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

    from compassion_kit.profile import Brand

MAX_BYTES = KINDS["logo"].limit  # 10 MB: a print-quality logo is well under 1 MB
MAX_SIDE = 1000  # long side of the normalised PNG; plenty for a 3 cm logo at 300 dpi
# zlib level for the normalised PNG: 6 is ~10% larger than 9 for a typical logo (a few KB)
# but ~5x faster to write (10 ms instead of 50-60 ms for 720 x 240), once per process.
PNG_LEVEL = 6
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
# Pictures Pillow decodes for us, by their first bytes (WebP: "RIFF", size, "WEBP").
_RASTERS = {
    _PNG: "PNG",
    _JPEG: "JPEG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
    b"BM": "BMP",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
}
_OTHER_FORMATS = {
    b"%PDF": "PDF",
    b"\x00\x00\x01\x00": "ICO",
}


@dataclass(frozen=True)
class Logo:
    """A logo ready to place: normalised PNG bytes, their pixel size and the alt text."""

    png: bytes  # normalised PNG bytes (deterministic for the same input)
    width_px: int
    height_px: int
    alt: str  # from Organisation.alt_text, never a file name


def load_logo(brand: Brand) -> Logo | None:
    """The brand's logo, decoded, checked and normalised; None when the profile has no logo.

    The PNG keeps transparency, has EXIF rotation applied, is RGB or RGBA, is at most
    `MAX_SIDE` pixels on its long side and carries no metadata, so the same file always gives
    the same bytes. Results are cached per file (path, size and modification time).

    Raises:
        ContentError: the file is missing, unreadable, not a picture the kit reads (judged by
            its content, not its name), corrupt or truncated, over 10 MB, over the pixel cap,
            or an SVG with entities; the problem points at the profile's `logo` field.
    """
    path = brand.logo_path
    if path is None:
        return None
    try:
        stat = path.stat()
        note_input(path, stat)  # recorded even when the decoded logo comes from the cache
        png, width, height = _normalised(path, stat.st_size, stat.st_mtime_ns)
    except FileNotFoundError:
        raise _problem(
            brand,
            LogoProblem(
                f"the logo file '{path}' does not exist",
                "check the 'logo' path; it is relative to the file that gives it (profile or CSV)",
            ),
        ) from None
    except InputError as exc:
        raise _problem(brand, LogoProblem(exc.message, exc.hint or HINT)) from None
    except LogoProblem as exc:
        raise _problem(brand, exc) from None
    except OSError as exc:
        raise _problem(
            brand,
            LogoProblem(
                f"the logo file '{path}' cannot be read ({exc.strerror or exc})",
                "check the file's permissions",
            ),
        ) from None
    return Logo(png, width, height, brand.organisation.alt_text)


def _problem(brand: Brand, exc: LogoProblem) -> ContentError:
    location: Location = brand.locate("logo")
    return ContentError([Problem(exc.message, location, field="logo", hint=exc.hint)])


@functools.lru_cache(maxsize=16)
def _normalised(path: Path, size: int, mtime_ns: int) -> tuple[bytes, int, int]:
    # `size` and `mtime_ns` are part of the cache key, so an edited file is read again.
    del mtime_ns
    if size > MAX_BYTES:
        raise LogoProblem(f"the logo file is {size / 1_048_576:.1f} MB; the limit is 10 MB")
    data = read_input(path, "logo", subject=f"the logo '{path}'")
    raster = _raster_format(data)
    svg = None if raster else svg_as_utf8(data)
    if raster is not None:
        image = _decode_raster(data, raster)
    elif svg is not None:
        from compassion_kit.svg_logo import rasterise_svg  # only SVG logos need it

        png = rasterise_svg(svg)
        if plain := _plain_png_size(png):
            return png, *plain  # resvg's PNG already keeps every promise: no decode and re-encode
        image = _decode_raster(png, "PNG")
    else:
        raise LogoProblem(_not_an_image(data, path))
    return _encode(_tidy(image))


def _plain_png_size(png: bytes) -> tuple[int, int] | None:
    """(width, height) when the PNG is already normalised; None when it needs `_tidy`.

    resvg writes 8-bit RGBA with only IHDR, IDAT and IEND chunks (no metadata, the same bytes
    for the same pixels), which saves decoding and re-encoding it (about 12 ms for 800 x 267).
    """
    if not png.startswith(_PNG) or png[12:16] != b"IHDR":
        return None
    width, height, depth, colour, _compression, _filter, interlace = struct.unpack(
        ">IIBBBBB", png[16:29]
    )
    if depth != 8 or colour not in (2, 6) or interlace or max(width, height) > MAX_SIDE:
        return None
    position = 8
    while position + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        if kind not in (b"IHDR", b"IDAT", b"IEND"):
            return None
        position += 12 + length
    return width, height


def _raster_format(data: bytes) -> str | None:
    """Pillow's name for the picture format `data` starts with; None for anything else."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return next((name for magic, name in _RASTERS.items() if data.startswith(magic)), None)


def _not_an_image(data: bytes, path: Path) -> str:
    for magic, name in _OTHER_FORMATS.items():
        if data.startswith(magic):
            return f"the logo '{path.name}' is a {name} file, which the kit does not support"
    return (
        f"the logo '{path.name}' is not a PNG, JPEG, SVG, GIF, WebP, BMP or TIFF image "
        "(judged by its content)"
    )


def _decode_raster(data: bytes, kind: str) -> PILImage:
    """Open picture bytes of format `kind`, refusing decompression bombs before decoding
    any pixels; an animated GIF or WebP gives its first frame."""
    # Pillow is imported here, not at the top: SVG logos never need it (~50 ms of start-up).
    from PIL import Image, UnidentifiedImageError

    bomb = "the logo is too large in pixels (a possible decompression bomb)"
    with warnings.catch_warnings():
        # Pillow only warns between its own limits; a warning must stop us, not scroll by.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=[kind])
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise LogoProblem(
                    f"{bomb}: {width} x {height} pixels; the limit is "
                    f"{MAX_PIXELS // 1_000_000} million"
                )
            if max(width, height) > MAX_ASPECT * min(width, height):
                raise LogoProblem(
                    f"the logo is {width} x {height} pixels; a logo must not be more than "
                    f"{MAX_ASPECT:g} times wider than tall, or taller than wide (it would "
                    "print as a thin line)",
                    "crop the logo to its artwork, or export it again from the original",
                )
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise LogoProblem(bomb) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
            raise LogoProblem(
                f"the logo image is corrupt or truncated ({exc})",
                "export the logo again from the original artwork",
            ) from None
    return image


def _tidy(image: PILImage) -> PILImage:
    """Upright, RGB or RGBA (keeping transparency), at most MAX_SIDE on the long side."""
    from PIL import Image, ImageOps

    image = ImageOps.exif_transpose(image) or image
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        image = image.point(lambda value: value / 256).convert("L")
    has_alpha = image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info
    target = "RGBA" if has_alpha else "RGB"
    if image.mode != target:
        image = image.convert(target)
    if max(image.size) > MAX_SIDE:
        image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    return image


def _encode(image: PILImage) -> tuple[bytes, int, int]:
    from PIL import Image

    # A fresh image carries no info dict, so no ICC profile, EXIF, dpi or text chunks
    # (and no time stamps) reach the PNG: same pixels, same bytes.
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    out = io.BytesIO()
    clean.save(out, format="PNG", optimize=False, compress_level=PNG_LEVEL)
    return out.getvalue(), clean.width, clean.height
