"""The charts and tables of a feedback report, planned once for both writers: what each
chart shows, its colours, the table that is its accessible form, and alt text with the numbers.

Owns deciding what is drawn; it is pure (Results in, specs out). The slide writer turns the
specs into native charts, `images.py` into PNG pictures for the Word report.
"""

from __future__ import annotations

from dataclasses import dataclass

from compassion_kit.branding import NHS_BLACK, WHITE
from compassion_kit.feedback.results import (
    ChoiceResult,
    GroupResult,
    Results,
    RunChart,
    ScaleResult,
    percent,
)
from compassion_kit.model import Organisation

LEAD, TAIL = "(space before)", "(space after)"  # unfilled series that centre diverging bars
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
    alt: str  # alt text giving the numbers
    table: tuple[tuple[str, ...], ...]  # header row first: the chart's data as a table


def short(text: str, limit: int = SHORT) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"


def mix(first: str, second: str, share: float) -> str:
    """The colour `share` of the way from `first` to `second` (#RRGGBB)."""
    a = [int(first.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    b = [int(second.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(x + (y - x) * share):02X}" for x, y in zip(a, b, strict=True))


def scale_colours(org: Organisation, result: ScaleResult) -> dict[str, str]:
    """A fill per label: the brand's dark colours for positive answers, a grey for the middle,
    its accent, darkened, for negative ones (never colour alone: every chart has a table)."""
    colours = org.colours
    positives = [label for label in result.labels if label in result.positive_labels]
    negatives = [
        label for label in result.labels if label not in positives and label != result.neutral
    ]
    fills = {}
    for index, label in enumerate(positives):
        fills[label] = mix(colours.secondary, colours.primary, index / max(len(positives) - 1, 1))
    if result.neutral:
        fills[result.neutral] = mix(NHS_BLACK, WHITE, 0.6)
    for index, label in enumerate(negatives):
        share = 0.5 * index / max(len(negatives) - 1, 1)
        fills[label] = mix(colours.accent, NHS_BLACK, 0.5 - share)
    return fills


def _n_label(text: str, n: int) -> str:
    return f"{short(text)} (n={n})"


def diverging(org: Organisation, index: int, results: list[ScaleResult]) -> Chart:
    """Questions sharing one word scale as diverging stacked bars: negative answers to the
    left of the centre line, positive to the right, the middle answer across it.

    Every value is a share of n (so a bar is shorter than 100% by its "Don't know"s). The
    bars are stacked from 0 to 2 with the centre line at 1: an unfilled lead series before
    them and an unfilled tail after them place each bar (first and last series, so that
    hiding them from the legend works the same in PowerPoint and LibreOffice).
    """
    first = results[0]
    fills = scale_colours(org, first)
    worst_first = list(reversed(first.labels))
    neutral = first.neutral

    def share(result: ScaleResult, label: str) -> float:
        return result.counts[result.labels.index(label)] / result.n if result.n else 0.0

    def left_of_centre(result: ScaleResult) -> float:
        negative = [lab for lab in first.labels if lab not in first.positive_labels]
        total = sum(share(result, lab) for lab in negative if lab != neutral)
        return total + (share(result, neutral) / 2 if neutral else 0.0)

    lead = tuple(1.0 - left_of_centre(r) for r in results)
    body = [Series(lab, tuple(share(r, lab) for r in results), fills[lab]) for lab in worst_first]
    used = [sum(v) for v in zip(lead, *(s.values for s in body), strict=True)]
    series = (
        Series(LEAD, lead, "", in_legend=False),
        *body,
        Series(TAIL, tuple(2.0 - u for u in used), "", in_legend=False),
    )
    labels = (*first.labels, *(o for r in results for o, _c in r.other))
    labels = tuple(dict.fromkeys(labels))
    header = ("Answer", *(f"{short(r.text, 40)} (n={r.n})" for r in results))
    rows = [(label, *(_count_cell(r, label) for r in results)) for label in labels]
    rows.append(("% positive", *(f"{r.percent_positive}%" for r in results)))
    alt = f"Diverging bar chart of answers on the {first.scale} scale. " + " ".join(
        f"{short(r.text)}: {_positive_words(r)}." for r in results
    )
    return Chart(
        f"scale-{index}",
        "diverging",
        f"Answers on the {first.scale} scale",
        tuple(_n_label(r.text, r.n) for r in results),
        series,
        True,
        alt,
        (header, *rows),
    )


def _count_cell(result: ScaleResult, label: str) -> str:
    counts = dict(zip(result.labels, result.counts, strict=True)) | dict(result.other)
    count = counts.get(label, 0)
    return f"{count} ({percent(count, result.n)}%)"


def _positive_words(result: ScaleResult) -> str:
    return f"{result.percent_positive}% positive ({result.positive} of {result.n})"


def numeric(org: Organisation, index: int, result: ScaleResult) -> Chart:
    """A 0-10 or 1-5 question as counts per point, lowest first."""
    points = tuple(reversed(result.labels))
    counts = tuple(float(result.counts[result.labels.index(p)]) for p in points)
    alt = (
        f"Bar chart of answers from {points[0]} to {points[-1]}: "
        + ", ".join(f"{p}: {int(c)}" for p, c in zip(points, counts, strict=True))
        + f". {_positive_words(result)}, "
        + f"counting {' and '.join(result.positive_labels)} as positive."
    )
    return Chart(
        f"scale-{index}",
        "bars",
        short(result.text, 90) + f" (n={result.n})",
        points,
        (Series("Responses", counts, org.colours.primary),),
        False,
        alt,
        (("Answer", "Responses"), *((p, str(int(c))) for p, c in zip(points, counts, strict=True))),
    )


def positive_chart(org: Organisation, results: tuple[ScaleResult, ...]) -> Chart:
    """Percentage positive of every rated question, with its n."""
    values = tuple((r.positive / r.n) if r.n else 0.0 for r in results)
    return Chart(
        "positive",
        "bars",
        "Percentage positive",
        tuple(_n_label(r.text, r.n) for r in results),
        (Series("% positive", values, org.colours.primary),),
        True,
        "Bar chart of percentage positive. "
        + " ".join(f"{short(r.text)}: {_positive_words(r)}." for r in results),
        (
            ("Question", "Positive answers", "n", "% positive"),
            *(
                (r.text, " + ".join(r.positive_labels), str(r.n), f"{r.percent_positive}%")
                for r in results
            ),
        ),
    )


def choice_chart(org: Organisation, index: int, result: ChoiceResult) -> Chart:
    """How many chose each option, most chosen first."""
    kind = "multiple choice (people could choose more than one)" if result.multiple else "choice"
    return Chart(
        f"choice-{index}",
        "bars",
        short(result.text, 90) + f" (n={result.n})",
        result.options,
        (Series("Responses", tuple(float(c) for c in result.counts), org.colours.secondary),),
        False,
        f"Bar chart, {kind}: "
        + ", ".join(f"{o}: {c}" for o, c in zip(result.options, result.counts, strict=True))
        + f"; {result.n} answered.",
        (
            ("Choice", "Responses", "% of those who answered"),
            *(
                (o, str(c), f"{percent(c, result.n)}%")
                for o, c in zip(result.options, result.counts, strict=True)
            ),
        ),
    )


def run_chart(org: Organisation, index: int, chart: RunChart) -> Chart:
    """Percentage positive by session as a line, with the median as a second line."""
    values = tuple(None if v is None else v / 100 for v in chart.values)
    median = None if chart.median is None else chart.median / 100
    return Chart(
        f"run-{index}",
        "run",
        "Run chart: " + short(chart.question, 70),
        chart.sessions,
        (
            Series("% positive", values, org.colours.primary),
            Series("Median", tuple(median for _v in values), mix(NHS_BLACK, WHITE, 0.35)),
        ),
        True,
        f"Run chart of percentage positive by session for '{short(chart.question)}': "
        + ", ".join(f"{s}: {v}%" for s, v in zip(chart.sessions, chart.values, strict=True))
        + f"; median {chart.median}%.",
        (
            ("Session", "% positive", "Median"),
            *(
                (s, f"{v}%", f"{chart.median}%")
                for s, v in zip(chart.sessions, chart.values, strict=True)
            ),
        ),
    )


def group_chart(org: Organisation, by: str, groups: tuple[GroupResult, ...]) -> Chart:
    """Percentage positive of the first rated question in each group of a --by split."""
    first = [g.scales[0] for g in groups]
    return Chart(
        "groups",
        "bars",
        f"% positive by {short(by, 40)}: " + short(first[0].text, 50),
        tuple(f"{g.name} (n={s.n})" for g, s in zip(groups, first, strict=True)),
        (
            Series(
                "% positive",
                tuple(s.positive / s.n if s.n else 0.0 for s in first),
                org.colours.primary,
            ),
        ),
        True,
        f"Bar chart of percentage positive by {by}: "
        + ", ".join(f"{g.name}: {_positive_words(s)}" for g, s in zip(groups, first, strict=True)),
        (
            (by, *(short(s.text) for s in groups[0].scales)),
            *((g.name, *(f"{s.percent_positive}% (n={s.n})" for s in g.scales)) for g in groups),
        ),
    )


def charts(org: Organisation, results: Results) -> list[Chart]:
    """Every chart of the report in reading order."""
    found: list[Chart] = []
    answered = tuple(s for s in results.scales if s.n)  # a question nobody answered has no chart
    if answered:
        found.append(positive_chart(org, answered))
    worded: dict[str, list[ScaleResult]] = {}
    for result in answered:
        if result.labels[0].isdigit():
            found.append(numeric(org, len(found), result))
        else:
            worded.setdefault(result.scale + "|" + "|".join(result.labels), []).append(result)
    found += [diverging(org, len(found) + i, group) for i, group in enumerate(worded.values())]
    found += [run_chart(org, i, c) for i, c in enumerate(results.run_charts)]
    if results.groups and results.by:
        found.append(group_chart(org, results.by, results.groups))
    found += [choice_chart(org, i, c) for i, c in enumerate(results.choices) if c.n]
    return found
