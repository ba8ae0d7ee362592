"""Draw an SVG logo as PNG with resvg, after refusing what could read other files.

Owns the SVG checks (DOCTYPE, links outside the file, embedded pictures, size and shape) and
the call to resvg; which fonts resvg may use is `svg_fonts.py`'s, normalising the PNG
`logo.py`'s.
"""

from __future__ import annotations

import base64
import io
import re
import urllib.parse
import warnings
from xml.etree import ElementTree

from compassion_kit.logo_limits import MAX_ASPECT, MAX_PIXELS, LogoProblem, looks_like_svg
from compassion_kit.svg_fonts import local_name

SVG_WIDTH = 800  # SVGs are always rasterised to an explicit size


_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in)?\s*$")


_XML_ENCODING = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
# The DOCTYPE Illustrator and other tools write: a public identifier and a system address,
# and no internal subset ([...]), so nothing is declared and nothing is fetched (expat never
# fetches an external DTD). It is dropped before parsing; any other DOCTYPE is refused.
_STANDARD_DOCTYPE = re.compile(
    rb"""<!DOCTYPE\s+svg\s+PUBLIC\s+(?:"[^"<>\[\]]*"|'[^'<>\[\]]*')\s+"""
    rb"""(?:"[^"<>\[\]]*"|'[^'<>\[\]]*')\s*>""",
    re.IGNORECASE,
)


def rasterise_svg(data: bytes) -> bytes:
    """PNG bytes for an SVG, refusing ENTITY declarations (and any DOCTYPE but the standard
    SVG one, which is dropped) and never reading other files."""
    data = _STANDARD_DOCTYPE.sub(b"", data, count=1)
    lowered = data.lower()
    if b"<!doctype" in lowered or b"<!entity" in lowered:
        raise LogoProblem(
            "the SVG logo contains a DOCTYPE with declarations or an ENTITY, which the kit "
            "refuses because it can make the file read other files",
            "save the SVG again without them (e.g. 'Plain SVG' in Inkscape, or untick "
            "'Preserve Illustrator Editing Capabilities')",
        )
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise LogoProblem(f"the SVG logo is not well-formed XML ({exc})") from None
    aspect = _svg_aspect(root)
    embeds_svg = _check_links(root)
    width = SVG_WIDTH if aspect >= 1 else max(1, round(SVG_WIDTH * aspect))
    declared = _XML_ENCODING.match(data)
    try:  # resvg reads text, not bytes; expat has already accepted this encoding
        text = data.decode(declared.group(1).decode("ascii") if declared else "utf-8-sig")
    except (LookupError, UnicodeDecodeError):
        raise LogoProblem(
            "the SVG logo's text encoding cannot be read", "save the SVG again as UTF-8"
        ) from None
    import resvg_py  # deferred (about 1 ms): only SVG logos need it

    from compassion_kit.svg_fonts import font_options

    try:
        png = resvg_py.svg_to_bytes(svg_string=text, width=width, **font_options(root, embeds_svg))
    except Exception as exc:  # resvg raises ValueError for what it cannot draw
        raise LogoProblem(f"the SVG logo could not be drawn ({exc})") from None
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
            if local_name(name) != "href" or (value.startswith("#") and value[1:] in ids):
                continue
            if value[:5].lower() != "data:":
                shown = value if len(value) <= 60 else value[:57] + "..."
                raise LogoProblem(
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
    raw = _data_uri_bytes(meta, payload)
    if "svg" in meta.lower() or looks_like_svg(raw):
        # resvg draws an embedded SVG without any pictures of its own; no DOCTYPE either.
        if b"<!doctype" in raw.lower() or b"<!entity" in raw.lower():
            raise LogoProblem(
                "the SVG logo embeds an SVG picture with a DOCTYPE or ENTITY declaration, "
                "which the kit refuses",
                "save the SVG again without a DOCTYPE (e.g. 'Plain SVG' in Inkscape)",
            )
        return True
    width, height = _picture_size(raw)
    if width * height > MAX_PIXELS:
        raise LogoProblem(
            "the SVG logo embeds a picture that is too large in pixels (a possible "
            f"decompression bomb); the limit is {MAX_PIXELS // 1_000_000} million",
            "export the logo again from the original artwork",
        )
    return False


def _data_uri_bytes(meta: str, payload: str) -> bytes:
    """The bytes of a data: URI, base64 or percent-encoded; refuses one that cannot be read."""
    try:
        if meta.rstrip().lower().endswith(";base64"):
            packed = "".join(payload.split())
            return base64.b64decode(packed + "=" * (-len(packed) % 4), validate=True)
        return urllib.parse.unquote_to_bytes(payload)
    except ValueError:
        raise _damaged_picture() from None


def _picture_size(raw: bytes) -> tuple[int, int]:
    """Width and height from the picture's header; a decompression bomb counts as too large."""
    from PIL import Image, UnidentifiedImageError  # deferred: only embedded pictures need it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw), formats=["PNG", "JPEG", "GIF", "WEBP"]) as image:
                return image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return MAX_PIXELS, MAX_PIXELS
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise _damaged_picture() from None


def _damaged_picture() -> LogoProblem:
    return LogoProblem(
        "the SVG logo contains an embedded picture the kit cannot read",
        "export the logo again from the original artwork, as plain SVG or PNG",
    )


def _svg_aspect(root: ElementTree.Element) -> float:
    """Width / height of the SVG from width/height or viewBox; refuses extreme shapes."""
    if not root.tag.endswith("svg"):
        raise LogoProblem("the SVG logo's outer element is not <svg>")
    width, height = _length(root.get("width")), _length(root.get("height"))
    view = (root.get("viewBox") or "").replace(",", " ").split()
    if (width is None or height is None) and len(view) == 4:
        try:
            width, height = float(view[2]), float(view[3])
        except ValueError:
            width = height = None
    if not width or not height or width <= 0 or height <= 0:
        raise LogoProblem(
            "the SVG logo has no usable size",
            "give the <svg> element a viewBox, or a width and height",
        )
    aspect = width / height
    if not 1 / MAX_ASPECT <= aspect <= MAX_ASPECT:
        raise LogoProblem(
            f"the SVG logo is {width:g} x {height:g}; a logo must not be "
            f"more than {MAX_ASPECT:g} times wider than tall, or taller "
            "than wide"
        )
    return aspect


def _length(value: str | None) -> float | None:
    match = _LENGTH.match(value or "")
    return float(match.group(1)) if match else None
