"""Turn checked inputs into renderer requests, shared by single commands and whole packs.

Owns how library items, a brand and options become an `AgendaRequest` or `PrintRequest`
and which renderer writes them; checking the inputs is the caller's business.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from compassion_kit.library import Library
from compassion_kit.model import DeckModule

if TYPE_CHECKING:
    from compassion_kit.logo import Logo
    from compassion_kit.profile import Brand
    from compassion_kit.render import RenderedFile
    from compassion_kit.render.agenda import AgendaRequest
    from compassion_kit.render.plan.printing import PrintRequest
    from compassion_kit.timing import Schedule


def slide_titles(library: Library) -> dict[str, str]:
    """Slide id -> slide title, over every deck module in the library."""
    return {
        s.id: s.title for d in library.items("deck") if isinstance(d, DeckModule) for s in d.slides
    }


def item_titles(library: Library) -> dict[str, str]:
    """Item id -> title, for print lists and checklists."""
    return {e.item.id: e.item.title for e in library.entries.values()}


def agenda_request(
    timed: Schedule,
    brand: Brand,
    logo: Logo | None,
    *,
    audience: str,
    slide_numbers: Mapping[str, int] | None,
    titles: tuple[Mapping[str, str], Mapping[str, str]],
    date: str | None,
    venue: str | None,
) -> AgendaRequest:
    """An agenda request; `titles` is (slide titles, item titles) from the library."""
    from compassion_kit.render.agenda import AgendaRequest

    return AgendaRequest(
        agenda=timed.agenda,
        schedule=timed,
        brand=brand,
        logo=logo,
        audience=audience,
        slide_numbers=slide_numbers,
        slide_titles=titles[0],
        library_titles=titles[1],
        date=date,
        venue=venue,
    )


def print_request(
    items: Sequence[Any],
    brand: Brand,
    logo: Logo | None,
    *,
    team: str | None,
    date: str | None,
    audience: str,
) -> PrintRequest:
    """A request for worksheets or handouts printed into one document."""
    from compassion_kit.render.plan.printing import PrintRequest

    return PrintRequest(
        items=tuple(items), brand=brand, logo=logo, team=team, date=date, audience=audience
    )


def render_printed(kind: str, request: PrintRequest) -> RenderedFile:
    """Plan and write worksheets (`kind` "worksheet") or handouts (anything else)."""
    from compassion_kit.render import handout, worksheet

    if kind.startswith("worksheet"):
        return worksheet.write_worksheets(worksheet.plan_worksheets(request), request)
    return handout.write_handouts(handout.plan_handouts(request), request)


def render_agenda(request: AgendaRequest, fmt: str = "docx") -> RenderedFile:
    """Plan an agenda and write it as Word (`docx`) or Markdown (`md`)."""
    from compassion_kit.render import agenda

    plan = agenda.plan_agenda(request)
    if fmt == "md":
        return agenda.write_agenda_markdown(plan)
    return agenda.write_agenda_docx(plan, request)
