"""Answer scales a feedback question may use, and matching answers to them whatever the
case or spacing.

Owns the known label sets (agreement, very good ... very poor, 0-10, 1-5 ...) and which
labels count as positive; reading files and counting answers are other modules' business.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_SPACES = re.compile(r"\s+")
_EDGE_PUNCTUATION = " .,:;!?'\"()[]"
# Answers that are not a point on the scale; they count as responses (as in the NHS
# Friends and Family Test, where "Don't know" is in the total) but never as positive.
NOT_A_POINT = ("Don't know", "Not applicable", "N/A", "Prefer not to say")


def normalised(text: str) -> str:
    """`text` compared loosely: case-folded, curly quotes and dashes made plain, runs of
    spaces made one, punctuation at either end dropped ("Strongly  agree." == "strongly agree")."""
    plain = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    plain = plain.replace("\u2014", "-").replace("\u00a0", " ")
    return _SPACES.sub(" ", plain.casefold()).strip(_EDGE_PUNCTUATION)


@dataclass(frozen=True)
class Scale:
    """An ordered answer scale, best first, with the labels that count as positive."""

    name: str  # what the methods note calls it, e.g. "agreement (5-point)"
    labels: tuple[str, ...]  # best first
    positive: tuple[str, ...]  # the top labels: "very good" + "good", "strongly agree" + "agree"
    numeric: bool = False

    def label_for(self, answer: str) -> str | None:
        """The scale's own spelling of `answer`, or None when it is not on the scale."""
        key = normalised(answer)
        for label in (*self.labels, *NOT_A_POINT):
            if normalised(label) == key:
                return label
        if key in ("dont know", "do not know", "not sure"):
            return NOT_A_POINT[0]
        if key == "na":
            return "N/A"
        return None

    @property
    def neutral(self) -> str | None:
        """The middle label of a scale with an odd number of points (drawn across the line)."""
        if self.numeric or len(self.labels) % 2 == 0:
            return None
        return self.labels[len(self.labels) // 2]


def _five(name: str, labels: str) -> Scale:
    points = tuple(label.strip() for label in labels.split("|"))
    return Scale(name, points, points[:2])


def _numbers(low: int, high: int) -> Scale:
    points = tuple(str(n) for n in range(high, low - 1, -1))
    return Scale(f"{low} to {high}", points, points[:2], numeric=True)


SCALES: tuple[Scale, ...] = (
    _five(
        "agreement (5-point)",
        "Strongly agree|Agree|Neither agree nor disagree|Disagree|Strongly disagree",
    ),
    _five("very good to very poor", "Very good|Good|Neither good nor poor|Poor|Very poor"),
    _five(
        "satisfaction (5-point)",
        "Very satisfied|Satisfied|Neither satisfied nor dissatisfied|Dissatisfied|"
        "Very dissatisfied",
    ),
    _five(
        "likelihood (extremely)",
        "Extremely likely|Likely|Neither likely nor unlikely|Unlikely|Extremely unlikely",
    ),
    _five("likelihood (very)", "Very likely|Likely|Somewhat likely|Unlikely|Very unlikely"),
    _five("usefulness", "Very useful|Useful|Moderately useful|Slightly useful|Not useful"),
    _five(
        "importance",
        "Very important|Important|Moderately important|Slightly important|Not important",
    ),
    _five("excellent to poor", "Excellent|Very good|Good|Fair|Poor"),
)
ONE_TO_FIVE = _numbers(1, 5)
ZERO_TO_TEN = _numbers(0, 10)


def scale_from_options(name: str, options: Sequence[str]) -> Scale:
    """A form's own tick-box options (best first) as a scale: a known scale when the labels
    are one, else the options themselves with the first two positive."""
    for known in SCALES:
        if [normalised(o) for o in options] == [normalised(label) for label in known.labels]:
            return known
    labels = tuple(options)
    return Scale(name, labels, labels[:2])


def numeric_scale(answers: Iterable[str]) -> Scale | None:
    """1 to 5 or 0 to 10 when every answer is a whole number in that range, else None."""
    numbers = []
    for answer in answers:
        text = answer.strip()
        if text.endswith(".0"):
            text = text[:-2]
        if not text.isascii() or not text.isdigit():
            return None
        numbers.append(int(text))
    if not numbers:
        return None
    if min(numbers) >= 1 and max(numbers) <= 5:
        return ONE_TO_FIVE
    return ZERO_TO_TEN if max(numbers) <= 10 else None


def best_scale(answers: Sequence[str]) -> tuple[Scale | None, list[str]]:
    """The known scale most of `answers` belong to and the answers not on it.

    Returns (None, []) when fewer than half of the distinct answers are labels of any
    known scale: the column is then not a scale (a choice or free text).
    """
    distinct = sorted({a for a in answers if a.strip()}, key=normalised)
    if not distinct:
        return None, []
    best: tuple[Scale | None, list[str]] = (None, [])
    best_hits = 0
    for scale in SCALES:
        misses = [a for a in distinct if scale.label_for(a) is None]
        hits = len(distinct) - len(misses)
        if hits > best_hits:
            best, best_hits = (scale, misses), hits
    if best_hits * 2 < len(distinct) or best_hits < 2:
        return None, []
    return best
