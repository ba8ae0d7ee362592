"""Plan a deck: assemble the slides, fit every text to its box, add continuation slides.

Owns the order of slides, sizes, logo placement and notes stamping. Pure: the template's
geometry arrives as a `Template` (read by `render/pptx/template.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from compassion_kit.branding import readable_text_on, substitute
from compassion_kit.render.plan import deck_fit as fit
from compassion_kit.render.plan.deck_design import design
from compassion_kit.render.plan.deck_diagrams import agenda_timeline_draft, diagram_for
from compassion_kit.render.plan.deck_figures import figure_texts
from compassion_kit.render.plan.deck_frame import (
    agenda_drafts,
    closing_draft,
    section_draft,
    title_draft,
)
from compassion_kit.render.plan.deck_kinds import KIND_LAYOUT, slide_draft
from compassion_kit.render.plan.deck_layouts import LayoutMap, map_layouts
from compassion_kit.render.plan.deck_lists import spread
from compassion_kit.render.plan.deck_logo import logo_and_title
from compassion_kit.render.plan.deck_spec import (
    BODY_FLOOR_PT,
    TITLE,
    Box,
    Draft,
    Layout,
    Para,
    SlideSpec,
    Template,
    TextSpec,
    para,
)
from compassion_kit.render.plan.deck_spine import number_slide_refs, spine_drafts, time_slot_note

if TYPE_CHECKING:
    from compassion_kit.logo import Logo
    from compassion_kit.model import DeckModule, Organisation
    from compassion_kit.model.deck import Slide
    from compassion_kit.timing import Schedule

TITLE_PT = design().title_sizes  # other layouts use TITLE_DEFAULT_PT
TITLE_DEFAULT_PT, TITLE_FLOOR_PT = design().title, design().title_floor
CONT = " (cont.)"


class Context:
    """What every slide needs while planning: template, brand, logo, schedule, tokens."""

    def __init__(
        self,
        template: Template,
        org: Organisation,
        logo: Logo | None,
        schedule: Schedule | None,
        tokens: dict[str, str],
        bundled: bool,
        layouts: LayoutMap | None = None,
    ) -> None:
        self.template = template
        self.map = layouts or map_layouts(template)
        # The kit's own colours and fonts go only into templates made for the kit; any other
        # template's theme (text colours on its own backgrounds) wins.
        self.branded = self.map.kit_layouts
        self.org = org
        self.logo = logo
        self.schedule = schedule
        self.tokens = tokens
        self.bundled = bundled
        self.colours = {
            "primary": org.colours.primary,
            "secondary": org.colours.secondary,
            "accent": org.colours.accent,
            # Text in a brand colour: the colour itself, or its darker shade when too light.
            "primary_text": org.colours.primary_text,
            "secondary_text": org.colours.secondary_text,
        }
        self.link_colour = self.colours["primary_text"] if self.branded else ""
        self.warnings: list[str] = []

    def layout(self, kind: str) -> Layout:
        """The layout a kind of slide (a key of LAYOUTS) is drawn on, keyed by role."""
        return self.map.layouts[kind]


def plan_slides(
    ctx: Context,
    title: str,
    modules: tuple[DeckModule, ...],
    date: str | None,
    venue: str | None,
    facilitator: str | None,
    pool: Mapping[str, Slide] | None = None,
) -> list[SlideSpec]:
    """Every slide of the deck, in order, fitted and with continuation slides added.

    With a schedule the agenda is the spine (`deck_spine.py`; slides found in `pool`, else
    the modules); without one, each module's divider and slides in module order. The title
    and closing slides hold the user's values: data, never searched for {{tokens}}.
    """
    given = [title_draft(title, ctx.org, date, venue, facilitator)]
    extras: tuple[Draft, ...] = ()
    if ctx.schedule is not None:
        found = {s.id: s for m in modules for s in m.slides} | dict(pool or {})
        spine = spine_drafts(ctx.schedule, modules, found, lambda s: _content(s, ctx))
        timeline = agenda_timeline_draft(ctx.schedule)
        agenda = (timeline,) if timeline else agenda_drafts(ctx.schedule)
        drafts = [*agenda, *spine.timed]
        extras = spine.extras
        ctx.warnings.extend(spine.warnings)
    else:
        drafts = []
        for number, module in enumerate(modules, start=1):
            drafts.append(section_draft(module, number if len(modules) > 1 else None))
            drafts.extend(_content(slide, ctx) for slide in module.slides)
    closing = ctx.layout("Kit Closing")
    given.append(closing_draft(ctx.org, closing.placeholders["QR"].box))
    ordered = [given[0], *(_substituted(d, ctx.tokens) for d in drafts), given[1]]
    slides: list[SlideSpec] = []
    for draft in ordered:
        ctx.warnings.extend(draft.warnings)
        slides.extend(realise(draft, ctx))
    for draft in extras:  # after the closing slide, hidden in the slide show
        draft = _substituted(draft, ctx.tokens)
        ctx.warnings.extend(draft.warnings)
        slides.extend(replace(s, hidden=True) for s in realise(draft, ctx))
    titles = {d.id: d.title for d in (*drafts, *extras)} | {
        s.id: s.title for s in (pool or {}).values()
    }
    return number_slide_refs(slides, titles)


def _content(slide: Slide, ctx: Context) -> Draft:
    layout = ctx.layout(KIND_LAYOUT[slide.kind])
    return slide_draft(slide, layout, ctx.colours, ctx.branded)


def _substituted(draft: Draft, tokens: dict[str, str]) -> Draft:
    def text(paras: tuple[Para, ...]) -> tuple[Para, ...]:
        return tuple(
            replace(p, runs=tuple(replace(r, text=substitute(r.text, tokens)) for r in p.runs))
            for p in paras
        )

    boxes = tuple(replace(b, paras=text(b.paras)) for b in draft.boxes)
    return replace(
        draft,
        title=substitute(draft.title, tokens),
        notes=substitute(draft.notes, tokens),
        boxes=boxes,
    )


def realise(draft: Draft, ctx: Context) -> list[SlideSpec]:
    """The slide(s) for one draft: fitted boxes, continuation pages, logo, stamped notes."""
    layout = ctx.layout(draft.layout)
    draft = fit.spill(draft, layout)
    fits: list[fit.Fit] = []
    for box in draft.boxes:
        holder = layout.placeholders[box.role]
        space = fit.frame(holder.box, holder.insets)
        fitted = fit.fit_box(box.paras, space, box.target, box.floor)
        if box.follows:  # never larger than the box it sits beside
            leader = next(
                f for b, f in zip(draft.boxes, fits, strict=False) if b.role == box.follows
            )
            if leader.size < fitted.size and len(fitted.pages) == 1:
                fitted = replace(fitted, size=leader.size)
        chunked = tuple(
            tuple(fit.link_chunks(p, fitted.size, space, ctx.link_colour) for p in page)
            for page in fitted.pages
        )
        fits.append(replace(fitted, pages=chunked))
    pages = max((len(f.pages) for f in fits), default=1)
    if pages > 1:
        ctx.warnings.append(
            f"slide '{draft.id}' ('{draft.title}'): the text does not fit at "
            f"{BODY_FLOOR_PT:g} pt, so it continues on {pages - 1} more slide{'s' * (pages > 2)}"
        )
    fits = spread(draft, layout, fits, ctx.warnings)
    for box, fitted in zip(draft.boxes, fits, strict=True):
        if fitted.overflow:
            ctx.warnings.append(
                f"slide '{draft.id}': a paragraph in '{box.role}' is too long "
                "for one slide even at the smallest size; shorten it"
            )
    extra: list[TextSpec] = []
    if draft.figures:
        extra, trouble = figure_texts(
            draft.figures,
            draft.caption,
            layout.placeholders["Content"].box,
            ctx.colours["secondary_text"],
        )
        ctx.warnings.extend(f"slide '{draft.id}': {t}" for t in trouble)
    shapes = diagram_for(draft, layout, ctx.colours, ctx.warnings)
    slides = []
    for page in range(1, pages + 1):
        texts: list[TextSpec] = []
        for box, fitted in zip(draft.boxes, fits, strict=True):
            if page <= len(fitted.pages):
                chunk = fitted.pages[page - 1]
            elif box.repeat and len(fitted.pages) == 1:
                chunk = fitted.pages[0]
            else:
                continue
            texts.append(TextSpec(box.role, chunk, fitted.size, anchor=box.anchor))
        if page == 1:
            texts.extend(extra)
        spec = _page(draft, ctx, layout, page, tuple(texts))
        slides.append(replace(spec, shapes=shapes) if page == 1 else spec)
    return slides


def _page(
    draft: Draft, ctx: Context, layout: Layout, page: int, texts: tuple[TextSpec, ...]
) -> SlideSpec:
    suffix = "" if page == 1 else CONT if page == 2 else f" (cont. {page - 1})"
    logo_picture, logo_text, title_box = logo_and_title(
        layout,
        ctx.logo,
        ctx.org,
        ctx.colours["primary_text"],
        ctx.warnings,
        ctx.template.slide_size,
    )
    title, size = _fit_title(draft, title_box, suffix, ctx)
    holder = layout.placeholders[TITLE]
    moved = title_box != holder.box or holder.moved
    notes = time_slot_note(draft.stamp, ctx.schedule) + (
        "(Continued from the previous slide.)\n\n" if page > 1 else ""
    )
    return SlideSpec(
        id=draft.id if page == 1 else f"{draft.id}#{page}",
        layout=layout.name,
        title=title,
        title_size=size,
        notes=notes + draft.notes,
        texts=(*texts, *logo_text),
        pictures=(*logo_picture, *(draft.pictures if page == 1 else ())),
        chart=draft.chart if page == 1 else None,
        title_colour=_title_colour(draft.layout, ctx) or layout.placeholders[TITLE].colour,
        source=draft.source,
        page=page,
        kind=draft.layout,
        title_box=title_box if moved else None,
    )


def _title_colour(layout: str, ctx: Context) -> str | None:
    # Only the bundled template is known to have white title areas and a primary band
    # behind section titles; an organisation's own template keeps its own title colours.
    if not ctx.bundled:
        return None
    primary = ctx.colours["primary"]
    return readable_text_on(primary) if layout == "Kit Section" else ctx.colours["primary_text"]


def _fit_title(draft: Draft, box: Box, suffix: str, ctx: Context) -> tuple[str, float]:
    holder = ctx.layout(draft.layout).placeholders[TITLE]
    space = fit.frame(box, holder.insets)
    text = draft.title + suffix
    target = TITLE_PT.get(draft.layout, TITLE_DEFAULT_PT)
    size = fit.best_size((para(text, bold=True),), space, target, TITLE_FLOOR_PT)
    if size is not None:
        return text, size
    if not suffix:
        ctx.warnings.append(
            f"slide '{draft.id}': the title is too long for the slide and was "
            "cut short; the full title is in the notes"
        )
    cut = fit.truncate(
        draft.title,
        replace(space, width=space.width - fit.text_width(suffix, TITLE_FLOOR_PT, True)),
        TITLE_FLOOR_PT,
        True,
    )
    return cut + suffix, TITLE_FLOOR_PT
