"""Colours as people write them (#036, rgb(), hsl(), CSS and NHS names) and text-safe shades.

Owns reading a colour into #RRGGBB and deriving a darker shade of a brand colour for text;
contrast arithmetic is `branding.py`'s, which colour a profile gives `model/organisation.py`'s.
"""

from __future__ import annotations

import difflib
import re

from compassion_kit.branding import AA_NORMAL, WHITE, contrast_ratio

# NHS England identity colours (hex values from nhs-r-community/NHSRtheme, R/colours.R).
NHS_PALETTE = {
    "#005EB8": "NHS Blue",
    "#003087": "NHS Dark Blue",
    "#0072CE": "NHS Bright Blue",
    "#41B6E6": "NHS Light Blue",
    "#00A9CE": "NHS Aqua Blue",
    "#231F20": "NHS Black",
    "#425563": "NHS Dark Grey",
    "#768692": "NHS Mid Grey",
    "#E8EDEE": "NHS Pale Grey",
    "#009639": "NHS Green",
    "#006747": "NHS Dark Green",
    "#78BE20": "NHS Light Green",
    "#00A499": "NHS Aqua Green",
    "#330072": "NHS Purple",
    "#7C2855": "NHS Dark Pink",
    "#AE2573": "NHS Pink",
    "#8A1538": "NHS Dark Red",
    "#DA291C": "NHS Red",
    "#ED8B00": "NHS Orange",
    "#FFB81C": "NHS Warm Yellow",
    "#FAE100": "NHS Yellow",
}
_BY_NHS_NAME = {_name.casefold(): _hex for _hex, _name in NHS_PALETTE.items()}
_BARE_HEX = re.compile(r"^[0-9A-Fa-f]{6}$")
_HEX = re.compile(r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")
_SPACES = re.compile(r"\s+")


def read_colour(written: str) -> str:
    """The colour `written` as #RRGGBB (upper case).

    Takes `#RGB`, `#RRGGBB` (with or without the #), `rgb(0, 94, 184)`, `hsl(210, 100%, 36%)`,
    CSS colour names and NHS palette names ("NHS Blue"), in any case. An alpha channel
    (`#RRGGBBAA`, `rgba()`) is dropped: Office text and fills here are opaque.

    Raises:
        ValueError: `written` cannot be a colour; the message suggests the nearest name.
    """
    text = _SPACES.sub(" ", written.strip())
    nhs = _BY_NHS_NAME.get(text.casefold())
    if nhs is not None:
        return nhs
    if _BARE_HEX.match(text):
        text = f"#{text}"
    if _HEX.match(text):  # the usual case, without loading Pillow (about 40 ms)
        digits = text[1:] if len(text) == 7 else "".join(c * 2 for c in text[1:])
        return f"#{digits.upper()}"
    from PIL import ImageColor  # rgb(), hsl() and CSS names

    try:
        channels = ImageColor.getrgb(text.replace(" ", "") if "(" in text else text)
    except ValueError:
        raise ValueError(_not_a_colour(written)) from None
    r, g, b = channels[:3]
    return f"#{r:02X}{g:02X}{b:02X}"


def _not_a_colour(written: str) -> str:
    from PIL import ImageColor

    names = [*NHS_PALETTE.values(), *ImageColor.colormap]
    near = difflib.get_close_matches(written.strip().casefold(), [n.casefold() for n in names])
    found = [n for n in names if n.casefold() in near[:1]]
    suggestion = f" (did you mean '{found[0]}'?)" if found else ""
    return (
        f'\'{written}\' is not a colour{suggestion}: write it as "#005EB8", "rgb(0, 94, 184)", '
        'a CSS colour name or an NHS name such as "NHS Blue"'
    )


def text_shade(colour: str, background: str = WHITE, needed: float = AA_NORMAL) -> str:
    """`colour` itself when text in it reads on `background` (`needed`:1), else a shade of it.

    The shade keeps the hue and is darkened (or, on a dark background, lightened) in OKLab,
    where equal steps look equal, until it reaches `needed`; black or white at worst.
    """
    if contrast_ratio(colour, background) >= needed:
        return colour
    lightness, a, b = _oklab(colour)
    darken = contrast_ratio("#000000", background) >= contrast_ratio("#FFFFFF", background)
    for step in range(1, 101):
        target = (
            lightness * (1 - step / 100) if darken else lightness + (1 - lightness) * step / 100
        )
        # Chroma shrinks with lightness, so the shade stays a colour rather than clipping.
        keep = target / lightness if darken and lightness > 0 else 1.0
        shade = _hex_from_oklab(target, a * keep, b * keep)
        if contrast_ratio(shade, background) >= needed:
            return shade
    return "#000000" if darken else "#FFFFFF"


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _gamma(channel: float) -> float:
    channel = min(1.0, max(0.0, channel))
    return 12.92 * channel if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def _oklab(colour: str) -> tuple[float, float, float]:
    """Björn Ottosson's OKLab (2020) of a #RRGGBB colour."""
    r, g, b = (_linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    lms = (
        0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b,
        0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b,
        0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b,
    )
    l_, m_, s_ = (value ** (1 / 3) for value in lms)
    return (
        0.2104542553 * l_ + 0.7936177850 * m_ - 0.0040720468 * s_,
        1.9779984951 * l_ - 2.4285922050 * m_ + 0.4505937099 * s_,
        0.0259040371 * l_ + 0.7827717662 * m_ - 0.8086757660 * s_,
    )


def _hex_from_oklab(lightness: float, a: float, b: float) -> str:
    l_ = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3
    m_ = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3
    s_ = (lightness - 0.0894841775 * a - 1.2914855480 * b) ** 3
    rgb = (
        4.0767416621 * l_ - 3.3077115913 * m_ + 0.2309699292 * s_,
        -1.2684380046 * l_ + 2.6097574011 * m_ - 0.3413193965 * s_,
        -0.0041960863 * l_ - 0.7034186147 * m_ + 1.7076147010 * s_,
    )
    return "#" + "".join(f"{round(_gamma(c) * 255):02X}" for c in rgb)
