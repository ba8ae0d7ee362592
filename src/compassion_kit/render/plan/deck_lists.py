"""Lists on slides: bullets at their layout's one body size, spread down the slide, within
the design's word limit; and diagram slides' parts before they are laid out.

Owns the bullets draft, the spreading of short lists and the shrink warning, and the diagram
draft (its parts and text equivalent). Pure; measuring is `deck_fit.py`'s.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from compassion_kit.model.deck import BulletsSlide, DiagramSlide, FrontierSlide, GridSlide
from compassion_kit.render.plan import deck_fit as fit
from compassion_kit.render.plan.deck_design import design
from compassion_kit.render.plan.deck_diagrams import text_equivalent
from compassion_kit.render.plan.deck_spec import BoxDraft, DiagramDraft, Draft, para

if TYPE_CHECKING:
    from compassion_kit.render.plan.deck_spec import Layout


def bullets_draft(slide: BulletsSlide, base: Draft) -> Draft:
    """Bullets at the layout's one body size, spread down the slide; beyond the design's
    word limit the indented detail moves to the notes (with a warning)."""
    shown = list(slide.bullets)
    notes, warnings = base.notes, base.warnings
    limit = design().max_words
    if sum(len(b.text.split()) for b in shown) > limit and any(b.level for b in shown):
        detail = [b for b in shown if b.level]
        shown = [b for b in shown if not b.level]
        notes += "\n\nDetail moved from the slide: " + "; ".join(b.text for b in detail) + "."
        warnings += (
            f"slide '{slide.id}': more than {limit} words on screen, so the indented points "
            "moved to the notes; shorten the slide to show them",
        )
    paras = tuple(
        para(b.text, level=b.level, bullet="bullet", space_before=0.5 if b.level == 0 else 0.25)
        for b in shown
    )
    body = BoxDraft(
        "Body", paras, target=design().body_size(base.layout), uniform=True, spread=True
    )
    return replace(base, boxes=(body,), notes=notes, warnings=warnings)


def diagram_draft(slide: DiagramSlide, base: Draft) -> Draft:
    """A diagram slide: its parts drawn as shapes, and the same in words in the notes."""
    if isinstance(slide, FrontierSlide):
        diagram = DiagramDraft(
            slide.kind,
            tuple((p.label, p.detail or "") for p in slide.points),
            slide.caption,
            axes=(slide.x_axis, slide.y_axis),
            curve=slide.curve or "",
            places=tuple((p.place, p.favours) for p in slide.points),
        )
        return replace(base, diagram=diagram, notes=f"{base.notes}\n\n{text_equivalent(diagram)}")
    parts = slide.items if isinstance(slide, GridSlide) else slide.steps
    diagram = DiagramDraft(
        slide.kind, tuple((p.label, p.detail or "") for p in parts), slide.caption
    )
    return replace(base, diagram=diagram, notes=f"{base.notes}\n\n{text_equivalent(diagram)}")


def spread(draft: Draft, layout: Layout, fits: list[fit.Fit], warnings: list[str]) -> list[fit.Fit]:
    """The fitted boxes with short lists spread down their box (more space between top-level
    points, up to the design's limit); warns when a box of the layout's one body size had
    to shrink."""
    spread: list[fit.Fit] = []
    for box, fitted in zip(draft.boxes, fits, strict=True):
        if box.uniform and fitted.size < box.target:
            warnings.append(
                f"slide '{draft.id}': the text is set at {fitted.size:g} pt, smaller than the "
                f"layout's {box.target:g} pt, to fit; shorten it to keep the deck's one size"
            )
        if not box.spread or len(fitted.pages) != 1:
            spread.append(fitted)
            continue
        holder = layout.placeholders[box.role]
        space = fit.frame(holder.box, holder.insets)
        page = fitted.pages[0]
        used = sum(fit.para_height(p, fitted.size, space.width) for p in page)
        gaps = [n for n, p in enumerate(page) if n and p.level == 0]
        room = space.height * design().bullet_fill - used
        if not gaps or room <= 0:
            spread.append(fitted)
            continue
        extra = room / len(gaps) / fitted.size
        wider = tuple(
            replace(p, space_before=min(p.space_before + extra, design().bullet_space))
            if n in gaps
            else p
            for n, p in enumerate(page)
        )
        spread.append(replace(fitted, pages=(wider,)))
    return spread
