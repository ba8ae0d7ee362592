"""Logos as organisations have them: GIF, WebP, BMP, TIFF, SVGZ, UTF-16 SVG, a standard DOCTYPE."""

from __future__ import annotations

import codecs
import gzip
import io
from pathlib import Path

import pytest
from PIL import Image

from compassion_kit.errors import ContentError
from compassion_kit.logo import load_logo
from compassion_kit.logo_limits import MAX_SVG_BYTES
from compassion_kit.profile import Brand, load_brand

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100">'
    '<rect width="300" height="100" fill="#005EB8"/></svg>'
)
ILLUSTRATOR_DOCTYPE = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    "<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In -->\n"
    '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
    '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
)


def brand_with(tmp_path: Path, name: str, data: bytes) -> Brand:
    (tmp_path / name).write_bytes(data)
    profile = tmp_path / "org.yaml"
    profile.write_text(f"name: Test Trust\nlogo_alt: Test Trust logo\nlogo: {name}\n")
    return load_brand(profile)


def picture(kind: str, size: tuple[int, int] = (240, 80), **options: object) -> bytes:
    image = Image.new("RGB", size, (0, 94, 184))
    image.paste((255, 184, 28), (0, 0, size[0] // 2, size[1]))
    out = io.BytesIO()
    image.save(out, format=kind, **options)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["GIF", "WEBP", "BMP", "TIFF"])
def test_raster_formats_become_a_png_of_the_same_shape(tmp_path: Path, kind: str) -> None:
    logo = load_logo(brand_with(tmp_path, f"logo.{kind.lower()}", picture(kind)))
    assert logo is not None and logo.png.startswith(b"\x89PNG")
    assert (logo.width_px, logo.height_px) == (240, 80)
    with Image.open(io.BytesIO(logo.png)) as png:
        found = png.getpixel((200, 40))[:3]
        assert all(abs(a - b) <= 3 for a, b in zip(found, (0, 94, 184), strict=True))


def test_an_animated_gif_gives_its_first_frame(tmp_path: Path) -> None:
    frames = [Image.new("RGB", (60, 30), colour) for colour in ((255, 0, 0), (0, 0, 255))]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=100)
    logo = load_logo(brand_with(tmp_path, "moving.gif", out.getvalue()))
    assert logo is not None
    with Image.open(io.BytesIO(logo.png)) as png:
        assert png.getpixel((5, 5))[:3] == (255, 0, 0)


def test_a_transparent_gif_keeps_its_transparency(tmp_path: Path) -> None:
    image = Image.new("P", (40, 20), 0)
    image.putpalette([255, 255, 255, 0, 94, 184] + [0] * 762)
    image.paste(1, (20, 0, 40, 20))
    out = io.BytesIO()
    image.save(out, format="GIF", transparency=0)
    logo = load_logo(brand_with(tmp_path, "clear.gif", out.getvalue()))
    assert logo is not None
    with Image.open(io.BytesIO(logo.png)) as png:
        assert png.mode == "RGBA" and png.getpixel((2, 2))[3] == 0
        assert png.getpixel((30, 10)) == (0, 94, 184, 255)


def test_svgz_is_unpacked_and_drawn(tmp_path: Path) -> None:
    logo = load_logo(brand_with(tmp_path, "logo.svgz", gzip.compress(SVG.encode())))
    assert logo is not None and abs(logo.width_px / logo.height_px - 3) < 0.01


def test_an_svgz_that_unpacks_too_far_is_refused(tmp_path: Path) -> None:
    bomb = gzip.compress(SVG.encode()[:-6] + b" " * (MAX_SVG_BYTES + 10) + b"</svg>")
    with pytest.raises(ContentError) as caught:
        load_logo(brand_with(tmp_path, "bomb.svgz", bomb))
    assert "unpacks to more than 10 MB" in str(caught.value)


@pytest.mark.parametrize("bom", [True, False])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_svg_is_read(tmp_path: Path, encoding: str, bom: bool) -> None:
    text = '<?xml version="1.0" encoding="UTF-16"?>\n' + SVG
    data = text.encode(encoding)
    if bom:
        data = (codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE) + data
    logo = load_logo(brand_with(tmp_path, "wide.svg", data))
    assert logo is not None and abs(logo.width_px / logo.height_px - 3) < 0.01


def test_illustrators_standard_doctype_is_accepted(tmp_path: Path) -> None:
    logo = load_logo(brand_with(tmp_path, "ai.svg", (ILLUSTRATOR_DOCTYPE + SVG).encode()))
    assert logo is not None and abs(logo.width_px / logo.height_px - 3) < 0.01


def test_a_doctype_with_an_internal_subset_is_still_refused(tmp_path: Path) -> None:
    doctype = ILLUSTRATOR_DOCTYPE.replace('.dtd">', '.dtd" [<!ENTITY ns "x">]>')
    with pytest.raises(ContentError) as caught:
        load_logo(brand_with(tmp_path, "ai.svg", (doctype + SVG).encode()))
    assert "DOCTYPE with declarations or an ENTITY" in str(caught.value)
