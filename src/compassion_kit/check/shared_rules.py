"""Rules that read the same in slides and documents: alt text, link text, titles, lists, contrast.

Owns the wording and thresholds of KIT002, KIT008, KIT009, KIT011, KIT012, KIT014 and KIT015
that both formats share; walking the files is `pptx_rules`' and `docx_rules`'.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

from compassion_kit.check.findings import Findings
from compassion_kit.check.ooxml import El, attr, is_decorative

_FILE_NAME = re.compile(r"\.(png|jpe?g|gif|svg|emf|wmf|bmp|tiff?|webp)\s*$", re.IGNORECASE)
_DEFAULT_NAME = re.compile(
    r"^\s*(picture|image|graphic|chart|diagram|shape|object|group|content placeholder|"
    r"rectangle|oval|textbox|text box|table)\s*\d*\s*$",
    re.IGNORECASE,
)
_REDUNDANT = re.compile(r"^\s*(an? )?(image|picture|photo|photograph|graphic) of\b", re.IGNORECASE)
ALT_MAX = 150
_GENERIC_LINKS = {"click here", "here", "more", "read more", "link", "this link", "click"}
LINK_MIN = 6  # more than 5 characters
_MARKER = re.compile(r"^\s*(\d{1,2}[.)]\s|[a-z][.)]\s|[•●▪◦‣∙·]\s?\S|\*\s)")
_DASH = re.compile(r"^\s*[-–—]\s?\S")
DEFAULT_TITLES = {
    "powerpoint presentation",
    "presentation",
    "document",
    "microsoft word document",
    "untitled",
    "title",
}
HEADING_MAX = 120  # characters; longer headings read as paragraphs to a screen reader


def check_alt(found: Findings, where: str, c_nv_pr: El, what: str) -> None:
    """KIT001/KIT002 for one object's `cNvPr`/`docPr`: present, not a file name, not too long."""
    if is_decorative(c_nv_pr):
        return
    descr = (attr(c_nv_pr, "descr") or "").strip()
    name = attr(c_nv_pr, "name") or what
    if not descr:
        found.add(
            where,
            "KIT001",
            "E",
            f"{what} '{name}' has no alt text",
            "describe it in the alt text, or mark it as decorative",
        )
    elif _FILE_NAME.search(descr) or _DEFAULT_NAME.match(descr):
        found.add(
            where,
            "KIT002",
            "E",
            f"the alt text of {what} '{name}' is a file or default name: '{descr}'",
            "describe what the image shows or means",
        )
    elif len(descr) > ALT_MAX:
        found.add(
            where,
            "KIT002",
            "W",
            f"the alt text of {what} '{name}' is {len(descr)} characters long (over {ALT_MAX})",
            "keep alt text short; put the full description in the text or notes",
        )
    elif _REDUNDANT.match(descr):
        found.add(
            where,
            "KIT002",
            "W",
            f"the alt text of {what} '{name}' starts with '{descr.split(' of')[0]} of'",
            "screen readers already say it is an image; start with what it shows",
        )


def normalise_url(url: str) -> str:
    """A URL or link text reduced for comparison: no scheme, www., trailing slash or case."""
    value = unquote(url.strip()).casefold()
    value = re.sub(r"^(https?|mailto|ftp):(//)?", "", value)
    value = re.sub(r"^www\.", "", value)
    return value.rstrip("/")


def check_link(found: Findings, where: str, text: str, target: str | None) -> None:
    """KIT011: link text is descriptive: not empty, not the URL, not generic, over 5 characters."""
    shown = " ".join(text.split())
    if not shown:
        found.add(where, "KIT011", "W", "a link has no text", "give the link descriptive text")
        return
    bare = shown.casefold().strip(" .:;,!?")
    if bare in _GENERIC_LINKS:
        found.add(
            where,
            "KIT011",
            "W",
            f"link text '{shown}' does not say where it goes",
            "use the destination's name as the link text",
        )
    elif target and normalise_url(shown) == normalise_url(target):
        found.add(
            where,
            "KIT011",
            "W",
            f"link text is the address itself: '{shown}'",
            "use a descriptive label; print handouts may add the address after it",
        )
    elif len(shown) < LINK_MIN:
        found.add(
            where,
            "KIT011",
            "W",
            f"link text '{shown}' is too short to describe its destination",
            "use more than 5 characters that name where the link goes",
        )


