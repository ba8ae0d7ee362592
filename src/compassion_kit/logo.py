"""Read an organisation's logo file and normalise it to a safe, deterministic PNG.

Owns decoding and checking the logo (PNG, JPEG, SVG); placing it on a page is the renderers' job.
"""

from __future__ import annotations

import functools
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from PIL import Image, ImageOps, UnidentifiedImageError

from compassion_kit.errors import ContentError, Location, Problem

if TYPE_CHECKING:
    from compassion_kit.profile import Brand

MAX_BYTES = 10 * 1024 * 1024  # a print-quality logo is well under 1 MB
MAX_PIXELS = 40_000_000  # checked from the header, before the pixels are decoded
MAX_SIDE = 1000  # long side of the normalised PNG; plenty for a 3 cm logo at 300 dpi
SVG_WIDTH = 800  # SVGs are always rasterised to an explicit size
# zlib level for the normalised PNG: 6 is ~10% larger than 9 for a typical logo (a few KB)
# but ~5x faster to write (10 ms instead of 50-60 ms for 720 x 240), once per process.
PNG_LEVEL = 6
MAX_SVG_ASPECT = 20.0  # wider or taller than 20:1 is not a logo (and could exhaust memory)
_HINT = "use a PNG, JPEG or SVG logo under 10 MB, exported from the supplied artwork"
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_OTHER_FORMATS = {
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
    b"BM": "BMP",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
    b"%PDF": "PDF",
    b"\x00\x00\x01\x00": "ICO",
    b"\x1f\x8b": "compressed (SVGZ or gzip)",
}
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in)?\s*$")


@dataclass(frozen=True)
class Logo:
    """A logo ready to place: normalised PNG bytes, their pixel size and the alt text."""

    png: bytes  # normalised PNG bytes (deterministic for the same input)
    width_px: int
    height_px: int
    alt: str  # from Organisation.alt_text, never a file name


class _LogoProblem(Exception):
    """Internal: one thing wrong with the logo file, turned into a located Problem."""

    def __init__(self, message: str, hint: str = _HINT) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def load_logo(brand: Brand) -> Logo | None:
    """The brand's logo, decoded, checked and normalised; None when the profile has no logo.

    The PNG keeps transparency, has EXIF rotation applied, is RGB or RGBA, is at most
    `MAX_SIDE` pixels on its long side and carries no metadata, so the same file always gives
    the same bytes. Results are cached per file (path, size and modification time).

    Raises:
        ContentError: the file is missing, unreadable, not a PNG/JPEG/SVG (judged by its
            content, not its name), corrupt or truncated, over 10 MB, over the pixel cap, or
            an SVG with a DOCTYPE/entities; the problem points at the profile's `logo` field.
    """
    path = brand.logo_path
    if path is None:
        return None
    try:
        stat = path.stat()
        if not path.is_file():
            raise _LogoProblem(f"the logo '{path}' is a folder, not an image file")
        png, width, height = _normalised(path, stat.st_size, stat.st_mtime_ns)
    except FileNotFoundError:
        raise _problem(
            brand,
            _LogoProblem(
                f"the logo file '{path}' does not exist",
                "check the 'logo' path; it is relative to the file that gives it (profile or CSV)",
            ),
        ) from None
    except _LogoProblem as exc:
        raise _problem(brand, exc) from None
    except OSError as exc:
        raise _problem(
            brand,
            _LogoProblem(
                f"the logo file '{path}' cannot be read ({exc.strerror or exc})",
                "check the file's permissions",
            ),
        ) from None
    return Logo(png, width, height, brand.organisation.alt_text)


def _problem(brand: Brand, exc: _LogoProblem) -> ContentError:
    location: Location = brand.locate("logo")
    return ContentError([Problem(exc.message, location, field="logo", hint=exc.hint)])


@functools.lru_cache(maxsize=16)
def _normalised(path: Path, size: int, mtime_ns: int) -> tuple[bytes, int, int]:
    # `size` and `mtime_ns` are part of the cache key, so an edited file is read again.
    del mtime_ns
    if size > MAX_BYTES:
        raise _LogoProblem(f"the logo file is {size / 1_048_576:.1f} MB; the limit is 10 MB")
    data = path.read_bytes()
    if data.startswith(_PNG) or data.startswith(_JPEG):
        image = _decode_raster(data)
    elif _looks_like_svg(data):
        image = _decode_raster(_rasterise_svg(data))
    else:
        raise _LogoProblem(_not_an_image(data, path))
    return _encode(_tidy(image))


