"""Keeping people out of the results: email addresses, phone numbers and respondents' own
names masked inside comments.

Owns the masking rules; which columns are dropped is `platforms.py`'s (METADATA).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# UK and international numbers: 10 or more digits with spaces, dots, dashes or brackets.
PHONE = re.compile(r"(?<![\w])(?:\+|00)?\d(?:[\s().-]*\d){9,}(?![\w])")
EMAIL_MASK = "[email removed]"
PHONE_MASK = "[phone number removed]"
NAME_MASK = "[name removed]"


def masked(comment: str, names: Iterable[str] = ()) -> str:
    """`comment` with email addresses, phone numbers and the given names (the respondent's
    own, from the export's name columns, matched whole-word and case-insensitively) masked."""
    text = EMAIL.sub(EMAIL_MASK, comment)
    text = PHONE.sub(PHONE_MASK, text)
    for name in sorted({n.strip() for n in names if len(n.strip()) >= 3}, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", NAME_MASK, text, flags=re.IGNORECASE)
    return text


def name_parts(full_names: Iterable[str]) -> list[str]:
    """Each full name and its words of three letters or more ("Ann Lee" gives "Ann Lee", "Ann",
    "Lee"): a respondent who signs a comment with a first name is masked too."""
    parts: list[str] = []
    for name in full_names:
        if not name.strip() or "@" in name or name.strip().casefold() == "anonymous":
            continue
        parts.append(name.strip())
        parts += [w for w in re.split(r"[\s,]+", name) if len(w) >= 3]
    return parts
