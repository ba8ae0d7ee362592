"""Build a branded, editable PowerPoint deck from deck modules: plan it, then write it.

Owns the deck's public API. Planning (pure) lives in `_pptx_plan.py` and `_pptx_kinds.py`,
text measuring in `_pptx_fit.py`; writing edits the template's parts with lxml: new parts in
`_pptx_parts.py`, shape XML in `_pptx_shapes.py`, package-wide edits in `_pptx_xml.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compassion_kit.branding import substitute
from compassion_kit.errors import ContentError, Location, Problem
from compassion_kit.qr import qr_png
from compassion_kit.render import RenderedFile
from compassion_kit.render import _pptx_shapes as shapes
from compassion_kit.render import _pptx_xml as whole
from compassion_kit.render._opc import Package, PackageError
from compassion_kit.render._pptx_contract import LAYOUTS
from compassion_kit.render._pptx_contract import check_template as _check_template
from compassion_kit.render._pptx_parts import DeckParts, NewSlide
from compassion_kit.render._pptx_plan import Context, plan_slides
from compassion_kit.render._pptx_spec import DeckPlan, SlideSpec
from compassion_kit.render._pptx_template import (
    LOGO,
    TITLE,
    Layout,
    default_template,
    read_template,
    template_bytes,
)

if TYPE_CHECKING:
    from compassion_kit.logo import Logo
    from compassion_kit.model import DeckModule
    from compassion_kit.profile import Brand
    from compassion_kit.timing import Schedule

__all__ = [
    "LAYOUTS",
    "DeckPlan",
    "DeckRequest",
    "check_template",
    "default_template",
    "plan_deck",
    "slide_numbers",
    "write_deck",
]
TITLE_JOIN_LIMIT = 90  # characters: longer joined module titles fall back to a short title


@dataclass(frozen=True)
class DeckRequest:
    """What to build: the modules in order, for which organisation, on which day."""

    modules: tuple[DeckModule, ...]
    brand: Brand  # profile.Brand (organisation + paths)
    logo: Logo | None
    title: str | None = None  # default: the single module's title, or one from the modules
    date: str | None = None
    venue: str | None = None
    facilitator: str | None = None
    schedule: Schedule | None = None  # timing.Schedule when --agenda is given
    template: Path | None = None  # an organisation's own .pptx; default templates/deck.pptx


def check_template(path: Path) -> list[Problem]:
    """Every missing layout or placeholder in a deck template at once; empty when usable.

    Layouts are found by name (see LAYOUTS); each message lists what the template has.
    """
    return _check_template(path)


def plan_deck(request: DeckRequest) -> DeckPlan:
    """The whole deck as specs: slides in order, fitted text, continuation slides, warnings.

    Reads only the template's geometry. Slide ids: the model's slide ids,
    '#title', '#agenda', '#section:<module id>', '#closing', and '<id>#2'... for "(cont.)"
    slides.

    Raises:
        ContentError: the template is unreadable or lacks a layout or placeholder.
    """
    template_path = request.template or default_template()
    problems = check_template(template_path)
    if problems:
        raise ContentError(problems)
    org = request.brand.organisation
    tokens = {
        "org_name": org.name,
        "date": request.date or "",
        "venue": request.venue or "",
        "facilitator": request.facilitator or "",
    }
    # A title typed by the user is data, used as typed; only the kit's own wording is filled in.
    title = request.title or substitute(default_title(request), tokens)
    ctx = Context(
        read_template(template_path),
        org,
        request.logo,
        request.schedule,
        tokens,
        bundled=request.template is None,
    )
    slides = plan_slides(
        ctx, title, request.modules, request.date, request.venue, request.facilitator
    )
    return DeckPlan(
        title=title,
        slides=tuple(slides),
        font=org.font,
        colours=ctx.colours,
        tokens=tokens,
        author=org.name,
        template=str(template_path),
        warnings=tuple(ctx.warnings),
    )


def default_title(request: DeckRequest) -> str:
    """The single module's title; else the agenda's title; else one naming the modules."""
    titles = [m.title for m in request.modules]
    if len(titles) == 1:
        return titles[0]
    if request.schedule is not None:
        return request.schedule.agenda.title
    if not titles:
        return "Workshop"
    joined = "Workshop: " + "; ".join(titles)
    if len(joined) <= TITLE_JOIN_LIMIT:
        return joined
    more = len(titles) - 1
    return f"Workshop: {titles[0]} and {more} more session{'s' if more > 1 else ''}"


def slide_numbers(plan: DeckPlan) -> dict[str, int]:
    """Slide id -> 1-based slide number in the built deck, for every slide (generated and
    continuation slides included), so agendas can print real numbers without a file."""
    return {slide.id: number for number, slide in enumerate(plan.slides, start=1)}


def write_deck(plan: DeckPlan, request: DeckRequest) -> RenderedFile:
    """Write the planned deck to .pptx bytes (same inputs, same bytes).

    Raises:
        ContentError: the template cannot be opened as a PowerPoint package.
    """
    path = Path(plan.template)
    template = read_template(path)
    try:  # template parts are parsed as they are first needed
        parts = DeckParts(Package.read(template_bytes(path)))
        whole.substitute_tokens(parts, plan.tokens)
        for spec in plan.slides:
            _write_slide(parts, spec, template.layouts[spec.layout], plan, request.logo)
        whole.brand_themes(parts, plan.colours, plan.font)
        whole.finish(parts, plan.title, plan.author)
    except PackageError as exc:
        problem = Problem(
            f"the deck template cannot be opened: {exc}",
            Location(path),
            hint="save the template again from PowerPoint, or build with the kit's own template",
        )
        raise ContentError([problem]) from None
    return RenderedFile(
        parts.package.to_bytes(),
        "pptx",
        units=len(plan.slides),
        warnings=plan.warnings,
    )


def _write_slide(
    parts: DeckParts, spec: SlideSpec, layout: Layout, plan: DeckPlan, logo: Logo | None
) -> None:
    roles = {text.role: layout.placeholders[text.role].idx for text in spec.texts if text.role}
    slide = parts.add_slide(layout.part, set(roles.values()))
    assert slide.title is not None, f"layout '{spec.layout}' has no title placeholder"

    def link(url: str) -> str:
        return parts.link(slide, url)

    shapes.write_title(slide.title, spec.title, spec.title_size, spec.title_colour, plan.font)
    shapes.rename(slide.title, TITLE)
    logo_shape: Any = None
    primary = plan.colours["primary"]
    for text in spec.texts:
        if text.role:
            holder = slide.holders[roles[text.role]]
            shapes.rename(holder, text.role)
            shapes.write_text(holder, text, plan.font, primary, link)
        else:
            box = shapes.add_text_box(slide.tree, text, plan.font, primary, link)
            logo_shape = box if text.name == "Organisation name" else logo_shape
    placed = _write_pictures(parts, slide, spec, logo, link)
    logo_shape = logo_shape if placed is None else placed
    if spec.chart is not None:
        r_id = parts.chart(slide, spec.chart, plan.font)
        shapes.add_chart_frame(slide.tree, spec.chart.box, spec.chart.alt, r_id)
    _reading_order(slide.tree, slide.title, logo_shape)
    whole.unique_ids(slide.tree)
    notes = parts.add_notes(slide)
    assert notes is not None, "the template's notes master has no notes placeholder"
    shapes.write_notes(notes, spec.notes)


def _write_pictures(
    parts: DeckParts, slide: NewSlide, spec: SlideSpec, logo: Logo | None, link: shapes.Link
) -> Any:
    """The slide's logo and QR codes; returns the logo's `p:pic` (None without a logo)."""
    placed: Any = None
    for picture in spec.pictures:
        if picture.kind == "logo":
            assert logo is not None, "the plan places a logo but the request has none"
            r_id = parts.image(slide, logo.png)
            placed = shapes.add_picture(slide.tree, picture, r_id, LOGO, link)
        else:
            assert picture.url is not None
            r_id = parts.image(slide, qr_png(picture.url))
            shapes.add_picture(slide.tree, picture, r_id, "QR code", link)
    return placed


def _reading_order(tree: Any, title: Any, logo: Any) -> None:
    """Title first, then the logo (both at the top), then the rest in the order added."""
    for position, element in ((2, title), (3, logo)):
        if element is not None:
            tree.remove(element)
            tree.insert(position, element)
