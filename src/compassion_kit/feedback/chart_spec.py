"""What a feedback chart is: its series, colours, alt text and table, as plain specs.

Owns the chart spec and the small rules every chart shares (short labels, NHS colours by name,
alt text within its limit); which charts a report has is `plan.py`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass

from compassion_kit.check.palette import NHS_PALETTE
from compassion_kit.feedback.results import ScaleResult
from compassion_kit.model import Organisation
from compassion_kit.render.plan.words import shorten

ALT_LIMIT = 150  # characters: longer alt text is tiring to hear (the checker's KIT002)
NEGATIVES = ("NHS Pink", "NHS Dark Pink", "NHS Dark Red", "NHS Purple")
SHORT = 60  # characters of a question's wording on a chart axis; the full text is in the table


@dataclass(frozen=True)
class Series:
    """One series: its name, values (fractions of 1 for percentages, or counts), fill colour."""

    name: str
    values: tuple[float | None, ...]  # None: no answers in that session (a gap in the line)
    colour: str
    in_legend: bool = True


@dataclass(frozen=True)
class Chart:
    """A chart and its data: kind is "diverging", "bars" or "run"."""

    id: str
    kind: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    percent: bool  # values are fractions shown as percentages
    alt: str  # alt text giving the main numbers, at most ALT_LIMIT characters
    table: tuple[tuple[str, ...], ...]  # header row first: the chart's data as a table
    notes: str = ""  # every number in words, for presenter notes


def short(text: str, limit: int = SHORT) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    return shorten(text, limit)


def nhs(name: str) -> str:
    """The hex value of an NHS identity colour by its name ("NHS Pink")."""
    return next(hexa for hexa, known in NHS_PALETTE.items() if known == name)


def scale_colours(org: Organisation, result: ScaleResult) -> dict[str, str]:
    """A fill per label: the brand's text colours (4.5:1 on white) for positive answers, NHS
    Mid Grey for the middle one, NHS pinks and reds for negative ones, all at least 3:1 on
    white (WCAG 1.4.11); colour is never alone: segments carry numbers and every chart a table."""
    positives = [label for label in result.labels if label in result.positive_labels]
    negatives = [
        label for label in result.labels if label not in positives and label != result.neutral
    ]
    fills = {}
    for index, label in enumerate(positives):
        fills[label] = (org.colours.secondary, org.colours.primary)[min(index, 1)]
    if result.neutral:
        fills[result.neutral] = nhs("NHS Mid Grey")
    # Mildest first: the answer next to the middle is the lightest.
    for index, label in enumerate(negatives):
        fills[label] = nhs(NEGATIVES[min(index, len(NEGATIVES) - 1)])
    return fills


def summary(opening: str, parts: list[str], limit: int = ALT_LIMIT) -> str:
    """Alt text of at most `limit` characters: the opening, then as many parts as fit; the
    rest is in the chart's table (and the slide's notes)."""
    text = opening
    for index, part in enumerate(parts):
        rest = "; more in the table." if index < len(parts) - 1 else "."
        if len(text) + len(part) + len(rest) + 2 > limit:
            return text.rstrip(":;,. ") + "; all figures are in the table."
        text += (" " if text.endswith(":") else "; ") + part
    return text.rstrip(";") + "."
