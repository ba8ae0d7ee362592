"""Build a branded, editable PowerPoint deck from deck modules: plan it, then write it.

Owns the deck's public API. Planning (pure) lives in `plan/deck*.py`; reading templates and
writing the .pptx with python-pptx in `pptx/`, imported only when a template is read or a
deck written (`kit --help`, `list`, `show` and `validate` never load python-pptx).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from compassion_kit.branding import substitute
from compassion_kit.errors import ContentError, Problem
from compassion_kit.paths import templates_dir
from compassion_kit.render import RenderedFile
from compassion_kit.render.plan.deck import Context, plan_slides
from compassion_kit.render.plan.deck_spec import LAYOUTS, DeckPlan, TemplateReport
from compassion_kit.render.plan.deck_spine import mode_warnings

if TYPE_CHECKING:
    from compassion_kit.logo import Logo
    from compassion_kit.model import DeckModule
    from compassion_kit.model.deck import Slide
    from compassion_kit.profile import Brand
    from compassion_kit.timing import Schedule

__all__ = [
    "LAYOUTS",
    "DeckPlan",
    "DeckRequest",
    "TemplateReport",
    "check_template",
    "default_template",
    "describe_template",
    "mode_warnings",
    "plan_deck",
    "slide_numbers",
    "write_deck",
]
TEMPLATE_NAME = "deck.pptx"
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
    # Slide id -> slide, from every deck module of the library: a deck built for an agenda
    # shows each session's slides from wherever they are (the modules' own are always found).
    slide_pool: Mapping[str, Slide] = field(default_factory=dict)


def default_template() -> Path:
    """The bundled 16:9 template, templates/deck.pptx."""
    return templates_dir() / TEMPLATE_NAME


def check_template(path: Path) -> list[Problem]:
    """Why a deck template cannot be used at all (unreadable, unsafe, absurd slide size, no
    layout with a title); empty when usable. Any layouts will do: see `describe_template`.
    """
    from compassion_kit.render.pptx.contract import check_template as check

    return check(path)


def describe_template(path: Path) -> TemplateReport:
    """How the deck writer would use a template: each kind of slide's layout, the parts it
    fills and draws, and every compromise.

    Raises:
        ContentError: the template cannot be used at all (see `check_template`).
    """
    from compassion_kit.render.pptx.contract import describe

    return describe(path)


def plan_deck(request: DeckRequest) -> DeckPlan:
    """The whole deck as specs: slides in order, fitted text, continuation slides, warnings.

    Reads only the template's geometry. Slide ids: the model's slide ids, '#title',
    '#agenda', '#section:<module id>', '#session:<session id>' (dividers), '#hold:<session
    id>' (holding slides), '#break:<session id>', '#closing', '#extra' (the hidden extras'
    divider), '<slide id>@<session id>' for a slide shown again, and '<id>#2'... for
    "(cont.)" slides. With a schedule, a module made for another `mode` than the agenda's
    is warned about.

    Raises:
        ContentError: the template is unreadable or lacks a layout or placeholder.
    """
    from compassion_kit.render.plan.deck_layouts import map_layouts
    from compassion_kit.render.pptx.template import read_template

    template_path = request.template or default_template()
    problems = check_template(template_path)
    if problems:
        raise ContentError(problems)
    template = read_template(template_path)
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
        template,
        org,
        request.logo,
        request.schedule,
        tokens,
        bundled=request.template is None,
        layouts=map_layouts(template),
    )
    slides = plan_slides(
        ctx,
        title,
        request.modules,
        request.date,
        request.venue,
        request.facilitator,
        request.slide_pool,
    )
    if request.schedule is not None:
        ctx.warnings[:0] = mode_warnings(request.modules, request.schedule.agenda)
    kinds = tuple(dict.fromkeys(slide.kind for slide in slides))
    return DeckPlan(
        title=title,
        slides=tuple(slides),
        font=org.font if ctx.branded else "",  # "": the template's theme fonts
        colours=ctx.colours,
        tokens=tokens,
        author=org.name,
        template=str(template_path),
        warnings=(*ctx.map.warnings(kinds), *ctx.warnings),
        layouts=ctx.map.layouts,
        brand_theme=ctx.branded,
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
        ContentError: the template cannot be read.
    """
    from compassion_kit.render.pptx.deck import write

    return RenderedFile(
        write(plan, request.logo), "pptx", units=len(plan.slides), warnings=plan.warnings
    )
