"""Read an organisation's logo file and normalise it to a safe, deterministic PNG.

Owns decoding and checking the logo (PNG, JPEG, SVG); placing it on a page is the renderers' job.
"""

from __future__ import annotations

import base64
import functools
import io
import os
import re
import struct
import sys
import urllib.parse
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
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
_XML_ENCODING = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_TEXT_TAGS = {"text", "tspan", "textPath"}
_FONT_FAMILY_CSS = re.compile(r"font-family\s*:\s*([^;}]+)", re.IGNORECASE)
# Text in these ranges (Latin, punctuation, currency, letter-like symbols) is drawn by the
# common fonts below; anything else may need any installed font.
_BEYOND_LATIN = re.compile(r"[^\u0000-\u024f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\u2100-\u214f]")
# What a generic family means, metric-compatible fonts first (as fontconfig maps them); the
# first one installed is used. cursive and fantasy are drawn in the sans-serif font.
_GENERIC_FAMILIES = {
    "sans-serif": ("Liberation Sans", "Arial", "Helvetica", "Arimo", "DejaVu Sans", "Noto Sans"),
    "serif": ("Liberation Serif", "Times New Roman", "Times", "Tinos", "DejaVu Serif"),
    "monospace": ("Liberation Mono", "Courier New", "Courier", "Cousine", "DejaVu Sans Mono"),
    "cursive": (),
    "fantasy": (),
}
_SERIF_FAMILIES = ("times", "tinos", "georgia", "garamond", "cambria", "caladea")  # or "*serif*"
# Windows names these font files by abbreviation (times.ttf, cour.ttf, ...).
_WINDOWS_FONT_FILES = {
    "times new roman": "times",
    "courier new": "cour",
    "trebuchet ms": "trebuc",
    "comic sans ms": "comic",
}


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
        png = _rasterise_svg(data)
        if plain := _plain_png_size(png):
            return png, *plain  # resvg's PNG already keeps every promise: no decode and re-encode
        image = _decode_raster(png)
    else:
        raise _LogoProblem(_not_an_image(data, path))
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
    """PNG bytes for an SVG, refusing DOCTYPE/ENTITY and never reading other files."""
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
    embeds_svg = _check_links(root)
    width = SVG_WIDTH if aspect >= 1 else max(1, round(SVG_WIDTH * aspect))
    declared = _XML_ENCODING.match(data)
    try:  # resvg reads text, not bytes; expat has already accepted this encoding
        text = data.decode(declared.group(1).decode("ascii") if declared else "utf-8-sig")
    except (LookupError, UnicodeDecodeError):
        raise _LogoProblem(
            "the SVG logo's text encoding cannot be read", "save the SVG again as UTF-8"
        ) from None
    import resvg_py  # deferred (about 1 ms): only SVG logos need it

    try:
        png = resvg_py.svg_to_bytes(svg_string=text, width=width, **_font_options(root, embeds_svg))
    except Exception as exc:  # resvg raises ValueError for what it cannot draw
        raise _LogoProblem(f"the SVG logo could not be drawn ({exc})") from None
    return bytes(png)


def _check_links(root: ElementTree.Element) -> bool:
    """Refuse links to anything outside the SVG; True when it embeds an SVG picture.

    resvg reads an <image> or <feImage> href as a file path (absolute, or relative to the
    current folder; even '#name' when no element has that id), so a logo could pull any
    picture on the computer into the pack. Only embedded pictures (data: URIs) and links to an
    element of the same file are allowed. CSS url() and @import are not followed by resvg
    (tested), so they need no check.
    """
    ids = {element.get("id") for element in root.iter()}
    embeds_svg = False
    for element in root.iter():
        for name, value in element.attrib.items():
            if _local(name) != "href" or (value.startswith("#") and value[1:] in ids):
                continue
            if value[:5].lower() != "data:":
                shown = value if len(value) <= 60 else value[:57] + "..."
                raise _LogoProblem(
                    f"the SVG logo refers to '{shown}', outside the SVG; the kit draws only "
                    "what is inside the SVG file and never reads other files",
                    "embed the picture in the SVG (Inkscape: Extensions > Images > Embed "
                    "Images) or export the logo as plain SVG or PNG",
                )
            embeds_svg = _check_embedded(value) or embeds_svg
    return embeds_svg


def _check_embedded(uri: str) -> bool:
    """Refuse an embedded picture resvg could not decode safely; True when it is an SVG.

    resvg decodes embedded PNG/JPEG/GIF/WebP pictures without a size limit: a 1 MB SVG holding
    a 40000 x 40000 PNG makes it allocate 6 GB and abort the process. Pillow reads the size
    from the header without decoding the pixels.
    """
    meta, _comma, payload = uri[5:].partition(",")
    damaged = _LogoProblem(
        "the SVG logo contains an embedded picture the kit cannot read",
        "export the logo again from the original artwork, as plain SVG or PNG",
    )
    try:
        if meta.rstrip().lower().endswith(";base64"):
            packed = "".join(payload.split())
            raw = base64.b64decode(packed + "=" * (-len(packed) % 4), validate=True)
        else:
            raw = urllib.parse.unquote_to_bytes(payload)
    except ValueError:
        raise damaged from None
    if "svg" in meta.lower() or _looks_like_svg(raw):
        # resvg draws an embedded SVG without any pictures of its own; no DOCTYPE either.
        if b"<!doctype" in raw.lower() or b"<!entity" in raw.lower():
            raise _LogoProblem(
                "the SVG logo embeds an SVG picture with a DOCTYPE or ENTITY declaration, "
                "which the kit refuses",
                "save the SVG again without a DOCTYPE (e.g. 'Plain SVG' in Inkscape)",
            )
        return True
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw), formats=["PNG", "JPEG", "GIF", "WEBP"]) as image:
                width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        width = height = MAX_PIXELS
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise damaged from None
    if width * height > MAX_PIXELS:
        raise _LogoProblem(
            "the SVG logo embeds a picture that is too large in pixels (a possible "
            f"decompression bomb); the limit is {MAX_PIXELS // 1_000_000} million",
            "export the logo again from the original artwork",
        )
    return False


