"""Colours as an Office file states them: DrawingML colour elements and Word colour attributes.

Owns turning `a:srgbClr`, `a:schemeClr` (through the master's colour map and the theme),
`a:sysClr` and their `lumMod`/`lumOff`/`tint`/`shade` modifiers, and Word's `w:color` with
`w:themeColor`/`w:themeTint`/`w:themeShade`, into "#RRGGBB". Contrast arithmetic is `branding`'s.
"""

from __future__ import annotations

import colorsys
from collections.abc import Mapping

from compassion_kit.branding import contrast_ratio
from compassion_kit.check.ooxml import El, first, local, whole

SLOTS = (
    "dk1",
    "lt1",
    "dk2",
    "lt2",
    "accent1",
    "accent2",
    "accent3",
    "accent4",
    "accent5",
    "accent6",
    "hlink",
    "folHlink",
)
DEFAULT_CLR_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
_PRESET = {"black": "#000000", "white": "#FFFFFF", "red": "#FF0000", "blue": "#0000FF"}
_COLOUR_TAGS = ("srgbClr", "schemeClr", "sysClr", "prstClr", "scrgbClr", "hslClr")
# Word's w:themeColor names map onto the theme's slots (w:themeColor="text1" is dk1).
_WORD_THEME = {
    "dark1": "dk1",
    "light1": "lt1",
    "dark2": "dk2",
    "light2": "lt2",
    "text1": "dk1",
    "background1": "lt1",
    "text2": "dk2",
    "background2": "lt2",
    "hyperlink": "hlink",
    "followedHyperlink": "folHlink",
}


def hex_colour(value: str | None) -> str | None:
    """ "1a2b3c" or "#1A2B3C" as "#1A2B3C"; None for "auto", blanks and anything else."""
    if not value:
        return None
    value = value.strip().lstrip("#")
    if len(value) != 6:
        return None
    try:
        int(value, 16)
    except ValueError:
        return None
    return "#" + value.upper()


def ratio(first_colour: str, second_colour: str) -> float:
    """WCAG contrast ratio of two "#RRGGBB" colours (not rounded: 4.49 fails 4.5)."""
    return contrast_ratio(first_colour, second_colour)


def theme_colours(theme: El | None) -> dict[str, str]:
    """The twelve slots of a theme's `a:clrScheme`, as "#RRGGBB" (missing slots are absent)."""
    found: dict[str, str] = {}
    scheme = None if theme is None else first(theme, ".//a:clrScheme")
    if scheme is None:
        return found
    for slot in SLOTS:
        holder = first(scheme, f"a:{slot}")
        if holder is None or len(holder) == 0:
            continue
        colour = drawing_colour(holder[0], {}, {})
        if colour:
            found[slot] = colour
    return found


def colour_child(fill: El | None) -> El | None:
    """The colour element inside a fill (`a:solidFill`, `a:fontRef`...), or None."""
    if fill is None:
        return None
    for child in fill:
        if isinstance(child.tag, str) and local(child) in _COLOUR_TAGS:
            return child
    return None


def drawing_colour(
    element: El, scheme: Mapping[str, str], clr_map: Mapping[str, str], placeholder: str = ""
) -> str | None:
    """A DrawingML colour element as "#RRGGBB", modifiers applied; None if it cannot be resolved.

    `scheme` is the theme's slots, `clr_map` the master's `p:clrMap` (bg1 -> lt1 ...),
    and `placeholder` the colour that `a:schemeClr val="phClr"` stands for.
    """
    kind = local(element)
    base: str | None
    if kind == "srgbClr":
        base = hex_colour(element.get("val"))
    elif kind == "sysClr":
        base = hex_colour(element.get("lastClr")) or (
            "#000000" if element.get("val") == "windowText" else "#FFFFFF"
        )
    elif kind == "prstClr":
        base = _PRESET.get(str(element.get("val")))
    elif kind == "schemeClr":
        name = str(element.get("val"))
        if name == "phClr":
            base = placeholder or None
        else:
            slot = clr_map.get(name) or DEFAULT_CLR_MAP.get(name, name)
            base = scheme.get(slot)
    elif kind == "scrgbClr":
        base = _from_linear(element)
    else:
        return None
    return None if base is None else apply_modifiers(base, element)


