"""Which fonts resvg may use for a logo's text: only those the text asks for, by file name.

Owns finding font files; drawing the SVG is `svg_logo.py`'s.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from typing import Any
from xml.etree import ElementTree

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


def font_options(root: ElementTree.Element, embeds_svg: bool) -> dict[str, Any]:
    """resvg's font settings: only the fonts the logo's text asks for, found by file name.

    Loading every system font costs 20-90 ms (more on a desktop with many fonts) while a few
    files cost about 1 ms, and a logo without text needs none. The fonts are sorted file paths,
    so the same logo gives the same pixels on the same machine.
    """
    texts = [element for element in root.iter() if local_name(element.tag) in _TEXT_TAGS]
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
        if local_name(element.tag) == "style":
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


def local_name(name: str) -> str:
    """A tag or attribute name without its namespace (ElementTree writes '{namespace}name')."""
    return name.rsplit("}", 1)[-1]
