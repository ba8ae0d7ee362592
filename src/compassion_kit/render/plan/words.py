"""Cutting text to a limit at a word, for titles, alt text, chart labels and slide text.

Owns the one rule every limit uses; the limits themselves belong to their callers.
"""

from __future__ import annotations

import re

TITLE_LIMIT = 255  # characters Office's dialogs keep; python-pptx and python-docx refuse more


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis; trailing
    punctuation before the ellipsis is dropped. Text within the limit is returned as it is."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(";:, ") + "\u2026"


def short_title(title: str) -> str:
    """A document title that fits the core properties' 255 characters."""
    return shorten(title, TITLE_LIMIT)


def lead_sentences(text: str, words: int) -> str:
    """The sentences `text` starts with that together keep within `words` words (at least the
    first, cut with an ellipsis if it alone is longer); all of `text` when it fits."""
    if len(text.split()) <= words:
        return text
    kept: list[str] = []
    for sentence in re.split(r"(?<=[.?!])\s+", text.strip()):
        if kept and len(" ".join([*kept, sentence]).split()) > words:
            break
        kept.append(sentence)
    lead = " ".join(kept)
    if len(lead.split()) > words:
        lead = " ".join(lead.split()[:words]).rstrip(";:,.") + "\u2026"
    return lead
