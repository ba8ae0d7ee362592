"""The charts and tables of a feedback report, planned once for both writers: what each
chart shows, its colours, the table that is its accessible form, and alt text with the numbers.

Owns deciding what is drawn; it is pure (Results in, specs out). The slide writer turns the
specs into native charts, `images.py` into PNG pictures for the Word report.
"""

from __future__ import annotations

from compassion_kit.feedback.chart_spec import (
    Chart,
    Series,
    nhs,
    scale_colours,
    short,
    summary,
)
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
    notes = f"Answers on the {first.scale} scale. " + " ".join(
        f"{r.text}: {_positive_words(r)}; "
        + ", ".join(f"{lab} {c}" for lab, c in zip(r.labels, r.counts, strict=True))
        + "."
        for r in results
    )
    alt = summary(
        "Diverging bars, % positive:",
        [f"{short(r.text, 28)} {r.percent_positive}% (n={r.n})" for r in results],
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
        notes,
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
    notes = (
        f"{result.text} Answers from {points[0]} to {points[-1]}: "
        + ", ".join(f"{p}: {int(c)}" for p, c in zip(points, counts, strict=True))
        + f". {_positive_words(result)}, "
        + f"counting {' and '.join(result.positive_labels)} as positive."
    )
    alt = summary(
        f"Bar chart, answers {points[0]} to {points[-1]} (n={result.n}):",
        [f"{p}: {int(c)}" for p, c in zip(points, counts, strict=True)],
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
        notes,
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
        summary(
            "Bar chart, % positive:",
            [f"{short(r.text, 28)} {r.percent_positive}% (n={r.n})" for r in results],
        ),
        (
            ("Question", "Positive answers", "n", "% positive"),
            *(
                (r.text, " + ".join(r.positive_labels), str(r.n), f"{r.percent_positive}%")
                for r in results
            ),
        ),
        " ".join(f"{r.text}: {_positive_words(r)}." for r in results),
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
        summary(
            f"Bar chart, {'several choices each' if result.multiple else 'one choice each'}, "
            f"n={result.n}:",
            [f"{short(o, 28)} {c}" for o, c in zip(result.options, result.counts, strict=True)],
        ),
        (
            ("Choice", "Responses", "% of those who answered"),
            *(
                (o, str(c), f"{percent(c, result.n)}%")
                for o, c in zip(result.options, result.counts, strict=True)
            ),
        ),
        f"{result.text} ({kind}): "
        + ", ".join(f"{o}: {c}" for o, c in zip(result.options, result.counts, strict=True))
        + f"; {result.n} answered.",
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
            Series("Median", tuple(median for _v in values), nhs("NHS Dark Grey")),
        ),
        True,
        summary(
            f"Run chart, % positive by session, median {chart.median}%:",
            [f"{short(s, 24)} {v}%" for s, v in zip(chart.sessions, chart.values, strict=True)],
        ),
        (
            ("Session", "% positive", "Median"),
            *(
                (s, f"{v}%", f"{chart.median}%")
                for s, v in zip(chart.sessions, chart.values, strict=True)
            ),
        ),
        f"Percentage positive by session for '{chart.question}': "
        + ", ".join(f"{s}: {v}%" for s, v in zip(chart.sessions, chart.values, strict=True))
        + f"; the median is {chart.median}%.",
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
        summary(
            f"Bar chart, % positive by {short(by, 30)}:",
            [
                f"{short(g.name, 24)} {s.percent_positive}% (n={s.n})"
                for g, s in zip(groups, first, strict=True)
            ],
        ),
        (
            (by, *(short(s.text) for s in groups[0].scales)),
            *((g.name, *(f"{s.percent_positive}% (n={s.n})" for s in g.scales)) for g in groups),
        ),
        f"{first[0].text}, by {by}: "
        + ", ".join(f"{g.name}: {_positive_words(s)}" for g, s in zip(groups, first, strict=True))
        + ". Groups with fewer than 5 responses are not shown.",
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
