"""Logo normalisation: good logos become clean PNGs; every bad one is a located problem."""

from __future__ import annotations

import base64
import hashlib
import io
import struct
import zlib
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import Image, PngImagePlugin

from compassion_kit import logo as logo_module
from compassion_kit import svg_fonts
from compassion_kit.errors import ContentError
from compassion_kit.logo import MAX_SIDE, load_logo
from compassion_kit.profile import DEFAULT_BRAND, Brand, load_brand

LOGOS = Path(__file__).parent / "fixtures" / "logos"


def brand_with(tmp_path: Path, logo_name: str, data: bytes | None = None) -> Brand:
    """A profile file in tmp_path whose `logo` (line 3) names `logo_name`."""
    if data is not None:
        (tmp_path / logo_name).write_bytes(data)
    profile = tmp_path / "org.yaml"
    profile.write_text(f"name: Test Trust\nlogo_alt: Test Trust logo\nlogo: {logo_name}\n")
    return load_brand(profile)


def fixture_brand(tmp_path: Path, name: str) -> Brand:
    return brand_with(tmp_path, name, (LOGOS / name).read_bytes())


def problem_of(brand: Brand) -> str:
    """The single problem's text, checking it points at the profile's logo line."""
    with pytest.raises(ContentError) as caught:
        load_logo(brand)
    (problem,) = caught.value.problems
    assert problem.location.path == brand.profile_path
    assert problem.location.line == 3
    assert problem.field == "logo"
    return problem.message


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares width x height 1-bit pixels but holds almost no data."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def decoded(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


def test_no_logo_in_profile_gives_none() -> None:
    assert load_logo(DEFAULT_BRAND) is None


def test_png_logo_keeps_transparency_and_alt_text(tmp_path: Path) -> None:
    logo = load_logo(fixture_brand(tmp_path, "logo.png"))
    assert logo is not None
    assert (logo.width_px, logo.height_px) == (800, 200)
    assert logo.alt == "Test Trust logo"
    image = decoded(logo.png)
    assert image.mode == "RGBA"
    assert image.getpixel((0, 0))[3] == 0  # transparent corner survives