def _not_an_image(data: bytes, path: Path) -> str:
    for magic, name in _OTHER_FORMATS.items():
        if data.startswith(magic):
            return f"the logo '{path.name}' is a {name} file, which the kit does not support"
    if data[8:12] == b"WEBP":
        return f"the logo '{path.name}' is a WebP file, which the kit does not support"
    return f"the logo '{path.name}' is not a PNG, JPEG or SVG image (judged by its content)"


def _decode_raster(data: bytes) -> Image.Image:
    """Open PNG/JPEG bytes, refusing decompression bombs before decoding any pixels."""
    bomb = "the logo is too large in pixels (a possible decompression bomb)"
    with warnings.catch_warnings():
        # Pillow only warns between its own limits; a warning must stop us, not scroll by.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=["PNG", "JPEG"])
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise _LogoProblem(
                    f"{bomb}: {width} x {height} pixels; the limit is "
                    f"{MAX_PIXELS // 1_000_000} million"
                )
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _LogoProblem(bomb) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
            raise _LogoProblem(
                f"the logo image is corrupt or truncated ({exc})",
                "export the logo again from the original artwork",
            ) from None
    return image


def _looks_like_svg(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg")) and b"<svg" in head


def _rasterise_svg(data: bytes) -> bytes:
    """PNG bytes for an SVG, refusing DOCTYPE/ENTITY and never fetching external files."""
    lowered = data.lower()
    if b"<!doctype" in lowered or b"<!entity" in lowered:
        raise _LogoProblem(
            "the SVG logo contains a DOCTYPE or ENTITY declaration, which the kit refuses "
            "because it can make the file read other files",
            "save the SVG again without a DOCTYPE (e.g. 'Plain SVG' in Inkscape)",
        )
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise _LogoProblem(f"the SVG logo is not well-formed XML ({exc})") from None
    aspect = _svg_aspect(root)
    width = SVG_WIDTH if aspect >= 1 else max(1, round(SVG_WIDTH * aspect))
    import cairosvg  # deferred: cairo loads a native library, only needed for SVG logos

    try:
        # unsafe=False: no XML entities, and external files/URLs are never fetched.
        png: bytes = cairosvg.svg2png(bytestring=data, output_width=width, unsafe=False)
    except Exception as exc:  # CairoSVG raises many types for bad input
        raise _LogoProblem(
            f"the SVG logo could not be drawn ({type(exc).__name__}: {exc})"
        ) from None
    return png


def _svg_aspect(root: ElementTree.Element) -> float:
    """Width / height of the SVG from width/height or viewBox; refuses extreme shapes."""
    if not root.tag.endswith("svg"):
        raise _LogoProblem("the SVG logo's outer element is not <svg>")
    width, height = _length(root.get("width")), _length(root.get("height"))
    view = (root.get("viewBox") or "").replace(",", " ").split()
    if (width is None or height is None) and len(view) == 4:
        try:
            width, height = float(view[2]), float(view[3])
        except ValueError:
            width = height = None
    if not width or not height or width <= 0 or height <= 0:
        raise _LogoProblem(
            "the SVG logo has no usable size",
            "give the <svg> element a viewBox, or a width and height",
        )
    aspect = width / height
    if not 1 / MAX_SVG_ASPECT <= aspect <= MAX_SVG_ASPECT:
        raise _LogoProblem(
            f"the SVG logo is {width:g} x {height:g}; a logo must not be "
            f"more than {MAX_SVG_ASPECT:g} times wider than tall, or taller "
            "than wide"
        )
    return aspect


def _length(value: str | None) -> float | None:
    match = _LENGTH.match(value or "")
    return float(match.group(1)) if match else None


def _tidy(image: Image.Image) -> Image.Image:
    """Upright, RGB or RGBA (keeping transparency), at most MAX_SIDE on the long side."""
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


def _encode(image: Image.Image) -> tuple[bytes, int, int]:
    # A fresh image carries no info dict, so no ICC profile, EXIF, dpi or text chunks
    # (and no time stamps) reach the PNG: same pixels, same bytes.
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    out = io.BytesIO()
    clean.save(out, format="PNG", optimize=False, compress_level=PNG_LEVEL)
    return out.getvalue(), clean.width, clean.height
