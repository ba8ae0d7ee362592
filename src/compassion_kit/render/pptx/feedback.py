"""The feedback summary deck (`kit feedback` summary.pptx) through python-pptx: headline
figures, native editable charts, key comments and presenter notes that read out the numbers.

Owns the slides; the figures come from `feedback.figures`, the charts' data from
`feedback.plan`. The few edits python-pptx has no API for are the `_xml` helpers at the end.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_TICK_LABEL_POSITION,
)
from pptx.util import Pt

from compassion_kit.branding import readable_text_on
from compassion_kit.feedback.chart_spec import Chart, Series, short
from compassion_kit.paths import templates_dir
from compassion_kit.render.pptx.feedback_xml import (
    brand_theme,
    describe,
    hide_legend_entries,
    read_after,
    remove,
    unsigned_axis_ids,
)

if TYPE_CHECKING:
    from pptx.presentation import Presentation as Deck
    from pptx.slide import Slide

    from compassion_kit.feedback.results import Comments, Results
    from compassion_kit.logo import Logo
    from compassion_kit.model import Organisation

TEMPLATE = "deck.pptx"
# Layouts and placeholders this writer needs from the template.
TITLE_LAYOUT, BULLETS_LAYOUT, CHART_LAYOUT = "Kit Title", "Kit Bullets", "Kit Chart"
TITLE_IDX, SUBTITLE_IDX, DETAILS_IDX, BODY_IDX, CONTENT_IDX, LOGO_IDX = 0, 1, 13, 1, 12, 10
CHART_TEXT = Pt(18)  # the slide floor (the checker's KIT009)
TITLE_CHARACTERS = 48  # two lines of the template's 36 pt title
COMMENT_TEXT = Pt(24)  # prints at about 12 pt in 2-up handouts
SMALLEST_LABELLED = 0.2  # share of n: a narrower segment has no room for an 18 pt number
KEY_COMMENTS = 3  # per question on the slides; the report has every comment


def summary_pptx(
    results: Results, charts: list[Chart], org: Organisation, logo: Logo | None
) -> bytes:
    """The summary deck as saved by python-pptx (pass it through finish_ooxml)."""
    deck = Presentation(str(templates_dir() / TEMPLATE))
    brand_theme(deck, org)
    deck.core_properties.title = f"{results.title}: feedback summary"
    deck.core_properties.author = org.name
    deck.core_properties.language = "en-GB"
    _title_slide(deck, results, org, logo)
    if results.scales:
        _headline_slide(deck, results, logo)
    for chart in slide_charts(charts):
        _chart_slide(deck, chart, logo)
    titles: set[str] = set()
    for group in results.comments:
        if group.comments:
            _comments_slide(deck, group, titles, logo)
    _about_slide(deck, results, logo)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def slide_charts(charts: list[Chart]) -> list[Chart]:
    """The charts worth a slide: all but the run charts after the first (the headline
    question's); the report shows every one."""
    runs = [c for c in charts if c.kind == "run"]
    return [c for c in charts if c.kind != "run" or c is runs[0]]


def _slide(
    deck: Deck, layout: str, title: str, logo: Logo | None, limit: int = TITLE_CHARACTERS
) -> Slide:
    slide: Slide = deck.slides.add_slide(deck.slide_layouts.get_by_name(layout))
    heading = slide.shapes.title
    assert heading is not None, f"the template's {layout} layout has a title placeholder"
    heading.text = short(title, limit)
    picture = _place_logo(slide, logo)
    if picture is not None:
        read_after(picture, heading)
    return slide


def _title_slide(deck: Deck, results: Results, org: Organisation, logo: Logo | None) -> None:
    slide = _slide(deck, TITLE_LAYOUT, results.title, logo, limit=90)
    slide.placeholders[SUBTITLE_IDX].text = "Feedback summary"
    slide.placeholders[DETAILS_IDX].text = f"{org.name}\n{results.scope}"
    _notes(slide).text = (
        f"This summary covers {results.scope}. Names, email addresses, respondent "
        "ids and times were removed before anything was written."
    )


def _headline_slide(deck: Deck, results: Results, logo: Logo | None) -> None:
    slide = _slide(deck, BULLETS_LAYOUT, "Headline figures", logo)
    frame = slide.placeholders[BODY_IDX].text_frame
    lines = [
        f"{r.percent_positive}% positive ({r.positive} of {r.n}): {short(r.text, 70)}"
        for r in results.scales[:5]
    ]
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size = COMMENT_TEXT
    _notes(slide).text = " ".join(
        f"{r.text}: {r.positive} of {r.n} answers were {' or '.join(r.positive_labels)}, "
        f"{r.percent_positive}% positive."
        for r in results.scales
    )


def _chart_slide(deck: Deck, chart: Chart, logo: Logo | None) -> None:
    slide = _slide(deck, CHART_LAYOUT, chart.title, logo)
    box = slide.placeholders[CONTENT_IDX]
    data: Any = CategoryChartData(number_format="0%" if chart.percent else "0")  # type: ignore[no-untyped-call]
    data.categories = chart.categories
    for series in chart.series:
        data.add_series(series.name, series.values)
    kind = {
        "diverging": XL_CHART_TYPE.BAR_STACKED,
        "bars": XL_CHART_TYPE.BAR_CLUSTERED,
        "run": XL_CHART_TYPE.LINE_MARKERS,
    }[chart.kind]
    frame: Any = slide.shapes.add_chart(kind, box.left, box.top, box.width, box.height, data)
    remove(box)
    describe(frame, chart.alt)
    _style_chart(frame.chart, chart)
    unsigned_axis_ids(frame.chart)
    _notes(slide).text = chart.notes or chart.alt


def _style_chart(native: Any, chart: Chart) -> None:
    native.font.size = CHART_TEXT
    native.has_title = False
    value_axis = native.value_axis
    value_axis.tick_labels.number_format = "0%;0%" if chart.percent else "0"
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.has_major_gridlines = chart.kind != "diverging"
    if chart.kind != "run":
        native.category_axis.reverse_order = True  # first category at the top, as in the table
    plot = native.plots[0]
    if chart.kind == "diverging":
        _centre(native, plot)
    for native_series, series in zip(plot.series, chart.series, strict=True):
        fill = native_series.format.fill if chart.kind != "run" else None
        if fill is not None and not series.colour:
            fill.background()  # the unfilled lead and tail that centre diverging bars
        elif fill is not None:
            fill.solid()
            fill.fore_color.rgb = _rgb(series.colour)
            if chart.kind == "diverging":
                _segment_labels(native_series, series)
        else:
            native_series.format.line.color.rgb = _rgb(series.colour)
            native_series.smooth = False
    if chart.kind == "run":
        value_axis.minimum_scale, value_axis.maximum_scale = 0.0, 1.0
    if chart.kind == "bars":
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format = "0%" if chart.percent else "0"
        labels.number_format_is_linked = False
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        if chart.percent:
            value_axis.minimum_scale, value_axis.maximum_scale = 0.0, 1.0
    native.has_legend = len(chart.series) > 1
    if native.has_legend:
        native.legend.position = XL_LEGEND_POSITION.BOTTOM
        native.legend.include_in_layout = False
        hidden = [i for i, s in enumerate(chart.series) if not s.in_legend]
        hide_legend_entries(native, hidden)


def _centre(native: Any, plot: Any) -> None:
    """Bars stacked 0 to 2, the category axis drawn at 1 as the centre line, names at the left;
    each segment carries its own percentage, so the value axis has no labels."""
    plot.overlap = 100
    plot.gap_width = 60
    value_axis = native.value_axis
    value_axis.minimum_scale, value_axis.maximum_scale = 0.0, 2.0
    value_axis.crosses_at = 1.0
    value_axis.visible = False
    value_axis.has_major_gridlines = False
    native.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW


def _segment_labels(native_series: Any, series: Series) -> None:
    """Each segment's percentage in a colour readable on its fill; none on segments under 20%,
    where the number would cover its neighbours (the table and notes have every figure)."""
    colour = series.colour
    labels = native_series.data_labels
    labels.show_value = True
    labels.number_format = "0%"
    labels.number_format_is_linked = False
    labels.position = XL_LABEL_POSITION.CENTER
    labels.font.size = CHART_TEXT
    labels.font.color.rgb = _rgb(readable_text_on(colour))
    for index, value in enumerate(series.values):
        if (value or 0.0) < SMALLEST_LABELLED:
            label = native_series.points[index].data_label
            label.has_text_frame = True
            label.text_frame.text = ""


def _comments_slide(deck: Deck, group: Comments, titles: set[str], logo: Logo | None) -> None:
    title = "Comments: " + short(group.text, 50)
    number = 2
    while title.casefold() in titles:
        title = f"Comments: {short(group.text, 44)} ({number})"
        number += 1
    titles.add(title.casefold())
    slide = _slide(deck, BULLETS_LAYOUT, title, logo)
    chosen = key_comments(group.comments)
    frame = slide.placeholders[BODY_IDX].text_frame
    for index, comment in enumerate(chosen):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = f"\u201c{comment}\u201d"
        paragraph.font.size = COMMENT_TEXT
    _notes(slide).text = (
        f"{len(group.comments)} comments on '{group.text}'. "
        f"{len(chosen)} are shown here; the report lists every one."
    )


def key_comments(comments: tuple[str, ...]) -> list[str]:
    """Up to KEY_COMMENTS comments for a slide: the fullest under 160 characters, in the
    order they were given (long ones are in the report)."""
    distinct = list(dict.fromkeys(comments))
    fitting = [c for c in distinct if len(c) <= 160] or [short(c, 160) for c in distinct]
    ranked = sorted(range(len(fitting)), key=lambda i: (-len(fitting[i]), i))[:KEY_COMMENTS]
    return [fitting[i] for i in sorted(ranked)]


def _about_slide(deck: Deck, results: Results, logo: Logo | None) -> None:
    slide = _slide(deck, BULLETS_LAYOUT, "About these results", logo)
    sources = "; ".join(f"{p}: {n} responses" for _f, p, n in results.sources)
    lines = [
        f"{results.scope} ({sources}).",
        "Percentage positive counts the top two answers; n is everyone who answered, "
        "'Don't know' included.",
        "Names, email addresses, respondent ids and times were removed; emails, phone "
        f"numbers and names were masked in the comments of {results.masked} responses.",
    ]
    if results.suppressed:
        count = len(results.suppressed)
        lines.append(
            f"{count} group{'s' if count != 1 else ''} with fewer than 5 responses "
            f"{'are' if count != 1 else 'is'} not shown."
        )
    frame = slide.placeholders[BODY_IDX].text_frame
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.font.size = COMMENT_TEXT
    _notes(slide).text = " ".join(lines)


def _notes(slide: Slide) -> Any:
    """The slide's notes text frame (python-pptx makes the notes slide on first use)."""
    frame = slide.notes_slide.notes_text_frame
    assert frame is not None, "a new notes slide always has a body placeholder"
    return frame


def _rgb(colour: str) -> RGBColor:
    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return RGBColor(red, green, blue)  # type: ignore[no-untyped-call]


def _place_logo(slide: Slide, logo: Logo | None) -> Any:
    """The logo fitted inside the layout's logo box, never stretched; the box removed."""
    box = next((p for p in slide.placeholders if p.placeholder_format.idx == LOGO_IDX), None)
    if box is None:
        return None
    picture = None
    if logo is not None:
        scale = min(box.width / logo.width_px, box.height / logo.height_px)
        width, height = round(logo.width_px * scale), round(logo.height_px * scale)
        left = box.left + box.width - width  # right-aligned: the logo goes top right
        picture = slide.shapes.add_picture(io.BytesIO(logo.png), left, box.top, width, height)
        describe(picture, logo.alt)
    remove(box)
    return picture