def test_alt_text_defaults_to_organisation_name(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes((LOGOS / "logo.png").read_bytes())
    profile = tmp_path / "org.yaml"
    profile.write_text("name: Test Trust\nlogo: logo.png\n")
    logo = load_logo(load_brand(profile))
    assert logo is not None and logo.alt == "Test Trust logo"


def test_same_logo_gives_same_bytes_without_metadata(tmp_path: Path) -> None:
    brand = fixture_brand(tmp_path, "logo.png")
    first = load_logo(brand)
    logo_module._normalised.cache_clear()
    second = load_logo(brand)
    assert first is not None and second is not None
    assert hashlib.sha256(first.png).digest() == hashlib.sha256(second.png).digest()
    assert decoded(first.png).info == {}  # no dpi, ICC, EXIF, text or time chunks


def test_svg_logo_is_rasterised_at_its_aspect_ratio(tmp_path: Path) -> None:
    logo = load_logo(fixture_brand(tmp_path, "logo.svg"))
    assert logo is not None
    assert (logo.width_px, logo.height_px) == (800, 200)
    assert decoded(logo.png).getpixel((700, 100))[:3] == (0, 94, 184)


def test_cmyk_jpeg_becomes_rgb(tmp_path: Path) -> None:
    logo = load_logo(fixture_brand(tmp_path, "logo-cmyk.jpg"))
    assert logo is not None
    assert decoded(logo.png).mode == "RGB"


def test_logo_is_recognised_by_content_not_name(tmp_path: Path) -> None:
    logo = load_logo(brand_with(tmp_path, "logo.jpg", (LOGOS / "logo.png").read_bytes()))
    assert logo is not None and logo.width_px == 800


def test_exif_rotation_is_applied(tmp_path: Path) -> None:
    image = Image.new("RGB", (200, 100), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: rotate 90 degrees clockwise to view
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    logo = load_logo(brand_with(tmp_path, "photo.jpg", out.getvalue()))
    assert logo is not None
    assert (logo.width_px, logo.height_px) == (100, 200)


def test_palette_png_with_transparency_becomes_rgba(tmp_path: Path) -> None:
    image = Image.new("P", (40, 20), 0)
    image.putpalette([255, 255, 255, 0, 94, 184] + [0] * 762)
    image.paste(1, (10, 0, 30, 20))
    out = io.BytesIO()
    image.save(out, format="PNG", transparency=0)
    logo = load_logo(brand_with(tmp_path, "palette.png", out.getvalue()))
    assert logo is not None
    rgba = decoded(logo.png)
    assert rgba.mode == "RGBA"
    assert rgba.getpixel((0, 0))[3] == 0 and rgba.getpixel((15, 5)) == (0, 94, 184, 255)


def test_large_logo_is_scaled_down_keeping_its_shape(tmp_path: Path) -> None:
    out = io.BytesIO()
    Image.new("RGB", (3000, 1500), "navy").save(out, format="PNG")
    logo = load_logo(brand_with(tmp_path, "big.png", out.getvalue()))
    assert logo is not None
    assert (logo.width_px, logo.height_px) == (MAX_SIDE, MAX_SIDE // 2)


def test_missing_logo_file_names_the_profile_line(tmp_path: Path) -> None:
    message = problem_of(brand_with(tmp_path, "nowhere.png"))
    assert "does not exist" in message and "nowhere.png" in message


def test_text_file_named_png_is_not_an_image(tmp_path: Path) -> None:
    message = problem_of(brand_with(tmp_path, "logo.png", b"This is not a picture.\n"))
    assert "is not a PNG, JPEG, SVG, GIF, WebP, BMP or TIFF image" in message


def test_truncated_png_is_reported_as_corrupt(tmp_path: Path) -> None:
    out = io.BytesIO()
    Image.effect_noise((400, 400), 60).convert("RGB").save(out, format="PNG")
    data = out.getvalue()
    message = problem_of(brand_with(tmp_path, "cut.png", data[: len(data) // 2]))
    assert "corrupt or truncated" in message


def test_decompression_bomb_is_our_error_not_a_pillow_warning(tmp_path: Path) -> None:
    # 10000 x 10000 is past Pillow's warning limit (89 Mpx) but under its error limit:
    # pytest turns warnings into errors, so a leaked warning would fail differently.
    message = problem_of(brand_with(tmp_path, "bomb.png", png_header(10_000, 10_000)))
    assert "decompression bomb" in message


def test_pixel_cap_is_checked_before_decoding(tmp_path: Path) -> None:
    message = problem_of(brand_with(tmp_path, "huge.png", png_header(8_000, 8_000)))
    assert "8000 x 8000 pixels" in message


def test_file_over_ten_megabytes_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "heavy.png"
    with path.open("wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.truncate(10 * 1024 * 1024 + 1)
    message = problem_of(brand_with(tmp_path, "heavy.png"))
    assert "the limit is 10 MB" in message


def test_pdf_is_named_as_unsupported(tmp_path: Path) -> None:
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="PDF")
    assert "is a PDF file" in problem_of(brand_with(tmp_path, "logo.pdf", out.getvalue()))


def test_svg_external_entity_is_refused_and_does_not_leak(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSWORD")
    svg = (
        f'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50">'
        '<text x="0" y="30">&leak;</text></svg>'
    )
    with pytest.raises(ContentError) as caught:
        load_logo(brand_with(tmp_path, "evil.svg", svg.encode()))
    assert "DOCTYPE with declarations or an ENTITY" in str(caught.value)
    assert "TOP-SECRET" not in str(caught.value)


SVG_OPEN = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'width="100" height="100">'
)
RED = (255, 0, 0, 255)


def colours(png: bytes) -> set[tuple[int, ...]]:
    counts = decoded(png).convert("RGBA").getcolors(maxcolors=100_000) or []
    return {colour for _count, colour in counts}


def red_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (100, 100), (255, 0, 0)).save(out, format="PNG")
    return out.getvalue()


def embedded(data: bytes, media: str = "image/png") -> str:
    return f"data:{media};base64,{base64.b64encode(data).decode()}"


# resvg reads these as local files (absolute, or relative to the current folder): all refused.
OUTSIDE_LINKS = {
    "absolute path": '<image xlink:href="{secret}" width="100" height="100"/>',
    "file address": '<image href="{uri}" width="100" height="100"/>',
    "relative path": '<image href="secret.png" width="100" height="100"/>',
    "'#' with no such id": '<image href="#secret.png" width="100" height="100"/>',
    "filter picture": '<filter id="f"><feImage href="{secret}"/></filter>'
    '<rect width="100" height="100" filter="url(#f)"/>',
    "another SVG": '<use href="other.svg#shape"/>',
    "web address": '<a href="https://example.org/"><rect width="10" height="10"/></a>',
}


@pytest.mark.parametrize("body", OUTSIDE_LINKS.values(), ids=OUTSIDE_LINKS.keys())
def test_svg_links_outside_the_file_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str
) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(red_png())
    monkeypatch.chdir(tmp_path)
    svg = SVG_OPEN + body.format(secret=secret, uri=secret.as_uri()) + "</svg>"
    message = problem_of(brand_with(tmp_path, "peek.svg", svg.encode()))
    assert "outside the SVG" in message and "never reads other files" in message


def test_svg_links_inside_the_file_and_embedded_pictures_are_drawn(tmp_path: Path) -> None:
    svg = (
        f'{SVG_OPEN}<defs><rect id="box" width="40" height="40" fill="#005EB8"/></defs>'
        f'<use xlink:href="#box" x="60" y="60"/>'
        f'<image href="{embedded(red_png())}" width="50" height="50"/></svg>'
    )
    logo = load_logo(brand_with(tmp_path, "inside.svg", svg.encode()))
    assert logo is not None
    image = decoded(logo.png)
    assert image.getpixel((100, 100)) == RED  # the embedded picture, top left
    assert image.getpixel((700, 700)) == (0, 94, 184, 255)  # the <use> copy, bottom right


STYLE_LINKS = {
    "@import": "<style>@import url('{css}');</style>",
    "url() in a style": '<rect width="100" height="100" style="fill: url({other}#red)"/>',
    "url() in an attribute": '<rect width="100" height="100" fill="url({other}#red)"/>',
}


@pytest.mark.parametrize("markup", STYLE_LINKS.values(), ids=STYLE_LINKS.keys())
def test_svg_style_sheets_never_read_other_files(tmp_path: Path, markup: str) -> None:
    # resvg does not follow these; this test keeps it so (a red square would mean it read one).
    css = tmp_path / "secret.css"
    css.write_text("rect { fill: #ff0000 !important }")
    other = tmp_path / "other.svg"
    other.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><linearGradient id="red">'
        '<stop offset="0" stop-color="#f00"/><stop offset="1" stop-color="#f00"/>'
        "</linearGradient></svg>"
    )
    body = markup.format(css=css, other=other)
    svg = f'{SVG_OPEN}{body}<rect x="50" width="50" height="50" fill="#000"/></svg>'
    logo = load_logo(brand_with(tmp_path, "styled.svg", svg.encode()))
    assert logo is not None and RED not in colours(logo.png)


@pytest.mark.parametrize("side", [8_000, 10_000])  # over our cap; over Pillow's warning too
def test_svg_embedding_a_picture_bomb_is_refused(tmp_path: Path, side: int) -> None:
    # resvg decodes embedded pictures without a size limit (a 40000 x 40000 PNG aborts it).
    svg = f'{SVG_OPEN}<image href="{embedded(png_header(side, side))}"/></svg>'
    message = problem_of(brand_with(tmp_path, "bomb.svg", svg.encode()))
    assert "embeds a picture that is too large in pixels" in message


def test_svg_embedding_a_damaged_picture_is_refused(tmp_path: Path) -> None:
    svg = f'{SVG_OPEN}<image href="{embedded(b"not a picture")}"/></svg>'
    message = problem_of(brand_with(tmp_path, "damaged.svg", svg.encode()))
    assert "embedded picture the kit cannot read" in message


def test_svg_embedding_an_svg_with_a_doctype_is_refused(tmp_path: Path) -> None:
    inner = b'<!DOCTYPE svg [<!ENTITY a "a">]><svg xmlns="http://www.w3.org/2000/svg"/>'
    svg = f'{SVG_OPEN}<image href="{embedded(inner, "image/svg+xml")}"/></svg>'
    message = problem_of(brand_with(tmp_path, "nested.svg", svg.encode()))
    assert "DOCTYPE or ENTITY" in message


def test_svg_logo_png_is_deterministic_and_plain(tmp_path: Path) -> None:
    brand = fixture_brand(tmp_path, "logo.svg")
    first = load_logo(brand)
    logo_module._normalised.cache_clear()
    second = load_logo(brand)
    assert first is not None and second is not None and first.png == second.png
    image = decoded(first.png)
    assert image.mode == "RGBA" and image.info == {}


def test_svg_in_a_declared_legacy_encoding_is_read(tmp_path: Path) -> None:
    svg = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
        "<title>Caf\u00e9</title>"
        '<rect width="100" height="100" fill="#005EB8"/></svg>'
    )
    logo = load_logo(brand_with(tmp_path, "latin1.svg", svg.encode("latin-1")))
    assert logo is not None and decoded(logo.png).getpixel((400, 400)) == (0, 94, 184, 255)


def ink(png: bytes) -> int:
    """How many pixels are drawn (not transparent)."""
    return sum(decoded(png).convert("RGBA").getchannel("A").histogram()[1:])


needs_fonts = pytest.mark.skipif(
    not svg_fonts._font_files_for("Liberation Sans"), reason="needs fonts-liberation"
)


def words_logo(tmp_path: Path, family: str | None, name: str) -> bytes:
    attribute = f' font-family="{family}"' if family else ""
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100">'
        f'<text x="10" y="70" font-size="60"{attribute}>Wye Valley</text></svg>'
    )
    logo = load_logo(brand_with(tmp_path, name, svg.encode()))
    assert logo is not None
    return logo.png


@needs_fonts
@pytest.mark.parametrize(
    "family", ["Liberation Sans, Arial, sans-serif", "A Font Nobody Has", None]
)
def test_svg_text_is_drawn_in_sans_serif_unless_named(tmp_path: Path, family: str | None) -> None:
    # Like CairoSVG before: a missing or absent family is drawn in sans-serif, not in Times.
    reference = words_logo(tmp_path, "sans-serif", "reference.svg")
    assert ink(reference) > 10_000
    assert words_logo(tmp_path, family, "words.svg") == reference


def test_svg_without_text_loads_no_fonts() -> None:
    root = ElementTree.fromstring('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')
    assert svg_fonts.font_options(root, embeds_svg=False) == {"skip_system_fonts": True}


@needs_fonts
def test_svg_text_loads_only_the_fonts_it_names_and_a_fallback() -> None:
    root = ElementTree.fromstring(
        '<svg xmlns="http://www.w3.org/2000/svg"><style>.a { font-family: "DejaVu Sans" }'
        '</style><text class="a">Hi</text><text font-family="Arial, sans-serif">Hi</text></svg>'
    )
    options = svg_fonts.font_options(root, embeds_svg=False)
    assert options["skip_system_fonts"] is True
    names = {Path(path).name for path in options["font_files"]}
    assert "LiberationSans-Regular.ttf" in names  # sans-serif, and Arial's stand-in
    assert all(name.startswith(("DejaVuSans", "Liberation", "Arial")) for name in names)
    # No serif face asked for: text in a missing family falls back to sans-serif, not Times.
    assert options["serif_family"] == options["sans_serif_family"] == "Liberation Sans"


def test_svg_text_beyond_latin_may_use_any_installed_font() -> None:
    root = ElementTree.fromstring(
        '<svg xmlns="http://www.w3.org/2000/svg"><text>\u5065\u5eb7</text></svg>'
    )
    assert svg_fonts.font_options(root, embeds_svg=False) == {"skip_system_fonts": False}


def test_svg_without_a_size_is_refused(tmp_path: Path) -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>'
    assert "no usable size" in problem_of(brand_with(tmp_path, "nosize.svg", svg))


def test_extremely_tall_svg_is_refused(tmp_path: Path) -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1000"></svg>'
    assert "times wider than tall" in problem_of(brand_with(tmp_path, "pole.svg", svg))


def test_only_a_plain_png_from_resvg_is_used_as_is() -> None:
    def png(mode: str, **options: object) -> bytes:
        out = io.BytesIO()
        Image.new(mode, (30, 20)).save(out, format="PNG", **options)
        return out.getvalue()

    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "someone")
    assert logo_module._plain_png_size(png("RGBA")) == (30, 20)
    assert logo_module._plain_png_size(png("RGBA", pnginfo=text)) is None  # metadata
    assert logo_module._plain_png_size(png("RGB", dpi=(300, 300))) is None  # a pHYs chunk
    assert logo_module._plain_png_size(png("P")) is None  # a palette: needs _tidy
    big = io.BytesIO()
    Image.new("RGBA", (MAX_SIDE + 1, 10)).save(big, format="PNG")
    assert logo_module._plain_png_size(big.getvalue()) is None


@pytest.mark.parametrize("size", [(4000, 1), (1, 4000), (2100, 100)])
def test_a_raster_logo_thinner_than_1_to_20_is_refused(tmp_path: Path, size: tuple[int, int]):
    out = io.BytesIO()
    Image.new("RGB", size, "navy").save(out, format="PNG")
    with pytest.raises(ContentError) as raised:
        load_logo(brand_with(tmp_path, "line.png", out.getvalue()))
    (problem,) = raised.value.problems
    assert "times wider than tall, or taller than wide" in problem.message
    assert problem.field == "logo" and problem.hint


def test_a_raster_logo_of_exactly_20_to_1_is_accepted(tmp_path: Path) -> None:
    out = io.BytesIO()
    Image.new("RGB", (800, 40), "navy").save(out, format="PNG")
    logo = load_logo(brand_with(tmp_path, "wide.png", out.getvalue()))
    assert logo is not None and (logo.width_px, logo.height_px) == (800, 40)