def check_title(found: Findings, title: str | None, file_name: str) -> None:
    """KIT012: the document title (`dc:title`) is set and not a default or the file name."""
    value = (title or "").strip()
    stem = file_name.rsplit(".", 1)[0]
    hint = "set a title in File > Info > Properties; screen readers and PDF viewers show it"
    if not value:
        found.add("properties", "KIT012", "E", "the document has no title (dc:title)", hint)
    elif value.casefold() in DEFAULT_TITLES or value.casefold() in (
        file_name.casefold(),
        stem.casefold(),
    ):
        found.add("properties", "KIT012", "E", f"the document title is a default: '{value}'", hint)


def check_language(found: Findings, where: str, lang: str | None, what: str) -> None:
    """KIT013: a default language is set (E) and is British English (W)."""
    if not lang:
        found.add(
            where,
            "KIT013",
            "E",
            f"no default language is set for {what}",
            "set English (United Kingdom), en-GB, so screen readers pronounce it correctly",
        )
    elif lang.casefold() != "en-gb":
        found.add(
            where,
            "KIT013",
            "W",
            f"the default language of {what} is {lang}, not en-GB",
            "set English (United Kingdom) unless the text is in another language",
        )


def check_run_language(found: Findings, where: str, lang: str | None) -> None:
    """KIT013 W for text marked as another variety of English (en-US from a US template)."""
    if lang and lang.casefold().startswith("en-") and lang.casefold() != "en-gb":
        found.add(
            where,
            "KIT013",
            "W",
            f"text is marked as {lang}",
            "mark it English (United Kingdom), en-GB; spell checking and speech follow it",
        )


def fake_list(text: str, before: str = "", after: str = "") -> bool:
    """True when a paragraph starts with a typed list marker ("1. ", "• "), or with a dash
    ("- ", "– ") like the paragraph before or after it: one dash alone is an attribution
    ("— Michael West, 2016"), not a list."""
    if _MARKER.match(text):
        return True
    return bool(_DASH.match(text)) and bool(_DASH.match(before) or _DASH.match(after))


def symbols_only(text: str) -> bool:
    """True for text that is only symbols and spaces (☐ tick boxes, bullets, arrows)."""
    stripped = [c for c in text if not c.isspace()]
    return bool(stripped) and all(unicodedata.category(c) in ("So", "Sm") for c in stripped)


def shouting(text: str) -> bool:
    """True for a block of capitals: two or more words and ten or more letters, none lower case."""
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= 2 and len(letters) >= 10 and all(c.isupper() for c in letters)


def large_text(points: float, bold: bool) -> bool:
    """WCAG large text: 18 pt or more, or 14 pt or more and bold."""
    return points >= 18 or (bold and points >= 14)


def check_contrast(
    found: Findings, where: str, text: str, fore: str, back: str, points: float, bold: bool
) -> None:
    """KIT008 for one run: 4.5:1, or 3:1 for large text; the measured ratio is in the message."""
    from compassion_kit.check.colours import ratio

    needed = 3.0 if large_text(points, bold) else 4.5
    measured = ratio(fore, back)
    if measured < needed:
        found.add(
            where,
            "KIT008",
            "E",
            f"{fore} text on {back} has a contrast of {measured:.2f}:1; "
            f"{'large ' if needed == 3.0 else ''}text needs {needed:g}:1 ('{snippet(text)}')",
            "darken the text or lighten the background (NHS Black on white is 16.3:1)",
        )


def snippet(text: str, length: int = 40) -> str:
    """The start of `text` on one line, for messages."""
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"


def points(value: float) -> str:
    """A size in points for messages: "10.5 pt", "12 pt"."""
    return f"{value:.1f}".rstrip("0").rstrip(".") + " pt"
