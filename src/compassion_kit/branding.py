"""Brand arithmetic: colour contrast (WCAG 2.x) and `{{token}}` substitution.

Owns pure functions only; reading profiles is `profile.py`'s, placing logos the writers'.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

WHITE = "#FFFFFF"
NHS_BLACK = "#231F20"
AA_NORMAL = 4.5
AA_LARGE = 3.0
_TOKEN = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
_NOT_WORD = re.compile(r"[^\w]+")


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """Relative luminance of #RRGGBB, from 0 (black) to 1 (white)."""
    value = hex_colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours, 1 to 21. Not rounded: 4.49 fails 4.5."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_text_on(fill: str) -> str:
    """White or NHS Black, whichever contrasts more with `fill`."""
    return WHITE if contrast_ratio(WHITE, fill) >= contrast_ratio(NHS_BLACK, fill) else NHS_BLACK


def substitute(text: str, tokens: Mapping[str, str]) -> str:
    """Replace `{{name}}` tokens with their values; unknown tokens are left as they are.

    One pass: a value is inserted as typed, even when it holds `{{date}}` itself. Apply it to
    template and content text only, once; text holding the user's values (a title, a venue,
    an organisation's name) must never be passed through it, or their tokens would be filled.
    """
    return _TOKEN.sub(lambda m: tokens.get(m.group(1), m.group(0)), text)


def tokens_in(text: str) -> list[str]:
    """Names of the `{{tokens}}` used in `text`, in order."""
    return _TOKEN.findall(text)


def names_organisation(text: str, name: str, short_name: str | None = None) -> bool:
    """True when `text` names the organisation: its name, its short name, its initials, or its
    name with the trailing words as initials ("Marcher Vale ICB" for "... Integrated Care Board").
    A bilingual name ("Welsh / English") is named by either language's name in any of these forms.
    """
    forms = {short_name or ""}
    for part in {name, *name.split(" / ")}:
        words = part.split()
        forms |= {part, "".join(w[0] for w in words if w[:1].isalpha())}
        for cut in range(1, len(words) - 1):
            initials = "".join(w[0] for w in words[cut:] if w[:1].isalpha())
            forms.add(" ".join([*words[:cut], initials]))
    hay = f" {_plain(text)} "
    return any(f" {_plain(form)} " in hay for form in forms if len(_plain(form)) >= 2)


def _plain(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())
