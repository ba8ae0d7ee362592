"""The figures of a feedback report as plain, frozen records, and their JSON form.

Owns the shape of results.json; computing the figures is `figures.py`'s business and drawing
them the writers'.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MIN_GROUP = 5  # groups (and sessions in --by splits) smaller than this are not shown


def long_date(iso: str) -> str:
    """2026-03-12 as "12 March 2026" (en-GB)."""
    from datetime import date

    day = date.fromisoformat(iso)
    return f"{day.day} {day.strftime('%B')} {day.year}"


def percent(part: int, whole: int) -> float | None:
    """`part` of `whole` as a percentage rounded to one decimal place; None when `whole` is 0."""
    return None if whole == 0 else round(100 * part / whole, 1)


@dataclass(frozen=True)
class ScaleResult:
    """A rated question: how many gave each answer, and the percentage positive with its n."""

    id: str
    text: str
    scale: str  # the scale's name
    labels: tuple[str, ...]  # best first
    counts: tuple[int, ...]  # one per label
    positive_labels: tuple[str, ...]
    other: tuple[tuple[str, int], ...]  # answers off the scale points: ("Don't know", 2)
    neutral: str | None = None

    @property
    def n(self) -> int:
        """Everyone who answered, "Don't know" included (as in the Friends and Family Test)."""
        return sum(self.counts) + sum(c for _l, c in self.other)

    @property
    def positive(self) -> int:
        return sum(
            c
            for label, c in zip(self.labels, self.counts, strict=True)
            if label in self.positive_labels
        )

    @property
    def percent_positive(self) -> float | None:
        return percent(self.positive, self.n)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "scale": self.scale,
            "n": self.n,
            "positive": self.positive,
            "percent_positive": self.percent_positive,
            "positive_answers": list(self.positive_labels),
            "answers": [
                {"answer": label, "count": count, "percent": percent(count, self.n)}
                for label, count in (*zip(self.labels, self.counts, strict=True), *self.other)
            ],
        }


@dataclass(frozen=True)
class ChoiceResult:
    """A single or multiple choice question: how many chose each option."""

    id: str
    text: str
    multiple: bool
    options: tuple[str, ...]  # most chosen first, ties in alphabetical order
    counts: tuple[int, ...]
    n: int  # respondents who answered

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "multiple": self.multiple,
            "n": self.n,
            "choices": [
                {"choice": o, "count": c, "percent": percent(c, self.n)}
                for o, c in zip(self.options, self.counts, strict=True)
            ],
        }


@dataclass(frozen=True)
class Comments:
    """Every comment given to one free-text question, masked, in the order received."""

    id: str
    text: str
    comments: tuple[str, ...]
    explains: str | None = None  # the rated question a 'why' box belongs to

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "explains": self.explains,
            "comments": list(self.comments),
        }


@dataclass(frozen=True)
class GroupResult:
    """The rated questions for one session, or one group of a `--by` split."""

    name: str
    responses: int
    first_date: str | None = None
    last_date: str | None = None
    scales: tuple[ScaleResult, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "responses": self.responses,
            "first_date": self.first_date,
            "last_date": self.last_date,
            "percent_positive": {s.id: s.percent_positive for s in self.scales},
            "n": {s.id: s.n for s in self.scales},
        }


@dataclass(frozen=True)
class RunChart:
    """Percentage positive of one rated question across sessions, with its median."""

    question_id: str
    question: str
    sessions: tuple[str, ...]
    values: tuple[float | None, ...]
    median: float | None

    def as_json(self) -> dict[str, Any]:
        return {
            "question_id": self.question_id,
            "question": self.question,
            "points": [
                {"session": s, "percent_positive": v}
                for s, v in zip(self.sessions, self.values, strict=True)
            ],
            "median": self.median,
        }


@dataclass(frozen=True)
class Results:
    """Everything a feedback report shows; results.json is `as_json()`."""

    title: str
    form_id: str | None
    responses: int
    sources: tuple[tuple[str, str, int], ...]  # (file name, platform, responses)
    first_date: str | None
    last_date: str | None
    scales: tuple[ScaleResult, ...]
    choices: tuple[ChoiceResult, ...]
    comments: tuple[Comments, ...]
    dropped: tuple[tuple[str, str], ...]  # (column header, what it held)
    masked: int  # comments in which something was masked
    sessions: tuple[GroupResult, ...] = ()
    run_charts: tuple[RunChart, ...] = ()
    by: str | None = None
    groups: tuple[GroupResult, ...] = ()
    suppressed: tuple[str, ...] = ()  # groups of fewer than MIN_GROUP responses
    identifiers_kept: bool = False
    notes: tuple[str, ...] = field(default=())

    @property
    def scope(self) -> str:
        """ "30 responses in 4 sessions, 12 March 2026 to 18 June 2026" for titles and notes."""
        text = f"{self.responses} response{'s' if self.responses != 1 else ''}"
        if self.sessions:
            text += f" in {len(self.sessions)} sessions"
        return text + (f", {self.dates}" if self.dates else "")

    @property
    def dates(self) -> str:
        """The days the responses were given, in words ("" when the export has no times)."""
        if not self.first_date or not self.last_date:
            return ""
        first, last = long_date(self.first_date), long_date(self.last_date)
        return first if first == last else f"{first} to {last}"

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "form": self.form_id,
            "responses": self.responses,
            "first_date": self.first_date,
            "last_date": self.last_date,
            "sources": [{"file": f, "platform": p, "responses": n} for f, p, n in self.sources],
            "scales": [s.as_json() for s in self.scales],
            "choices": [c.as_json() for c in self.choices],
            "comments": [c.as_json() for c in self.comments],
            "sessions": [s.as_json() for s in self.sessions],
            "run_charts": [r.as_json() for r in self.run_charts],
            "by": self.by,
            "groups": [g.as_json() for g in self.groups],
            "suppressed_groups": list(self.suppressed),
            "minimum_group_size": MIN_GROUP,
            "dropped_columns": [{"column": c, "held": h} for c, h in self.dropped],
            "comments_masked": self.masked,
            "identifiers_kept": self.identifiers_kept,
        }
