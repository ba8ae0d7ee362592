"""Draw the example PNG logos (made-up organisations) with Pillow; the PNGs are committed.

Run from the repository root: python examples/make_logos.py. The drawings are simple shapes
and text in Pillow's built-in font, so they are the same on every machine.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def fenmoor_hospice() -> Image.Image:
    """A heron over reeds, in a soft purple, with the name beside it."""
    image = Image.new("RGBA", (720, 240), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, 220, 220), fill=(91, 42, 134, 255))
    for x in range(60, 190, 22):
        draw.line((x, 200, x + 12, 120), fill=(244, 201, 93, 255), width=6)
    draw.polygon([(80, 110), (150, 60), (175, 70), (120, 110)], fill=(255, 255, 255, 255))
    draw.line((150, 60, 190, 40), fill=(255, 255, 255, 255), width=5)
    draw.text((250, 60), "Fenmoor", font=_font(72), fill=(91, 42, 134, 255))
    draw.text((252, 145), "Hospice", font=_font(52), fill=(29, 53, 87, 255))
    return image


def kestrel_mental_health() -> Image.Image:
    """A kestrel's wing as three strokes, on an opaque white background (a JPEG-like logo)."""
    image = Image.new("RGB", (600, 200), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for offset, colour in ((0, (0, 98, 107)), (24, (11, 110, 79)), (48, (0, 89, 79))):
        draw.arc((20 + offset, 20, 200 + offset, 200), 200, 340, fill=colour, width=14)
    draw.text((240, 50), "Kestrel", font=_font(56), fill=(0, 98, 107))
    draw.text((242, 120), "Mental Health", font=_font(40), fill=(29, 53, 87))
    return image


def ashby_primary_care() -> Image.Image:
    """A plus sign in a rounded square: a primary care network."""
    image = Image.new("RGBA", (400, 400), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((40, 40, 360, 360), radius=60, fill=(0, 103, 71, 255))
    draw.rectangle((170, 90, 230, 310), fill=(255, 255, 255, 255))
    draw.rectangle((90, 170, 310, 230), fill=(255, 255, 255, 255))
    return image


def main() -> None:
    outputs = {
        HERE / "fenmoor-hospice" / "logo.png": fenmoor_hospice(),
        HERE / "logos" / "kestrel-mental-health.png": kestrel_mental_health(),
        HERE / "logos" / "ashby-pcn.png": ashby_primary_care(),
    }
    for path, image in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(path, optimize=True)
        print(f"wrote {path.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
