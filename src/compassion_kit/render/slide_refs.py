"""Slide references in agenda text: `{slide:ID}` tokens and `slides:` lists, for print.

Owns how a slide is named on paper ("slides 7 and 8", or its title); numbering the deck is
`render/deck.py`'s business.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Protocol

from compassion_kit.library import SLIDE_TOKEN

# A run of slide tokens joined by commas or "and" prints as one phrase ("slides 7 and 8").
_SLIDE_RUN = re.compile(r"\{slide:[a-z0-9-]+\}(?:(?:,? and |, )\{slide:[a-z0-9-]+\})*")


class SlideNames(Protocol):
    """Names slides for print: "slides 7 and 8", or their titles without a deck."""

    def __call__(self, ids: Iterable[str], *, word: bool = True) -> str: ...


def join_and(parts: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def resolve_slide_refs(
    text: str, slide_numbers: Mapping[str, int] | None, slide_titles: Mapping[str, str]
) -> str:
    """Replace `{slide:ID}` tokens with "slide 7" (with numbers) or the slide's title in quotes.

    Tokens joined by commas or "and" become one phrase: "slides 7 and 8". A slide missing
    from `slide_numbers` (not in the deck built) prints as its title; an id missing from
    `slide_titles` too prints as the id, since library validation already rejected unknown ids.
    """

    def names(ids: Iterable[str], *, word: bool = True) -> str:
        return slide_phrase(list(ids), slide_numbers, slide_titles, word=word)

    return resolve(text, names)


def resolve(text: str, names: SlideNames) -> str:
    """`text` with each run of slide tokens replaced by what `names` calls those slides."""
    return _SLIDE_RUN.sub(lambda run: names(SLIDE_TOKEN.findall(run.group(0))), text)


def slide_phrase(
    ids: list[str],
    numbers: Mapping[str, int] | None,
    titles: Mapping[str, str],
    *,
    word: bool = True,
) -> str:
    """'slides 7 and 8' when every slide has a number, else numbers and quoted titles."""
    if numbers is not None and all(i in numbers for i in ids):
        listed = join_and([str(numbers[i]) for i in ids])
        if not word:
            return listed
        return ("slide " if len(ids) == 1 else "slides ") + listed
    return join_and(
        [
            f"slide {numbers[i]}"
            if numbers is not None and i in numbers
            else f"\u201c{titles.get(i, i)}\u201d"
            for i in ids
        ]
    )
