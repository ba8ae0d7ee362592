"""What decks and Word documents say about themselves in their core properties.

Owns the title's length limit; the writers set the properties through their libraries.
"""

from __future__ import annotations

TITLE_LIMIT = 255  # characters Office's dialogs keep; python-pptx and python-docx refuse more


def short_title(title: str, limit: int = TITLE_LIMIT) -> str:
    """`title` cut at a word to fit the core properties' 255 characters, with an ellipsis."""
    if len(title) <= limit:
        return title
    return title[: limit - 1].rsplit(" ", 1)[0].rstrip(";:, ") + "\u2026"