def _from_linear(element: El) -> str:
    def channel(name: str) -> int:
        linear = whole(element, name) / 100000
        srgb = linear * 12.92 if linear <= 0.0031308 else 1.055 * linear ** (1 / 2.4) - 0.055
        return max(0, min(255, round(srgb * 255)))

    return "#{:02X}{:02X}{:02X}".format(channel("r"), channel("g"), channel("b"))


def apply_modifiers(base: str, element: El) -> str:
    """`base` with the element's lumMod/lumOff/tint/shade/satMod children applied, in order."""
    r, g, b = (int(base[i : i + 2], 16) / 255 for i in (1, 3, 5))
    for modifier in element:
        if not isinstance(modifier.tag, str):
            continue
        name, amount = local(modifier), whole(modifier, "val") / 100000
        if name in ("lumMod", "lumOff", "satMod"):
            hue, light, sat = colorsys.rgb_to_hls(r, g, b)
            if name == "lumMod":
                light *= amount
            elif name == "lumOff":
                light += amount
            else:
                sat *= amount
            r, g, b = colorsys.hls_to_rgb(hue, _unit(light), _unit(sat))
        elif name == "tint":  # towards white: amount 0.4 keeps 40% of the colour
            r, g, b = (c * amount + (1 - amount) for c in (r, g, b))
        elif name == "shade":  # towards black
            r, g, b = (c * amount for c in (r, g, b))
        elif name == "inv":
            r, g, b = 1 - r, 1 - g, 1 - b
        elif name == "gray":
            r = g = b = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#{:02X}{:02X}{:02X}".format(*(round(_unit(c) * 255) for c in (r, g, b)))


def _unit(value: float) -> float:
    return max(0.0, min(1.0, value))


def word_colour(element: El | None, scheme: Mapping[str, str]) -> str | None:
    """A Word `w:color` element's colour: "#RRGGBB", "auto", or None when nothing is set.

    `w:themeColor` (with `w:themeTint`/`w:themeShade`, hex 00-FF) wins over `w:val`, as in Word.
    """
    if element is None:
        return None
    return _word(element, scheme, ("themeColor", "themeTint", "themeShade", "val"))


def word_shading(element: El | None, scheme: Mapping[str, str]) -> str | None:
    """The colour a Word `w:shd` paints, as "#RRGGBB"; None for no shading ("nil", "auto").

    A "solid" pattern paints its pattern colour (`w:color`); every other pattern is read as its
    fill colour, which is what the 10-90% patterns mostly show.
    """
    if element is None or element.get(_W + "val") == "nil":
        return None
    if element.get(_W + "val") == "solid":
        colour = _word(element, scheme, ("themeColor", "themeTint", "themeShade", "color"))
        return "#000000" if colour == "auto" else colour
    colour = _word(element, scheme, ("themeFill", "themeFillTint", "themeFillShade", "fill"))
    return None if colour == "auto" else colour


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _word(element: El, scheme: Mapping[str, str], names: tuple[str, str, str, str]) -> str | None:
    theme_attr, tint_attr, shade_attr, value_attr = (_W + n for n in names)
    theme_name = element.get(theme_attr)
    base = scheme.get(_WORD_THEME.get(theme_name, theme_name)) if theme_name else None
    if base:
        r, g, b = (int(base[i : i + 2], 16) for i in (1, 3, 5))
        tint, shade = element.get(tint_attr), element.get(shade_attr)
        if tint:
            t = int(tint, 16) / 255
            r, g, b = (round(c * t + 255 * (1 - t)) for c in (r, g, b))
        if shade:
            s = int(shade, 16) / 255
            r, g, b = (round(c * s) for c in (r, g, b))
        return f"#{r:02X}{g:02X}{b:02X}"
    value = element.get(value_attr)
    return "auto" if value == "auto" else hex_colour(value)