def _font_options(root: ElementTree.Element, embeds_svg: bool) -> dict[str, Any]:
    """resvg's font settings: only the fonts the logo's text asks for, found by file name.

    Loading every system font costs 20-90 ms (more on a desktop with many fonts) while a few
    files cost about 1 ms, and a logo without text needs none. The fonts are sorted file paths,
    so the same logo gives the same pixels on the same machine.
    """
    texts = [element for element in root.iter() if _local(element.tag) in _TEXT_TAGS]
    if not texts and not embeds_svg:
        return {"skip_system_fonts": True}
    if embeds_svg or any(_BEYOND_LATIN.search("".join(t.itertext())) for t in texts):
        # An embedded SVG's fonts are unknown, and other scripts need resvg's per-character
        # fallback to search every installed font.
        return {"skip_system_fonts": False}
    families = _font_families(root)
    files: set[str] = set()
    for family in families:
        if family.lower() not in _GENERIC_FAMILIES:
            files.update(_font_files_for(family))
    chosen: dict[str, str] = {}
    for generic, candidates in _GENERIC_FAMILIES.items():
        for candidate in candidates:
            if found := _font_files_for(candidate):
                chosen[generic] = candidate
                files.update(found)
                break
    if not files:
        return {"skip_system_fonts": False}  # no font file name matched: let resvg look
    sans = chosen.get("sans-serif") or next(iter(chosen.values()), None)
    # resvg draws text whose families are all missing with the generic serif font. CairoSVG
    # (through fontconfig) used sans-serif, which suits most logos, so the serif slot holds the
    # sans font unless the logo asks for a serif face.
    serif = chosen.get("serif") if _wants_serif(families) else sans
    return {
        "skip_system_fonts": True,
        "font_files": sorted(files),
        "font_family": sans,  # text without a font-family: CairoSVG's sans-serif, not Times
        "sans_serif_family": sans,
        "serif_family": serif or sans,
        "monospace_family": chosen.get("monospace") or sans,
        "cursive_family": sans,
        "fantasy_family": sans,
    }


def _font_families(root: ElementTree.Element) -> list[str]:
    """Every family named in font-family attributes, style attributes and <style> sheets."""
    values: list[str] = []
    for element in root.iter():
        values.append(element.get("font-family") or "")
        css = element.get("style") or ""
        if _local(element.tag) == "style":
            css += ";" + (element.text or "")
        values.extend(_FONT_FAMILY_CSS.findall(css))
    names = (name.strip().strip("'\"").strip() for value in values for name in value.split(","))
    return [name for name in names if name]


def _wants_serif(families: list[str]) -> bool:
    lowered = [family.lower() for family in families]
    return any("sans" not in f and ("serif" in f or f.startswith(_SERIF_FAMILIES)) for f in lowered)


def _font_files_for(family: str) -> list[str]:
    """Font files whose simplified name starts with the family's (LiberationSans-Bold.ttf)."""
    prefixes = tuple(
        prefix
        for prefix in (_simple(family), _WINDOWS_FONT_FILES.get(family.lower(), ""))
        if len(prefix) >= 3  # "" or a one-letter name would match far too many files
    )
    if not prefixes:
        return []
    return [path for name, path in _installed_fonts() if name.startswith(prefixes)]


@functools.cache
def _installed_fonts() -> tuple[tuple[str, str], ...]:
    """(simplified file name, path) of every font file in the usual folders, read once."""
    found = []
    for folder in _font_folders():
        for parent, _dirs, names in os.walk(folder):
            for name in names:
                stem, extension = os.path.splitext(name)
                if extension.lower() in (".ttf", ".otf", ".ttc", ".otc"):
                    found.append((_simple(stem), os.path.join(parent, name)))
    return tuple(sorted(found))


def _font_folders() -> list[str]:
    home = os.path.expanduser("~")  # left as "~" when unknown, then dropped below
    if sys.platform == "win32":
        windows, local = os.environ.get("WINDIR", r"C:\Windows"), os.environ.get("LOCALAPPDATA", "")
        folders = [os.path.join(windows, "Fonts"), os.path.join(local, "Microsoft/Windows/Fonts")]
    elif sys.platform == "darwin":
        folders = ["/System/Library/Fonts", "/Library/Fonts", os.path.join(home, "Library/Fonts")]
    else:
        folders = ["/usr/share/fonts", "/usr/local/share/fonts"]
        folders += [os.path.join(home, ".local/share/fonts"), os.path.join(home, ".fonts")]
    return [folder for folder in folders if os.path.isabs(folder)]  # never the current folder


def _simple(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]  # ElementTree writes '{namespace}name'


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
