"""What each kind of slide says: titles, paragraphs and boxes before anything is measured.

Owns the wording and structure of every content slide kind; the slides the kit adds around
them (title, agenda, section, closing) are `deck_frame.py`'s. Pure; sizes and continuation are
decided in `deck.py` here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from compassion_kit.model.deck import (
    BulletsSlide,
    ChartSlide,
    DiagramSlide,
    ExerciseSlide,
    FiguresSlide,
    QuoteSlide,
    VideoSlide,
)
from compassion_kit.render.plan.deck_design import design
from compassion_kit.render.plan.deck_figures import chart_spec
from compassion_kit.render.plan.deck_lists import bullets_draft, diagram_draft
from compassion_kit.render.plan.deck_spec import (
    SMALL_PT,
    BoxDraft,
    Draft,
    Para,
    PictureSpec,
    Run,
    para,
)
from compassion_kit.render.plan.materials import materials_line
from compassion_kit.render.plan.words import shorten

if TYPE_CHECKING:
    from compassion_kit.model.deck import Slide
    from compassion_kit.render.plan.deck_spec import Layout

QUOTE_PT = design().quote
ALT_MAX = 150  # characters; longer alt text is tiring to hear (KIT002)
PANEL_FIGURE = 2.5  # an exercise's minutes, this many times its panel's text size
KIND_LAYOUT = {
    "bullets": "Kit Bullets",
    "quote": "Kit Quote",
    "figures": "Kit Figures",
    "chart": "Kit Chart",
    "video": "Kit Video",
    "exercise": "Kit Exercise",
    # Diagrams are drawn in a layout's content area, as key figures are.
    "cycle": "Kit Figures",
    "process": "Kit Figures",
    "grid": "Kit Figures",
    "timeline": "Kit Figures",
    "frontier": "Kit Figures",
}


def slide_draft(
    slide: Slide, layout: Layout, colours: dict[str, str], branded: bool = True
) -> Draft:
    """The draft for one content slide of any kind; `branded` False keeps text in the
    template's own colours (an organisation's template: its backgrounds are unknown)."""
    base = Draft(
        slide.id, KIND_LAYOUT[slide.kind], slide.title, slide.notes, stamp=slide.id, source=slide.id
    )
    if slide.image is not None:
        base = replace(
            base,
            notes=f"{slide.notes}\n\nPicture not shown: {slide.image.alt}",
            warnings=(
                f"slide '{slide.id}': pictures are not placed on slides yet, "
                f"so '{slide.image.path}' was left out; its alt text is in the "
                "notes",
            ),
        )
    if isinstance(slide, BulletsSlide):
        return bullets_draft(slide, base)
    if isinstance(slide, QuoteSlide):
        return replace(
            base,
            boxes=(
                BoxDraft(
                    "Quote",
                    (para(f"\u201c{slide.quote.text}\u201d"),),
                    target=QUOTE_PT,
                    anchor="ctr",
                    uniform=True,
                ),
                BoxDraft(
                    "Attribution",
                    (
                        para(
                            f"\u2014 {slide.quote.attribution}",
                            colour=colours["secondary_text"] if branded else None,
                        ),
                    ),
                    target=SMALL_PT,
                ),
            ),
        )
    if isinstance(slide, FiguresSlide):
        figures = tuple((f.value, f.caption) for f in slide.figures)
        return replace(base, figures=figures, caption=slide.caption)
    if isinstance(slide, ChartSlide):
        box = layout.placeholders["Content"].box
        chart = chart_spec(slide.chart, slide.title, box, colours)
        if len(chart.alt) <= ALT_MAX:
            return replace(base, chart=chart)
        # A long description is tiring as alt text (KIT002): it goes into the notes whole.
        short = f"{slide.chart.type.capitalize()} chart: {slide.title}. The notes describe it."
        notes = f"{base.notes}\n\nWhat the chart shows: {chart.alt}"
        return replace(base, chart=replace(chart, alt=shorten(short, ALT_MAX)), notes=notes)
    if isinstance(slide, VideoSlide):
        return _video(slide, layout, base)
    if isinstance(slide, DiagramSlide):
        return diagram_draft(slide, base)
    assert isinstance(slide, ExerciseSlide)
    return _exercise(slide, base, colours["primary_text"] if branded else None)


def _video(slide: VideoSlide, layout: Layout, base: Draft) -> Draft:
    video = slide.video
    paras = [para(video.description)]
    facts = [
        f"Presenter: {video.presenter}" if video.presenter else "",
        f"Running time: {video.length}" if video.length else "",
    ]
    if any(facts):
        paras.append(para(". ".join(f for f in facts if f) + ".", space_before=0.4))
    paras.append(para(video.link_text, link=video.url, space_before=0.6))  # see closing_draft
    paras.append(para("or scan the QR code to watch.", space_before=0.4))
    qr = PictureSpec(
        "qr",
        layout.placeholders["QR"].box,
        shorten(f"QR code: {video.link_text}", ALT_MAX),
        video.url,
    )
    return replace(
        base,
        boxes=(BoxDraft("Body", tuple(paras)),),
        pictures=(qr,),
        notes=f"{base.notes}\n\nVideo link: {video.url}",
    )


def _exercise(slide: ExerciseSlide, base: Draft, ink: str | None) -> Draft:
    """Numbered steps beside a panel: the minutes as a big number (in `ink`, the brand's
    text-safe colour, or the template's) over the word "minutes" and the grouping."""
    exercise = slide.exercise
    steps = tuple(
        para(step, bullet="number", number=n, space_before=0.4)
        for n, step in enumerate(exercise.steps, start=1)
    )
    panel = [
        Para((Run(str(exercise.minutes), bold=True, colour=ink),), scale=PANEL_FIGURE, align="ctr"),
        Para((Run("minutes" if exercise.minutes != 1 else "minute", bold=True),), align="ctr"),
    ]
    if exercise.grouping:
        panel.append(Para((Run(exercise.grouping),), space_before=0.6, align="ctr"))
    keep = len(panel)
    notes = base.notes
    if exercise.materials:
        # What to have ready is the facilitator's to know: in the notes (and the script),
        # leaving the screen to the steps.
        notes = f"{notes}\n\n{materials_line(exercise.materials)}"
    panel_box = BoxDraft(
        "Panel",
        tuple(panel),
        target=SMALL_PT,
        repeat=True,
        follows="Body",
        spill_to="Body",
        keep=keep,
        anchor="ctr",  # the time and grouping sit mid-panel, beside the steps
    )
    body = BoxDraft(
        "Body", steps, target=design().body_size(base.layout), uniform=True, spread=True
    )
    return replace(base, boxes=(body, panel_box), notes=notes)
