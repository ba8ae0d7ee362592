"""Key figures and charts: a centred row of filled boxes, each a big number over its
caption, and the spec of a native chart.

Owns the figures' geometry, sizes and colours and the charts' data, format and alt text;
pure (no pptx import).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compassion_kit.branding import AA_LARGE, contrast_ratio, readable_text_on
from compassion_kit.render.plan import deck_fit as fit
from compassion_kit.render.plan.deck_design import design
from compassion_kit.render.plan.deck_spec import (
    BODY_FLOOR_PT,
    DEFAULT_INSETS,
    EMU_PER_PT,
    SMALL_PT,
    Box,
    ChartSpec,
    Para,
    Run,
    TextSpec,
    para,
)

if TYPE_CHECKING:
    from compassion_kit.model.deck import Chart

# Sizes, spacing and colours from the design file (templates/design.toml).
FIGURE_VALUE_PT = design().figure_values  # the largest that fits one line
FIGURE_FILL = design().figure_fill
FIGURE_GAP = design().figure_gap
CAPTION_H = design().caption_height
FIGURE_MAX_W = design().figure_max_width  # one or two figures do not stretch across the slide
CHART_PT = design().chart_text
CHART_EXTRA_COLOURS = design().chart_colours


def _frame(box: Box) -> fit.Frame:
    left, top, right, bottom = DEFAULT_INSETS
    return fit.Frame((box[2] - left - right) / EMU_PER_PT, (box[3] - top - bottom) / EMU_PER_PT)


def figure_texts(
    figures: tuple[tuple[str, str], ...], caption: str | None, region: Box, secondary: str
) -> tuple[list[TextSpec], list[str]]:
    """Text boxes for (value, caption) figures in `region`, plus an optional caption line
    under them; and a warning if a caption cannot fit even at the floor size.

    Every value shares one size (the largest that keeps each on one line); captions share the
    largest size from 24 pt down to 18 pt at which every figure fits its box.
    """
    x, y, cx, cy = region
    texts: list[TextSpec] = []
    if caption:
        box = (x, y + cy - CAPTION_H, cx, CAPTION_H)
        line = (para(caption),)
        size = fit.best_size(line, _frame(box), SMALL_PT, BODY_FLOOR_PT)
        texts.append(TextSpec("", line, size or BODY_FLOOR_PT, box, name="Figures caption"))
        cy -= CAPTION_H + FIGURE_GAP // 2
    count = len(figures)
    width = min((cx - FIGURE_GAP * (count - 1)) // count, FIGURE_MAX_W)
    left = x + (cx - count * width - (count - 1) * FIGURE_GAP) // 2  # the row is centred
    boxes = [(left + n * (width + FIGURE_GAP), y, width, cy) for n in range(count)]
    space = _frame(boxes[0])
    value_pt = next(
        (
            s
            for s in FIGURE_VALUE_PT
            if all(fit.text_width(v, s, True) <= space.width for v, _ in figures)
        ),
        FIGURE_VALUE_PT[-1],
    )
    # The value is large text (3:1 is enough); the caption is normal text on the fill.
    value_colour = (
        secondary
        if contrast_ratio(secondary, FIGURE_FILL) >= AA_LARGE
        else readable_text_on(FIGURE_FILL)
    )
    text_colour = readable_text_on(FIGURE_FILL)

    def figure(value: str, words: str, size: float) -> tuple[Para, ...]:
        return (
            Para((Run(value, bold=True, colour=value_colour),), scale=value_pt / size, align="ctr"),
            Para((Run(words, colour=text_colour),), space_before=0.4, align="ctr"),
        )

    sizes = fit.sizes(SMALL_PT, BODY_FLOOR_PT)
    size = next(
        (s for s in sizes if all(fit.fits(figure(v, w, s), s, space) for v, w in figures)), None
    )
    trouble = [] if size is not None else ["a figure caption is too long to fit; shorten it"]
    size = size or BODY_FLOOR_PT
    boxed = [
        TextSpec(
            "",
            figure(value, words, size),
            size,
            box,
            fill=FIGURE_FILL,
            anchor="ctr",
            name=f"Figure {n}",
        )
        for n, ((value, words), box) in enumerate(zip(figures, boxes, strict=True), start=1)
    ]
    return boxed + texts, trouble


def chart_spec(
    chart: Chart, title: str, box: tuple[int, int, int, int], colours: dict[str, str]
) -> ChartSpec:
    """A native chart spec; alt text is the caption, or a summary of the data."""
    unit = chart.unit or ""
    whole = all(float(v).is_integer() for s in chart.series for v in s.values)
    base = "0" if whole else "0.0"
    number_format = base + (f'"{unit}"' if unit == "%" else f'" {unit}"' if unit else "")
    alt = chart.caption or _chart_summary(chart, title, unit)
    palette = (colours["primary"], colours["secondary"], *CHART_EXTRA_COLOURS)
    return ChartSpec(
        chart.type,
        tuple(chart.categories),
        tuple((s.name, tuple(s.values)) for s in chart.series),
        number_format,
        box,
        alt,
        palette,
        CHART_PT,
    )


def _chart_summary(chart: Chart, title: str, unit: str) -> str:
    first = chart.series[0]
    pairs = ", ".join(
        f"{c} {v:g}{unit}" for c, v in zip(chart.categories, first.values, strict=True)
    )
    return f"{chart.type.capitalize()} chart, {title}: {pairs}"
